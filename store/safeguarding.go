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

// colCases holds safeguarding cases, one document per case.
const colCases = "safeguarding_cases"

// Case statuses: a case is opened by the bot, acknowledged by a
// safeguarding officer, and closed with an outcome.
const (
	CaseOpen         = "open"
	CaseAcknowledged = "acknowledged"
	CaseClosed       = "closed"
)

// ErrCaseStatus means the case's status does not allow the change, such as
// closing a case nobody has acknowledged.
var ErrCaseStatus = errors.New("the case's status does not allow this")

// Case is a safeguarding case: what the bot saw, and what people did about
// it. It names the young person only by their pseudonymous user id.
type Case struct {
	ID             string `bson:"_id"`
	UserID         string `bson:"user_id"`
	ConversationID string `bson:"conversation_id"`
	Kind           string `bson:"kind"`
	// Kinds are every kind the disclosure showed; Kind is the first.
	Kinds     []string  `bson:"kinds,omitempty"`
	Messages  []string  `bson:"messages"`
	CreatedAt time.Time `bson:"created_at"`
	Status    string    `bson:"status"`
	Version   int64     `bson:"version"`

	AcknowledgedBy string     `bson:"acknowledged_by,omitempty"`
	AcknowledgedAt *time.Time `bson:"acknowledged_at,omitempty"`
	ClosedBy       string     `bson:"closed_by,omitempty"`
	ClosedAt       *time.Time `bson:"closed_at,omitempty"`
	Outcome        string     `bson:"outcome,omitempty"`
	Notes          []CaseNote `bson:"notes"`
}

// CaseNote is something a staff member wrote on a case.
type CaseNote struct {
	AuthorID string    `bson:"author_id"`
	At       time.Time `bson:"at"`
	Text     string    `bson:"text"`
}

// Acknowledge records that a safeguarding officer has taken the case on.
// Acknowledging it again by the same person changes nothing, so a retried
// request succeeds.
func (c *Case) Acknowledge(staffID string, at time.Time) error {
	switch {
	case c.Status == CaseAcknowledged && c.AcknowledgedBy == staffID:
		return bot.ErrUnchanged
	case c.Status != CaseOpen:
		return fmt.Errorf("acknowledge %s case %s: %w", c.Status, c.ID, ErrCaseStatus)
	}
	c.Status, c.AcknowledgedBy, c.AcknowledgedAt = CaseAcknowledged, staffID, &at
	return nil
}

// AddNote appends a note. Notes are allowed on closed cases too: what the
// municipality answered often comes after the case is closed.
func (c *Case) AddNote(staffID, text string, at time.Time) {
	c.Notes = append(c.Notes, CaseNote{AuthorID: staffID, At: at, Text: text})
}

// Close ends an acknowledged case with its outcome. Closing it again with
// the same outcome by the same person changes nothing.
func (c *Case) Close(staffID, outcome string, at time.Time) error {
	switch {
	case c.Status == CaseClosed && c.ClosedBy == staffID && c.Outcome == outcome:
		return bot.ErrUnchanged
	case c.Status != CaseAcknowledged:
		return fmt.Errorf("close %s case %s: %w", c.Status, c.ID, ErrCaseStatus)
	}
	c.Status, c.ClosedBy, c.ClosedAt, c.Outcome = CaseClosed, staffID, &at, outcome
	return nil
}

var _ bot.CaseStore = (*Store)(nil)

// OpenCase stores a new case as open. Opening a case whose id is stored
// already changes nothing, so a retried turn cannot open it twice.
func (s *Store) OpenCase(ctx context.Context, sc bot.SafeguardingCase) error {
	c := Case{ID: sc.ID, UserID: sc.UserID, ConversationID: sc.ConversationID, Kind: sc.Kind,
		Kinds: sc.Kinds, Messages: sc.Messages, CreatedAt: sc.CreatedAt, Status: CaseOpen, Version: 1, Notes: []CaseNote{}}
	if c.Messages == nil {
		c.Messages = []string{}
	}
	if _, err := s.insertOne(ctx, colCases, c); err != nil {
		if err = translate(err); errors.Is(err, bot.ErrConflict) {
			return nil
		}
		return fmt.Errorf("open safeguarding case: %w", err)
	}
	return nil
}

// Case loads one case by id.
func (s *Store) Case(ctx context.Context, id string) (Case, error) {
	var c Case
	if err := s.db.Collection(colCases).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&c); err != nil {
		return Case{}, fmt.Errorf("load safeguarding case: %w", translate(err))
	}
	return c, nil
}

// Cases lists the cases with the given status (all for ""), newest first.
// It scans the collection, which stays small and is read only by staff.
func (s *Store) Cases(ctx context.Context, status string) ([]Case, error) {
	filter := bson.D{}
	if status != "" {
		filter = bson.D{{Key: "status", Value: status}}
	}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}})
	cur, err := s.db.Collection(colCases).Find(ctx, filter, opts)
	if err != nil {
		return nil, fmt.Errorf("list safeguarding cases: %w", translate(err))
	}
	cases := []Case{}
	if err := cur.All(ctx, &cases); err != nil {
		return nil, fmt.Errorf("list safeguarding cases: %w", translate(err))
	}
	return cases, nil
}

// UpdateCase loads the case, lets fn change it, and saves it if nobody else
// changed it meanwhile, retrying on a conflict. fn returning an error leaves
// the case unchanged; bot.ErrUnchanged writes nothing and succeeds.
func (s *Store) UpdateCase(ctx context.Context, id string, fn func(*Case) error) (Case, error) {
	unlock := s.lock(colCases, id)
	defer unlock()
	for range maxConflictRetries {
		c, err := s.Case(ctx, id)
		if err != nil {
			return Case{}, err
		}
		version := c.Version
		if err := fn(&c); err != nil {
			if errors.Is(err, bot.ErrUnchanged) {
				return c, nil
			}
			return Case{}, err
		}
		c.Version = version + 1
		res, err := s.replaceOne(ctx, colCases, s.versioned(id, version), c)
		if err != nil {
			return Case{}, fmt.Errorf("save safeguarding case: %w", translate(err))
		}
		if res.MatchedCount == 1 {
			return c, nil
		}
	}
	return Case{}, fmt.Errorf("save safeguarding case %s: %w", id, bot.ErrConflict)
}
