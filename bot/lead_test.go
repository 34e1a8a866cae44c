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
