package accounts

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Password rules for passwords people choose (an invite accepted, a
// change, a reset). Length does most of the work; the list and the
// patterns catch the long passwords everyone tries first.
const (
	// MinPasswordLength is the fewest characters a new password may have.
	MinPasswordLength = 12
	// MaxPasswordBytes bounds the work one password can ask the hash for.
	MaxPasswordBytes = 1024
)

// ErrWeakPassword means a new password was refused; errors.As finds the
// *WeakPasswordError that says why.
var ErrWeakPassword = errors.New("the password is too easy to guess")

// Why a new password is refused.
const (
	WeakTooShort = "too_short"
	WeakTooLong  = "too_long"
	// WeakCommon is one of the commonest passwords, or one of their words
	// with digits or symbols around it.
	WeakCommon = "common"
	// WeakPattern is a keyboard row, a run of digits or letters, or one
	// character over and over.
	WeakPattern = "pattern"
	// WeakEmail is the account's own e-mail address, or its name part.
	WeakEmail = "email"
)

// WeakPasswordError says why a new password is refused, in words for the
// person choosing it.
type WeakPasswordError struct {
	Reason string
}

func (e *WeakPasswordError) Error() string {
	switch e.Reason {
	case WeakTooShort:
		return fmt.Sprintf("The password must have at least %d characters.", MinPasswordLength)
	case WeakTooLong:
		return fmt.Sprintf("The password must be at most %d bytes.", MaxPasswordBytes)
	case WeakCommon:
		return "The password is one of the most common passwords, or one of their words with numbers added; choose another."
	case WeakPattern:
		return "The password is a keyboard row, a run of letters or digits, or the same character repeated; choose another."
	case WeakEmail:
		return "The password must not be your e-mail address."
	}
	return ErrWeakPassword.Error()
}

// Unwrap makes every WeakPasswordError an ErrWeakPassword.
func (e *WeakPasswordError) Unwrap() error { return ErrWeakPassword }

//go:embed data/common-passwords.txt
var commonPasswordsFile []byte

// commonPasswords is the embedded list as a set.
var commonPasswords = func() map[string]bool {
	set := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(commonPasswordsFile))
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" && !strings.HasPrefix(w, "#") {
			set[w] = true
		}
	}
	return set
}()

// sequences are runs people type; a password that is a piece of one (with
// digits or symbols around it) is refused.
var sequences = []string{
	"qwertyuiopåasdfghjklæøzxcvbnm", "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
	"abcdefghijklmnopqrstuvwxyzæøå", "zyxwvutsrqponmlkjihgfedcba",
	"12345678901234567890", "09876543210987654321", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
	"1q2w3e4r5t6y7u8i9o0p", "qazwsxedcrfvtgbyhnujmikolp",
}

// CheckNewPassword says whether password may be chosen by the account with
// this e-mail: nil, or a *WeakPasswordError saying why not.
func CheckNewPassword(password, email string) error {
	weak := func(reason string) error { return &WeakPasswordError{Reason: reason} }
	switch {
	case len(password) > MaxPasswordBytes:
		return weak(WeakTooLong)
	case utf8.RuneCountInString(strings.TrimSpace(password)) < MinPasswordLength:
		return weak(WeakTooShort)
	}
	lower := strings.ToLower(strings.TrimSpace(password))
	core := strings.TrimFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	if email = NormaliseEmail(email); email != "" {
		local, _, _ := strings.Cut(email, "@")
		if lower == email || core == email || (len(local) >= 3 && (core == local || lower == local)) {
			return weak(WeakEmail)
		}
	}
	if commonPasswords[lower] || commonPasswords[core] || commonPasswords[strings.ReplaceAll(core, " ", "")] {
		return weak(WeakCommon)
	}
	if repetitive(lower) {
		return weak(WeakPattern)
	}
	for _, s := range sequences {
		if strings.Contains(s, lower) || (utf8.RuneCountInString(core) >= 4 && strings.Contains(s, core)) {
			return weak(WeakPattern)
		}
	}
	return nil
}

// repetitive reports a password of three different characters or fewer,
// or one piece repeated (abcabcabcabc, 1212121212).
func repetitive(s string) bool {
	distinct := map[rune]bool{}
	for _, r := range s {
		distinct[r] = true
	}
	if len(distinct) <= 3 {
		return true
	}
	for n := 1; n <= len(s)/2; n++ {
		if len(s)%n == 0 && strings.Repeat(s[:n], len(s)/n) == s {
			return true
		}
	}
	return false
}
