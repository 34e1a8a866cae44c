package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/brobygger/brobygger/bot"
)

// User is an account: a young person (often a guest without e-mail) or staff.
type User struct {
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

// CreateUser inserts a new user.
func (s *Store) CreateUser(ctx context.Context, u User) error {
	if _, err := s.insertOne(ctx, colUsers, u); err != nil {
		return fmt.Errorf("create user: %w", translate(err))
	}
	return nil
}

// User loads a user by id.
func (s *Store) User(ctx context.Context, id string) (User, error) {
	var u User
	if err := s.db.Collection(colUsers).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&u); err != nil {
		return User{}, fmt.Errorf("load user: %w", translate(err))
	}
	return u, nil
}

// colStaffCredentials holds staff sign-ins, apart from users so that a
// young person's account never carries a password field.
const colStaffCredentials = "staff_credentials"

// StaffCredential is how a staff member signs in. Its _id is the normalised
// e-mail, so signing in is one _id lookup (the only lookup the embedded
// database answers without scanning) and the database itself keeps e-mails
// unique.
type StaffCredential struct {
	Email  string `bson:"_id"`
	UserID string `bson:"user_id"`
	// PasswordHash is an encoded argon2id hash carrying its own salt and
	// parameters, so the parameters can change without locking anyone out.
	PasswordHash string    `bson:"password_hash"`
	CreatedAt    time.Time `bson:"created_at"`
}

// ErrEmailTaken means a staff account with that e-mail exists already.
var ErrEmailTaken = fmt.Errorf("e-mail is already in use: %w", bot.ErrConflict)

// NormaliseEmail is the form e-mails are stored and looked up in.
func NormaliseEmail(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

// CreateStaff inserts a staff user and the credential they sign in with.
// There are no transactions on the embedded database, so the credential is
// inserted first — its _id claims the e-mail — and taken back if the user
// cannot be inserted, leaving nothing half-made behind.
func (s *Store) CreateStaff(ctx context.Context, u User, c StaffCredential) error {
	c.Email, c.UserID = NormaliseEmail(c.Email), u.ID
	u.Email = c.Email
	if _, err := s.insertOne(ctx, colStaffCredentials, c); err != nil {
		if err = translate(err); errors.Is(err, bot.ErrConflict) {
			return fmt.Errorf("create staff %s: %w", c.Email, ErrEmailTaken)
		}
		return fmt.Errorf("create staff credential: %w", err)
	}
	if err := s.CreateUser(ctx, u); err != nil {
		if _, undoErr := s.deleteOne(ctx, colStaffCredentials, bson.D{{Key: "_id", Value: c.Email}}); undoErr != nil {
			return fmt.Errorf("%w (and the e-mail stays claimed: %w)", err, undoErr)
		}
		return err
	}
	return nil
}

// StaffCredential loads the credential for an e-mail; an unknown e-mail is
// bot.ErrNotFound.
func (s *Store) StaffCredential(ctx context.Context, email string) (StaffCredential, error) {
	var c StaffCredential
	err := s.db.Collection(colStaffCredentials).FindOne(ctx, bson.D{{Key: "_id", Value: NormaliseEmail(email)}}).Decode(&c)
	if err != nil {
		return StaffCredential{}, fmt.Errorf("load staff credential: %w", translate(err))
	}
	return c, nil
}

// RefreshToken is an opaque refresh token, stored only as its hash. Tokens
// of one sign-in share a family; reusing a spent token revokes the family.
type RefreshToken struct {
	Hash      string     `bson:"_id"`
	UserID    string     `bson:"user_id"`
	Family    string     `bson:"family"`
	CreatedAt time.Time  `bson:"created_at"`
	ExpiresAt time.Time  `bson:"expires_at"`
	UsedAt    *time.Time `bson:"used_at"`
	Revoked   bool       `bson:"revoked"`
}

// SaveRefreshToken stores a new refresh token.
func (s *Store) SaveRefreshToken(ctx context.Context, t RefreshToken) error {
	if _, err := s.insertOne(ctx, colTokens, t); err != nil {
		return fmt.Errorf("save refresh token: %w", translate(err))
	}
	return nil
}

// ErrTokenReused means a spent refresh token was presented again; its whole
// family has been revoked.
var ErrTokenReused = fmt.Errorf("refresh token reused: %w", bot.ErrNotFound)

// SpendRefreshToken marks a valid token as used and returns it. A token that
// is unknown, expired or revoked is bot.ErrNotFound; one already used
// revokes its family and returns ErrTokenReused.
func (s *Store) SpendRefreshToken(ctx context.Context, hash string, now time.Time) (RefreshToken, error) {
	unlock := s.lock(colTokens, hash)
	defer unlock()
	var t RefreshToken
	if err := s.db.Collection(colTokens).FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&t); err != nil {
		return RefreshToken{}, fmt.Errorf("load refresh token: %w", translate(err))
	}
	if t.Revoked || !now.Before(t.ExpiresAt) {
		return RefreshToken{}, fmt.Errorf("refresh token expired or revoked: %w", bot.ErrNotFound)
	}
	if t.UsedAt != nil {
		if err := s.RevokeFamily(ctx, t.Family); err != nil {
			return RefreshToken{}, err
		}
		return RefreshToken{}, ErrTokenReused
	}
	res, err := s.updateOne(ctx, colTokens, bson.D{{Key: "_id", Value: hash}, {Key: "used_at", Value: nil}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: now}}}})
	if err != nil {
		return RefreshToken{}, fmt.Errorf("spend refresh token: %w", translate(err))
	}
	if res.ModifiedCount != 1 {
		// Someone spent it between our read and write: treat it as reuse.
		if err := s.RevokeFamily(ctx, t.Family); err != nil {
			return RefreshToken{}, err
		}
		return RefreshToken{}, ErrTokenReused
	}
	t.UsedAt = &now
	return t, nil
}

// RevokeFamily revokes every token of one sign-in.
func (s *Store) RevokeFamily(ctx context.Context, family string) error {
	_, err := s.updateMany(ctx, colTokens, bson.D{{Key: "family", Value: family}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}})
	if err != nil {
		return fmt.Errorf("revoke token family: %w", translate(err))
	}
	return nil
}

// RevokeRefreshToken revokes the token's whole family, as signing out does.
func (s *Store) RevokeRefreshToken(ctx context.Context, hash string) error {
	var t RefreshToken
	if err := s.db.Collection(colTokens).FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&t); err != nil {
		return fmt.Errorf("load refresh token: %w", translate(err))
	}
	return s.RevokeFamily(ctx, t.Family)
}
