package store

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/safeguarding"
)

// The young person's data export needs two reads no other path makes: the
// leads they joined as a friend, and the safeguarding cases about them.

// LeadsJoinedBy lists the leads userID joined as a friend with an invite
// code, newest first. It scans by friend_ids, as erasure does.
func (s *Store) LeadsJoinedBy(ctx context.Context, userID string) ([]leads.Lead, error) {
	return s.findLeads(ctx, bson.D{{Key: "friend_ids", Value: userID}}, options.Find().SetSort(newestFirst))
}

// CasesAbout lists the safeguarding cases raised about userID, newest
// first, whole: the caller decides what of them to show.
func (s *Store) CasesAbout(ctx context.Context, userID string) ([]safeguarding.Case, error) {
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}})
	cur, err := s.db.Collection(colCases).Find(ctx, bson.D{{Key: "user_id", Value: userID}}, opts)
	if err != nil {
		return nil, fmt.Errorf("list safeguarding cases about a user: %w", translateCases(err))
	}
	var docs []caseDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list safeguarding cases about a user: %w", translateCases(err))
	}
	cases := make([]safeguarding.Case, len(docs))
	for i, d := range docs {
		cases[i] = d.safeguardingCase()
	}
	return cases, nil
}
