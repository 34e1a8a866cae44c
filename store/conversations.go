package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/bot"
)

// conversationDoc is a conversation as stored: the few fields we query on
// beside the engine's state and the messages.
type conversationDoc struct {
	ID        string        `bson:"_id"`
	UserID    string        `bson:"user_id"`
	Version   int64         `bson:"version"`
	CreatedAt time.Time     `bson:"created_at"`
	UpdatedAt time.Time     `bson:"updated_at"`
	State     bot.State     `bson:"state"`
	Messages  []bot.Message `bson:"messages"`
}

func toConversationDoc(c *bot.Conversation) conversationDoc {
	return conversationDoc{ID: c.ID, UserID: c.UserID, Version: c.Version, CreatedAt: c.CreatedAt,
		UpdatedAt: c.UpdatedAt, State: c.State, Messages: c.Messages}
}

func (d conversationDoc) conversation() *bot.Conversation {
	return &bot.Conversation{ID: d.ID, UserID: d.UserID, Version: d.Version, CreatedAt: d.CreatedAt,
		UpdatedAt: d.UpdatedAt, State: d.State, Messages: d.Messages}
}

// CreateConversation inserts a new conversation at version 1.
func (s *Store) CreateConversation(ctx context.Context, c *bot.Conversation) error {
	c.Version = 1
	if _, err := s.db.Collection(colConversations).InsertOne(ctx, toConversationDoc(c)); err != nil {
		return fmt.Errorf("create conversation: %w", translate(err))
	}
	return nil
}

// Conversation loads one conversation by id.
func (s *Store) Conversation(ctx context.Context, id string) (*bot.Conversation, error) {
	var d conversationDoc
	err := s.db.Collection(colConversations).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
	if err != nil {
		return nil, fmt.Errorf("load conversation: %w", translate(err))
	}
	return d.conversation(), nil
}

// ConversationByUser loads the user's most recent conversation.
func (s *Store) ConversationByUser(ctx context.Context, userID string) (*bot.Conversation, error) {
	var d conversationDoc
	opts := options.FindOne().SetSort(bson.D{{Key: "created_at", Value: -1}})
	err := s.db.Collection(colConversations).FindOne(ctx, bson.D{{Key: "user_id", Value: userID}}, opts).Decode(&d)
	if err != nil {
		return nil, fmt.Errorf("load conversation of user: %w", translate(err))
	}
	return d.conversation(), nil
}

// maxConflictRetries bounds how often an update by closure is retried when
// another writer got there first.
const maxConflictRetries = 10

// UpdateConversation loads the conversation, lets fn change it, and saves it
// if nobody else changed it meanwhile; on a conflict it reloads and calls fn
// again. fn returning an error leaves the conversation unchanged. When fn
// returns bot.ErrUnchanged nothing is written and the call succeeds.
func (s *Store) UpdateConversation(ctx context.Context, id string, fn func(*bot.Conversation) error) (*bot.Conversation, error) {
	unlock := s.lock(colConversations, id)
	defer unlock()
	for range maxConflictRetries {
		c, err := s.Conversation(ctx, id)
		if err != nil {
			return nil, err
		}
		version := c.Version
		if err := fn(c); err != nil {
			if errors.Is(err, bot.ErrUnchanged) {
				return c, nil
			}
			return nil, err
		}
		c.Version = version + 1
		res, err := s.db.Collection(colConversations).ReplaceOne(ctx,
			bson.D{{Key: "_id", Value: id}, {Key: "version", Value: version}}, toConversationDoc(c))
		if err != nil {
			return nil, fmt.Errorf("save conversation: %w", translate(err))
		}
		if res.MatchedCount == 1 {
			return c, nil
		}
	}
	return nil, fmt.Errorf("save conversation %s: %w", id, bot.ErrConflict)
}
