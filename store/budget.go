package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/brobygger/brobygger/llm"
)

var (
	_ llm.BudgetStore  = (*Store)(nil)
	_ llm.BreakerStore = (*Store)(nil)
)

// breakerKey is the language model's shared circuit breaker.
const breakerKey = "llm-breaker"

// BreakerOpenUntil is until when some instance opened the language model's
// circuit breaker; zero when none did.
func (s *Store) BreakerOpenUntil(ctx context.Context) (time.Time, error) {
	var d limitDoc
	err := s.db.Collection(colLimits).FindOne(ctx, bson.D{{Key: "_id", Value: breakerKey}}).Decode(&d)
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return time.Time{}, nil
	case err != nil:
		return time.Time{}, fmt.Errorf("load breaker: %w", err)
	}
	return d.LockedUntil, nil
}

// SetBreakerOpenUntil opens the breaker for every instance until then, or
// closes it with the zero time.
func (s *Store) SetBreakerOpenUntil(ctx context.Context, until time.Time) error {
	_, err := s.changeLimit(ctx, breakerKey, func(d *limitDoc) {
		d.LockedUntil = until
		d.ExpiresAt = until.Add(24 * time.Hour)
	})
	if err != nil {
		return fmt.Errorf("set breaker: %w", err)
	}
	return nil
}

// budgetKey names one user's token spend on one Danish day. The user id is
// hashed: the count needs no link to a person, and erasure leaves none.
func budgetKey(user, day string) string {
	sum := sha256.Sum256([]byte(user))
	return "llm-budget:" + day + ":" + hex.EncodeToString(sum[:12])
}

// TokensSpent is how many tokens the user spent on the language model on
// day, as every instance counted them.
func (s *Store) TokensSpent(ctx context.Context, user, day string) (int, error) {
	var d limitDoc
	err := s.db.Collection(colLimits).FindOne(ctx, bson.D{{Key: "_id", Value: budgetKey(user, day)}}).Decode(&d)
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("load token budget: %w", err)
	}
	return int(d.Tokens), nil
}

// SpendTokens adds tokens to the user's spend on day. The count is kept
// until two days after, when the hourly sweep removes it with the limits.
func (s *Store) SpendTokens(ctx context.Context, user, day string, tokens int) error {
	start, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return fmt.Errorf("spend tokens: day %q: %w", day, err)
	}
	_, err = s.changeLimit(ctx, budgetKey(user, day), func(d *limitDoc) {
		d.Tokens += float64(tokens)
		d.ExpiresAt = start.Add(72 * time.Hour)
	})
	if err != nil {
		return fmt.Errorf("spend tokens: %w", err)
	}
	return nil
}
