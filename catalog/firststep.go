package catalog

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // way-in dates are read in Danish time, whatever the server's zone data
	"unicode"

	"github.com/brobygger/brobygger/match"
)

// danish is the time zone every wall-clock time in the catalog is in.
var danish = match.Copenhagen

var wayInKinds = []string{match.WayInSession, match.WayInIntro, match.WayInOpenHours, match.WayInCall}

// MaxNoticeHours is the longest notice an organisation may ask for: a
// newcomer who has to wait more than two weeks to be let in is lost.
const MaxNoticeHours = 14 * 24

// HasDatedWayIn reports whether o offers at least one concrete time a
// newcomer can come: a time in its way in, or, when the way in names no
// times, a session or event of its schedule.
func HasDatedWayIn(o match.Opportunity) bool {
	return len(firstStepTimes(o)) > 0
}

// validateWayIn checks the way in's kind and times, and that an
// opportunity without sessions of its own still names a time to come.
func validateWayIn(o match.Opportunity, bad func(field, format string, args ...any)) {
	w := o.FirstStep.WayIn
	const field = "first_step.way_in"
	hasTimes := len(w.Weekly)+len(w.Monthly)+len(w.Dates) > 0
	switch {
	case w.Kind == "" && (hasTimes || w.NoticeHours != 0):
		bad(field+".kind", "is empty; say whether it is %s", strings.Join(wayInKinds, ", "))
	case w.Kind != "" && !slices.Contains(wayInKinds, w.Kind):
		bad(field+".kind", "%q is not one of %s", w.Kind, strings.Join(wayInKinds, ", "))
	case w.Kind != "" && w.Kind != match.WayInSession && !hasTimes:
		bad(field, "a way in of kind %s needs times: weekly, monthly or dates", w.Kind)
	}
	if !hasTimes && o.Schedule.Kind == match.ScheduleFlexible {
		bad(field, "a flexible schedule needs a dated way in: give at least one time a newcomer can come (an intro meeting, open hours or a call slot)")
	}
	if w.NoticeHours < 0 || w.NoticeHours > MaxNoticeHours {
		bad(field+".notice_hours", "is %d; give 0 to %d hours", w.NoticeHours, MaxNoticeHours)
	}
	for i, s := range w.Weekly {
		validateSession(fmt.Sprintf("%s.weekly[%d]", field, i), s.Day, s.Start, s.End, bad)
	}
	for i, m := range w.Monthly {
		f := fmt.Sprintf("%s.monthly[%d]", field, i)
		if m.Week != -1 && (m.Week < 1 || m.Week > 4) {
			bad(f+".week", "is %d; give 1 to 4 for the first to the fourth, or -1 for the last", m.Week)
		}
		validateSession(f, m.Day, m.Start, m.End, bad)
	}
	for i, e := range w.Dates {
		f := fmt.Sprintf("%s.dates[%d]", field, i)
		switch {
		case e.Start.IsZero():
			bad(f+".start", "is missing")
		case e.End.IsZero():
			bad(f+".end", "is missing")
		case !e.Start.Before(e.End):
			bad(f+".end", "%s is not after start %s", e.End.In(danish).Format("2006-01-02 15:04"), e.Start.In(danish).Format("2006-01-02 15:04"))
		case w.Kind != match.WayInSession && e.End.Sub(e.Start) > 12*time.Hour:
			bad(f+".end", "a %s lasts %s; a way in is a meeting or a slot of at most 12 hours", w.Kind, e.End.Sub(e.Start))
		}
	}
}

func validateSession(field, day, start, end string, bad func(field, format string, args ...any)) {
	if !slices.Contains(weekdays, day) {
		bad(field+".day", "%q is not one of %s", day, strings.Join(weekdays, ", "))
	}
	s, okStart := minutes(start)
	e, okEnd := minutes(end)
	if !okStart {
		bad(field+".start", "%q is not a time HH:MM", start)
	}
	if !okEnd {
		bad(field+".end", "%q is not a time HH:MM", end)
	}
	if okStart && okEnd && s >= e {
		bad(field+".end", "%s is not after start %s", end, start)
	}
}

