// Package followups walks a young person across the last two steps of the
// bridge after a warm lead is sent: a check-in the day before the first
// step (what, when, where, whom to ask for), one the day after (how did it
// go?), and for regular tasks one about four weeks in (still going, and
// part of it?). Check-ins are jobs in the leads outbox, so each is said
// once however many workers run; they keep quiet hours, stop after two
// go unanswered in a row, and the young person can turn them off.
//
// plan.go is pure: when each check-in falls due. service.go carries them
// out and records the answers on the lead.
package followups

import (
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

// Kind is the outbox job kind of a check-in; Payload.Step says which one
// and Payload.Seq the lead's reschedule count it was planned for.
const Kind = "checkin"

// Check-in steps, as bot names them.
const (
	Before = bot.CheckInBefore
	After  = bot.CheckInAfter
	Belong = bot.CheckInBelong
)

// Quiet hours, Danish time: no check-in is said between QuietFrom and
// QuietUntil o'clock; under-18s have an earlier evening.
const (
	QuietFromMinor = 20
	QuietFromAdult = 21
	QuietUntil     = 8
)

// sayAt is the hour check-ins are planned for: after school and work,
// before dinner.
const sayAt = 16

// BelongAfter is how long after the first step the belonging check-in
// comes, for regular tasks.
const BelongAfter = 28 * 24 * time.Hour

// undatedAfter is when the day-after check-in comes for a first step with
// no date ("whenever suits you"): a week after the lead.
const undatedAfter = 7 * 24 * time.Hour

// minBefore is the least time between sending a lead and its first step
// for a reminder the day before to make sense.
const minBefore = 12 * time.Hour

// Minor reports whether an age band is under 18. An unknown band counts as
// a minor: the earlier quiet hours are the safe side.
func Minor(ageBand string) bool {
	switch ageBand {
	case match.Band18to24, match.Band25to30:
		return false
	}
	return true
}

// Quiet reports whether t falls in the quiet hours.
func Quiet(t time.Time, minor bool) bool {
	h := t.In(match.Copenhagen).Hour()
	from := QuietFromAdult
	if minor {
		from = QuietFromMinor
	}
	return h >= from || h < QuietUntil
}

// NextAllowed is t, or the end of the quiet hours t falls in.
func NextAllowed(t time.Time, minor bool) time.Time {
	if !Quiet(t, minor) {
		return t
	}
	local := t.In(match.Copenhagen)
	morning := time.Date(local.Year(), local.Month(), local.Day(), QuietUntil, 0, 0, 0, match.Copenhagen)
	if !morning.After(local) {
		morning = morning.AddDate(0, 0, 1)
	}
	return morning
}

// Planned is one check-in that will be said.
type Planned struct {
	Kind          string    `json:"kind"`
	DueAt         time.Time `json:"due_at"`
	OpportunityID string    `json:"opportunity_id"`
	LeadID        string    `json:"-"`
}

// Plan says when lead l's check-ins fall due, seen at now: the day before
// its first step at 16, unless the step is less than 12 hours away; the day
// after it at 16 (a week after the lead for a step with no date); and
// about four weeks after it for regular tasks. Each is moved out of the
// quiet hours for the young person's age.
func Plan(l leads.Lead, now time.Time) []Planned {
	minor := Minor(l.Shared.AgeBand)
	var out []Planned
	add := func(kind string, due time.Time) {
		out = append(out, Planned{Kind: kind, DueAt: NextAllowed(due, minor), OpportunityID: l.OpportunityID, LeadID: l.ID})
	}
	var start, end time.Time
	if fs := l.FirstStep; fs != nil && fs.StartsAt != nil {
		start, end = *fs.StartsAt, *fs.StartsAt
		if fs.EndsAt != nil && fs.EndsAt.After(start) {
			end = *fs.EndsAt
		}
	}
	if start.IsZero() {
		add(After, atHour(now.Add(undatedAfter), 0))
		if regular(l.Commitment) {
			add(Belong, atHour(now.Add(undatedAfter+BelongAfter), 0))
		}
		return out
	}
	if start.Sub(now) >= minBefore {
		due := atHour(start, -1)
		if !due.Before(start) || due.Before(now) {
			due = now // the step is early tomorrow, or the lead came late today
		}
		add(Before, due)
	}
	add(After, atHour(end, 1))
	if regular(l.Commitment) {
		add(Belong, atHour(start.Add(BelongAfter), 0))
	}
	return out
}

// atHour is sayAt o'clock Danish time, days days after t's date.
func atHour(t time.Time, days int) time.Time {
	local := t.In(match.Copenhagen)
	return time.Date(local.Year(), local.Month(), local.Day()+days, sayAt, 0, 0, 0, match.Copenhagen)
}

// regular reports whether a commitment means coming back, so that a
// belonging check-in makes sense.
func regular(commitment string) bool {
	return commitment == match.Recurring || commitment == match.ShortTerm
}

// StillDue reports whether a check-in planned for the lead's reschedule
// round is still worth saying: not once the lead is over or moved, nor
// once the young person has already said what it would ask.
func StillDue(l leads.Lead, step string, round int) bool {
	if l.Over() || round != l.Reschedules {
		return false
	}
	switch step {
	case Before:
		return l.FirstVisit == "" && l.FirstStep != nil && l.FirstStep.StartsAt != nil
	case After:
		return l.FirstVisit == ""
	case Belong:
		return l.Belonging == "" && (l.FirstVisit == "" || l.FirstVisit == leads.VisitWelcomed)
	}
	return false
}
