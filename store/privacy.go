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

// EraseUser deletes the user, their conversation with its archived messages,
// and their refresh tokens.
func (s *Store) EraseUser(ctx context.Context, userID string) error {
	u, err := s.userDoc(ctx, userID)
	if err != nil {
		return fmt.Errorf("load user: %w", translate(err))
	}
	if err := s.unbindReferrals(ctx, u.ConversationID); err != nil { // referrals.go
		return err
	}
	if u.ConversationID != "" {
		c, err := s.Conversation(ctx, u.ConversationID)
		switch {
		case errors.Is(err, bot.ErrNotFound):
		case err != nil:
			return err
		default:
			for n := range c.Archived / pageSize {
				if _, err := s.deleteOne(ctx, colMessagePages, bson.D{{Key: "_id", Value: pageID(c.ID, n)}}); err != nil {
					return fmt.Errorf("erase messages: %w", translate(err))
				}
			}
			if _, err := s.deleteOne(ctx, colConversations, bson.D{{Key: "_id", Value: c.ID}}); err != nil {
				return fmt.Errorf("erase conversation: %w", translate(err))
			}
		}
	}
	if _, err := s.deleteMany(ctx, colTokens, bson.D{{Key: "user_id", Value: userID}}); err != nil {
		return fmt.Errorf("erase tokens: %w", translate(err))
	}
	if err := s.anonymiseCases(ctx, userID); err != nil {
		return err
	}
	if err := s.EraseLeadsOf(ctx, userID); err != nil {
		return err
	}
	if err := s.ErasePushSubscriptionsOf(ctx, userID); err != nil { // push.go
		return err
	}
	if err := s.eraseFollowUpsOf(ctx, userID); err != nil { // followups.go
		return err
	}
	if err := s.eraseMailOf(ctx, userID); err != nil { // mail.go
		return err
	}
	if _, err := s.deleteOne(ctx, colUsers, bson.D{{Key: "_id", Value: userID}}); err != nil {
		return fmt.Errorf("erase user: %w", translate(err))
	}
	// Empty the write-ahead log now, so the erased words leave the files at
	// once rather than at the next periodic checkpoint. A checkpoint that
	// cannot run now (another connection is reading) changes nothing about
	// the erasure, which is done: the periodic one follows within seconds.
	_ = s.Checkpoint(ctx)
	return nil
}

// Retention says how long personal data is kept after a user's last activity.
type Retention struct {
	// MessageText is purged from conversations inactive this long.
	MessageText time.Duration
	// Profile: the conversation's profile and choices are anonymised after this long.
	Profile time.Duration
}

// SweepReport counts what a sweep did.
type SweepReport struct {
	Purged, Anonymised int
}

// Sweep enforces retention. FerretDB has no TTL indexes, so this runs from a
// ticker: conversations idle longer than MessageText lose their message
// text (the turn structure stays so the young person sees that a chat was
// there), and those idle longer than Profile also lose the profile and
// everything they chose. It scans conversations, which is fine for a job
// that runs rarely.
func (s *Store) Sweep(ctx context.Context, now time.Time, r Retention) (SweepReport, error) {
	var rep SweepReport
	cur, err := s.db.Collection(colConversations).Find(ctx, bson.D{},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "updated_at", Value: 1}}))
	if err != nil {
		return rep, fmt.Errorf("sweep: %w", translate(err))
	}
	var rows []struct {
		ID        string    `bson:"_id"`
		UpdatedAt time.Time `bson:"updated_at"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return rep, fmt.Errorf("sweep: %w", translate(err))
	}
	for _, row := range rows {
		idle := now.Sub(row.UpdatedAt)
		if idle < r.MessageText {
			continue
		}
		anonymise := r.Profile > 0 && idle >= r.Profile
		purged := false
		_, err := s.UpdateConversation(ctx, row.ID, func(c *bot.Conversation) error {
			if c.Archived > 0 {
				c.DropHistory = true
			}
			changed := c.Archived > 0
			for i := range c.Messages {
				m := &c.Messages[i]
				if m.Text != "" || m.Cards != nil || m.QuickReplies != nil {
					changed = true
				}
				m.Text, m.Cards, m.QuickReplies = "", nil, nil
			}
			if anonymise && !c.State.Profile.Empty() || anonymise && len(c.State.Chosen)+len(c.State.Rejections) > 0 {
				c.State = bot.State{Flow: c.State.Flow, Lang: c.State.Lang, Seq: c.State.Seq, Started: c.State.Started,
					PendingCases: c.State.PendingCases}
				changed = true
			}
			if !changed {
				return bot.ErrUnchanged
			}
			purged = true
			return nil
		})
		if err != nil {
			return rep, err
		}
		if purged {
			rep.Purged++
			if anonymise {
				rep.Anonymised++
			}
		}
	}
	return rep, nil
}

// DumpJSON returns every document of every collection as extended JSON, for
// audits such as proving that an erased user left nothing behind.
func (s *Store) DumpJSON(ctx context.Context) (map[string][]string, error) {
	names, err := s.db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return nil, fmt.Errorf("list collections: %w", translate(err))
	}
	out := map[string][]string{}
	for _, name := range names {
		cur, err := s.db.Collection(name).Find(ctx, bson.D{})
		if err != nil {
			return nil, fmt.Errorf("dump %s: %w", name, translate(err))
		}
		for cur.Next(ctx) {
			j, err := bson.MarshalExtJSON(cur.Current, false, false)
			if err != nil {
				cur.Close(ctx)
				return nil, err
			}
			out[name] = append(out[name], string(j))
		}
		if err := cur.Close(ctx); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// erasedMarker replaces personal data in records that others still need.
const erasedMarker = "[slettet efter ønske fra brugeren]"

// anonymiseCases keeps a safeguarding case, which staff need for the record
// of what they decided, but removes who it was about and what they wrote.
func (s *Store) anonymiseCases(ctx context.Context, userID string) error {
	cur, err := s.db.Collection(colCases).Find(ctx, bson.D{{Key: "user_id", Value: userID}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return fmt.Errorf("find cases to anonymise: %w", translate(err))
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return fmt.Errorf("find cases to anonymise: %w", translate(err))
	}
	for _, r := range rows {
		_, err := s.updateOne(ctx, colCases, bson.D{{Key: "_id", Value: r.ID}}, bson.D{{Key: "$set", Value: bson.D{
			{Key: "user_id", Value: ""}, {Key: "conversation_id", Value: ""},
			{Key: "messages", Value: []string{erasedMarker}},
		}}})
		if err != nil {
			return fmt.Errorf("anonymise case: %w", translate(err))
		}
	}
	return nil
}
