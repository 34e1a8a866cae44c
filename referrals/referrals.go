// Package referrals lets professionals who meet young people — school
// counsellors, social workers, job consultants, the "henvisere" of social
// prescribing — send one towards a community with a code, and see how far
// the young person got, only where the young person said yes and only as
// coarse steps: opened, saw suggestions, chose a first step, sent, started,
// welcomed, belongs. Never their words, interests, place or opportunity.
//
// A referral keeps who made it, why (one of a few reasons), an optional
// note to the young person and, once opened, the id of the conversation
// that opened it; nothing is copied from the conversation. Its status is
// read from the conversation and the young person's leads each time.
package referrals

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/redact"
	"github.com/brobygger/brobygger/textclean"
)

// Errors the store and the service return.
var (
	ErrNotFound = errors.New("referrals: not found")
	ErrConflict = errors.New("referrals: conflict")
	// ErrExpired is a code never opened within CodeLife.
	ErrExpired = errors.New("referrals: code expired")
	// ErrTaken is a code another young person opened first.
	ErrTaken = fmt.Errorf("referrals: %w", bot.ErrReferralTaken)
	// ErrInvalid is a new referral the service refuses; the error says why,
	// in words for the professional.
	ErrInvalid = errors.New("referrals: invalid")
)

// Why a professional refers a young person. The reason is the
// professional's, kept for their own overview; it is never shown to the
// young person or to organisations.
const (
	ReasonWantsExperience = "wants_experience"
	ReasonLoneliness      = "loneliness"
	ReasonNewInDenmark    = "new_in_denmark"
	ReasonSchoolAbsence   = "school_absence"
	ReasonMentalWellbeing = "mental_wellbeing"
	ReasonOther           = "other"
)

// Reasons is every reason, in the order forms show them.
var Reasons = []string{ReasonWantsExperience, ReasonLoneliness, ReasonNewInDenmark, ReasonSchoolAbsence,
	ReasonMentalWellbeing, ReasonOther}

// Statuses a referrer sees. Before the code is opened it is not_opened
// (expired once CodeLife has passed). Once opened, and only while the
// young person shares, the furthest step they reached: opened,
// suggestions_seen, first_step_chosen, lead_sent, started (an
// organisation marked a lead of theirs started), welcomed, belongs (the
// lead's bridge stage). A young person who said no, has not answered,
// stopped sharing or was erased is not_shared: erasure is their own
// business, and the referrer learns nothing from it.
const (
	StatusNotOpened       = "not_opened"
	StatusExpired         = "expired"
	StatusNotShared       = "not_shared"
	StatusOpened          = "opened"
	StatusSuggestionsSeen = "suggestions_seen"
	StatusFirstStepChosen = "first_step_chosen"
	StatusLeadSent        = "lead_sent"
	StatusStarted         = "started"
	StatusWelcomed        = "welcomed"
	StatusBelongs         = "belongs"
)

// Statuses is every status; the progress ones in the order a young person
// reaches them.
var Statuses = []string{StatusNotOpened, StatusExpired, StatusNotShared, StatusOpened, StatusSuggestionsSeen,
	StatusFirstStepChosen, StatusLeadSent, StatusStarted, StatusWelcomed, StatusBelongs}

// CodeLength is eight characters, so the chat tells a referral code from
// a friend's invite code (6) and a class's join code (7); 31^8 ≈ 850
// billion codes.
const CodeLength = bot.ReferralCodeLength

// CodeLife is how long a code may wait to be opened; once opened it is
// bound to that young person for good.
const CodeLife = 30 * 24 * time.Hour

// MaxNote bounds the note to the young person: a sentence or two.
const MaxNote = 300

// Referral is one professional's referral of one young person.
type Referral struct {
	ID         string
	ReferrerID string
	// OrgID is the referring organisation, if the referrer has one; its
	// name is what the young person is told sent them.
	OrgID  string
	Reason string
	// NoteToYouth is shown to the young person when they open the code.
	NoteToYouth string
	Code        string
	CreatedAt   time.Time
	ExpiresAt   time.Time
	// ConversationID is the conversation that opened the code; "" before,
	// and again once the young person is erased. OpenedAt stays, so the
	// code is never opened by anyone else.
	ConversationID string
	OpenedAt       *time.Time
	Version        int64
}

// NormaliseCode reads a code as typed: any case, spaces and dashes ignored;
// "" for anything that cannot be a referral code.
func NormaliseCode(code string) string { return leads.NormaliseCode(code, CodeLength) }

