package understand

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugHits(t *testing.T) {
	s := os.Getenv("UT")
	if s == "" {
		t.Skip()
	}
	d := tokenize(s)
	fmt.Println(d.norms())
	for name, l := range map[string]*lexicon{"int": interestLex, "crisis": crisisLex, "group": groupLex, "commit": commitmentLex, "intent": intentLex, "part": partLex, "dayp": dayPhraseLex} {
		for _, h := range l.find(&d) {
			fmt.Println(name, h.id, h.start, h.end, l.patterns[h.pat].src)
		}
	}
	fmt.Printf("%+v\n", timeItems(&d))
	fmt.Printf("%+v\n", Parse(s))
}
