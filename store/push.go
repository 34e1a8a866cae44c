package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/push"
)

// colPushSubscriptions holds each young person's Web Push subscriptions as
// one document under their user id, so that sending reads one document by
// _id, and erasing deletes it.
const colPushSubscriptions = "push_subscriptions"

var _ push.Store = (*Store)(nil)

type pushSubscriptionsDoc struct {
	UserID        string                `bson:"_id"`
	Version       int64                 `bson:"version"`
	Subscriptions []pushSubscriptionDoc `bson:"subscriptions"`
}

type pushSubscriptionDoc struct {
	Endpoint  string    `bson:"endpoint"`
	P256dh    string    `bson:"p256dh"`
	Auth      string    `bson:"auth"`
	CreatedAt time.Time `bson:"created_at"`
}

func translatePush(err error) error { return translateTo(err, push.ErrNotFound, push.ErrConflict) }

// PushSubscriptionsOf lists the young person's subscriptions, oldest first.
func (s *Store) PushSubscriptionsOf(ctx context.Context, userID string) ([]push.Subscription, error) {
	d, err := s.pushDoc(ctx, userID)
	if err != nil {
		return nil, err
	}
	out := make([]push.Subscription, len(d.Subscriptions))
	for i, sd := range d.Subscriptions {
		out[i] = push.Subscription{UserID: userID, Endpoint: sd.Endpoint, P256dh: sd.P256dh, Auth: sd.Auth, CreatedAt: sd.CreatedAt}
	}
	return out, nil
}

// AddPushSubscription stores sub, replacing the young person's one with the
// same endpoint (so registering again is harmless and refreshes it), and
// drops the oldest beyond max. A browser belongs to whoever registered it
// last: the endpoint is taken off any other young person's list, so a
// shared device never buzzes for someone who no longer uses it.
func (s *Store) AddPushSubscription(ctx context.Context, sub push.Subscription, max int) error {
	if sub.UserID == "" || sub.Endpoint == "" {
		return fmt.Errorf("add push subscription: user and endpoint are required: %w", push.ErrInvalid)
	}
	cur, err := s.db.Collection(colPushSubscriptions).Find(ctx, bson.D{
		{Key: "subscriptions.endpoint", Value: sub.Endpoint}, {Key: "_id", Value: bson.D{{Key: "$ne", Value: sub.UserID}}}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return fmt.Errorf("find push subscription's other owners: %w", translatePush(err))
	}
	var others []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &others); err != nil {
		return fmt.Errorf("find push subscription's other owners: %w", translatePush(err))
	}
	for _, o := range others {
		if err := s.RemovePushSubscription(ctx, o.ID, sub.Endpoint); err != nil && !errors.Is(err, push.ErrNotFound) {
			return err
		}
	}
	return s.updatePush(ctx, sub.UserID, func(list []pushSubscriptionDoc) ([]pushSubscriptionDoc, error) {
		list = slices.DeleteFunc(list, func(d pushSubscriptionDoc) bool { return d.Endpoint == sub.Endpoint })
		list = append(list, pushSubscriptionDoc{Endpoint: sub.Endpoint, P256dh: sub.P256dh, Auth: sub.Auth, CreatedAt: sub.CreatedAt.UTC()})
		if max > 0 && len(list) > max {
			list = list[len(list)-max:]
		}
		return list, nil
	})
}

// RemovePushSubscription removes the young person's subscription with that
// endpoint; one they do not have is push.ErrNotFound.
func (s *Store) RemovePushSubscription(ctx context.Context, userID, endpoint string) error {
	return s.updatePush(ctx, userID, func(list []pushSubscriptionDoc) ([]pushSubscriptionDoc, error) {
		n := len(list)
		list = slices.DeleteFunc(list, func(d pushSubscriptionDoc) bool { return d.Endpoint == endpoint })
		if len(list) == n {
			return nil, fmt.Errorf("remove push subscription: %w", push.ErrNotFound)
		}
		return list, nil
	})
}

// ErasePushSubscriptionsOf deletes the young person's subscriptions and
// the push jobs not yet run for them, as part of erasing them.
func (s *Store) ErasePushSubscriptionsOf(ctx context.Context, userID string) error {
	if _, err := s.deleteMany(ctx, colJobs, bson.D{{Key: "kind", Value: push.KindPush}, {Key: "payload.user_id", Value: userID}}); err != nil {
		return fmt.Errorf("erase push jobs: %w", translatePush(err))
	}
	unlock := s.lock(colPushSubscriptions, userID)
	defer unlock()
	if _, err := s.deleteOne(ctx, colPushSubscriptions, bson.D{{Key: "_id", Value: userID}}); err != nil {
		return fmt.Errorf("erase push subscriptions: %w", translatePush(err))
	}
	return nil
}

// pushDoc loads the young person's document; none is an empty list at
// version 0.
func (s *Store) pushDoc(ctx context.Context, userID string) (pushSubscriptionsDoc, error) {
	var d pushSubscriptionsDoc
	err := s.db.Collection(colPushSubscriptions).FindOne(ctx, bson.D{{Key: "_id", Value: userID}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return pushSubscriptionsDoc{UserID: userID}, nil
	}
	if err != nil {
		return d, fmt.Errorf("load push subscriptions: %w", translatePush(err))
	}
	return d, nil
}

// updatePush changes the young person's list by closure with a version
// check, retried on conflict; an empty list deletes the document.
func (s *Store) updatePush(ctx context.Context, userID string, fn func([]pushSubscriptionDoc) ([]pushSubscriptionDoc, error)) error {
	unlock := s.lock(colPushSubscriptions, userID)
	defer unlock()
	for range maxConflictRetries {
		d, err := s.pushDoc(ctx, userID)
		if err != nil {
			return err
		}
		list, err := fn(slices.Clone(d.Subscriptions))
		if err != nil {
			return err
		}
		version := d.Version
		switch {
		case version == 0 && len(list) == 0:
			return nil
		case version == 0:
			_, err := s.insertOne(ctx, colPushSubscriptions, pushSubscriptionsDoc{UserID: userID, Version: 1, Subscriptions: list})
			if err == nil {
				return nil
			}
			if !errors.Is(translatePush(err), push.ErrConflict) {
				return fmt.Errorf("save push subscriptions: %w", translatePush(err))
			}
		case len(list) == 0:
			res, err := s.deleteOne(ctx, colPushSubscriptions, s.versioned(userID, version))
			if err != nil {
				return fmt.Errorf("save push subscriptions: %w", translatePush(err))
			}
			if res.DeletedCount == 1 {
				return nil
			}
		default:
			res, err := s.replaceOne(ctx, colPushSubscriptions, s.versioned(userID, version),
				pushSubscriptionsDoc{UserID: userID, Version: version + 1, Subscriptions: list})
			if err != nil {
				return fmt.Errorf("save push subscriptions: %w", translatePush(err))
			}
			if res.MatchedCount == 1 {
				return nil
			}
		}
	}
	return fmt.Errorf("save push subscriptions: %w", push.ErrConflict)
}
