package bot

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brobygger/brobygger/match"
)

// Check-in steps: the day before the first step, the day after it, and
// about four weeks in for regular tasks.
const (
	CheckInBefore = "before"
	CheckInAfter  = "after"
	CheckInBelong = "belong"
)

// Check-in answers, as the quick replies carry them ("checkin_welcomed:<lead id>").
const (
	AnswerGoing       = "going"
	AnswerCannotCome  = "cannot_come"
	AnswerNextTime    = "next_time"
	AnswerWelcomed    = "welcomed"
	AnswerNotWelcomed = "not_welcomed"
	AnswerMissed      = "missed"
	AnswerWithFriend  = "with_friend"
	AnswerBelongs     = "belongs"
	AnswerStillGoing  = "still_going"
	AnswerStopped     = "stopped"
)

// checkInActions maps each check-in quick reply's action to its answer.
var checkInActions = map[string]string{
	"checkin_going": AnswerGoing, "checkin_cannot": AnswerCannotCome, "checkin_next": AnswerNextTime,
	"checkin_welcomed": AnswerWelcomed, "checkin_not_welcomed": AnswerNotWelcomed, "checkin_missed": AnswerMissed,
	"checkin_friend": AnswerWithFriend, "checkin_belongs": AnswerBelongs, "checkin_still_going": AnswerStillGoing,
	"checkin_stopped": AnswerStopped,
}

// CheckIn is a check-in to put into the young person's chat: which lead
// and step it is about, and the first step it reminds them of.
type CheckIn struct {
	// Key makes delivery idempotent: a check-in whose key the chat has
	// seen is not said again.
	Key    string
	LeadID string
	Step   string
	// Organisation and the first step as the young person chose it.
	Organisation      string
	What, Where, Whom string
	StartsAt          *time.Time
	// Friends is whether a friend may still come along.
	Friends bool
}

// FollowUps is what the chat keeps about check-ins: how many in a row went
// unanswered, the keys of those said, and the leads they were about (the
// only leads a check-in answer may name).
type FollowUps struct {
	Unanswered int      `json:"unanswered,omitempty"`
	Keys       []string `json:"keys,omitempty"`
	Leads      []string `json:"leads,omitempty"`
	// Asking is the check-in just said, until the young person's next
	// message: a typed answer ("det gik godt") is read as its buttons.
	Asking *Asking `json:"asking,omitempty"`
}

// Asking is a check-in waiting for its answer.
type Asking struct {
	LeadID string `json:"lead_id"`
	Step   string `json:"step"`
}

// MaxUnanswered is how many check-ins in a row may go unanswered; after
// that the chat is silent until the young person writes.
const MaxUnanswered = 2

// maxCheckInKeys bounds the remembered keys; a job is never retried that long.
const maxCheckInKeys = 30

// FollowUpsSwitched is the young person turning check-ins off or on in the
// chat ("stop påmindelser", "slå påmindelser til").
type FollowUpsSwitched struct{ On bool }

func (FollowUpsSwitched) event() {}

// followUpsWords name the check-ins in a message about them.
const followUpsWords = `(påmindelser\w*|opfølgning\w*|check-?ins?|reminders?|follow-?ups?)`

var (
	// Go's \b knows only ASCII letters, so words ending in å are closed by a space.
	followUpsOff = regexp.MustCompile(`\b(stop|stoppe|slå|sluk|ingen flere|ikke flere|no more|turn off)\s.*\b` + followUpsWords + `|\b` + followUpsWords + `.*\s(fra|off)\b`)
	followUpsOn  = regexp.MustCompile(`\b(slå|tænd|turn)\s.*\b` + followUpsWords + `.*\s(til|on)\b|\b` + followUpsWords + `\s(til|on) igen\b|\b(turn on|slå til|tænd for)\s.*\b` + followUpsWords)
)

// switchFollowUps reads a message that turns check-ins off or on.
func switchFollowUps(text string) (on, ok bool) {
	lower := strings.ToLower(text)
	switch {
	case utf8.RuneCountInString(lower) > maxTypedAnswer:
		return false, false
	case followUpsOn.MatchString(lower):
		return true, true
	case followUpsOff.MatchString(lower):
		return false, true
	}
	return false, false
}

