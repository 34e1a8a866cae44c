// Package accounts owns who may use Brobygger and how they prove it: young
// people's and staff's accounts, their roles, staff credentials (argon2id
// password hashes) and the refresh-token families of each sign-in. It does
// no I/O itself: the Store it declares keeps accounts, and package store
// implements it. Issuing access tokens is the API's business; which account
// a sign-in belongs to, and whether its password is right, is this
// package's.
package accounts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
)

// Roles. A young person is youth whether signed in as a guest or
// registered; everyone else is staff and signs in with e-mail and password.
const (
	RoleYouth = "youth"
	// RoleOrgStaff works for one organisation, named by the account's OrgID.
	RoleOrgStaff     = "org_staff"
	RoleFacilitator  = "facilitator"
	RoleSafeguarding = "safeguarding"
	RoleAdmin        = "admin"
	// RoleReferrer is a professional who sends young people towards a
	// community (a school counsellor, a social worker, a job consultant);
	// OrgID, when set, names the referring organisation.
	RoleReferrer = "referrer"
)

// StaffRoles are the roles a staff account can have.
var StaffRoles = []string{RoleOrgStaff, RoleFacilitator, RoleSafeguarding, RoleAdmin, RoleReferrer}

// AllRoles is every role, young people's first.
var AllRoles = append([]string{RoleYouth}, StaffRoles...)

// Errors of the domain; the store translates its driver's errors into these.
var (
	// ErrNotFound means there is no such account, credential or refresh
	// token, or the token is expired or revoked.
	ErrNotFound = errors.New("account not found")
	// ErrConflict means an account or credential with that id exists already.
	ErrConflict = errors.New("account conflict")
	// ErrEmailTaken means a staff account with that e-mail exists already.
	ErrEmailTaken = fmt.Errorf("e-mail is already in use: %w", ErrConflict)
	// ErrTokenReused means a spent refresh token was presented again; its
	// whole family has been revoked. It is ErrNotFound too, since the token
	// signs nobody in.
	ErrTokenReused = fmt.Errorf("refresh token reused: %w", ErrNotFound)
	// ErrSignedOut means an access token's sign-in has ended: signed out,
	// revoked for a reused refresh token, or its account erased. It is
	// ErrNotFound too, since the sign-in is gone for the caller.
	ErrSignedOut = fmt.Errorf("the sign-in has ended: %w", ErrNotFound)
	// ErrInvalidCredentials is the one answer to a wrong e-mail or a wrong
	// password, so nobody can find out which staff e-mails exist.
	ErrInvalidCredentials = errors.New("the e-mail or the password is wrong")
)

// User is an account: a young person (often a guest without e-mail) or staff.
type User struct {
	ID     string
	Role   string
	Locale string
	// OrgID is the organisation an org_staff account works for.
	OrgID string
	// Email is set for staff only; young people sign in without one.
	Email     string
	CreatedAt time.Time
}

// StaffCredential is how a staff member signs in: one per e-mail.
type StaffCredential struct {
	Email  string
	UserID string
	// PasswordHash is an encoded argon2id hash carrying its own salt and
	// parameters, so the parameters can change without locking anyone out.
	PasswordHash string
	CreatedAt    time.Time
}

// RefreshToken is an opaque refresh token, known only by its hash. Tokens of
// one sign-in share a family; reusing a spent token revokes the family.
type RefreshToken struct {
	Hash      string
	UserID    string
	Family    string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
	Revoked   bool
}

// Session is one sign-in: what a guest sign-in or a staff login starts, and
// what every refresh token of its family and every access token issued for
// it belong to. Access tokens carry its id, and each request checks that it
// still holds, so signing out, a reused refresh token or erasing the account
// ends those tokens at once — on every instance, since the check asks the
// database, not the process.
type Session struct {
	// ID is the refresh-token family's id.
	ID        string
	UserID    string
	CreatedAt time.Time
	Revoked   bool
}

// Active reports whether the session still lets userID in.
func (s Session) Active(userID string) bool { return !s.Revoked && s.ID != "" && s.UserID == userID }

// Store keeps accounts, credentials and refresh tokens. A missing record is
// ErrNotFound and a taken id ErrConflict.
type Store interface {
	CreateUser(ctx context.Context, u User) error
	User(ctx context.Context, id string) (User, error)
	// CreateStaff stores a staff user and the credential they sign in
	// with, both or neither; a taken e-mail is ErrEmailTaken.
	CreateStaff(ctx context.Context, u User, c StaffCredential) error
	// StaffCredential loads the credential for an e-mail in any case.
	StaffCredential(ctx context.Context, email string) (StaffCredential, error)
	SaveRefreshToken(ctx context.Context, t RefreshToken) error
	// SpendRefreshToken marks a valid token used and returns it; one
	// spent before revokes its family and is ErrTokenReused.
	SpendRefreshToken(ctx context.Context, hash string, now time.Time) (RefreshToken, error)
	// RevokeRefreshToken revokes the token's whole family.
	RevokeRefreshToken(ctx context.Context, hash string) error
	// RefreshTokensOf lists a user's refresh tokens, for their export.
	RefreshTokensOf(ctx context.Context, userID string) ([]RefreshToken, error)
	// StartSession records a sign-in. Recording one that exists changes
	// nothing, so a revoked session stays revoked. Revoking a refresh
	// token's family revokes its session, and erasing the user deletes it.
	StartSession(ctx context.Context, s Session) error
	// Session loads a sign-in; an unknown or deleted one is ErrNotFound.
	Session(ctx context.Context, id string) (Session, error)
}

