package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/leads"
)

// colJobs is the outbox: work the lead workers do when it falls due.
const colJobs = "jobs"

// findOneAndUpdate is the findOneAndUpdate of write.go's helpers: it waits
// its turn with every other write in embedded mode.
func (s *Store) findOneAndUpdate(ctx context.Context, col string, filter, update any, opts ...options.Lister[options.FindOneAndUpdateOptions]) *mongo.SingleResult {
	defer s.serialise()()
	return s.db.Collection(col).FindOneAndUpdate(ctx, filter, update, opts...)
}

// EnqueueJob stores a job to run at j.DueAt. A job whose id is stored
// already, done or not, is left as it is: enqueueing is idempotent, which is
// what lets the lead service write a job before the change it announces and
// write it again when in doubt.
func (s *Store) EnqueueJob(ctx context.Context, j leads.Job) error {
	if j.ID == "" || j.Kind == "" {
		return fmt.Errorf("enqueue job: id and kind are required")
	}
	j.Attempts, j.Done, j.DoneAt, j.LeaseOwner, j.LeaseUntil, j.LastError = 0, false, nil, "", nil, ""
	if j.CreatedAt.IsZero() {
		j.CreatedAt = j.DueAt
	}
	if _, err := s.insertOne(ctx, colJobs, jobDoc(j)); err != nil {
		if err = translateLeads(err); errors.Is(err, leads.ErrConflict) {
			return nil
		}
		return fmt.Errorf("enqueue job %s: %w", j.ID, err)
	}
	if s.embedded {
		s.jobCursor().lower(j.DueAt)
	}
	return nil
}

// Job loads one job by id.
func (s *Store) Job(ctx context.Context, id string) (leads.Job, error) {
	var d jobDoc
	if err := s.db.Collection(colJobs).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return leads.Job{}, fmt.Errorf("load job %s: %w", id, translateLeads(err))
	}
	return leads.Job(d), nil
}

// dueFilter matches jobs that are not done, due by now, and not leased to
// anyone (never leased, or the lease ran out).
func dueFilter(now time.Time) bson.D {
	return bson.D{
		{Key: "done", Value: false},
		{Key: "due_at", Value: bson.D{{Key: "$lte", Value: now}}},
		{Key: "$or", Value: bson.A{
			bson.D{{Key: "lease_until", Value: nil}},
			bson.D{{Key: "lease_until", Value: bson.D{{Key: "$lt", Value: now}}}},
		}},
	}
}

// claimable is dueFilter in Go, for the embedded database's claim.
func claimable(j leads.Job, now time.Time) bool {
	return !j.Done && !j.DueAt.After(now) && (j.LeaseUntil == nil || j.LeaseUntil.Before(now))
}

// ClaimJob leases the job that has been due longest to owner until
// now+lease, or returns nil when no job is due.
//
// On MongoDB the claim is one findOneAndUpdate whose filter says "due and
// not leased", so of any number of workers in any number of processes
// exactly one gets each job. The embedded database cannot be trusted with
// that filter's check under concurrent writes, and would read and parse
// every job for it while holding all other writes back. There, each job is
// checked and leased by _id under the write serialisation, which every
// write to the jobs goes through — one atomic step too, as long as this
// process is the database's only client — and the candidates come from a
// scan that runs without holding writes back (see jobCursor).
func (s *Store) ClaimJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (*leads.Job, error) {
	if owner == "" {
		return nil, errors.New("claim job: owner is required")
	}
	until := now.Add(lease)
	claim := bson.D{{Key: "$set", Value: bson.D{{Key: "lease_owner", Value: owner}, {Key: "lease_until", Value: until}}}}
	after := options.FindOneAndUpdate().SetReturnDocument(options.After)
	if !s.embedded {
		var d jobDoc
		err := s.findOneAndUpdate(ctx, colJobs, dueFilter(now), claim, after.SetSort(bson.D{{Key: "due_at", Value: 1}})).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("claim job: %w", translateLeads(err))
		}
		j := leads.Job(d)
		return &j, nil
	}
	c := s.jobCursor()
	for range 3 { // each round takes a fresh scan; more rounds would mean others keep winning
		for id, ok := c.next(); ok; id, ok = c.next() {
			j, err := s.claimEmbedded(ctx, id, now, claim, after)
			if err != nil || j != nil {
				if j != nil {
					// Should this worker never settle the job, it is
					// claimable again once the lease runs out.
					c.lower(until.Add(time.Millisecond))
				}
				return j, err
			}
		}
		found, err := c.refill(now, func() ([]string, time.Time, error) { return s.scanJobs(ctx, now) })
		if err != nil || !found {
			return nil, err
		}
	}
	return nil, nil
}

