// Package leads owns what happens after a young person says "Det vil jeg
// gerne" to an opportunity: the lead the organisation receives, the status
// machine it moves through, exactly what is shared with the organisation,
// the plain words the young person is told at each step, signed webhooks and
// their retry schedule, how responsive an organisation is, and friend
// invites.
//
// Everything here is pure except Service and Worker, which reach storage,
// the organisation's web server and the chat only through the small
// interfaces this package declares (package store implements the storage
// ones). From the project it imports only match (age bands) and redact.
package leads

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/redact"
)

// Lead statuses. A lead starts new and moves forward through contacted,
// meeting_planned and started as the organisation acts; declined,
// no_response and withdrawn end it early.
const (
	StatusNew            = "new"
	StatusContacted      = "contacted"
	StatusMeetingPlanned = "meeting_planned"
	StatusStarted        = "started"
	StatusDeclined       = "declined"
	StatusNoResponse     = "no_response"
	StatusWithdrawn      = "withdrawn"
)

// Statuses is every status, in the order a lead normally meets them.
var Statuses = []string{StatusNew, StatusContacted, StatusMeetingPlanned, StatusStarted,
	StatusDeclined, StatusNoResponse, StatusWithdrawn}

// progress ranks the statuses a lead moves forward through; staff may skip
// ahead (a phone call can plan the meeting straight away) but never back.
var progress = map[string]int{StatusNew: 0, StatusContacted: 1, StatusMeetingPlanned: 2, StatusStarted: 3}

// Final reports whether a lead in this status can no longer change status.
func Final(status string) bool {
	switch status {
	case StatusStarted, StatusDeclined, StatusNoResponse, StatusWithdrawn:
		return true
	}
	return false
}

// Actor is who changes a lead. It is a struct so that only the three actors
// below exist; the zero Actor is no one and may do nothing.
type Actor struct{ role string }

// The actors.
var (
	// Youth is the young person the lead is about.
	Youth = Actor{"youth"}
	// Staff works for the organisation that received the lead.
	Staff = Actor{"staff"}
	// System is Brobygger itself, acting on time (reminders, no response).
	System = Actor{"system"}
)

// String is the actor's role as stored and sent: "youth", "staff" or "system".
func (a Actor) String() string { return a.role }

// ParseActor reads an actor's role back.
func ParseActor(role string) (Actor, error) {
	for _, a := range []Actor{Youth, Staff, System} {
		if a.role == role {
			return a, nil
		}
	}
	return Actor{}, fmt.Errorf("leads: unknown actor %q", role)
}

// Errors of the domain; the store translates its driver's errors into these.
var (
	// ErrTransition means a status change is not allowed; errors.As finds
	// the *TransitionError that says why.
	ErrTransition = errors.New("status change not allowed")
	// ErrUnchanged means a change would change nothing (the lead already
	// has that status, the friend has joined already); the store writes
	// nothing and succeeds, so a retried request is harmless.
	ErrUnchanged = errors.New("lead unchanged")
	// ErrNotFound means there is no such lead, invite or webhook, or the
	// caller may not see it.
	ErrNotFound = errors.New("not found")
	// ErrConflict means a lead, invite or job with that id exists already,
	// or the lead changed at the same time too often to retry.
	ErrConflict = errors.New("lead conflict")
	// ErrInvalid means the data given for a lead, message or invite is not acceptable.
	ErrInvalid = errors.New("invalid")
	// ErrLeaseLost means a job was claimed by another worker after this
	// one's lease ran out; that worker finishes it.
	ErrLeaseLost = errors.New("job lease lost to another worker")
)

// TransitionError says why a status change is not allowed.
type TransitionError struct {
	From, To string
	By       Actor
	Reason   string
}

func (e *TransitionError) Error() string {
	by := e.By.role
	if by == "" {
		by = "no one"
	}
	return fmt.Sprintf("lead: %s cannot move a lead from %s to %s: %s", by, e.From, e.To, e.Reason)
}

// Unwrap makes every TransitionError an ErrTransition.
func (e *TransitionError) Unwrap() error { return ErrTransition }

