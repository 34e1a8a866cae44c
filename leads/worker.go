package leads

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"sync/atomic"
	"time"
)

// Jobs is the outbox the worker takes its work from; package store implements it.
type Jobs interface {
	// EnqueueJob stores a job unless one with its id exists already.
	EnqueueJob(ctx context.Context, j Job) error
	// ClaimJob leases the next due job to owner until now+lease, in one
	// atomic step, or returns nil when none is due.
	ClaimJob(ctx context.Context, owner string, now time.Time, lease time.Duration) (*Job, error)
	// CompleteJob, RetryJob and GiveUpJob settle a job owner holds the
	// lease on; a lease that passed to another worker is ErrLeaseLost.
	CompleteJob(ctx context.Context, id, owner string, now time.Time) error
	RetryJob(ctx context.Context, id, owner string, due time.Time, reason string) error
	GiveUpJob(ctx context.Context, id, owner string, now time.Time, reason string) error
	// PurgeJobs deletes jobs settled before the given time.
	PurgeJobs(ctx context.Context, settledBefore time.Time) (int64, error)
}

// LeadStore is how the worker reads and changes leads.
type LeadStore interface {
	Lead(ctx context.Context, id string) (Lead, error)
	UpdateLead(ctx context.Context, id string, fn func(*Lead) error) (Lead, error)
}

// Webhooks looks up an organisation's webhook; one without is ErrNotFound.
type Webhooks interface {
	Webhook(ctx context.Context, orgID string) (Webhook, error)
}

// YouthNotifier tells a young person something in their chat. The chat side
// implements it, and offers the next-best suggestion when a lead ends
// without an answer.
type YouthNotifier interface {
	Notify(ctx context.Context, userID, leadID, text string) error
}

// WorkerConfig is what a Worker needs. Jobs, Leads and Webhooks are required.
type WorkerConfig struct {
	// Owner names this worker in the leases it takes; it must differ
	// between workers. Empty picks one from the host, process and chance.
	Owner    string
	Jobs     Jobs
	Leads    LeadStore
	Webhooks Webhooks
	// Notifier may be nil; notices are then settled without telling anyone.
	Notifier YouthNotifier
	// Handlers run the job kinds other packages put in the same outbox
	// (check-ins, push messages), with the same leases, retries and
	// backoff: a handler's error is retried, a Permanent one given up.
	Handlers map[string]Handler
	// HTTP sends the webhooks. Leave it nil: the worker then uses
	// NewWebhookClient(AllowLoopback), which connects only to addresses on
	// the internet. A client given here dials as it likes (tests with
	// their own transport); either way no redirect is ever followed.
	HTTP *http.Client
	// AllowLoopback lets webhooks reach this machine, for tests and local
	// development (BROBYGGER_ALLOW_HTTP_WEBHOOKS=true), as the API lets
	// such URLs be set; private, link-local and the rest stay refused.
	AllowLoopback bool
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Lease is how long a claimed job is this worker's alone; it must be
	// longer than a job takes. Zero is two minutes.
	Lease time.Duration
	// Batch caps the jobs one RunOnce runs; zero is 50.
	Batch  int
	Logger *slog.Logger
	// MailStaff also e-mails the organisation's staff of each reminder
	// (a StaffMailJob, which a Handlers entry runs), as Service.MailStaff
	// does for the other events.
	MailStaff bool
	// Observe, when set, is told of every job this worker settles: its
	// kind and one of the Job* results. It hears no ids, so counting is
	// all it can do.
	Observe func(kind, result string)
}

// Handler runs one claimed job of a kind the worker does not know itself.
// It must be safe to run again: a worker that dies mid-job leaves its
// lease to run out, and the job runs once more.
type Handler func(ctx context.Context, j *Job) error

// Permanent marks a handler's failure that retrying cannot fix; the job is
// given up at once.
func Permanent(err error) error { return permanent{err} }

// Later asks for a job to run again at a given time rather than now (a
// check-in that fell due in the night), saying why.
func Later(at time.Time, why string) error { return later{at, why} }

type later struct {
	at  time.Time
	why string
}

func (e later) Error() string { return e.why }

