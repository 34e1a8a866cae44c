package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// eachWay runs a limit test once as the embedded database runs it (under
// the write serialisation) and once as MongoDB does (by version check),
// which on the embedded database is correct for one caller at a time.
func eachWay(t *testing.T, test func(t *testing.T, s *Store)) {
	for _, versionCheck := range []bool{false, true} {
		t.Run(fmt.Sprintf("version_check=%v", versionCheck), func(t *testing.T) {
			s := openOutboxStore(t)
			if versionCheck {
				s.embedded = false
			}
			test(t, s)
		})
	}
}

func TestTokenBucketLetsABurstThroughThenOneAtATime(t *testing.T) {
	eachWay(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
		take := func(at time.Time) time.Duration {
			t.Helper()
			wait, err := s.TakeToken(ctx, "guests:a", 1, 3, time.Second, at)
			if err != nil {
				t.Fatal(err)
			}
			return wait
		}
		for i := range 3 {
			if w := take(now); w != 0 {
				t.Fatalf("take %d of a burst of 3 waited %s", i+1, w)
			}
		}
		if w := take(now); w != time.Second {
			t.Fatalf("the 4th take at once: wait %s, want 1s", w)
		}
		if w := take(now.Add(400 * time.Millisecond)); w != 600*time.Millisecond {
			t.Fatalf("0.4 s later: wait %s, want 0.6s", w)
		}
		if w := take(now.Add(time.Second)); w != 0 {
			t.Fatalf("a second later a token is back, but the take waited %s", w)
		}
		// Giving a token back makes room for one more.
		if _, err := s.TakeToken(ctx, "guests:a", -1, 3, time.Second, now.Add(time.Second)); err != nil {
			t.Fatal(err)
		}
		if w := take(now.Add(time.Second)); w != 0 {
			t.Fatalf("a token given back was not there: wait %s", w)
		}
		// Another key has its own bucket.
		if w, _ := s.TakeToken(ctx, "guests:b", 1, 3, time.Second, now); w != 0 {
			t.Fatalf("another key waited %s", w)
		}
	})
}

func TestLockoutGrowsAndIsForgotten(t *testing.T) {
	eachWay(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
		fail := func(at time.Time) time.Duration {
			t.Helper()
			until, err := s.Fail(ctx, "login:x", 3, time.Minute, 4*time.Minute, 24*time.Hour, at)
			if err != nil {
				t.Fatal(err)
			}
			if until.IsZero() {
				return 0
			}
			return until.Sub(at)
		}
		for i, want := range []time.Duration{0, 0, time.Minute, 2 * time.Minute, 4 * time.Minute, 4 * time.Minute} {
			if got := fail(now); got != want {
				t.Fatalf("failure %d locks for %s, want %s", i+1, got, want)
			}
		}
		until, err := s.LockedUntil(ctx, "login:x")
		if err != nil || !until.Equal(now.Add(4*time.Minute)) {
			t.Fatalf("locked until %s (%v), want %s", until, err, now.Add(4*time.Minute))
		}
		// A day without failures and it starts over.
		if got := fail(now.Add(25 * time.Hour)); got != 0 {
			t.Fatalf("after a quiet day the first failure locks for %s", got)
		}
		// A success forgets at once.
		if err := s.Forget(ctx, "login:x"); err != nil {
			t.Fatal(err)
		}
		if until, _ := s.LockedUntil(ctx, "login:x"); !until.IsZero() {
			t.Fatalf("forgotten key still locked until %s", until)
		}
	})
}

func TestSlotsAreHeldReleasedAndExpire(t *testing.T) {
	eachWay(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
		hold := func(holder string, at time.Time) bool {
			t.Helper()
			ok, err := s.HoldSlot(ctx, "streams:u", holder, 2, at.Add(time.Minute), at)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		if !hold("a", now) || !hold("b", now) {
			t.Fatal("two slots of two were refused")
		}
		if hold("c", now) {
			t.Fatal("a third holder got one of two slots")
		}
		if !hold("a", now.Add(30*time.Second)) {
			t.Fatal("a holder could not renew its own slot")
		}
		if err := s.ReleaseSlot(ctx, "streams:u", "b"); err != nil {
			t.Fatal(err)
		}
		if !hold("c", now.Add(30*time.Second)) {
			t.Fatal("a released slot was not free")
		}
		// b's lease ran out long ago, and a's and c's now too.
		if !hold("d", now.Add(2*time.Minute)) || !hold("e", now.Add(2*time.Minute)) {
			t.Fatal("slots whose lease ran out were not free")
		}
	})
}

// TestConcurrentTakesNeverOverspend: 40 callers at once on a bucket of 15
// get exactly 15 tokens, on whichever database the store runs.
func TestConcurrentTakesNeverOverspend(t *testing.T) {
	s := openOutboxStore(t)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	var got atomic.Int32
	var wg sync.WaitGroup
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wait, err := s.TakeToken(context.Background(), "burst", 1, 15, time.Hour, now)
			if err != nil {
				t.Error(err)
			}
			if wait == 0 {
				got.Add(1)
			}
		}()
	}
	wg.Wait()
	if got.Load() != 15 {
		t.Fatalf("%d of 40 concurrent takes got a token from a bucket of 15", got.Load())
	}
}

func TestPurgeLimitsKeepsWhatStillCounts(t *testing.T) {
	s := openOutboxStore(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	if _, err := s.TakeToken(ctx, "refilled", 1, 10, time.Second, now); err != nil { // full again 1 s later
		t.Fatal(err)
	}
	if _, err := s.Fail(ctx, "failed", 5, time.Minute, time.Hour, 24*time.Hour, now); err != nil {
		t.Fatal(err)
	}
	n, err := s.PurgeLimits(ctx, now.Add(time.Hour))
	if err != nil || n != 1 {
		t.Fatalf("purged %d (%v), want only the refilled bucket", n, err)
	}
	if _, err := s.Fail(ctx, "failed", 2, time.Minute, time.Hour, 24*time.Hour, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if until, _ := s.LockedUntil(ctx, "failed"); !until.Equal(now.Add(time.Hour + time.Minute)) {
		t.Fatalf("the failure before the purge was lost: locked until %s", until)
	}
}

// TestTokenBudgetIsShared: what one instance spends on the language model
// counts for every instance, per user and per Danish day.
func TestTokenBudgetIsShared(t *testing.T) {
	eachWay(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		for range 3 {
			if err := st.SpendTokens(ctx, "alice", "2026-12-04", 400); err != nil {
				t.Fatal(err)
			}
		}
		if n, err := st.TokensSpent(ctx, "alice", "2026-12-04"); err != nil || n != 1200 {
			t.Errorf("alice spent %d (%v), want 1200", n, err)
		}
		if n, _ := st.TokensSpent(ctx, "alice", "2026-12-05"); n != 0 {
			t.Errorf("a new day starts at %d", n)
		}
		if n, _ := st.TokensSpent(ctx, "bob", "2026-12-04"); n != 0 {
			t.Errorf("bob shares alice's budget: %d", n)
		}
	})
}