// slot is one time the first step can happen, in Danish wall-clock time.
type slot struct {
	day        time.Weekday
	start, end int    // minutes after midnight; end may pass 24:00
	week       int    // for a monthly slot: 1-4 or -1
	date       string // for a dated slot: "2026-12-09"
	until      string // for a dated slot that ends on a later day: "2027-07-16 14:00"
	month, dom int    // for a dated slot: month and day of month
}

var weekdayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
var ordinals = map[int]string{1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}

func hhmm(m int) string { return fmt.Sprintf("%02d:%02d", m/60%24, m%60) }

func (s slot) String() string {
	span := hhmm(s.start) + "–" + hhmm(s.end)
	if s.until != "" {
		span = hhmm(s.start) + " to " + s.until
	}
	switch {
	case s.date != "":
		return fmt.Sprintf("%s %s %s", weekdayNames[s.day], s.date, span)
	case s.week != 0:
		return fmt.Sprintf("the %s %s of the month %s", ordinals[s.week], weekdayNames[s.day], span)
	}
	return weekdayNames[s.day] + " " + span
}

// firstStepTimes lists the times the first step happens: the way in's, or
// the schedule's sessions and events when the way in names none. Times
// that do not parse are left out (validateWayIn reports them).
func firstStepTimes(o match.Opportunity) []slot {
	w := o.FirstStep.WayIn
	weekly, events := w.Weekly, w.Dates
	var out []slot
	if len(w.Weekly)+len(w.Monthly)+len(w.Dates) == 0 {
		weekly, events = o.Schedule.Weekly, o.Schedule.Events
	}
	add := func(day string, start, end string, week int) {
		d := slices.Index(weekdays, day)
		s, ok1 := minutes(start)
		e, ok2 := minutes(end)
		if d < 0 || !ok1 || !ok2 || s >= e {
			return
		}
		out = append(out, slot{day: time.Weekday((d + 1) % 7), start: s, end: e, week: week})
	}
	for _, s := range weekly {
		add(s.Day, s.Start, s.End, 0)
	}
	for _, m := range w.Monthly {
		add(m.Day, m.Start, m.End, m.Week)
	}
	for _, e := range events {
		if e.Start.IsZero() || !e.Start.Before(e.End) {
			continue
		}
		st, en := e.Start.In(danish), e.End.In(danish)
		start := st.Hour()*60 + st.Minute()
		end := start + int(min(en.Sub(st), 24*time.Hour)/time.Minute)
		s := slot{day: st.Weekday(), start: start, end: end, date: st.Format(time.DateOnly), month: int(st.Month()), dom: st.Day()}
		if en.Sub(st) >= 24*time.Hour {
			s.until = en.Format("2006-01-02 15:04")
		}
		out = append(out, s)
	}
	return out
}

// Parts of the day, as words in first-step text mean them: minutes after
// midnight [from, to).
type partOfDay struct {
	from, to int
}

var (
	earlyMorning = partOfDay{5 * 60, 10 * 60}
	lateMorning  = partOfDay{8 * 60, 12 * 60}
	morning      = partOfDay{5 * 60, 12 * 60}
	afternoon    = partOfDay{12 * 60, 18 * 60}
	evening      = partOfDay{17 * 60, 24 * 60}
	night        = partOfDay{21 * 60, 29 * 60}
)

// fits reports whether a time [start, end) can fairly be called part p:
// it starts in p, or starts at most an hour before p and spends at least
// an hour in it ("16:00–19:00" is an evening, "14:00–17:00" is not).
func (p partOfDay) fits(start, end int) bool {
	if start >= p.from && start < p.to {
		return true
	}
	if start < 5*60 && p.to > 24*60 && start+24*60 >= p.from && start+24*60 < p.to {
		return true // after midnight is still night
	}
	overlap := min(end, p.to) - max(start, p.from)
	return start >= p.from-60 && overlap >= 60
}

