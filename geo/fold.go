package geo

import (
	"strings"
	"unicode"
)

// Fold normalises a place name for comparison. It lower-cases, spells the
// Danish letters the way Danes do on a keyboard without them (æ→ae, ø→oe,
// å→aa; likewise ä→ae, ö→oe, ü→ue), strips accents from other letters
// (é→e), turns hyphens, dots and other punctuation into single spaces, and
// trims. So "Nørrebro" and "noerrebro" fold to the same "noerrebro", and
// "Kgs. Lyngby" and "kgs lyngby" to "kgs lyngby".
//
// Fold alone does not make "norrebro" equal "noerrebro": people who drop
// the letters entirely write o for ø and a for å and æ. [ResolvePlace] and
// [LookupMunicipality] cover that with a second, looser key built from the
// folded one, in which ae, oe and aa collapse to a, o and a. That key is
// kept separate because it makes some distinct names meet (it cannot tell
// an "aa" meaning å from a doubled a), so it is only tried when the folded
// key finds nothing.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 4)
	pendingSpace := false
	emit := func(t string) {
		if pendingSpace && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteString(t)
	}
	for _, r := range strings.ToLower(s) {
		if t, ok := foldRune[r]; ok {
			emit(t)
			continue
		}
		switch {
		case r == '\'' || r == '’' || r == '´' || r == '`':
			// Dropped, not spaced: "Dragør's" should stay one word.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			emit(string(r))
		default:
			pendingSpace = true
		}
	}
	return b.String()
}

// foldRune spells non-ASCII letters in plain ASCII. Only letters a Danish
// user is likely to meet in place names are listed; any other letter is
// kept as it is.
var foldRune = map[rune]string{
	'æ': "ae", 'ä': "ae",
	'ø': "oe", 'ö': "oe", 'œ': "oe",
	'å': "aa",
	'ü': "ue", 'ß': "ss",
	'á': "a", 'à': "a", 'â': "a", 'ã': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'õ': "o",
	'ú': "u", 'ù': "u", 'û': "u",
	'ý': "y", 'ÿ': "y",
	'ç': "c", 'ñ': "n",
}

// looseReplacer collapses the two-letter spellings of æ, ø and å. It runs
// on folded text, so the original letters are already spelled out.
var looseReplacer = strings.NewReplacer("aa", "a", "ae", "a", "oe", "o")

// looseKey turns a folded name into the key used when the folded key
// finds nothing; see [Fold].
func looseKey(folded string) string {
	return looseReplacer.Replace(folded)
}

// commonWords holds folded place names that are also everyday Danish or
// English words or first names, where a match in free text is weak
// evidence that someone named a place.
var commonWords = func() map[string]bool {
	words := []string{
		"Als", "Ans", "Ansager", "Balle", "Ballen", "Beder", "Brande", "Byrum",
		"Bække", "Elling", "Flemming", "Fur", "Gesten", "Give", "Gram", "Hals",
		"Hampen", "Hee", "Hemmet", "Henne", "Holmen", "Humble", "Indre By",
		"Kloster", "Knebel", "Kås", "Lemming", "Lind", "Løsning", "Mors",
		"Mørke", "Nordvest", "Nyord", "Ringe", "Rude", "Ry", "Stege", "Stige",
		"Stilling", "Tarm", "Them", "Thy", "Tim", "Tune", "Vejen", "Vig", "Vrå",
		"Ørsted",
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[Fold(w)] = true
	}
	return m
}()

// IsCommonWord reports whether a place name is also an everyday Danish or
// English word or a first name ("Give", "Them", "Ry", "Vejen", "Tim").
// ResolvePlace still resolves such names when asked directly; the hint is
// for code that scans free text with [PlaceNames], which should want more
// than a bare word match (capitalisation, "bor i ...", a postcode) before
// trusting one.
func IsCommonWord(name string) bool {
	return commonWords[Fold(name)]
}
