package llm_test

import (
	"context"
	"errors"
	"testing"

	"github.com/brobygger/brobygger/llm"
	"github.com/brobygger/brobygger/llm/llmtest"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestDailyBudgetHoldsAcrossInstances: two instances sharing one database
// count one budget, so a user cannot spend it once per instance.
func TestDailyBudgetHoldsAcrossInstances(t *testing.T) {
	srv := llmtest.New(t)
	srv.Default(llmtest.Reply{Content: `{"age": 17}`, PromptTokens: 500, CompletionTokens: 100})
	shared := storetest.Open(t, "llmbudget")
	one, _ := newClient(t, srv, func(c *llm.Config) { c.DailyTokens, c.Budget = 1000, shared })
	two, _ := newClient(t, srv, func(c *llm.Config) { c.DailyTokens, c.Budget = 1000, shared })
	alice := llm.WithUser(context.Background(), "alice")
	for _, c := range []*llm.Client{one, two} {
		if _, _, err := c.Understand(alice, "jeg er 17", "da"); err != nil {
			t.Fatal(err)
		}
	}
	if got := two.Spent("alice"); got != 1200 {
		t.Errorf("instance two sees %d spent, want 1200 from both", got)
	}
	for _, c := range []*llm.Client{one, two} {
		if _, _, err := c.Understand(alice, "jeg er 17", "da"); !errors.Is(err, llm.ErrBudgetSpent) {
			t.Errorf("got %v, want budget_spent on every instance", err)
		}
	}
}

// TestOpenBreakerHoldsAcrossInstances: when one instance finds the
// provider failing and opens its breaker, the other stops calling it too
// until the cool-down ends.
func TestOpenBreakerHoldsAcrossInstances(t *testing.T) {
	srv := llmtest.New(t)
	srv.Default(llmtest.Status(500))
	shared := storetest.Open(t, "llmbreaker")
	edit := func(c *llm.Config) { c.Breaker, c.BreakerThreshold, c.Retries = shared, 1, -1 }
	one, _ := newClient(t, srv, edit)
	two, _ := newClient(t, srv, edit)
	ctx := llm.WithUser(context.Background(), "alice")
	if _, _, err := one.Understand(ctx, "jeg er 17", "da"); errors.Is(err, llm.ErrBreakerOpen) || err == nil {
		t.Fatalf("first call: %v, want the provider's failure", err)
	}
	calls := srv.Count()
	if _, _, err := two.Understand(ctx, "jeg er 17", "da"); !errors.Is(err, llm.ErrBreakerOpen) {
		t.Errorf("the other instance: %v, want breaker_open", err)
	}
	if srv.Count() != calls {
		t.Errorf("the other instance still called the failing provider")
	}
}
