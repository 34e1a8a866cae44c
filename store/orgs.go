package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

// colWebhooks holds each organisation's webhook, apart from the
// organisation so that its secret is never read with it.
const colWebhooks = "org_webhooks"

// CreateOrganisation stores a new organisation named name, with an id of
// "org-" and random hex.
func (s *Store) CreateOrganisation(ctx context.Context, name string, now time.Time) (catalog.Organisation, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return catalog.Organisation{}, errors.New("create organisation: the name is empty")
	}
	o := catalog.Organisation{ID: "org-" + newID(8), Name: name}
	if _, err := s.insertOne(ctx, colOrganisations, toOrganisationDoc(o, now)); err != nil {
		return catalog.Organisation{}, fmt.Errorf("create organisation: %w", translateCatalog(err))
	}
	return o, nil
}

// Organisation loads one organisation by id; an unknown id is
// catalog.ErrNotFound.
func (s *Store) Organisation(ctx context.Context, id string) (catalog.Organisation, error) {
	var d organisationDoc
	if err := s.db.Collection(colOrganisations).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return catalog.Organisation{}, fmt.Errorf("load organisation %s: %w", id, translateCatalog(err))
	}
	return d.organisation(), nil
}

// SetWebhook sets where an organisation's lead events go, and the secret
// they are signed with; an empty secret gets a fresh one, and an empty url
// removes the webhook. The caller checks the URL (leads.CheckWebhookURL).
func (s *Store) SetWebhook(ctx context.Context, orgID, url, secret string, now time.Time) (leads.Webhook, error) {
	if _, err := s.Organisation(ctx, orgID); err != nil {
		return leads.Webhook{}, err
	}
	if url == "" {
		if _, err := s.deleteOne(ctx, colWebhooks, bson.D{{Key: "_id", Value: orgID}}); err != nil {
			return leads.Webhook{}, fmt.Errorf("remove webhook: %w", translateLeads(err))
		}
		return leads.Webhook{}, nil
	}
	if secret == "" {
		secret = leads.NewWebhookSecret()
	}
	w := leads.Webhook{OrganisationID: orgID, URL: url, Secret: secret, UpdatedAt: now}
	_, err := s.replaceOne(ctx, colWebhooks, bson.D{{Key: "_id", Value: orgID}}, webhookDoc(w), options.Replace().SetUpsert(true))
	if err != nil {
		return leads.Webhook{}, fmt.Errorf("set webhook: %w", translateLeads(err))
	}
	return w, nil
}

// Webhook loads an organisation's webhook; one without is not found.
func (s *Store) Webhook(ctx context.Context, orgID string) (leads.Webhook, error) {
	var d webhookDoc
	if err := s.db.Collection(colWebhooks).FindOne(ctx, bson.D{{Key: "_id", Value: orgID}}).Decode(&d); err != nil {
		return leads.Webhook{}, fmt.Errorf("load webhook of %s: %w", orgID, translateLeads(err))
	}
	return leads.Webhook(d), nil
}

// ErrOtherOrganisation is catalog.ErrOtherOrganisation.
var ErrOtherOrganisation = catalog.ErrOtherOrganisation

var _ catalog.Store = (*Store)(nil)

// UpsertOpportunity stores an organisation's opportunity, replacing the one
// with its id, and stamps it updated at now so the servers' catalog sync
// (Opportunities since the last sync) picks it up. An id another
// organisation uses is ErrOtherOrganisation. The caller validates o
// (catalog.Validate) before.
func (s *Store) UpsertOpportunity(ctx context.Context, o match.Opportunity, now time.Time) error {
	if o.ID == "" || o.OrganisationID == "" {
		return errors.New("upsert opportunity: id and organisation_id are required")
	}
	doc := opportunityDoc{Opportunity: o, UpdatedAt: now}
	upsert := options.Replace().SetUpsert(true)
	if !s.embedded {
		// The filter names the organisation, so another organisation's
		// document does not match and the upsert's insert hits its _id.
		_, err := s.replaceOne(ctx, colOpportunities, bson.D{{Key: "_id", Value: o.ID}, {Key: "organisation_id", Value: o.OrganisationID}}, doc, upsert)
		if err = translateCatalog(err); errors.Is(err, catalog.ErrConflict) {
			return fmt.Errorf("upsert opportunity %s: %w", o.ID, catalog.ErrOtherOrganisation)
		}
		if err != nil {
			return fmt.Errorf("upsert opportunity %s: %w", o.ID, err)
		}
		return nil
	}
	unlock := s.lock(colOpportunities, o.ID)
	defer unlock()
	old, err := s.Opportunity(ctx, o.ID)
	switch {
	case err == nil && old.OrganisationID != o.OrganisationID:
		return fmt.Errorf("upsert opportunity %s: %w", o.ID, catalog.ErrOtherOrganisation)
	case err != nil && !errors.Is(err, catalog.ErrNotFound):
		return err
	}
	if _, err := s.replaceOne(ctx, colOpportunities, bson.D{{Key: "_id", Value: o.ID}}, doc, upsert); err != nil {
		return fmt.Errorf("upsert opportunity %s: %w", o.ID, translateCatalog(err))
	}
	return nil
}

