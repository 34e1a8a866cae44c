package store

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
)

// Organisation is catalog.Organisation, kept under this name for callers
// written before the catalog owned it; new code names catalog.Organisation.
type Organisation = catalog.Organisation

// organisationDoc is a volunteering organisation as stored.
type organisationDoc struct {
	ID           string    `bson:"_id"`
	Name         string    `bson:"name"`
	Municipality string    `bson:"municipality"`
	Description  string    `bson:"description"`
	ContactName  string    `bson:"contact_name"`
	ContactRole  string    `bson:"contact_role"`
	Sample       bool      `bson:"sample,omitempty"`
	UpdatedAt    time.Time `bson:"updated_at"`
}

func (d organisationDoc) organisation() catalog.Organisation {
	return catalog.Organisation{ID: d.ID, Name: d.Name, Municipality: d.Municipality, Description: d.Description,
		ContactName: d.ContactName, ContactRole: d.ContactRole, Sample: d.Sample}
}

func toOrganisationDoc(o catalog.Organisation, now time.Time) organisationDoc {
	return organisationDoc{ID: o.ID, Name: o.Name, Municipality: o.Municipality, Description: o.Description,
		ContactName: o.ContactName, ContactRole: o.ContactRole, Sample: o.Sample, UpdatedAt: now}
}

// translateCatalog maps driver errors onto the catalog's sentinels.
func translateCatalog(err error) error {
	return translateTo(err, catalog.ErrNotFound, catalog.ErrConflict)
}

type opportunityDoc struct {
	match.Opportunity `bson:",inline"`
	UpdatedAt         time.Time `bson:"updated_at"`
}

// SeedCatalog inserts the organisations and opportunities whose ids are not
// stored yet, so loading the sample catalog on every start is harmless and
// never overwrites an organisation's own edits. Sample opportunities that no
// organisation has edited (they are still marked as sample) are brought up
// to date when the sample changed, so an installation keeps the sample's
// ways in and translations. Several instances starting at once may race to
// insert the same ids; the loser's duplicates are simply already there.
func (s *Store) SeedCatalog(ctx context.Context, orgs []catalog.Organisation, opps []match.Opportunity, now time.Time) (int, error) {
	haveOrgs, err := s.ids(ctx, colOrganisations)
	if err != nil {
		return 0, err
	}
	var newOrgs []any
	for _, o := range orgs {
		if !haveOrgs[o.ID] {
			newOrgs = append(newOrgs, toOrganisationDoc(o, now))
		}
	}
	if err := s.insertNew(ctx, colOrganisations, newOrgs); err != nil {
		return 0, fmt.Errorf("seed organisations: %w", err)
	}
	stored, err := s.sampleOpportunities(ctx)
	if err != nil {
		return 0, err
	}
	haveOpps, err := s.ids(ctx, colOpportunities)
	if err != nil {
		return 0, err
	}
	var newOpps []any
	changed := 0
	for _, o := range opps {
		old, isSample := stored[o.ID]
		switch {
		case !haveOpps[o.ID]:
			newOpps = append(newOpps, opportunityDoc{Opportunity: o, UpdatedAt: now})
		case isSample && o.Sample && !sameDocument(old, o):
			doc := opportunityDoc{Opportunity: o, UpdatedAt: now}
			if _, err := s.replaceOne(ctx, colOpportunities, bson.D{{Key: "_id", Value: o.ID}, {Key: "sample", Value: true}}, doc); err != nil {
				return 0, fmt.Errorf("refresh sample opportunity %s: %w", o.ID, translateCatalog(err))
			}
			changed++
		}
	}
	if err := s.insertNew(ctx, colOpportunities, newOpps); err != nil {
		return 0, fmt.Errorf("seed opportunities: %w", err)
	}
	return len(newOpps) + changed, nil
}

// sameDocument reports whether two opportunities are stored alike; it
// compares their documents, as times and empty lists come back from the
// database in their own form.
func sameDocument(a, b match.Opportunity) bool {
	x, errA := bson.Marshal(a)
	y, errB := bson.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(x, y)
}

// insertNew inserts documents, leaving any whose id another instance
// stored meanwhile.
func (s *Store) insertNew(ctx context.Context, col string, docs []any) error {
	if len(docs) == 0 {
		return nil
	}
	defer s.serialise()()
	_, err := s.db.Collection(col).InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
	if err != nil && !mongo.IsDuplicateKeyError(err) {
		return translateCatalog(err)
	}
	return nil
}

// sampleOpportunities returns the stored opportunities still marked as
// sample, by id, as the catalog would load them.
func (s *Store) sampleOpportunities(ctx context.Context) (map[string]match.Opportunity, error) {
	cur, err := s.db.Collection(colOpportunities).Find(ctx, bson.D{{Key: "sample", Value: true}})
	if err != nil {
		return nil, fmt.Errorf("list sample opportunities: %w", translateCatalog(err))
	}
	var docs []opportunityDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list sample opportunities: %w", translateCatalog(err))
	}
	out := make(map[string]match.Opportunity, len(docs))
	for _, d := range docs {
		out[d.ID] = d.Opportunity
	}
	return out, nil
}

func (s *Store) ids(ctx context.Context, col string) (map[string]bool, error) {
	cur, err := s.db.Collection(col).Find(ctx, bson.D{}, findIDsOnly)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", col, translateCatalog(err))
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, fmt.Errorf("list %s: %w", col, translateCatalog(err))
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
		return nil, fmt.Errorf("list opportunities: %w", translateCatalog(err))
	}
	var docs []opportunityDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list opportunities: %w", translateCatalog(err))
	}
	out := make([]match.Opportunity, len(docs))
	for i, d := range docs {
		out[i] = d.Opportunity
	}
	return out, nil
}
