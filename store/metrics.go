package store

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// PendingJobs counts the outbox's jobs that are not done yet, by kind: due,
// leased or waiting for their time. It is read when the metrics are
// scraped, so it is one pass over the jobs that are not done, grouped in
// the database, and reads no payload.
func (s *Store) PendingJobs(ctx context.Context) (map[string]int, error) {
	cur, err := s.db.Collection(colJobs).Aggregate(ctx, bson.A{
		bson.D{{Key: "$match", Value: bson.D{{Key: "done", Value: false}}}},
		bson.D{{Key: "$group", Value: bson.D{{Key: "_id", Value: "$kind"}, {Key: "n", Value: bson.D{{Key: "$sum", Value: 1}}}}}},
	})
	if err != nil {
		return nil, fmt.Errorf("count pending jobs: %w", err)
	}
	var rows []struct {
		Kind string `bson:"_id"`
		N    int    `bson:"n"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, fmt.Errorf("count pending jobs: %w", err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		out[r.Kind] += r.N
	}
	return out, nil
}
