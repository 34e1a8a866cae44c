package understand

import "strings"

// Days are bits of a week mask, Monday first; parts are bits of a day mask.
const (
	allDays  uint8 = 1<<7 - 1
	workDays uint8 = 1<<5 - 1
	weekend  uint8 = 1<<5 | 1<<6
	allParts uint8 = 1<<3 - 1

	morning   uint8 = 1 << 0
	afternoon uint8 = 1 << 1
	evening   uint8 = 1 << 2
)

var (
	dayCodes  = [7]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	partCodes = [3]string{"morning", "afternoon", "evening"}
)

// dayNames are full day names; a word counts when it starts with one, so
// plurals, definite forms and compounds ("tirsdage", "mandagen",
// "fredagsbar") match too.
var dayNames = []struct {
	day   int
	names []string
}{
	{0, []string{"mandag", "monday", "mondag"}},
	{1, []string{"tirsdag", "tuesday", "tusday", "tuesdy", "tirsda", "tisdag"}},
	{2, []string{"onsdag", "wednesday", "wendsday", "wensday", "wednsday", "wedensday", "wedneday", "onsda"}},
	{3, []string{"torsdag", "thursday", "thurday", "thursay", "thusday", "torsda"}},
	{4, []string{"fredag", "friday", "fridag", "freday", "fredda"}},
	{5, []string{"lørdag", "saturday", "saterday", "satuday", "satday", "lørda"}},
	{6, []string{"søndag", "sunday", "sundag", "sønda"}},
}

// dayAbbrevList holds short forms. Ambiguous ones are also ordinary words
// ("man" is "one", "fri" is "free", "søn" is "son") and only count in a
// list of days or right before a part of the day.
var dayAbbrevList = map[string]struct {
	day       int
	ambiguous bool
}{
	"man": {0, true}, "mon": {0, true},
	"tirs": {1, false}, "tir": {1, false}, "tue": {1, false}, "tues": {1, false},
	"ons": {2, false}, "wed": {2, false}, "weds": {2, false},
	"tors": {3, false}, "tor": {3, true}, "thu": {3, false}, "thur": {3, false}, "thurs": {3, false},
	"fre": {4, false}, "fri": {4, true},
	"lør": {5, false}, "sat": {5, true},
	"søn": {6, true}, "sun": {6, true},
}

// dayGroups are words for several days at once.
var dayGroups = []struct {
	days  uint8
	stems []string
}{
	{weekend, []string{"weekend", "weekent", "wekend", "weeknd", "wkend", "wknd", "weekened", "weekeend", "wochenende"}},
	{workDays, []string{"hverdag", "weekday", "hverdaf", "hverdg", "hvedag", "hverdage"}},
}

// dayPhrases are multi-word day expressions.
var dayPhrases = []termGroup{
	{"all", []string{
		"hele ugen", "alle dage", "alle dagene", "alle ugens dage", "hver dag", "hverdag og weekend",
		"every day", "everyday", "daily", "dagligt", "any day", "all week", "7 dage om ugen",
		"alle ugedage", "all days", "hele tiden", "når som helst", "hvornår som helst",
		"anytime", "any time", "whenever", "altid tid", "always free|available", "all the time",
		"any day of the week", "altid ledig|fri",
	}},
	{"work", []string{"i løbet af ugen", "during the week", "in the week", "week days", "on weekdays", "mandag til fredag"}},
	{"midweek", []string{"midt i ugen", "midweek", "mid week"}},
	{"weekend", []string{"lørdag og søndag", "saturday and sunday", "lør og søn"}},
	// "whenever I have time" is vague, not every day (see vagueTimeTerms)
	{blocked, []string{"whenever i (have time|can|am free|im free|feel like it|get the time)", "whenever it suits"}},
}

// anyTimePhrases also cover every part of the day, not just every day.
var anyTimePhrases = set("hele tiden", "når som helst", "hvornår som helst", "anytime", "any time",
	"whenever", "altid tid", "always free", "always available", "all the time", "altid ledig", "altid fri")