// How a worker settled a job, as WorkerConfig.Observe hears it.
const (
	// JobDone is a job that did its work.
	JobDone = "done"
	// JobSkipped is a job that had nothing to do: no webhook to deliver
	// to, no notice to give, or the lead or event it announced is gone.
	JobSkipped = "skipped"
	// JobRetried is a failed attempt, due again after the backoff.
	JobRetried = "retried"
	// JobDeferred is a job put off without failing: asked to run later
	// (Later), or waiting for the change it announces to be stored.
	JobDeferred = "deferred"
	// JobGivenUp is a job that failed for good.
	JobGivenUp = "given_up"
)

// errSkipped is a job's outcome when it had nothing to do; it settles as done.
var errSkipped = errors.New("nothing to do")

// Stats counts what a worker did since it started.
type Stats struct {
	Delivered, Notices, Reminders, NoResponses, Retried, GivenUp, Skipped int64
}

// Worker runs due jobs from the outbox: webhook deliveries, notices to the
// young person, reminders and no-response. Any number of workers may share
// one outbox, in one process or many; the lease a claim takes is what keeps
// two of them off the same job. Delivery is at least once: a worker that
// dies mid-job leaves its lease to run out, and the job runs again.
type Worker struct {
	cfg   WorkerConfig
	stats struct {
		delivered, notices, reminders, noResponses, retried, givenUp, skipped atomic.Int64
	}
}

