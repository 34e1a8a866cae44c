package understand

import "slices"

// Crisis kinds: what a message shows about a young person's safety. A
// message may show several, and every one counts: a disclosure of abuse
// must reach a safeguarding officer even when the same message also speaks
// of suicide.
const (
	// KindSuicide is suicidal thoughts, plans, means, farewells and past
	// attempts, direct or indirect ("better off without me").
	KindSuicide = "suicide"
	// KindSelfHarm is self-harm in any tense: cutting, burning, hitting
	// oneself.
	KindSelfHarm = "self_harm"
	// KindDanger is acute danger: someone following, threatening or
	// waiting for the young person now, or being afraid to go home.
	KindDanger = "danger"
	// KindSexualAbuse is sexual abuse, also when told indirectly
	// (touching, "gør ting ved mig", a secret, an adult at night, rape).
	KindSexualAbuse = "sexual_abuse"
	// KindViolence is physical violence at home or in a relationship, told
	// by any verb or by its marks.
	KindViolence = "violence"
	// KindGrooming is an adult or older person seeking pictures, secrecy or
	// a meeting, and sextortion: threats to share pictures, blackmail.
	KindGrooming = "grooming"
	// KindAbuse is mistreatment that fits none of the more specific kinds,
	// such as being degraded or controlled every day.
	KindAbuse = "abuse"
	// KindForcedMarriage is forced marriage and honour-related control.
	KindForcedMarriage = "forced_marriage"
	// KindNeglect is no food at home, parents away for days, nobody caring
	// for the young person.
	KindNeglect = "neglect"
	// KindHomeless is nowhere to sleep tonight, being thrown out.
	KindHomeless = "homeless"
	// KindEatingDisorder is starving, purging and not eating to lose
	// weight.
	KindEatingDisorder = "eating_disorder"
)

// CrisisKindOrder lists every crisis kind, most urgent first: risk to life
// now, then acute danger, then disclosures that need a person, then the
// rest. Result.CrisisKinds follows this order.
var CrisisKindOrder = []string{
	KindSuicide, KindSelfHarm, KindDanger, KindSexualAbuse, KindViolence, KindGrooming,
	KindAbuse, KindForcedMarriage, KindNeglect, KindHomeless, KindEatingDisorder,
}

// SafeguardingKind reports whether a kind is a disclosure that, from a
// minor, goes to a safeguarding officer: someone else is harming or failing
// the young person. Suicide, self-harm, acute danger and eating disorders
// get the crisis answer but are not, by themselves, a case.
func SafeguardingKind(kind string) bool {
	switch kind {
	case KindAbuse, KindViolence, KindSexualAbuse, KindGrooming, KindNeglect, KindForcedMarriage, KindHomeless:
		return true
	}
	return false
}

// crisisOrder ranks a kind for sorting.
func crisisOrder(kind string) int {
	if i := slices.Index(CrisisKindOrder, kind); i >= 0 {
		return i
	}
	return len(CrisisKindOrder)
}

// findCrisis reports whether the message shows a crisis, its most urgent
// kind and every kind it shows, most urgent first.
func findCrisis(d *doc) (crisis bool, kind string, kinds []string) {
	s := readSafety(d)
	if len(s.kinds) == 0 {
		return false, "", nil
	}
	return true, s.kinds[0], s.kinds
}

// findConcern reports distress without a clear sign of crisis. It is false
// whenever the message shows a crisis.
func findConcern(d *doc) bool {
	s := readSafety(d)
	return s.concern && len(s.kinds) == 0
}

// safetyReading is what the safety lexicon found in one message; the doc
// keeps it so that crisis and concern share one pass.
type safetyReading struct {
	kinds   []string
	concern bool
}

// Special ids in the safety lexicon, beside the kinds and blocked:
//
//	+name    a signal: says nothing alone, proves a kind together with
//	         other signals anywhere in the message (see safetyCombos)
//	kind~    a soft hit: an idiom-prone phrase ("min mor slår mig ihjel")
//	         that laughter in the message cancels
//	kind^    a firm hit: a blocker wholly inside it does not cancel it
const (
	idConcern = "concern"
	idFrame   = "=frame" // talk about others or about a film, not about oneself
	idLaugh   = "=laugh" // the message is joking
	idIll     = "=ill"   // feeling bad from a cold is no concern
	// idTrivial is an everyday trespass ("if i fail this test") that
	// turns a soft hit ("my parents will kill me") into the idiom it is
	idTrivial = "=trivial"
	// idBodyConcern is distress felt in the body ("så stresset at jeg får
	// ondt i maven"): concern that a word for illness does not cancel
	idBodyConcern = "concern!"
)

