package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"sort"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Kind says why a call failed; the caller records it as an event.
type Kind string

// Failure kinds.
const (
	KindTimeout       Kind = "timeout"
	KindRateLimited   Kind = "rate_limited"
	KindServerError   Kind = "server_error"
	KindRequestFailed Kind = "request_failed"
	KindInvalidOutput Kind = "invalid_output"
	KindBreakerOpen   Kind = "breaker_open"
	KindBudgetSpent   Kind = "budget_spent"
)

// Error is a failed call. errors.Is matches it against the sentinels below
// by kind.
type Error struct {
	Kind Kind
	// Op is "understand" or "phrase".
	Op string
	// Status is the HTTP status the endpoint answered with, if any.
	Status int
	Err    error
}

func (e *Error) Error() string {
	msg := "llm"
	if e.Op != "" {
		msg += " " + e.Op
	}
	msg += ": " + string(e.Kind)
	if e.Status != 0 {
		msg += fmt.Sprintf(" (HTTP %d)", e.Status)
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, llm.ErrTimeout) and the like work.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Op == "" && t.Err == nil && t.Kind == e.Kind
}

// Sentinels for errors.Is, one per kind.
var (
	ErrTimeout       = &Error{Kind: KindTimeout}
	ErrRateLimited   = &Error{Kind: KindRateLimited}
	ErrServerError   = &Error{Kind: KindServerError}
	ErrRequestFailed = &Error{Kind: KindRequestFailed}
	ErrInvalidOutput = &Error{Kind: KindInvalidOutput}
	ErrBreakerOpen   = &Error{Kind: KindBreakerOpen}
	ErrBudgetSpent   = &Error{Kind: KindBudgetSpent}
)

// KindOf returns the kind of a failed call, or "" for nil and foreign errors.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ""
}

// classify turns what go-openai and net/http returned into a kind.
func classify(op string, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	out := &Error{Kind: KindRequestFailed, Op: op, Err: err}
	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr):
		out.Status = apiErr.HTTPStatusCode
	case errors.As(err, &reqErr):
		out.Status = reqErr.HTTPStatusCode
	}
	var netErr net.Error
	var syntaxErr *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case out.Status == 429:
		out.Kind = KindRateLimited
	case out.Status >= 500:
		out.Kind = KindServerError
	case out.Status != 0:
		out.Kind = KindRequestFailed
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		errors.As(err, &netErr) && netErr.Timeout():
		out.Kind = KindTimeout
	case errors.As(err, &syntaxErr), errors.As(err, &typeErr):
		out.Kind = KindInvalidOutput
	}
	return out
}

// retryable failures are worth another try within the deadline.
func retryable(k Kind) bool { return k == KindRateLimited || k == KindServerError }

// unavailable failures count towards opening the circuit breaker; a model
// that answers but says something unusable does not.
func unavailable(k Kind) bool {
	switch k {
	case KindTimeout, KindRateLimited, KindServerError, KindRequestFailed:
		return true
	}
	return false
}

// Call is the record of one model call, kept for reports; it holds no text.
type Call struct {
	At       time.Time     `json:"at"`
	Op       string        `json:"op"`
	User     string        `json:"user,omitempty"`
	Usage    Usage         `json:"usage"`
	Duration time.Duration `json:"duration"`
	Attempts int           `json:"attempts"`
	// Failure is empty for a call that succeeded.
	Failure Kind `json:"failure,omitempty"`
}

// Totals sums every call since the client started.
type Totals struct {
	Calls            int          `json:"calls"`
	PromptTokens     int          `json:"prompt_tokens"`
	CompletionTokens int          `json:"completion_tokens"`
	Failures         map[Kind]int `json:"failures"`
	// ByPrompt sums the calls per prompt file and version, e.g. "phrase@v1".
	ByPrompt map[string]PromptTotals `json:"by_prompt"`
}

// PromptTotals sums the calls that used one prompt version.
type PromptTotals struct {
	Calls            int `json:"calls"`
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// maxRecent bounds how many call records the client keeps.
const maxRecent = 200

type recorder struct {
	mu     sync.Mutex
	totals Totals
	recent []Call
}

func newRecorder() *recorder {
	return &recorder{totals: Totals{Failures: map[Kind]int{}, ByPrompt: map[string]PromptTotals{}}}
}

func (r *recorder) add(c Call) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := &r.totals
	if c.Failure != "" {
		t.Failures[c.Failure]++
	}
	if c.Attempts > 0 {
		t.Calls++
		t.PromptTokens += c.Usage.PromptTokens
		t.CompletionTokens += c.Usage.CompletionTokens
		key := fmt.Sprintf("%s@v%d", c.Usage.Prompt, c.Usage.PromptVersion)
		p := t.ByPrompt[key]
		p.Calls++
		p.PromptTokens += c.Usage.PromptTokens
		p.CompletionTokens += c.Usage.CompletionTokens
		t.ByPrompt[key] = p
	}
	r.recent = append(r.recent, c)
	if len(r.recent) > maxRecent {
		r.recent = r.recent[len(r.recent)-maxRecent:]
	}
}

// Totals returns the sums over every call so far, failures by kind included.
func (c *Client) Totals() Totals {
	c.stats.mu.Lock()
	defer c.stats.mu.Unlock()
	t := c.stats.totals
	t.Failures = make(map[Kind]int, len(t.Failures))
	for k, v := range c.stats.totals.Failures {
		t.Failures[k] = v
	}
	t.ByPrompt = make(map[string]PromptTotals, len(t.ByPrompt))
	for k, v := range c.stats.totals.ByPrompt {
		t.ByPrompt[k] = v
	}
	return t
}

// Recent returns the latest call records, oldest first.
func (c *Client) Recent() []Call {
	c.stats.mu.Lock()
	defer c.stats.mu.Unlock()
	return append([]Call(nil), c.stats.recent...)
}

// FailureKinds lists the failure kinds seen so far, sorted, for reports.
func (t Totals) FailureKinds() []Kind {
	kinds := make([]Kind, 0, len(t.Failures))
	for k := range t.Failures {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool { return kinds[i] < kinds[j] })
	return kinds
}