// dayWords maps the start of a word to the weekday it names; compounds
// such as "lørdagsvagt" and plurals such as "mondays" start the same way.
var dayWords = []struct {
	stem string
	day  time.Weekday
}{
	{"mandag", time.Monday}, {"tirsdag", time.Tuesday}, {"onsdag", time.Wednesday}, {"torsdag", time.Thursday},
	{"fredag", time.Friday}, {"lørdag", time.Saturday}, {"søndag", time.Sunday},
	{"monday", time.Monday}, {"tuesday", time.Tuesday}, {"wednesday", time.Wednesday}, {"thursday", time.Thursday},
	{"friday", time.Friday}, {"saturday", time.Saturday}, {"sunday", time.Sunday},
}

// notEvening are words that contain "aften" without meaning an evening.
var notEvening = []string{"kraften", "saften", "skaften", "draften"}

// partWord reads a part of the day from one lower-case word, which may be
// a compound ("introaften", "intro-eftermiddag", "lørdagsmorgen").
func partWord(w string) (partOfDay, bool) {
	switch {
	case strings.Contains(w, "eftermiddag"):
		return afternoon, true
	case strings.Contains(w, "formiddag"):
		return lateMorning, true
	case strings.Contains(w, "aften") && !slices.Contains(notEvening, w):
		return evening, true
	case w == "morgen" || w == "morgenen" || w == "morgener" || w == "morgens" ||
		strings.HasPrefix(w, "morgenmad") || strings.HasPrefix(w, "morgenbriefing") || strings.HasSuffix(w, "smorgen") ||
		(strings.HasSuffix(w, "morgen") && dayOf(w) >= 0):
		return earlyMorning, true
	case strings.HasPrefix(w, "morning"):
		return morning, true
	case strings.HasPrefix(w, "afternoon"):
		return afternoon, true
	case strings.HasPrefix(w, "evening") || w == "tonight":
		return evening, true
	case w == "nat" || w == "natten" || strings.HasPrefix(w, "natte") || w == "night" || w == "nights" || w == "overnight":
		return night, true
	}
	return partOfDay{}, false
}

// dayOf returns the weekday a word names, or -1.
func dayOf(w string) time.Weekday {
	for _, d := range dayWords {
		if strings.HasPrefix(w, d.stem) {
			return d.day
		}
	}
	return -1
}

func isWeekendWord(w string) bool { return strings.HasPrefix(w, "weekend") }

// clockPattern finds clock times: "kl. 9", "kl. 9.30", "17:00", "17.00",
// "5 pm", "5.30pm".
var clockPattern = regexp.MustCompile(`(?i)\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?\b|\b(\d{1,2})[.:](\d{2})\b(?:\s*(am|pm)\b)?|\b(\d{1,2})\s*(am|pm)\b`)

