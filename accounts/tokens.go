package accounts

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Staff tokens are the single-use links e-mailed to staff: an invite to
// create an account, and a password reset. Each is 32 random bytes; only
// its SHA-256 is stored, so the database alone signs nobody in.
const (
	TokenInvite = "invite"
	TokenReset  = "reset"
)

// How long a link works.
const (
	InviteLifetime = 72 * time.Hour
	ResetLifetime  = time.Hour
)

// Errors of staff tokens. An unknown token, or one of the other kind, is
// ErrNotFound.
var (
	ErrTokenUsed    = errors.New("the link has been used already")
	ErrTokenExpired = errors.New("the link has expired")
)

// StaffToken is an invite or a reset, known by its hash.
type StaffToken struct {
	Hash  string
	Kind  string
	Email string
	// Role, OrgID and Locale are the account an invite creates.
	Role   string
	OrgID  string
	Locale string
	// UserID is the account a reset is for.
	UserID string
	// CreatedBy is who invited (a user id); empty for resets.
	CreatedBy string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// usable says whether the token may be spent now, as kind.
func (t StaffToken) usable(kind string, now time.Time) error {
	switch {
	case t.Kind != kind:
		return ErrNotFound
	case t.UsedAt != nil:
		return ErrTokenUsed
	case !now.Before(t.ExpiresAt):
		return ErrTokenExpired
	}
	return nil
}

// TokenStore keeps staff tokens; package store implements it.
type TokenStore interface {
	SaveStaffToken(ctx context.Context, t StaffToken) error
	// StaffToken loads a token by hash; an unknown one is ErrNotFound.
	StaffToken(ctx context.Context, hash string) (StaffToken, error)
	// SpendStaffToken marks a token used, once: one used already is
	// ErrTokenUsed, however many try at the same time.
	SpendStaffToken(ctx context.Context, hash string, now time.Time) error
}

// PasswordStore changes staff passwords and ends sign-ins; package store
// implements it.
type PasswordStore interface {
	// SetStaffPassword replaces the password hash of the credential for email.
	SetStaffPassword(ctx context.Context, email, hash string) error
	// RevokeSignInsOf ends every sign-in of the user but keep (a session
	// id; empty ends them all).
	RevokeSignInsOf(ctx context.Context, userID, keep string) error
}

// NewToken returns a fresh token and the hash to store.
func NewToken() (token, hash string) {
	raw := make([]byte, 32)
	_, _ = rand.Read(raw) // never fails, see crypto/rand.Read
	token = base64.RawURLEncoding.EncodeToString(raw)
	return token, HashToken(token)
}

// HashToken is how a staff token is stored and looked up.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Invite makes a single-use invite to create the staff account n, valid
// InviteLifetime, and returns its token for the e-mail. An e-mail with an
// account already is ErrEmailTaken.
func Invite(ctx context.Context, st Store, ts TokenStore, n NewStaff, locale, by string, now time.Time) (string, error) {
	if err := n.Validate(); err != nil {
		return "", err
	}
	email := NormaliseEmail(n.Email)
	if _, err := st.StaffCredential(ctx, email); err == nil {
		return "", fmt.Errorf("invite %s: %w", email, ErrEmailTaken)
	} else if !errors.Is(err, ErrNotFound) {
		return "", err
	}
	if locale != "en" {
		locale = "da"
	}
	token, hash := NewToken()
	err := ts.SaveStaffToken(ctx, StaffToken{Hash: hash, Kind: TokenInvite, Email: email, Role: n.Role, OrgID: n.OrgID,
		Locale: locale, CreatedBy: by, CreatedAt: now, ExpiresAt: now.Add(InviteLifetime)})
	if err != nil {
		return "", err
	}
	return token, nil
}

// spendable finds the link token of the given kind and checks that it may
// be spent now on the chosen password: the first steps of accepting an
// invite and of confirming a reset.
func spendable(ctx context.Context, ts TokenStore, token, kind, password string, now time.Time) (StaffToken, error) {
	t, err := ts.StaffToken(ctx, HashToken(token))
	if err != nil {
		return StaffToken{}, err
	}
	if err := t.usable(kind, now); err != nil {
		return StaffToken{}, err
	}
	if err := CheckNewPassword(password, t.Email); err != nil {
		return StaffToken{}, err
	}
	return t, nil
}

// AcceptInvite creates the invited account with the password its owner
// chose, and spends the invite. A password the rules refuse leaves the
// invite usable; an e-mail that got an account meanwhile is ErrEmailTaken.
func AcceptInvite(ctx context.Context, st Store, ts TokenStore, token, password string, now time.Time) (User, error) {
	t, err := spendable(ctx, ts, token, TokenInvite, password, now)
	if err != nil {
		return User{}, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return User{}, err
	}
	if err := ts.SpendStaffToken(ctx, t.Hash, now); err != nil {
		return User{}, err
	}
	u := User{ID: NewID(), Role: t.Role, Locale: t.Locale, OrgID: t.OrgID, Email: t.Email, CreatedAt: now}
	if err := st.CreateStaff(ctx, u, StaffCredential{Email: t.Email, UserID: u.ID, PasswordHash: hash, CreatedAt: now}); err != nil {
		return User{}, err
	}
	return u, nil
}

// ChangePassword sets a signed-in staff member's new password after
// checking the current one, and ends every other sign-in of theirs, so a
// password someone else learned stops working everywhere but here. A
// wrong current password is ErrInvalidCredentials.
func ChangePassword(ctx context.Context, st Store, ps PasswordStore, userID, current, next, keepSession string) error {
	u, err := st.User(ctx, userID)
	if err != nil {
		return err
	}
	cred, err := st.StaffCredential(ctx, u.Email)
	if err != nil {
		return err
	}
	if !CheckPassword(cred.PasswordHash, current) {
		return ErrInvalidCredentials
	}
	if err := CheckNewPassword(next, u.Email); err != nil {
		return err
	}
	hash, err := HashPassword(next)
	if err != nil {
		return err
	}
	if err := ps.SetStaffPassword(ctx, u.Email, hash); err != nil {
		return err
	}
	return ps.RevokeSignInsOf(ctx, u.ID, keepSession)
}

// RequestReset makes a reset token for the staff account with this
// e-mail, valid ResetLifetime, and returns it with the account. An e-mail
// without an account is ErrNotFound; the caller must answer alike either way.
func RequestReset(ctx context.Context, st Store, ts TokenStore, email string, now time.Time) (string, User, error) {
	cred, err := st.StaffCredential(ctx, email)
	if err != nil {
		return "", User{}, err
	}
	u, err := st.User(ctx, cred.UserID)
	if err != nil {
		return "", User{}, err
	}
	token, hash := NewToken()
	err = ts.SaveStaffToken(ctx, StaffToken{Hash: hash, Kind: TokenReset, Email: cred.Email, UserID: u.ID,
		CreatedAt: now, ExpiresAt: now.Add(ResetLifetime)})
	if err != nil {
		return "", User{}, err
	}
	return token, u, nil
}

// ConfirmReset sets the new password a reset link was for, spends the
// link and ends every sign-in of the account: whoever knew the old
// password is out.
func ConfirmReset(ctx context.Context, st Store, ts TokenStore, ps PasswordStore, token, password string, now time.Time) (User, error) {
	t, err := spendable(ctx, ts, token, TokenReset, password, now)
	if err != nil {
		return User{}, err
	}
	u, err := st.User(ctx, t.UserID)
	if err != nil {
		return User{}, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return User{}, err
	}
	if err := ts.SpendStaffToken(ctx, t.Hash, now); err != nil {
		return User{}, err
	}
	if err := ps.SetStaffPassword(ctx, t.Email, hash); err != nil {
		return User{}, err
	}
	return u, ps.RevokeSignInsOf(ctx, u.ID, "")
}
