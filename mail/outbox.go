package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/brobygger/brobygger/leads"
)

// Job kinds this package runs in the leads outbox.
const (
	// KindMail sends one queued e-mail; the job's id names it.
	KindMail = "mail"
	// KindDigest sends one staff member the day's news of their leads.
	KindDigest = "mail_digest"
)

// ErrNotFound means there is no such queued e-mail: never queued, or
// erased with the young person it was about.
var ErrNotFound = errors.New("no such e-mail")

// Queued is an e-mail waiting to be sent, stored under its job's id.
type Queued struct {
	ID string
	Message
	// AboutUser is the young person whose nickname the e-mail holds, so
	// that erasing them erases it too; empty for invites and resets.
	AboutUser string
	CreatedAt time.Time
	// SentAt is set once it is sent; the message is emptied then, and
	// what stays only stops a second send.
	SentAt *time.Time
}

// Queue keeps queued e-mails and their jobs; package store implements it.
type Queue interface {
	// QueueMail stores an e-mail unless one with its id is stored
	// already, sent or not: queueing is idempotent.
	QueueMail(ctx context.Context, q Queued) error
	// QueuedMail loads one; an unknown id is ErrNotFound.
	QueuedMail(ctx context.Context, id string) (Queued, error)
	// MarkMailSent records the send and drops the message.
	MarkMailSent(ctx context.Context, id string, at time.Time) error
	// EnqueueJob is the leads outbox's (leads.Jobs).
	EnqueueJob(ctx context.Context, j leads.Job) error
}

// Mailer queues e-mails and sends them from the outbox.
type Mailer struct {
	queue  Queue
	sender Sender
	from   string
	now    func() time.Time
	log    *slog.Logger
}

// NewMailer sends through sender as from, queueing in queue.
func NewMailer(queue Queue, sender Sender, from string, now func() time.Time, log *slog.Logger) *Mailer {
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Mailer{queue: queue, sender: sender, from: from, now: now, log: log}
}

// jobID names the job, and the queued e-mail, for one e-mail.
func jobID(name string) string { return KindMail + ":" + name }

// Queue stores the e-mail and the job that sends it, under a name that
// makes queueing it twice harmless; aboutUser is the young person it
// names, if any.
func (m *Mailer) Queue(ctx context.Context, name string, msg Message, aboutUser string) error {
	now := m.now()
	id := jobID(name)
	if err := m.queue.QueueMail(ctx, Queued{ID: id, Message: msg, AboutUser: aboutUser, CreatedAt: now}); err != nil {
		return fmt.Errorf("queue e-mail: %w", err)
	}
	// The e-mail goes first: a job whose e-mail is missing does nothing,
	// while an e-mail without its job would never leave.
	if err := m.queue.EnqueueJob(ctx, leads.Job{ID: id, Kind: KindMail, DueAt: now, CreatedAt: now}); err != nil {
		return fmt.Errorf("queue e-mail: %w", err)
	}
	return nil
}

// Handle runs a KindMail job: it sends the e-mail the job names, once.
// The job's lease keeps other workers off it meanwhile; an e-mail erased
// before its turn is not sent.
func (m *Mailer) Handle(ctx context.Context, j *leads.Job) error {
	return m.sendQueued(ctx, j.ID)
}

func (m *Mailer) sendQueued(ctx context.Context, id string) error {
	q, err := m.queue.QueuedMail(ctx, id)
	switch {
	case errors.Is(err, ErrNotFound):
		return nil // erased with the young person it was about
	case err != nil:
		return err
	case q.SentAt != nil:
		return nil // sent by an earlier run that could not settle its job
	}
	if err := m.sender.Send(ctx, m.from, q.Message); err != nil {
		if errors.Is(err, ErrPermanent) {
			m.log.Warn("e-mail refused for good", "job", id, "err", err)
			return leads.Permanent(err)
		}
		return err
	}
	if err := m.queue.MarkMailSent(ctx, id, m.now()); err != nil {
		// It went; a retry would send it again, which is better than
		// keeping its body. Log and settle.
		m.log.Warn("e-mail sent but not marked sent", "job", id, "err", err)
	}
	return nil
}