// Transition checks that by may move a lead from one status to another.
// The young person can only withdraw an open lead; staff move it forward
// (skipping steps is fine, going back is not) or decline it; Brobygger
// marks a lead nobody answered as no_response. A change to the status the
// lead already has is ErrUnchanged.
func Transition(from, to string, by Actor) error {
	deny := func(reason string, args ...any) error {
		return &TransitionError{From: from, To: to, By: by, Reason: fmt.Sprintf(reason, args...)}
	}
	switch {
	case !slices.Contains(Statuses, from):
		return deny("%q is not a status", from)
	case !slices.Contains(Statuses, to):
		return deny("%q is not a status", to)
	case by.role == "":
		return deny("no actor given")
	case from == to:
		return fmt.Errorf("lead is %s already: %w", to, ErrUnchanged)
	case Final(from):
		return deny("a lead that is %s is closed", from)
	}
	switch by {
	case Youth:
		if to != StatusWithdrawn {
			return deny("the young person can only withdraw")
		}
		return nil
	case Staff:
		switch {
		case to == StatusWithdrawn:
			return deny("only the young person can withdraw")
		case to == StatusNoResponse:
			return deny("Brobygger sets no_response when nobody has answered for a week")
		case to == StatusDeclined:
			return nil
		case progress[to] < progress[from]:
			return deny("a lead cannot go back from %s to %s", from, to)
		}
		return nil
	case System:
		if to != StatusNoResponse || from != StatusNew {
			return deny("Brobygger only marks unanswered new leads as no_response")
		}
		return nil
	}
	return deny("unknown actor")
}

// Age bands shared with an organisation instead of an exact age; match,
// where the age rules live, defines them.
const (
	Band13to14 = match.Band13to14
	Band15to17 = match.Band15to17
	Band18to24 = match.Band18to24
	Band25to30 = match.Band25to30
)

// AgeBand is match.AgeBand: the band an age falls in, or "" outside 13–30.
func AgeBand(age int) string { return match.AgeBand(age) }

// How the organisation may get in touch.
const (
	// ContactInApp keeps every word inside Brobygger: the default, and the
	// only way for anyone who does not choose to share more.
	ContactInApp = "in_app"
	ContactPhone = "phone"
	ContactEmail = "email"
)

// Shared is everything the organisation learns about the young person.
type Shared struct {
	Nickname     string   `json:"nickname"`
	AgeBand      string   `json:"age_band"`
	Municipality string   `json:"municipality,omitempty"`
	Slots        []string `json:"slots,omitempty"`
	Interests    []string `json:"interests,omitempty"`
	// Message is what the young person wrote to the organisation, if anything.
	Message string `json:"message,omitempty"`
	// ContactMethod is in_app (the default), phone or email.
	ContactMethod string `json:"contact_method"`
	// Contact is the phone number or e-mail, only when the young person
	// typed it and agreed to share it.
	Contact string `json:"contact,omitempty"`
}

// Limits on what is stored, so a lead stays a small document.
const (
	maxNickname    = 40
	maxMessage     = 1000
	maxContact     = 120
	maxEvents      = 200
	inviteLifetime = 14 * 24 * time.Hour
)

// check normalises s and says what is wrong with it. contactAgreed is
// whether the young person agreed to share a phone number or e-mail.
func (s *Shared) check(contactAgreed bool) error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("shared: "+format+": %w", append(args, ErrInvalid)...))
	}
	s.Nickname = strings.TrimSpace(s.Nickname)
	s.Message = strings.TrimSpace(s.Message)
	s.Contact = strings.TrimSpace(s.Contact)
	if s.ContactMethod == "" {
		s.ContactMethod = ContactInApp
	}
	switch {
	case s.Nickname == "":
		bad("nickname is empty")
	case utf8.RuneCountInString(s.Nickname) > maxNickname:
		bad("nickname is longer than %d characters", maxNickname)
	}
	if !slices.Contains([]string{Band13to14, Band15to17, Band18to24, Band25to30}, s.AgeBand) {
		bad("age band %q is not one of 13-14, 15-17, 18-24, 25-30", s.AgeBand)
	}
	if utf8.RuneCountInString(s.Message) > maxMessage {
		bad("message is longer than %d characters", maxMessage)
	}
	switch s.ContactMethod {
	case ContactInApp:
		if s.Contact != "" {
			bad("a contact is given but the contact method is in_app")
		}
	case ContactPhone, ContactEmail:
		switch {
		case s.Contact == "":
			bad("contact method %s needs the %s itself", s.ContactMethod, s.ContactMethod)
		case !contactAgreed:
			bad("the young person has not agreed to share their %s", s.ContactMethod)
		case utf8.RuneCountInString(s.Contact) > maxContact:
			bad("contact is longer than %d characters", maxContact)
		case s.ContactMethod == ContactEmail && !strings.Contains(s.Contact, "@"):
			bad("%q is not an e-mail address", s.Contact)
		}
	default:
		bad("contact method %q is not one of in_app, phone, email", s.ContactMethod)
	}
	return errors.Join(errs...)
}

