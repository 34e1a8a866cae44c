// Package llm is Brobygger's optional language model: an adapter over any
// OpenAI-compatible chat-completions endpoint (OpenAI, Azure OpenAI's v1
// endpoint, vLLM, Ollama) that reads messy free text into the same facts the
// deterministic understanding finds, and rewrites the bot's messages more
// warmly. It is built to fail safe: every call has a deadline, text is
// masked before it leaves the process, answers are validated, and every
// failure — timeout, rate limit, server error, invalid output, open circuit
// breaker, spent budget — is a typed error the caller answers with the
// deterministic path. Crisis detection is deterministic first: the model's
// wellbeing signal can only add a crisis or a concern the rules missed.
package llm

import (
	"context"
	"github.com/brobygger/brobygger/match"
	"log/slog"
	"net/http"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/brobygger/brobygger/prompts"
)

// Defaults for the zero values of Config.
const (
	DefaultModel            = "gpt-4o-mini"
	DefaultTimeout          = 8 * time.Second
	DefaultStallTimeout     = 3 * time.Second
	DefaultDailyTokens      = 20000
	DefaultRetries          = 2
	DefaultBackoff          = 300 * time.Millisecond
	DefaultBreakerThreshold = 5
	DefaultBreakerCooldown  = 30 * time.Second
)

// Config configures a Client. Zero values take the defaults above.
type Config struct {
	APIKey string
	// BaseURL is the API root up to and including /v1; empty is OpenAI.
	BaseURL string
	Model   string
	// HTTPClient carries every request; tests point it at a fake server.
	HTTPClient *http.Client
	// Timeout bounds one call, retries included.
	Timeout time.Duration
	// StallTimeout ends a streamed answer that sends nothing for this long.
	StallTimeout time.Duration
	// DailyTokens is each user's token budget per Copenhagen day; negative
	// means no limit.
	DailyTokens int
	// Breaker shares an open circuit breaker with every instance: when one
	// instance stops calling a failing provider, all do until the cool-down
	// ends. Nil keeps the breaker in this process only.
	Breaker BreakerStore
	// Budget keeps what each user spent where every instance sees it; nil
	// keeps it in this process only (a restart or a second instance starts
	// counting afresh).
	Budget BudgetStore
	// Retries is how often a 429 or 5xx answer is retried; negative means never.
	Retries int
	// Backoff is the wait before the first retry; it doubles after that.
	Backoff time.Duration
	// BreakerThreshold consecutive failures open the circuit breaker for
	// BreakerCooldown, during which calls fail at once.
	BreakerThreshold int
	BreakerCooldown  time.Duration
	Now              func() time.Time
	Logger           *slog.Logger
	// Observe, when set, is told of every call as it ends: the operation
	// ("understand" or "phrase"), how it failed ("" when it did not) and
	// how long it took. It hears no user and no text.
	Observe func(op string, failure Kind, took time.Duration)
}