// NewCode returns a random referral code.
func NewCode() string { return leads.NewCode(CodeLength) }

// Store keeps referrals; package store implements it.
type Store interface {
	// CreateReferral stores a new referral after claiming its code; a code
	// in use is ErrConflict.
	CreateReferral(ctx context.Context, r Referral) error
	Referral(ctx context.Context, id string) (Referral, error)
	// ReferralByCode finds the referral a normalised code belongs to.
	ReferralByCode(ctx context.Context, code string) (Referral, error)
	// ReferralsBy lists a referrer's referrals, newest first.
	ReferralsBy(ctx context.Context, referrerID string) ([]Referral, error)
	// UpdateReferral changes a referral by closure, retried on conflict.
	UpdateReferral(ctx context.Context, id string, fn func(*Referral) error) (Referral, error)
}

// NewReferral is what a professional gives: a reason and, optionally, a
// note to the young person.
type NewReferral struct {
	Reason      string
	NoteToYouth string
}

// Validate checks a new referral and returns it cleaned. The note is for
// the young person's eyes and stays in the referral: it must not identify
// anyone, so a CPR number, a phone number or an e-mail address is refused.
func (n NewReferral) Validate() (NewReferral, error) {
	if !slices.Contains(Reasons, n.Reason) {
		return n, fmt.Errorf("reason must be one of %s: %w", strings.Join(Reasons, ", "), ErrInvalid)
	}
	if textclean.HasNUL(n.NoteToYouth) {
		return n, fmt.Errorf("note_to_youth must not hold a NUL character: %w", ErrInvalid)
	}
	n.NoteToYouth = textclean.Text(n.NoteToYouth)
	note := n.NoteToYouth
	if utf8.RuneCountInString(note) > MaxNote {
		return n, fmt.Errorf("note_to_youth is at most %d characters: %w", MaxNote, ErrInvalid)
	}
	masked := redact.Redact(note)
	found := func(mask string) bool { return strings.Count(masked, mask) > strings.Count(note, mask) }
	var held []string
	if found(redact.MaskCPR) {
		held = append(held, "a CPR number")
	}
	if found(redact.MaskPhone) {
		held = append(held, "a phone number")
	}
	if found(redact.MaskEmail) {
		held = append(held, "an e-mail address")
	}
	if len(held) > 0 {
		return n, fmt.Errorf("note_to_youth holds %s; a referral carries nothing that identifies the young person or anyone else, so leave it out: %w",
			strings.Join(held, " and "), ErrInvalid)
	}
	return n, nil
}

// Organisations names the referring organisation; an unknown id is an error.
type Organisations interface {
	OrganisationName(ctx context.Context, id string) (string, error)
}

// Leads lists a young person's own leads, which carry their progress on
// past the chat (started, welcomed, belongs).
type Leads interface {
	LeadsOfYouth(ctx context.Context, userID string) ([]leads.Lead, error)
}

// Progress reads the conversation a referral is bound to;
// bot.Service implements it.
type Progress interface {
	ReferralProgress(ctx context.Context, conversationID, referralID string) (bot.ReferralProgress, error)
}

// Service makes referrals, opens them for young people and tells
// referrers their status.
type Service struct {
	store    Store
	progress Progress
	leads    Leads
	orgs     Organisations
	now      func() time.Time
	newID    func() string
}

var _ bot.ReferralOpener = (*Service)(nil)

// NewService returns the referral service over store, reading progress
// from the conversations and the young people's leads.
func NewService(store Store, progress Progress, leads Leads, orgs Organisations, now func() time.Time, newID func() string) *Service {
	return &Service{store: store, progress: progress, leads: leads, orgs: orgs, now: now, newID: newID}
}

// Create makes a referral for a referrer (of organisation orgID, or none)
// with a fresh code.
func (s *Service) Create(ctx context.Context, referrerID, orgID string, n NewReferral) (Referral, error) {
	n, err := n.Validate()
	if err != nil {
		return Referral{}, err
	}
	now := s.now()
	r := Referral{ID: s.newID(), ReferrerID: referrerID, OrgID: orgID, Reason: n.Reason, NoteToYouth: n.NoteToYouth,
		CreatedAt: now, ExpiresAt: now.Add(CodeLife)}
	for range 5 {
		r.Code = NewCode()
		r.Version = 1
		err := s.store.CreateReferral(ctx, r)
		if !errors.Is(err, ErrConflict) {
			return r, err
		}
	}
	return Referral{}, fmt.Errorf("no free referral code: %w", ErrConflict)
}

