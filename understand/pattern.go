package understand

import (
	"sort"
	"strings"
)

// The lexicons are written as small phrase patterns so that they can stay
// plain data. A pattern is a space-separated sequence of elements:
//
//	dyr*            a word starting with "dyr" (dyr, dyrene, dyreinternat)
//	*børn           a word ending in "børn" (plejebørn, småbørn)
//	*spild*         a word containing "spild"
//	far|mor|han     any one of the alternatives
//	#               any number
//	...             up to three words of anything (within one clause)
//	^ / $           (first / last character of the pattern) the phrase must
//	                open / close the message
//
// Words are written in normal Danish spelling; every spelling a keyboard
// without æøå produces is derived from it (see spellings).

// alt is one alternative of a pattern element.
type alt struct {
	s              string
	prefix, suffix bool // prefix: "s*"; suffix: "*s"; both: contains
}

// elem is one position of a pattern.
type elem struct {
	alts   []alt
	number bool // "#"
	gap    int  // "...": skip 0..gap words
}

// pattern is one compiled phrase that proves id.
type pattern struct {
	id          string
	src         string
	elems       []elem
	anchorStart bool
	anchorEnd   bool
}

// blocked is the id of patterns that only exist to claim words away from
// other patterns: idioms ("keder mig ihjel") and false friends ("i løbet
// af" is not running). A blocker always wins over what it overlaps.
const blocked = "-"

// termGroup lists the patterns that prove one id.
type termGroup struct {
	id    string
	terms []string
}

// lexicon is a compiled set of patterns with its matching options.
type lexicon struct {
	patterns []pattern
	byFirst  map[byte][]int // patterns whose first element can only start with this byte
	anyFirst []int          // patterns that may start with any word
	fuzzyMin int            // words at least this long tolerate one typo; 0 disables
	except   map[string]bool
}

// newLexicon compiles the groups. fuzzyMin enables one-typo tolerance for
// long words; except lists folded words that affix patterns must never
// match (e.g. "dyrt", expensive, is not an animal).
func newLexicon(groups []termGroup, fuzzyMin int, except ...string) *lexicon {
	l := &lexicon{byFirst: map[byte][]int{}, fuzzyMin: fuzzyMin, except: map[string]bool{}}
	for _, e := range except {
		for _, s := range spellings(e) {
			l.except[s] = true
		}
	}
	for _, g := range groups {
		for _, t := range g.terms {
			l.add(compilePattern(g.id, t))
		}
	}
	return l
}

func (l *lexicon) add(p pattern) {
	idx := len(l.patterns)
	l.patterns = append(l.patterns, p)
	first := p.elems[0]
	if first.number || first.gap > 0 {
		l.anyFirst = append(l.anyFirst, idx)
		return
	}
	seen := map[byte]bool{}
	for _, a := range first.alts {
		if a.suffix || a.s == "" {
			l.anyFirst = append(l.anyFirst, idx)
			return
		}
		seen[a.s[0]] = true
	}
	for b := range seen {
		l.byFirst[b] = append(l.byFirst[b], idx)
	}
}

// compilePattern parses the pattern syntax described above.
func compilePattern(id, src string) pattern {
	p := pattern{id: id, src: src}
	s := strings.TrimSpace(src)
	if strings.HasPrefix(s, "^") {
		p.anchorStart = true
		s = strings.TrimSpace(s[1:])
	}
	if strings.HasSuffix(s, "$") {
		p.anchorEnd = true
		s = strings.TrimSpace(s[:len(s)-1])
	}
	for _, f := range strings.Fields(s) {
		switch f {
		case "...":
			p.elems = append(p.elems, elem{gap: 3})
			continue
		case "#":
			p.elems = append(p.elems, elem{number: true})
			continue
		}
		var e elem
		for _, a := range strings.Split(f, "|") {
			pre := strings.HasSuffix(a, "*")
			suf := strings.HasPrefix(a, "*")
			a = strings.Trim(a, "*")
			sp := spellings
			if pre || suf {
				sp = affixSpellings
			}
			for _, sp := range sp(a) {
				e.alts = append(e.alts, alt{s: sp, prefix: pre, suffix: suf})
			}
		}
		p.elems = append(p.elems, e)
	}
	if len(p.elems) == 0 {
		panic("understand: empty pattern for " + id)
	}
	return p
}

// hit is one pattern found at words[start:end].
type hit struct {
	id         string
	start, end int
	pat        int
}

func (h hit) len() int { return h.end - h.start }

