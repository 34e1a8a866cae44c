package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Store is the storage the conversation service needs; package store implements it.
type Store interface {
	CreateConversation(ctx context.Context, c *Conversation) error
	Conversation(ctx context.Context, id string) (*Conversation, error)
	ConversationByUser(ctx context.Context, userID string) (*Conversation, error)
	UpdateConversation(ctx context.Context, id string, fn func(*Conversation) error) (*Conversation, error)
	// History returns every message of the conversation, archived ones included.
	History(ctx context.Context, c *Conversation) ([]Message, error)
	// EraseUser deletes everything stored about the user.
	EraseUser(ctx context.Context, userID string) error
}

// ClientMessages finds the key of every answered client message whose
// message has left the conversation's latest ones. A Store that implements
// it (package store does, keeping a key as its message moves into the
// archive) has retries deduplicated however old; with one that does not,
// only the latest ids the state keeps (State.ClientIDs) are recognised.
type ClientMessages interface {
	// ClientMessage finds the key of a client message id in a
	// conversation; one never answered is ErrNotFound.
	ClientMessage(ctx context.Context, conversationID, clientMessageID string) (ClientMessage, error)
}

// Service runs conversations: one turn at a time per conversation, each turn
// loading the state, running the engine and saving state and messages in a
// single update.
type Service struct {
	engine *Engine
	store  Store
	// keys is the store's ClientMessages, nil when it keeps none.
	keys ClientMessages
	// classes finds a class by a code typed in the chat; nil when there
	// are no classes.
	classes ClassJoiner
	cases   CaseStore
	leads   Leads
	// referrals opens a professional's referral by code (referral.go);
	// nil when there are none.
	referrals ReferralOpener
	// checkins records check-in answers on their leads; nil without leads.
	checkins CheckIns
	// milestone is told of each step across the bridge (milestone.go).
	milestone func(ctx context.Context, m Milestone)
	// delivered is told about messages added outside a turn.
	delivered func(conversationID string)
	// onTurn is told how each turn went (turnreport.go).
	onTurn func(TurnReport)
	now    func() time.Time
	newID  func() string
	assist assistant // optional language model (assist.go)
}

// CaseStore keeps safeguarding cases for people to look at.
type CaseStore interface {
	OpenCase(ctx context.Context, c SafeguardingCase) error
}

// WithCases makes the service open a safeguarding case when a minor
// discloses abuse or violence.
func (s *Service) WithCases(cases CaseStore) *Service {
	s.cases = cases
	return s
}

// NewService wires the engine to a store, a clock and an id generator.
func NewService(engine *Engine, store Store, now func() time.Time, newID func() string) *Service {
	keys, _ := store.(ClientMessages)
	return &Service{engine: engine, store: store, keys: keys, now: now, newID: newID}
}

// Engine returns the conversation engine.
func (s *Service) Engine() *Engine { return s.engine }

// Start returns the user's conversation, creating it with a greeting if there is none.
func (s *Service) Start(ctx context.Context, userID, lang string) (*Conversation, bool, error) {
	c, err := s.store.ConversationByUser(ctx, userID)
	if err == nil {
		return c, false, nil
	}
	if !errors.Is(err, ErrNotFound) {
		return nil, false, err
	}
	now := s.now()
	c = &Conversation{ID: s.newID(), UserID: userID, CreatedAt: now, UpdatedAt: now}
	out := s.engine.Start(&c.State, lang)
	c.appendMessages(now, out.Messages...)
	if err := s.store.CreateConversation(ctx, c); err != nil {
		return nil, false, err
	}
	return c, true, nil
}

// Get returns a conversation the user owns, with its latest messages;
// anyone else's is ErrNotFound.
func (s *Service) Get(ctx context.Context, userID, id string) (*Conversation, error) {
	c, err := s.store.Conversation(ctx, id)
	if err != nil {
		return nil, err
	}
	if c.UserID != userID {
		return nil, fmt.Errorf("conversation %s: %w", id, ErrNotFound)
	}
	return c, nil
}

// WithHistory returns the user's conversation with every message loaded.
func (s *Service) WithHistory(ctx context.Context, userID, id string) (*Conversation, error) {
	c, err := s.Get(ctx, userID, id)
	if err != nil {
		return nil, err
	}
	return s.loadHistory(ctx, c)
}

