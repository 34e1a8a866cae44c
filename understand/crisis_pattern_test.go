package understand

import (
	"slices"
	"testing"
)

// TestGroupedLexiconMatchesSpelledOut holds the safety lexicon's grouped
// patterns to the plain ones: on every labelled line, keeping a group of
// several-word alternatives as one element finds the same ids as spelling
// each alternative out as a pattern of its own.
func TestGroupedLexiconMatchesSpelledOut(t *testing.T) {
	terms := slices.Concat(safetyTerms, safetyStructure, safetyCues, safetyIndirect, safetyIndirectMore, safetyIndirectThird)
	plain := newLexicon(terms, 5, crisisExceptions...)
	ids := func(l *lexicon, text string) []string {
		d := tokenize(text)
		var out []string
		for _, h := range l.find(safetyDoc(&d)) {
			if !slices.Contains(out, h.id) {
				out = append(out, h.id)
			}
		}
		slices.Sort(out)
		return out
	}
	n := 0
	for _, path := range safetyFiles(t) {
		for _, c := range loadSafetySet(t, path) {
			n++
			if got, want := ids(safetyLex, c.Text), ids(plain, c.Text); !slices.Equal(got, want) {
				t.Errorf("%q: grouped %v, spelled out %v", c.Text, got, want)
			}
		}
	}
	if n < 1000 {
		t.Errorf("compared only %d lines", n)
	}
}

func TestPatternNumberBounds(t *testing.T) {
	l := newGroupedLexicon([]termGroup{
		{"many", []string{"tog #5 piller"}},
		{"tens", []string{"## (piller|sove piller)"}},
	}, 0)
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"jeg tog 8 piller", []string{"many"}},
		{"jeg tog 2 piller", nil},
		{"40 piller", []string{"tens"}},
		{"9 piller", nil},
		{"12 sove piller", []string{"tens"}},
	} {
		d := tokenize(tt.text)
		var got []string
		for _, h := range l.find(&d) {
			got = append(got, h.id)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestPatternNestedGroupPanics(t *testing.T) {
	for _, build := range []func([]termGroup, int, ...string) *lexicon{newLexicon, newGroupedLexicon} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("a nested group compiled without complaint")
				}
			}()
			build([]termGroup{{"x", []string{"a (b (c|d)|e f)"}}}, 0)
		}()
	}
}

// TestSafetySpellingStaysWithSafety: the safety reader spells out "ik"
// and "jg", while the words every other reader sees stay as written.
func TestSafetySpellingStaysWithSafety(t *testing.T) {
	d := tokenize("jg har ik lyst til at leve")
	sd := safetyDoc(&d)
	if sd.words[0].norm != "jeg" || sd.words[2].norm != "ikke" {
		t.Errorf("safety words %q %q, want jeg ikke", sd.words[0].norm, sd.words[2].norm)
	}
	if d.words[0].norm != "jg" || d.words[2].norm != "ik" {
		t.Errorf("original words changed to %q %q", d.words[0].norm, d.words[2].norm)
	}
	if r := Parse("jg har ik lyst til at leve"); !r.Crisis || r.CrisisKind != KindSuicide {
		t.Errorf("Parse: crisis %v kind %q, want suicide", r.Crisis, r.CrisisKind)
	}
}
