package schools

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/geo"
)

// SnapshotEvery is how often a session's totals may change. A teacher who
// watched the numbers move one answer at a time could tell which pupil
// gave it; totals that move only every few minutes blend many answers.
const SnapshotEvery = 3 * time.Minute

// Outings is how many class outings the plan proposes.
const Outings = 3

// Service runs class sessions.
type Service struct {
	store Store
	conv  *bot.Service
	now   func() time.Time
	newID func() string
	// Every is how often totals may change; SnapshotEvery unless set, and
	// a negative Every counts afresh every time (for tests).
	Every time.Duration
}

// NewService returns the schools service over store, reading pupils'
// answers through the conversation service.
func NewService(store Store, conv *bot.Service, now func() time.Time, newID func() string) *Service {
	return &Service{store: store, conv: conv, now: now, newID: newID, Every: SnapshotEvery}
}

// Create opens a session for a facilitator, with a fresh join code.
func (s *Service) Create(ctx context.Context, facilitatorID string, n NewSession) (Session, error) {
	if err := n.Validate(); err != nil {
		return Session{}, err
	}
	if n.Postcode != "" {
		if _, ok := geo.LookupPostcode(n.Postcode); !ok {
			return Session{}, fmt.Errorf("postcode %q is not a Danish postcode", n.Postcode)
		}
	}
	now := s.now()
	ses := Session{ID: s.newID(), FacilitatorID: facilitatorID, Title: strings.TrimSpace(n.Title), StartsAt: n.StartsAt,
		Postcode: n.Postcode, ClassSize: n.ClassSize, CreatedAt: now, ExpiresAt: now.Add(CodeLife), Members: []string{}}
	for range 5 {
		ses.JoinCode = NewCode()
		err := s.store.CreateSession(ctx, ses)
		if !errors.Is(err, ErrConflict) {
			return ses, err
		}
	}
	return Session{}, fmt.Errorf("no free join code: %w", ErrConflict)
}

// Own returns a facilitator's own session; another's is ErrNotFound.
func (s *Service) Own(ctx context.Context, facilitatorID, id string) (Session, error) {
	ses, err := s.store.ClassSession(ctx, id)
	if err != nil {
		return Session{}, err
	}
	if ses.FacilitatorID != facilitatorID {
		return Session{}, ErrNotFound
	}
	return ses, nil
}

// List returns a facilitator's sessions, newest first.
func (s *Service) List(ctx context.Context, facilitatorID string) ([]Session, error) {
	return s.store.SessionsOf(ctx, facilitatorID)
}

// Renew keeps a session's code valid for CodeLife from now.
func (s *Service) Renew(ctx context.Context, facilitatorID, id string) (Session, error) {
	if _, err := s.Own(ctx, facilitatorID, id); err != nil {
		return Session{}, err
	}
	return s.store.UpdateSession(ctx, id, func(ses *Session) error {
		ses.ExpiresAt = s.now().Add(CodeLife)
		return nil
	})
}

// Find returns the class a join code opens, without joining it.
func (s *Service) Find(ctx context.Context, code string) (bot.Class, error) {
	ses, err := s.store.SessionByCode(ctx, NormaliseCode(code))
	if err != nil {
		return bot.Class{}, err
	}
	if !s.now().Before(ses.ExpiresAt) {
		return bot.Class{}, ErrExpired
	}
	return classOf(ses), nil
}

// JoinClass counts a conversation in the class behind code. It implements
// bot.ClassJoiner.
func (s *Service) JoinClass(ctx context.Context, code, conversationID string) (bot.Class, error) {
	class, err := s.Find(ctx, code)
	if err != nil {
		return bot.Class{}, err
	}
	return s.Join(ctx, class.ID, conversationID)
}

// Join counts a conversation in a class found by Find; each join keeps the
// code valid for CodeLife more.
func (s *Service) Join(ctx context.Context, classID, conversationID string) (bot.Class, error) {
	ses, err := s.store.UpdateSession(ctx, classID, func(ses *Session) error {
		if !slices.Contains(ses.Members, conversationID) {
			ses.Members = append(ses.Members, conversationID)
		}
		ses.ExpiresAt = s.now().Add(CodeLife)
		return nil
	})
	if err != nil {
		return bot.Class{}, err
	}
	return classOf(ses), nil
}

func classOf(ses Session) bot.Class {
	return bot.Class{ID: ses.ID, Title: ses.Title, Size: ses.ClassSize}
}

// Summary returns the session's totals, counted afresh at most once per
// Every; in between, the last count is returned as it was.
func (s *Service) Summary(ctx context.Context, facilitatorID, id string) (Summary, error) {
	ses, err := s.Own(ctx, facilitatorID, id)
	if err != nil {
		return Summary{}, err
	}
	now := s.now()
	if s.Every > 0 && ses.Snapshot != nil && now.Sub(ses.Snapshot.AsOf) < s.Every && now.Sub(ses.Snapshot.AsOf) >= 0 {
		return *ses.Snapshot, nil
	}
	answers, err := s.conv.ClassAnswers(ctx, ses.ID, ses.Members)
	if err != nil {
		return Summary{}, err
	}
	sum := summarise(answers, ses, now.Truncate(time.Minute))
	if _, err := s.store.UpdateSession(ctx, id, func(ses *Session) error {
		ses.Snapshot = &sum
		return nil
	}); err != nil {
		return Summary{}, err
	}
	return sum, nil
}

// Plan is the printable class plan: the class's top interests, outings for
// the whole class and a date to follow up.
type Plan struct {
	TopInterests []string
	Outings      []bot.Card
	FollowUpOn   *time.Time
}

// Plan proposes outings for the summary's class: opportunities that take a
// group of the class's size near the school, about its top interests where
// there are such, each with its dated first step; and a follow-up two weeks
// after the first outing could start.
func (s *Service) Plan(sum Summary, lang string) Plan {
	p := Plan{TopInterests: sum.TopInterests}
	if sum.Joined == nil {
		return p
	}
	p.Outings = s.conv.Engine().ClassOutings(bot.OutingQuery{Interests: sum.TopInterests, Size: sum.Size,
		Age: sum.Age, Postcode: sum.Postcode, Lang: lang}, Outings, sum.AsOf)
	if len(p.Outings) < Outings && len(sum.TopInterests) > 0 {
		// Too few about the class's interests: any outing near the school.
		more := s.conv.Engine().ClassOutings(bot.OutingQuery{Size: sum.Size, Age: sum.Age, Postcode: sum.Postcode, Lang: lang}, Outings*2, sum.AsOf)
		for _, c := range more {
			taken := slices.ContainsFunc(p.Outings, func(o bot.Card) bool { return o.OpportunityID == c.OpportunityID })
			if len(p.Outings) < Outings && !taken {
				p.Outings = append(p.Outings, c)
			}
		}
	}
	first := sum.AsOf
	for _, c := range p.Outings {
		if c.FirstStep.StartsAt != nil && (first.Equal(sum.AsOf) || c.FirstStep.StartsAt.Before(first)) {
			first = *c.FirstStep.StartsAt
		}
	}
	follow := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 14)
	for !SchoolDay(follow) {
		follow = follow.AddDate(0, 0, 1)
	}
	p.FollowUpOn = &follow
	return p
}