func (s *Service) loadHistory(ctx context.Context, c *Conversation) (*Conversation, error) {
	if c.Archived == 0 {
		return c, nil
	}
	all, err := s.store.History(ctx, c)
	if err != nil {
		return nil, err
	}
	c.Messages, c.Archived = all, 0
	return c, nil
}

// Messages returns the user's messages after the one with the given id
// (all of them for an empty id), oldest first, reading archived messages
// only when the id is not among the latest.
func (s *Service) Messages(ctx context.Context, userID, id, after string) ([]Message, error) {
	c, err := s.Get(ctx, userID, id)
	if err != nil {
		return nil, err
	}
	if after != "" {
		if ms, ok := c.after(after); ok {
			return ms, nil
		}
	}
	if c, err = s.loadHistory(ctx, c); err != nil {
		return nil, err
	}
	ms, _ := c.after(after)
	return ms, nil
}

// Send runs one turn. A message with a client id that was already answered,
// however long ago, gets the same replies again and changes nothing.
func (s *Service) Send(ctx context.Context, userID, id, clientMessageID string, in Input) (_ []Message, err error) {
	var replies []Message
	var safeguarding *SafeguardingCase
	var after Outcome
	var lang string
	archived, erase, leadsWaiting := false, false, false
	// key is the lasting key of a message answered long ago, whose
	// replies are in the archive.
	var key *ClientMessage
	// userMessageID is the id the young person's message got.
	var userMessageID string
	// steps are the steps across the bridge the turn took.
	var steps []Milestone
	// seen is what the OnTurn observer is told (turnreport.go).
	var seen turnSeen
	defer s.reportTurn(time.Now(), &in, &seen, &replies, &err)
	// LLM assist (assist.go): model calls happen here, before the update; nil when off.
	plan := s.planAssist(ctx, userID, id, clientMessageID, in)
	in = plan.input(in)
	conv, err := s.store.UpdateConversation(ctx, id, func(c *Conversation) error {
		if c.UserID != userID {
			return fmt.Errorf("conversation %s: %w", id, ErrNotFound)
		}
		key, steps = nil, nil
		seen = turnSeen{}
		if r, ok := c.RepliesTo(clientMessageID); ok {
			replies = r
			return ErrUnchanged
		}
		if slices.Contains(c.State.ClientIDs, clientMessageID) {
			archived = true // answered a while ago; its replies are in the archive
			return ErrUnchanged
		}
		// While every message ever written is still among the latest (none
		// archived or forgotten), RepliesTo has seen them all and no key
		// need be read; a short conversation's turns skip the read.
		everyMessageHere := c.Archived == 0 && len(c.Messages) == c.State.Seq
		if s.keys != nil && !everyMessageHere {
			switch k, err := s.keys.ClientMessage(ctx, id, clientMessageID); {
			case err == nil:
				archived, key = true, &k // answered long ago
				return ErrUnchanged
			case !errors.Is(err, ErrNotFound):
				return err
			}
		}
		now := s.now()
		seen = turnSeen{fresh: true, wasCrisis: c.State.Crisis}
		before := progressOf(&c.State)
		user := Message{From: FromUser, Text: in.Text, Choice: in.Choice, ClientMessageID: clientMessageID}
		if in.Choice != "" {
			user.Text = s.engine.Label(in.Choice, c.State.Lang)
		}
		var out Outcome
		prior, followUps := c.State.ClientIDs, c.State.FollowUps
		if st, planned, at, ok := plan.turn(c); ok {
			// LLM assist: the turn planned before the update, phrased.
			c.State, out, now = st, planned, at
		} else {
			out = s.engine.Turn(&c.State, in, now)
		}
		// The client ids are the service's, whatever the turn did to the
		// state: they say nothing about the person, and after "start
		// forfra" a late retry of an earlier message must still not be
		// stored again.
		c.State.ClientIDs = prior
		c.State.rememberClientID(clientMessageID)
		// Check-ins are the service's too (a turn planned before this
		// update has not seen one said since), and whatever the young
		// person wrote, they are talking again: check-ins may speak again.
		c.State.FollowUps = followUps
		if followUps != nil {
			// A check-in is answered in the message right after it, or not
			// at all: later words are read as the chat reads any.
			followUps.Unanswered, followUps.Asking = 0, nil
		}
		userMessageID = c.appendMessages(now, user)[0].ID
		safeguarding, erase = nil, false
		for _, ev := range out.Events {
			switch ev := ev.(type) {
			case TurnForgotten:
				c.forget()
			case ErasureRequested:
				erase = true
			case LeadRequested:
				if s.leads != nil {
					// Like a case, the lead rides in the turn's own update: what
					// the chat says ("sender…") is true whatever happens next.
					req := ev.Request
					req.ID = s.newID()
					c.State.PendingLeads = append(c.State.PendingLeads, req)
				}
			case CaseRaised:
				if s.cases != nil {
					// The case rides in the same update as the turn, so it cannot
					// be lost between saving the turn and opening the case.
					cs := ev.Case
					cs.ID, cs.UserID, cs.ConversationID = s.newID(), userID, id
					c.State.PendingCases = append(c.State.PendingCases, cs)
					safeguarding = &cs
				}
			}
		}
		replies = c.appendMessages(now, out.Messages...)
		c.UpdatedAt = now
		steps = s.milestonesSince(before, id, &c.State, now)
		after, lang = out, c.State.Lang
		leadsWaiting = len(c.State.PendingLeads) > 0
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.tell(ctx, steps)
	if safeguarding != nil {
		// A failure here is retried by FlushCases; the young person's
		// answer does not wait for it.
		_ = s.flushCases(ctx, id)
	}
	if erase {
		if err := s.store.EraseUser(ctx, userID); err != nil {
			return nil, fmt.Errorf("erase on request: %w", err)
		}
	}
	if leadsWaiting {
		// A failure is said in the chat and retried by FlushLeads. What it
		// said ("Sendt!" or why not) belongs to this answer too.
		_ = s.flushLeads(ctx, id)
		if len(replies) > 0 {
			if more, err := s.Messages(ctx, userID, id, replies[len(replies)-1].ID); err == nil {
				replies = append(replies, more...)
			}
		}
	}
	s.afterTurn(ctx, userID, id, lang, after)
	if ev, ok := EventOf[CheckInAnswered](after); ok && (ev.Answer == AnswerNextTime || ev.Answer == AnswerWithFriend) {
		// The new date or the friend's code is this answer's reply.
		last := userMessageID
		if len(replies) > 0 {
			last = replies[len(replies)-1].ID
		}
		if more, err := s.Messages(ctx, userID, id, last); err == nil {
			replies = append(replies, more...)
		}
	}
	if archived {
		if conv, err = s.loadHistory(ctx, conv); err != nil {
			return nil, err
		}
		if key != nil {
			replies = key.replies(conv.Messages)
		} else {
			replies, _ = conv.RepliesTo(clientMessageID)
		}
	}
	return replies, nil
}

// replies picks the key's replies out of the conversation's messages; those
// forgotten since ("start forfra", retention) are gone and stay gone.
func (k ClientMessage) replies(history []Message) []Message {
	var out []Message
	for _, m := range history {
		if slices.Contains(k.ReplyIDs, m.ID) {
			out = append(out, m)
		}
	}
	return out
}

// appendMessages numbers and timestamps new messages and returns them as stored.
func (c *Conversation) appendMessages(now time.Time, msgs ...Message) []Message {
	start := len(c.Messages)
	for _, m := range msgs {
		c.State.Seq++
		m.ID = fmt.Sprintf("m%06d", c.State.Seq)
		m.CreatedAt = now
		c.Messages = append(c.Messages, m)
	}
	return c.Messages[start:]
}

// forget drops what the conversation revealed about the person: every
// message but the greeting, and the text of the message just sent, which is
// kept blank so a retry still finds its replies.
func (c *Conversation) forget() {
	kept := make([]Message, 0, 2)
	if c.Archived == 0 && len(c.Messages) > 1 && c.Messages[0].From == FromBot {
		kept = append(kept, c.Messages[0])
	}
	last := c.Messages[len(c.Messages)-1]
	last.Text = ""
	c.Messages = append(kept, last)
	c.DropHistory = c.Archived > 0
}

// Existing returns the user's conversation, or nil when they have none yet.
func (s *Service) Existing(ctx context.Context, userID string) (*Conversation, bool, error) {
	c, err := s.store.ConversationByUser(ctx, userID)
	if errors.Is(err, ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return c, true, nil
}

// StepInfo is an opportunity's first step as it fits one young person.
type StepInfo struct {
	FirstStep
	Title string
}

// FirstStep works out the first step of an opportunity for the user: the
// next session that fits their time.
func (s *Service) FirstStep(ctx context.Context, userID, opportunityID string) (StepInfo, error) {
	o, ok := s.engine.catalog.Get(opportunityID)
	if !ok {
		return StepInfo{}, fmt.Errorf("opportunity %s: %w", opportunityID, ErrNotFound)
	}
	st := State{Lang: "da"}
	if c, found, err := s.Existing(ctx, userID); err != nil {
		return StepInfo{}, err
	} else if found {
		st = c.State
	}
	t := s.engine.newTurn(&st, s.now())
	if _, ok := t.actionable(opportunityID); !ok {
		// Only what the young person was shown, and may join.
		return StepInfo{}, fmt.Errorf("opportunity %s: %w", opportunityID, ErrNotFound)
	}
	return StepInfo{FirstStep: t.firstStep(o, t.stepTime(o)), Title: t.textOf(o).Title}, nil
}

// Leads passes warm leads on to organisations.
type Leads interface {
	// SendLead creates the lead and returns a code the young person can
	// give a friend who wants to come along. Sending a request with the
	// same ID again must not create a second lead.
	SendLead(ctx context.Context, userID, conversationID string, r LeadRequest) (inviteCode string, err error)
	// JoinLead adds the user to a friend's lead and says which one.
	JoinLead(ctx context.Context, userID, code string) (organisation, title string, err error)
	// ReplyLead writes the user's answer into one of their leads' threads.
	ReplyLead(ctx context.Context, userID, leadID, text string) error
}

// WithLeads makes "Det vil jeg gerne" reach the organisation as a warm lead.
func (s *Service) WithLeads(l Leads) *Service {
	s.leads = l
	return s
}

// afterTurn carries out what a turn asked for beyond its messages: a
// reply in a lead's thread or joining a friend's lead. Their outcome reaches the chat as a message
// of its own, so the turn's replies stay what they were.
func (s *Service) afterTurn(ctx context.Context, userID, convID, lang string, out Outcome) {
	if ev, ok := EventOf[CheckInAnswered](out); ok {
		s.afterCheckIn(ctx, userID, lang, ev)
	}
	if ev, ok := EventOf[FollowUpsSwitched](out); ok && s.checkins != nil {
		if err := s.checkins.SetEnabled(ctx, userID, ev.On); err != nil {
			_ = s.Deliver(ctx, userID, Message{Text: s.engine.Say("checkin_failed", lang)})
		}
	}
	if ev, ok := EventOf[JoinRequested](out); ok && s.openReferral(ctx, userID, convID, lang, ev.Code) {
		return // a professional's referral code (referral.go)
	}
	if s.leads == nil {
		return
	}
	say := func(name string, kv ...string) {
		_ = s.Deliver(ctx, userID, Message{Text: s.engine.Say(name, lang, kv...)})
	}
	for _, ev := range out.Events {
		switch ev := ev.(type) {
		case ReplyWritten:
			if err := s.leads.ReplyLead(ctx, userID, ev.Reply.LeadID, ev.Reply.Text); err != nil {
				say("lead_reply_failed")
			} else {
				say("lead_reply_sent")
			}
		case JoinRequested:
			if s.joinClass(ctx, userID, convID, lang, ev.Code) {
				continue
			}
			org, title, err := s.leads.JoinLead(ctx, userID, ev.Code)
			if err != nil {
				say("join_failed")
			} else {
				say("join_ok", "organisation", org, "title", title)
			}
		}
	}
}

// Deliver adds a bot message to the user's conversation outside a turn: an
// organisation's reply, a follow-up, the result of sending a lead.
func (s *Service) Deliver(ctx context.Context, userID string, m Message) error {
	c, found, err := s.Existing(ctx, userID)
	if err != nil || !found {
		return err
	}
	_, err = s.store.UpdateConversation(ctx, c.ID, func(c *Conversation) error {
		m.From = FromBot
		c.appendMessages(s.now(), m)
		return nil
	})
	if err == nil && s.delivered != nil {
		s.delivered(c.ID)
	}
	return err
}

// OnDeliver is called with the conversation id after a message was
// delivered outside a turn, so open event streams can pick it up at once.
func (s *Service) OnDeliver(fn func(conversationID string)) *Service {
	s.delivered = fn
	return s
}

// flushCases opens the conversation's pending safeguarding cases and takes
// them off the conversation once they are stored. Opening a case twice is
// harmless: its id was fixed when it was raised.
func (s *Service) flushCases(ctx context.Context, conversationID string) error {
	if s.cases == nil {
		return nil
	}
	c, err := s.store.Conversation(ctx, conversationID)
	if err != nil {
		return err
	}
	var opened []string
	for _, cs := range c.State.PendingCases {
		if err := s.cases.OpenCase(ctx, cs); err != nil {
			return fmt.Errorf("open safeguarding case: %w", err)
		}
		opened = append(opened, cs.ID)
	}
	if len(opened) == 0 {
		return nil
	}
	_, err = s.store.UpdateConversation(ctx, conversationID, func(c *Conversation) error {
		c.State.PendingCases = slices.DeleteFunc(c.State.PendingCases, func(cs SafeguardingCase) bool {
			return slices.Contains(opened, cs.ID)
		})
		return nil
	})
	return err
}

// FlushCases retries opening safeguarding cases that could not be stored
// when they were raised, for the conversations given.
func (s *Service) FlushCases(ctx context.Context, conversationIDs []string) error {
	return eachConversation(ctx, conversationIDs, s.flushCases)
}

// eachConversation runs flush for every conversation, going on past
// failures and returning them all: one stuck conversation must not hold up
// the others' outboxes.
func eachConversation(ctx context.Context, ids []string, flush func(context.Context, string) error) error {
	var errs []error
	for _, id := range ids {
		if err := flush(ctx, id); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// flushLeads sends the conversation's pending leads and says in the chat
// what came of it: "Sendt!" with a friend's code once the lead is stored,
// or, the first time it fails, that it could not be sent yet and will be
// tried again, with a button to try at once. A lead is marked sent, and
// leaves the outbox, in the same update that says so.
func (s *Service) flushLeads(ctx context.Context, conversationID string) error {
	if s.leads == nil {
		return nil
	}
	c, err := s.store.Conversation(ctx, conversationID)
	if err != nil {
		return err
	}
	type result struct {
		code string
		err  error
	}
	results := map[string]result{}
	var errs []error
	for _, req := range c.State.PendingLeads {
		code, err := s.leads.SendLead(ctx, c.UserID, conversationID, req)
		results[req.ID] = result{code, err}
		if err != nil {
			errs = append(errs, fmt.Errorf("send lead %s: %w", req.ID, err))
		}
	}
	if len(results) == 0 {
		return nil
	}
	var sent []Milestone
	_, err = s.store.UpdateConversation(ctx, conversationID, func(c *Conversation) error {
		sent = sent[:0]
		now := s.now()
		lang := c.State.Lang
		kept := c.State.PendingLeads[:0]
		changed := false
		for _, req := range c.State.PendingLeads {
			res, tried := results[req.ID]
			switch {
			case !tried:
				kept = append(kept, req)
			case res.err == nil:
				sent = append(sent, s.leadMilestone(conversationID, &c.State, req, now))
				for i := range c.State.Chosen {
					if c.State.Chosen[i].OpportunityID == req.OpportunityID {
						c.State.Chosen[i].LeadSent = true
					}
				}
				text := s.engine.Say("lead_sent", lang, "organisation", req.Organisation)
				if res.code != "" {
					text += "\n\n" + s.engine.Say("lead_invite", lang, "code", res.code, "organisation", req.Organisation)
				}
				c.appendMessages(now, Message{From: FromBot, Text: text, Kind: "lead_sent"})
				changed = true
			default:
				if req.Attempts == 0 {
					c.appendMessages(now, Message{From: FromBot, Kind: "lead_failed",
						Text:         s.engine.Say("lead_failed", lang, "organisation", req.Organisation),
						QuickReplies: []QuickReply{{ID: "lead_retry:" + req.OpportunityID, Label: s.engine.Label("lead_retry", lang)}}})
				}
				req.Attempts++
				kept = append(kept, req)
				changed = true
			}
		}
		c.State.PendingLeads = kept
		if !changed {
			return ErrUnchanged
		}
		c.UpdatedAt = now
		return nil
	})
	if err != nil && !errors.Is(err, ErrUnchanged) {
		return err
	}
	s.tell(ctx, sent)
	if s.delivered != nil {
		s.delivered(conversationID)
	}
	return errors.Join(errs...)
}

// FlushLeads retries sending warm leads that could not be sent when the
// young person agreed, for the conversations given.
func (s *Service) FlushLeads(ctx context.Context, conversationIDs []string) error {
	return eachConversation(ctx, conversationIDs, s.flushLeads)
}
