package leads

import (
	"fmt"
	"slices"
	"time"
)

// Bridge stages: the four steps of the bridge-building model a newcomer
// crosses, per chosen opportunity. A lead is opened at knows_how (the card
// was seen, a first step chosen and the organisation told); the young
// person's own answers to the check-ins move it on to welcomed (they went,
// and someone welcomed them) and belongs (still going after about four
// weeks, and feeling part of it). Stages only move forward.
const (
	StageKnowsItExists = "knows_it_exists"
	StageKnowsHow      = "knows_how"
	StageWelcomed      = "welcomed"
	StageBelongs       = "belongs"
)

// Stages is every bridge stage, in order.
var Stages = []string{StageKnowsItExists, StageKnowsHow, StageWelcomed, StageBelongs}

// StageChange is when a lead reached a bridge stage.
type StageChange struct {
	Stage string    `json:"stage"`
	At    time.Time `json:"at"`
}

// How the first visit went, in the young person's own answer to the
// check-in the day after; cannot_come is said the day before instead.
const (
	VisitWelcomed    = "welcomed"
	VisitNotWelcomed = "not_welcomed"
	VisitMissed      = "missed"
	VisitCannotCome  = "cannot_come"
)

// How it is going about four weeks in, for regular tasks.
const (
	BelongingBelongs    = "belongs"
	BelongingStillGoing = "still_going"
	BelongingStopped    = "stopped"
)

// Events of the bridge. The organisation hears of each (webhook, staff
// page) without the young person's words: "not welcomed" is a signal to
// look at how newcomers are met, not a complaint to answer.
const (
	// EventStage is a lead reaching a new bridge stage (Event.Stage).
	EventStage = "lead.bridge_stage"
	// EventVisit is how the first visit went (Event.Visit).
	EventVisit = "lead.first_visit"
	// EventRescheduled is the first step moved to a later session (Event.StartsAt).
	EventRescheduled = "lead.rescheduled"
	// EventBelonging is how it goes about four weeks in (Event.Visit).
	EventBelonging = "lead.belonging"
)

// FirstStep is the first step the young person chose, as the chat showed
// it, in their language; StartsAt is nil when it has no date.
type FirstStep struct {
	What     string     `json:"what"`
	Where    string     `json:"where,omitempty"`
	Contact  string     `json:"contact,omitempty"`
	StartsAt *time.Time `json:"starts_at,omitempty"`
	EndsAt   *time.Time `json:"ends_at,omitempty"`
}

// stageRank orders the stages; an unknown stage ranks below them all.
func stageRank(stage string) int { return slices.Index(Stages, stage) }

// openBridge starts a new lead's bridge: the card was seen when its
// knows_it_exists stage says (NewLead sets it; the lead's creation when
// unknown), and the first step chosen at at.
func (l *Lead) openBridge(at time.Time) {
	seen, ok := l.StageAt(StageKnowsItExists)
	if !ok || seen.After(at) {
		seen = at
	}
	l.BridgeStage = StageKnowsHow
	l.BridgeStages = []StageChange{{StageKnowsItExists, seen}, {StageKnowsHow, at}}
	l.FirstVisit, l.Belonging = "", ""
}

// reach moves the lead to stage, recording when; a stage it has reached or
// passed is ErrUnchanged.
func (l *Lead) reach(stage string, at time.Time) (Event, error) {
	if stageRank(stage) <= stageRank(l.BridgeStage) {
		return Event{}, ErrUnchanged
	}
	l.BridgeStage = stage
	l.BridgeStages = append(l.BridgeStages, StageChange{stage, at})
	return l.record(Event{Type: EventStage, At: at, By: Youth.role, Stage: stage})
}

// StageAt is when the lead reached stage, if it has.
func (l *Lead) StageAt(stage string) (time.Time, bool) {
	for _, c := range l.BridgeStages {
		if c.Stage == stage {
			return c.At, true
		}
	}
	return time.Time{}, false
}

// Over reports whether the bridge ends at this lead: the young person
// withdrew it, the organisation declined it, or nobody answered it and the
// young person has not said they went and were welcomed (an organisation
// that never opens Brobygger may still greet a newcomer at the door).
func (l *Lead) Over() bool {
	switch l.Status {
	case StatusDeclined, StatusWithdrawn:
		return true
	case StatusNoResponse:
		return l.FirstVisit != VisitWelcomed
	}
	return false
}