// CheckInAnswered is the young person's answer to a check-in.
type CheckInAnswered struct {
	LeadID, Answer string
}

func (CheckInAnswered) event() {}

// CheckInStep is a first step as a check-in or a rescheduled lead needs it.
type CheckInStep struct {
	What     string     `json:"what"`
	Where    string     `json:"where"`
	Whom     string     `json:"whom"`
	StartsAt *time.Time `json:"starts_at"`
	EndsAt   *time.Time `json:"ends_at"`
}

// checkInStep is o's first step for the young person after the given
// time, as a lead keeps it.
func (t *turn) checkInStep(o *match.Opportunity, after time.Time) CheckInStep {
	text := t.textOf(o)
	step := CheckInStep{What: text.What, Where: text.Where, Whom: text.Contact}
	if s, ok := match.FirstStepTime(o, t.st.matchProfile(), after); ok && !s.Session.Start.IsZero() {
		start, end := s.Session.Start, s.Session.End
		step.StartsAt, step.EndsAt = &start, &end
	}
	return step
}

// NextFirstStep is the first session of an opportunity after the given
// time that fits the young person, for "a different day"; false when the
// catalog has none (or no longer has the opportunity).
func (s *Service) NextFirstStep(ctx context.Context, userID, opportunityID string, after time.Time) (CheckInStep, bool, error) {
	o, ok := s.engine.catalog.Get(opportunityID)
	if !ok {
		return CheckInStep{}, false, nil
	}
	st := State{Lang: "da"}
	if c, found, err := s.Existing(ctx, userID); err != nil {
		return CheckInStep{}, false, err
	} else if found {
		st = c.State
	}
	t := s.engine.newTurn(&st, s.now())
	step := t.checkInStep(o, after)
	return step, step.StartsAt != nil, nil
}

// CheckInResult is what came of an answer that needed the lead: the new
// first step after "a different day", or a code for a friend.
type CheckInResult struct {
	Organisation string
	Next         *CheckInStep
	InviteCode   string
}

// CheckIns carries out check-in answers: it records them on the lead,
// tells the organisation, and moves the first step when asked.
type CheckIns interface {
	Answer(ctx context.Context, userID, leadID, answer string) (CheckInResult, error)
	SetEnabled(ctx context.Context, userID string, on bool) error
}

// WithCheckIns makes check-in answers reach the lead.
func (s *Service) WithCheckIns(c CheckIns) *Service {
	s.checkins = c
	return s
}

// Check-in delivery outcomes.
const (
	// CheckInSaid means the check-in is in the chat (now or before).
	CheckInSaid = "said"
	// CheckInSilent means it was not said: too many went unanswered, or
	// the young person has no conversation any more.
	CheckInSilent = "silent"
)

// DeliverCheckIn puts a check-in into the young person's chat, once: a
// key said before is not said again, and after MaxUnanswered check-ins in
// a row without an answer nothing is said until they write.
func (s *Service) DeliverCheckIn(ctx context.Context, userID string, ci CheckIn) (string, error) {
	c, found, err := s.Existing(ctx, userID)
	if err != nil {
		return "", err
	}
	if !found {
		return CheckInSilent, nil
	}
	outcome := CheckInSilent
	_, err = s.store.UpdateConversation(ctx, c.ID, func(c *Conversation) error {
		f := c.State.FollowUps
		if f == nil {
			f = &FollowUps{}
		}
		switch {
		case slices.Contains(f.Keys, ci.Key):
			outcome = CheckInSaid
			return ErrUnchanged
		case f.Unanswered >= MaxUnanswered:
			outcome = CheckInSilent
			return ErrUnchanged
		}
		now := s.now()
		c.appendMessages(now, s.engine.checkInMessage(&c.State, ci, now))
		f.Unanswered++
		f.Asking = &Asking{LeadID: ci.LeadID, Step: ci.Step}
		f.Keys = append(f.Keys, ci.Key)
		f.Keys = f.Keys[max(len(f.Keys)-maxCheckInKeys, 0):]
		if !slices.Contains(f.Leads, ci.LeadID) {
			f.Leads = append(f.Leads, ci.LeadID)
		}
		c.State.FollowUps = f
		c.UpdatedAt = now
		outcome = CheckInSaid
		return nil
	})
	if err != nil {
		return "", err
	}
	if outcome == CheckInSaid && s.delivered != nil {
		s.delivered(c.ID)
	}
	return outcome, nil
}

