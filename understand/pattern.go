package understand

import (
	"sort"
	"strconv"
	"strings"
)

// The lexicons are written as small phrase patterns so that they can stay
// plain data. A pattern is a space-separated sequence of elements:
//
//	dyr*            a word starting with "dyr" (dyr, dyrene, dyreinternat)
//	*børn           a word ending in "børn" (plejebørn, småbørn)
//	*spild*         a word containing "spild"
//	far|mor|han     any one of the alternatives (one word each)
//	(dont|do not)   alternatives of several words
//	#               any number
//	##              a number of at least ten
//	#5              a number of at least 5 (any bound)
//	...             up to three words of anything (within one clause)
//	...6            up to six words of anything (any count 1-9)
//	^ / $           (first / last character of the pattern) the phrase must
//	                open / close the message
//
// Words are written in normal Danish spelling; every spelling a keyboard
// without æøå produces is derived from it (see spellings).

// alt is one alternative of a pattern element.
type alt struct {
	s              string
	prefix, suffix bool // prefix: "s*"; suffix: "*s"; both: contains
	primary        bool // the plain folded spelling; only it tolerates typos
}

// elem is one position of a pattern.
type elem struct {
	alts   []alt
	number bool // "#"
	min    int  // "##" or "#5": a number of at least ten, or at least 5 ("40 panodiler")
	gap    int  // "...": skip 0..gap words

	// a group of several-word alternatives kept as one element (see
	// newGroupedLexicon): seqs are the alternatives, tails each
	// alternative followed by the rest of the pattern
	seqs  [][]elem
	tails [][]elem

	// derived from alts by index, for speed
	exact   map[string]bool
	affixes []alt
	fuzzyBy map[byte][]alt // the alts that tolerate a typo, by first letter
}

// pattern is one compiled phrase that proves id.
type pattern struct {
	id          string
	src         string // as written in the lexicon, for debugging
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
	fuzzyMin int // words at least this long tolerate one typo; 0 disables
	except   map[string]bool

	// Which patterns can start at a word: by the exact word, by the first
	// or last three letters of a stem, by the first letter (for typo
	// tolerance, which keeps it), or at any word at all.
	byWord   map[string][]int
	byHead   map[string][]int
	byTail   map[string][]int
	byByte   map[byte][]int   // typo-tolerant stems ("dyr*"), by first letter
	byDel    map[string][]int // typo-tolerant words, by themselves and every one-letter deletion
	anyFirst []int
	known    map[string]bool // every exact word of the lexicon
}

// stemKey is how many letters of a stem the index looks at.
const stemKey = 3

// newLexicon compiles the groups. fuzzyMin enables one-typo tolerance for
// long words; except lists folded words that affix patterns must never
// match (e.g. "dyrt", expensive, is not an animal).
func newLexicon(groups []termGroup, fuzzyMin int, except ...string) *lexicon {
	return buildLexicon(groups, fuzzyMin, false, except)
}

// newGroupedLexicon is newLexicon for a large lexicon: a group of
// several-word alternatives after the first word stays one element that
// tries each alternative, instead of a pattern of its own per alternative.
// Both match the same; this one keeps the safety lexicon to a tenth of the
// patterns and Parse fast.
func newGroupedLexicon(groups []termGroup, fuzzyMin int, except ...string) *lexicon {
	return buildLexicon(groups, fuzzyMin, true, except)
}

func buildLexicon(groups []termGroup, fuzzyMin int, grouped bool, except []string) *lexicon {
	l := &lexicon{fuzzyMin: fuzzyMin, except: map[string]bool{}, byWord: map[string][]int{},
		byHead: map[string][]int{}, byTail: map[string][]int{}, byByte: map[byte][]int{}, byDel: map[string][]int{}, known: map[string]bool{}}
	for _, e := range except {
		for _, s := range spellings(e) {
			l.except[s] = true
		}
	}
	for _, g := range groups {
		for _, t := range g.terms {
			if grouped && !anchorInGroup(t) {
				for _, x := range expandLeadingGroup(t) {
					l.add(compileGrouped(g.id, x))
				}
				continue
			}
			for _, x := range expandGroups(t) {
				l.add(compilePattern(g.id, x))
			}
		}
	}
	return l
}

// anchorInGroup reports a group with "^" or "$" among its alternatives
// ("ende det (nu|i aften|$)"): anchors belong to a whole pattern, so such
// a group is spelled out.
func anchorInGroup(src string) bool {
	return strings.Contains(src, "|$") || strings.Contains(src, "$|") || strings.Contains(src, "($)") ||
		strings.Contains(src, "|^") || strings.Contains(src, "^|")
}

