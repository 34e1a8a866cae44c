package store

import (
	"time"

	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/leads"
)

// Collections for leads: one document per lead, holding its events and
// thread so that every change to a lead is one single-document write, and
// invite codes keyed by the code so redeeming one is an _id lookup.
const (
	colLeads   = "leads"
	colInvites = "lead_invites"
)

var (
	_ leads.Store     = (*Store)(nil)
	_ leads.LeadStore = (*Store)(nil)
	_ leads.Jobs      = (*Store)(nil)
	_ leads.Webhooks  = (*Store)(nil)
)

// translateLeads maps driver errors onto the lead domain's sentinels.
func translateLeads(err error) error { return translateTo(err, leads.ErrNotFound, leads.ErrConflict) }

// newID returns a random id for documents the store names itself.
func newID(bytes int) string {
	b := make([]byte, bytes)
	_, _ = rand.Read(b) // never fails, see crypto/rand.Read
	return hex.EncodeToString(b)
}

// CreateLead inserts a lead at version 1, naming it when it has no id yet.
func (s *Store) CreateLead(ctx context.Context, l leads.Lead) (leads.Lead, error) {
	if l.ID == "" {
		l.ID = newID(16)
	}
	l.Version = 1
	if l.FriendIDs == nil {
		l.FriendIDs = []string{}
	}
	if l.Thread == nil {
		l.Thread = []leads.ThreadMessage{}
	}
	if _, err := s.insertOne(ctx, colLeads, leadDoc(l)); err != nil {
		return leads.Lead{}, fmt.Errorf("create lead: %w", translateLeads(err))
	}
	return l, nil
}

// Lead loads one lead by id.
func (s *Store) Lead(ctx context.Context, id string) (leads.Lead, error) {
	var d leadDoc
	if err := s.db.Collection(colLeads).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return leads.Lead{}, fmt.Errorf("load lead %s: %w", id, translateLeads(err))
	}
	return leads.Lead(d), nil
}

var newestFirst = bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}}

// LeadsOf lists an organisation's leads, newest first, optionally only
// those with one status or for one opportunity. It scans the collection on
// the embedded database, which is fine for a list only staff read.
func (s *Store) LeadsOf(ctx context.Context, orgID, status, opportunityID string) ([]leads.Lead, error) {
	filter := bson.D{{Key: "organisation_id", Value: orgID}}
	if status != "" {
		filter = append(filter, bson.E{Key: "status", Value: status})
	}
	if opportunityID != "" {
		filter = append(filter, bson.E{Key: "opportunity_id", Value: opportunityID})
	}
	return s.findLeads(ctx, filter, options.Find().SetSort(newestFirst))
}

// RecentLeadsOf returns an organisation's latest n leads, newest first,
// for measuring its responsiveness.
func (s *Store) RecentLeadsOf(ctx context.Context, orgID string, n int) ([]leads.Lead, error) {
	return s.findLeads(ctx, bson.D{{Key: "organisation_id", Value: orgID}},
		options.Find().SetSort(newestFirst).SetLimit(int64(n)))
}

// LeadsOfYouth lists a young person's own leads, newest first.
func (s *Store) LeadsOfYouth(ctx context.Context, userID string) ([]leads.Lead, error) {
	return s.findLeads(ctx, bson.D{{Key: "youth_id", Value: userID}}, options.Find().SetSort(newestFirst))
}

func (s *Store) findLeads(ctx context.Context, filter bson.D, opts options.Lister[options.FindOptions]) ([]leads.Lead, error) {
	cur, err := s.db.Collection(colLeads).Find(ctx, filter, opts)
	if err != nil {
		return nil, fmt.Errorf("list leads: %w", translateLeads(err))
	}
	var docs []leadDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list leads: %w", translateLeads(err))
	}
	return toLeads(docs), nil
}

// UpdateLead loads the lead, lets fn change it, and saves it if nobody else
// changed it meanwhile, retrying on a conflict. fn returning an error leaves
// the lead unchanged; leads.ErrUnchanged writes nothing and succeeds.
func (s *Store) UpdateLead(ctx context.Context, id string, fn func(*leads.Lead) error) (leads.Lead, error) {
	unlock := s.lock(colLeads, id)
	defer unlock()
	for range maxConflictRetries {
		l, err := s.Lead(ctx, id)
		if err != nil {
			return leads.Lead{}, err
		}
		version := l.Version
		if err := fn(&l); err != nil {
			if errors.Is(err, leads.ErrUnchanged) {
				return l, nil
			}
			return leads.Lead{}, err
		}
		l.Version = version + 1
		res, err := s.replaceOne(ctx, colLeads, s.versioned(id, version), leadDoc(l))
		if err != nil {
			return leads.Lead{}, fmt.Errorf("save lead: %w", translateLeads(err))
		}
		if res.MatchedCount == 1 {
			return l, nil
		}
	}
	return leads.Lead{}, fmt.Errorf("save lead %s: %w", id, leads.ErrConflict)
}

