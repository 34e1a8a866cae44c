package match

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // schedules must resolve on hosts without a zoneinfo database
)

// MinNotice is the notice a first step needs when the organisation states
// none (WayIn.NoticeHours 0): about a day, so a newcomer has time to say
// yes, get the address and turn up, and the organisation time to read the
// message. It is counted in days rather than hours, because that is how
// people plan: asked before NoticeCutoffHour, a step tomorrow is fine (asked
// on a Friday afternoon, Saturday morning works); asked later, the step is
// the day after tomorrow at the earliest. Counting a strict 24 hours would
// push a Saturday step a whole week out for someone who asks on Friday at
// noon. See EarliestStart.
const MinNotice = 24 * time.Hour

// NoticeCutoffHour is the hour (Danish time) after which a first step
// tomorrow is too short notice under the default MinNotice.
const NoticeCutoffHour = 18

// Horizon is how far ahead sessions are looked for by NextSession, and first
// steps first of all. Further out a first step
// stops feeling concrete, and weekly sessions repeat well within it.
const Horizon = 60 * 24 * time.Hour

// activityHorizon is how far ahead an opportunity's sessions, and first
// steps when none comes within Horizon, are looked for: a summer festival is
// a fine suggestion in December, best with its intro meeting in January,
// else with the festival itself as a dated first step. Ranking favours
// first steps within Horizon.
const activityHorizon = 366 * 24 * time.Hour

// Copenhagen is Danish time: the zone of every wall-clock time in a
// schedule, and the one Brobygger says every time in. It is loaded once,
// here, for the whole project.
var Copenhagen = mustLoadCopenhagen()

// copenhagen is Copenhagen under the name this package's code uses.
var copenhagen = Copenhagen

func mustLoadCopenhagen() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		// Cannot happen with time/tzdata embedded. Falling back to UTC would
		// silently move every session by one or two hours.
		panic("match: " + err.Error())
	}
	return loc
}

// Parts of the day, in slot order.
const (
	morning = iota
	afternoon
	evening
)

const (
	afternoonFrom = 12 * 60 // minutes after midnight
	eveningFrom   = 17 * 60
	// schoolNightEnd is the latest a session may end Monday to Thursday for
	// someone under 15, who has school the next morning.
	schoolNightEnd = 20 * 60
	// defaultSessionMinutes stands in for a missing or broken end time, so
	// that the school-night rule still has something to judge.
	defaultSessionMinutes = 120
	minutesPerDay         = 24 * 60
)

// slotMask holds one bit per day and part of day: bit day*3+part, Monday = 0.
type slotMask uint32

const anySlot slotMask = 1<<21 - 1

var (
	dayNames  = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	partNames = [3]string{"morning", "afternoon", "evening"}
	slotNames = func() (n [21]string) {
		for d, day := range dayNames {
			for p, part := range partNames {
				n[d*3+p] = day + "_" + part
			}
		}
		return n
	}()
)

func slotBit(day, part int) slotMask { return 1 << uint(day*3+part) }

func partOfDay(minute int) int {
	switch {
	case minute < afternoonFrom:
		return morning
	case minute < eveningFrom:
		return afternoon
	}
	return evening
}

// dayIndex maps Go's Sunday-first weekdays to Monday-first indexes.
func dayIndex(wd time.Weekday) int { return (int(wd) + 6) % 7 }

func isSchoolNight(day int) bool { return day <= 3 } // Monday to Thursday

// parseDay accepts "mon".."sun" and longer spellings such as "Monday".
func parseDay(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) < 3 {
		return 0, false
	}
	for i, d := range dayNames {
		if s[:3] == d {
			return i, true
		}
	}
	return 0, false
}

func parseSlot(s string) (slotMask, bool) {
	day, part, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "_")
	if !ok {
		return 0, false
	}
	d, ok := parseDay(day)
	if !ok {
		return 0, false
	}
	for p, name := range partNames {
		if part == name {
			return slotBit(d, p), true
		}
	}
	return 0, false
}

// parseSlots returns the union of the valid slots, 0 when there are none.
// Unknown strings are ignored rather than failing the whole profile.
func parseSlots(ss []string) slotMask {
	var m slotMask
	for _, s := range ss {
		if b, ok := parseSlot(s); ok {
			m |= b
		}
	}
	return m
}