// NewWorker returns a worker with cfg's gaps filled with defaults.
func NewWorker(cfg WorkerConfig) *Worker {
	if cfg.Owner == "" {
		host, _ := os.Hostname()
		cfg.Owner = fmt.Sprintf("%s/%d/%s", host, os.Getpid(), rand.Text()[:8])
	}
	if cfg.HTTP == nil {
		cfg.HTTP = NewWebhookClient(cfg.AllowLoopback)
	} else {
		// A redirect could carry a signed lead somewhere the organisation
		// never named, or from https to plain http.
		c := *cfg.HTTP
		c.CheckRedirect = neverRedirect
		cfg.HTTP = &c
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Lease == 0 {
		cfg.Lease = 2 * time.Minute
	}
	if cfg.Batch == 0 {
		cfg.Batch = 50
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Worker{cfg: cfg}
}

// Owner is the name this worker takes leases under.
func (w *Worker) Owner() string { return w.cfg.Owner }

// Stats returns what the worker did so far.
func (w *Worker) Stats() Stats {
	s := &w.stats
	return Stats{Delivered: s.delivered.Load(), Notices: s.notices.Load(), Reminders: s.reminders.Load(),
		NoResponses: s.noResponses.Load(), Retried: s.retried.Load(), GivenUp: s.givenUp.Load(), Skipped: s.skipped.Load()}
}

const (
	// deliveryTimeout bounds one webhook request, well inside the lease.
	deliveryTimeout = 10 * time.Second
	// keepSettled is how long settled jobs stay, so that enqueueing the
	// same work again within it stays a no-op.
	keepSettled = 7 * 24 * time.Hour
	purgeEvery  = time.Hour
)

// RunOnce claims and runs due jobs until none is due or a batch is done,
// and returns how many it ran. It stops at the first storage error.
func (w *Worker) RunOnce(ctx context.Context) (ran int, err error) {
	for ran < w.cfg.Batch {
		if err := ctx.Err(); err != nil {
			return ran, err
		}
		j, err := w.cfg.Jobs.ClaimJob(ctx, w.cfg.Owner, w.cfg.Now(), w.cfg.Lease)
		if err != nil {
			return ran, fmt.Errorf("claim job: %w", err)
		}
		if j == nil {
			return ran, nil
		}
		ran++
		if err := w.settle(ctx, j, w.run(ctx, j)); err != nil {
			return ran, err
		}
	}
	return ran, nil
}

// Run calls RunOnce every interval until ctx ends, straight away again
// while there is a backlog, and purges old settled jobs once an hour.
func (w *Worker) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	var purged time.Time
	for {
		ran, err := w.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			w.cfg.Logger.Warn("lead jobs failed", "err", err)
		}
		if now := w.cfg.Now(); now.Sub(purged) >= purgeEvery && ctx.Err() == nil {
			if _, err := w.cfg.Jobs.PurgeJobs(ctx, now.Add(-keepSettled)); err != nil {
				w.cfg.Logger.Warn("purging settled lead jobs failed", "err", err)
			}
			purged = now
		}
		if ran == w.cfg.Batch && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// notYetSchedule is how long to wait when a job's lead or event is not
// stored. Most likely the job was enqueued a moment before the change it
// announces, so it is tried again soon; if the change never comes (it
// failed, or the lead was erased) the job is retired as announcing
// nothing. The tail is generous so that a slow write is never mistaken for
// one that failed.
var notYetSchedule = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute}

// notYet means the lead or event a job is about is not stored (yet).
type notYet struct{ what string }

func (e notYet) Error() string { return e.what + " is not stored" }

// permanent is a failure that retrying cannot fix.
type permanent struct{ err error }

func (e permanent) Error() string { return e.err.Error() }

func (w *Worker) run(ctx context.Context, j *Job) error {
	switch j.Kind {
	case KindWebhook:
		return w.deliver(ctx, j)
	case KindNotice:
		return w.notice(ctx, j)
	case KindReminder:
		return w.remind(ctx, j)
	case KindNoResponse:
		return w.giveUp(ctx, j)
	}
	if h, ok := w.cfg.Handlers[j.Kind]; ok {
		return h(ctx, j)
	}
	return permanent{fmt.Errorf("unknown job kind %q", j.Kind)}
}

// settle records the outcome of a job: done, due again after the backoff,
// or given up.
func (w *Worker) settle(ctx context.Context, j *Job, outcome error) error {
	now := w.cfg.Now()
	var err error
	var ny notYet
	var perm permanent
	var lt later
	result := JobDone
	switch {
	case outcome == nil, outcome == errSkipped:
		if outcome == errSkipped {
			result = JobSkipped
		}
		err = w.cfg.Jobs.CompleteJob(ctx, j.ID, w.cfg.Owner, now)
	case errors.As(outcome, &lt):
		result = JobDeferred
		err = w.cfg.Jobs.RetryJob(ctx, j.ID, w.cfg.Owner, lt.at, lt.why)
	case errors.As(outcome, &ny) && j.Attempts < len(notYetSchedule):
		result = JobDeferred
		err = w.cfg.Jobs.RetryJob(ctx, j.ID, w.cfg.Owner, now.Add(notYetSchedule[j.Attempts]), outcome.Error())
	case errors.As(outcome, &ny), errors.As(outcome, &perm):
		// A lead or event that never came announces nothing: skipped, not
		// a delivery that failed.
		result = JobGivenUp
		if errors.As(outcome, &ny) {
			result = JobSkipped
		}
		w.stats.givenUp.Add(1)
		err = w.cfg.Jobs.GiveUpJob(ctx, j.ID, w.cfg.Owner, now, outcome.Error())
	default:
		if wait, ok := Backoff(j.Attempts + 1); ok {
			result = JobRetried
			w.stats.retried.Add(1)
			err = w.cfg.Jobs.RetryJob(ctx, j.ID, w.cfg.Owner, now.Add(wait), outcome.Error())
		} else {
			result = JobGivenUp
			w.stats.givenUp.Add(1)
			err = w.cfg.Jobs.GiveUpJob(ctx, j.ID, w.cfg.Owner, now, outcome.Error())
			w.cfg.Logger.Warn("lead job given up", "job", j.ID, "attempts", j.Attempts+1, "err", outcome)
		}
	}
	if errors.Is(err, ErrLeaseLost) {
		return nil // another worker has the job now and settles it
	}
	if err != nil {
		return fmt.Errorf("settle job %s: %w", j.ID, err)
	}
	if w.cfg.Observe != nil {
		w.cfg.Observe(j.Kind, result)
	}
	return nil
}

// leadEvent loads the lead and event a job is about.
func (w *Worker) leadEvent(ctx context.Context, j *Job) (Lead, Event, error) {
	l, err := w.cfg.Leads.Lead(ctx, j.Payload.LeadID)
	if errors.Is(err, ErrNotFound) {
		return Lead{}, Event{}, notYet{"lead " + j.Payload.LeadID}
	}
	if err != nil {
		return Lead{}, Event{}, err
	}
	e, ok := l.Event(j.Payload.Seq)
	if !ok {
		return Lead{}, Event{}, notYet{fmt.Sprintf("event %d of lead %s", j.Payload.Seq, l.ID)}
	}
	return l, e, nil
}

func (w *Worker) deliver(ctx context.Context, j *Job) error {
	l, e, err := w.leadEvent(ctx, j)
	if err != nil {
		return err
	}
	hook, err := w.cfg.Webhooks.Webhook(ctx, l.OrganisationID)
	if errors.Is(err, ErrNotFound) || (err == nil && hook.URL == "") {
		w.stats.skipped.Add(1) // the organisation reads its leads in Brobygger instead
		return errSkipped
	}
	if err != nil {
		return err
	}
	body, err := json.Marshal(NewDelivery(l, e))
	if err != nil {
		return permanent{err}
	}
	ctx, cancel := context.WithTimeout(ctx, deliveryTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL, bytes.NewReader(body))
	if err != nil {
		return permanent{fmt.Errorf("webhook request: %w", err)}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Brobygger-Webhooks/1")
	req.Header.Set(IdempotencyHeader, j.ID)
	req.Header.Set(SignatureHeader, Sign([]byte(hook.Secret), w.cfg.Now(), body))
	resp, err := w.cfg.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("post webhook: %w", err)
	}
	// Read a little of the answer so the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch {
	case resp.StatusCode >= 300 && resp.StatusCode <= 399:
		return fmt.Errorf("webhook answered %s; redirects are not followed, so set the webhook to the address that receives", resp.Status)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return fmt.Errorf("webhook answered %s", resp.Status)
	}
	w.stats.delivered.Add(1)
	return nil
}

