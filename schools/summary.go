package schools

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/counts"
	"github.com/brobygger/brobygger/understand"
)

// MinCount is the smallest count a teacher is shown: a count of one to four
// pupils could point at a child ("the two who said mental health"), so it
// is hidden, and so is any count whose difference to a shown count would
// give a hidden one back by subtraction.
const MinCount = counts.Min

// Summary is what a teacher sees of a session: totals only. A nil count is
// hidden. It holds no ids, no texts and no times per pupil.
type Summary struct {
	AsOf time.Time
	// Joined counts the pupils who joined and stayed; Suggested those who
	// reached suggestions, Chose those who chose a first step.
	Joined, Suggested, Chose *int
	Interests                []Count
	Times                    []Count
	// Size is how many the plan is for: the class size the teacher gave
	// (a usual class when they did not), or the joined pupils when more.
	Size int
	// TopInterests are the class's most common interests, shown counts only.
	TopInterests []string
	// Age is the youngest pupil's age, for outings open to all (13 when
	// unknown); Postcode the school's or the pupils' most common.
	Age      int
	Postcode string
}

// Count is one interest's or time's total; nil is hidden.
type Count struct {
	ID    string
	Count *int
}

// Time groups a pupil's free time is counted in.
var timeGroups = []string{"weekday_morning", "weekday_afternoon", "weekday_evening", "weekend"}

// TimeLabel names a time group.
func TimeLabel(id, lang string) string {
	labels := map[string][2]string{
		"weekday_morning":   {"Hverdage om formiddagen", "Weekday mornings"},
		"weekday_afternoon": {"Hverdage efter skole", "Weekdays after school"},
		"weekday_evening":   {"Hverdage om aftenen", "Weekday evenings"},
		"weekend":           {"Weekender", "Weekends"},
	}
	l := labels[id]
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// InterestLabel names an interest.
func InterestLabel(id, lang string) string {
	i, ok := understand.InterestByID(id)
	switch {
	case !ok:
		return id
	case lang == "en":
		return i.En
	}
	return i.Da
}

func timeGroup(slot string) string {
	day, part, _ := strings.Cut(slot, "_")
	if day == "sat" || day == "sun" {
		return "weekend"
	}
	return "weekday_" + part
}

// summarise counts the answers of a class and hides what could point at a
// pupil.
func summarise(answers []bot.ClassAnswer, s Session, now time.Time) Summary {
	joined, suggested, chose := len(answers), 0, 0
	interests := map[string]int{}
	times := map[string]int{}
	postcodes := map[string]int{}
	age := 0
	for _, a := range answers {
		if a.Suggested {
			suggested++
		}
		if a.Chose {
			chose++
		}
		for _, i := range uniq(a.Interests) {
			interests[i]++
		}
		var groups []string
		for _, sl := range a.Slots {
			groups = append(groups, timeGroup(sl))
		}
		for _, g := range uniq(groups) {
			times[g]++
		}
		if a.Postcode != "" {
			postcodes[a.Postcode]++
		}
		if a.Age > 0 && (age == 0 || a.Age < age) {
			age = a.Age
		}
	}
	out := Summary{AsOf: now, Age: max(age, 13), Postcode: s.Postcode, Size: max(joined, cmp.Or(s.ClassSize, bot.DefaultClassSize))}
	if out.Postcode == "" {
		out.Postcode = mostCommon(postcodes)
	}
	funnel := counts.Protect(joined, []int{suggested, chose}, true)
	out.Joined, out.Suggested, out.Chose = funnel[0], funnel[1], funnel[2]

	var ids []string
	var tally []int
	for _, i := range understand.Interests() {
		if interests[i.ID] > 0 {
			ids, tally = append(ids, i.ID), append(tally, interests[i.ID])
		}
	}
	shown := counts.Protect(joined, tally, false)
	for k, id := range ids {
		out.Interests = append(out.Interests, Count{ID: id, Count: shown[k+1]})
	}
	top := slices.Clone(out.Interests)
	slices.SortStableFunc(top, func(a, b Count) int { return val(b.Count) - val(a.Count) })
	for _, c := range top {
		if c.Count != nil && len(out.TopInterests) < 3 {
			out.TopInterests = append(out.TopInterests, c.ID)
		}
	}

	ids, tally = nil, nil
	for _, g := range timeGroups {
		if times[g] > 0 {
			ids, tally = append(ids, g), append(tally, times[g])
		}
	}
	shown = counts.Protect(joined, tally, false)
	for k, id := range ids {
		out.Times = append(out.Times, Count{ID: id, Count: shown[k+1]})
	}
	return out
}

func val(p *int) int {
	if p == nil {
		return -1
	}
	return *p
}

func uniq(xs []string) []string {
	out := slices.Clone(xs)
	slices.Sort(out)
	return slices.Compact(out)
}

func mostCommon(m map[string]int) string {
	best, n := "", 0
	for k, v := range m {
		if v > n || (v == n && k < best) {
			best, n = k, v
		}
	}
	return best
}