// parseClock reads "HH:MM" (or the Danish "HH.MM") as minutes after midnight.
// "24:00" is accepted because it is a common way to write an end time.
func parseClock(s string) (int, bool) {
	s = strings.TrimSpace(s)
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		h, m, ok = strings.Cut(s, ".")
	}
	if !ok {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 24 || mm < 0 || mm > 59 || hh == 24 && mm != 0 {
		return 0, false
	}
	return hh*60 + mm, true
}

// SlotOf names the slot ("sat_morning") of t read as Copenhagen wall-clock time.
func SlotOf(t time.Time) string { return slotNames[slotIndex(t)] }

func slotIndex(t time.Time) int {
	l := t.In(copenhagen)
	return dayIndex(l.Weekday())*3 + partOfDay(l.Hour()*60+l.Minute())
}

// weeklySlot is a WeeklySession parsed once so ranking never touches strings.
type weeklySlot struct {
	startMin int32 // minutes after midnight
	endMin   int32 // may exceed a day when the session runs past midnight
	day      int8
	childOK  bool // allowed for under-15s (not a late school night)
	slot     slotMask
}

// monthlySlot is a MonthlySession parsed once.
type monthlySlot struct {
	weeklySlot
	week int8 // 1..4, or -1 for the last
}

// eventSlot is an Event with what ranking needs precomputed.
type eventSlot struct {
	startNano int64 // for allocation-free window checks
	start     time.Time
	end       time.Time
	slot      slotMask
	childOK   bool
}

// schedule is the compiled form of a Schedule, or of a WayIn.
type schedule struct {
	weekly []weeklySlot // sorted by day, then start
	// dayFrom[d]..dayFrom[d+1] are the weekly sessions on day d.
	dayFrom     [8]uint16
	monthly     []monthlySlot
	events      []eventSlot // sorted by start
	weeklyMask  slotMask    // slots of all weekly sessions
	childMask   slotMask    // slots of weekly sessions an under-15 may attend
	monthlyMask slotMask    // slots of all monthly sessions
	monthChild  slotMask    // slots of monthly sessions an under-15 may attend
	allMask     slotMask    // slots of all sessions, weekly, monthly and dated
	// flexible opportunities fit any availability; their events are optional.
	flexible bool
}

// empty reports whether c holds no usable time at all.
func (c *schedule) empty() bool {
	return len(c.weekly) == 0 && len(c.monthly) == 0 && len(c.events) == 0
}

// parseWeekly reads one weekly or monthly time; false for broken data.
func parseWeekly(w WeeklySession) (weeklySlot, bool) {
	day, ok := parseDay(w.Day)
	if !ok {
		return weeklySlot{}, false
	}
	start, ok := parseClock(w.Start)
	if !ok || start >= minutesPerDay {
		return weeklySlot{}, false
	}
	end, ok := parseClock(w.End)
	switch {
	case !ok:
		end = start + defaultSessionMinutes
	case end <= start:
		end += minutesPerDay // runs past midnight
	}
	return weeklySlot{
		startMin: int32(start),
		endMin:   int32(end),
		day:      int8(day),
		childOK:  !isSchoolNight(day) || end <= schoolNightEnd,
		slot:     slotBit(day, partOfDay(start)),
	}, true
}

func compileSchedule(s Schedule) schedule {
	c := compileTimes(s.Weekly, nil, s.Events)
	switch s.Kind {
	case ScheduleFlexible:
		c.flexible = true
	case ScheduleWeekly, ScheduleDated:
		// A weekly or dated schedule without usable sessions is broken data;
		// it must not turn into "any time suits".
	default:
		c.flexible = len(c.weekly) == 0 && len(c.events) == 0
	}
	return c
}

// compileWayIn compiles the times of a way in; it is never flexible, so an
// empty result means "no way in of its own".
func compileWayIn(w WayIn) schedule {
	return compileTimes(w.Weekly, w.Monthly, w.Dates)
}