// partTerms are the parts of the day.
var partTerms = []termGroup{
	{"morning", []string{
		"formiddag*", "morgen*", "morning*", "før skole|skolen|arbejde|frokost|middag",
		"before school|work|lunch", "om formiddagen|morgenen", "early", "tidligt om dagen",
		"fm", "formidag*", "formiddg*", "am",
	}},
	{"afternoon", []string{
		"eftermiddag*", "efter middag", "afternoon*", "efter skole|skolen|skoletid|arbejde|arbejdet|timerne|gym|gymnasiet|uni|job|jobbet|fri|træning|lektier",
		"after school|work|class|classes", "eftermidag*", "eftermiddg*", "eftermidd*", "em", "pm",
		"efter frokost", "after lunch", "midt på dagen", "midday", "middagstid*",
	}},
	{"daytime", []string{"i dagtimerne", "dagtimer*", "daytime", "in the day", "during the day", "om dagen"}},
	{"evening", []string{
		"aften*", "aftner", "evening*", "night*", "tonight", "nat", "natten", "nætter",
		"efter aftensmad", "efter aftensmaden", "after dinner", "om aftenen", "sent", "late",
		"aftenerne", "aftn", "aftenn",
	}},
	{blocked, []string{
		"i morgen", "imorgen", "morgendag*", "godmorgen", "i morgen tidlig", "god morgen",
		"good morning|night|evening|afternoon", "godnat", "god nat", "godaften", "god aften",
		"i går aftes", "i morges", "for sent", "too late", "late to|for", "sent ud", "sent til",
		"sent på den", "kommer sent", "night out", "tidligt|early i livet|life|stage",
		"# timer|time|t|hours|hour om|a|per|pr dagen|day", "# gang|gange om dagen",
	}},
}

var (
	dayPhraseLex = newLexicon(dayPhrases, 0)
	partLex      = newLexicon(partTerms, 8)
)

// timeItem is one day or part-of-day expression found in the message.
type timeItem struct {
	isDay       bool
	days, parts uint8
	start, end  int // word span
	neg         bool
	ambiguous   bool // an abbreviation that also is an ordinary word
	anyTime     bool // covers every day and every part
	schoolDays  bool // "efter skole" alone means the days there is school
	dayGroup    bool // "weekend", "hverdage": a set of days named as one
}

// findSlots turns the message's time expressions into weekly slots.
func findSlots(d *doc) (slots, ruledOut []string) {
	pos, neg := slotMasks(d)
	if pos == ([7]uint8{}) && neg != ([7]uint8{}) {
		pos = [7]uint8{allParts, allParts, allParts, allParts, allParts, allParts, allParts}
	}
	for i := range pos {
		pos[i] &^= neg[i]
	}
	return slotCodes(pos), slotCodes(neg)
}

// OnlyRulesOut reports whether a message named no time the user can make,
// only times they cannot ("ikke om mandagen"): Slots then reads as every
// other time of the week, and a conversation that already knows the user's
// times takes NotSlots away from those instead.
func (r Result) OnlyRulesOut() bool {
	return len(r.NotSlots) > 0 && len(r.Slots)+len(r.NotSlots) == 7*3
}

// slotMasks returns, per day, the parts the message names as times the
// user can make (pos) and rules out (neg).
func slotMasks(d *doc) (pos, neg [7]uint8) {
	items := timeItems(d)
	for _, g := range combine(d, items) {
		target := &pos
		if g.neg {
			target = &neg
		}
		for i := 0; i < 7; i++ {
			if g.days&(1<<i) != 0 {
				target[i] |= g.parts
			}
		}
	}
	return pos, neg
}

// slotCodes spells a week mask as sorted slot codes; never nil.
func slotCodes(mask [7]uint8) []string {
	out := []string{}
	for i := 0; i < 7; i++ {
		for p := 0; p < 3; p++ {
			if mask[i]&(1<<p) != 0 {
				out = append(out, dayCodes[i]+"_"+partCodes[p])
			}
		}
	}
	return out
}

