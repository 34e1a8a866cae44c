package schools

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/understand"
)

// MinCount is the smallest count a teacher is shown: a count of one to four
// pupils could point at a child ("the two who said mental health"), so it
// is hidden, and so is any count whose difference to a shown count would
// give a hidden one back by subtraction.
const MinCount = 5

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
	funnel := protect(joined, []int{suggested, chose}, true)
	out.Joined, out.Suggested, out.Chose = funnel[0], funnel[1], funnel[2]

	var ids []string
	var counts []int
	for _, i := range understand.Interests() {
		if interests[i.ID] > 0 {
			ids, counts = append(ids, i.ID), append(counts, interests[i.ID])
		}
	}
	shown := protect(joined, counts, false)
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

	ids, counts = nil, nil
	for _, g := range timeGroups {
		if times[g] > 0 {
			ids, counts = append(ids, g), append(counts, times[g])
		}
	}
	shown = protect(joined, counts, false)
	for k, id := range ids {
		out.Times = append(out.Times, Count{ID: id, Count: shown[k+1]})
	}
	return out
}

// protect decides which of a total and its parts may be shown. Each part is
// a count of the total's pupils. A count under MinCount is hidden; so is a
// part whose difference to the total (the pupils without it) is between 1
// and MinCount-1, since subtraction would give that small group. With
// nested parts (a funnel: each part within the one before), the
// differences between the parts are checked too, and a part is hidden
// until no shown pair reveals a small group. With the total hidden,
// everything is. The result is the total and then the parts, nil where
// hidden.
func protect(total int, parts []int, nested bool) []*int {
	out := make([]*int, len(parts)+1)
	if total < MinCount {
		return out
	}
	all := append([]int{total}, parts...)
	hidden := make([]bool, len(all))
	for i, v := range parts {
		if v < MinCount {
			hidden[i+1] = true
		}
	}
	small := func(d int) bool { return d > 0 && d < MinCount }
	for changed := true; changed; {
		changed = false
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				if hidden[i] || hidden[j] {
					continue
				}
				// Parts that are not nested overlap in unknown ways;
				// only their difference to the total is a group.
				if !nested && i != 0 {
					continue
				}
				if small(abs(all[i] - all[j])) {
					hidden[j] = true // the later, smaller count gives way
					changed = true
				}
			}
		}
	}
	for i, v := range all {
		if !hidden[i] {
			out[i] = &v
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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