// expandLeadingGroup spells out a group that opens the pattern, so that
// every pattern starts with words the index can find.
func expandLeadingGroup(src string) []string {
	s := strings.TrimSpace(src)
	prefix := ""
	if strings.HasPrefix(s, "^") {
		prefix, s = "^", strings.TrimSpace(s[1:])
	}
	if !strings.HasPrefix(s, "(") {
		return []string{src}
	}
	closing := strings.IndexByte(s, ')')
	if closing < 0 {
		panic("understand: unbalanced pattern " + src)
	}
	choices := strings.Split(s[1:closing], "|")
	if singleWords(choices) {
		return expandLeadingGroup(prefix + strings.Join(choices, "|") + s[closing+1:])
	}
	var out []string
	for _, c := range choices {
		out = append(out, expandLeadingGroup(prefix+c+s[closing+1:])...)
	}
	return out
}

// compileGrouped is compilePattern with groups kept as elements.
func compileGrouped(id, src string) pattern {
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
	s = strings.ReplaceAll(s, "-", " ")
	for len(s) > 0 {
		s = strings.TrimLeft(s, " ")
		if s == "" {
			break
		}
		if s[0] == '(' {
			closing := strings.IndexByte(s, ')')
			if closing < 0 {
				panic("understand: unbalanced pattern " + src)
			}
			inner := s[1:closing]
			if strings.IndexByte(inner, '(') >= 0 {
				panic("understand: nested group in pattern " + src)
			}
			choices := strings.Split(inner, "|")
			if singleWords(choices) {
				p.elems = append(p.elems, fieldElem(strings.Join(choices, "|")))
			} else {
				var e elem
				for _, c := range choices {
					var seq []elem
					for _, f := range strings.Fields(c) {
						seq = append(seq, fieldElem(f))
					}
					e.seqs = append(e.seqs, seq)
				}
				p.elems = append(p.elems, e)
			}
			s = s[closing+1:]
			continue
		}
		end := strings.IndexByte(s, ' ')
		if end < 0 {
			end = len(s)
		}
		if strings.IndexByte(s[:end], '(') >= 0 {
			panic("understand: group glued to a word in pattern " + src)
		}
		p.elems = append(p.elems, fieldElem(s[:end]))
		s = s[end:]
	}
	if len(p.elems) == 0 || p.elems[0].seqs != nil {
		panic("understand: empty pattern or leading group for " + id + ": " + src)
	}
	return p
}

// expandGroups spells out "(a b|c)" groups, which hold alternatives of
// several words each: "(dont|do not) want to live" is two patterns.
func expandGroups(src string) []string {
	open := strings.IndexByte(src, '(')
	if open < 0 {
		return []string{src}
	}
	closing := strings.IndexByte(src[open:], ')')
	if closing < 0 {
		panic("understand: unbalanced pattern " + src)
	}
	closing += open
	if strings.IndexByte(src[open+1:closing], '(') >= 0 {
		panic("understand: nested group in pattern " + src)
	}
	choices := strings.Split(src[open+1:closing], "|")
	if singleWords(choices) {
		// one word each: one element with alternatives matches the same
		// and keeps the lexicon small
		return expandGroups(src[:open] + strings.Join(choices, "|") + src[closing+1:])
	}
	var out []string
	for _, choice := range choices {
		out = append(out, expandGroups(src[:open]+choice+src[closing+1:])...)
	}
	return out
}

// singleWords reports whether every choice of a group is one plain word,
// so that the group can stay one element.
func singleWords(choices []string) bool {
	for _, c := range choices {
		if c == "" || strings.ContainsAny(c, " -") || c == "#" || c == "##" || strings.HasPrefix(c, "...") || c == "^" || c == "$" {
			return false
		}
	}
	return true
}

func (l *lexicon) add(p pattern) {
	idx := len(l.patterns)
	l.prepare(p.elems)
	l.patterns = append(l.patterns, p)
	first := p.elems[0]
	if first.number || first.gap > 0 {
		l.anyFirst = append(l.anyFirst, idx)
		return
	}
	heads, tails, bytes, dels := map[string]bool{}, map[string]bool{}, map[byte]bool{}, map[string]bool{}
	for _, a := range first.alts {
		switch {
		case a.prefix && a.suffix, len(a.s) < stemKey && (a.prefix || a.suffix):
			l.anyFirst = append(l.anyFirst, idx)
			return
		case a.prefix:
			heads[a.s[:stemKey]] = true
		case a.suffix:
			tails[a.s[len(a.s)-stemKey:]] = true
		}
		if l.fuzzyMin > 0 && a.primary && !a.suffix && len(a.s) >= l.fuzzyMin {
			if a.prefix {
				bytes[a.s[0]] = true
				continue
			}
			// one typo apart means sharing the word or a one-letter
			// deletion of it (the first letter is never the typo)
			dels[a.s] = true
			for k := 1; k < len(a.s); k++ {
				dels[a.s[:k]+a.s[k+1:]] = true
			}
		}
	}
	for w := range first.exact {
		l.byWord[w] = append(l.byWord[w], idx)
	}
	for k := range heads {
		l.byHead[k] = append(l.byHead[k], idx)
	}
	for k := range tails {
		l.byTail[k] = append(l.byTail[k], idx)
	}
	for b := range bytes {
		l.byByte[b] = append(l.byByte[b], idx)
	}
	for k := range dels {
		l.byDel[k] = append(l.byDel[k], idx)
	}
}