// ExcludedSlots returns the slots a message rules out ("ikke om
// mandagen", "kan ikke om aftenen", "dødtræt efter skole", "weekends don't
// work"), sorted like Result.Slots and never nil, and whether these are the
// only times it names. When only is true, Parse reads the message as
// "every time but these" (Result.Slots); a conversation that already knows
// the user's times should take the excluded ones away from those instead.
func ExcludedSlots(text string) (excluded []string, only bool) {
	d := tokenize(text)
	r := Result{}
	r.Slots, r.NotSlots = findSlots(&d)
	return r.NotSlots, r.OnlyRulesOut()
}

// timeItems finds every day and part-of-day expression in word order.
func timeItems(d *doc) []timeItem {
	var items []timeItem
	taken := make([]bool, len(d.words))
	claim := func(it timeItem) {
		for k := it.start; k < it.end; k++ {
			taken[k] = true
		}
		it.neg = negated(d, it.start) && !negationIdiom(d, it.start)
		items = append(items, it)
	}
	for _, h := range dayPhraseLex.match(d) {
		it := timeItem{isDay: true, start: h.start, end: h.end}
		switch h.id {
		case "all":
			it.days = allDays
			it.anyTime = anyTimePhrases[strings.Join(d.norms()[h.start:h.end], " ")]
		case "work":
			it.days = workDays
		case "midweek":
			it.days = 1<<1 | 1<<2 | 1<<3
		case "weekend":
			it.days = weekend
		}
		it.dayGroup = true
		claim(it)
	}
	for _, t := range clockTimes(d) {
		if !overlaps(taken, t.start, t.end) {
			claim(t)
		}
	}
	for _, h := range partLex.match(d) {
		if overlaps(taken, h.start, h.end) {
			continue
		}
		it := timeItem{parts: partBit(h.id), start: h.start, end: h.end}
		switch d.words[h.start].norm {
		case "fm", "em", "am", "pm", "sent", "late", "early", "nat":
			// only as a tag on a day right before it ("tirs em", "sat am")
			it.ambiguous = true
		case "efter", "after", "før", "foer", "before":
			it.schoolDays = h.end-h.start == 2 && schoolWords[d.words[h.start+1].norm]
		}
		claim(it)
	}
	for i, w := range d.words {
		if taken[i] || w.kind != tokWord {
			continue
		}
		if it, ok := dayWord(w.norm); ok {
			it.start, it.end = i, i+1
			claim(it)
		}
	}
	sortItems(items)
	items = dropLoneAmbiguous(d, items)
	markUnavailable(d, items)
	return items
}

// schoolWords are what "efter ..." can be after and still mean the days
// one goes to school or work.
var schoolWords = set("skole", "skolen", "skoletid", "arbejde", "arbejdet", "timerne", "gym",
	"gymnasiet", "uni", "job", "jobbet", "fri", "lektier", "school", "work", "class", "classes")

func partBit(id string) uint8 {
	switch id {
	case "morning":
		return morning
	case "afternoon":
		return afternoon
	case "daytime":
		return morning | afternoon
	}
	return evening
}

