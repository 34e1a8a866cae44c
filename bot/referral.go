package bot

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Referral is the professional who sent the young person here (a school
// counsellor, a social worker, a job consultant) and whether the young
// person lets them follow how far they get. The conversation keeps only
// this; the referral itself, kept by package referrals, knows the
// conversation's id and nothing else about the young person.
type Referral struct {
	ID string `json:"id"`
	// By is who referred them as they were told: the referring
	// organisation's name, or "en fagperson" / "a professional".
	By string `json:"by"`
	// Share is whether the referrer may see the young person's progress,
	// as coarse steps only; false until they say yes, and again after
	// "stop deling".
	Share bool `json:"share"`
	// At is when the young person opened the referral.
	At time.Time `json:"at"`
}

// ReferralCodeLength tells a referral code from a friend's invite code (6)
// and a class's join code (7) in the chat's "kode …".
const ReferralCodeLength = 8

// ReferralInvite is what opening a referral tells the young person.
type ReferralInvite struct {
	ID string
	// Organisation is the referring organisation's name; empty for a
	// professional without one.
	Organisation string
	// Note is the referrer's own words to the young person, if any.
	Note string
}

// ReferralOpener binds a referral code to the conversation that opens it.
type ReferralOpener interface {
	// OpenReferral binds the referral behind code to conversationID, the
	// first time it is opened; opening it again from the same
	// conversation finds it again. A code opened by another conversation
	// is ErrReferralTaken; an unknown or expired one any other error.
	OpenReferral(ctx context.Context, code, conversationID string) (ReferralInvite, error)
}

// ErrReferralTaken means another young person opened the referral code
// first: a referral follows one young person only.
var ErrReferralTaken = errors.New("the referral code was opened by another young person")

// SetReferrals lets young people open a referral by typing its code in the
// chat, and StartWithReferral open one at all.
func (s *Service) SetReferrals(o ReferralOpener) { s.referrals = o }

// referralTexts and referralActions are the texts and actions the
// referral says by name, validated with the engine's own.
var (
	referralTexts = []string{"referral_intro", "referral_note", "referral_ask", "referral_professional",
		"referral_shared", "referral_not_shared", "referral_stopped", "referral_none", "referral_failed", "referral_taken"}
	referralActions = []string{"referral_share_yes", "referral_share_no"}
)

// Quick replies to the referral's question; their ids are a contract with
// the apps.
const (
	ReferralShareYes = "referral_share:yes"
	ReferralShareNo  = "referral_share:no"
)

// referralChoice reports whether choice answers the referral's question,
// and with which flow action as its label.
func referralChoice(choice string) (action string, ok bool) {
	switch choice {
	case ReferralShareYes:
		return "referral_share_yes", true
	case ReferralShareNo:
		return "referral_share_no", true
	}
	return "", false
}

// StartWithReferral starts or resumes the user's conversation and opens
// the referral behind code in it, asking whether the referrer may follow
// along. Opening the same referral again asks nothing twice.
func (s *Service) StartWithReferral(ctx context.Context, userID, lang, code string) (*Conversation, error) {
	if s.referrals == nil {
		return nil, ErrNotFound
	}
	c, _, err := s.Start(ctx, userID, lang)
	if err != nil {
		return nil, err
	}
	inv, err := s.referrals.OpenReferral(ctx, code, c.ID)
	if err != nil {
		return nil, err
	}
	return s.putReferral(ctx, c.ID, inv)
}

// putReferral records the referral in the conversation and asks the young
// person whether the referrer may follow along. A new referral replaces an
// older one, whose referrer then sees nothing more.
func (s *Service) putReferral(ctx context.Context, convID string, inv ReferralInvite) (*Conversation, error) {
	return s.store.UpdateConversation(ctx, convID, func(c *Conversation) error {
		if r := c.State.Referral; r != nil && r.ID == inv.ID {
			return ErrUnchanged
		}
		now := s.now()
		c.State.Referral = &Referral{ID: inv.ID, By: s.engine.referrerName(inv.Organisation, c.State.Lang), At: now}
		c.appendMessages(now, s.engine.referralOpened(&c.State, inv.Note))
		c.UpdatedAt = now
		return nil
	})
}

// openReferral opens the referral behind code, typed in the chat; it
// reports false when code cannot be a referral's.
func (s *Service) openReferral(ctx context.Context, userID, convID, lang, code string) bool {
	code = normaliseReferralCode(code)
	if s.referrals == nil || code == "" {
		return false
	}
	inv, err := s.referrals.OpenReferral(ctx, code, convID)
	switch {
	case errors.Is(err, ErrReferralTaken):
		_ = s.Deliver(ctx, userID, Message{Text: s.engine.Say("referral_taken", lang)})
	case err != nil:
		_ = s.Deliver(ctx, userID, Message{Text: s.engine.Say("referral_failed", lang)})
	default:
		if _, err := s.putReferral(ctx, convID, inv); err == nil && s.delivered != nil {
			s.delivered(convID)
		}
	}
	return true
}

// normaliseReferralCode reads a code as typed (any case, spaces and dashes
// ignored), "" when it is not eight characters.
func normaliseReferralCode(code string) string {
	code = strings.ToUpper(strings.NewReplacer(" ", "", "-", "").Replace(code))
	if len(code) != ReferralCodeLength {
		return ""
	}
	return code
}

// bareReferralCode is a referral code typed bare: eight characters of the
// invite alphabet with a digit, so an eight-letter word is never one.
var bareReferralCode = regexp.MustCompile(`^\s*([A-HJ-NP-Z2-9]{8})\s*$`)

// typedReferralCode returns the referral code a message is, if it is one.
func typedReferralCode(text string) string {
	if m := bareReferralCode.FindStringSubmatch(text); m != nil && strings.ContainsAny(m[1], "23456789") {
		return m[1]
	}
	return ""
}

// referrerName is who referred, as the young person is told.
func (e *Engine) referrerName(organisation, lang string) string {
	if organisation != "" {
		return organisation
	}
	return e.Say("referral_professional", lang)
}

// referralOpened says who sent the young person, their note if any, and
// asks in one line whether they may follow along — and what that means.
func (e *Engine) referralOpened(st *State, note string) Message {
	t := e.newTurn(st, time.Time{})
	text := t.tr("referral_intro", "by", capitalised(st.Referral.By))
	if note != "" {
		text += "\n\n" + t.tr("referral_note", "note", note)
	}
	text += "\n\n" + t.tr("referral_ask")
	t.say(text, t.referralReply(ReferralShareYes), t.referralReply(ReferralShareNo))
	return t.msgs[0]
}

func (t *turn) referralReply(choice string) QuickReply {
	action, _ := referralChoice(choice)
	return QuickReply{ID: choice, Label: t.e.flow.Action(action, t.st.Lang)}
}

// capitalised starts a sentence with a name: "en fagperson" → "En fagperson".
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// referralShare is the young person's answer: yes lets the referrer see
// their progress, no keeps it from them. Either way the conversation goes
// on exactly as it would have.
func (t *turn) referralShare(choice string) {
	r := t.st.Referral
	if r == nil {
		t.say(t.tr("referral_none"))
		t.resume()
		return
	}
	r.Share = choice == ReferralShareYes
	if r.Share {
		t.referralGoOn(t.tr("referral_shared"))
	} else {
		t.referralGoOn(t.tr("referral_not_shared"))
	}
}

// referralGoOn confirms in one line and picks the conversation up: before
// the young person started, with the way to begin, not the greeting again.
func (t *turn) referralGoOn(text string) {
	if !t.st.Started {
		t.say(text, t.action("start"), t.action("stored"))
		return
	}
	t.say(text)
	t.resume()
}

var (
	// stopSharingText is "stop deling", "stop med at dele", "stop sharing".
	stopSharingText = regexp.MustCompile(`(?i)^\s*(?:stop|stopp|hold op)(?:\s+med)?(?:\s+at)?\s+(?:deling|dele|sharing|share)(?:\s+(?:med\s+\S+|igen))?\s*[.!]?\s*$`)
	// startSharingText is "start deling", "del igen", "start sharing", "share again".
	startSharingText = regexp.MustCompile(`(?i)^\s*(?:(?:start|begynd)(?:\s+at)?\s+(?:deling|dele|sharing)(?:\s+igen)?|del\s+igen|share\s+again)\s*[.!]?\s*$`)
)

// referralText takes "stop deling" and "start deling", and reports
// whether the message was one of them.
func (t *turn) referralText(text string) bool {
	stop := stopSharingText.MatchString(text)
	if !stop && !startSharingText.MatchString(text) {
		return false
	}
	r := t.st.Referral
	switch {
	case r == nil:
		t.say(t.tr("referral_none"))
		t.resume()
	case stop:
		r.Share = false
		t.referralGoOn(t.tr("referral_stopped"))
	default:
		r.Share = true
		t.referralGoOn(t.tr("referral_shared"))
	}
	return true
}

// ReferralProgress is what a referral's status is read from: whether the
// young person shares, and then the coarse steps they took since they
// opened it. Nothing of what they wrote, chose or where they live.
type ReferralProgress struct {
	// Found is false when the conversation is gone or holds another
	// referral (or none) now.
	Found bool
	Share bool
	// Suggested: they saw suggestions; Chose: they chose a first step
	// since the referral; LeadSent: the organisation got their interest.
	Suggested, Chose, LeadSent bool
	// UserID is whose leads carry the progress on (started, welcomed,
	// belongs); set only when they share. It is never shown.
	UserID string
	// OpenedAt is when they opened the referral.
	OpenedAt time.Time
}

// ReferralProgress reads the progress of the conversation a referral is
// bound to. Where the young person does not share, it says so and reads
// nothing more.
func (s *Service) ReferralProgress(ctx context.Context, conversationID, referralID string) (ReferralProgress, error) {
	c, err := s.store.Conversation(ctx, conversationID)
	if errors.Is(err, ErrNotFound) {
		return ReferralProgress{}, nil
	}
	if err != nil {
		return ReferralProgress{}, err
	}
	r := c.State.Referral
	if r == nil || r.ID != referralID {
		return ReferralProgress{}, nil
	}
	p := ReferralProgress{Found: true, Share: r.Share, OpenedAt: r.At}
	if !r.Share {
		return p, nil
	}
	p.UserID = c.UserID
	p.Suggested = len(c.State.Seen) > 0
	for _, ch := range c.State.Chosen {
		if !ch.At.Before(r.At) {
			p.Chose = true
			p.LeadSent = p.LeadSent || ch.LeadSent
		}
	}
	return p, nil
}
