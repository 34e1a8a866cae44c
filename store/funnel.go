package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/brobygger/brobygger/funnel"
)

// colFunnelEvents holds the bridge funnel's events: no text, no user or
// conversation id, so erasure leaves them be.
const colFunnelEvents = "funnel_events"

type funnelEventDoc struct {
	ID           string    `bson:"_id"`
	Key          string    `bson:"key"`
	Stage        string    `bson:"stage"`
	At           time.Time `bson:"at"`
	Municipality string    `bson:"municipality,omitempty"`
	AgeBand      string    `bson:"age_band,omitempty"`
	OrgID        string    `bson:"org_id,omitempty"`
	ClassID      string    `bson:"class_id,omitempty"`
}

// RecordFunnelEvent stores e unless an event with its ID exists.
func (s *Store) RecordFunnelEvent(ctx context.Context, e funnel.Event) error {
	_, err := s.insertOne(ctx, colFunnelEvents, funnelEventDoc(e))
	if mongo.IsDuplicateKeyError(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("record funnel event: %w", translate(err))
	}
	return nil
}

// FunnelEvents lists the events at or after since.
func (s *Store) FunnelEvents(ctx context.Context, since time.Time) ([]funnel.Event, error) {
	filter := bson.D{}
	if !since.IsZero() {
		filter = bson.D{{Key: "at", Value: bson.D{{Key: "$gte", Value: since}}}}
	}
	cur, err := s.db.Collection(colFunnelEvents).Find(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("find funnel events: %w", translate(err))
	}
	var docs []funnelEventDoc
	if err := cur.All(ctx, &docs); err != nil && !errors.Is(err, mongo.ErrNoDocuments) {
		return nil, fmt.Errorf("find funnel events: %w", translate(err))
	}
	out := make([]funnel.Event, len(docs))
	for i, d := range docs {
		out[i] = funnel.Event(d)
	}
	return out, nil
}
