package leads

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Store is the storage the lead service needs; package store implements it.
type Store interface {
	CreateLead(ctx context.Context, l Lead) (Lead, error)
	Lead(ctx context.Context, id string) (Lead, error)
	// UpdateLead loads the lead, lets fn change it and saves it if nobody
	// else changed it meanwhile, retrying on conflict; fn returning
	// ErrUnchanged writes nothing and succeeds.
	UpdateLead(ctx context.Context, id string, fn func(*Lead) error) (Lead, error)
	// EnqueueJob stores a job unless one with its id exists already.
	EnqueueJob(ctx context.Context, j Job) error
	CreateInvite(ctx context.Context, i Invite) error
	Invite(ctx context.Context, code string) (Invite, error)
}

// Caller is who asks the service for something: the young person (by user
// id) or someone working for an organisation (by organisation id and the
// name the young person sees).
type Caller struct {
	Actor  Actor
	UserID string
	OrgID  string
	Name   string
}

// may says whether c may see and change l. Anyone else's lead is
// ErrNotFound, so its existence is not given away.
func (c Caller) may(l *Lead) error {
	switch {
	case c.Actor == Youth && c.UserID != "" && l.YouthID == c.UserID:
		return nil
	case c.Actor == Staff && c.OrgID != "" && l.OrganisationID == c.OrgID:
		return nil
	}
	return fmt.Errorf("lead %s: %w", l.ID, ErrNotFound)
}

// Service runs leads for the API and the chat: it opens them, changes them
// for the young person and the organisation, and makes sure every change is
// announced — to the organisation's webhook and, where it concerns them, to
// the young person.
//
// There are no transactions on the embedded database, so a change and the
// jobs announcing it cannot be written together. The jobs go first, under
// ids made from the lead and the sequence numbers its events will get: a
// crash between the two writes then leaves a job whose event was never
// recorded, which the worker retires, instead of a change nobody hears of.
type Service struct {
	store Store
	now   func() time.Time
	newID func() string
	// staged is told of each bridge stage a lead reaches (OnBridgeStage).
	staged func(stage string)
	// mailStaff enqueues a KindStaffMail job beside each webhook job
	// staff should hear of (MailStaff).
	mailStaff bool
}

// KindStaffMail tells an organisation's staff by e-mail of one event of a
// lead; package mail runs it, so this package stays free of mail.
const KindStaffMail = "staff_mail"

// StaffMailJob is the job that e-mails the organisation's staff about one
// event of a lead.
func StaffMailJob(leadID string, seq int, due time.Time) Job {
	return Job{ID: fmt.Sprintf("%s:%s:%d", KindStaffMail, leadID, seq), Kind: KindStaffMail, DueAt: due,
		Payload: Payload{LeadID: leadID, Seq: seq}}
}

// StaffHears reports whether an organisation's staff are e-mailed about
// e: a new lead, a friend joining it, a message from the young person and
// the reminder of a lead nobody answered. Their own actions they know of.
func StaffHears(e Event) bool {
	switch e.Type {
	case EventCreated, EventFriendJoined, EventReminder:
		return true
	case EventMessage:
		return e.By == Youth.role
	}
	return false
}

// MailStaff makes the service enqueue a StaffMailJob beside the webhook
// job of every event StaffHears; a worker needs WorkerConfig.MailStaff
// for reminders and a handler for KindStaffMail.
func (s *Service) MailStaff() *Service {
	s.mailStaff = true
	return s
}

// OnBridgeStage is called with the stage each time a lead reaches a bridge
// stage, once the change is stored: knows_how when the lead is created,
// welcomed and belongs from the young person's answers. It hears no ids,
// and each stage a lead reaches once, whoever else changes the lead.
func (s *Service) OnBridgeStage(fn func(stage string)) *Service {
	s.staged = fn
	return s
}

// NewService wires the service to its store, a clock and an id generator.
func NewService(st Store, now func() time.Time, newID func() string) *Service {
	return &Service{store: st, now: now, newID: newID}
}

