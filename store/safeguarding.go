package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/safeguarding"
)

// colCases holds safeguarding cases, one document per case.
const colCases = "safeguarding_cases"

var (
	_ bot.CaseStore      = (*Store)(nil)
	_ safeguarding.Store = (*Store)(nil)
)

// caseDoc is a safeguarding case as stored.
type caseDoc struct {
	ID             string    `bson:"_id"`
	UserID         string    `bson:"user_id"`
	ConversationID string    `bson:"conversation_id"`
	Kind           string    `bson:"kind"`
	Kinds          []string  `bson:"kinds,omitempty"`
	Messages       []string  `bson:"messages"`
	CreatedAt      time.Time `bson:"created_at"`
	Status         string    `bson:"status"`
	Version        int64     `bson:"version"`

	AcknowledgedBy string        `bson:"acknowledged_by,omitempty"`
	AcknowledgedAt *time.Time    `bson:"acknowledged_at,omitempty"`
	ClosedBy       string        `bson:"closed_by,omitempty"`
	ClosedAt       *time.Time    `bson:"closed_at,omitempty"`
	Outcome        string        `bson:"outcome,omitempty"`
	Notes          []caseNoteDoc `bson:"notes"`
}

type caseNoteDoc struct {
	AuthorID string    `bson:"author_id"`
	At       time.Time `bson:"at"`
	Text     string    `bson:"text"`
}

func (d caseDoc) safeguardingCase() safeguarding.Case {
	c := safeguarding.Case{ID: d.ID, UserID: d.UserID, ConversationID: d.ConversationID, Kind: d.Kind, Kinds: d.Kinds,
		Messages: d.Messages, CreatedAt: d.CreatedAt, Status: d.Status, Version: d.Version,
		AcknowledgedBy: d.AcknowledgedBy, AcknowledgedAt: d.AcknowledgedAt, ClosedBy: d.ClosedBy, ClosedAt: d.ClosedAt,
		Outcome: d.Outcome, Notes: make([]safeguarding.CaseNote, len(d.Notes))}
	for i, n := range d.Notes {
		c.Notes[i] = safeguarding.CaseNote(n)
	}
	return c
}

func toCaseDoc(c safeguarding.Case) caseDoc {
	d := caseDoc{ID: c.ID, UserID: c.UserID, ConversationID: c.ConversationID, Kind: c.Kind, Kinds: c.Kinds,
		Messages: c.Messages, CreatedAt: c.CreatedAt, Status: c.Status, Version: c.Version,
		AcknowledgedBy: c.AcknowledgedBy, AcknowledgedAt: c.AcknowledgedAt, ClosedBy: c.ClosedBy, ClosedAt: c.ClosedAt,
		Outcome: c.Outcome, Notes: make([]caseNoteDoc, len(c.Notes))}
	if d.Messages == nil {
		d.Messages = []string{}
	}
	for i, n := range c.Notes {
		d.Notes[i] = caseNoteDoc(n)
	}
	return d
}

// translateCases maps driver errors onto the safeguarding domain's sentinels.
func translateCases(err error) error {
	return translateTo(err, safeguarding.ErrNotFound, safeguarding.ErrConflict)
}

// OpenCase stores the case the conversation raised as an open case. Opening
// a case whose id is stored already changes nothing, so a retried turn
// cannot open it twice.
func (s *Store) OpenCase(ctx context.Context, sc bot.SafeguardingCase) error {
	c := safeguarding.Case{ID: sc.ID, UserID: sc.UserID, ConversationID: sc.ConversationID, Kind: sc.Kind,
		Kinds: sc.Kinds, Messages: sc.Messages, CreatedAt: sc.CreatedAt, Status: safeguarding.StatusOpen, Version: 1}
	if _, err := s.insertOne(ctx, colCases, toCaseDoc(c)); err != nil {
		if err = translateCases(err); errors.Is(err, safeguarding.ErrConflict) {
			return nil
		}
		return fmt.Errorf("open safeguarding case: %w", err)
	}
	return nil
}

// Case loads one case by id.
func (s *Store) Case(ctx context.Context, id string) (safeguarding.Case, error) {
	var d caseDoc
	if err := s.db.Collection(colCases).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return safeguarding.Case{}, fmt.Errorf("load safeguarding case: %w", translateCases(err))
	}
	return d.safeguardingCase(), nil
}

// Cases lists the cases with the given status (all for ""), newest first.
// It scans the collection, which stays small and is read only by staff.
func (s *Store) Cases(ctx context.Context, status string) ([]safeguarding.Case, error) {
	filter := bson.D{}
	if status != "" {
		filter = bson.D{{Key: "status", Value: status}}
	}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}})
	cur, err := s.db.Collection(colCases).Find(ctx, filter, opts)
	if err != nil {
		return nil, fmt.Errorf("list safeguarding cases: %w", translateCases(err))
	}
	var docs []caseDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list safeguarding cases: %w", translateCases(err))
	}
	cases := make([]safeguarding.Case, len(docs))
	for i, d := range docs {
		cases[i] = d.safeguardingCase()
	}
	return cases, nil
}

// UpdateCase loads the case, lets fn change it, and saves it if nobody else
// changed it meanwhile, retrying on a conflict. fn returning an error leaves
// the case unchanged; safeguarding.ErrUnchanged writes nothing and succeeds.
func (s *Store) UpdateCase(ctx context.Context, id string, fn func(*safeguarding.Case) error) (safeguarding.Case, error) {
	unlock := s.lock(colCases, id)
	defer unlock()
	for range maxConflictRetries {
		c, err := s.Case(ctx, id)
		if err != nil {
			return safeguarding.Case{}, err
		}
		version := c.Version
		if err := fn(&c); err != nil {
			if errors.Is(err, safeguarding.ErrUnchanged) {
				return c, nil
			}
			return safeguarding.Case{}, err
		}
		c.Version = version + 1
		res, err := s.replaceOne(ctx, colCases, s.versioned(id, version), toCaseDoc(c))
		if err != nil {
			return safeguarding.Case{}, fmt.Errorf("save safeguarding case: %w", translateCases(err))
		}
		if res.MatchedCount == 1 {
			return c, nil
		}
	}
	return safeguarding.Case{}, fmt.Errorf("save safeguarding case %s: %w", id, safeguarding.ErrConflict)
}