// CreateInvite stores an invite code; a code in use already is leads.ErrConflict.
func (s *Store) CreateInvite(ctx context.Context, i leads.Invite) error {
	if _, err := s.insertOne(ctx, colInvites, inviteDoc(i)); err != nil {
		return fmt.Errorf("create invite: %w", translateLeads(err))
	}
	return nil
}

// Invite loads an invite by its normalised code.
func (s *Store) Invite(ctx context.Context, code string) (leads.Invite, error) {
	var d inviteDoc
	if err := s.db.Collection(colInvites).FindOne(ctx, bson.D{{Key: "_id", Value: code}}).Decode(&d); err != nil {
		return leads.Invite{}, fmt.Errorf("load invite: %w", translateLeads(err))
	}
	return leads.Invite(d), nil
}

// EraseLeadsOf deletes the young person's leads with their invites and
// jobs, and takes them off the leads they joined as a friend. What was
// already delivered to an organisation is the organisation's to delete.
func (s *Store) EraseLeadsOf(ctx context.Context, userID string) error {
	own, err := s.LeadsOfYouth(ctx, userID)
	if err != nil {
		return err
	}
	ids := make([]string, len(own))
	for i, l := range own {
		ids[i] = l.ID
	}
	if len(ids) > 0 {
		in := bson.D{{Key: "$in", Value: ids}}
		// Jobs first: a job whose lead is gone does nothing, a lead whose
		// jobs are gone is harmless too, but this order leaves no job
		// pointing at a lead that is half erased.
		if _, err := s.deleteMany(ctx, colJobs, bson.D{{Key: "payload.lead_id", Value: in}}); err != nil {
			return fmt.Errorf("erase lead jobs: %w", translateLeads(err))
		}
		if _, err := s.deleteMany(ctx, colInvites, bson.D{{Key: "lead_id", Value: in}}); err != nil {
			return fmt.Errorf("erase lead invites: %w", translateLeads(err))
		}
		for _, id := range ids {
			if _, err := s.deleteOne(ctx, colLeads, bson.D{{Key: "_id", Value: id}}); err != nil {
				return fmt.Errorf("erase lead: %w", translateLeads(err))
			}
		}
	}
	joined, err := s.findLeads(ctx, bson.D{{Key: "friend_ids", Value: userID}}, options.Find())
	if err != nil {
		return err
	}
	for _, l := range joined {
		_, err := s.UpdateLead(ctx, l.ID, func(l *leads.Lead) error {
			if !slices.Contains(l.FriendIDs, userID) {
				return leads.ErrUnchanged
			}
			l.FriendIDs = slices.DeleteFunc(l.FriendIDs, func(id string) bool { return id == userID })
			return nil
		})
		if err != nil && !errors.Is(err, leads.ErrNotFound) {
			return fmt.Errorf("erase friend from lead: %w", err)
		}
	}
	return nil
}

// AllLeads lists every lead, newest first, for jobs that look across
// organisations, such as scoring how well each answers young people.
func (s *Store) AllLeads(ctx context.Context) ([]leads.Lead, error) {
	return s.findLeads(ctx, bson.D{}, options.Find().SetSort(newestFirst))
}

// PurgeIdleLeadText blanks what was written on leads nobody has touched for
// maxIdle: the young person's message and contact, the thread and the
// events' texts. Status and times stay, for the organisation's records and
// its responsiveness. It scans, which suits the hourly sweep.
func (s *Store) PurgeIdleLeadText(ctx context.Context, now time.Time, maxIdle time.Duration) (int, error) {
	cur, err := s.db.Collection(colLeads).Find(ctx, bson.D{},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "updated_at", Value: 1}}))
	if err != nil {
		return 0, fmt.Errorf("find idle leads: %w", translateLeads(err))
	}
	var rows []struct {
		ID        string    `bson:"_id"`
		UpdatedAt time.Time `bson:"updated_at"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return 0, fmt.Errorf("find idle leads: %w", translateLeads(err))
	}
	purged := 0
	for _, r := range rows {
		if now.Sub(r.UpdatedAt) < maxIdle {
			continue
		}
		changed := false
		_, err := s.UpdateLead(ctx, r.ID, func(l *leads.Lead) error {
			if l.Shared.Message != "" || l.Shared.Contact != "" {
				l.Shared.Message, l.Shared.Contact, changed = "", "", true
			}
			for i := range l.Thread {
				if l.Thread[i].Text != "" {
					l.Thread[i].Text, changed = "", true
				}
			}
			for i := range l.Events {
				if l.Events[i].Text != "" {
					l.Events[i].Text, changed = "", true
				}
			}
			if !changed {
				return leads.ErrUnchanged
			}
			return nil
		})
		if err != nil {
			return purged, err
		}
		if changed {
			purged++
		}
	}
	return purged, nil
}