// View is a referral as its referrer sees it.
type View struct {
	Referral
	Status string
}

// Own returns one of a referrer's referrals with its status; another
// referrer's is ErrNotFound.
func (s *Service) Own(ctx context.Context, referrerID, id string) (View, error) {
	r, err := s.store.Referral(ctx, id)
	if err != nil {
		return View{}, err
	}
	if r.ReferrerID != referrerID {
		return View{}, ErrNotFound
	}
	return s.view(ctx, r)
}

// List returns a referrer's referrals with their status, newest first.
func (s *Service) List(ctx context.Context, referrerID string) ([]View, error) {
	rs, err := s.store.ReferralsBy(ctx, referrerID)
	if err != nil {
		return nil, err
	}
	out := make([]View, len(rs))
	for i, r := range rs {
		if out[i], err = s.view(ctx, r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *Service) view(ctx context.Context, r Referral) (View, error) {
	var p bot.ReferralProgress
	var ls []leads.Lead
	if r.ConversationID != "" {
		var err error
		if p, err = s.progress.ReferralProgress(ctx, r.ConversationID, r.ID); err != nil {
			return View{}, err
		}
		if p.Found && p.Share && p.UserID != "" && s.leads != nil {
			if ls, err = s.leads.LeadsOfYouth(ctx, p.UserID); err != nil {
				return View{}, err
			}
		}
	}
	return View{Referral: r, Status: Status(r, p, ls, s.now())}, nil
}

// Status is what the referrer sees of a referral: see the Status
// constants. p is the bound conversation's progress (zero when there is
// none) and ls the young person's leads; only leads made since the
// referral was opened count.
func Status(r Referral, p bot.ReferralProgress, ls []leads.Lead, now time.Time) string {
	switch {
	case r.OpenedAt == nil && !now.Before(r.ExpiresAt):
		return StatusExpired
	case r.OpenedAt == nil:
		return StatusNotOpened
	case r.ConversationID == "" || !p.Found || !p.Share:
		return StatusNotShared
	}
	status := StatusOpened
	reach := func(ok bool, s string) {
		if ok {
			status = s
		}
	}
	reach(p.Suggested, StatusSuggestionsSeen)
	reach(p.Chose, StatusFirstStepChosen)
	reach(p.LeadSent, StatusLeadSent)
	started, stage := false, -1
	for _, l := range ls {
		if l.CreatedAt.Before(p.OpenedAt) {
			continue
		}
		status = furthest(status, StatusLeadSent)
		started = started || l.Status == leads.StatusStarted
		stage = max(stage, slices.Index(leads.Stages, l.BridgeStage))
	}
	if started {
		status = furthest(status, StatusStarted)
	}
	reach(stage >= slices.Index(leads.Stages, leads.StageWelcomed), StatusWelcomed)
	reach(stage >= slices.Index(leads.Stages, leads.StageBelongs), StatusBelongs)
	return status
}

// furthest is the later of two progress statuses.
func furthest(a, b string) string {
	if slices.Index(Statuses, b) > slices.Index(Statuses, a) {
		return b
	}
	return a
}

// OpenReferral binds the referral behind code to a young person's
// conversation and says who sent them. It implements bot.ReferralOpener.
func (s *Service) OpenReferral(ctx context.Context, code, conversationID string) (bot.ReferralInvite, error) {
	found, err := s.store.ReferralByCode(ctx, NormaliseCode(code))
	if err != nil {
		return bot.ReferralInvite{}, err
	}
	now := s.now()
	r, err := s.store.UpdateReferral(ctx, found.ID, func(r *Referral) error {
		switch {
		case r.ConversationID == conversationID && r.OpenedAt != nil:
			return nil // the same young person again
		case r.OpenedAt != nil:
			return ErrTaken
		case !now.Before(r.ExpiresAt):
			return ErrExpired
		}
		r.ConversationID, r.OpenedAt = conversationID, &now
		return nil
	})
	if err != nil {
		return bot.ReferralInvite{}, err
	}
	inv := bot.ReferralInvite{ID: r.ID, Note: r.NoteToYouth}
	if r.OrgID != "" && s.orgs != nil {
		// An organisation that cannot be named leaves "en fagperson":
		// the young person is never told a wrong name.
		if name, err := s.orgs.OrganisationName(ctx, r.OrgID); err == nil {
			inv.Organisation = name
		}
	}
	return inv, nil
}
