package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestFollowUpSettingsAndErasure: check-ins are on until turned off, a
// young person's pending check-ins are listed soonest first, and erasing
// them removes their choice and their check-ins, leaving others alone.
func TestFollowUpSettingsAndErasure(t *testing.T) {
	s := storetest.Open(t, "followups")
	ctx := context.Background()
	now := time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)
	for _, u := range []string{"erased", "kept"} {
		if err := s.CreateUser(ctx, store.User{ID: u, Role: "youth", CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
		for i, step := range []string{"after", "before"} {
			j := leads.Job{ID: "checkin:" + u + ":" + step, Kind: "checkin", DueAt: now.Add(time.Duration(2-i) * time.Hour),
				Payload: leads.Payload{LeadID: "lead-" + u, UserID: u, Step: step}}
			if err := s.EnqueueJob(ctx, j); err != nil {
				t.Fatal(err)
			}
		}
	}
	if on, err := s.FollowUpsEnabled(ctx, "erased"); err != nil || !on {
		t.Fatalf("check-ins are off before anyone chose: %v %v", on, err)
	}
	if err := s.SetFollowUpsEnabled(ctx, "erased", false, now); err != nil {
		t.Fatal(err)
	}
	if on, _ := s.FollowUpsEnabled(ctx, "erased"); on {
		t.Error("turned off, still on")
	}
	jobs, err := s.PendingJobsOf(ctx, "checkin", "erased")
	if err != nil || len(jobs) != 2 || jobs[0].Payload.Step != "before" {
		t.Fatalf("pending check-ins = %+v, %v; want before, then after", jobs, err)
	}
	if err := s.EraseUser(ctx, "erased"); err != nil {
		t.Fatal(err)
	}
	if on, _ := s.FollowUpsEnabled(ctx, "erased"); !on {
		t.Error("the erased young person's choice is still stored")
	}
	if _, err := s.Job(ctx, "checkin:erased:before"); !errors.Is(err, leads.ErrNotFound) {
		t.Errorf("the erased young person's check-in: %v, want it gone", err)
	}
	if jobs, _ := s.PendingJobsOf(ctx, "checkin", "kept"); len(jobs) != 2 {
		t.Errorf("the other young person's check-ins: %d, want 2", len(jobs))
	}
}