func compileTimes(weekly []WeeklySession, monthly []MonthlySession, events []Event) schedule {
	var c schedule
	for _, w := range weekly {
		ws, ok := parseWeekly(w)
		if !ok {
			continue
		}
		c.weekly = append(c.weekly, ws)
		c.weeklyMask |= ws.slot
		if ws.childOK {
			c.childMask |= ws.slot
		}
	}
	slices.SortFunc(c.weekly, func(a, b weeklySlot) int {
		if a.day != b.day {
			return int(a.day) - int(b.day)
		}
		return int(a.startMin) - int(b.startMin)
	})
	for d, i := 0, 0; d < 7; d++ {
		for i < len(c.weekly) && int(c.weekly[i].day) == d {
			i++
		}
		c.dayFrom[d+1] = uint16(i)
	}

	for _, m := range monthly {
		ws, ok := parseWeekly(WeeklySession{Day: m.Day, Start: m.Start, End: m.End})
		if !ok || m.Week != -1 && (m.Week < 1 || m.Week > 4) {
			continue
		}
		c.monthly = append(c.monthly, monthlySlot{weeklySlot: ws, week: int8(m.Week)})
		c.monthlyMask |= ws.slot
		if ws.childOK {
			c.monthChild |= ws.slot
		}
	}

	for _, e := range events {
		// UnixNano is only meaningful for years 1678..2262; anything outside
		// is broken data, not a session.
		if e.Start.IsZero() || e.Start.Year() < 1900 || e.Start.Year() > 2200 {
			continue
		}
		start := e.Start.In(copenhagen)
		end := e.End.In(copenhagen)
		if !end.After(start) {
			end = start.Add(defaultSessionMinutes * time.Minute)
		}
		y, m, d := start.Date()
		day := dayIndex(start.Weekday())
		bit := slotBit(day, partOfDay(start.Hour()*60+start.Minute()))
		c.events = append(c.events, eventSlot{
			startNano: start.UnixNano(),
			start:     start,
			end:       end,
			slot:      bit,
			childOK:   !isSchoolNight(day) || !end.After(time.Date(y, m, d, 0, schoolNightEnd, 0, 0, copenhagen)),
		})
		c.allMask |= bit
	}
	slices.SortFunc(c.events, func(a, b eventSlot) int { return a.start.Compare(b.start) })
	c.allMask |= c.weeklyMask | c.monthlyMask
	return c
}

// EarliestStart is the earliest a first step may start when asked at now,
// for an organisation that needs noticeHours of notice (0: MinNotice, the
// day rule described there). The result is in Europe/Copenhagen.
func EarliestStart(now time.Time, noticeHours int) time.Time {
	if noticeHours > 0 {
		return now.Add(time.Duration(noticeHours) * time.Hour).In(copenhagen)
	}
	l := now.In(copenhagen)
	days := 1
	if l.Hour() >= NoticeCutoffHour {
		days = 2
	}
	y, m, d := l.Date()
	return time.Date(y, m, d+days, 0, 0, 0, 0, copenhagen)
}

// window is the span in which a first session may start.
type window struct {
	earliest, latest         time.Time
	earliestNano, latestNano int64
}

func newWindow(now time.Time) window { return noticeWindow(now, 0, Horizon) }

// noticeWindow starts after the notice and ends horizon after now.
func noticeWindow(now time.Time, noticeHours int, horizon time.Duration) window {
	return spanWindow(EarliestStart(now, noticeHours), now.Add(horizon))
}

func spanWindow(earliest, latest time.Time) window {
	return window{earliest: earliest, latest: latest, earliestNano: earliest.UnixNano(), latestNano: latest.UnixNano()}
}

// until narrows w so no session starts after the opportunity ends.
func (w window) until(activeTo time.Time) window {
	if !activeTo.IsZero() && activeTo.Before(w.latest) {
		w.latest = activeTo
		w.latestNano = activeTo.UnixNano()
	}
	return w
}

// next is the earliest session in w whose slot is in mask, skipping late
// school nights when child is set.
func (c *schedule) next(mask slotMask, child bool, w window) (Session, bool) {
	best, found := c.nextWeekly(mask, child, w)
	if s, ok := c.nextMonthly(mask, child, w); ok && (!found || s.Start.Before(best.Start)) {
		best, found = s, true
	}
	if s, ok := c.nextEvent(mask, child, w); ok && (!found || s.Start.Before(best.Start)) {
		best, found = s, true
	}
	return best, found
}

// hasIn reports cheaply whether c has a time in mask within w. Weekly and
// monthly times are taken to recur within any window of a month or more,
// which holds for the windows ranking uses unless the opportunity ends
// first; the exact answer comes from next.
func (c *schedule) hasIn(mask slotMask, child bool, w window) bool {
	wm, mm := c.weeklyMask, c.monthlyMask
	if child {
		wm, mm = c.childMask, c.monthChild
	}
	if (wm|mm)&mask != 0 {
		return true
	}
	if len(c.events) == 0 {
		return false
	}
	_, ok := c.nextEvent(mask, child, w)
	return ok
}

