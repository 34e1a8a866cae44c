package followups

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
)

// Store is what check-ins keep beyond the lead; package store implements it.
type Store interface {
	// EnqueueJob stores a job unless one with its id exists already.
	EnqueueJob(ctx context.Context, j leads.Job) error
	// PendingJobsOf lists a young person's jobs of one kind not done yet.
	PendingJobsOf(ctx context.Context, kind, userID string) ([]leads.Job, error)
	FollowUpsEnabled(ctx context.Context, userID string) (bool, error)
	SetFollowUpsEnabled(ctx context.Context, userID string, enabled bool, now time.Time) error
}

// Chat is the young person's conversation; bot.Service implements it.
type Chat interface {
	DeliverCheckIn(ctx context.Context, userID string, ci bot.CheckIn) (string, error)
	NextFirstStep(ctx context.Context, userID, opportunityID string, after time.Time) (bot.CheckInStep, bool, error)
}

// Service plans check-ins when a lead is sent, says them when they fall
// due, and records the young person's answers on the lead.
type Service struct {
	store Store
	leads *leads.Service
	chat  Chat
	now   func() time.Time
	// said is told when a check-in was put into a chat (a push message).
	said func(ctx context.Context, userID string)
	// reached is told when an answer moved a lead to a bridge stage.
	reached func(ctx context.Context, l leads.Lead, stage string)
}

// OnStage is called when a check-in answer moved a lead to a new bridge
// stage (welcomed, belongs), after it is stored.
func (s *Service) OnStage(fn func(ctx context.Context, l leads.Lead, stage string)) *Service {
	s.reached = fn
	return s
}

// NewService wires check-ins to their store, the lead service, the chat
// and a clock.
func NewService(st Store, ls *leads.Service, chat Chat, now func() time.Time) *Service {
	return &Service{store: st, leads: ls, chat: chat, now: now}
}

// OnSaid is called after a check-in was put into a young person's chat.
func (s *Service) OnSaid(fn func(ctx context.Context, userID string)) *Service {
	s.said = fn
	return s
}

var _ bot.CheckIns = (*Service)(nil)

// jobID names a check-in: one per lead, step and reschedule round, so
// planning twice is harmless and a moved first step gets check-ins anew.
func jobID(leadID, step string, round int) string {
	return fmt.Sprintf("%s:%s:%s:%d", Kind, leadID, step, round)
}

// Schedule plans the lead's check-ins for its current first step.
// Planning the same lead again changes nothing.
func (s *Service) Schedule(ctx context.Context, l leads.Lead) error {
	for _, p := range Plan(l, s.now()) {
		j := leads.Job{ID: jobID(l.ID, p.Kind, l.Reschedules), Kind: Kind, DueAt: p.DueAt,
			Payload: leads.Payload{LeadID: l.ID, UserID: l.YouthID, Step: p.Kind, Seq: l.Reschedules}}
		if err := s.store.EnqueueJob(ctx, j); err != nil && !errors.Is(err, leads.ErrConflict) {
			return fmt.Errorf("plan check-in: %w", err)
		}
	}
	return nil
}

func youth(userID string) leads.Caller { return leads.Caller{Actor: leads.Youth, UserID: userID} }

// Run says one check-in that fell due; it is the outbox handler for Kind.
// A check-in no longer due (the lead closed, moved or answered), for a
// young person who turned check-ins off, or after two unanswered in a row
// is settled without a word; one that falls in the quiet hours waits for
// the morning.
func (s *Service) Run(ctx context.Context, j *leads.Job) error {
	p := j.Payload
	l, err := s.leads.Get(ctx, p.LeadID, youth(p.UserID))
	if errors.Is(err, leads.ErrNotFound) {
		return nil // erased
	}
	if err != nil {
		return err
	}
	if !StillDue(l, p.Step, p.Seq) {
		return nil
	}
	on, err := s.store.FollowUpsEnabled(ctx, p.UserID)
	if err != nil || !on {
		return err
	}
	now := s.now()
	if p.Step == Before && l.FirstStep.StartsAt.Before(now) {
		return nil // too late for "tomorrow": the day-after check-in asks instead
	}
	if minor := Minor(l.Shared.AgeBand); Quiet(now, minor) {
		return leads.Later(NextAllowed(now, minor), "quiet hours")
	}
	ci := bot.CheckIn{Key: j.ID, LeadID: l.ID, Step: p.Step, Organisation: l.OrganisationName,
		Friends: len(l.FriendIDs) < l.MaxFriends}
	if fs := l.FirstStep; fs != nil {
		ci.What, ci.Where, ci.Whom, ci.StartsAt = fs.What, fs.Where, fs.Contact, fs.StartsAt
	}
	said, err := s.chat.DeliverCheckIn(ctx, p.UserID, ci)
	if err != nil {
		return err
	}
	if said == bot.CheckInSaid && s.said != nil {
		s.said(ctx, p.UserID)
	}
	return nil
}

