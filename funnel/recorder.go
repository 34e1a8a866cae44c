package funnel

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
)

// Store keeps funnel events; package store implements it.
type Store interface {
	// RecordFunnelEvent stores an event unless one with its ID exists.
	RecordFunnelEvent(ctx context.Context, e Event) error
	// FunnelEvents lists the events at or after since (all when zero).
	FunnelEvents(ctx context.Context, since time.Time) ([]Event, error)
}

// Recorder turns the chat's milestones and the leads' bridge stages into
// events, and counts them. Events are written by a goroutine of its own, so
// a young person's turn never waits for a count.
type Recorder struct {
	store Store
	keys  Keyer
	log   *slog.Logger
	queue chan Event
	// pending counts the events queued and not yet written.
	pending atomic.Int64
}

// queueSize is how many events may wait; past it an event is written on the
// caller's time rather than lost.
const queueSize = 1024

// NewRecorder records into st, naming conversations by a hash keyed with
// secret (the server's token key: the same on every instance).
func NewRecorder(st Store, secret []byte, log *slog.Logger) *Recorder {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Recorder{store: st, keys: Keyer(secret), log: log, queue: make(chan Event, queueSize)}
	go func() {
		for e := range r.queue {
			r.write(context.Background(), e)
			r.pending.Add(-1)
		}
	}()
	return r
}

// Milestone records a step the chat saw. A failure is logged: counting
// never stands in the way of a young person's chat.
func (r *Recorder) Milestone(ctx context.Context, m bot.Milestone) {
	part := m.OpportunityID
	if m.LeadID != "" {
		part = m.LeadID
	}
	e := NewEvent(r.keys.Key(m.ConversationID), m.Stage, part, m.At)
	e.Municipality, e.AgeBand, e.OrgID, e.ClassID = m.Municipality, m.AgeBand, m.OrganisationID, m.ClassID
	r.record(ctx, e)
}

// Stage records a lead reaching welcomed or belongs.
func (r *Recorder) Stage(ctx context.Context, l leads.Lead, stage string) {
	if stage != Welcomed && stage != Belongs {
		return // knows_how is the lead sent, counted when the chat stored it
	}
	at, _ := l.StageAt(stage)
	e := NewEvent(r.keys.Key(l.ConversationID), stage, l.ID, at)
	e.Municipality, e.AgeBand, e.OrgID = l.Shared.Municipality, l.Shared.AgeBand, l.OrganisationID
	r.record(ctx, e)
}

func (r *Recorder) record(ctx context.Context, e Event) {
	r.pending.Add(1)
	select {
	case r.queue <- e:
	default:
		r.pending.Add(-1)
		r.write(ctx, e)
	}
}

func (r *Recorder) write(ctx context.Context, e Event) {
	if err := r.store.RecordFunnelEvent(ctx, e); err != nil {
		r.log.Warn("funnel event not recorded", "stage", e.Stage, "err", err)
	}
}

// settle waits a moment for queued events, so a count read right after a
// step (on this instance) includes it.
func (r *Recorder) settle(ctx context.Context) {
	deadline := time.Now().Add(2 * time.Second)
	for r.pending.Load() > 0 && time.Now().Before(deadline) && ctx.Err() == nil {
		time.Sleep(5 * time.Millisecond)
	}
}

// Funnel counts the funnel under f.
func (r *Recorder) Funnel(ctx context.Context, f Filter) ([]StageCount, error) {
	r.settle(ctx)
	events, err := r.store.FunnelEvents(ctx, f.From)
	if err != nil {
		return nil, err
	}
	return Count(events, f), nil
}
