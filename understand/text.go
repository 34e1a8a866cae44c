package understand

import (
	"strings"
	"unicode"
)

// tokKind separates words from the punctuation that shapes how they combine.
type tokKind uint8

const (
	tokWord  tokKind = iota // letters, or letters glued to an apostrophe
	tokNum                  // a run of digits
	tokPunct                // one punctuation rune
)

// token is one unit of the message with its position in the original text,
// so that callers can quote the user's own spelling back to them.
type token struct {
	kind       tokKind
	norm       string // folded, see fold
	raw        string // exactly as written
	start, end int    // byte offsets into the message
	upper      bool   // written in capitals ("IT" as opposed to "it")
}

// word is a word or number token as seen by the phrase matcher.
type word struct {
	token
	tok int  // index into doc.toks
	brk bool // a sentence or clause mark (, . ! ? ; :) sits before it
}

// doc is one tokenised message. Every detector reads the same doc.
type doc struct {
	text  string
	toks  []token
	words []word

	lang     string // cached langOf
	langDone bool

	safety *safetyReading // cached readSafety: crisis and concern share one pass
}

// hardPunct ends a clause: phrases never match across it.
func hardPunct(s string) bool {
	switch s {
	case ",", ".", "!", "?", ";", ":", "(", ")", "\"":
		return true
	}
	return false
}

// foldReplacer spells the Danish letters the way a phone without them
// would ("ø" as "oe"), and drops accents, so both spellings meet.
var foldReplacer = strings.NewReplacer(
	"æ", "ae", "ø", "oe", "å", "aa", "ä", "ae", "ö", "oe", "ü", "u",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "á", "a", "à", "a", "â", "a",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o",
	"ú", "u", "ù", "u", "û", "u", "ñ", "n", "ç", "c", "ß", "ss",
	"'", "", "’", "", "´", "", "`", "",
)

// fold lower-cases s, squeezes stretched letters ("heyyy", "jaaa") and
// spells æ, ø and å as ae, oe and aa.
func fold(s string) string {
	return foldReplacer.Replace(squeeze(strings.ToLower(s)))
}

// squeeze collapses a run of three or more equal letters to one, the way
// youth stretch words for emphasis. Runs of two are real spelling.
func squeeze(s string) string {
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		if j-i >= 3 && unicode.IsLetter(rs[i]) {
			out = append(out, rs[i])
		} else {
			out = append(out, rs[i:j]...)
		}
		i = j
	}
	return string(out)
}

// isApostrophe reports runes that glue "I'm" and "don't" into one word.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '´' || r == '`'
}

// tokenize splits text into words, numbers and punctuation. Letters and
// digits are split apart ("16år" is "16" and "år") and hyphens separate
// compounds, so "first-aid" reads as two words.
func tokenize(text string) doc {
	d := doc{text: text}
	// byte offsets of every rune, taken from the text itself so that
	// invalid UTF-8 cannot shift them
	var rs []rune
	var offs []int
	for off, r := range text {
		rs = append(rs, r)
		offs = append(offs, off)
	}
	offs = append(offs, len(text))

	class := func(r rune) tokKind {
		switch {
		case unicode.IsDigit(r):
			return tokNum
		case unicode.IsLetter(r) || unicode.IsMark(r):
			return tokWord
		}
		return tokPunct
	}
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		k := class(r)
		j := i + 1
		switch k {
		case tokWord:
			for j < len(rs) {
				if class(rs[j]) == tokWord {
					j++
					continue
				}
				// keep "don't" whole, but not a trailing quote
				if isApostrophe(rs[j]) && j+1 < len(rs) && class(rs[j+1]) == tokWord {
					j++
					continue
				}
				break
			}
		case tokNum:
			for j < len(rs) && class(rs[j]) == tokNum {
				j++
			}
		case tokPunct:
			if isApostrophe(r) || !isUsefulPunct(r) {
				i++
				continue
			}
		}
		raw := text[offs[i]:offs[j]]
		t := token{kind: k, raw: raw, start: offs[i], end: offs[j], norm: fold(raw)}
		if k == tokWord {
			t.upper = raw == strings.ToUpper(raw) && raw != strings.ToLower(raw)
		}
		d.toks = append(d.toks, t)
		i = j
	}

	brk := false
	for i, t := range d.toks {
		if t.kind == tokPunct {
			if hardPunct(t.norm) && !d.ordinalDot(i) && !d.abbrevDot(i) {
				brk = true
			}
			continue
		}
		d.words = append(d.words, word{token: t, tok: i, brk: brk})
		brk = false
	}
	return d
}

