package leads

import (
	"strings"
	"testing"
)

// TestEveryStatusIsToldInBothLanguages: every status has its words in
// Danish and English, with the organisation named and no placeholder left.
func TestEveryStatusIsToldInBothLanguages(t *testing.T) {
	for _, status := range Statuses {
		for _, lang := range textLanguages {
			for _, staff := range []string{"", "Sara"} {
				got := StatusText(status, staff, "Dyreværnet", lang)
				if got == "" || !strings.Contains(got, "Dyreværnet") || strings.ContainsAny(got, "{}") {
					t.Errorf("StatusText(%s, %q, %s) = %q", status, staff, lang, got)
				}
			}
		}
	}
	if da, en := StatusText(StatusDeclined, "", "X", "da"), StatusText(StatusDeclined, "", "X", "en"); da == en {
		t.Errorf("Danish and English are the same: %q", da)
	}
	if got := MessageText("Sara", "Dyreværnet", "Hej {who}!", "en"); got != "Sara from Dyreværnet has written to you:\n\nHej {who}!" {
		t.Errorf("MessageText = %q: the staff's own words must stay as written", got)
	}
	if StatusText("made_up", "", "X", "da") != "" {
		t.Error("an unknown status got a text")
	}
}
