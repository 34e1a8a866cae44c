package redact_test

import (
	"testing"

	"github.com/brobygger/brobygger/redact"
)

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"cpr 010203-1234":                "cpr [CPR]",
		"cpr 0102031234.":                "cpr [CPR].",
		"ring 12345678 eller 87654321":   "ring [PHONE] eller [PHONE]",
		"tlf: 12 34 56 78":               "tlf: [PHONE]",
		"+4512345678":                    "[PHONE]",
		"+45 1234 5678, tak":             "[PHONE], tak",
		"0045 12-34-56-78":               "[PHONE]",
		"skriv til Ole.Hansen@mail.dk":   "skriv til [EMAIL]",
		"jeg er 16 og bor i 8000":        "jeg er 16 og bor i 8000",
		"kl. 16.30-18.00 på tirsdage":    "kl. 16.30-18.00 på tirsdage",
		"tirsdage 16:00–18:00, 2200 Kbh": "tirsdage 16:00–18:00, 2200 Kbh",
		"123456789":                      "123456789",
	}
	for in, want := range cases {
		if got := redact.Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