// Event types: what happened to a lead. Each event gets a sequence number
// on its lead; "webhook:<lead id>:<seq>" is the delivery's idempotency key.
const (
	EventCreated       = "lead.created"
	EventStatusChanged = "lead.status_changed"
	EventMessage       = "lead.message"
	EventReminder      = "lead.reminder"
	EventFriendJoined  = "lead.friend_joined"
)

// Event is one thing that happened to a lead, kept on the lead so that a
// webhook delivery or a notice to the young person can be built from the
// lead alone, however late it runs.
type Event struct {
	Seq  int       `json:"seq"`
	Type string    `json:"type"`
	At   time.Time `json:"at"`
	// By is the actor's role: youth, staff or system.
	By string `json:"by"`
	// Name is the staff member's name as the young person sees it.
	Name string `json:"name,omitempty"`
	// Status is the lead's status after the event.
	Status string `json:"status"`
	// Text is the message, for lead.message.
	Text string `json:"text,omitempty"`
	// Stage is the bridge stage reached, for lead.bridge_stage.
	Stage string `json:"stage,omitempty"`
	// Visit is the young person's answer, for lead.first_visit and lead.belonging.
	Visit string `json:"visit,omitempty"`
	// StartsAt is the new first step, for lead.rescheduled.
	StartsAt *time.Time `json:"starts_at,omitempty"`
}

// ThreadMessage is one message between the young person and the
// organisation about the lead.
type ThreadMessage struct {
	// Author is "youth" or "staff".
	Author string    `json:"author"`
	Name   string    `json:"name,omitempty"`
	Text   string    `json:"text"`
	At     time.Time `json:"at"`
}