func (w *Worker) notice(ctx context.Context, j *Job) error {
	l, e, err := w.leadEvent(ctx, j)
	if err != nil {
		return err
	}
	text := l.Notice(e)
	if text == "" || w.cfg.Notifier == nil {
		w.stats.skipped.Add(1)
		return errSkipped
	}
	if err := w.cfg.Notifier.Notify(ctx, l.YouthID, l.ID, text); err != nil {
		return fmt.Errorf("notify young person: %w", err)
	}
	w.stats.notices.Add(1)
	return nil
}

// remind reminds the organisation of a lead nobody has touched. Today the
// reminder is an event delivered to the organisation's webhook; the job is
// safe to run again, since the lead records the reminder and the webhook
// job's id is fixed by it.
func (w *Worker) remind(ctx context.Context, j *Job) error {
	did := false
	l, err := w.cfg.Leads.UpdateLead(ctx, j.Payload.LeadID, func(l *Lead) error {
		_, err := l.Remind(w.cfg.Now())
		did = err == nil
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil // the lead was erased
	}
	if err != nil {
		return err
	}
	for _, e := range l.Events {
		if e.Type == EventReminder {
			if err := w.cfg.Jobs.EnqueueJob(ctx, WebhookJob(l.ID, e.Seq, w.cfg.Now())); err != nil {
				return err
			}
			if w.cfg.MailStaff {
				if err := w.cfg.Jobs.EnqueueJob(ctx, StaffMailJob(l.ID, e.Seq, w.cfg.Now())); err != nil {
					return err
				}
			}
		}
	}
	if did {
		w.stats.reminders.Add(1)
	}
	return nil
}

// giveUp closes a lead nobody has touched as no_response, and tells the
// organisation and the young person.
func (w *Worker) giveUp(ctx context.Context, j *Job) error {
	did := false
	l, err := w.cfg.Leads.UpdateLead(ctx, j.Payload.LeadID, func(l *Lead) error {
		_, err := l.GiveUp(w.cfg.Now())
		did = err == nil
		return err
	})
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range l.Events {
		if e.Type == EventStatusChanged && e.Status == StatusNoResponse {
			for _, job := range []Job{WebhookJob(l.ID, e.Seq, w.cfg.Now()), NoticeJob(l.ID, e.Seq, w.cfg.Now())} {
				if err := w.cfg.Jobs.EnqueueJob(ctx, job); err != nil {
					return err
				}
			}
		}
	}
	if did {
		w.stats.noResponses.Add(1)
	}
	return nil
}