// prepare derives what matching needs from elems: typo tolerance, the
// words the lexicon knows, and for each group its alternatives followed by
// the rest of the pattern (built from the back, so that a later group is
// copied with its own tails).
func (l *lexicon) prepare(elems []elem) {
	for i := range elems {
		e := &elems[i]
		for _, seq := range e.seqs {
			l.prepare(seq)
		}
		for _, a := range e.alts {
			if l.fuzzyMin > 0 && a.primary && !a.suffix && len(a.s) >= l.fuzzyMin {
				if e.fuzzyBy == nil {
					e.fuzzyBy = map[byte][]alt{}
				}
				e.fuzzyBy[a.s[0]] = append(e.fuzzyBy[a.s[0]], a)
			}
		}
		for w := range e.exact {
			l.known[w] = true
		}
	}
	for k := len(elems) - 1; k >= 0; k-- {
		e := &elems[k]
		if e.seqs == nil {
			continue
		}
		e.tails = make([][]elem, len(e.seqs))
		for j, seq := range e.seqs {
			t := make([]elem, 0, len(seq)+len(elems)-k-1)
			e.tails[j] = append(append(t, seq...), elems[k+1:]...)
		}
	}
}

// candidates lists, without repeats, the patterns that may start at word w.
func (l *lexicon) candidates(w string, seen []bool) []int {
	var out []int
	addAll := func(list []int) {
		for _, i := range list {
			if !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	addAll(l.byWord[w])
	if len(w) >= stemKey {
		addAll(l.byHead[w[:stemKey]])
		addAll(l.byTail[w[len(w)-stemKey:]])
	}
	// a word the lexicon knows is spelled right; only strangers get the
	// benefit of the doubt of a typo
	if w != "" && len(w) >= l.fuzzyMin-1 && !l.known[w] {
		addAll(l.byByte[w[0]])
		addAll(l.byDel[w])
		var buf [64]byte
		if len(w) <= len(buf) {
			for k := 1; k < len(w); k++ {
				b := append(append(buf[:0], w[:k]...), w[k+1:]...)
				addAll(l.byDel[string(b)])
			}
		}
	}
	addAll(l.anyFirst)
	for _, i := range out {
		seen[i] = false
	}
	return out
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
	// the tokenizer splits "one-off" in two, so patterns do the same
	s = strings.ReplaceAll(s, "-", " ")
	for _, f := range strings.Fields(s) {
		p.elems = append(p.elems, fieldElem(f))
	}
	if len(p.elems) == 0 {
		panic("understand: empty pattern for " + id)
	}
	return p
}

// fieldElem compiles one space-free field of a pattern: a gap, a number
// or alternatives of one word each.
func fieldElem(f string) elem {
	switch f {
	case "...":
		return elem{gap: 3}
	case "...1", "...2", "...3", "...4", "...5", "...6", "...7", "...8", "...9":
		return elem{gap: int(f[3] - '0')}
	case "#":
		return elem{number: true}
	case "##":
		return elem{number: true, min: 10}
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(f, "#")); err == nil && f[0] == '#' {
		return elem{number: true, min: n}
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
		for i, sp := range sp(a) {
			e.alts = append(e.alts, alt{s: sp, prefix: pre, suffix: suf, primary: i == 0})
		}
	}
	e.exact = map[string]bool{}
	for _, a := range e.alts {
		if a.prefix || a.suffix {
			e.affixes = append(e.affixes, a)
		} else {
			e.exact[a.s] = true
		}
	}
	return e
}

// hit is one pattern found at words[start:end].
type hit struct {
	id         string
	start, end int
	pat        int
	fuzzy      bool // needed typo tolerance
}

func (h hit) len() int { return h.end - h.start }

// find returns every place any pattern matches, before overlaps are
// resolved.
func (l *lexicon) find(d *doc) []hit {
	var hits []hit
	seen := make([]bool, len(l.patterns))
	// whether each word may be a typo: asked once per word, not once per
	// pattern that tries it
	typo := make([]bool, len(d.words))
	for i, w := range d.words {
		t := w.norm
		typo[i] = l.fuzzyMin > 0 && w.kind == tokWord && len(t) >= l.fuzzyMin-1 && !l.known[t] && !l.except[t]
	}
	for start := range d.words {
		for _, pi := range l.candidates(d.words[start].norm, seen) {
			p := &l.patterns[pi]
			if p.anchorStart && start != 0 && start != leadIn(d) {
				continue
			}
			if end, fz, ok := l.matchAt(d, p.elems, start, typo); ok && end > start && withinClause(d, start, end) {
				if p.anchorEnd && end != len(d.words) {
					continue
				}
				hits = append(hits, hit{id: p.id, start: start, end: end, pat: pi, fuzzy: fz})
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
func (l *lexicon) matchAt(d *doc, elems []elem, i int, typo []bool) (end int, fuzzy, ok bool) {
	if len(elems) == 0 {
		return i, false, true
	}
	e := &elems[0]
	if e.tails != nil {
		for _, t := range e.tails {
			if end, fz, ok := l.matchAt(d, t, i, typo); ok {
				return end, fz, true
			}
		}
		return 0, false, false
	}
	if e.gap > 0 {
		for g := 0; g <= e.gap && i+g <= len(d.words); g++ {
			if end, fz, ok := l.matchAt(d, elems[1:], i+g, typo); ok {
				return end, fz, true
			}
		}
		return 0, false, false
	}
	if i >= len(d.words) {
		return 0, false, false
	}
	m, fz := l.elemMatches(*e, d.words[i], typo[i])
	if !m {
		return 0, false, false
	}
	end, fz2, ok := l.matchAt(d, elems[1:], i+1, typo)
	return end, fz || fz2, ok
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

// elemMatches reports whether one word fits one pattern element, and
// whether that took typo tolerance (typo: the word is long enough and
// unknown to the lexicon). Exact spellings are tried first.
func (l *lexicon) elemMatches(e elem, w word, typo bool) (ok, fuzzy bool) {
	if e.number {
		if w.kind != tokNum {
			return false, false
		}
		n, err := strconv.Atoi(w.norm)
		return e.min == 0 || err != nil || n >= e.min, false
	}
	t := w.norm
	if e.exact[t] {
		return true, false
	}
	if w.kind != tokWord || l.except[t] {
		return false, false
	}
	for _, a := range e.affixes {
		if l.altMatches(a, t) {
			return true, false
		}
	}
	if !typo {
		return false, false
	}
	for _, a := range e.fuzzyBy[t[0]] {
		if l.fuzzy(a, t) {
			return true, true
		}
	}
	return false, false
}

func (l *lexicon) altMatches(a alt, t string) bool {
	switch {
	case a.prefix && a.suffix:
		return strings.Contains(t, a.s)
	case a.prefix:
		return strings.HasPrefix(t, a.s)
	}
	return strings.HasSuffix(t, a.s)
}

// fuzzy allows one typo in long words. The first letter must be right:
// thumbs slip inside words far more often than at their start.
func (l *lexicon) fuzzy(a alt, t string) bool {
	if !a.primary || a.suffix || len(a.s) < l.fuzzyMin || len(t) < l.fuzzyMin-1 || t[0] != a.s[0] {
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
	// a guess at a typo never beats a word that was spelled out exactly
	var sorted []hit
	for _, h := range hits {
		if h.fuzzy && overlapsExact(h, hits) {
			continue
		}
		sorted = append(sorted, h)
	}
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

func overlapsExact(h hit, hits []hit) bool {
	for _, o := range hits {
		if !o.fuzzy && h.start < o.end && o.start < h.end {
			return true
		}
	}
	return false
}

// stemLen is how many letters of a one-word hit its pattern accounts for:
// the whole word for an exact match, the stem for "dyr*" or "*festival*".
// leading reports that the stem only starts the word (a compound's
// modifier, not its head).
func (l *lexicon) stemLen(d *doc, h hit) (n int, leading bool) {
	w := d.words[h.start].norm
	for _, a := range l.patterns[h.pat].elems[0].alts {
		if !a.prefix && !a.suffix && a.s == w {
			return len(w), false
		}
		if (a.prefix || a.suffix) && l.altMatches(a, w) && len(a.s) > n {
			n, leading = len(a.s), a.prefix && !a.suffix
		}
	}
	return n, leading
}

// match finds and resolves in one step.
func (l *lexicon) match(d *doc) []hit { return resolve(l.find(d)) }
