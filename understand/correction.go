package understand

// Corrections and the interests a message rules out.
//
// "Nej faktisk hellere noget med musik" replaces the interests given
// before; "og også dyr" adds to them. The words that make the difference
// are few ("faktisk", "hellere", "alligevel", "jeg mente", "i stedet"), so
// they are a lexicon like any other. A correction only counts when the
// message also says what replaces the old answer: "tak alligevel" corrects
// nothing.

// correctionTerms mark a message that replaces an earlier answer.
var correctionTerms = []termGroup{
	{"correction", []string{
		"^faktisk", "(nej|nope|næ|nah|no) ... faktisk|actually|vent|wait", "^(vent|wait|hov|ups|oops|whoops)",
		"faktisk (ikke|ik|hellere|alligevel|heller ikke)", "hellere", "helere", "i stedet", "istedet",
		"alligevel", "(jeg|i) mente", "mente (ikke|faktisk)", "^mente", "^forkert", "^typo", "^wrong",
		"skrev forkert", "min fejl", "ombestem*", "skiftet mening", "skifter mening", "har fortrudt",
		"fortryder", "glem det", "glem det med", "ved nærmere eftertanke", "ikke længere", "ikke mere",
		"rettelse",
		"^actually", "actually (not|cant|cannot|rather|prefer|id rather|i would rather)", "rather",
		"instead", "after all", "(i|i ve|ive) changed my mind", "changed my mind", "change of plans",
		"scratch that", "forget (that|about)", "on second thought", "second thoughts", "my bad",
		"my mistake", "i meant", "meant to say", "correction", "not anymore", "anymore", "no longer",
	}},
	{blocked, []string{
		"tak alligevel", "alligevel tak", "nej tak alligevel", "thanks anyway", "thank you anyway",
		"rather not", "hellere ikke", "helst ikke", "i would rather not", "id rather not",
		"(what|hvad) (i|jeg) mente", "mente det", "jeg mente det", "i meant it", "ment for",
		"would rather die", "vil hellere dø",
		// spelled right, and too close to "hellere" for typo tolerance
		"heller", "heller ikke", "allerede",
	}},
}

// correctionLex tolerates one typo in long words ("aligevel", "helere").
var correctionLex = newLexicon(correctionTerms, 7)

// findCorrection reports a message that replaces an earlier answer and
// names what replaces it.
func findCorrection(d *doc, r *Result) bool {
	if len(correctionLex.match(d)) == 0 {
		return false
	}
	return len(r.Interests) > 0 || len(r.NotInterests) > 0 || len(r.Slots) > 0 || r.Age > 0 ||
		r.Postcode != "" || r.Municipality != "" || r.Group != "" || r.Commitment != "" ||
		r.Online || r.VagueTime != ""
}

// experienceWords between a negation and an interest speak of experience,
// not of wishes: "I've never worked with animals" still likes animals.
var experienceWords = set("worked", "done", "arbejdet", "lavet", "prøvet", "tried", "været", "been",
	"haft", "had", "erfaring", "experience", "gjort", "mødt", "met")

// experienceNegated reports a negation before word i that is about
// experience rather than wish.
func experienceNegated(d *doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if experienceWords[d.words[k].norm] {
			return true
		}
		if negationWords[d.words[k].norm] {
			return false
		}
	}
	return false
}

// notForMeTerms, right after an interest, rule it out: "sport er ikke
// noget for mig", "kids aren't my thing", "blod er klamt".
var notForMeTerms = []termGroup{
	{"not", []string{
		"er|synes|virker ... ikke (noget for mig|lige mig|mig|min ting|min kop te|noget jeg|så meget mig)",
		"er (kedeligt|kedelig|kedelige|træls|lame|boring|klamt|klam|ulækkert|ulækker|ækelt|skræmmende|uhyggeligt)",
		"(isnt|is not|arent|are not|s not) (for me|my thing|my cup of tea|really for me|really my thing|something for me)",
		"(is|are|s) (boring|lame|gross|disgusting|not for me|scary)",
		"siger mig ikke (noget|så meget)", "interesserer mig ikke", "(doesnt|dont|does not|do not) interest me",
		"gider jeg ikke", "orker jeg ikke", "kan jeg ikke lide", "kan jeg ikke tåle", "i (dont|do not) like",
		"(ikke|ik) alligevel", "not anymore", "anymore", "ikke mere", "ikke længere",
	}},
}

var notForMeLex = newLexicon(notForMeTerms, 0)

// ruledOut reports an interest the words around it rule out: fear or
// allergy before it, "end"/"than" after a "hellere"/"rather", "i stedet
// for" before it, "ikke mere" before it, or a verdict after it.
// verdicts are the notForMeLex hits of the whole message, found once.
func ruledOut(d *doc, h hit, verdicts []hit) bool {
	for k := h.start - 1; k >= 0 && k >= h.start-4; k-- {
		if d.words[k+1].brk {
			break
		}
		w, next := d.words[k].norm, d.norm(k+1)
		switch {
		case (w == "bange" || w == "afraid" || w == "scared" || w == "frightened") && (next == "for" || next == "of"),
			w == "allergisk" || w == "allergic" || w == "frygter" || w == "fear" || w == "besvimer" || w == "faint",
			w == "stedet" && next == "for", w == "istedet" && next == "for", w == "instead" && next == "of",
			(w == "ikke" || w == "no" || w == "not") && (next == "mere" || next == "laengere" || next == "more" || next == "longer"):
			return true
		case (w == "end" || w == "than") && comparedBefore(d, k):
			return true
		case negationBreakers[w] && w != "mere" && w != "more":
			return false
		}
	}
	for _, m := range verdicts {
		if m.start == h.end && withinClause(d, h.start, m.end) {
			return true
		}
	}
	return false
}

// comparedBefore reports a comparison earlier in the clause ending at
// word k: "hellere dyr end børn", "I'd rather do animals than kids".
func comparedBefore(d *doc, k int) bool {
	for j := k - 1; j >= 0; j-- {
		switch d.words[j].norm {
		case "hellere", "rather", "bedre", "better", "mere", "more", "prefer", "foretrækker", "foretraekker":
			return true
		}
		if d.words[j].brk {
			return false
		}
	}
	return false
}

// aversionTerms are what someone may not stand without it being an
// interest of its own: "ikke noget med blod" rules out first aid and
// health. ("Allergisk over for katte" needs no entry: katte is an
// interest term, and ruledOut sees the allergy.)
var aversionTerms = []termGroup{
	{"health_firstaid", []string{"blod", "blodet", "blood", "nåle", "nåle*", "needles", "sprøjter", "injections", "opkast", "vomit", "sår", "wounds"}},
}

var aversionLex = newLexicon(aversionTerms, 0)

// aversions returns the interests ruled out by an aversion the message
// states ("ikke noget med blod", "I can't stand blood", "bange for blod").
func aversions(d *doc, verdicts []hit) []string {
	var out []string
	for _, h := range aversionLex.match(d) {
		if negated(d, h.start) || disliked(d, h) || ruledOut(d, h, verdicts) {
			out = append(out, h.id)
		}
	}
	return out
}