// CheckSession reports whether an access token issued to userID in the
// sign-in sessionID may still be used: ErrSignedOut when the sign-in was
// ended or never existed (a token from before sign-ins were recorded
// carries none, and is refreshed into one that does).
func CheckSession(ctx context.Context, st Store, sessionID, userID string) error {
	if sessionID == "" {
		return ErrSignedOut
	}
	s, err := st.Session(ctx, sessionID)
	switch {
	case errors.Is(err, ErrNotFound):
		return ErrSignedOut
	case err != nil:
		return err
	case !s.Active(userID):
		return ErrSignedOut
	}
	return nil
}

// NormaliseEmail is the form e-mails are stored and looked up in.
func NormaliseEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// ValidEmail accepts a bare address with a dotted domain, the kind a person
// types, and nothing mail.ParseAddress would have to rewrite.
func ValidEmail(email string) bool {
	a, err := mail.ParseAddress(email)
	if err != nil || a.Name != "" || a.Address != email || len(email) > 254 {
		return false
	}
	_, domain, _ := strings.Cut(email, "@")
	return strings.Contains(strings.Trim(domain, "."), ".")
}

// NewStaff describes a staff account to create.
type NewStaff struct {
	Role  string
	Email string
	// OrgID is the organisation an org_staff account works for, or the
	// one a referrer refers from (optional); other roles have none.
	OrgID string
}

// Validate checks the role, the organisation and the e-mail.
func (n NewStaff) Validate() error {
	switch {
	case !slices.Contains(StaffRoles, n.Role):
		return fmt.Errorf("role %q is not a staff role (one of %s)", n.Role, strings.Join(StaffRoles, ", "))
	case n.Role == RoleOrgStaff && n.OrgID == "":
		return fmt.Errorf("an %s account needs the organisation it works for", RoleOrgStaff)
	case n.Role != RoleOrgStaff && n.Role != RoleReferrer && n.OrgID != "":
		// A referrer may name the organisation they refer from; it is
		// what the young person is told sent them.
		return fmt.Errorf("only %s and %s accounts belong to an organisation", RoleOrgStaff, RoleReferrer)
	case !ValidEmail(NormaliseEmail(n.Email)):
		return fmt.Errorf("%q is not an e-mail address", n.Email)
	}
	return nil
}

// CreateStaff validates and creates a staff account with a random password,
// and returns the user and the password. The password is shown once and
// stored only as an argon2id hash.
func CreateStaff(ctx context.Context, st Store, n NewStaff, now time.Time) (User, string, error) {
	if err := n.Validate(); err != nil {
		return User{}, "", err
	}
	email := NormaliseEmail(n.Email)
	password := rand.Text()
	hash, err := HashPassword(password)
	if err != nil {
		return User{}, "", err
	}
	u := User{ID: NewID(), Role: n.Role, Locale: "da", OrgID: n.OrgID, Email: email, CreatedAt: now}
	if err := st.CreateStaff(ctx, u, StaffCredential{Email: email, UserID: u.ID, PasswordHash: hash, CreatedAt: now}); err != nil {
		return User{}, "", err
	}
	return u, password, nil
}

// NewGuest is a young person's new account, signed in without e-mail.
func NewGuest(locale string, now time.Time) User {
	return User{ID: NewID(), Role: RoleYouth, Locale: locale, CreatedAt: now}
}

// SignIn returns the staff account whose e-mail and password these are. A
// wrong e-mail, a wrong password and an account that is gone are all
// ErrInvalidCredentials, and an unknown e-mail costs as much time as a
// known one, so neither the answer nor its timing tells them apart.
func SignIn(ctx context.Context, st Store, email, password string) (User, error) {
	cred, err := st.StaffCredential(ctx, email)
	switch {
	case errors.Is(err, ErrNotFound):
		CheckPassword(dummyHash(), password)
		return User{}, ErrInvalidCredentials
	case err != nil:
		return User{}, err
	}
	if !CheckPassword(cred.PasswordHash, password) {
		return User{}, ErrInvalidCredentials
	}
	u, err := st.User(ctx, cred.UserID)
	switch {
	case errors.Is(err, ErrNotFound):
		return User{}, ErrInvalidCredentials
	case err != nil:
		return User{}, err
	}
	return u, nil
}

// NewID returns a random, unguessable id.
func NewID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails, see crypto/rand.Read
	return hex.EncodeToString(b)
}
