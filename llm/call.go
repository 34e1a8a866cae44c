package llm

import (
	"context"
	"errors"
	"time"
	"unicode/utf8"

	"github.com/brobygger/brobygger/prompts"
)

// call runs one model call under the user's budget, the circuit breaker,
// the call deadline and the retry policy, and records it. attempt is one
// HTTP exchange; it returns what it cost even when it fails.
func (c *Client) call(ctx context.Context, op string, p prompts.Rendered, attempt func(context.Context) (Usage, error)) (Usage, error) {
	started := time.Now()
	user := userOf(ctx)
	rec := Call{At: c.cfg.Now(), Op: op, User: user}
	usage := Usage{Prompt: p.Name, PromptVersion: p.Version}
	var err error
	switch {
	case !c.budget.allowedShared(ctx, user, c.cfg.Now()):
		err = &Error{Kind: KindBudgetSpent, Op: op}
	case !c.breaker.allowShared(ctx, c.cfg.Now()):
		err = &Error{Kind: KindBreakerOpen, Op: op}
	default:
		usage, rec.Attempts, err = c.attempts(ctx, op, attempt)
		usage.Prompt, usage.PromptVersion = p.Name, p.Version
		c.breaker.resultShared(context.WithoutCancel(ctx), err == nil || !unavailable(KindOf(err)), c.cfg.Now())
		if usage.Total() > 0 {
			c.budget.spendShared(context.WithoutCancel(ctx), user, c.cfg.Now(), usage.Total())
		}
	}
	rec.Usage, rec.Duration, rec.Failure = usage, time.Since(started), KindOf(err)
	c.stats.add(rec)
	if c.cfg.Observe != nil {
		c.cfg.Observe(op, rec.Failure, rec.Duration)
	}
	if err != nil {
		var e *Error
		errors.As(err, &e)
		// No text and no error message: either could carry what a young
		// person wrote.
		c.cfg.Logger.Warn("language model call failed", "op", op, "kind", string(e.Kind), "status", e.Status,
			"prompt", p.Name, "prompt_version", p.Version, "attempts", rec.Attempts, "duration", rec.Duration)
	}
	return usage, err
}

func (c *Client) attempts(ctx context.Context, op string, attempt func(context.Context) (Usage, error)) (Usage, int, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	var total Usage
	for n := 0; ; n++ {
		u, err := attempt(ctx)
		total.PromptTokens += u.PromptTokens
		total.CompletionTokens += u.CompletionTokens
		total.Estimated = total.Estimated || u.Estimated
		if err == nil {
			return total, n + 1, nil
		}
		e := classify(op, err)
		if e.Op == "" {
			e.Op = op
		}
		if ctx.Err() != nil && e.Kind != KindInvalidOutput {
			e.Kind = KindTimeout
		}
		if !retryable(e.Kind) || n >= c.cfg.Retries {
			return total, n + 1, e
		}
		wait := c.cfg.Backoff << n
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return total, n + 1, e // no time left to try again: fail now
		}
		select {
		case <-ctx.Done():
			return total, n + 1, &Error{Kind: KindTimeout, Op: op, Err: ctx.Err()}
		case <-time.After(wait):
		}
	}
}

// estimateTokens counts tokens the way the report does when an endpoint
// gives no usage: four characters a token, rounded up.
func estimateTokens(texts ...string) int {
	n := 0
	for _, t := range texts {
		n += utf8.RuneCountInString(t)
	}
	return (n + 3) / 4
}

// EstimateTokens is the estimator the client falls back on when an
// endpoint reports no usage: four characters a token.
func EstimateTokens(texts ...string) int { return estimateTokens(texts...) }