// Answer records a check-in answer on the lead and tells the organisation;
// "a different day" finds the next session and plans the check-ins anew,
// and "bring a friend" makes an invite code.
func (s *Service) Answer(ctx context.Context, userID, leadID, answer string) (bot.CheckInResult, error) {
	c := youth(userID)
	l, err := s.leads.Get(ctx, leadID, c)
	if err != nil {
		return bot.CheckInResult{}, err
	}
	res := bot.CheckInResult{Organisation: l.OrganisationName}
	var after leads.Lead
	switch answer {
	case bot.AnswerGoing:
		return res, nil
	case bot.AnswerCannotCome:
		after, err = s.leads.Visit(ctx, leadID, c, leads.VisitCannotCome)
	case bot.AnswerWelcomed:
		after, err = s.leads.Visit(ctx, leadID, c, leads.VisitWelcomed)
	case bot.AnswerNotWelcomed:
		after, err = s.leads.Visit(ctx, leadID, c, leads.VisitNotWelcomed)
	case bot.AnswerMissed:
		after, err = s.leads.Visit(ctx, leadID, c, leads.VisitMissed)
	case bot.AnswerBelongs, bot.AnswerStillGoing, bot.AnswerStopped:
		after, err = s.leads.Belong(ctx, leadID, c, answer)
	case bot.AnswerNextTime:
		res.Next, err = s.reschedule(ctx, l, c)
	case bot.AnswerWithFriend:
		if len(l.FriendIDs) >= l.MaxFriends {
			return res, nil
		}
		inv, ierr := s.leads.Invite(ctx, leadID, c)
		res.InviteCode, err = inv.Code, ierr
	default:
		err = fmt.Errorf("check-in answer %q: %w", answer, leads.ErrInvalid)
	}
	if errors.Is(err, leads.ErrUnchanged) {
		err = nil
	}
	if err == nil && s.reached != nil {
		for _, ch := range after.BridgeStages {
			if _, had := l.StageAt(ch.Stage); !had {
				s.reached(ctx, after, ch.Stage)
			}
		}
	}
	return res, err
}

// reschedule moves the lead's first step to the next session after the
// one it had (or after now, if that is later), and plans its check-ins.
func (s *Service) reschedule(ctx context.Context, l leads.Lead, c leads.Caller) (*bot.CheckInStep, error) {
	after := s.now()
	if fs := l.FirstStep; fs != nil && fs.StartsAt != nil && fs.StartsAt.After(after) {
		after = fs.StartsAt.Add(time.Minute)
	}
	next, ok, err := s.chat.NextFirstStep(ctx, c.UserID, l.OpportunityID, after)
	if err != nil || !ok {
		return nil, err
	}
	moved, err := s.leads.Reschedule(ctx, l.ID, c, leads.FirstStep{What: next.What, Where: next.Where,
		Contact: next.Whom, StartsAt: next.StartsAt, EndsAt: next.EndsAt})
	if err != nil {
		return nil, err
	}
	return &next, s.Schedule(ctx, moved)
}

// Settings is what GET /v1/me/followups shows.
type Settings struct {
	Enabled bool      `json:"enabled"`
	Planned []Planned `json:"planned"`
}

// Of returns whether the young person has check-ins on and those that will
// be said (none while they are off).
func (s *Service) Of(ctx context.Context, userID string) (Settings, error) {
	on, err := s.store.FollowUpsEnabled(ctx, userID)
	if err != nil {
		return Settings{}, err
	}
	out := Settings{Enabled: on, Planned: []Planned{}}
	if !on {
		return out, nil
	}
	jobs, err := s.store.PendingJobsOf(ctx, Kind, userID)
	if err != nil {
		return Settings{}, err
	}
	seen := map[string]*leads.Lead{}
	for _, j := range jobs {
		l, ok := seen[j.Payload.LeadID]
		if !ok {
			got, err := s.leads.Get(ctx, j.Payload.LeadID, youth(userID))
			switch {
			case errors.Is(err, leads.ErrNotFound):
			case err != nil:
				return Settings{}, err
			default:
				l = &got
			}
			seen[j.Payload.LeadID] = l
		}
		if l == nil || !StillDue(*l, j.Payload.Step, j.Payload.Seq) {
			continue
		}
		out.Planned = append(out.Planned, Planned{Kind: j.Payload.Step, DueAt: j.DueAt, OpportunityID: l.OpportunityID, LeadID: l.ID})
	}
	return out, nil
}

// SetEnabled turns the young person's check-ins on or off.
func (s *Service) SetEnabled(ctx context.Context, userID string, on bool) error {
	return s.store.SetFollowUpsEnabled(ctx, userID, on, s.now())
}