// Lead is a young person's wish to start at one organisation's
// opportunity, and everything that happened to it since.
type Lead struct {
	ID               string `json:"id"`
	OrganisationID   string `json:"organisation_id"`
	OrganisationName string `json:"organisation_name"`
	OpportunityID    string `json:"opportunity_id"`
	OpportunityTitle string `json:"opportunity_title"`
	// YouthID is the young person's pseudonymous user id; it is never sent
	// to the organisation.
	YouthID        string `json:"youth_id"`
	ConversationID string `json:"conversation_id"`
	// Lang is the young person's language, for what they are told.
	Lang   string `json:"lang"`
	Shared Shared `json:"shared"`
	// ContactAgreedAt is when the young person agreed to share Shared.Contact.
	ContactAgreedAt *time.Time `json:"contact_agreed_at,omitempty"`
	Status          string     `json:"status"`
	// FriendIDs are the friends who joined with an invite code.
	FriendIDs []string `json:"friend_ids"`
	// MaxFriends is how many friends may join: the opportunity's group size less one.
	MaxFriends int       `json:"max_friends"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	// FirstAnsweredAt is the organisation's first action on the lead; the
	// reminder and no-response clocks stop there.
	FirstAnsweredAt *time.Time      `json:"first_answered_at,omitempty"`
	RemindedAt      *time.Time      `json:"reminded_at,omitempty"`
	Events          []Event         `json:"events"`
	Thread          []ThreadMessage `json:"thread"`
	// FirstStep is the first step the young person chose; Commitment the
	// opportunity's (one_off, short_term, recurring), which says whether
	// a check-in about belonging makes sense.
	FirstStep  *FirstStep `json:"first_step,omitempty"`
	Commitment string     `json:"commitment,omitempty"`
	// BridgeStage is where the young person stands on the bridge, and
	// BridgeStages when each stage was reached.
	BridgeStage  string        `json:"bridge_stage"`
	BridgeStages []StageChange `json:"bridge_stages"`
	// FirstVisit and Belonging are the young person's answers to the
	// check-ins (VisitWelcomed…, BelongingBelongs…); Reschedules counts
	// the times the first step was moved.
	FirstVisit  string `json:"first_visit,omitempty"`
	Belonging   string `json:"belonging,omitempty"`
	Reschedules int    `json:"reschedules,omitempty"`
	Version     int64  `json:"version"`
}

// LastSeq is the sequence number of the lead's latest event.
func (l *Lead) LastSeq() int {
	if len(l.Events) == 0 {
		return 0
	}
	return l.Events[len(l.Events)-1].Seq
}

// Event returns the event with the given sequence number.
func (l *Lead) Event(seq int) (Event, bool) {
	for _, e := range l.Events {
		if e.Seq == seq {
			return e, true
		}
	}
	return Event{}, false
}

// Untouched reports whether the organisation has not acted on the lead yet.
func (l *Lead) Untouched() bool { return l.Status == StatusNew && l.FirstAnsweredAt == nil }

func (l *Lead) record(e Event) (Event, error) {
	if len(l.Events) >= maxEvents {
		return Event{}, fmt.Errorf("lead %s has %d events, the most it can hold: %w", l.ID, maxEvents, ErrInvalid)
	}
	e.Seq = l.LastSeq() + 1
	e.Status = l.Status
	l.Events = append(l.Events, e)
	l.UpdatedAt = e.At
	return e, nil
}

func (l *Lead) answered(by Actor, at time.Time) {
	if by == Staff && l.FirstAnsweredAt == nil {
		l.FirstAnsweredAt = &at
	}
}

// Open makes l a new lead, created by the young person at the given time,
// after checking what it shares.
func (l *Lead) Open(at time.Time) error {
	var errs []error
	for _, f := range []struct{ name, v string }{{"id", l.ID}, {"organisation_id", l.OrganisationID},
		{"opportunity_id", l.OpportunityID}, {"youth_id", l.YouthID}} {
		if strings.TrimSpace(f.v) == "" {
			errs = append(errs, fmt.Errorf("%s is empty: %w", f.name, ErrInvalid))
		}
	}
	if err := l.Shared.check(l.ContactAgreedAt != nil); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("open lead: %w", err)
	}
	l.Status, l.CreatedAt, l.UpdatedAt = StatusNew, at, at
	l.FirstAnsweredAt, l.RemindedAt, l.Version = nil, nil, 0
	l.Events, l.Thread = nil, []ThreadMessage{}
	l.openBridge(at)
	if l.FriendIDs == nil {
		l.FriendIDs = []string{}
	}
	l.MaxFriends = max(l.MaxFriends, 0)
	_, err := l.record(Event{Type: EventCreated, At: at, By: Youth.role, Text: l.Shared.Message})
	return err
}

// SetStatus moves the lead to another status, if by may do so, and records
// the event. name is the staff member's name the young person will see.
func (l *Lead) SetStatus(to string, by Actor, name string, at time.Time) (Event, error) {
	if err := Transition(l.Status, to, by); err != nil {
		return Event{}, err
	}
	l.Status = to
	l.answered(by, at)
	return l.record(Event{Type: EventStatusChanged, At: at, By: by.role, Name: name})
}

// Post adds a message to the lead's thread. Staff writing on a new lead has
// answered it, so the lead becomes contacted in the same change.
func (l *Lead) Post(by Actor, name, text string, at time.Time) ([]Event, error) {
	text = strings.TrimSpace(text)
	switch {
	case by != Youth && by != Staff:
		return nil, fmt.Errorf("post on lead %s: only the young person and staff write messages: %w", l.ID, ErrInvalid)
	case text == "":
		return nil, fmt.Errorf("post on lead %s: the message is empty: %w", l.ID, ErrInvalid)
	case utf8.RuneCountInString(text) > maxMessage:
		return nil, fmt.Errorf("post on lead %s: the message is longer than %d characters: %w", l.ID, maxMessage, ErrInvalid)
	case l.Status == StatusWithdrawn:
		return nil, fmt.Errorf("post on lead %s: the young person has withdrawn: %w", l.ID, ErrInvalid)
	}
	if by == Youth && l.Shared.ContactMethod == ContactInApp {
		// Contact details pass only when the young person chose to share
		// them when sending the lead; a number typed later stays masked.
		text = redact.Redact(text)
	}
	var events []Event
	if by == Staff && l.Status == StatusNew {
		e, err := l.SetStatus(StatusContacted, Staff, name, at)
		if err != nil {
			return nil, err
		}
		events = append(events, e)
	}
	l.answered(by, at)
	l.Thread = append(l.Thread, ThreadMessage{Author: by.role, Name: name, Text: text, At: at})
	e, err := l.record(Event{Type: EventMessage, At: at, By: by.role, Name: name, Text: text})
	if err != nil {
		return nil, err
	}
	return append(events, e), nil
}

// Remind records that the organisation was reminded of an untouched lead.
// A lead is reminded once; after that, or once anyone at the organisation
// has acted, it is ErrUnchanged.
func (l *Lead) Remind(at time.Time) (Event, error) {
	if !l.Untouched() || l.RemindedAt != nil {
		return Event{}, ErrUnchanged
	}
	l.RemindedAt = &at
	return l.record(Event{Type: EventReminder, At: at, By: System.role})
}

// GiveUp marks a lead nobody at the organisation touched as no_response.
// Any other lead is ErrUnchanged.
func (l *Lead) GiveUp(at time.Time) (Event, error) {
	if !l.Untouched() {
		return Event{}, ErrUnchanged
	}
	return l.SetStatus(StatusNoResponse, System, "", at)
}

// AddFriend lets a friend join the lead with an invite. A friend who has
// joined already is ErrUnchanged.
func (l *Lead) AddFriend(userID string, at time.Time) (Event, error) {
	switch {
	case userID == "" || userID == l.YouthID:
		return Event{}, fmt.Errorf("join lead %s: you cannot join your own lead: %w", l.ID, ErrInvalid)
	case slices.Contains(l.FriendIDs, userID):
		return Event{}, ErrUnchanged
	case Final(l.Status):
		return Event{}, fmt.Errorf("join lead %s: the lead is %s: %w", l.ID, l.Status, ErrInvalid)
	case len(l.FriendIDs) >= l.MaxFriends:
		return Event{}, fmt.Errorf("join lead %s: room for %d friends, all taken: %w", l.ID, l.MaxFriends, ErrInvalid)
	}
	l.FriendIDs = append(l.FriendIDs, userID)
	return l.record(Event{Type: EventFriendJoined, At: at, By: Youth.role})
}

// Notice is what the young person is told about an event in their own
// language, or "" when the event is theirs and needs no telling.
func (l *Lead) Notice(e Event) string {
	switch {
	case e.By == Staff.role && e.Type == EventStatusChanged:
		return StatusText(e.Status, e.Name, l.OrganisationName, l.Lang)
	case e.By == Staff.role && e.Type == EventMessage:
		return MessageText(e.Name, l.OrganisationName, e.Text, l.Lang)
	case e.By == System.role && e.Type == EventStatusChanged:
		return StatusText(e.Status, e.Name, l.OrganisationName, l.Lang)
	}
	return ""
}

func (l Lead) clone() Lead {
	l.Events = slices.Clone(l.Events)
	l.Thread = slices.Clone(l.Thread)
	l.FriendIDs = slices.Clone(l.FriendIDs)
	l.Shared.Slots = slices.Clone(l.Shared.Slots)
	l.Shared.Interests = slices.Clone(l.Shared.Interests)
	l.BridgeStages = slices.Clone(l.BridgeStages)
	if l.FirstStep != nil {
		fs := *l.FirstStep
		l.FirstStep = &fs
	}
	return l
}
