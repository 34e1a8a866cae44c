package match

import (
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // schedules must resolve on hosts without a zoneinfo database
)

// MinNotice is how far ahead a first session must start. A newcomer needs
// time to say yes, get the address and turn up, so the first step is
// tomorrow or later, never in an hour.
const MinNotice = 24 * time.Hour

// Horizon is how far ahead sessions are looked for. Further out a first step
// stops feeling concrete, and weekly sessions repeat well within it.
const Horizon = 60 * 24 * time.Hour

// copenhagen is the zone of every wall-clock time in a schedule.
var copenhagen = mustLoadCopenhagen()

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

// eventSlot is an Event with what ranking needs precomputed.
type eventSlot struct {
	startNano int64 // for allocation-free window checks
	start     time.Time
	end       time.Time
	slot      slotMask
	childOK   bool
}

// schedule is the compiled form of a Schedule.
type schedule struct {
	weekly []weeklySlot // sorted by day, then start
	// dayFrom[d]..dayFrom[d+1] are the weekly sessions on day d.
	dayFrom    [8]uint16
	events     []eventSlot // sorted by start
	weeklyMask slotMask    // slots of all weekly sessions
	childMask  slotMask    // slots of weekly sessions an under-15 may attend
	allMask    slotMask    // slots of all sessions, weekly and dated
	// flexible opportunities fit any availability; their events are optional.
	flexible bool
}

func compileSchedule(s Schedule) schedule {
	var c schedule
	for _, w := range s.Weekly {
		day, ok := parseDay(w.Day)
		if !ok {
			continue
		}
		start, ok := parseClock(w.Start)
		if !ok || start >= minutesPerDay {
			continue
		}
		end, ok := parseClock(w.End)
		switch {
		case !ok:
			end = start + defaultSessionMinutes
		case end <= start:
			end += minutesPerDay // runs past midnight
		}
		bit := slotBit(day, partOfDay(start))
		ws := weeklySlot{
			startMin: int32(start),
			endMin:   int32(end),
			day:      int8(day),
			childOK:  !isSchoolNight(day) || end <= schoolNightEnd,
			slot:     bit,
		}
		c.weekly = append(c.weekly, ws)
		c.weeklyMask |= bit
		if ws.childOK {
			c.childMask |= bit
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

	for _, e := range s.Events {
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
	c.allMask |= c.weeklyMask

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

// window is the span in which a first session may start.
type window struct {
	earliest, latest         time.Time
	earliestNano, latestNano int64
}

func newWindow(now time.Time) window {
	w := window{earliest: now.Add(MinNotice), latest: now.Add(Horizon)}
	w.earliestNano, w.latestNano = w.earliest.UnixNano(), w.latest.UnixNano()
	return w
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
	ws, wok := c.nextWeekly(mask, child, w)
	es, eok := c.nextEvent(mask, child, w)
	switch {
	case wok && eok:
		if es.Start.Before(ws.Start) {
			return es, true
		}
		return ws, true
	case wok:
		return ws, true
	}
	return es, eok
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

// scanEvents counts the events in w, how many fit mask, and whether one also
// fits pref (the slots not rejected as "wrong time").
func (c *schedule) scanEvents(mask, pref slotMask, child bool, w window) (total, fit int, prefFit bool) {
	for i := c.firstEvent(w); i < len(c.events) && total < maxScannedEvents; i++ {
		e := &c.events[i]
		if e.startNano > w.latestNano {
			break
		}
		total++
		if e.slot&mask != 0 && (!child || e.childOK) {
			fit++
			if e.slot&pref != 0 {
				prefFit = true
			}
		}
	}
	return total, fit, prefFit
}

// NextSession returns the next session of o that starts at least MinNotice
// after now and within Horizon (and before o.ActiveTo when set), whose day and
// part of day is in slots; any slot fits when slots is empty or holds no
// valid slot. Weekly times are Copenhagen wall-clock times; dated events use
// their own Start and End. The returned times are in Europe/Copenhagen. It
// reports false when there is no such session, which is always the case for
// a flexible opportunity without events.
func NextSession(o *Opportunity, slots []string, now time.Time) (Session, bool) {
	mask := parseSlots(slots)
	if mask == 0 {
		mask = anySlot
	}
	c := compileSchedule(o.Schedule)
	return c.next(mask, false, newWindow(now).until(o.ActiveTo))
}

func popcount(m slotMask) int { return bits.OnesCount32(uint32(m)) }
