package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
)

// openOutboxStore opens a fresh embedded database, or MONGODB_URI with a
// fresh database. It lives apart from the external tests' testStore because
// these tests look inside the store to run the MongoDB claim on the
// embedded database too.
func openOutboxStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), Config{
		URI:      os.Getenv("MONGODB_URI"),
		DataDir:  t.TempDir(),
		Database: fmt.Sprintf("test_outbox_%d", time.Now().UnixNano()),
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		_ = s.Drop(context.Background())
		_ = s.Close(context.Background())
	})
	return s
}

// TestJobLifecycle runs the outbox through claim, lease expiry, retry,
// completion and purge, once with the embedded claim and once with the
// MongoDB one (a single findOneAndUpdate), which on the embedded database
// is correct for one client at a time and so checks its filter.
func TestJobLifecycle(t *testing.T) {
	for _, mongoClaim := range []bool{false, true} {
		t.Run(fmt.Sprintf("mongo_claim=%v", mongoClaim), func(t *testing.T) {
			s := openOutboxStore(t)
			if mongoClaim {
				s.embedded = false
			}
			testJobLifecycle(t, s)
		})
	}
}

func testJobLifecycle(t *testing.T, s *Store) {
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	lease := time.Minute
	for i, due := range []time.Time{t0.Add(2 * time.Second), t0, t0.Add(time.Hour)} {
		j := leads.Job{ID: fmt.Sprintf("j%d", i), Kind: leads.KindWebhook, DueAt: due, Payload: leads.Payload{LeadID: "l", Seq: i}}
		if err := s.EnqueueJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	// Enqueueing again is a no-op, even with another due time.
	if err := s.EnqueueJob(ctx, leads.Job{ID: "j2", Kind: leads.KindWebhook, DueAt: t0}); err != nil {
		t.Fatal(err)
	}

	now := t0.Add(5 * time.Second)
	first, err := s.ClaimJob(ctx, "a", now, lease)
	if err != nil || first == nil || first.ID != "j1" || first.LeaseOwner != "a" {
		t.Fatalf("first claim: %+v, %v (want the job due longest, j1)", first, err)
	}
	second, err := s.ClaimJob(ctx, "b", now, 10*time.Minute)
	if err != nil || second == nil || second.ID != "j0" {
		t.Fatalf("second claim: %+v, %v", second, err)
	}
	if none, err := s.ClaimJob(ctx, "c", now, lease); err != nil || none != nil {
		t.Fatalf("nothing else is due, got %+v, %v", none, err)
	}

	// a dies; once its lease runs out, c takes j1 over, and a's late
	// answer cannot settle it any more.
	later := now.Add(lease + time.Second)
	taken, err := s.ClaimJob(ctx, "c", later, lease)
	if err != nil || taken == nil || taken.ID != "j1" {
		t.Fatalf("claim after lease expiry: %+v, %v", taken, err)
	}
	if err := s.CompleteJob(ctx, "j1", "a", later); !errors.Is(err, leads.ErrLeaseLost) {
		t.Fatalf("settling a lost lease: err = %v", err)
	}
	if err := s.RetryJob(ctx, "j1", "c", later.Add(30*time.Second), "webhook answered 500"); err != nil {
		t.Fatal(err)
	}
	j1, _ := s.Job(ctx, "j1")
	if j1.Attempts != 1 || j1.LeaseUntil != nil || j1.LastError == "" || !j1.DueAt.Equal(later.Add(30*time.Second)) {
		t.Fatalf("retried job = %+v", j1)
	}
	if none, _ := s.ClaimJob(ctx, "c", later, lease); none != nil {
		t.Fatalf("claimed %s before its retry is due", none.ID)
	}
	again, err := s.ClaimJob(ctx, "c", later.Add(30*time.Second), lease)
	if err != nil || again == nil || again.ID != "j1" || again.Attempts != 1 {
		t.Fatalf("claim retried job: %+v, %v", again, err)
	}
	if err := s.CompleteJob(ctx, "j1", "c", later); err != nil {
		t.Fatal(err)
	}
	if err := s.GiveUpJob(ctx, "j0", "b", later, "gave up"); err != nil {
		t.Fatal(err)
	}
	if err := s.CompleteJob(ctx, "j0", "b", later); !errors.Is(err, leads.ErrLeaseLost) {
		t.Fatalf("settling a done job: err = %v", err)
	}
	if none, _ := s.ClaimJob(ctx, "c", t0.Add(time.Hour-time.Second), time.Hour); none != nil {
		t.Fatalf("claimed done or future job %s", none.ID)
	}
	if j2, _ := s.ClaimJob(ctx, "c", t0.Add(time.Hour), lease); j2 == nil || j2.ID != "j2" {
		t.Fatalf("j2 not claimed when due: %+v", j2)
	}

	n, err := s.PurgeJobs(ctx, later.Add(time.Second))
	if err != nil || n != 2 {
		t.Fatalf("purged %d, %v; want the two settled jobs", n, err)
	}
	if _, err := s.Job(ctx, "j2"); err != nil {
		t.Fatalf("purge took an open job: %v", err)
	}
	if _, err := s.Job(ctx, "j0"); !errors.Is(err, leads.ErrNotFound) {
		t.Fatalf("settled job kept: %v", err)
	}
}

// TestConcurrentClaimsTakeEachJobOnce races claimers in one process on
// the store itself; the worker test does the same through whole workers.
func TestConcurrentClaimsTakeEachJobOnce(t *testing.T) {
	s := openOutboxStore(t)
	ctx := context.Background()
	now := time.Now().UTC()
	const jobs, claimers = 120, 8
	for i := range jobs {
		if err := s.EnqueueJob(ctx, leads.Job{ID: fmt.Sprintf("j%03d", i), Kind: leads.KindWebhook, DueAt: now.Add(-time.Duration(i) * time.Millisecond)}); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	claimed := map[string]string{}
	var wg sync.WaitGroup
	for c := range claimers {
		owner := fmt.Sprintf("w%d", c)
		wg.Go(func() {
			for {
				j, err := s.ClaimJob(ctx, owner, now, time.Minute)
				if err != nil {
					t.Error(err)
					return
				}
				if j == nil {
					return
				}
				mu.Lock()
				if prev, dup := claimed[j.ID]; dup {
					t.Errorf("%s claimed by %s and %s", j.ID, prev, owner)
				}
				claimed[j.ID] = owner
				mu.Unlock()
				if err := s.CompleteJob(ctx, j.ID, owner, now); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if len(claimed) != jobs {
		t.Fatalf("claimed %d of %d jobs", len(claimed), jobs)
	}
}

// TestIdleOutboxWakesForNewWork checks the embedded claim's shortcut: an
// outbox with nothing due is not scanned again until something can be due,
// and whatever makes a job due — an enqueue, a retry, a lease running out —
// brings that time forward, so no job waits for the idle rescan.
func TestIdleOutboxWakesForNewWork(t *testing.T) {
	s := openOutboxStore(t)
	if !s.embedded {
		t.Skip("the shortcut is the embedded database's")
	}
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	wake := func() time.Time {
		c := s.jobCursor()
		c.mu.Lock()
		defer c.mu.Unlock()
		return c.wake
	}
	if err := s.EnqueueJob(ctx, leads.Job{ID: "later", Kind: leads.KindReminder, DueAt: t0.Add(72 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if j, err := s.ClaimJob(ctx, "w", t0, time.Minute); err != nil || j != nil {
		t.Fatalf("claimed %+v, %v", j, err)
	}
	if got := wake(); !got.Equal(t0.Add(idleRescan)) {
		t.Fatalf("wake = %s, want the idle rescan at %s", got, t0.Add(idleRescan))
	}
	if err := s.EnqueueJob(ctx, leads.Job{ID: "now", Kind: leads.KindWebhook, DueAt: t0}); err != nil {
		t.Fatal(err)
	}
	j, err := s.ClaimJob(ctx, "w", t0, time.Minute)
	if err != nil || j == nil || j.ID != "now" {
		t.Fatalf("new job not claimed at once: %+v, %v", j, err)
	}
	if j, _ := s.ClaimJob(ctx, "w2", t0.Add(time.Second), time.Minute); j != nil {
		t.Fatalf("claimed %s while nothing is due", j.ID)
	}
	if err := s.RetryJob(ctx, "now", "w", t0.Add(2*time.Second), "500"); err != nil {
		t.Fatal(err)
	}
	if j, _ := s.ClaimJob(ctx, "w2", t0.Add(2*time.Second), 10*time.Second); j == nil || j.ID != "now" {
		t.Fatalf("retried job not claimed when due: %+v", j)
	}
	// w2 dies holding the lease; the job is claimable once it runs out.
	if j, _ := s.ClaimJob(ctx, "w3", t0.Add(12*time.Second), time.Minute); j != nil {
		t.Fatalf("claimed %s at the lease's last instant", j.ID)
	}
	if j, _ := s.ClaimJob(ctx, "w3", t0.Add(13*time.Second), time.Minute); j == nil || j.ID != "now" {
		t.Fatalf("job not claimed after its lease ran out: %+v", j)
	}
}
