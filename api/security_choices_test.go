package api_test

import (
	"strings"
	"testing"
)

// TestChoiceIDsCannotBypassTheRules: a 13-year-old who sends the choice id
// of an adults-only opportunity they were never shown gets no details, no
// lead and no calendar file for it.
func TestChoiceIDsCannotBypassTheRules(t *testing.T) {
	const adultsOnly = "opp-rettighedsrummet-retshjaelp"
	youth, conv := guest(t)
	chat(t, youth, conv, map[string]any{"text": "jeg er 13 og bor i 2200, vil gerne noget med demokrati, har tid om aftenen, noget fast, alene"})
	said := texts(chat(t, youth, conv, map[string]any{"choice": "want:" + adultsOnly}))
	if strings.Contains(said, "Fedt") || strings.Contains(said, "Hvad skal de kalde dig") {
		t.Errorf("want: of an adults-only opportunity was taken:\n%s", said)
	}
	if said := texts(chat(t, youth, conv, map[string]any{"choice": "more:" + adultsOnly})); strings.Contains(said, "Kontakt:") {
		t.Errorf("more: of an adults-only opportunity told its details:\n%s", said)
	}
	chat(t, youth, conv, map[string]any{"text": "Sofie"})
	chat(t, youth, conv, map[string]any{"choice": "lead_send:" + adultsOnly})
	if res := youth.do("GET", "/v1/me/leads", nil); res.Status != 200 || strings.Contains(string(res.Body), adultsOnly) {
		t.Errorf("a lead was sent: %d %s", res.Status, res.Body)
	}
	if res := youth.do("GET", "/v1/suggestions/"+adultsOnly+"/first-step.ics", nil); res.Status != 404 {
		t.Errorf("first-step.ics of an opportunity never shown: %d, want 404", res.Status)
	}
}
