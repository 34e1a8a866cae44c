package leads

import (
	"crypto/rand"
	"strings"
	"time"
)

// InviteAlphabet leaves out letters and digits that look alike (0/O, 1/I/L),
// so a code read aloud or copied from a screenshot comes through right.
const InviteAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// InviteCodeLength gives 31^6 ≈ 887 million codes: plenty for invites that
// live two weeks, and short enough to say to a friend.
const InviteCodeLength = 6

// NewInviteCode returns a random invite code.
func NewInviteCode() string { return NewCode(InviteCodeLength) }

// NewCode returns a random code of length characters from InviteAlphabet,
// for friends' invites and for other codes people read and type (a class's
// join code, a referral). Each character is drawn from crypto/rand with
// rejection sampling, so no character is likelier than another. Every code
// holds a digit: the chat takes a code typed bare only when it does, so
// that an ordinary word is never read as one (a code without a digit is
// drawn again).
func NewCode(length int) string {
	for {
		if code := randomCode(length); strings.ContainsAny(code, codeDigits) {
			return code
		}
	}
}

// codeDigits are InviteAlphabet's digits.
const codeDigits = "23456789"

func randomCode(length int) string {
	const n = len(InviteAlphabet)
	limit := byte(256 - 256%n) // bytes at or above this would favour the first characters
	var code strings.Builder
	buf := make([]byte, 16)
	for code.Len() < length {
		_, _ = rand.Read(buf) // never fails, see crypto/rand.Read
		for _, b := range buf {
			if b < limit && code.Len() < length {
				code.WriteByte(InviteAlphabet[int(b)%n])
			}
		}
	}
	return code.String()
}

// NormaliseInviteCode is the form invite codes are stored and looked up in.
func NormaliseInviteCode(s string) string { return NormaliseCode(s, InviteCodeLength) }

// NormaliseCode is the form codes of length characters are stored and
// looked up in: upper case, without the spaces and dashes people type. It
// returns "" for anything that cannot be such a code.
func NormaliseCode(s string, length int) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == ' ' || r == '-':
		case strings.ContainsRune(InviteAlphabet, r):
			b.WriteRune(r)
		default:
			return ""
		}
	}
	if b.Len() != length {
		return ""
	}
	return b.String()
}

// Invite lets friends join a lead: the young person passes the code on, and
// whoever enters it in the chat comes along.
type Invite struct {
	Code      string    `json:"code"`
	LeadID    string    `json:"lead_id"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
}

// Expired reports whether the invite can no longer be used.
func (i Invite) Expired(now time.Time) bool { return !now.Before(i.ExpiresAt) }