func (c Config) withDefaults() Config {
	if c.Model == "" {
		c.Model = DefaultModel
	}
	if c.HTTPClient == nil {
		c.HTTPClient = &http.Client{}
	}
	if c.Timeout <= 0 {
		c.Timeout = DefaultTimeout
	}
	if c.StallTimeout <= 0 {
		c.StallTimeout = DefaultStallTimeout
	}
	if c.DailyTokens == 0 {
		c.DailyTokens = DefaultDailyTokens
	}
	if c.Retries == 0 {
		c.Retries = DefaultRetries
	}
	if c.Retries < 0 {
		c.Retries = 0
	}
	if c.Backoff <= 0 {
		c.Backoff = DefaultBackoff
	}
	if c.BreakerThreshold <= 0 {
		c.BreakerThreshold = DefaultBreakerThreshold
	}
	if c.BreakerCooldown <= 0 {
		c.BreakerCooldown = DefaultBreakerCooldown
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	return c
}

// Client talks to the model. It is safe for concurrent use.
type Client struct {
	cfg     Config
	api     *openai.Client
	prompts *prompts.Set
	budget  *budget
	breaker *breaker
	stats   *recorder
}

// New builds a client. It fails only when the embedded prompts are broken.
func New(cfg Config) (*Client, error) {
	cfg = cfg.withDefaults()
	set, err := prompts.Default()
	if err != nil {
		return nil, err
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	if cfg.BaseURL != "" {
		oc.BaseURL = cfg.BaseURL
	}
	oc.HTTPClient = cfg.HTTPClient
	return &Client{
		cfg:     cfg,
		api:     openai.NewClientWithConfig(oc),
		prompts: set,
		budget:  newBudget(cfg.DailyTokens, cfg.Budget),
		breaker: &breaker{threshold: cfg.BreakerThreshold, cooldown: cfg.BreakerCooldown, shared: cfg.Breaker},
		stats:   newRecorder(),
	}, nil
}

// Model is the model the client asks.
func (c *Client) Model() string { return c.cfg.Model }

// Usage is what one call cost and which prompt it used.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	// Estimated is true when the API reported no usage and the tokens were
	// estimated from the text (four characters a token).
	Estimated bool `json:"estimated,omitempty"`
	// Prompt and PromptVersion name the prompt file the call rendered.
	Prompt        string `json:"prompt"`
	PromptVersion int    `json:"prompt_version"`
}

// Total is prompt plus completion tokens.
func (u Usage) Total() int { return u.PromptTokens + u.CompletionTokens }

type userKey struct{}

// WithUser tells the client whose turn a call belongs to, for the daily
// budget. Calls without a user share one anonymous budget.
func WithUser(ctx context.Context, userID string) context.Context {
	return context.WithValue(ctx, userKey{}, userID)
}

func userOf(ctx context.Context) string {
	id, _ := ctx.Value(userKey{}).(string)
	return id
}

// copenhagen is whose calendar the daily budget follows.
var copenhagen = match.Copenhagen

// budget is each user's token spend per Copenhagen day, in memory: a
// restart or a second instance starts counting afresh.
type budget struct {
	limit int
	store BudgetStore
	mu    sync.Mutex
	day   string
	spent map[string]int
}

// BudgetStore keeps each user's token spend per Danish calendar day (day
// is "2006-01-02"), shared by every instance; the store implements it.
type BudgetStore interface {
	TokensSpent(ctx context.Context, user, day string) (int, error)
	SpendTokens(ctx context.Context, user, day string, tokens int) error
}

func newBudget(limit int, store BudgetStore) *budget {
	return &budget{limit: limit, store: store, spent: map[string]int{}}
}

// allowedShared asks the shared store; a store that cannot answer spends
// nothing more: the young person gets the deterministic path, as when the
// budget is spent.
func (b *budget) allowedShared(ctx context.Context, user string, now time.Time) bool {
	if b.limit < 0 {
		return true
	}
	if b.store == nil {
		return b.allowed(user, now)
	}
	spent, err := b.store.TokensSpent(ctx, user, now.In(copenhagen).Format(time.DateOnly))
	return err == nil && spent < b.limit
}

func (b *budget) spendShared(ctx context.Context, user string, now time.Time, tokens int) {
	if b.store == nil {
		b.spend(user, now, tokens)
		return
	}
	// A spend that cannot be stored is lost; the call already happened,
	// and failing the turn for it would help no one.
	_ = b.store.SpendTokens(ctx, user, now.In(copenhagen).Format(time.DateOnly), tokens)
}

func (b *budget) roll(now time.Time) {
	day := now.In(copenhagen).Format(time.DateOnly)
	if day != b.day {
		b.day, b.spent = day, map[string]int{}
	}
}

func (b *budget) allowed(user string, now time.Time) bool {
	if b.limit < 0 {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll(now)
	return b.spent[user] < b.limit
}

func (b *budget) spend(user string, now time.Time, tokens int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.roll(now)
	b.spent[user] += tokens
}

// Spent returns how many tokens the user used today.
func (c *Client) Spent(userID string) int {
	if c.budget.store != nil {
		n, _ := c.budget.store.TokensSpent(context.Background(), userID, c.cfg.Now().In(copenhagen).Format(time.DateOnly))
		return n
	}
	c.budget.mu.Lock()
	defer c.budget.mu.Unlock()
	c.budget.roll(c.cfg.Now())
	return c.budget.spent[userID]
}

// breaker stops calling a failing endpoint for a while, so a broken model
// costs each turn nothing instead of a full timeout. After the cool-down one
// trial call goes through; its result closes or reopens the breaker.
type breaker struct {
	threshold int
	cooldown  time.Duration
	shared    BreakerStore
	mu        sync.Mutex
	failures  int
	openUntil time.Time
	trial     bool
}

// BreakerStore keeps when the circuit breaker is open until, shared by
// every instance; the store implements it.
type BreakerStore interface {
	BreakerOpenUntil(ctx context.Context) (time.Time, error)
	SetBreakerOpenUntil(ctx context.Context, until time.Time) error
}

// allowShared is allow, also asking whether another instance opened the
// breaker. A store that cannot answer does not stop the call: the local
// breaker still guards this instance.
func (b *breaker) allowShared(ctx context.Context, now time.Time) bool {
	if b.shared != nil {
		if until, err := b.shared.BreakerOpenUntil(ctx); err == nil && now.Before(until) {
			return false
		}
	}
	return b.allow(now)
}

// resultShared is result, telling every instance when this one opens the
// breaker and when a call succeeds again.
func (b *breaker) resultShared(ctx context.Context, ok bool, now time.Time) {
	b.result(ok, now)
	if b.shared == nil {
		return
	}
	b.mu.Lock()
	until := b.openUntil
	open := !ok && b.failures >= b.threshold
	b.mu.Unlock()
	switch {
	case open:
		_ = b.shared.SetBreakerOpenUntil(ctx, until)
	case ok:
		if was, err := b.shared.BreakerOpenUntil(ctx); err == nil && !was.IsZero() {
			_ = b.shared.SetBreakerOpenUntil(ctx, time.Time{})
		}
	}
}

func (b *breaker) allow(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.failures < b.threshold {
		return true
	}
	if now.Before(b.openUntil) || b.trial {
		return false
	}
	b.trial = true
	return true
}

func (b *breaker) result(ok bool, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.trial = false
	if ok {
		b.failures = 0
		return
	}
	b.failures++
	if b.failures >= b.threshold {
		b.openUntil = now.Add(b.cooldown)
	}
}
