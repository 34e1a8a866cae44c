package store_test

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestPendingJobsCountsWhatIsNotDone: the outbox's backlog, by kind, counts
// jobs due, leased and waiting, and none that are done or given up.
func TestPendingJobsCountsWhatIsNotDone(t *testing.T) {
	s := storetest.Open(t, "pendingjobs")
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	if got, err := s.PendingJobs(ctx); err != nil || len(got) != 0 {
		t.Fatalf("empty outbox: %v, %v", got, err)
	}
	jobs := []leads.Job{
		leads.WebhookJob("l1", 1, now.Add(-3*time.Second)),
		leads.WebhookJob("l1", 2, now.Add(-2*time.Second)),
		leads.WebhookJob("l2", 1, now.Add(-time.Second)),
		leads.NoticeJob("l1", 2, now),
		{ID: "reminder:l1", Kind: leads.KindReminder, DueAt: now.Add(48 * time.Hour), Payload: leads.Payload{LeadID: "l1"}},
		{ID: "push:1", Kind: "push", DueAt: now.Add(time.Hour)},
	}
	for _, j := range jobs {
		if err := s.EnqueueJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	// The webhooks, due first, are claimed first: one is done, another
	// given up, the third leased and running.
	for _, settle := range []func(id, owner string) error{
		func(id, owner string) error { return s.CompleteJob(ctx, id, owner, now) },
		func(id, owner string) error { return s.GiveUpJob(ctx, id, owner, now, "gone") },
		func(string, string) error { return nil },
	} {
		j, err := s.ClaimJob(ctx, "w1", now, time.Minute)
		if err != nil || j == nil {
			t.Fatalf("claim: %v, %v", j, err)
		}
		if err := settle(j.ID, "w1"); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.PendingJobs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{leads.KindWebhook: 1, leads.KindNotice: 1, leads.KindReminder: 1, "push": 1}
	if !maps.Equal(got, want) {
		t.Fatalf("pending = %v, want %v", got, want)
	}
}
