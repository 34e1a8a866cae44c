package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
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
	Archived  int           `bson:"archived"`
}

// messagePage is a run of older messages moved out of a conversation.
type messagePage struct {
	ID             string        `bson:"_id"`
	ConversationID string        `bson:"conversation_id"`
	Messages       []bot.Message `bson:"messages"`
}

// The embedded database reads and writes a document in time that grows with
// its size, so a conversation keeps at most windowMax messages and moves the
// oldest pageSize at a time into pages. Page n holds messages n*pageSize+1 …
// (n+1)*pageSize, so rewriting a page after a crash writes the same thing.
const (
	windowMax = 12
	pageSize  = 8
)

func pageID(conv string, n int) string { return fmt.Sprintf("%s/%06d", conv, n) }

func toConversationDoc(c *bot.Conversation) conversationDoc {
	return conversationDoc{ID: c.ID, UserID: c.UserID, Version: c.Version, CreatedAt: c.CreatedAt,
		UpdatedAt: c.UpdatedAt, State: c.State, Messages: c.Messages, Archived: c.Archived}
}

func (d conversationDoc) conversation() *bot.Conversation {
	return &bot.Conversation{ID: d.ID, UserID: d.UserID, Version: d.Version, CreatedAt: d.CreatedAt,
		UpdatedAt: d.UpdatedAt, State: d.State, Messages: d.Messages, Archived: d.Archived}
}

// CreateConversation inserts a new conversation at version 1 and makes it
// the user's current one.
func (s *Store) CreateConversation(ctx context.Context, c *bot.Conversation) error {
	c.Version = 1
	if _, err := s.insertOne(ctx, colConversations, toConversationDoc(c)); err != nil {
		return fmt.Errorf("create conversation: %w", translate(err))
	}
	unlock := s.lock(colUsers, c.UserID)
	defer unlock()
	_, err := s.updateOne(ctx, colUsers, bson.D{{Key: "_id", Value: c.UserID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "conversation_id", Value: c.ID}}}})
	if err != nil {
		return fmt.Errorf("link conversation to user: %w", translate(err))
	}
	return nil
}

// Conversation loads one conversation by id.
func (s *Store) Conversation(ctx context.Context, id string) (*bot.Conversation, error) {
	var d conversationDoc
	if err := s.findByID(ctx, colConversations, id, &d); err != nil {
		return nil, fmt.Errorf("load conversation: %w", translate(err))
	}
	return d.conversation(), nil
}

// ConversationByUser loads the user's current conversation. It goes through
// the user document so both reads are _id lookups, the only filter the
// embedded database answers without scanning the collection.
func (s *Store) ConversationByUser(ctx context.Context, userID string) (*bot.Conversation, error) {
	u, err := s.userDoc(ctx, userID)
	if err != nil {
		return nil, fmt.Errorf("load user: %w", translate(err))
	}
	if u.ConversationID == "" {
		return nil, fmt.Errorf("user %s has no conversation: %w", userID, bot.ErrNotFound)
	}
	return s.Conversation(ctx, u.ConversationID)
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
		if err := s.archive(ctx, c); err != nil {
			return nil, err
		}
		res, err := s.saveConversation(ctx, id, version, toConversationDoc(c))
		if err != nil {
			return nil, fmt.Errorf("save conversation: %w", translate(err))
		}
		if res.MatchedCount == 1 {
			return c, nil
		}
	}
	return nil, fmt.Errorf("save conversation %s: %w", id, bot.ErrConflict)
}

// saveConversation replaces the conversation if it is still at version.
// In embedded mode the per-document lock is what holds the version, and the
// saved document is kept in the cache.
func (s *Store) saveConversation(ctx context.Context, id string, version int64, d conversationDoc) (*mongo.UpdateResult, error) {
	if s.embedded {
		return s.replaceByID(ctx, colConversations, id, d)
	}
	return s.replaceOne(ctx, colConversations, s.versioned(id, version), d)
}

// versioned is the filter for an optimistic update. The embedded database
// scans the whole collection for any filter but a lone _id, and cannot be
// trusted with the version check anyway; there the per-document lock is
// what keeps the update safe.
func (s *Store) versioned(id string, version int64) bson.D {
	if s.embedded {
		return bson.D{{Key: "_id", Value: id}}
	}
	return bson.D{{Key: "_id", Value: id}, {Key: "version", Value: version}}
}

// archive moves the oldest messages into pages while the conversation holds
// more than windowMax, and deletes the pages when asked to drop history.
func (s *Store) archive(ctx context.Context, c *bot.Conversation) error {
	if c.DropHistory {
		for n := range c.Archived / pageSize {
			if _, err := s.deleteOne(ctx, colMessagePages, bson.D{{Key: "_id", Value: pageID(c.ID, n)}}); err != nil {
				return fmt.Errorf("drop message history: %w", translate(err))
			}
		}
		c.Archived, c.DropHistory = 0, false
	}
	for len(c.Messages) > windowMax {
		p := messagePage{ID: pageID(c.ID, c.Archived/pageSize), ConversationID: c.ID, Messages: c.Messages[:pageSize]}
		// A retry of a message that left the latest ones is answered from
		// the archive through its key, kept before the page is written.
		if err := s.keepClientMessageKeys(ctx, clientMessageKeys(c.ID, p.Messages, c.Messages)); err != nil {
			return err
		}
		_, err := s.replaceOne(ctx, colMessagePages, bson.D{{Key: "_id", Value: p.ID}}, p, options.Replace().SetUpsert(true))
		if err != nil {
			return fmt.Errorf("archive messages: %w", translate(err))
		}
		c.Messages = c.Messages[pageSize:]
		c.Archived += pageSize
	}
	return nil
}

