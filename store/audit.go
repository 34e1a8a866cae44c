package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// colAudit records who read or changed sensitive records.
const colAudit = "audit_log"

// AuditEntry says who did what to which records, and when. It holds ids
// only — never what the records say — so the log itself is not sensitive.
type AuditEntry struct {
	// ID is assigned by Audit. It sorts in the order this process wrote
	// the entries, which breaks ties between entries of the same instant.
	ID        string    `bson:"_id"`
	At        time.Time `bson:"at"`
	ActorID   string    `bson:"actor_id"`
	ActorRole string    `bson:"actor_role"`
	Action    string    `bson:"action"`
	CaseIDs   []string  `bson:"case_ids"`
}

// Audit appends an entry to the audit log.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	e.ID = bson.NewObjectID().Hex()
	if e.CaseIDs == nil {
		e.CaseIDs = []string{}
	}
	if _, err := s.insertOne(ctx, colAudit, e); err != nil {
		return fmt.Errorf("write audit log: %w", translate(err))
	}
	return nil
}

// AuditLog returns the latest entries, newest first. It scans the log,
// which only administrators read.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]AuditEntry, error) {
	opts := options.Find().SetSort(bson.D{{Key: "at", Value: -1}, {Key: "_id", Value: -1}}).SetLimit(int64(limit))
	cur, err := s.db.Collection(colAudit).Find(ctx, bson.D{}, opts)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", translate(err))
	}
	entries := []AuditEntry{}
	if err := cur.All(ctx, &entries); err != nil {
		return nil, fmt.Errorf("read audit log: %w", translate(err))
	}
	return entries, nil
}
