package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/push"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

func endpoints(t *testing.T, s *store.Store, userID string) []string {
	t.Helper()
	subs, err := s.PushSubscriptionsOf(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, sub := range subs {
		if sub.UserID != userID {
			t.Errorf("subscription of %s listed for %s", sub.UserID, userID)
		}
		out = append(out, sub.Endpoint)
	}
	return out
}

func subscription(user, endpoint string, at time.Time) push.Subscription {
	return push.Subscription{UserID: user, Endpoint: endpoint, P256dh: "p256dh-" + endpoint, Auth: "auth", CreatedAt: at}
}

// TestPushSubscriptionsPerYoungPerson: registering the same browser again
// keeps one subscription with the newest keys; the eleventh device drops the
// one registered longest ago; a browser another young person registers
// leaves the first one's list; removing names only one's own.
func TestPushSubscriptionsPerYoungPerson(t *testing.T) {
	s := storetest.Open(t, "push")
	ctx := context.Background()
	t0 := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

	if got := endpoints(t, s, "ida"); len(got) != 0 {
		t.Fatalf("a young person without subscriptions has %v", got)
	}
	for i := range 3 {
		sub := subscription("ida", "https://push.example/phone", t0.Add(time.Duration(i)*time.Minute))
		sub.P256dh = fmt.Sprint("key-", i)
		if err := s.AddPushSubscription(ctx, sub, push.MaxSubscriptions); err != nil {
			t.Fatal(err)
		}
	}
	subs, err := s.PushSubscriptionsOf(ctx, "ida")
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].P256dh != "key-2" || !subs[0].CreatedAt.Equal(t0.Add(2*time.Minute)) {
		t.Fatalf("registering one browser three times: %+v, want one subscription with the last keys", subs)
	}

	for i := range push.MaxSubscriptions {
		if err := s.AddPushSubscription(ctx, subscription("ida", fmt.Sprintf("https://push.example/device-%02d", i), t0.Add(time.Hour)), push.MaxSubscriptions); err != nil {
			t.Fatal(err)
		}
	}
	got := endpoints(t, s, "ida")
	if len(got) != push.MaxSubscriptions || slices.Contains(got, "https://push.example/phone") || got[len(got)-1] != "https://push.example/device-09" {
		t.Fatalf("after %d more devices: %v, want the phone (the oldest) dropped", push.MaxSubscriptions, got)
	}

	// The same browser, registered by another young person, is theirs now.
	if err := s.AddPushSubscription(ctx, subscription("noah", "https://push.example/device-05", t0.Add(2*time.Hour)), push.MaxSubscriptions); err != nil {
		t.Fatal(err)
	}
	if got := endpoints(t, s, "noah"); !slices.Equal(got, []string{"https://push.example/device-05"}) {
		t.Errorf("noah's subscriptions = %v", got)
	}
	if got := endpoints(t, s, "ida"); slices.Contains(got, "https://push.example/device-05") || len(got) != push.MaxSubscriptions-1 {
		t.Errorf("ida still has the browser noah registered: %v", got)
	}

	if err := s.RemovePushSubscription(ctx, "noah", "https://push.example/device-01"); !errors.Is(err, push.ErrNotFound) {
		t.Errorf("noah removing ida's subscription: %v, want push.ErrNotFound", err)
	}
	if !slices.Contains(endpoints(t, s, "ida"), "https://push.example/device-01") {
		t.Error("noah removed ida's subscription")
	}
	if err := s.RemovePushSubscription(ctx, "noah", "https://push.example/device-05"); err != nil {
		t.Fatal(err)
	}
	if got := endpoints(t, s, "noah"); len(got) != 0 {
		t.Errorf("after removing the only one: %v", got)
	}
	// And the empty list can grow again.
	if err := s.AddPushSubscription(ctx, subscription("noah", "https://push.example/tablet", t0), push.MaxSubscriptions); err != nil {
		t.Fatal(err)
	}
	if got := endpoints(t, s, "noah"); len(got) != 1 {
		t.Errorf("after removing and adding again: %v", got)
	}
}

// TestEraseUserRemovesPushSubscriptions: erasing a young person removes
// their subscriptions and their push jobs not yet run, and leaves another
// young person's alone.
func TestEraseUserRemovesPushSubscriptions(t *testing.T) {
	s := storetest.Open(t, "push_erase")
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, u := range []string{"erased", "kept"} {
		if err := s.CreateUser(ctx, store.User{ID: u, Role: "youth", CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		if err := s.AddPushSubscription(ctx, subscription(u, "https://push.example/"+u, now), push.MaxSubscriptions); err != nil {
			t.Fatal(err)
		}
		if err := s.EnqueueJob(ctx, push.NewMessageJob(u, now)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.EraseUser(ctx, "erased"); err != nil {
		t.Fatal(err)
	}
	if got := endpoints(t, s, "erased"); len(got) != 0 {
		t.Errorf("an erased young person still has push subscriptions: %v", got)
	}
	if _, err := s.Job(ctx, push.NewMessageJob("erased", now).ID); !errors.Is(err, leads.ErrNotFound) {
		t.Errorf("an erased young person's push job: %v, want it gone", err)
	}
	if got := endpoints(t, s, "kept"); len(got) != 1 {
		t.Errorf("the other young person's subscriptions: %v", got)
	}
	if _, err := s.Job(ctx, push.NewMessageJob("kept", now).ID); err != nil {
		t.Errorf("the other young person's push job: %v", err)
	}
	dump, err := s.DumpJSON(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for col, docs := range dump {
		for _, d := range docs {
			if strings.Contains(d, "push.example/erased") {
				t.Errorf("%s still holds the erased young person's endpoint: %s", col, d)
			}
		}
	}
}
