package bot

import "testing"

func TestInviteCodeInText(t *testing.T) {
	for text, want := range map[string]string{
		"kode AB3CD5":    "AB3CD5",
		"Koden: ab3cd5!": "ab3cd5",
		"code XYZ-234":   "XYZ-234",
		"AB3CD5":         "AB3CD5",
		"ABCDEF":         "",
		"Aarhus":         "",
		"sports":         "",
		"jeg er 16":      "",
		"kode":           "",
	} {
		if got := inviteCode(text); got != want {
			t.Errorf("inviteCode(%q) = %q, want %q", text, got, want)
		}
	}
}

// The age band in the consent message is the one the organisation gets,
// also for the few users past 30, whose lead must not fail for lack of one.
func TestAgeBandShownIsAgeBandSent(t *testing.T) {
	for age, want := range map[int]string{13: "13-14", 16: "15-17", 24: "18-24", 30: "25-30", 35: "25-30", 0: ""} {
		if got := ageBand(age); got != want {
			t.Errorf("ageBand(%d) = %q, want %q", age, got, want)
		}
	}
	if got := ageBandText(16, "da"); got != "15–17 år" {
		t.Errorf("ageBandText(16) = %q", got)
	}
}
