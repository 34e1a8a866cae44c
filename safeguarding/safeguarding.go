// Package safeguarding owns what happens after the bot sees that a young
// person may be in danger: the case it opens, the officers' work on it
// (acknowledge, annotate, close, in that order and no other), and the audit
// log of who read or changed which case. The conversation engine raises a
// bot.SafeguardingCase; the store turns it into an open Case here. The
// package does no I/O itself: the Store it declares keeps cases and the log,
// and package store implements it.
package safeguarding

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Case statuses: a case is opened by the bot, acknowledged by a
// safeguarding officer, and closed with an outcome.
const (
	StatusOpen         = "open"
	StatusAcknowledged = "acknowledged"
	StatusClosed       = "closed"
)

// Statuses are every status, in the order a case goes through them.
var Statuses = []string{StatusOpen, StatusAcknowledged, StatusClosed}

// Errors of the domain; the store translates its driver's errors into these.
var (
	// ErrNotFound means there is no such case.
	ErrNotFound = errors.New("safeguarding case not found")
	// ErrConflict means the case changed at the same time, too often to retry.
	ErrConflict = errors.New("safeguarding case changed at the same time")
	// ErrStatus means the case's status does not allow the change, such
	// as closing a case nobody has acknowledged.
	ErrStatus = errors.New("the case's status does not allow this")
	// ErrUnchanged is what a change returns when it would change nothing,
	// such as a retried acknowledgement; the store writes nothing and
	// succeeds.
	ErrUnchanged = errors.New("safeguarding case unchanged")
)

// Case is a safeguarding case: what the bot saw, and what people did about
// it. It names the young person only by their pseudonymous user id.
type Case struct {
	ID             string
	UserID         string
	ConversationID string
	Kind           string
	// Kinds are every kind the disclosure showed; Kind is the first.
	Kinds     []string
	Messages  []string
	CreatedAt time.Time
	Status    string
	// Version counts the case's changes, for updates by closure.
	Version int64

	AcknowledgedBy string
	AcknowledgedAt *time.Time
	ClosedBy       string
	ClosedAt       *time.Time
	Outcome        string
	Notes          []CaseNote
}

// CaseNote is something a staff member wrote on a case.
type CaseNote struct {
	AuthorID string
	At       time.Time
	Text     string
}

// Acknowledge records that a safeguarding officer has taken the case on.
// Acknowledging it again by the same person is ErrUnchanged, so a retried
// request succeeds.
func (c *Case) Acknowledge(staffID string, at time.Time) error {
	switch {
	case c.Status == StatusAcknowledged && c.AcknowledgedBy == staffID:
		return ErrUnchanged
	case c.Status != StatusOpen:
		return fmt.Errorf("acknowledge %s case %s: %w", c.Status, c.ID, ErrStatus)
	}
	c.Status, c.AcknowledgedBy, c.AcknowledgedAt = StatusAcknowledged, staffID, &at
	return nil
}

// AddNote appends a note. Notes are allowed on closed cases too: what the
// municipality answered often comes after the case is closed.
func (c *Case) AddNote(staffID, text string, at time.Time) {
	c.Notes = append(c.Notes, CaseNote{AuthorID: staffID, At: at, Text: text})
}

// Close ends an acknowledged case with its outcome. Closing it again with
// the same outcome by the same person is ErrUnchanged.
func (c *Case) Close(staffID, outcome string, at time.Time) error {
	switch {
	case c.Status == StatusClosed && c.ClosedBy == staffID && c.Outcome == outcome:
		return ErrUnchanged
	case c.Status != StatusAcknowledged:
		return fmt.Errorf("close %s case %s: %w", c.Status, c.ID, ErrStatus)
	}
	c.Status, c.ClosedBy, c.ClosedAt, c.Outcome = StatusClosed, staffID, &at, outcome
	return nil
}

// Audit actions: what an entry in the audit log says someone did.
const (
	ActionListCases   = "case.list"
	ActionReadCase    = "case.read"
	ActionAcknowledge = "case.acknowledge"
	ActionNote        = "case.note"
	ActionClose       = "case.close"
	ActionReadLog     = "audit.read"
)

// AuditEntry says who did what to which cases, and when. It holds ids only —
// never what the cases say — so the log itself is not sensitive.
type AuditEntry struct {
	// ID is assigned when the entry is written. It sorts in the order the
	// entries were written, which breaks ties between entries of the
	// same instant.
	ID        string
	At        time.Time
	ActorID   string
	ActorRole string
	Action    string
	CaseIDs   []string
}

// Store keeps cases and the audit log. A missing case is ErrNotFound.
type Store interface {
	// Cases lists the cases with the given status (all for ""), newest first.
	Cases(ctx context.Context, status string) ([]Case, error)
	Case(ctx context.Context, id string) (Case, error)
	// UpdateCase loads the case, lets fn change it and saves it if nobody
	// else changed it meanwhile, retrying on conflict. fn returning an
	// error leaves the case unchanged; ErrUnchanged writes nothing and
	// succeeds.
	UpdateCase(ctx context.Context, id string, fn func(*Case) error) (Case, error)
	// Audit appends an entry to the audit log.
	Audit(ctx context.Context, e AuditEntry) error
	// AuditLog returns the latest entries, newest first.
	AuditLog(ctx context.Context, limit int) ([]AuditEntry, error)
}

// Acknowledge has staffID take case id on.
func Acknowledge(ctx context.Context, st Store, id, staffID string, at time.Time) (Case, error) {
	return st.UpdateCase(ctx, id, func(c *Case) error { return c.Acknowledge(staffID, at) })
}

// Annotate adds staffID's note to case id.
func Annotate(ctx context.Context, st Store, id, staffID, text string, at time.Time) (Case, error) {
	return st.UpdateCase(ctx, id, func(c *Case) error {
		c.AddNote(staffID, text, at)
		return nil
	})
}

// Close has staffID close case id with its outcome.
func Close(ctx context.Context, st Store, id, staffID, outcome string, at time.Time) (Case, error) {
	return st.UpdateCase(ctx, id, func(c *Case) error { return c.Close(staffID, outcome, at) })
}