func (c *schedule) nextWeekly(mask slotMask, child bool, w window) (Session, bool) {
	fits := c.weeklyMask
	if child {
		fits = c.childMask
	}
	if fits&mask == 0 || w.latest.Before(w.earliest) {
		return Session{}, false
	}
	first := w.earliest.In(copenhagen)
	y, m, d := first.Date()
	wd := dayIndex(first.Weekday())
	for i := 0; ; i++ {
		// time.Date normalises the day and minute overflow and resolves the
		// wall clock in Copenhagen, so DST changes land on the right hour.
		if time.Date(y, m, d+i, 0, 0, 0, 0, copenhagen).After(w.latest) {
			return Session{}, false
		}
		day := (wd + i) % 7
		for _, s := range c.weekly[c.dayFrom[day]:c.dayFrom[day+1]] {
			if s.slot&mask == 0 || child && !s.childOK {
				continue
			}
			start := time.Date(y, m, d+i, 0, int(s.startMin), 0, 0, copenhagen)
			if start.Before(w.earliest) {
				continue
			}
			if start.After(w.latest) {
				return Session{}, false
			}
			return Session{Start: start, End: time.Date(y, m, d+i, 0, int(s.endMin), 0, 0, copenhagen)}, true
		}
	}
}

// nthWeekday is the day of the month of the week-th weekday day (Monday = 0)
// of month m in year y; week -1 is the last one.
func nthWeekday(y int, m time.Month, week, day int) int {
	if week < 0 {
		last := time.Date(y, m+1, 0, 12, 0, 0, 0, copenhagen)
		return last.Day() - (dayIndex(last.Weekday())-day+7)%7
	}
	first := time.Date(y, m, 1, 12, 0, 0, 0, copenhagen)
	return 1 + (day-dayIndex(first.Weekday())+7)%7 + 7*(week-1)
}

func (c *schedule) nextMonthly(mask slotMask, child bool, w window) (Session, bool) {
	fits := c.monthlyMask
	if child {
		fits = c.monthChild
	}
	if fits&mask == 0 || w.latest.Before(w.earliest) {
		return Session{}, false
	}
	first := w.earliest.In(copenhagen)
	y, m, _ := first.Date()
	for i := 0; ; i++ {
		if time.Date(y, m+time.Month(i), 1, 0, 0, 0, 0, copenhagen).After(w.latest) {
			return Session{}, false
		}
		var best Session
		for _, s := range c.monthly {
			if s.slot&mask == 0 || child && !s.childOK {
				continue
			}
			// Normalise the month once so nthWeekday sees a real one.
			ms := time.Date(y, m+time.Month(i), 1, 0, 0, 0, 0, copenhagen)
			d := nthWeekday(ms.Year(), ms.Month(), int(s.week), int(s.day))
			start := time.Date(ms.Year(), ms.Month(), d, 0, int(s.startMin), 0, 0, copenhagen)
			if start.Before(w.earliest) || start.After(w.latest) {
				continue
			}
			if best.IsZero() || start.Before(best.Start) {
				best = Session{Start: start, End: time.Date(ms.Year(), ms.Month(), d, 0, int(s.endMin), 0, 0, copenhagen)}
			}
		}
		if !best.IsZero() {
			return best, true
		}
	}
}

