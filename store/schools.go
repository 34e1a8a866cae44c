package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/schools"
)

// Class sessions live in their own collection; each join code is a document
// of its own whose _id is the code, so finding a session by code is one _id
// lookup and the database itself keeps codes unique.
const (
	colSessions   = "class_sessions"
	colClassCodes = "class_codes"
)

type sessionSnapshotCount struct {
	ID    string `bson:"id"`
	Count *int   `bson:"count"`
}

type sessionSnapshot struct {
	AsOf         time.Time              `bson:"as_of"`
	Joined       *int                   `bson:"joined"`
	Suggested    *int                   `bson:"suggested"`
	Chose        *int                   `bson:"chose"`
	Interests    []sessionSnapshotCount `bson:"interests"`
	Times        []sessionSnapshotCount `bson:"times"`
	Size         int                    `bson:"size"`
	TopInterests []string               `bson:"top_interests"`
	Age          int                    `bson:"age"`
	Postcode     string                 `bson:"postcode"`
}

type classSessionDoc struct {
	ID            string           `bson:"_id"`
	FacilitatorID string           `bson:"facilitator_id"`
	Title         string           `bson:"title"`
	StartsAt      *time.Time       `bson:"starts_at"`
	Postcode      string           `bson:"postcode"`
	ClassSize     int              `bson:"class_size"`
	JoinCode      string           `bson:"join_code"`
	CreatedAt     time.Time        `bson:"created_at"`
	ExpiresAt     time.Time        `bson:"expires_at"`
	Members       []string         `bson:"members"`
	Snapshot      *sessionSnapshot `bson:"snapshot"`
	Version       int64            `bson:"version"`
}

type classCodeDoc struct {
	Code      string `bson:"_id"`
	SessionID string `bson:"session_id"`
}

func counts(cs []schools.Count) []sessionSnapshotCount {
	out := make([]sessionSnapshotCount, len(cs))
	for i, c := range cs {
		out[i] = sessionSnapshotCount(c)
	}
	return out
}

func fromCounts(cs []sessionSnapshotCount) []schools.Count {
	out := make([]schools.Count, len(cs))
	for i, c := range cs {
		out[i] = schools.Count(c)
	}
	return out
}

func toSessionDoc(s schools.Session) classSessionDoc {
	d := classSessionDoc{ID: s.ID, FacilitatorID: s.FacilitatorID, Title: s.Title, StartsAt: s.StartsAt, Postcode: s.Postcode,
		ClassSize: s.ClassSize, JoinCode: s.JoinCode, CreatedAt: s.CreatedAt, ExpiresAt: s.ExpiresAt, Members: s.Members, Version: s.Version}
	if d.Members == nil {
		d.Members = []string{}
	}
	if sn := s.Snapshot; sn != nil {
		d.Snapshot = &sessionSnapshot{AsOf: sn.AsOf, Joined: sn.Joined, Suggested: sn.Suggested, Chose: sn.Chose,
			Interests: counts(sn.Interests), Times: counts(sn.Times), Size: sn.Size, TopInterests: sn.TopInterests, Age: sn.Age, Postcode: sn.Postcode}
	}
	return d
}

func (d classSessionDoc) session() schools.Session {
	s := schools.Session{ID: d.ID, FacilitatorID: d.FacilitatorID, Title: d.Title, StartsAt: d.StartsAt, Postcode: d.Postcode,
		ClassSize: d.ClassSize, JoinCode: d.JoinCode, CreatedAt: d.CreatedAt, ExpiresAt: d.ExpiresAt, Members: d.Members, Version: d.Version}
	if sn := d.Snapshot; sn != nil {
		s.Snapshot = &schools.Summary{AsOf: sn.AsOf, Joined: sn.Joined, Suggested: sn.Suggested, Chose: sn.Chose,
			Interests: fromCounts(sn.Interests), Times: fromCounts(sn.Times), Size: sn.Size, TopInterests: sn.TopInterests, Age: sn.Age, Postcode: sn.Postcode}
	}
	return s
}

func translateSchools(err error) error {
	return translateTo(err, schools.ErrNotFound, schools.ErrConflict)
}

var _ schools.Store = (*Store)(nil)

// CreateSession stores a session after claiming its join code; a code in
// use is schools.ErrConflict.
func (s *Store) CreateSession(ctx context.Context, ses schools.Session) error {
	if _, err := s.insertOne(ctx, colClassCodes, classCodeDoc{Code: ses.JoinCode, SessionID: ses.ID}); err != nil {
		return fmt.Errorf("claim join code: %w", translateSchools(err))
	}
	ses.Version = 1
	if _, err := s.insertOne(ctx, colSessions, toSessionDoc(ses)); err != nil {
		return fmt.Errorf("create session: %w", translateSchools(err))
	}
	return nil
}

// ClassSession loads a class session by id.
func (s *Store) ClassSession(ctx context.Context, id string) (schools.Session, error) {
	var d classSessionDoc
	if err := s.db.Collection(colSessions).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return schools.Session{}, fmt.Errorf("load session: %w", translateSchools(err))
	}
	return d.session(), nil
}

// SessionByCode finds the session behind a join code.
func (s *Store) SessionByCode(ctx context.Context, code string) (schools.Session, error) {
	var c classCodeDoc
	if err := s.db.Collection(colClassCodes).FindOne(ctx, bson.D{{Key: "_id", Value: code}}).Decode(&c); err != nil {
		return schools.Session{}, fmt.Errorf("load join code: %w", translateSchools(err))
	}
	return s.ClassSession(ctx, c.SessionID)
}

// SessionsOf lists a facilitator's sessions, newest first.
func (s *Store) SessionsOf(ctx context.Context, facilitatorID string) ([]schools.Session, error) {
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}}).
		SetProjection(bson.D{{Key: "members", Value: 0}, {Key: "snapshot", Value: 0}})
	cur, err := s.db.Collection(colSessions).Find(ctx, bson.D{{Key: "facilitator_id", Value: facilitatorID}}, opts)
	if err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	var docs []classSessionDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list sessions: %w", err)
	}
	out := make([]schools.Session, len(docs))
	for i, d := range docs {
		out[i] = d.session()
	}
	return out, nil
}

// UpdateSession changes a session by closure with a version check, retried
// on conflict; in embedded mode the per-document lock serialises it, so
// thirty pupils joining at once are all counted.
func (s *Store) UpdateSession(ctx context.Context, id string, fn func(*schools.Session) error) (schools.Session, error) {
	unlock := s.lock(colSessions, id)
	defer unlock()
	for range maxConflictRetries {
		ses, err := s.ClassSession(ctx, id)
		if err != nil {
			return schools.Session{}, err
		}
		version := ses.Version
		if err := fn(&ses); err != nil {
			return schools.Session{}, err
		}
		ses.Version = version + 1
		res, err := s.replaceOne(ctx, colSessions, s.versioned(id, version), toSessionDoc(ses))
		if err != nil {
			return schools.Session{}, fmt.Errorf("save session: %w", translateSchools(err))
		}
		if res.MatchedCount == 1 {
			return ses, nil
		}
	}
	return schools.Session{}, fmt.Errorf("save session %s: %w", id, schools.ErrConflict)
}