// History returns every message of the conversation: the archived pages,
// each read by _id, then the latest messages.
func (s *Store) History(ctx context.Context, c *bot.Conversation) ([]bot.Message, error) {
	all := make([]bot.Message, 0, c.Archived+len(c.Messages))
	for n := range c.Archived / pageSize {
		var p messagePage
		err := s.db.Collection(colMessagePages).FindOne(ctx, bson.D{{Key: "_id", Value: pageID(c.ID, n)}}).Decode(&p)
		if err != nil {
			return nil, fmt.Errorf("load message page %d: %w", n, translate(err))
		}
		all = append(all, p.Messages...)
	}
	return append(all, c.Messages...), nil
}

// ConversationsWithPendingCases lists conversations holding safeguarding
// cases that are not stored for staff yet.
func (s *Store) ConversationsWithPendingCases(ctx context.Context) ([]string, error) {
	return s.conversationsWithPending(ctx, "pending_cases")
}

// ConversationsWithPendingLeads lists conversations holding warm leads that
// are not sent to the organisation yet.
func (s *Store) ConversationsWithPendingLeads(ctx context.Context) ([]string, error) {
	return s.conversationsWithPending(ctx, "pending_leads")
}

// conversationsWithPending lists conversations whose state holds a
// non-empty outbox list. Only those documents come back, and only their ids.
func (s *Store) conversationsWithPending(ctx context.Context, field string) ([]string, error) {
	filter := bson.D{{Key: "state." + field + ".0", Value: bson.D{{Key: "$exists", Value: true}}}}
	cur, err := s.db.Collection(colConversations).Find(ctx, filter, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", field, translate(err))
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, fmt.Errorf("find %s: %w", field, translate(err))
	}
	ids := make([]string, 0, len(rows))
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids, nil
}

var _ bot.ClientMessages = (*Store)(nil)

// colClientMessages keeps every answered client message id for good, one
// document per id, so a retry however old is answered from history and
// never stored twice; the conversation itself keeps only the latest ids.
const colClientMessages = "client_messages"

// clientMessageDoc is a client message's key as stored. Its _id is a hash of
// the conversation and the client id: found by one _id lookup, and naming
// neither, so a key outliving its conversation (erased, or forgotten by
// "start forfra") points at nobody. It holds no text, only message ids.
type clientMessageDoc struct {
	ID        string   `bson:"_id"`
	MessageID string   `bson:"message_id"`
	ReplyIDs  []string `bson:"reply_ids"`
}

func clientMessageKey(conversationID, clientMessageID string) string {
	sum := sha256.Sum256([]byte(conversationID + "\x00" + clientMessageID))
	return hex.EncodeToString(sum[:])
}

// clientMessageKeys are the keys of the user messages in page: each names
// its message and the bot's messages after it, up to the next user message,
// found in msgs (the page and the messages after it).
func clientMessageKeys(convID string, page, msgs []bot.Message) []any {
	var keys []any
	for i, m := range page {
		if m.From != bot.FromUser || m.ClientMessageID == "" {
			continue
		}
		d := clientMessageDoc{ID: clientMessageKey(convID, m.ClientMessageID), MessageID: m.ID, ReplyIDs: []string{}}
		for _, r := range msgs[i+1:] {
			if r.From == bot.FromUser {
				break
			}
			d.ReplyIDs = append(d.ReplyIDs, r.ID)
		}
		keys = append(keys, d)
	}
	return keys
}

// keepClientMessageKeys stores keys; one kept before is left as it is,
// since it names the first answer.
func (s *Store) keepClientMessageKeys(ctx context.Context, keys []any) error {
	if len(keys) == 0 {
		return nil
	}
	_, err := s.insertMany(ctx, colClientMessages, keys, options.InsertMany().SetOrdered(false))
	if err = withoutDuplicates(err); err != nil {
		return fmt.Errorf("keep client message keys: %w", translate(err))
	}
	return nil
}

// withoutDuplicates drops duplicate keys from an unordered insert's error:
// those keys were kept before, which is what was asked.
func withoutDuplicates(err error) error {
	var bwe mongo.BulkWriteException
	if !errors.As(err, &bwe) || bwe.WriteConcernError != nil {
		return err
	}
	for _, we := range bwe.WriteErrors {
		if we.Code != 11000 {
			return err
		}
	}
	return nil
}

// ClientMessage finds the key of a client message id in a conversation; one
// never answered is bot.ErrNotFound.
func (s *Store) ClientMessage(ctx context.Context, conversationID, clientMessageID string) (bot.ClientMessage, error) {
	var d clientMessageDoc
	err := s.db.Collection(colClientMessages).FindOne(ctx, bson.D{{Key: "_id", Value: clientMessageKey(conversationID, clientMessageID)}}).Decode(&d)
	if err != nil {
		return bot.ClientMessage{}, fmt.Errorf("load client message: %w", translate(err))
	}
	return bot.ClientMessage{ConversationID: conversationID, ClientMessageID: clientMessageID, MessageID: d.MessageID, ReplyIDs: d.ReplyIDs}, nil
}