// Embedded claims: scanning the jobs means reading and parsing every one,
// which takes tens of milliseconds per thousand jobs. So in embedded mode
// the store keeps, per process, a cursor that all its workers share: one
// scan lists up to scanBatch due jobs for the claims that follow, and
// remembers when the next job can fall due, so an idle outbox is not
// scanned again before then. That time is exact because in embedded mode
// every write to the jobs goes through this process, which lowers it on
// every enqueue, retry and lease; idleRescan caps it all the same.
const (
	scanBatch  = 64
	idleRescan = time.Minute
)

// jobCursor is the shared state of the embedded database's claims. A
// listed job may have been claimed or finished since the scan; the claim
// checks every job afresh, so the list only saves work and decides nothing.
type jobCursor struct {
	scan sync.Mutex // one scan at a time; claimers that wait use its result
	mu   sync.Mutex
	due  []string  // ids the last scan found due, oldest first, not yet tried
	wake time.Time // no job can be claimable before this; zero means scan
	low  time.Time // the earliest lower() since the running scan began
}

// jobCursors holds each embedded Store's cursor. It lives here rather than
// in Store so that the outbox stays in this file; a Store opened and closed
// leaves an empty cursor behind, which only tests do often.
var jobCursors sync.Map // *Store → *jobCursor

func (s *Store) jobCursor() *jobCursor {
	c, _ := jobCursors.LoadOrStore(s, &jobCursor{})
	return c.(*jobCursor)
}

func (c *jobCursor) next() (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.due) == 0 {
		return "", false
	}
	id := c.due[0]
	c.due = c.due[1:]
	return id, true
}

// lower says that a job may be claimable from t on.
func (c *jobCursor) lower(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.wake.IsZero() && t.Before(c.wake) {
		c.wake = t
	}
	if c.low.IsZero() || t.Before(c.low) {
		c.low = t
	}
}

// refill scans for due jobs unless another claimer just did or nothing can
// be due yet, and reports whether there are jobs to try.
func (c *jobCursor) refill(now time.Time, scan func() ([]string, time.Time, error)) (bool, error) {
	c.scan.Lock()
	defer c.scan.Unlock()
	c.mu.Lock()
	switch {
	case len(c.due) > 0:
		c.mu.Unlock()
		return true, nil
	case !c.wake.IsZero() && now.Before(c.wake):
		c.mu.Unlock()
		return false, nil
	}
	c.low = time.Time{}
	c.mu.Unlock()

	ids, wake, err := scan()

	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.wake = time.Time{}
		return false, err
	}
	// A job enqueued while the scan ran may be missing from it.
	if !c.low.IsZero() && c.low.Before(wake) {
		wake = c.low
	}
	c.due, c.wake = ids, wake
	return len(ids) > 0, nil
}

// scanJobs lists the oldest scanBatch jobs claimable at now, and when the
// next one after them can be claimed.
func (s *Store) scanJobs(ctx context.Context, now time.Time) ([]string, time.Time, error) {
	cur, err := s.db.Collection(colJobs).Find(ctx, bson.D{{Key: "done", Value: false}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "due_at", Value: 1}, {Key: "lease_until", Value: 1}}))
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("find due jobs: %w", translateLeads(err))
	}
	var open []jobDoc
	if err := cur.All(ctx, &open); err != nil {
		return nil, time.Time{}, fmt.Errorf("find due jobs: %w", translateLeads(err))
	}
	wake := now.Add(idleRescan)
	var due []leads.Job
	for _, d := range open {
		j := leads.Job(d)
		if claimable(j, now) {
			due = append(due, j)
			continue
		}
		at := j.DueAt
		if j.LeaseUntil != nil && j.LeaseUntil.After(at) {
			at = j.LeaseUntil.Add(time.Millisecond) // claimable once the lease is strictly past
		}
		if at.Before(wake) {
			wake = at
		}
	}
	slices.SortFunc(due, func(a, b leads.Job) int { return a.DueAt.Compare(b.DueAt) })
	if len(due) > scanBatch {
		due, wake = due[:scanBatch], now // more are due: scan again once these are taken
	}
	ids := make([]string, len(due))
	for i, j := range due {
		ids[i] = j.ID
	}
	return ids, wake, nil
}