// Create opens a lead for the young person l.YouthID: it checks what is
// shared, stores the lead, and schedules its announcement, the reminder
// after RemindAfter and the no-response after NoResponseAfter.
func (s *Service) Create(ctx context.Context, l Lead) (Lead, error) {
	if l.ID == "" {
		l.ID = s.newID()
	}
	now := s.now()
	if err := l.Open(now); err != nil {
		return Lead{}, err
	}
	jobs := []Job{
		{ID: reminderJobID(l.ID), Kind: KindReminder, DueAt: now.Add(RemindAfter), Payload: Payload{LeadID: l.ID}},
		{ID: noResponseJobID(l.ID), Kind: KindNoResponse, DueAt: now.Add(NoResponseAfter), Payload: Payload{LeadID: l.ID}},
	}
	if err := s.enqueue(ctx, append(s.announcements(&l, 0, now), jobs...)); err != nil {
		return Lead{}, err
	}
	created, err := s.store.CreateLead(ctx, l)
	if err == nil && s.staged != nil {
		s.staged(created.BridgeStage)
	}
	return created, err
}

// Get returns a lead the caller may see.
func (s *Service) Get(ctx context.Context, id string, c Caller) (Lead, error) {
	l, err := s.store.Lead(ctx, id)
	if err != nil {
		return Lead{}, err
	}
	if err := c.may(&l); err != nil {
		return Lead{}, err
	}
	return l, nil
}

// SetStatus moves the caller's lead to another status; see Transition for
// who may do what. Setting the status the lead has already succeeds and
// changes nothing.
func (s *Service) SetStatus(ctx context.Context, id string, c Caller, to string) (Lead, error) {
	at := s.now()
	return s.change(ctx, id, c.may, func(l *Lead) error {
		_, err := l.SetStatus(to, c.Actor, c.Name, at)
		return err
	})
}

// Visit records the young person's answer about their first visit
// (Lead.ReportVisit) and tells the organisation.
func (s *Service) Visit(ctx context.Context, id string, c Caller, visit string) (Lead, error) {
	at := s.now()
	return s.change(ctx, id, youthOnly(c), func(l *Lead) error {
		_, err := l.ReportVisit(visit, at)
		return err
	})
}

// Belong records how it goes about four weeks in (Lead.ReportBelonging).
func (s *Service) Belong(ctx context.Context, id string, c Caller, answer string) (Lead, error) {
	at := s.now()
	return s.change(ctx, id, youthOnly(c), func(l *Lead) error {
		_, err := l.ReportBelonging(answer, at)
		return err
	})
}

// Reschedule moves the lead's first step to a later session
// (Lead.Reschedule) and tells the organisation the new date.
func (s *Service) Reschedule(ctx context.Context, id string, c Caller, fs FirstStep) (Lead, error) {
	at := s.now()
	return s.change(ctx, id, youthOnly(c), func(l *Lead) error {
		_, err := l.Reschedule(fs, at)
		return err
	})
}

// youthOnly lets only the young person the lead is about answer for it.
func youthOnly(c Caller) func(*Lead) error {
	return func(l *Lead) error {
		if c.Actor != Youth {
			return fmt.Errorf("lead %s: only the young person answers a check-in: %w", l.ID, ErrNotFound)
		}
		return c.may(l)
	}
}

// Post adds the caller's message to the lead's thread.
func (s *Service) Post(ctx context.Context, id string, c Caller, text string) (Lead, error) {
	at := s.now()
	return s.change(ctx, id, c.may, func(l *Lead) error {
		_, err := l.Post(c.Actor, c.Name, text, at)
		return err
	})
}

// Invite makes a code the young person can give friends to join their lead.
func (s *Service) Invite(ctx context.Context, leadID string, c Caller) (Invite, error) {
	l, err := s.Get(ctx, leadID, c)
	if err != nil {
		return Invite{}, err
	}
	if c.Actor != Youth {
		return Invite{}, fmt.Errorf("invite to lead %s: only the young person invites friends: %w", leadID, ErrInvalid)
	}
	if l.MaxFriends < 1 || Final(l.Status) {
		return Invite{}, fmt.Errorf("invite to lead %s: there is no room for friends: %w", leadID, ErrInvalid)
	}
	now := s.now()
	for try := 0; ; try++ {
		inv := Invite{Code: NewInviteCode(), LeadID: leadID, CreatedAt: now, ExpiresAt: now.Add(inviteLifetime)}
		err := s.store.CreateInvite(ctx, inv)
		if err == nil {
			return inv, nil
		}
		if try == 2 { // three codes taken in a row is not bad luck
			return Invite{}, fmt.Errorf("invite to lead %s: %w", leadID, err)
		}
	}
}

