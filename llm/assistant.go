package llm

import (
	"context"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/prompts"
	"github.com/brobygger/brobygger/understand"
)

// Assistant adapts a Client to the conversation service: it is the
// bot.Assistant that Service.WithAssistant takes, and charges each call to
// the user whose turn it is.
type Assistant struct {
	c *Client
}

var _ bot.Assistant = (*Assistant)(nil)

// NewAssistant wraps a client for the conversation service.
func NewAssistant(c *Client) *Assistant { return &Assistant{c: c} }

// Client is the wrapped client, for reports.
func (a *Assistant) Client() *Client { return a.c }

// Understand implements bot.Understander.
func (a *Assistant) Understand(ctx context.Context, userID, text, lang string) (understand.Result, error) {
	r, _, err := a.c.Understand(WithUser(ctx, userID), text, lang)
	return r, err
}

// Phrase implements bot.Phraser.
func (a *Assistant) Phrase(ctx context.Context, userID string, req bot.PhraseRequest, onToken func(string)) (string, error) {
	pr := PhraseRequest{Lang: req.Lang, Purpose: req.Purpose, Content: req.Text, Question: req.UserText}
	if o := req.Opportunity; o != nil {
		pr.Opportunity = &prompts.Opportunity{Title: o.Title, Organisation: o.Organisation, Summary: o.Summary,
			Description: o.Description, When: o.When, Place: o.Place, Ages: o.Ages, Contact: o.Contact}
	}
	text, _, err := a.c.Phrase(WithUser(ctx, userID), pr, onToken)
	return text, err
}
