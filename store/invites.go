package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/brobygger/brobygger/accounts"
)

var (
	_ accounts.TokenStore    = (*Store)(nil)
	_ accounts.PasswordStore = (*Store)(nil)
)

// colStaffTokens holds staff invites and password resets by the SHA-256 of
// their token, never the token itself.
const colStaffTokens = "staff_tokens"

type staffTokenDoc struct {
	Hash      string     `bson:"_id"`
	Kind      string     `bson:"kind"`
	Email     string     `bson:"email"`
	Role      string     `bson:"role,omitempty"`
	OrgID     string     `bson:"org_id,omitempty"`
	Locale    string     `bson:"locale,omitempty"`
	UserID    string     `bson:"user_id,omitempty"`
	CreatedBy string     `bson:"created_by,omitempty"`
	CreatedAt time.Time  `bson:"created_at"`
	ExpiresAt time.Time  `bson:"expires_at"`
	UsedAt    *time.Time `bson:"used_at"`
}

// SaveStaffToken stores a new invite or reset.
func (s *Store) SaveStaffToken(ctx context.Context, t accounts.StaffToken) error {
	if _, err := s.insertOne(ctx, colStaffTokens, staffTokenDoc(t)); err != nil {
		return fmt.Errorf("save staff token: %w", translateAccounts(err))
	}
	return nil
}

// StaffToken loads an invite or reset by its hash.
func (s *Store) StaffToken(ctx context.Context, hash string) (accounts.StaffToken, error) {
	var d staffTokenDoc
	if err := s.db.Collection(colStaffTokens).FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&d); err != nil {
		return accounts.StaffToken{}, fmt.Errorf("load staff token: %w", translateAccounts(err))
	}
	return accounts.StaffToken(d), nil
}

// SpendStaffToken marks a token used. The update is conditional on it not
// being used, and in embedded mode the token's lock makes the read and
// the write one step, so of two at once exactly one spends it.
func (s *Store) SpendStaffToken(ctx context.Context, hash string, now time.Time) error {
	unlock := s.lock(colStaffTokens, hash)
	defer unlock()
	res, err := s.updateOne(ctx, colStaffTokens, bson.D{{Key: "_id", Value: hash}, {Key: "used_at", Value: nil}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "used_at", Value: now}}}})
	if err != nil {
		return fmt.Errorf("spend staff token: %w", translateAccounts(err))
	}
	if res.ModifiedCount != 1 {
		if _, err := s.StaffToken(ctx, hash); err != nil {
			return err
		}
		return accounts.ErrTokenUsed
	}
	return nil
}

// PurgeStaffTokens deletes invites and resets that expired before the
// given time; used ones go too, their work done.
func (s *Store) PurgeStaffTokens(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.deleteMany(ctx, colStaffTokens, bson.D{{Key: "expires_at", Value: bson.D{{Key: "$lt", Value: before}}}})
	if err != nil {
		return 0, fmt.Errorf("purge staff tokens: %w", translateAccounts(err))
	}
	return res.DeletedCount, nil
}

// SetStaffPassword replaces the password hash for an e-mail's credential.
func (s *Store) SetStaffPassword(ctx context.Context, email, hash string) error {
	res, err := s.updateOne(ctx, colStaffCredentials, bson.D{{Key: "_id", Value: accounts.NormaliseEmail(email)}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "password_hash", Value: hash}}}})
	if err != nil {
		return fmt.Errorf("set staff password: %w", translateAccounts(err))
	}
	if res.MatchedCount == 0 {
		return fmt.Errorf("set staff password: %w", accounts.ErrNotFound)
	}
	return nil
}

// RevokeSignInsOf revokes every refresh token and sign-in of the user
// except the family keep, in one write: sign-ins are kept beside their
// tokens with the same user_id and family (accounts_sessions.go).
func (s *Store) RevokeSignInsOf(ctx context.Context, userID, keep string) error {
	filter := bson.D{{Key: "user_id", Value: userID}}
	if keep != "" {
		filter = append(filter, bson.E{Key: "family", Value: bson.D{{Key: "$ne", Value: keep}}})
	}
	if _, err := s.updateMany(ctx, colTokens, filter, bson.D{{Key: "$set", Value: bson.D{{Key: "revoked", Value: true}}}}); err != nil {
		return fmt.Errorf("revoke sign-ins: %w", translateAccounts(err))
	}
	return nil
}
