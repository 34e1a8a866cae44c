package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/brobygger/brobygger/accounts"
)

var _ accounts.Store = (*Store)(nil)

// User is accounts.User, kept under this name for callers written before
// the accounts package; new code names accounts.User.
type User = accounts.User

// StaffCredential is accounts.StaffCredential, kept under this name for
// callers written before the accounts package.
type StaffCredential = accounts.StaffCredential

// RefreshToken is accounts.RefreshToken, kept under this name for callers
// written before the accounts package.
type RefreshToken = accounts.RefreshToken

// ErrEmailTaken is accounts.ErrEmailTaken.
var ErrEmailTaken = accounts.ErrEmailTaken

// ErrTokenReused is accounts.ErrTokenReused.
var ErrTokenReused = accounts.ErrTokenReused

// NormaliseEmail is accounts.NormaliseEmail.
func NormaliseEmail(email string) string { return accounts.NormaliseEmail(email) }

// userDoc is a user as stored: the account, and the conversation the store
// keeps beside it so a young person's chat is one _id lookup away.
type userDoc struct {
	ID     string `bson:"_id"`
	Role   string `bson:"role"`
	Locale string `bson:"locale"`
	OrgID  string `bson:"org_id,omitempty"`
	// Email is set for staff only; young people sign in without one.
	Email     string    `bson:"email,omitempty"`
	CreatedAt time.Time `bson:"created_at"`
	// ConversationID is the user's current conversation.
	ConversationID string `bson:"conversation_id,omitempty"`
}

func (d userDoc) user() accounts.User {
	return accounts.User{ID: d.ID, Role: d.Role, Locale: d.Locale, OrgID: d.OrgID, Email: d.Email, CreatedAt: d.CreatedAt}
}

func toUserDoc(u accounts.User) userDoc {
	return userDoc{ID: u.ID, Role: u.Role, Locale: u.Locale, OrgID: u.OrgID, Email: u.Email, CreatedAt: u.CreatedAt}
}

// translateAccounts maps driver errors onto the accounts domain's sentinels.
func translateAccounts(err error) error {
	return translateTo(err, accounts.ErrNotFound, accounts.ErrConflict)
}

// CreateUser inserts a new user.
func (s *Store) CreateUser(ctx context.Context, u accounts.User) error {
	if _, err := s.insertOne(ctx, colUsers, toUserDoc(u)); err != nil {
		return fmt.Errorf("create user: %w", translateAccounts(err))
	}
	return nil
}

// User loads a user by id; an unknown id is accounts.ErrNotFound.
func (s *Store) User(ctx context.Context, id string) (accounts.User, error) {
	d, err := s.userDoc(ctx, id)
	if err != nil {
		return accounts.User{}, fmt.Errorf("load user: %w", translateAccounts(err))
	}
	return d.user(), nil
}

// userDoc loads a user's document with the driver's own error, for the
// caller to translate into its domain's.
func (s *Store) userDoc(ctx context.Context, id string) (userDoc, error) {
	var d userDoc
	err := s.findByID(ctx, colUsers, id, &d)
	return d, err
}

// colStaffCredentials holds staff sign-ins, apart from users so that a
// young person's account never carries a password field.
const colStaffCredentials = "staff_credentials"

// staffCredentialDoc is a credential as stored. Its _id is the normalised
// e-mail, so signing in is one _id lookup (the only lookup the embedded
// database answers without scanning) and the database itself keeps e-mails
// unique.
type staffCredentialDoc struct {
	Email        string    `bson:"_id"`
	UserID       string    `bson:"user_id"`
	PasswordHash string    `bson:"password_hash"`
	CreatedAt    time.Time `bson:"created_at"`
}

// CreateStaff inserts a staff user and the credential they sign in with.
// There are no transactions on the embedded database, so the credential is
// inserted first — its _id claims the e-mail — and taken back if the user
// cannot be inserted, leaving nothing half-made behind.
func (s *Store) CreateStaff(ctx context.Context, u accounts.User, c accounts.StaffCredential) error {
	email := accounts.NormaliseEmail(c.Email)
	u.Email = email
	doc := staffCredentialDoc{Email: email, UserID: u.ID, PasswordHash: c.PasswordHash, CreatedAt: c.CreatedAt}
	if _, err := s.insertOne(ctx, colStaffCredentials, doc); err != nil {
		if err = translateAccounts(err); errors.Is(err, accounts.ErrConflict) {
			return fmt.Errorf("create staff %s: %w", email, accounts.ErrEmailTaken)
		}
		return fmt.Errorf("create staff credential: %w", err)
	}
	if err := s.CreateUser(ctx, u); err != nil {
		if _, undoErr := s.deleteOne(ctx, colStaffCredentials, bson.D{{Key: "_id", Value: email}}); undoErr != nil {
			return fmt.Errorf("%w (and the e-mail stays claimed: %w)", err, undoErr)
		}
		return err
	}
	return nil
}