// leadReply is a quick reply about one lead ("checkin_welcomed:<lead id>").
func (e *Engine) leadReply(action, leadID, lang string) QuickReply {
	return QuickReply{ID: action + ":" + leadID, Label: e.flow.Action(action, lang)}
}

// checkInMessage is the check-in as the young person reads it.
func (e *Engine) checkInMessage(st *State, ci CheckIn, now time.Time) Message {
	t := e.newTurn(st, now)
	reply := func(action string) QuickReply { return e.leadReply(action, ci.LeadID, st.Lang) }
	var m Message
	switch ci.Step {
	case CheckInBefore:
		m.Text = t.tr("checkin_before", "organisation", ci.Organisation, "step", t.stepLine(ci.What, ci.Where, ci.Whom, ci.StartsAt))
		m.QuickReplies = []QuickReply{reply("checkin_going"), reply("checkin_cannot")}
	case CheckInAfter:
		m.Text = t.tr("checkin_after", "organisation", ci.Organisation)
		m.QuickReplies = []QuickReply{reply("checkin_welcomed"), reply("checkin_not_welcomed"), reply("checkin_missed")}
	default:
		m.Text = t.tr("checkin_belong", "organisation", ci.Organisation)
		m.QuickReplies = []QuickReply{reply("checkin_belongs"), reply("checkin_still_going"), reply("checkin_stopped")}
	}
	m.From, m.Kind = FromBot, "checkin"
	return m
}

// stepLine says a first step in one line: when, what, where and whom to
// ask for, leaving out what is unknown.
func (t *turn) stepLine(what, where, whom string, at *time.Time) string {
	parts := []string{}
	if at != nil {
		parts = append(parts, t.formatWhen(*at)+": "+what)
	} else {
		parts = append(parts, what)
	}
	if where != "" {
		parts = append(parts, where)
	}
	line := strings.Join(parts, ", ") + "."
	if whom != "" {
		line += " " + t.tr("checkin_ask_for", "contact", whom)
	}
	return line
}

// typedAnswers read a short typed answer to a check-in as one of its
// buttons, per step, tried in order: a "not" is looked for before the
// plain "good" it may contain ("ikke så godt").
var typedAnswers = map[string][]struct {
	action string
	re     *regexp.Regexp
}{
	CheckInBefore: {
		{"checkin_cannot", regexp.MustCompile(`\b(kan (alligevel )?ikke|kan ikke alligevel|når det ikke|aflys\w*|syg|can'?t|cannot|can not|won'?t make it)\b`)},
		{"checkin_going", regexp.MustCompile(`^(ja|jep|jo|yes|yep|yeah|ok|okay|sure)\b|\b(jeg kommer|glæder mig|i'?ll be there|see you)\b|👍`)},
	},
	CheckInAfter: {
		{"checkin_missed", regexp.MustCompile(`\b(nåede (det )?ikke|kom (der )?ikke|var der ikke|tog ikke derhen|glemte|didn'?t (go|make it)|did not (go|make it)|missed|couldn'?t go)\b`)},
		{"checkin_not_welcomed", regexp.MustCompile(`\b(ikke (så |særlig |helt )?(godt|godt modtaget|fedt|sjovt)|dårligt?|skidt|kedeligt|akavet|ingen (tog imod|sagde|hilste)|ignorer\w*|not (so |very |that )?(good|great|well|welcom\w*)|bad|awkward|nobody)\b`)},
		{"checkin_welcomed", regexp.MustCompile(`\b(godt|fint|super|fedt|sjovt|dejligt|rart|hyggeligt|great|good|fine|fun|nice|loved it|awesome)\b|👍|🎉`)},
	},
	CheckInBelong: {
		{"checkin_stopped", regexp.MustCompile(`\b(stoppet|stopper|holdt op|kommer ikke (der )?mere|quit|stopped|don'?t go any ?more)\b`)},
		{"checkin_still_going", regexp.MustCompile(`\b(ikke helt|ikke rigtig|lidt|halvt|not quite|not really|kind of|sort of)\b`)},
		{"checkin_belongs", regexp.MustCompile(`^(ja|jep|jo|yes|yep|yeah)\b|\b(hører til|del af (det|fællesskabet)|føler mig hjemme|belong|part of it)\b`)},
	},
}

