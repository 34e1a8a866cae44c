package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/safeguarding"
)

// colAudit records who read or changed sensitive records.
const colAudit = "audit_log"

// auditDoc is an entry of the audit log as stored.
type auditDoc struct {
	ID        string    `bson:"_id"`
	At        time.Time `bson:"at"`
	ActorID   string    `bson:"actor_id"`
	ActorRole string    `bson:"actor_role"`
	Action    string    `bson:"action"`
	CaseIDs   []string  `bson:"case_ids"`
}

// Audit appends an entry to the audit log, naming it with an id that sorts
// in the order this process wrote the entries.
func (s *Store) Audit(ctx context.Context, e safeguarding.AuditEntry) error {
	e.ID = bson.NewObjectID().Hex()
	if e.CaseIDs == nil {
		e.CaseIDs = []string{}
	}
	if _, err := s.insertOne(ctx, colAudit, auditDoc(e)); err != nil {
		return fmt.Errorf("write audit log: %w", translateCases(err))
	}
	return nil
}

// AuditLog returns the latest entries, newest first. It scans the log,
// which only administrators read.
func (s *Store) AuditLog(ctx context.Context, limit int) ([]safeguarding.AuditEntry, error) {
	opts := options.Find().SetSort(bson.D{{Key: "at", Value: -1}, {Key: "_id", Value: -1}}).SetLimit(int64(limit))
	cur, err := s.db.Collection(colAudit).Find(ctx, bson.D{}, opts)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", translateCases(err))
	}
	var docs []auditDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("read audit log: %w", translateCases(err))
	}
	entries := make([]safeguarding.AuditEntry, len(docs))
	for i, d := range docs {
		entries[i] = safeguarding.AuditEntry(d)
	}
	return entries, nil
}
