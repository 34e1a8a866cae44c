package understand

import (
	"slices"
	"strings"
	"sync"

	"github.com/brobygger/brobygger/geo"
)

// placeName is one name from geo, prepared for scanning tokenised text.
type placeName struct {
	words  [][]string // per word: its folded spelling first, then spellings without æøå
	name   string     // as geo spells it
	muni   string
	common bool // also an everyday word ("Give", "Them", "Ry")
}

// placeIndex maps every spelling of a name's first word to the names
// starting with it, longest names first (the order geo gives them in).
type placeIndex struct {
	names   []placeName
	byFirst map[string][]int
}

// extraCommonPlaces are place names that are everyday words but not
// flagged as such by geo: "odder" is otters, "lejre" camps, "aars" is how
// "års" looks without å.
var extraCommonPlaces = set("odder", "lejre", "aars", "arden", "hasle", "tilst", "lem", "ans",
	"skive", "greve", "nordvest")

// places indexes geo's names once, on first use.
var places = sync.OnceValue(func() *placeIndex {
	idx := &placeIndex{byFirst: map[string][]int{}}
	for _, p := range geo.PlaceNames() {
		d := tokenize(p.Name)
		if len(d.words) == 0 {
			continue
		}
		pn := placeName{name: p.Name, muni: p.Municipality, common: geo.IsCommonWord(p.Name) || extraCommonPlaces[geo.Fold(p.Name)]}
		for _, w := range d.words {
			pn.words = append(pn.words, placeSpellings(w.raw))
		}
		i := len(idx.names)
		idx.names = append(idx.names, pn)
		for _, s := range pn.words[0] {
			idx.byFirst[s] = append(idx.byFirst[s], i)
		}
	}
	return idx
})

// placeSpellings is spellings plus the single "a" people type for the old
// "aa" ("Alborg", "Abenra").
func placeSpellings(raw string) []string {
	out := spellings(raw)
	full := fold(raw)
	if strings.Contains(full, "aa") {
		out = append(out, strings.ReplaceAll(full, "aa", "a"))
	}
	out = append([]string{full}, out...)
	return dedupe(out)
}

// Words before a place name that show it is where someone is.
var (
	weakPlaceCues = set("i", "på", "paa", "pa", "fra", "nær", "naer", "ved", "omkring", "omkr",
		"in", "near", "from", "at", "around", "af", "for", "nearby", "kring", "udenfor", "outside")
	// where someone lives beats where they come from or study
	residenceCues = set("bor i", "bor på", "boer i", "bosat i", "live in", "lives in", "living in",
		"bo i", "flyttet til", "flytter til", "moved to", "moving to", "bor lige", "bor tæt",
		"bor ude", "bor inde", "bor nær", "bor ved", "live near", "hjemme i", "postnummer", "bor")
	strongPlaceCues = set("based in", "kommer fra", "come from", "comes from", "im from", "er fra",
		"i am from", "am from", "studerer i", "study in", "går i skole i", "skole i")
)

// placeMatch is one place name found in the text.
type placeMatch struct {
	name, muni string
	start, end int
	score      int
}

// findPlace returns the place and the municipality named in the text,
// preferring the mention with the clearest cue ("bor i Odense" over a bare
// "Odense").
func findPlace(d *doc) (name, muni string) {
	best := placeMatch{}
	idx := places()
	for i := 0; i < len(d.words); i++ {
		m, ok := matchPlaceAt(d, idx, i)
		if !ok {
			continue
		}
		if m.score > best.score {
			best = m
		}
		i = m.end - 1
	}
	return best.name, best.muni
}

// matchPlaceAt tries every place name starting at word i and scores the
// longest that is believable in its context (0 means not believable).
func matchPlaceAt(d *doc, idx *placeIndex, i int) (placeMatch, bool) {
	w := d.words[i]
	if w.kind != tokWord {
		return placeMatch{}, false
	}
	for _, ni := range idx.byFirst[w.norm] {
		pn := idx.names[ni]
		exact, ok := placeWordsMatch(d, pn, i)
		if !ok {
			continue
		}
		end := i + len(pn.words)
		if next := d.norm(end); strings.HasPrefix(next, "festival") || next == "fest" || next == "festen" {
			return placeMatch{}, false
		}
		score := placeScore(d, i, end, exact, pn.common)
		if score == 0 {
			continue
		}
		return placeMatch{name: pn.name, muni: pn.muni, start: i, end: end, score: score}, true
	}
	return placeMatch{}, false
}

