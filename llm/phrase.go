package llm

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"

	"github.com/brobygger/brobygger/prompts"
)

// PhraseRequest is one bot message to say more warmly.
type PhraseRequest struct {
	// Lang is "da" or "en": the language the answer must be in.
	Lang string
	// Purpose is one of the prompts.Purpose constants.
	Purpose string
	// Content is the deterministic text: what the message must convey.
	Content string
	// Question is what the young person wrote or tapped this turn.
	Question string
	// Opportunity is the only source of facts about an opportunity.
	Opportunity *prompts.Opportunity
}

// Limit is the most characters a phrased message may have: twice the
// deterministic text and a little more.
func (r PhraseRequest) Limit() int { return 2*utf8.RuneCountInString(r.Content) + 200 }

// Phrase rewrites one message in the young person's language, streaming
// the answer to onToken (which may be nil) as it arrives. Only whole words
// that have passed the checks so far are streamed; the answer as a whole is
// checked at the end. On any error the caller must use req.Content, and
// replace whatever was streamed with it.
func (c *Client) Phrase(ctx context.Context, req PhraseRequest, onToken func(string)) (string, Usage, error) {
	lang := req.Lang
	if lang != "en" {
		lang = "da"
	}
	var grounding []string
	data := prompts.PhraseData{
		Purpose:  req.Purpose,
		Content:  Redact(req.Content),
		Question: clip(Redact(req.Question), maxMessageRunes),
		MaxChars: utf8.RuneCountInString(req.Content)*3/2 + 100,
	}
	if o := req.Opportunity; o != nil {
		grounding = append(grounding, o.Title, o.Organisation, o.Summary, o.Description, o.When, o.Place, o.Ages, o.Contact)
		data.Opportunity = &prompts.Opportunity{Title: Redact(o.Title), Organisation: Redact(o.Organisation),
			Summary: Redact(o.Summary), Description: Redact(o.Description), When: Redact(o.When),
			Place: Redact(o.Place), Ages: Redact(o.Ages), Contact: Redact(o.Contact)}
	}
	p, err := c.prompts.Render(prompts.Phrase, lang, data)
	if err != nil {
		return "", Usage{}, &Error{Kind: KindRequestFailed, Op: "phrase", Err: err}
	}
	g := newGuard(lang, req.Content, req.Limit(), grounding...)
	var answer string
	u, err := c.call(ctx, "phrase", p, func(ctx context.Context) (Usage, error) {
		text, u, err := c.stream(ctx, p, g, onToken)
		answer = text
		return u, err
	})
	if err != nil {
		return "", u, err
	}
	return answer, u, nil
}

// maxPhraseTokens bounds a phrased answer's cost.
const maxPhraseTokens = 600

// stream runs one streamed completion. A stall — StallTimeout without a
// chunk — cancels it.
func (c *Client) stream(ctx context.Context, p prompts.Rendered, g *guard, onToken func(string)) (string, Usage, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var stalled atomic.Bool
	watchdog := time.AfterFunc(c.cfg.StallTimeout, func() { stalled.Store(true); cancel() })
	defer watchdog.Stop()
	stallErr := func(err error) error {
		if stalled.Load() {
			return &Error{Kind: KindTimeout, Op: "phrase", Err: errors.New("stream stalled")}
		}
		return err
	}

	s, err := c.api.CreateChatCompletionStream(ctx, openai.ChatCompletionRequest{
		Model: c.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: p.System},
			{Role: openai.ChatMessageRoleUser, Content: p.User},
		},
		MaxCompletionTokens: maxPhraseTokens,
		StreamOptions:       &openai.StreamOptions{IncludeUsage: true},
	})
	if err != nil {
		return "", Usage{}, stallErr(err)
	}
	defer s.Close()

	var b strings.Builder
	var reported *openai.Usage
	emitted := 0
	usage := func() Usage {
		if reported != nil && reported.PromptTokens+reported.CompletionTokens > 0 {
			return Usage{PromptTokens: reported.PromptTokens, CompletionTokens: reported.CompletionTokens}
		}
		return Usage{PromptTokens: estimateTokens(p.System, p.User), CompletionTokens: estimateTokens(b.String()), Estimated: true}
	}
	for {
		chunk, err := s.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", usage(), stallErr(err)
		}
		watchdog.Reset(c.cfg.StallTimeout)
		if chunk.Usage != nil {
			reported = chunk.Usage
		}
		for _, ch := range chunk.Choices {
			b.WriteString(ch.Delta.Content)
		}
		// Stream whole words only, and only once everything up to them has
		// passed the checks, so a forbidden word is never half shown.
		text := b.String()
		if cut := strings.LastIndexAny(text, " \n\t"); cut > emitted {
			if err := g.partial(text[:cut]); err != nil {
				return "", usage(), &Error{Kind: KindInvalidOutput, Op: "phrase", Err: err}
			}
			if onToken != nil {
				onToken(text[emitted:cut])
			}
			emitted = cut
		}
		if utf8.RuneCountInString(text) > g.limit {
			return "", usage(), &Error{Kind: KindInvalidOutput, Op: "phrase", Err: invalid("longer than %d characters", g.limit)}
		}
	}
	raw := b.String()
	answer := strings.Trim(strings.TrimSpace(raw), `"“”«»`)
	if err := g.final(answer); err != nil {
		return "", usage(), &Error{Kind: KindInvalidOutput, Op: "phrase", Err: err}
	}
	if onToken != nil && emitted < len(raw) {
		onToken(raw[emitted:])
	}
	return answer, usage(), nil
}