// firstEvent is the index of the first event starting at or after the window.
func (c *schedule) firstEvent(w window) int {
	lo, hi := 0, len(c.events)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if c.events[mid].startNano < w.earliestNano {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

func (c *schedule) nextEvent(mask slotMask, child bool, w window) (Session, bool) {
	for i := c.firstEvent(w); i < len(c.events); i++ {
		e := &c.events[i]
		if e.startNano > w.latestNano {
			break
		}
		if e.slot&mask != 0 && (!child || e.childOK) {
			return Session{Start: e.start, End: e.end}, true
		}
	}
	return Session{}, false
}

// maxScannedEvents bounds the work per opportunity for daily events; the
// overlap share of the first ones is a good enough estimate.
const maxScannedEvents = 64

// scanEvents counts the events in w, how many fit pref (the person's time),
// and whether one fits other (the times they could still be asked about).
func (c *schedule) scanEvents(pref, other slotMask, child bool, w window) (total, fit int, otherFit bool) {
	for i := c.firstEvent(w); i < len(c.events) && total < maxScannedEvents; i++ {
		e := &c.events[i]
		if e.startNano > w.latestNano {
			break
		}
		total++
		if !child || e.childOK {
			if e.slot&pref != 0 {
				fit++
			}
			if e.slot&other != 0 {
				otherFit = true
			}
		}
	}
	return total, fit, otherFit
}

// NextSession returns the next session of o that starts at least MinNotice
// after now (see EarliestStart) and within Horizon (and before o.ActiveTo when
// set), whose day and part of day is in slots; any slot fits when slots is
// empty or holds no valid slot. Weekly times are Copenhagen wall-clock times;
// dated events use their own Start and End. The returned times are in
// Europe/Copenhagen. It reports false when there is no such session, which is
// always the case for a flexible opportunity without events. It is about the
// opportunity's own sessions; for when a newcomer starts, use FirstStepTime.
func NextSession(o *Opportunity, slots []string, now time.Time) (Session, bool) {
	mask := parseSlots(slots)
	if mask == 0 {
		mask = anySlot
	}
	c := compileSchedule(o.Schedule)
	return c.next(mask, false, newWindow(now).until(o.ActiveTo))
}

// StepTime is when a newcomer can take an opportunity's first step.
type StepTime struct {
	Session
	// OtherTime is set when no way in fits the young person's time, so this
	// is the next one at any other time.
	OtherTime bool
	// NoticeDelayed is set when a way in at a fitting time came sooner but
	// was too short notice for the organisation (WayIn.NoticeHours, or
	// MinNotice), so the bot can say why the step is later.
	NoticeDelayed bool
}

// FirstStepTime returns when a newcomer with profile p can take o's first
// step: the next time of o.FirstStep.WayIn (weekly, monthly or dated) or,
// when the way in lists no times (or none outside the slots turned down),
// the next session of o's own Schedule: coming to a session is the way in
// every organisation takes. It prefers times in p.Slots (any time when
// empty), minus slots turned down as "wrong time" (Rejection.Slot), and
// otherwise gives the next one at any other time with OtherTime set. Every
// time starts after the notice (EarliestStart with WayIn.NoticeHours) and by
// o.ActiveTo, within Horizon when there is one, else within a year (a summer
// festival's own date), and under-15s never get a late school night. It
// reports false when there is no such time, e.g. a flexible opportunity
// without a way in. Rank puts the same on Suggestion.FirstStep.
func FirstStepTime(o *Opportunity, p Profile, now time.Time) (StepTime, bool) {
	act := compileSchedule(o.Schedule)
	way := compileWayIn(o.FirstStep.WayIn)
	prof := parseSlots(p.Slots)
	if prof == 0 {
		prof = anySlot
	}
	var avoid slotMask
	for _, r := range p.Rejections {
		if normKey(r.Reason) == WrongTime {
			if bit, ok := parseSlot(r.Slot); ok {
				avoid |= bit
			}
		}
	}
	age := p.Age
	if age <= 0 {
		age = UnknownAge
	}
	return firstStep(&act, &way, prof&^avoid, anySlot&^avoid, age < childAge, now, o.FirstStep.WayIn.NoticeHours, o.ActiveTo)
}

// firstStep implements FirstStepTime over compiled schedules: soon before
// far, then the way in (nil for none) before the opportunity's own
// sessions, then inside pref before inside other.
func firstStep(act, way *schedule, pref, other slotMask, child bool, now time.Time, notice int, activeTo time.Time) (StepTime, bool) {
	for _, horizon := range [2]time.Duration{Horizon, activityHorizon} {
		w := noticeWindow(now, notice, horizon).until(activeTo)
		for _, src := range [2]*schedule{way, act} {
			if src == nil || src.empty() {
				continue
			}
			for i, m := range [2]slotMask{pref, other} {
				if m == 0 || i == 1 && m == pref {
					continue
				}
				s, ok := src.next(m, child, w)
				if !ok {
					continue
				}
				// Anything in the same slots between now and the notice's end
				// was passed over only because of the notice.
				_, sooner := src.next(m, child, spanWindow(now, w.earliest.Add(-time.Nanosecond)).until(activeTo))
				return StepTime{Session: s, OtherTime: m != pref, NoticeDelayed: sooner}, true
			}
		}
	}
	return StepTime{}, false
}

func popcount(m slotMask) int { return bits.OnesCount32(uint32(m)) }