func overlaps(taken []bool, start, end int) bool {
	for k := start; k < end; k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

// dayWord recognises one word as a day, a group of days, or a day with
// its part glued on ("mandagaften", "lørdagsformiddag"). Exact stems are
// tried before any typo tolerance, so "torsdag" never passes for a typo
// of "tirsdag".
func dayWord(w string) (timeItem, bool) {
	if a, ok := dayAbbrevs[w]; ok {
		return timeItem{isDay: true, days: a.days, ambiguous: a.ambiguous}, true
	}
	for _, fuzzy := range []bool{false, true} {
		for _, s := range dayStems {
			if fuzzy && !s.canonical {
				continue
			}
			if rest, ok := stemPrefix(w, s.stem, fuzzy); ok {
				group := s.days&(s.days-1) != 0
				return timeItem{isDay: true, days: s.days, parts: gluedPart(rest), dayGroup: group}, true
			}
		}
	}
	return timeItem{}, false
}

// stemPrefix reports whether w starts with stem, with one typo allowed
// for long stems when fuzzy, and returns the rest of the word.
func stemPrefix(w, stem string, fuzzy bool) (string, bool) {
	if strings.HasPrefix(w, stem) {
		return w[len(stem):], true
	}
	if !fuzzy || len(stem) < 6 || len(w) < 5 || w[0] != stem[0] {
		return "", false
	}
	for k := len(stem) - 1; k <= len(stem)+1 && k <= len(w); k++ {
		if editDistance1(w[:k], stem) {
			return w[k:], true
		}
	}
	return "", false
}

// gluedPart reads a part of the day glued onto a day word, skipping the
// joining letters ("fredag-s-aften", "tirsdag-e").
func gluedPart(rest string) uint8 {
	rest = strings.TrimLeft(rest, "sen")
	switch {
	case rest == "":
		return 0
	case strings.HasPrefix(rest, "formiddag"), strings.HasPrefix(rest, "morgen"), strings.HasPrefix(rest, "morning"):
		return morning
	case strings.HasPrefix(rest, "ftermiddag"), strings.HasPrefix(rest, "eftermiddag"), strings.HasPrefix(rest, "afternoon"):
		return afternoon
	case strings.HasPrefix(rest, "aften"), strings.HasPrefix(rest, "evening"), strings.HasPrefix(rest, "night"), strings.HasPrefix(rest, "ftenen"):
		return evening
	}
	return 0
}

// dayStem is one spelling of a day or group of days. Only the canonical
// spellings get typo tolerance; the listed misspellings are typos already.
type dayStem struct {
	stem      string
	days      uint8
	canonical bool
}

type abbrev struct {
	days      uint8
	ambiguous bool
}

var (
	dayStems   []dayStem
	dayAbbrevs = map[string]abbrev{}
)

func init() {
	for _, g := range dayGroups {
		for i, st := range g.stems {
			dayStems = append(dayStems, dayStem{fold(st), g.days, i == 0})
		}
	}
	for _, dn := range dayNames {
		for i, n := range dn.names {
			for j, s := range spellings(n) {
				dayStems = append(dayStems, dayStem{s, 1 << dn.day, i <= 1 && j == 0})
			}
		}
	}
	for k, a := range dayAbbrevList {
		for i, s := range spellings(k) {
			// "lør" may come as "loer" or "lor"; ambiguous words only as written
			if i == 0 || !a.ambiguous {
				if _, taken := dayAbbrevs[s]; !taken {
					dayAbbrevs[s] = abbrev{1 << a.day, a.ambiguous}
				}
			}
		}
	}
}

func sortItems(items []timeItem) {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && items[j].start < items[j-1].start; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

// dropLoneAmbiguous removes ambiguous abbreviations that stand alone: "man"
// counts in "man og ons" or "man aften", never in "man kan".
func dropLoneAmbiguous(d *doc, items []timeItem) []timeItem {
	out := items[:0]
	for i, it := range items {
		if it.ambiguous {
			// a one-word answer ("søn", "sat") can only mean the day
			keep := it.isDay && len(d.words) == 1
			if it.isDay {
				if i > 0 && items[i-1].isDay && onlyListGlue(d, items[i-1].end, it.start) {
					keep = true
				}
				if i+1 < len(items) && items[i+1].isDay && onlyListGlue(d, it.end, items[i+1].start) {
					keep = true
				}
				if i+1 < len(items) && !items[i+1].isDay && items[i+1].start == it.end && !items[i+1].ambiguous &&
					d.words[it.start].norm != "fri" {
					keep = true
				}
			} else {
				keep = i > 0 && items[i-1].isDay && items[i-1].end == it.start
			}
			if !keep {
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// listGlue is what may join the days of a written list ("man og ons",
// "man-fre"); stricter than connectorWords because it vouches for
// ambiguous abbreviations.
var listGlue = set("og", "and", "eller", "or", "til", "to", "samt", "plus")

func onlyListGlue(d *doc, from, to int) bool {
	if to-from > 1 {
		return false
	}
	for k := from; k < to; k++ {
		if !listGlue[d.words[k].norm] {
			return false
		}
	}
	return true
}

// connectorWords may sit between the days or parts of one list.
var connectorWords = set("og", "and", "eller", "or", "samt", "plus", "til", "to", "through",
	"thru", "om", "på", "i", "on", "in", "the", "evt", "eventuelt", "måske", "maybe", "nok",
	"også", "also", "kun", "only", "both", "either", "evt", "hver", "every", "alle", "all",
	"some", "nogle", "de", "fleste", "most", "or", "and", "samt", "som", "regel", "tit", "ofte")

// onlyConnectors reports whether the words in [from, to) are all list glue.
func onlyConnectors(d *doc, from, to int) bool {
	if to-from > 3 {
		return false
	}
	for k := from; k < to; k++ {
		if !connectorWords[d.words[k].norm] {
			return false
		}
	}
	return true
}

// slotGroup is a set of days combined with a set of parts.
type slotGroup struct {
	days, parts uint8
	neg         bool
}

// chunk is a run of items of one kind that form a list ("onsdag og
// torsdag", "mandag-fredag", "eftermiddag og aften").
type chunk struct {
	isDay       bool
	days, parts uint8
	start, end  int
	neg         bool
	anyTime     bool
	schoolDays  bool
	dayGroup    bool
}

// combine pairs lists of days with the parts of the day that belong to
// them: "onsdag og torsdag eftermiddag" gives both days the afternoon, and
// "fredag eftermiddag og søndag formiddag" gives each day its own part.
func combine(d *doc, items []timeItem) []slotGroup {
	chunks := chunkItems(d, items)
	used := make([]bool, len(chunks))
	var groups []slotGroup
	pair := func(day, part chunk) {
		groups = append(groups, slotGroup{days: day.days, parts: part.parts, neg: day.neg || part.neg})
	}
	// days followed by their part: "tirsdag aften", "hverdage efter skole"
	for i := 0; i+1 < len(chunks); i++ {
		a, b := chunks[i], chunks[i+1]
		if used[i] || used[i+1] || !a.isDay || b.isDay || a.anyTime || a.parts != 0 {
			continue
		}
		if pairable(d, a.end, b.start, false) {
			pair(a, b)
			used[i], used[i+1] = true, true
		}
	}
	// a part followed by its days: "om aftenen på hverdage"
	for i := 0; i+1 < len(chunks); i++ {
		a, b := chunks[i], chunks[i+1]
		if used[i] || used[i+1] || a.isDay || !b.isDay || b.anyTime {
			continue
		}
		if pairable(d, a.end, b.start, true) {
			pair(b, a)
			used[i], used[i+1] = true, true
		}
	}
	for i, c := range chunks {
		if used[i] {
			continue
		}
		switch {
		case c.anyTime:
			groups = append(groups, slotGroup{days: allDays, parts: allParts, neg: c.neg})
		case c.isDay:
			parts := c.parts
			if parts == 0 {
				parts = allParts
			}
			groups = append(groups, slotGroup{days: c.days, parts: parts, neg: c.neg})
		default:
			days := allDays
			if c.schoolDays {
				days = workDays
			}
			groups = append(groups, slotGroup{days: days, parts: c.parts, neg: c.neg})
		}
	}
	return groups
}

// chunkItems merges neighbouring items of the same kind joined only by
// list glue, expanding ranges ("man-fre", "mandag til fredag").
func chunkItems(d *doc, items []timeItem) []chunk {
	var out []chunk
	for _, it := range items {
		if n := len(out); n > 0 {
			last := &out[n-1]
			glued := last.isDay == it.isDay && last.neg == it.neg && !last.anyTime && !it.anyTime &&
				onlyConnectors(d, last.end, it.start) && !breakBetween(d, last.end, it.start)
			// a compound day+part ("fredagsaften") closes its own list, and
			// "weekender og hverdage om aftenen" is two wishes, not one list
			if glued && it.isDay && (last.parts != 0 || it.parts != 0 || last.dayGroup || it.dayGroup) {
				glued = false
			}
			if glued {
				if isRange(d, last.end, it.start) {
					if it.isDay {
						last.days |= dayRange(last.days, it.days)
					} else {
						last.parts |= dayRange(last.parts, it.parts)
					}
				}
				last.days |= it.days
				last.parts |= it.parts
				last.schoolDays = last.schoolDays || it.schoolDays
				last.end = it.end
				continue
			}
		}
		out = append(out, chunk{isDay: it.isDay, days: it.days, parts: it.parts, start: it.start,
			end: it.end, neg: it.neg, anyTime: it.anyTime, schoolDays: it.schoolDays, dayGroup: it.dayGroup})
	}
	return out
}

// breakBetween reports a sentence mark between word from-1 and word to.
// Commas do not count: "lørdag, søndag" is one list.
func breakBetween(d *doc, from, to int) bool {
	first := 0
	if from > 0 {
		first = d.words[from-1].tok + 1
	}
	last := len(d.toks)
	if to < len(d.words) {
		last = d.words[to].tok
	}
	for k := first; k < last; k++ {
		switch d.toks[k].norm {
		case ".", "!", "?", ";":
			return true
		}
	}
	return false
}

// isRange reports whether the glue between two days makes a range.
func isRange(d *doc, from, to int) bool {
	if from < 1 || from > len(d.words) || to > len(d.words) {
		return false
	}
	if to == from {
		s := sepBetween(d, from-1, from)
		return s == "-" || s == "–" || s == "—"
	}
	for k := from; k < to; k++ {
		switch d.words[k].norm {
		case "til", "to", "through", "thru", "until":
			return true
		}
	}
	return false
}

// dayRange fills the bits from the first bit of a to the last bit of b:
// the days of "mandag til fredag" or the parts of "fra morgen til aften".
func dayRange(a, b uint8) uint8 {
	first, last := -1, -1
	for i := 0; i < 7; i++ {
		if a&(1<<i) != 0 && first < 0 {
			first = i
		}
		if b&(1<<i) != 0 {
			last = i
		}
	}
	if first < 0 || last < first {
		return 0
	}
	var m uint8
	for i := first; i <= last; i++ {
		m |= 1 << i
	}
	return m
}

// pairable reports whether a list of days and a list of parts that are
// next to each other belong together. A conjunction or punctuation between
// them means two separate wishes ("om aftenen og i weekenden").
func pairable(d *doc, from, to int, partFirst bool) bool {
	limit := 4
	if partFirst {
		limit = 3
	}
	if to-from > limit {
		return false
	}
	// "tirsdag, men kun om aftenen" narrows the day down
	for k := from; k < to && !partFirst; k++ {
		if w := d.words[k].norm; w == "kun" || w == "only" || w == "helst" || w == "preferably" {
			return true
		}
	}
	for k := from; k <= to && k < len(d.words); k++ {
		if d.words[k].brk {
			return false
		}
	}
	for k := from; k < to; k++ {
		switch d.words[k].norm {
		case "og", "and", "eller", "or", "samt", "men", "but", "plus", "ellers", "otherwise":
			return false
		}
		if partFirst && !connectorWords[d.words[k].norm] {
			return false
		}
	}
	return true
}

// Vague times: when a young person names a time that cannot become weekly
// slots, Result.VagueTime says which kind, so the bot can ask a short
// follow-up instead of guessing.
const (
	vagueSeason    = "season"    // a season, school holiday or month: "om sommeren", "i juli"
	vagueSometimes = "sometimes" // now and then, no rhythm: "nogle gange", "engang imellem"
	vagueLater     = "later"     // not now, some time ahead: "senere", "efter eksamen", "next year"
	vagueWhenFree  = "when_free" // whenever it suits: "når jeg har tid", "when I'm free"
)

// vagueTimeTerms are the vague times in both languages. Order matters: the
// first kind found in vagueOrder wins.
var vagueTimeTerms = []termGroup{
	{vagueSeason, []string{
		"(i|om|til|in|during|over|hele|hen over|henover) sommerferien|sommeren|ferien|ferierne|efterårsferien|vinterferien|påskeferien|juleferien|vinteren|foråret|efteråret|julen|påsken",
		"sommerferie*", "efterårsferie*", "vinterferie*", "påskeferie*", "juleferie*", "ferierne",
		"i|til|this|next sommer|vinter|forår|efterår|summer|winter|spring|autumn|fall",
		"denne|næste sommer|vinter", "(in|during|over|for) the summer|winter|spring|autumn|fall|holidays|holiday",
		"summer holidays|holiday|break|vacation", "school holidays", "all summer", "the whole summer",
		"om|i sommer|vinter|sommertiden", "summertime", "sommertid", "i ferier", "on holiday|holidays",
		"(i|fra|til|om|sidst i|først i|i starten af|i slutningen af) januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december",
		"in|from|until|during january|february|march|april|may|june|july|august|september|october|november|december",
	}},
	{vagueSometimes, []string{
		"nogle|nogen gange", "noglegange", "nogengange", "nogle gang", "en gang imellem", "engang imellem",
		"en gang i mellem", "engang i mellem", "af og til", "indimellem", "ind imellem", "ind i mellem",
		"nu og da", "i ny og næ", "en gang i ny og næ", "sommetider", "til tider", "once in a while",
		"sometimes", "somtimes", "sometime", "occasionally", "ocasionally", "now and then",
		"now and again", "every now and then", "every once in a while", "from time to time",
		"when i feel like it", "når jeg har lyst", "hvis jeg har lyst", "lidt en gang imellem",
	}},
	{vagueLater, []string{
		"senere", "senere hen", "på et tidspunkt", "om et stykke tid", "om noget tid", "i fremtiden",
		"næste år", "til næste år", "efter eksamen|eksamenerne|eksamener|sommerferien|ferien|jul|nytår|gymnasiet|skolen",
		"når jeg er færdig med skolen|gymnasiet|eksamen|eksamenerne", "ikke lige nu men", "om et par måneder",
		"later", "later on", "at some point", "some day", "someday", "in the future", "next year",
		"after (the|my) exams|summer|holidays|christmas", "after exams", "not now but", "in a few months",
	}},
	{vagueWhenFree, []string{
		"når|hvis jeg har tid|fri|overskud", "når det passer", "når det passer mig|ind",
		"når jeg kan$", "når jeg har mulighed", "når der er tid", "når tiden er til det",
		"(when|if) i have (time|the time)", "(when|if) (im|i am) free", "when i can$",
		"whenever i (have time|can|am free|im free|feel like it)", "when it suits me", "when i get the time",
		"hvornår det passer", "whenever it suits",
	}},
	{blocked, []string{
		"senere end", "later than", "senere på dagen|aftenen|eftermiddagen", "later in the day|evening",
		"senere i ugen", "later in the week", "i sommers", "sidste sommer", "last summer", "i vinters",
		"sidste år", "last year", "som|når|hvis jeg er|var|bliver 5|6|7|8|9|10|11|12|13|14|15|16|17|18",
		"see you later",
		"skriver senere", "svarer senere", "talk later", "snakkes senere", "ses senere",
	}},
}

var (
	vagueTimeLex = newLexicon(vagueTimeTerms, 0)
	vagueOrder   = []string{vagueSeason, vagueWhenFree, vagueSometimes, vagueLater}
)

// findVagueTime returns the kind of vague time the message names, or "".
// A season wins over the others: "om sommeren når jeg har tid" needs the
// season asked about first.
func findVagueTime(d *doc) string {
	var hits []hit
	for _, h := range vagueTimeLex.match(d) {
		// "ikke senere end", "not in the summer" rule a time out
		if !negated(d, h.start) {
			hits = append(hits, h)
		}
	}
	return pick(hits, vagueOrder...)
}