var monthsDa = []string{"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}
var monthsEn = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// datePattern finds dates: "9. december", "9 December", "December 9".
var datePattern = regexp.MustCompile(`(?i)\b(\d{1,2})\.?\s+(` + strings.Join(slices.Concat(monthsDa, monthsEn), "|") + `)\b|\b(` +
	strings.Join(monthsEn, "|") + `)\s+(\d{1,2})\b`)

func monthNumber(name string) int {
	name = strings.ToLower(name)
	if i := slices.Index(monthsDa, name); i >= 0 {
		return i + 1
	}
	return slices.Index(monthsEn, name) + 1
}

// checkFirstStepText reports where text says a day, part of day, clock
// time or date that the first step's times do not keep.
func checkFirstStepText(field, text string, times []slot, bad func(field, format string, args ...any)) {
	if strings.TrimSpace(text) == "" || len(times) == 0 {
		return
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-' && r != '\''
	})
	// Days named, and parts of the day named with or without a day.
	named := map[time.Weekday]string{}
	weekend := ""
	type part struct {
		word string
		p    partOfDay
		day  time.Weekday // -1 when the word names no day
	}
	var parts []part
	for i, w := range words {
		if w == "morgen" && i > 0 && words[i-1] == "i" {
			continue // "i morgen" is tomorrow
		}
		d := dayOf(w)
		if d >= 0 {
			if _, ok := named[d]; !ok {
				named[d] = w
			}
		}
		if isWeekendWord(w) && weekend == "" {
			weekend = w
		}
		if p, ok := partWord(w); ok {
			if d < 0 && i > 0 {
				d = dayOf(words[i-1]) // "tirsdag aften"
			}
			parts = append(parts, part{w, p, d})
		}
	}
	for _, pt := range parts {
		for _, t := range times {
			if (pt.day < 0 || t.day == pt.day) && !pt.p.fits(t.start, t.end) {
				bad(field, "says %q but the way in is at %s (%s)", pt.word, hhmm(t.start), t)
				break
			}
		}
	}
	if len(named) > 0 || weekend != "" {
		on := map[time.Weekday]bool{}
		for _, t := range times {
			on[t.day] = true
		}
		for _, d := range []time.Weekday{1, 2, 3, 4, 5, 6, 0} {
			if w, ok := named[d]; ok && !on[d] {
				bad(field, "says %q but the way in is never on a %s (it is %s)", w, weekdayNames[d], times[0])
			}
		}
		if weekend != "" && !on[time.Saturday] && !on[time.Sunday] {
			bad(field, "says %q but the way in is never at a weekend (it is %s)", weekend, times[0])
		}
		for _, t := range times {
			_, ok := named[t.day]
			if !ok && !(weekend != "" && (t.day == time.Saturday || t.day == time.Sunday)) {
				said := weekend
				for _, d := range []time.Weekday{1, 2, 3, 4, 5, 6, 0} {
					if w, ok := named[d]; ok && said == "" {
						said = w
					}
				}
				bad(field, "says %q but the way in is also %s; name every day or none", said, t)
				break
			}
		}
	}
	checkClocks(field, text, times, bad)
	checkDates(field, text, times, bad)
}

func checkClocks(field, text string, times []slot, bad func(field, format string, args ...any)) {
	type clock struct {
		said string
		at   int
	}
	var clocks []clock
	for _, m := range clockPattern.FindAllStringSubmatchIndex(text, -1) {
		sub := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return text[m[2*i]:m[2*i+1]]
		}
		h, mm, ampm := sub(1), sub(2), ""
		if h == "" {
			h, mm, ampm = sub(3), sub(4), strings.ToLower(sub(5))
			// "12.12.2026" and "2.5" are dates and numbers, not times.
			if end := m[1]; end < len(text) && text[end] == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' {
				continue
			}
		}
		if h == "" {
			h, ampm = sub(6), strings.ToLower(sub(7))
		}
		hour, _ := strconv.Atoi(h)
		minute, _ := strconv.Atoi(mm)
		if ampm == "pm" && hour < 12 {
			hour += 12
		}
		if ampm == "am" && hour == 12 {
			hour = 0
		}
		if hour > 24 || minute > 59 {
			continue
		}
		clocks = append(clocks, clock{text[m[0]:m[1]], hour*60 + minute})
	}
	// A clock time fits a time when it is within the hour before it
	// starts (arrive early) or while it lasts.
	fits := func(c clock, t slot) bool { return c.at >= t.start-60 && c.at <= t.end }
	for _, c := range clocks {
		if !slices.ContainsFunc(times, func(t slot) bool { return fits(c, t) }) {
			bad(field, "says %q but the way in is at %s (%s)", c.said, hhmm(times[0].start), times[0])
		}
	}
	if len(clocks) == 0 {
		return
	}
	for _, t := range times {
		if !slices.ContainsFunc(clocks, func(c clock) bool { return fits(c, t) }) {
			bad(field, "says %q but the way in is also at %s (%s)", clocks[0].said, hhmm(t.start), t)
			break
		}
	}
}