// Join adds the young person c to the lead an invite code belongs to.
// Joining twice changes nothing.
func (s *Service) Join(ctx context.Context, code string, c Caller) (Lead, error) {
	norm := NormaliseInviteCode(code)
	if norm == "" || c.Actor != Youth || c.UserID == "" {
		return Lead{}, fmt.Errorf("invite %q: %w", code, ErrNotFound)
	}
	inv, err := s.store.Invite(ctx, norm)
	if err != nil {
		return Lead{}, err
	}
	at := s.now()
	if inv.Expired(at) {
		return Lead{}, fmt.Errorf("invite %s expired on %s: %w", norm, inv.ExpiresAt.Format(time.DateOnly), ErrInvalid)
	}
	anyone := func(*Lead) error { return nil }
	return s.change(ctx, inv.LeadID, anyone, func(l *Lead) error {
		_, err := l.AddFriend(c.UserID, at)
		return err
	})
}

// change applies fn to the lead when may allows it. fn is tried on a copy
// first, so a change that is not allowed announces nothing; then the jobs
// announcing the events it will record are stored, and only then the change.
func (s *Service) change(ctx context.Context, id string, may, fn func(*Lead) error) (Lead, error) {
	cur, err := s.store.Lead(ctx, id)
	if err != nil {
		return Lead{}, err
	}
	if err := may(&cur); err != nil {
		return Lead{}, err
	}
	trial := cur.clone()
	if err := fn(&trial); err != nil {
		if errors.Is(err, ErrUnchanged) {
			return cur, nil
		}
		return Lead{}, err
	}
	now := s.now()
	if err := s.enqueue(ctx, s.announcements(&trial, cur.LastSeq(), now)); err != nil {
		return Lead{}, err
	}
	// reached are the stages the stored change itself recorded: the
	// closure may run again on conflict, and a stage another change
	// reached meanwhile is that change's to tell.
	var reached []string
	updated, err := s.store.UpdateLead(ctx, id, func(l *Lead) error {
		if err := may(l); err != nil {
			return err
		}
		seq := l.LastSeq()
		err := fn(l)
		reached = nil
		if err == nil {
			reached = stagesAfter(l, seq)
		}
		return err
	})
	if err != nil {
		return Lead{}, err
	}
	if s.staged != nil {
		for _, stage := range reached {
			s.staged(stage)
		}
	}
	if updated.LastSeq() != trial.LastSeq() {
		// Someone else changed the lead in between, so its events have
		// other numbers than the trial's; announce them as recorded.
		if err := s.enqueue(ctx, s.announcements(&updated, cur.LastSeq(), now)); err != nil {
			return Lead{}, err
		}
	}
	return updated, nil
}

// announcements are the jobs for the lead's events after seq: each goes to
// the organisation's webhook, and the latest one the young person should
// hear about becomes a notice (a reply that also moved the lead on is told
// once, not twice).
func (s *Service) announcements(l *Lead, after int, due time.Time) []Job {
	var jobs []Job
	notice := 0
	for _, e := range l.Events {
		if e.Seq <= after {
			continue
		}
		jobs = append(jobs, WebhookJob(l.ID, e.Seq, due))
		if s.mailStaff && StaffHears(e) {
			jobs = append(jobs, StaffMailJob(l.ID, e.Seq, due))
		}
		if l.Notice(e) != "" {
			notice = e.Seq
		}
	}
	if notice > 0 {
		jobs = append(jobs, NoticeJob(l.ID, notice, due))
	}
	return jobs
}

// stagesAfter lists the bridge stages the lead's events after seq reached.
func stagesAfter(l *Lead, seq int) []string {
	var out []string
	for _, e := range l.Events {
		if e.Seq > seq && e.Type == EventStage {
			out = append(out, e.Stage)
		}
	}
	return out
}

func (s *Service) enqueue(ctx context.Context, jobs []Job) error {
	for _, j := range jobs {
		if err := s.store.EnqueueJob(ctx, j); err != nil {
			return fmt.Errorf("announce lead change: %w", err)
		}
	}
	return nil
}
