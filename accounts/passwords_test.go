package accounts_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/brobygger/brobygger/accounts"
)

// TestNewPasswordRules: long enough, not one of the commonest passwords
// (Danish ones too) nor their words with digits around them, no keyboard
// rows or repeats, not the e-mail — and each refusal says which.
func TestNewPasswordRules(t *testing.T) {
	const email = "Mette.Hansen@Example.dk"
	for password, want := range map[string]string{
		"kort":                         accounts.WeakTooShort,
		"elleve tegn":                  accounts.WeakTooShort,
		"   sommer    ":                accounts.WeakTooShort,
		strings.Repeat("x", 1025):      accounts.WeakTooLong,
		"password123456":               accounts.WeakCommon,
		"Password123456!":              accounts.WeakCommon,
		"qwertyuiop12":                 accounts.WeakCommon,
		"sommer2024sommer":             "",
		"Sommer2024!!!":                accounts.WeakCommon,
		"kodeord12345":                 accounts.WeakCommon,
		"123456789012":                 accounts.WeakCommon,
		"københavn1234":                accounts.WeakCommon,
		"!!fodbold2025!!":              accounts.WeakCommon,
		"1q2w3e4r5t6y":                 accounts.WeakCommon,
		"asdfghjklæø12":                accounts.WeakPattern,
		"abababababab":                 accounts.WeakPattern,
		"xyzxyzxyzxyz":                 accounts.WeakPattern,
		"aaaaaaaaaaaaaaaa":             accounts.WeakPattern,
		"mette.hansen@example.dk":      accounts.WeakEmail,
		"mette.hansen2024":             accounts.WeakEmail,
		"Tre grønne heste i Vejle":     "",
		"korrekt-hest-batteri-klips":   "",
		"Min hund hedder Fido og er 9": "",
		"ZqP4-tTr9-vv2L":               "",
	} {
		err := accounts.CheckNewPassword(password, email)
		var weak *accounts.WeakPasswordError
		switch {
		case want == "" && err != nil:
			t.Errorf("%q refused: %v", password, err)
		case want != "" && !errors.As(err, &weak):
			t.Errorf("%q taken, want refused as %s", password, want)
		case want != "" && weak.Reason != want:
			t.Errorf("%q refused as %s (%v), want %s", password, weak.Reason, err, want)
		case want != "" && !errors.Is(err, accounts.ErrWeakPassword):
			t.Errorf("%q: %v is not ErrWeakPassword", password, err)
		case want != "" && (err.Error() == "" || strings.Contains(err.Error(), password)):
			t.Errorf("%q: the refusal %q must say why without repeating the password", password, err)
		}
	}
}