// safetyCombo proves kind when every signal in need is found and none in
// unless.
type safetyCombo struct {
	kind   string
	need   []string
	unless []string
}

// safetyCombos prove a kind from signals that may stand far apart in a
// long message without punctuation: "en voksen mand på snap … vil have
// billeder" is grooming though no single phrase says so.
var safetyCombos = []safetyCombo{
	{kind: KindGrooming, need: []string{"+nude", "+ask"}},
	{kind: KindGrooming, need: []string{"+nude", "+threat"}},
	{kind: KindGrooming, need: []string{"+nude", "+share"}},
	{kind: KindGrooming, need: []string{"+nude", "+money"}},
	{kind: KindGrooming, need: []string{"+nude", "+adult"}},
	{kind: KindGrooming, need: []string{"+nude", "+online"}},
	{kind: KindGrooming, need: []string{"+pic", "+ask", "+adult"}},
	{kind: KindGrooming, need: []string{"+pic", "+ask", "+online"}},
	{kind: KindGrooming, need: []string{"+pic", "+threat"}},
	{kind: KindGrooming, need: []string{"+pic", "+money"}},
	{kind: KindGrooming, need: []string{"+pic", "+share", "+secret"}},
	{kind: KindGrooming, need: []string{"+secret", "+online"}},
	{kind: KindGrooming, need: []string{"+secret", "+meet"}},
	{kind: KindGrooming, need: []string{"+meet", "+adult", "+online"}},
	{kind: KindGrooming, need: []string{"+flatter", "+adult"}},
	{kind: KindGrooming, need: []string{"+alone", "+adult"}},
	{kind: KindGrooming, need: []string{"+flatter", "+pic", "+ask"}},
	{kind: KindGrooming, need: []string{"+flatter", "+online"}},
	{kind: KindGrooming, need: []string{"+secret", "+pic"}},
	{kind: KindSexualAbuse, need: []string{"+secret"}},
	{kind: KindDanger, need: []string{"+fear", "+aggressor"}},
	{kind: KindNeglect, need: []string{"+nofood", "+noadult"}},
	{kind: KindNeglect, need: []string{"+noadult", "+unknown"}},
	{kind: KindEatingDisorder, need: []string{"+thin", "+restrict"}},
	{kind: KindForcedMarriage, need: []string{"+honour", "+control"}},
}

// firstPerson are the words that make the user the one it is about. A hit
// that holds one is never explained away as talk about others, and one
// between a frame and a hit ends the frame: "jeg vil gerne hjælpe andre,
// men min far slår mig".
var firstPerson = map[string]bool{
	"jeg": true, "je": true, "jg": true, "mig": true, "mit": true, "min": true, "mine": true,
	"me": true, "my": true, "myself": true, "im": true, "ive": true, "id": true, "men": true,
	"but": true, "selv": true,
}

// ownWords are the first-person words that name what is the user's own
// ("mine arme", "my arms") rather than who speaks.
var ownWords = map[string]bool{
	"mig": true, "min": true, "mine": true, "mit": true, "me": true, "my": true, "myself": true,
}

// readSafety runs the safety lexicon once per message.
func readSafety(d *doc) safetyReading {
	if d.safety != nil {
		return *d.safety
	}
	s := readSafetyUncached(d)
	d.safety = &s
	return s
}

