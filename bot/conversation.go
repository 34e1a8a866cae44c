package bot

import (
	"errors"
	"time"
)

// Domain errors the store translates its driver errors into.
var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("conflict")
)

// Who wrote a message.
const (
	FromBot  = "bot"
	FromUser = "user"
)

// Conversation is one young person's chat with the bot: the engine state and
// the messages both sides wrote, stored as one document so a turn is a single
// atomic update.
type Conversation struct {
	ID        string    `json:"id"`
	UserID    string    `json:"user_id"`
	Version   int64     `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	State     State     `json:"state"`
	// Messages are the latest messages. Older ones are archived by the store
	// to keep the document a turn reads and writes small; Archived counts
	// them and Service.History puts them back together.
	Messages []Message `json:"messages"`
	Archived int       `json:"archived"`
	// DropHistory asks the store to delete the archived messages too.
	DropHistory bool `json:"-"`
}

// Message is one chat bubble.
type Message struct {
	ID           string       `json:"id"`
	From         string       `json:"from"`
	Text         string       `json:"text"`
	CreatedAt    time.Time    `json:"created_at"`
	QuickReplies []QuickReply `json:"quick_replies,omitempty"`
	Cards        []Card       `json:"cards,omitempty"`
	// ClientMessageID is the app's id for a user message; a retry with the
	// same id gets the same replies.
	ClientMessageID string `json:"client_message_id,omitempty"`
	// Choice is the quick reply or card action the user tapped.
	Choice string `json:"choice,omitempty"`
	// Kind marks special bot messages, such as "crisis".
	Kind string `json:"kind,omitempty"`
}

// QuickReply is a tappable answer chip.
type QuickReply struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Card is one suggested opportunity with a concrete first step.
type Card struct {
	OpportunityID  string    `json:"opportunity_id"`
	Title          string    `json:"title"`
	Organisation   string    `json:"organisation"`
	OrganisationID string    `json:"organisation_id"`
	Summary        string    `json:"summary"`
	Why            []string  `json:"why"`
	FirstStep      FirstStep `json:"first_step"`
	DistanceKm     *float64  `json:"distance_km"`
	Interests      []string  `json:"interests"`
	// Caveat is the one thing about the card the young person must not
	// miss: it is about another topic, meets at another time, or is only
	// described in Danish. Apps show it on the card's face.
	Caveat  string       `json:"caveat,omitempty"`
	Notes   []string     `json:"notes,omitempty"`
	Actions []QuickReply `json:"actions"`
}

// FirstStep is what the young person does first: when, where and whom to ask for.
type FirstStep struct {
	Text     string     `json:"text"`
	StartsAt *time.Time `json:"starts_at"`
	EndsAt   *time.Time `json:"ends_at,omitempty"`
	Place    string     `json:"place"`
	Contact  string     `json:"contact"`
}

// RepliesTo returns the bot messages that answered the user message with the
// given client id, and whether that message was seen before.
func (c *Conversation) RepliesTo(clientMessageID string) ([]Message, bool) {
	if clientMessageID == "" {
		return nil, false
	}
	for i, m := range c.Messages {
		if m.From != FromUser || m.ClientMessageID != clientMessageID {
			continue
		}
		var replies []Message
		for _, r := range c.Messages[i+1:] {
			if r.From != FromBot {
				break
			}
			replies = append(replies, r)
		}
		return replies, true
	}
	return nil, false
}

// after returns the loaded messages written after the one with the given id,
// and whether that id was among them.
func (c *Conversation) after(id string) ([]Message, bool) {
	for i, m := range c.Messages {
		if m.ID == id {
			return c.Messages[i+1:], true
		}
	}
	return c.Messages, false
}

// ErrUnchanged is returned by an update closure that decided not to change
// anything, such as a retried message that was already answered.
var ErrUnchanged = errors.New("unchanged")

// LatestCards returns the cards of the most recent suggestions.
func (c *Conversation) LatestCards() []Card {
	for i := len(c.Messages) - 1; i >= 0; i-- {
		if len(c.Messages[i].Cards) > 0 {
			return c.Messages[i].Cards
		}
	}
	return nil
}