// claimEmbedded leases one job if it is still claimable: the check and the
// lease happen under the write serialisation, so no other claim can come
// between them.
func (s *Store) claimEmbedded(ctx context.Context, id string, now time.Time, claim bson.D, after *options.FindOneAndUpdateOptionsBuilder) (*leads.Job, error) {
	defer s.serialise()()
	jobs := s.db.Collection(colJobs)
	var d jobDoc
	err := jobs.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
	j := leads.Job(d)
	switch {
	case errors.Is(err, mongo.ErrNoDocuments):
		return nil, nil // purged or erased since the scan
	case err != nil:
		return nil, fmt.Errorf("claim job %s: %w", id, translateLeads(err))
	case !claimable(j, now):
		return nil, nil // another worker got it first
	}
	if err := jobs.FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: id}}, claim, after).Decode(&d); err != nil {
		return nil, fmt.Errorf("claim job %s: %w", id, translateLeads(err))
	}
	j = leads.Job(d)
	return &j, nil
}

// CompleteJob marks a job owner holds as done.
func (s *Store) CompleteJob(ctx context.Context, id, owner string, now time.Time) error {
	return s.settleJob(ctx, id, owner, bson.D{{Key: "$set", Value: bson.D{
		{Key: "done", Value: true}, {Key: "done_at", Value: now}, {Key: "lease_until", Value: nil}, {Key: "last_error", Value: ""},
	}}})
}

// RetryJob makes a job owner holds due again at due, counting the failed
// attempt and why it failed.
func (s *Store) RetryJob(ctx context.Context, id, owner string, due time.Time, reason string) error {
	err := s.settleJob(ctx, id, owner, bson.D{
		{Key: "$set", Value: bson.D{{Key: "due_at", Value: due}, {Key: "lease_owner", Value: ""},
			{Key: "lease_until", Value: nil}, {Key: "last_error", Value: reason}}},
		{Key: "$inc", Value: bson.D{{Key: "attempts", Value: 1}}},
	})
	if err == nil && s.embedded {
		s.jobCursor().lower(due)
	}
	return err
}

// GiveUpJob marks a job owner holds as done without success, and why.
func (s *Store) GiveUpJob(ctx context.Context, id, owner string, now time.Time, reason string) error {
	return s.settleJob(ctx, id, owner, bson.D{
		{Key: "$set", Value: bson.D{{Key: "done", Value: true}, {Key: "done_at", Value: now},
			{Key: "lease_until", Value: nil}, {Key: "last_error", Value: reason}}},
		{Key: "$inc", Value: bson.D{{Key: "attempts", Value: 1}}},
	})
}

// settleJob applies update to a job that is not done and leased to owner.
// A worker whose lease ran out and passed to another gets
// leads.ErrLeaseLost, so it cannot undo the other's work.
func (s *Store) settleJob(ctx context.Context, id, owner string, update bson.D) error {
	if !s.embedded {
		filter := bson.D{{Key: "_id", Value: id}, {Key: "lease_owner", Value: owner}, {Key: "done", Value: false}}
		res, err := s.updateOne(ctx, colJobs, filter, update)
		if err != nil {
			return fmt.Errorf("settle job %s: %w", id, translateLeads(err))
		}
		if res.MatchedCount == 0 {
			return fmt.Errorf("settle job %s: %w", id, leads.ErrLeaseLost)
		}
		return nil
	}
	defer s.serialise()()
	jobs := s.db.Collection(colJobs)
	var j jobDoc
	if err := jobs.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&j); err != nil {
		return fmt.Errorf("settle job %s: %w", id, translateLeads(err))
	}
	if j.Done || j.LeaseOwner != owner {
		return fmt.Errorf("settle job %s: %w", id, leads.ErrLeaseLost)
	}
	if _, err := jobs.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, update); err != nil {
		return fmt.Errorf("settle job %s: %w", id, translateLeads(err))
	}
	return nil
}

// PurgeJobs deletes jobs settled before the given time. The embedded
// database has no TTL indexes, so the lead worker calls this now and then.
func (s *Store) PurgeJobs(ctx context.Context, settledBefore time.Time) (int64, error) {
	res, err := s.deleteMany(ctx, colJobs, bson.D{{Key: "done", Value: true}, {Key: "done_at", Value: bson.D{{Key: "$lt", Value: settledBefore}}}})
	if err != nil {
		return 0, fmt.Errorf("purge jobs: %w", translateLeads(err))
	}
	return res.DeletedCount, nil
}
