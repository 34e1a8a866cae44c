package bot_test

import (
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
)

// Issue 12, item 7: the nickname an organisation is told loses bidi
// overrides, zero-width and control characters, which once were kept.
func TestNicknameLosesInvisibleCharacters(t *testing.T) {
	e, _ := sampleEngine(t)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for typed, want := range map[string]string{
		"Sara\u202Enimda":                        "Saranimda",
		"\u2066Ali\u2069 \u200EB\u200F":          "Ali B",
		"Ma\u200Bja\u200C\u200D\u2060\uFEFF":     "Maja",
		"Mette\n\tHansen\x1b[31m":                "Mette Hansen[31m",
		"Ole 1234\u200B5678":                     "Ole [PHONE]", // a number split by a zero-width space is still masked
		"  Søren  Ærø-Åberg  \u202A\u202B\u202C": "Søren Ærø-Åberg",
		// Cut at 40 characters, the name does not end in a space (found by FuzzSendMessageBody).
		strings.Repeat("0", 39) + " A": strings.Repeat("0", 39),
	} {
		var st bot.State
		e.Start(&st, "da")
		out := e.Turn(&st, bot.Input{Text: "jeg er 16 og bor i 8000, elsker dyr, har tid i weekenden, noget fast, alene"}, now)
		id := firstCard(out)
		if id == "" {
			t.Fatalf("no cards: %+v", out.Messages)
		}
		e.Turn(&st, bot.Input{Choice: "want:" + id}, now)
		e.Turn(&st, bot.Input{Text: typed}, now)
		out = e.Turn(&st, bot.Input{Choice: "lead_send:" + id}, now)
		lead, ok := bot.EventOf[bot.LeadRequested](out)
		if !ok {
			t.Fatalf("%q: no lead was sent: %+v", typed, out.Messages)
		}
		if lead.Request.Nickname != want || st.Profile.Nickname != want {
			t.Errorf("nickname %q: lead says %q, profile %q; want %q", typed, lead.Request.Nickname, st.Profile.Nickname, want)
		}
	}
}

func firstCard(out bot.Outcome) string {
	for _, m := range out.Messages {
		for _, c := range m.Cards {
			if strings.HasPrefix(c.OpportunityID, "opp-") {
				return c.OpportunityID
			}
		}
	}
	return ""
}