// ordinalDot reports a dot that marks an ordinal number ("9. klasse",
// "1. maj") rather than the end of a sentence.
func (d *doc) ordinalDot(i int) bool {
	if d.toks[i].norm != "." || i == 0 || i+1 >= len(d.toks) {
		return false
	}
	prev, next := d.toks[i-1], d.toks[i+1]
	if prev.kind != tokNum || prev.end != d.toks[i].start || len(prev.raw) > 2 {
		return false
	}
	return next.kind == tokWord && next.raw == strings.ToLower(next.raw)
}

// abbrevDots are words commonly shortened with a dot ("kl. 16",
// "fx. dyr", "Kgs. Lyngby"); their dot does not end a sentence.
var abbrevDots = map[string]bool{
	"kl": true, "ca": true, "fx": true, "evt": true, "nr": true, "st": true, "kgs": true,
	"dvs": true, "osv": true, "bl": true, "mv": true, "pga": true, "inkl": true, "tlf": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "vs": true, "etc": true, "eg": true,
	"ie": true, "feks": true, "f": true, "a": true, "o": true, "ift": true, "mht": true,
}

// abbrevDot reports a dot that closes an abbreviation.
func (d *doc) abbrevDot(i int) bool {
	if d.toks[i].norm != "." || i == 0 {
		return false
	}
	prev := d.toks[i-1]
	return prev.kind == tokWord && prev.end == d.toks[i].start && abbrevDots[prev.norm]
}

// isUsefulPunct keeps the punctuation that carries meaning for the
// detectors (clause breaks, ranges like "15-18", question marks) and
// drops emoji and decoration.
func isUsefulPunct(r rune) bool {
	return strings.ContainsRune(",.!?;:()\"-–—/&+", r)
}

// norms returns the folded words.
func (d *doc) norms() []string {
	out := make([]string, len(d.words))
	for i, w := range d.words {
		out[i] = w.norm
	}
	return out
}

// spellings returns the ways a lexicon word may arrive once folded: with
// æøå written as ae/oe/aa (the fold itself), or with the letters simply
// dropped to their nearest plain vowel ("lordag", "aldre", "kobenhavn").
func spellings(s string) []string {
	return spellingsMin(s, 0)
}

// affixSpellings is spellings for a word stem that will be matched as a
// prefix or suffix. A short stem with a dropped letter collides with
// unrelated words ("træn" without æ is "tran", as in "transport"), so those
// spellings are only kept when they are at least five letters long.
func affixSpellings(s string) []string {
	return spellingsMin(s, 5)
}

func spellingsMin(s string, minDropped int) []string {
	full := fold(s)
	var out []string
	for _, v := range allSpellings(s) {
		if v == full || len(v) >= minDropped {
			out = append(out, v)
		}
	}
	return out
}

func allSpellings(s string) []string {
	s = strings.ToLower(s)
	out := []string{""}
	for _, r := range s {
		var alts []string
		switch r {
		case 'æ':
			alts = []string{"ae", "a", "e"}
		case 'ø':
			alts = []string{"oe", "o"}
		case 'å':
			alts = []string{"aa", "a"}
		default:
			alts = []string{foldReplacer.Replace(string(r))}
		}
		next := make([]string, 0, len(out)*len(alts))
		for _, p := range out {
			for _, a := range alts {
				next = append(next, p+a)
			}
		}
		out = next
	}
	return dedupe(out)
}

func dedupe(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := in[:0]
	for _, s := range in {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// editDistance1 reports whether a and b differ by at most one insertion,
// deletion, substitution or swap of neighbours: the typos thumbs make.
func editDistance1(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}
