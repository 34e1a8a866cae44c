package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/leads"
)

// colFollowUpSettings holds each young person's choice about check-ins, by
// user id; a young person without a document has them on.
const colFollowUpSettings = "followup_settings"

type followUpSettingsDoc struct {
	UserID    string    `bson:"_id"`
	Enabled   bool      `bson:"enabled"`
	UpdatedAt time.Time `bson:"updated_at"`
}

// FollowUpsEnabled reports whether the young person wants check-ins.
func (s *Store) FollowUpsEnabled(ctx context.Context, userID string) (bool, error) {
	var d followUpSettingsDoc
	err := s.db.Collection(colFollowUpSettings).FindOne(ctx, bson.D{{Key: "_id", Value: userID}}).Decode(&d)
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return true, nil
	case err != nil:
		return false, fmt.Errorf("load follow-up settings: %w", translate(err))
	}
	return d.Enabled, nil
}

// SetFollowUpsEnabled turns the young person's check-ins on or off.
func (s *Store) SetFollowUpsEnabled(ctx context.Context, userID string, enabled bool, now time.Time) error {
	_, err := s.replaceOne(ctx, colFollowUpSettings, bson.D{{Key: "_id", Value: userID}},
		followUpSettingsDoc{UserID: userID, Enabled: enabled, UpdatedAt: now}, options.Replace().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("save follow-up settings: %w", translate(err))
	}
	return nil
}

// PendingJobsOf lists the young person's jobs of one kind that are not
// done yet, soonest first.
func (s *Store) PendingJobsOf(ctx context.Context, kind, userID string) ([]leads.Job, error) {
	cur, err := s.db.Collection(colJobs).Find(ctx, bson.D{{Key: "kind", Value: kind},
		{Key: "payload.user_id", Value: userID}, {Key: "done", Value: false}},
		options.Find().SetSort(bson.D{{Key: "due_at", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("find pending jobs: %w", translateLeads(err))
	}
	var docs []jobDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("find pending jobs: %w", translateLeads(err))
	}
	out := make([]leads.Job, len(docs))
	for i, d := range docs {
		out[i] = leads.Job(d)
	}
	return out, nil
}

// eraseFollowUpsOf deletes the young person's check-in choice and every job
// that names them.
func (s *Store) eraseFollowUpsOf(ctx context.Context, userID string) error {
	if _, err := s.deleteOne(ctx, colFollowUpSettings, bson.D{{Key: "_id", Value: userID}}); err != nil {
		return fmt.Errorf("erase follow-up settings: %w", translate(err))
	}
	if _, err := s.deleteMany(ctx, colJobs, bson.D{{Key: "payload.user_id", Value: userID}}); err != nil {
		return fmt.Errorf("erase jobs: %w", translateLeads(err))
	}
	return nil
}
