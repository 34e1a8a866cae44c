package api_test

import (
	"slices"
	"testing"
)

// TestCardsSayWhatTheyAreNot: a young person on Bornholm who asks for
// climate tasks gets cards that either share the interest or say plainly,
// in the card's caveat, that they do not — and the API carries the caveat.
func TestCardsSayWhatTheyAreNot(t *testing.T) {
	youth, conv := guest(t)
	replies := chat(t, youth, conv, map[string]any{"text": "jeg er 17, bor i Rønne og vil gerne hjælpe med klima, har tid i weekenden, gerne noget fast, alene"})
	var cards []map[string]any
	for _, m := range replies {
		for _, c := range asSlice(m["cards"]) {
			cards = append(cards, c.(map[string]any))
		}
	}
	if len(cards) == 0 {
		t.Fatalf("no cards:\n%s", texts(replies))
	}
	caveats := 0
	for _, c := range cards {
		interests := asSlice(c["interests"])
		about := slices.ContainsFunc(interests, func(i any) bool { return i == "climate" })
		caveat, _ := c["caveat"].(string)
		if caveat != "" {
			caveats++
		}
		if !about && caveat == "" {
			t.Errorf("card %v is not about climate and does not say so", c["title"])
		}
		fs, _ := c["first_step"].(map[string]any)
		if fs["starts_at"] == nil {
			t.Errorf("card %v has no date for its first step", c["title"])
		}
	}
	if caveats == 0 {
		t.Errorf("no card carries a caveat on Bornholm, where almost nothing about climate is within reach:\n%s", texts(replies))
	}
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}