// Opportunity loads one opportunity by id.
func (s *Store) Opportunity(ctx context.Context, id string) (match.Opportunity, error) {
	var d opportunityDoc
	if err := s.db.Collection(colOpportunities).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return match.Opportunity{}, fmt.Errorf("load opportunity %s: %w", id, translateCatalog(err))
	}
	return d.Opportunity, nil
}

// OpportunitiesOf lists an organisation's opportunities, published or not, by id.
func (s *Store) OpportunitiesOf(ctx context.Context, orgID string) ([]match.Opportunity, error) {
	cur, err := s.db.Collection(colOpportunities).Find(ctx, bson.D{{Key: "organisation_id", Value: orgID}},
		options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, fmt.Errorf("list opportunities of %s: %w", orgID, translateCatalog(err))
	}
	var docs []opportunityDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list opportunities of %s: %w", orgID, translateCatalog(err))
	}
	out := make([]match.Opportunity, len(docs))
	for i, d := range docs {
		out[i] = d.Opportunity
	}
	return out, nil
}

// SetPublished shows (true) or hides (false) an organisation's opportunity
// to young people from the next catalog sync on.
func (s *Store) SetPublished(ctx context.Context, orgID, id string, published bool, now time.Time) (match.Opportunity, error) {
	return s.updateOwnedOpportunity(ctx, orgID, id, bson.D{{Key: "$set", Value: bson.D{
		{Key: "published", Value: published}, {Key: "updated_at", Value: now}}}})
}

// SetPlacesLeft sets how many more volunteers an opportunity takes; nil
// means there is no limit. The matcher stops suggesting it at zero.
func (s *Store) SetPlacesLeft(ctx context.Context, orgID, id string, places *int, now time.Time) (match.Opportunity, error) {
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "places_left", Value: places}, {Key: "updated_at", Value: now}}}}
	if places == nil {
		update = bson.D{
			{Key: "$unset", Value: bson.D{{Key: "places_left", Value: ""}}},
			{Key: "$set", Value: bson.D{{Key: "updated_at", Value: now}}},
		}
	} else if *places < 0 {
		return match.Opportunity{}, fmt.Errorf("places left is %d: %w", *places, catalog.ErrInvalid)
	}
	return s.updateOwnedOpportunity(ctx, orgID, id, update)
}

// updateOwnedOpportunity applies a single-document update to an
// opportunity of orgID's; anyone else's is not found. On MongoDB the
// ownership check is part of the update's filter; the embedded database
// would scan for that filter, so there the check is a read by _id under the
// opportunity's lock.
func (s *Store) updateOwnedOpportunity(ctx context.Context, orgID, id string, update bson.D) (match.Opportunity, error) {
	filter := bson.D{{Key: "_id", Value: id}, {Key: "organisation_id", Value: orgID}}
	if s.embedded {
		unlock := s.lock(colOpportunities, id)
		defer unlock()
		o, err := s.Opportunity(ctx, id)
		if err != nil {
			return match.Opportunity{}, err
		}
		if o.OrganisationID != orgID {
			return match.Opportunity{}, fmt.Errorf("opportunity %s: %w", id, catalog.ErrNotFound)
		}
		filter = bson.D{{Key: "_id", Value: id}}
	}
	res, err := s.updateOne(ctx, colOpportunities, filter, update)
	if err != nil {
		return match.Opportunity{}, fmt.Errorf("update opportunity %s: %w", id, translateCatalog(err))
	}
	if res.MatchedCount == 0 {
		return match.Opportunity{}, fmt.Errorf("opportunity %s: %w", id, catalog.ErrNotFound)
	}
	return s.Opportunity(ctx, id)
}
