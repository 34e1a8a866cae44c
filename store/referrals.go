package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/referrals"
)

// Referrals live in their own collection; each code is a document of its
// own whose _id is the code, as class join codes are, so finding a
// referral by code is one _id lookup and the database keeps codes unique.
const (
	colReferrals     = "referrals"
	colReferralCodes = "referral_codes"
)

type referralDoc struct {
	ID          string    `bson:"_id"`
	ReferrerID  string    `bson:"referrer_id"`
	OrgID       string    `bson:"org_id"`
	Reason      string    `bson:"reason"`
	NoteToYouth string    `bson:"note_to_youth"`
	Code        string    `bson:"code"`
	CreatedAt   time.Time `bson:"created_at"`
	ExpiresAt   time.Time `bson:"expires_at"`
	// ConversationID is the only thing the referral knows of the young
	// person, and only until they are erased.
	ConversationID string     `bson:"conversation_id"`
	OpenedAt       *time.Time `bson:"opened_at"`
	Version        int64      `bson:"version"`
}

type referralCodeDoc struct {
	Code       string `bson:"_id"`
	ReferralID string `bson:"referral_id"`
}

func (d referralDoc) referral() referrals.Referral {
	return referrals.Referral(d)
}

func translateReferrals(err error) error {
	return translateTo(err, referrals.ErrNotFound, referrals.ErrConflict)
}

var _ referrals.Store = (*Store)(nil)

// CreateReferral stores a referral after claiming its code; a code in use
// is referrals.ErrConflict.
func (s *Store) CreateReferral(ctx context.Context, r referrals.Referral) error {
	if _, err := s.insertOne(ctx, colReferralCodes, referralCodeDoc{Code: r.Code, ReferralID: r.ID}); err != nil {
		return fmt.Errorf("claim referral code: %w", translateReferrals(err))
	}
	if _, err := s.insertOne(ctx, colReferrals, referralDoc(r)); err != nil {
		return fmt.Errorf("create referral: %w", translateReferrals(err))
	}
	return nil
}

// Referral loads a referral by id.
func (s *Store) Referral(ctx context.Context, id string) (referrals.Referral, error) {
	var d referralDoc
	if err := s.db.Collection(colReferrals).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return referrals.Referral{}, fmt.Errorf("load referral: %w", translateReferrals(err))
	}
	return d.referral(), nil
}

// ReferralByCode finds the referral behind a normalised code.
func (s *Store) ReferralByCode(ctx context.Context, code string) (referrals.Referral, error) {
	if code == "" {
		return referrals.Referral{}, fmt.Errorf("load referral code: %w", referrals.ErrNotFound)
	}
	var c referralCodeDoc
	if err := s.db.Collection(colReferralCodes).FindOne(ctx, bson.D{{Key: "_id", Value: code}}).Decode(&c); err != nil {
		return referrals.Referral{}, fmt.Errorf("load referral code: %w", translateReferrals(err))
	}
	return s.Referral(ctx, c.ReferralID)
}

// ReferralsBy lists a referrer's referrals, newest first.
func (s *Store) ReferralsBy(ctx context.Context, referrerID string) ([]referrals.Referral, error) {
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}})
	cur, err := s.db.Collection(colReferrals).Find(ctx, bson.D{{Key: "referrer_id", Value: referrerID}}, opts)
	if err != nil {
		return nil, fmt.Errorf("list referrals: %w", translateReferrals(err))
	}
	var docs []referralDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list referrals: %w", translateReferrals(err))
	}
	out := make([]referrals.Referral, len(docs))
	for i, d := range docs {
		out[i] = d.referral()
	}
	return out, nil
}

// UpdateReferral changes a referral by closure with a version check,
// retried on conflict; two young people opening one code at once cannot
// both bind it.
func (s *Store) UpdateReferral(ctx context.Context, id string, fn func(*referrals.Referral) error) (referrals.Referral, error) {
	unlock := s.lock(colReferrals, id)
	defer unlock()
	for range maxConflictRetries {
		r, err := s.Referral(ctx, id)
		if err != nil {
			return referrals.Referral{}, err
		}
		version := r.Version
		if err := fn(&r); err != nil {
			return referrals.Referral{}, err
		}
		r.Version = version + 1
		res, err := s.replaceOne(ctx, colReferrals, s.versioned(id, version), referralDoc(r))
		if err != nil {
			return referrals.Referral{}, fmt.Errorf("save referral: %w", translateReferrals(err))
		}
		if res.MatchedCount == 1 {
			return r, nil
		}
	}
	return referrals.Referral{}, fmt.Errorf("save referral %s: %w", id, referrals.ErrConflict)
}

// unbindReferrals takes an erased young person's conversation off the
// referrals it opened: the referrer then sees not_shared, and the code
// stays opened, so nobody else can take it up.
func (s *Store) unbindReferrals(ctx context.Context, conversationID string) error {
	if conversationID == "" {
		return nil
	}
	cur, err := s.db.Collection(colReferrals).Find(ctx, bson.D{{Key: "conversation_id", Value: conversationID}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return fmt.Errorf("find referrals to unbind: %w", translateReferrals(err))
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return fmt.Errorf("find referrals to unbind: %w", translateReferrals(err))
	}
	for _, row := range rows {
		if _, err := s.UpdateReferral(ctx, row.ID, func(r *referrals.Referral) error {
			if r.ConversationID == conversationID {
				r.ConversationID = ""
			}
			return nil
		}); err != nil {
			return fmt.Errorf("unbind referral: %w", err)
		}
	}
	return nil
}