// placeWordsMatch compares the words of one name against the text from
// word i, across dots ("Kgs. Lyngby") but not across commas. exact is
// false when a spelling without æøå was needed.
func placeWordsMatch(d *doc, pn placeName, i int) (exact, ok bool) {
	if i+len(pn.words) > len(d.words) {
		return false, false
	}
	exact = true
	for k, spell := range pn.words {
		w := d.words[i+k]
		if k > 0 && w.brk && !strings.HasSuffix(strings.TrimSpace(d.text[d.words[i+k-1].end:w.start]), ".") {
			return false, false
		}
		found := false
		for si, s := range spell {
			if w.norm == s {
				found = true
				if si > 0 {
					exact = false
				}
				break
			}
		}
		if !found {
			return false, false
		}
	}
	return exact, true
}

// placeScore says how sure a place mention is: 4 after "bor i" and the
// like, 3 after "er fra" and other strong cues, 2 after a preposition, 1
// when the name stands alone or is written with a capital mid-sentence,
// 0 when it is probably an ordinary word.
func placeScore(d *doc, start, end int, exact, common bool) int {
	prev := d.norm(start - 1)
	prev2 := d.norm(start-2) + " " + prev
	cueBreak := start > 0 && d.words[start].brk
	residence := !cueBreak && (residenceCues[prev2] || residenceCues[prev])
	strong := !cueBreak && (strongPlaceCues[prev2] || d.norm(end) == "kommune")
	weak := !cueBreak && weakPlaceCues[prev]
	capital := start > 0 && !d.words[start].brk && startsUpper(d.words[start].raw)
	opens := start == 0 || d.words[start].brk || start == leadIn(d)
	wholeClause := opens && (end == len(d.words) || d.words[end].brk)
	wholeMessage := wholeClause && (start == 0 || start == leadIn(d)) && end == len(d.words)
	switch {
	case residence:
		return 4
	case strong:
		return 3
	case common:
		if weak && capital || wholeMessage && startsUpper(d.words[start].raw) {
			return 2
		}
		return 0
	case !exact:
		if weak {
			return 2
		}
		if wholeMessage {
			return 1
		}
		return 0
	case weak:
		return 2
	case capital, wholeClause, len(d.words) <= 3:
		return 1
	}
	return 0
}

func startsUpper(s string) bool {
	for _, r := range s {
		return strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)
	}
	return false
}

// notPostcodeBefore and notPostcodeAfter mark four-digit numbers that are
// years, times, amounts or distances.
var (
	notPostcodeBefore = set("kl", "klokken", "født", "born", "siden", "since", "år", "aar", "year",
		"in", "sommeren", "vinteren", "foråret", "efteråret", "summer", "winter", "spring", "fall",
		"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
		"oktober", "november", "december", "january", "february", "march", "may", "june",
		"july", "october", "årgang", "class", "fra", "til", "from", "to", "før", "efter", "before", "after")
	notPostcodeAfter = set("kr", "kroner", "dkk", "km", "m", "meter", "timer", "steps", "skridt",
		"personer", "people", "euro", "eur", "kr.", "point", "points", "followers", "følgere")
)

// findPostcode returns the first four-digit number that is a real Danish
// postcode and reads like one.
func findPostcode(d *doc) (geo.Postcode, bool) {
	for i, w := range d.words {
		if w.kind != tokNum || len(w.norm) != 4 {
			continue
		}
		n := w.norm
		if notPostcodeAfter[d.norm(i+1)] || sepBetween(d, i, i+1) == ":" {
			continue
		}
		prev, prev2 := d.norm(i-1), d.norm(i-2)
		if prev == "kl" || prev == "klokken" {
			continue
		}
		// a year such as "født i 1998" or "sommeren 2024"; real postcodes
		// in that range still count after "bor i"
		yearish := notPostcodeBefore[prev] || (prev == "i" || prev == "in") && notPostcodeBefore[prev2]
		if yearish && n >= "1900" && n < "2100" && !residenceCues[prev2+" "+prev] {
			continue
		}
		if pc, ok := geo.LookupPostcode(n); ok {
			return pc, true
		}
	}
	return geo.Postcode{}, false
}

// dropPlaceNamedInterests forgets interests read only from a town's name:
// "Horsens" is a town, not horses, and "Hestehaven" a street.
func dropPlaceNamedInterests(r *Result) {
	for id, w := range r.InterestWords {
		p, ok := geo.ResolvePlace(w)
		if !ok || geo.IsCommonWord(p.Name) || !strings.EqualFold(geo.Fold(p.Name), geo.Fold(w)) {
			continue
		}
		delete(r.InterestWords, id)
		r.Interests = slices.DeleteFunc(r.Interests, func(x string) bool { return x == id })
	}
}