// maxTypedAnswer is the longest text read as a check-in answer; anything
// longer says more than a button could, and the chat reads it as usual.
const maxTypedAnswer = 60

// typedCheckInAnswer answers the check-in just said when the young
// person's short message reads as one of its buttons.
func (t *turn) typedCheckInAnswer(text string) bool {
	f := t.st.FollowUps
	if f == nil || f.Asking == nil || utf8.RuneCountInString(text) > maxTypedAnswer {
		return false
	}
	lower := strings.ToLower(strings.TrimSpace(text))
	for _, a := range typedAnswers[f.Asking.Step] {
		if a.re.MatchString(lower) {
			t.checkInAnswer(a.action, f.Asking.LeadID)
			return true
		}
	}
	return false
}

// checkInAnswer answers a check-in quick reply at once, warmly and with
// the next steps that fit, and leaves recording it to the service. An
// answer about a lead no check-in asked about gets nothing.
func (t *turn) checkInAnswer(action, leadID string) {
	answer := checkInActions[action]
	if f := t.st.FollowUps; f == nil || !slices.Contains(f.Leads, leadID) {
		t.say(t.tr("not_understood"))
		t.resume()
		return
	}
	t.st.FollowUps.Unanswered, t.st.FollowUps.Asking = 0, nil
	t.checkin = &CheckInAnswered{LeadID: leadID, Answer: answer}
	reply := func(action string) QuickReply { return t.e.leadReply(action, leadID, t.st.Lang) }
	switch answer {
	case AnswerGoing:
		t.say(t.tr("checkin_going"))
	case AnswerCannotCome:
		t.say(t.tr("checkin_cannot"), reply("checkin_next"), t.action("show_more"))
	case AnswerWelcomed:
		t.say(t.tr("checkin_welcomed"))
	case AnswerNotWelcomed:
		t.say(t.tr("checkin_not_welcomed"), reply("lead_reply"), t.action("show_more"))
	case AnswerMissed:
		t.say(t.tr("checkin_missed"), reply("checkin_next"), reply("checkin_friend"), t.action("show_more"))
	case AnswerBelongs:
		t.say(t.tr("checkin_belongs"))
	case AnswerStillGoing:
		t.say(t.tr("checkin_still_going"), reply("lead_reply"))
	case AnswerStopped:
		t.say(t.tr("checkin_stopped"), t.action("show_more"))
	case AnswerNextTime, AnswerWithFriend:
		// Said once the service has found the date or made the code.
	}
}

// afterCheckIn carries out a check-in answer and says what came of it
// when that needed the lead.
func (s *Service) afterCheckIn(ctx context.Context, userID, lang string, ev CheckInAnswered) {
	if s.checkins == nil {
		return
	}
	res, err := s.checkins.Answer(ctx, userID, ev.LeadID, ev.Answer)
	say := func(name string, kv ...string) *Message {
		return &Message{Text: s.engine.Say(name, lang, kv...)}
	}
	var m *Message
	switch {
	case err != nil:
		m = say("checkin_failed")
	case ev.Answer == AnswerNextTime && res.Next == nil:
		m = say("checkin_no_next")
		m.QuickReplies = []QuickReply{{ID: "show_more", Label: s.engine.Label("show_more", lang)}}
	case ev.Answer == AnswerNextTime:
		st := State{Lang: lang}
		t := s.engine.newTurn(&st, s.now())
		n := res.Next
		m = say("checkin_rescheduled", "organisation", res.Organisation, "step", t.stepLine(n.What, n.Where, n.Whom, n.StartsAt))
	case ev.Answer == AnswerWithFriend && res.InviteCode == "":
		m = say("checkin_no_friend")
		m.QuickReplies = []QuickReply{s.engine.leadReply("checkin_next", ev.LeadID, lang)}
	case ev.Answer == AnswerWithFriend:
		m = say("checkin_friend_code", "code", res.InviteCode, "organisation", res.Organisation)
	}
	if m != nil {
		_ = s.Deliver(ctx, userID, *m)
	}
}
