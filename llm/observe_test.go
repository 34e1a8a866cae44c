package llm_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/llm"
	"github.com/brobygger/brobygger/llm/llmtest"
)

// TestObserveHearsEveryCall: the people who run Brobygger hear of every
// call as it ends — answered, refused by the checks, timed out, past the
// budget — with its operation and nothing about the user.
func TestObserveHearsEveryCall(t *testing.T) {
	srv := llmtest.New(t,
		llmtest.Stall(),
		llmtest.Text("sure! here you go: {interests"),
		llmtest.Reply{Content: `{"age": 17}`, PromptTokens: 500, CompletionTokens: 100},
		llmtest.Reply{Content: `{"age": 17}`, PromptTokens: 500, CompletionTokens: 100},
	)
	var mu sync.Mutex
	var heard []string
	var took []time.Duration
	c, _ := newClient(t, srv, func(c *llm.Config) {
		c.DailyTokens = 1000
		c.Observe = func(op string, failure llm.Kind, d time.Duration) {
			mu.Lock()
			defer mu.Unlock()
			if failure == "" {
				failure = "ok"
			}
			heard = append(heard, op+"/"+string(failure))
			took = append(took, d)
		}
	})
	_, _, _ = c.Understand(llm.WithUser(context.Background(), "bob"), "jeg er 17", "da")
	_, _, _ = c.Understand(llm.WithUser(context.Background(), "carol"), "jeg er 17", "da")
	alice := llm.WithUser(context.Background(), "alice")
	for range 2 {
		_, _, _ = c.Understand(alice, "jeg er 17", "da")
	}
	_, _, _ = c.Phrase(alice, llm.PhraseRequest{Lang: "da", Content: "Hvor bor du?"}, nil)
	want := []string{"understand/timeout", "understand/invalid_output", "understand/ok", "understand/ok", "phrase/budget_spent"}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(heard, want) {
		t.Fatalf("heard %v, want %v", heard, want)
	}
	if took[0] < 400*time.Millisecond {
		t.Errorf("the stalled call took %v, want at least the stall timeout", took[2])
	}
}