// ReportVisit records the young person's answer about their first visit:
// welcomed moves the lead to the welcomed stage; not_welcomed, missed and
// cannot_come are told the organisation as what they are, without words.
// The same answer twice is ErrUnchanged; a closed lead takes none.
func (l *Lead) ReportVisit(visit string, at time.Time) ([]Event, error) {
	switch {
	case !slices.Contains([]string{VisitWelcomed, VisitNotWelcomed, VisitMissed, VisitCannotCome}, visit):
		return nil, fmt.Errorf("lead %s: %q is not a visit answer: %w", l.ID, visit, ErrInvalid)
	case l.Over():
		return nil, fmt.Errorf("lead %s is %s: %w", l.ID, l.Status, ErrInvalid)
	case l.FirstVisit == visit:
		return nil, ErrUnchanged
	case l.FirstVisit == VisitWelcomed || l.FirstVisit == VisitNotWelcomed:
		// They went; how it went was said once and stays as said.
		return nil, ErrUnchanged
	}
	l.FirstVisit = visit
	e, err := l.record(Event{Type: EventVisit, At: at, By: Youth.role, Visit: visit})
	if err != nil || visit != VisitWelcomed {
		return []Event{e}, err
	}
	s, err := l.reach(StageWelcomed, at)
	if err != nil {
		return []Event{e}, nil
	}
	return []Event{e, s}, nil
}

// ReportBelonging records how it goes about four weeks in: belongs moves
// the lead to the last stage.
func (l *Lead) ReportBelonging(answer string, at time.Time) ([]Event, error) {
	switch {
	case !slices.Contains([]string{BelongingBelongs, BelongingStillGoing, BelongingStopped}, answer):
		return nil, fmt.Errorf("lead %s: %q is not a belonging answer: %w", l.ID, answer, ErrInvalid)
	case l.Belonging == answer:
		return nil, ErrUnchanged
	}
	l.Belonging = answer
	e, err := l.record(Event{Type: EventBelonging, At: at, By: Youth.role, Visit: answer})
	if err != nil {
		return nil, err
	}
	events := []Event{e}
	if answer == BelongingBelongs {
		// Still going a month in says they were welcomed too, whatever the
		// day-after check-in heard (or did not).
		for _, stage := range []string{StageWelcomed, StageBelongs} {
			if s, err := l.reach(stage, at); err == nil {
				events = append(events, s)
			}
		}
	}
	return events, nil
}

// Reschedule moves the first step to a later session, after the young
// person could not come or did not make it, and forgets that answer so the
// check-ins start again for the new date.
func (l *Lead) Reschedule(fs FirstStep, at time.Time) (Event, error) {
	switch {
	case l.Over():
		return Event{}, fmt.Errorf("lead %s is %s: %w", l.ID, l.Status, ErrInvalid)
	case fs.StartsAt == nil:
		return Event{}, fmt.Errorf("lead %s: a new first step needs a date: %w", l.ID, ErrInvalid)
	case l.FirstStep != nil && l.FirstStep.StartsAt != nil && l.FirstStep.StartsAt.Equal(*fs.StartsAt):
		return Event{}, ErrUnchanged
	}
	l.FirstStep = &fs
	l.Reschedules++
	if l.FirstVisit == VisitMissed || l.FirstVisit == VisitCannotCome {
		l.FirstVisit = ""
	}
	starts := *fs.StartsAt
	return l.record(Event{Type: EventRescheduled, At: at, By: Youth.role, StartsAt: &starts})
}

// WelcomeRate is how an organisation's first visits went, as the young
// people said the day after: Visits counts those who went and answered,
// Welcomed those who felt welcomed.
type WelcomeRate struct {
	Visits, Welcomed int
}

// MinVisits is the fewest answered first visits a welcome rate is shown
// for: under it one young person's answer could be read off the share.
const MinVisits = 5

// Share is the welcomed share, and false when there are too few visits to
// show it.
func (w WelcomeRate) Share() (float64, bool) {
	if w.Visits < MinVisits {
		return 0, false
	}
	return float64(w.Welcomed) / float64(w.Visits), true
}

// Welcomes measures how an organisation's first visits went over its leads.
func Welcomes(leads []Lead) WelcomeRate {
	var w WelcomeRate
	for _, l := range leads {
		switch l.FirstVisit {
		case VisitWelcomed:
			w.Visits++
			w.Welcomed++
		case VisitNotWelcomed:
			w.Visits++
		}
	}
	return w
}
