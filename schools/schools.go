// Package schools runs class sessions: a teacher (role facilitator) opens a
// session, the pupils join it with a short code on their own phones, and
// the teacher sees the class's totals only — never a pupil's answers.
package schools

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
)

// Errors the store and the service return.
var (
	ErrNotFound = errors.New("schools: not found")
	ErrConflict = errors.New("schools: conflict")
	// ErrExpired is a join code past its time.
	ErrExpired = errors.New("schools: join code expired")
)

// CodeAlphabet leaves out characters that look alike on a projector
// (0/O, 1/I/L): the friends' invite codes' alphabet.
const CodeAlphabet = leads.InviteAlphabet

// CodeLength gives 31^7 ≈ 27 billion codes, one longer than a friend's
// invite code so the chat tells them apart.
const CodeLength = bot.ClassCodeLength

// CodeLife is how long a code stays valid after the session was opened,
// renewed or last joined.
const CodeLife = 14 * 24 * time.Hour

// maxTitle bounds a session's title.
const maxTitle = 120

// Session is one class's onboarding session.
type Session struct {
	ID            string
	FacilitatorID string
	Title         string
	StartsAt      *time.Time
	// Postcode is the school's, for outings near it; ClassSize how many
	// the teacher expects. Both optional.
	Postcode  string
	ClassSize int
	JoinCode  string
	CreatedAt time.Time
	ExpiresAt time.Time
	// Members are the conversations that joined; one that left the class
	// stays listed but no longer counts (its own state says so).
	Members []string
	// Snapshot is the latest summary, kept so that totals change at most
	// once per SnapshotEvery.
	Snapshot *Summary
	Version  int64
}

// NewCode returns a random join code.
func NewCode() string { return leads.NewCode(CodeLength) }

// NormaliseCode reads a code as typed: any case, spaces and dashes ignored;
// "" for anything that cannot be a join code.
func NormaliseCode(code string) string { return leads.NormaliseCode(code, CodeLength) }

// Store keeps sessions.
type Store interface {
	// CreateSession stores a new session and its join code; a code in
	// use is ErrConflict.
	CreateSession(ctx context.Context, s Session) error
	ClassSession(ctx context.Context, id string) (Session, error)
	// SessionByCode finds the session a join code belongs to.
	SessionByCode(ctx context.Context, code string) (Session, error)
	// SessionsOf lists a facilitator's sessions, newest first.
	SessionsOf(ctx context.Context, facilitatorID string) ([]Session, error)
	// UpdateSession changes a session by closure, retried on conflict.
	UpdateSession(ctx context.Context, id string, fn func(*Session) error) (Session, error)
}

// NewSession is what a teacher gives when opening a session.
type NewSession struct {
	Title     string
	StartsAt  *time.Time
	Postcode  string
	ClassSize int
}

// Validate checks a new session.
func (n NewSession) Validate() error {
	t := strings.TrimSpace(n.Title)
	switch {
	case t == "":
		return fmt.Errorf("title is required (e.g. \"8.B Frivillig Fredag\")")
	case len([]rune(t)) > maxTitle:
		return fmt.Errorf("title is at most %d characters", maxTitle)
	case n.ClassSize < 0 || n.ClassSize > 60:
		return fmt.Errorf("class_size is between 1 and 60")
	}
	return nil
}