// StaffCredential loads the credential for an e-mail; an unknown e-mail is
// accounts.ErrNotFound.
func (s *Store) StaffCredential(ctx context.Context, email string) (accounts.StaffCredential, error) {
	var d staffCredentialDoc
	err := s.db.Collection(colStaffCredentials).FindOne(ctx, bson.D{{Key: "_id", Value: accounts.NormaliseEmail(email)}}).Decode(&d)
	if err != nil {
		return accounts.StaffCredential{}, fmt.Errorf("load staff credential: %w", translateAccounts(err))
	}
	return accounts.StaffCredential(d), nil
}

// refreshTokenDoc is a refresh token as stored, by its hash.
type refreshTokenDoc struct {
	Hash      string     `bson:"_id"`
	UserID    string     `bson:"user_id"`
	Family    string     `bson:"family"`
	CreatedAt time.Time  `bson:"created_at"`
	ExpiresAt time.Time  `bson:"expires_at"`
	UsedAt    *time.Time `bson:"used_at"`
	Revoked   bool       `bson:"revoked"`
}

// SaveRefreshToken stores a new refresh token.
func (s *Store) SaveRefreshToken(ctx context.Context, t accounts.RefreshToken) error {
	if _, err := s.insertOne(ctx, colTokens, refreshTokenDoc(t)); err != nil {
		return fmt.Errorf("save refresh token: %w", translateAccounts(err))
	}
	return nil
}

// SpendRefreshToken marks a valid token as used and returns it. A token that
// is unknown, expired or revoked is accounts.ErrNotFound; one already used
// revokes its family and returns accounts.ErrTokenReused.
func (s *Store) SpendRefreshToken(ctx context.Context, hash string, now time.Time) (accounts.RefreshToken, error) {
	unlock := s.lock(colTokens, hash)
	defer unlock()
	var t refreshTokenDoc
	if err := s.db.Collection(colTokens).FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&t); err != nil {
		return accounts.RefreshToken{}, fmt.Errorf("load refresh token: %w", translateAccounts(err))
	}
	if t.Revoked || !now.Before(t.ExpiresAt) {
		return accounts.RefreshToken{}, fmt.Errorf("refresh token expired or revoked: %w", accounts.ErrNotFound)
	}
	if t.UsedAt != nil {
		if err := s.RevokeFamily(ctx, t.Family); err != nil {
			return accounts.RefreshToken{}, err
		}
		return accounts.RefreshToken{}, accounts.ErrTokenReused
	}
	res, err := s.updateOne(ctx, colTokens, bson.D{{Key: "_id", Value: hash}, {Key: "used_at", Value: nil}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: now}}}})
	if err != nil {
		return accounts.RefreshToken{}, fmt.Errorf("spend refresh token: %w", translateAccounts(err))
	}
	if res.ModifiedCount != 1 {
		// Someone spent it between our read and write: treat it as reuse.
		if err := s.RevokeFamily(ctx, t.Family); err != nil {
			return accounts.RefreshToken{}, err
		}
		return accounts.RefreshToken{}, accounts.ErrTokenReused
	}
	t.UsedAt = &now
	return accounts.RefreshToken(t), nil
}

// RevokeFamily revokes every token of one sign-in, and the sign-in itself
// (kept beside its tokens, see StartSession), so its access tokens end too.
func (s *Store) RevokeFamily(ctx context.Context, family string) error {
	_, err := s.updateMany(ctx, colTokens, bson.D{{Key: "family", Value: family}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}})
	if err != nil {
		return fmt.Errorf("revoke token family: %w", translateAccounts(err))
	}
	return nil
}

// RevokeRefreshToken revokes the token's whole family, as signing out does.
func (s *Store) RevokeRefreshToken(ctx context.Context, hash string) error {
	var t refreshTokenDoc
	if err := s.db.Collection(colTokens).FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&t); err != nil {
		return fmt.Errorf("load refresh token: %w", translateAccounts(err))
	}
	return s.RevokeFamily(ctx, t.Family)
}

// RefreshTokensOf lists a user's refresh tokens, spent and revoked ones too.
func (s *Store) RefreshTokensOf(ctx context.Context, userID string) ([]accounts.RefreshToken, error) {
	// The user's sign-ins are kept beside their tokens; they are not tokens.
	cur, err := s.db.Collection(colTokens).Find(ctx, bson.D{{Key: "user_id", Value: userID},
		{Key: "kind", Value: bson.D{{Key: "$ne", Value: sessionKind}}}})
	if err != nil {
		return nil, fmt.Errorf("list refresh tokens: %w", translateAccounts(err))
	}
	var docs []refreshTokenDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list refresh tokens: %w", translateAccounts(err))
	}
	out := make([]accounts.RefreshToken, len(docs))
	for i, d := range docs {
		out[i] = accounts.RefreshToken(d)
	}
	return out, nil
}
