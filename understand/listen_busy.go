package understand

// Times the young person cannot make. "Dødtræt efter skole men har tid i
// weekenden" names the afternoons only to rule them out; "mandage passer
// ikke" too. These times become negative, like "ikke om mandagen", so that
// only the times they can make are kept.

// busyWords, before a time in the same clause, make it a time they cannot
// make: "dødtræt efter skole", "jeg arbejder om aftenen".
var busyWords = spelledSet("dødtræt", "dødtræt", "træt", "trætte", "smadret", "udmattet", "udkørt", "drænet",
	"travlt", "optaget", "arbejder", "busy", "tired", "exhausted", "knackered", "drained", "working",
	"works", "worn")

// busyStops end the look back from a time: a contrast ("men har tid i
// weekenden") or a wish ("arbejder, men kan gerne om aftenen").
var busyStops = set("men", "but", "ellers", "otherwise", "though", "however", "dog", "gerne", "kan",
	"vil", "can", "would", "want", "like", "fri", "free", "tid", "time", "har", "have", "elsker", "love")

// busyAfterTerms, right after a time, rule it out: "mandage passer ikke",
// "efter skole er jeg dødtræt", "weekends don't work".
var busyAfterTerms = []termGroup{
	{"busy", []string{
		"passer|går ikke|ik|dårligt", "passer mig ikke|ik|dårligt", "kan jeg ikke|ik",
		"er jeg (for |helt |)(træt|dødtræt|smadret|udmattet|udkørt|optaget|på arbejde)",
		"har jeg (travlt|ikke tid|arbejde|job|skole|træning)", "er (jeg |)(optaget|umulig|umuligt|ikke muligt)",
		"er dårlig|dårlige|dårligt", "er ikke godt|gode|muligt", "er ingen mulighed",
		"(dont|doesnt|do not|does not|wont|will not) work|suit", "(is|are) (bad|busy|out|impossible|no good|not good|a no)",
		"(im|i am) (busy|tired|working|at work|exhausted)", "i (work|have work|cant|can not|cannot)",
	}},
	// the next clause points back at the times: "tirsdag og torsdag, så
	// de dage kan jeg ikke", "mondays, I can't do those"
	{"busy_back", []string{
		"(så |men |)(de dage|den dag|der|dem|de tider|det tidspunkt) (kan|går|passer) (jeg |)(ikke|ik)",
		"(so |but |)(those days|that day|then|those) (i cant|i cannot|dont work|wont work|are out|is out)",
		"(i cant|i cannot) (do|make) (those|them|that)",
	}},
}

var busyAfterLex = newLexicon(busyAfterTerms, 0)

// markUnavailable makes every time item the young person says they cannot
// make negative.
func markUnavailable(d *doc, items []timeItem) {
	covered := make([]bool, len(d.words))
	for _, it := range items {
		for k := it.start; k < it.end; k++ {
			covered[k] = true
		}
	}
	busyAt := map[int]bool{}
	for _, h := range busyAfterLex.match(d) {
		busyAt[h.start] = true
		if h.id == "busy_back" && h.start > 0 && d.words[h.start].brk {
			// seen from the times, it sits right after their clause
			busyAt[-h.start] = true
		}
	}
	for i := range items {
		if items[i].neg {
			continue
		}
		items[i].neg = busyBefore(d, covered, items[i].start) || busyAfter(d, covered, busyAt, items[i].end)
	}
}

// busyBefore looks back from a time, over the rest of its list, for a busy
// word in the same clause.
func busyBefore(d *doc, covered []bool, start int) bool {
	others := 0
	for k := start - 1; k >= 0 && start-k <= 8; k-- {
		if d.words[k+1].brk {
			return false
		}
		w := d.words[k].norm
		if covered[k] || connectorWords[w] {
			continue
		}
		if busyStops[w] {
			return false
		}
		if busyWords[w] || (w == "work" || w == "job") && (d.norm(k-1) == "i" || d.norm(k-1) == "we") {
			// "træt af" is fed up with, not too tired
			next := d.norm(k + 1)
			return next != "af" && next != "of"
		}
		if others++; others > 3 {
			return false
		}
	}
	return false
}

// busyAfter looks forward from a time, over the rest of its list, for a
// phrase that rules it out.
func busyAfter(d *doc, covered []bool, busyAt map[int]bool, end int) bool {
	for k := end; k < len(d.words) && k-end <= 6; k++ {
		if busyAt[-k] {
			return true
		}
		if k > end && d.words[k].brk {
			return false
		}
		if busyAt[k] {
			return !d.words[k].brk
		}
		if !covered[k] && !connectorWords[d.words[k].norm] {
			return false
		}
	}
	return false
}

// negationIdioms sit between a negation and a time without ruling the
// time out: "kan ikke vente til lørdag", "har ikke noget imod weekender".
var negationIdioms = set("vente", "venter", "wait", "imod", "problem", "mind", "andet", "else")

// negationIdiom reports such a word between the negation before word i
// and word i.
func negationIdiom(d *doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if negationWords[d.words[k].norm] {
			return false
		}
		if negationIdioms[d.words[k].norm] {
			return true
		}
	}
	return false
}

// spelledSet is set with every spelling a keyboard without æøå gives
// ("dødtræt", "doedtraet", "dodtrat").
func spelledSet(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		for _, s := range spellings(w) {
			m[s] = true
		}
	}
	return m
}
