package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/brobygger/brobygger/match"
)

// Organisation is a volunteering organisation as stored.
type Organisation struct {
	ID           string    `bson:"_id"`
	Name         string    `bson:"name"`
	Municipality string    `bson:"municipality"`
	Description  string    `bson:"description"`
	ContactName  string    `bson:"contact_name"`
	ContactRole  string    `bson:"contact_role"`
	Sample       bool      `bson:"sample,omitempty"`
	UpdatedAt    time.Time `bson:"updated_at"`
}

type opportunityDoc struct {
	match.Opportunity `bson:",inline"`
	UpdatedAt         time.Time `bson:"updated_at"`
}

// SeedCatalog inserts the organisations and opportunities whose ids are not
// stored yet, so loading the sample catalog on every start is harmless and
// never overwrites an organisation's own edits.
func (s *Store) SeedCatalog(ctx context.Context, orgs []Organisation, opps []match.Opportunity, now time.Time) (int, error) {
	haveOrgs, err := s.ids(ctx, colOrganisations)
	if err != nil {
		return 0, err
	}
	var newOrgs []any
	for _, o := range orgs {
		if !haveOrgs[o.ID] {
			o.UpdatedAt = now
			newOrgs = append(newOrgs, o)
		}
	}
	if len(newOrgs) > 0 {
		if _, err := s.insertMany(ctx, colOrganisations, newOrgs); err != nil {
			return 0, fmt.Errorf("seed organisations: %w", translate(err))
		}
	}
	haveOpps, err := s.ids(ctx, colOpportunities)
	if err != nil {
		return 0, err
	}
	var newOpps []any
	for _, o := range opps {
		if !haveOpps[o.ID] {
			newOpps = append(newOpps, opportunityDoc{Opportunity: o, UpdatedAt: now})
		}
	}
	if len(newOpps) > 0 {
		if _, err := s.insertMany(ctx, colOpportunities, newOpps); err != nil {
			return 0, fmt.Errorf("seed opportunities: %w", translate(err))
		}
	}
	return len(newOpps), nil
}

func (s *Store) ids(ctx context.Context, col string) (map[string]bool, error) {
	cur, err := s.db.Collection(col).Find(ctx, bson.D{}, findIDsOnly)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", col, translate(err))
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, fmt.Errorf("list %s: %w", col, translate(err))
	}
	ids := make(map[string]bool, len(rows))
	for _, r := range rows {
		ids[r.ID] = true
	}
	return ids, nil
}

// Opportunities returns every opportunity changed after since (all when since is zero).
func (s *Store) Opportunities(ctx context.Context, since time.Time) ([]match.Opportunity, error) {
	filter := bson.D{}
	if !since.IsZero() {
		filter = bson.D{{Key: "updated_at", Value: bson.D{{Key: "$gt", Value: since}}}}
	}
	cur, err := s.db.Collection(colOpportunities).Find(ctx, filter)
	if err != nil {
		return nil, fmt.Errorf("list opportunities: %w", translate(err))
	}
	var docs []opportunityDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list opportunities: %w", translate(err))
	}
	out := make([]match.Opportunity, len(docs))
	for i, d := range docs {
		out[i] = d.Opportunity
	}
	return out, nil
}
