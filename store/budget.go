package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

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
	d, err := s.loadLimit(ctx, breakerKey)
	return d.LockedUntil, err
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
	d, err := s.loadLimit(ctx, budgetKey(user, day))
	return int(d.Tokens), err
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