func checkDates(field, text string, times []slot, bad func(field, format string, args ...any)) {
	for _, m := range datePattern.FindAllStringSubmatch(text, -1) {
		day, month := m[1], m[2]
		if day == "" {
			day, month = m[4], m[3]
		}
		d, _ := strconv.Atoi(day)
		mo := monthNumber(month)
		if !slices.ContainsFunc(times, func(t slot) bool { return t.month == mo && t.dom == d }) {
			bad(field, "says %q but the way in is not on that day (it is %s)", m[0], times[0])
		}
	}
}

// phoneWords ask the newcomer to phone or text, in any form. English
// "call", "phone" and "text" are also nouns ("a video call"), so they count
// only as a verb: see asksToPhone.
var phoneWords = []string{"sms", "sms'e", "smse", "sms'en", "sms'er", "ring", "ringe", "whatsapp"}

var englishPhoneVerbs = []string{"call", "phone", "text", "ring"}
var objectPronouns = []string{"us", "me", "him", "her", "them"}

// phoneNumber is a Danish phone number: eight digits, perhaps in pairs,
// perhaps after +45.
var phoneNumber = regexp.MustCompile(`(?:\+45[\s-]?)?\b\d{2}[\s-]?\d{2}[\s-]?\d{2}[\s-]?\d{2}\b`)

var wordPattern = regexp.MustCompile(`[\p{L}']+`)

// asksToPhone returns the word with which text asks the newcomer to phone
// or text, or "".
func asksToPhone(text string) string {
	words := wordPattern.FindAllString(text, -1)
	for i, w := range words {
		lw := strings.ToLower(w)
		if slices.Contains(phoneWords, lw) {
			return lw
		}
		if !slices.Contains(englishPhoneVerbs, lw) {
			continue
		}
		// "Call Sara", "text us", "give us a call", "or call".
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		prev := ""
		if i > 0 {
			prev = strings.ToLower(words[i-1])
		}
		if i == 0 || slices.Contains(objectPronouns, strings.ToLower(next)) ||
			(next != "" && unicode.IsUpper([]rune(next)[0])) || slices.Contains([]string{"or", "and", "please", "then"}, prev) ||
			(prev == "a" && i >= 2 && slices.Contains(objectPronouns, strings.ToLower(words[i-2]))) {
			return lw
		}
	}
	return ""
}

// checkPhone rejects first-step text that tells the newcomer to phone or
// text when no field of the first step gives a number to do it with.
func checkPhone(fields [][2]string, bad func(field, format string, args ...any)) {
	for _, f := range fields {
		if phoneNumber.MatchString(f[1]) {
			return
		}
	}
	for _, f := range fields {
		if w := asksToPhone(f[1]); w != "" {
			bad(f[0], "says %q but the first step gives no phone number; add the number, or say how else to get in touch", w)
		}
	}
}

// validateFirstStep checks the way in and that the first step's text in
// both languages agrees with its times and gives what it asks for.
func validateFirstStep(o match.Opportunity, bad func(field, format string, args ...any)) {
	validateWayIn(o, bad)
	times := firstStepTimes(o)
	fields := [][2]string{
		{"first_step.what", o.FirstStep.What}, {"first_step.where", o.FirstStep.Where},
	}
	if o.En != nil {
		fields = append(fields, [2]string{"en.first_step_what", o.En.FirstStepWhat}, [2]string{"en.first_step_where", o.En.FirstStepWhere})
	}
	for _, f := range fields {
		checkFirstStepText(f[0], f[1], times, bad)
	}
	fields = append(fields, [2]string{"first_step.contact", o.FirstStep.Contact})
	if o.En != nil && o.En.FirstStepContact != "" {
		fields = append(fields, [2]string{"en.first_step_contact", o.En.FirstStepContact})
	}
	checkPhone(fields, bad)
}
