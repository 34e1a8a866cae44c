package api_test

import (
	"strings"
	"testing"
)

// TestAgeRulesShapeTheSuggestions follows Danish practice: 13–14-year-olds
// only see tasks marked for their age, 15–17 nothing for adults only, and a
// card for a task that needs a børneattest says so in plain words.
func TestAgeRulesShapeTheSuggestions(t *testing.T) {
	for _, tc := range []struct {
		age  string
		max  int
		text string
	}{
		{"13", 13, "jeg er 13, bor i 2200, børn og sport og dyr, har altid tid, gerne noget fast, med en ven"},
		{"16", 17, "jeg er 16, bor i 2200, børn og sport og dyr, har altid tid, gerne noget fast, med en ven"},
	} {
		t.Run(tc.age, func(t *testing.T) {
			c, conv := guest(t)
			path := "/v1/conversations/" + conv + "/messages"
			var seen int
			ms := messages(t, c.do("POST", path, map[string]any{"client_message_id": "a1", "text": tc.text}))
			for i := range 4 {
				for _, m := range ms {
					for _, card := range m["cards"].([]any) {
						id := card.(map[string]any)["opportunity_id"].(string)
						o, ok := shared.Catalog.Get(id)
						if !ok {
							t.Fatalf("card %s not in catalog", id)
						}
						seen++
						if o.MinAge > tc.max {
							t.Errorf("age %s was shown %s (from %d years)", tc.age, o.Title, o.MinAge)
						}
						notes := strings.Join(asStrings(card.(map[string]any)["notes"]), " ")
						if o.ChildCertificate && !strings.Contains(notes, "MitID") {
							t.Errorf("card for %s needs a børneattest but does not explain it: %q", o.Title, notes)
						}
					}
				}
				ms = messages(t, c.do("POST", path, map[string]any{"client_message_id": "more" + string(rune('a'+i)), "choice": "show_more"}))
			}
			if seen < 6 {
				t.Errorf("only %d suggestions for age %s", seen, tc.age)
			}
		})
	}
}

func asStrings(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}