// find returns every place any pattern matches, before overlaps are
// resolved.
func (l *lexicon) find(d *doc) []hit {
	var hits []hit
	for start := range d.words {
		w := d.words[start].norm
		cands := l.anyFirst
		if w != "" {
			cands = append(append([]int(nil), l.byFirst[w[0]]...), l.anyFirst...)
		}
		for _, pi := range cands {
			p := &l.patterns[pi]
			if p.anchorStart && start != leadIn(d) {
				continue
			}
			if end, ok := l.matchAt(d, p.elems, start); ok && end > start && withinClause(d, start, end) {
				if p.anchorEnd && end != len(d.words) {
					continue
				}
				hits = append(hits, hit{id: p.id, start: start, end: end, pat: pi})
			}
		}
	}
	return hits
}

// leadIn is the index of the first word after a greeting, so that
// "hej, ja tak" still starts with "ja".
func leadIn(d *doc) int {
	i := 0
	for i < len(d.words) && i < 2 && greetingWords[d.words[i].norm] {
		i++
	}
	return i
}

// matchAt matches elems against the words from i on and returns where the
// match ends. Gaps take as few words as they can.
func (l *lexicon) matchAt(d *doc, elems []elem, i int) (int, bool) {
	if len(elems) == 0 {
		return i, true
	}
	e := elems[0]
	if e.gap > 0 {
		for g := 0; g <= e.gap && i+g <= len(d.words); g++ {
			if end, ok := l.matchAt(d, elems[1:], i+g); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i >= len(d.words) || !l.elemMatches(e, d.words[i]) {
		return 0, false
	}
	return l.matchAt(d, elems[1:], i+1)
}

// withinClause reports whether no clause break falls inside words[start:end].
func withinClause(d *doc, start, end int) bool {
	for k := start + 1; k < end; k++ {
		if d.words[k].brk {
			return false
		}
	}
	return true
}

// elemMatches reports whether one word fits one pattern element.
func (l *lexicon) elemMatches(e elem, w word) bool {
	if e.number {
		return w.kind == tokNum
	}
	if w.kind != tokWord {
		for _, a := range e.alts {
			if !a.prefix && !a.suffix && a.s == w.norm {
				return true
			}
		}
		return false
	}
	t := w.norm
	for _, a := range e.alts {
		if l.altMatches(a, t) {
			return true
		}
	}
	return false
}

func (l *lexicon) altMatches(a alt, t string) bool {
	affix := a.prefix || a.suffix
	if affix && l.except[t] {
		return false
	}
	switch {
	case a.prefix && a.suffix:
		return strings.Contains(t, a.s)
	case a.prefix:
		if strings.HasPrefix(t, a.s) {
			return true
		}
	case a.suffix:
		return strings.HasSuffix(t, a.s)
	default:
		if t == a.s {
			return true
		}
	}
	return l.fuzzy(a, t)
}

// fuzzy allows one typo in long words. The first letter must be right:
// thumbs slip inside words far more often than at their start.
func (l *lexicon) fuzzy(a alt, t string) bool {
	if l.fuzzyMin == 0 || len(a.s) < l.fuzzyMin || len(t) < l.fuzzyMin-1 || t[0] != a.s[0] {
		return false
	}
	if !a.prefix {
		return editDistance1(t, a.s)
	}
	for k := len(a.s) - 1; k <= len(a.s)+1; k++ {
		if k <= len(t) && editDistance1(t[:k], a.s) {
			return true
		}
	}
	return false
}

// resolve keeps the hits that win their words: blockers first, then longer
// phrases before shorter ones. Hits of equal length may share words, so a
// single word can prove two ids.
func resolve(hits []hit) []hit {
	sorted := append([]hit(nil), hits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		bi, bj := sorted[i].id == blocked, sorted[j].id == blocked
		if bi != bj {
			return bi
		}
		if sorted[i].len() != sorted[j].len() {
			return sorted[i].len() > sorted[j].len()
		}
		return sorted[i].start < sorted[j].start
	})
	var kept []hit
	for _, h := range sorted {
		ok := true
		for _, k := range kept {
			if h.start < k.end && k.start < h.end && (k.id == blocked || k.len() > h.len()) {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, h)
		}
	}
	out := kept[:0]
	for _, h := range kept {
		if h.id != blocked {
			out = append(out, h)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// match finds and resolves in one step.
func (l *lexicon) match(d *doc) []hit { return resolve(l.find(d)) }