func readSafetyUncached(orig *doc) safetyReading {
	d := safetyDoc(orig)
	raw := safetyLex.find(d)
	var hits []hit
	for _, h := range raw {
		if h.fuzzy && overlapsExact(h, raw) {
			continue
		}
		hits = append(hits, h)
	}
	// blockers claim their words, except inside a firm hit that holds the
	// whole idiom: "man kan dø af for mange panodil" is no "dør af grin"
	var kept []hit
	for _, h := range hits {
		if h.id == blocked {
			continue
		}
		firm := h.id[len(h.id)-1] == '^'
		ok := true
		for _, b := range hits {
			if b.id == blocked && h.start < b.end && b.start < h.end && !(firm && h.start <= b.start && b.end <= h.end) {
				ok = false
				break
			}
		}
		if ok {
			if firm {
				h.id = h.id[:len(h.id)-1]
			}
			kept = append(kept, h)
		}
	}
	var laugh, ill, trivial bool
	var frames []hit
	for _, h := range kept {
		switch h.id {
		case idTrivial:
			trivial = true
		case idLaugh:
			laugh = true
		case idIll:
			ill = true
		case idFrame:
			frames = append(frames, h)
		}
	}
	// a joking idiom takes the words inside it along: "min mor slår mig
	// ihjel haha" is not "min mor slår mig"; so does a trivial cause ("hvis
	// jeg glemmer mælken")
	if laugh || trivial {
		var serious []hit
		for _, h := range kept {
			inJoke := false
			for _, j := range kept {
				if j.id[len(j.id)-1] == '~' && j.start <= h.start && h.end <= j.end {
					inJoke = true
					break
				}
			}
			if !inJoke {
				serious = append(serious, h)
			}
		}
		kept = serious
	}
	english := langOf(orig) == "en"
	signals := map[string]bool{}
	var kinds []string
	var concern, bodily bool
	for _, h := range kept {
		id := h.id
		if id == idLaugh || id == idIll || id == idFrame || id == idTrivial {
			continue
		}
		if framed(d, h, frames, english) {
			continue
		}
		if n := len(id); id[n-1] == '~' {
			id = id[:n-1]
		}
		switch {
		case id[0] == '+':
			signals[id] = true
		case id == idConcern:
			concern = true
		case id == idBodyConcern:
			concern, bodily = true, true
		default:
			if !slices.Contains(kinds, id) {
				kinds = append(kinds, id)
			}
		}
	}
	if laugh {
		signals["=laugh"] = true
	}
	for _, c := range slices.Concat(safetyCombos, structureCombos, structureCombosMore, cueCombos, indirectCombos, indirectCombosMore, indirectCombosThird) {
		if !slices.Contains(kinds, c.kind) && allSignals(signals, c.need) && !anySignal(signals, c.unless) {
			kinds = append(kinds, c.kind)
		}
	}
	slices.SortFunc(kinds, func(a, b string) int { return crisisOrder(a) - crisisOrder(b) })
	return safetyReading{kinds: kinds, concern: concern && !laugh && (!ill || bodily)}
}

// framed reports whether a hit is explained by a frame before it in the
// same clause: a wish to help others ("støtte børn der er udsat for vold")
// or talk about a film, a book or the news ("filmen handler om en pige der
// bliver misbrugt"). The user's own words ("mig", "my", "men jeg") between
// them, or in the hit itself, end the frame.
func framed(d *doc, h hit, frames []hit, english bool) bool {
	for k := h.start; k < h.end; k++ {
		if isFirstPersonAt(d, k, english) {
			return false
		}
	}
	// "min veninde opdagede snittene på mine arme": the user's own body or
	// things right after the hit make it about them
	for k := h.end; k < len(d.words) && k < h.end+3 && !d.words[k].brk; k++ {
		if ownWords[d.words[k].norm] {
			return false
		}
	}
	for _, f := range frames {
		if f.end > h.start || h.start-f.end > 8 {
			continue
		}
		ok := true
		for k := f.end; k < h.start; k++ {
			if isFirstPersonAt(d, k, english) {
				ok = false
				break
			}
		}
		if ok && withinClause(d, f.end-1, h.start+1) {
			return true
		}
	}
	return false
}

// isFirstPersonAt is isFirstPerson for the word at k: "selv" after "sig"
// or "en" is about someone else ("en ven der skærer i sig selv").
func isFirstPersonAt(d *doc, k int, english bool) bool {
	w := d.words[k].norm
	if w == "selv" && k > 0 && (d.words[k-1].norm == "sig" || d.words[k-1].norm == "en") {
		return false
	}
	return isFirstPerson(w, english)
}

// isFirstPerson: "i" is only English "I" in an English message; in Danish
// it is "in".
func isFirstPerson(w string, english bool) bool {
	return firstPerson[w] || (english && w == "i")
}

func allSignals(signals map[string]bool, need []string) bool {
	for _, n := range need {
		if !signals[n] {
			return false
		}
	}
	return true
}

func anySignal(signals map[string]bool, names []string) bool {
	for _, n := range names {
		if signals[n] {
			return true
		}
	}
	return false
}
