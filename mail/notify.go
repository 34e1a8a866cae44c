package mail

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

// A staff member's choice of e-mails about their organisation's leads.
const (
	// Instant e-mails each piece of news as it happens: the default, since
	// a warm lead is only warm if it is answered the same day.
	Instant = "instant"
	// Daily gathers the news into one e-mail at DigestHour, Danish time.
	Daily = "daily"
	// Off sends none; the staff page still shows everything.
	Off = "off"
)

// Settings are the choices, the default first.
var Settings = []string{Instant, Daily, Off}

// DigestHour is when, Danish time, the daily e-mail goes.
const DigestHour = 8

// NextDigest is the first DigestHour o'clock in Copenhagen after now.
func NextDigest(now time.Time) time.Time {
	t := now.In(match.Copenhagen)
	at := time.Date(t.Year(), t.Month(), t.Day(), DigestHour, 0, 0, 0, match.Copenhagen)
	if !at.After(t) {
		at = time.Date(t.Year(), t.Month(), t.Day()+1, DigestHour, 0, 0, 0, match.Copenhagen)
	}
	return at
}

// Staff finds who works for an organisation and how they want to hear;
// package store implements it.
type Staff interface {
	// StaffOf lists the org_staff accounts of an organisation.
	StaffOf(ctx context.Context, orgID string) ([]accounts.User, error)
	User(ctx context.Context, id string) (accounts.User, error)
	// NotificationSetting is one of Settings, or "" when never chosen.
	NotificationSetting(ctx context.Context, userID string) (string, error)
}

// DigestItem is one piece of news waiting for a staff member's daily
// e-mail: ids only, rendered when the e-mail goes, so an erased lead is
// simply left out.
type DigestItem struct {
	StaffID string
	LeadID  string
	Seq     int
	// YouthID is the young person the lead is about, so that erasing
	// them removes the item too.
	YouthID string
	At      time.Time
}

// Digests keeps the news waiting for daily e-mails; package store implements it.
type Digests interface {
	// AddDigestItem stores an item unless it is stored already.
	AddDigestItem(ctx context.Context, it DigestItem) error
	DigestItems(ctx context.Context, staffID string) ([]DigestItem, error)
	DeleteDigestItems(ctx context.Context, items []DigestItem) error
}

// LeadReader reads leads (leads.LeadStore does).
type LeadReader interface {
	Lead(ctx context.Context, id string) (leads.Lead, error)
}

// NotifierConfig is what a Notifier needs; all of it is required.
type NotifierConfig struct {
	Mailer  *Mailer
	Leads   LeadReader
	Staff   Staff
	Digests Digests
	// PublicURL is where people reach the server, such as
	// https://brobygger.example.dk; links in e-mails start with it.
	PublicURL string
	// Secret signs the unsubscribe links (UnsubscribeToken).
	Secret []byte
	Now    func() time.Time
}

// Notifier tells organisations' staff of their leads by e-mail: it runs
// the leads.KindStaffMail jobs the lead service enqueues, and the daily
// e-mails.
type Notifier struct {
	cfg NotifierConfig
}

// NewNotifier returns a notifier for cfg.
func NewNotifier(cfg NotifierConfig) *Notifier {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.PublicURL = strings.TrimRight(cfg.PublicURL, "/")
	return &Notifier{cfg: cfg}
}

// Handlers are the job kinds the outbox worker runs for e-mail: queued
// e-mails, news of leads and daily e-mails.
func (n *Notifier) Handlers() map[string]leads.Handler {
	return map[string]leads.Handler{
		KindMail:            n.cfg.Mailer.Handle,
		leads.KindStaffMail: n.fanOut,
		KindDigest:          n.digest,
	}
}

// notYet is when to look again for an event whose job came before it was
// stored (the lead service enqueues first); after the last, it never came.
var notYet = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute}

// fanOut turns one event of a lead into an e-mail for each of the
// organisation's staff who want them at once, and an item in the daily
// e-mail of each who want one a day. Every e-mail and item has an id made
// from the event and the staff member, so running the job again adds none.
func (n *Notifier) fanOut(ctx context.Context, j *leads.Job) error {
	l, err := n.cfg.Leads.Lead(ctx, j.Payload.LeadID)
	if errors.Is(err, leads.ErrNotFound) && j.Attempts >= len(notYet) {
		return nil // erased, or never stored
	}
	if err != nil && !errors.Is(err, leads.ErrNotFound) {
		return err
	}
	e, ok := l.Event(j.Payload.Seq)
	if !ok {
		if j.Attempts >= len(notYet) {
			return nil
		}
		return leads.Later(n.cfg.Now().Add(notYet[j.Attempts]), "the event is not stored yet")
	}
	if !leads.StaffHears(e) {
		return nil
	}
	staff, err := n.cfg.Staff.StaffOf(ctx, l.OrganisationID)
	if err != nil {
		return err
	}
	now := n.cfg.Now()
	for _, u := range staff {
		setting, err := n.cfg.Staff.NotificationSetting(ctx, u.ID)
		if err != nil {
			return err
		}
		switch setting {
		case Off:
		case Daily:
			if err := n.cfg.Digests.AddDigestItem(ctx, DigestItem{StaffID: u.ID, LeadID: l.ID, Seq: e.Seq,
				YouthID: l.YouthID, At: e.At}); err != nil {
				return err
			}
			due := NextDigest(now)
			job := leads.Job{ID: fmt.Sprintf("%s:%s:%s", KindDigest, u.ID, due.Format(time.DateOnly)), Kind: KindDigest,
				DueAt: due, CreatedAt: now, Payload: leads.Payload{UserID: u.ID}}
			if err := n.cfg.Mailer.queue.EnqueueJob(ctx, job); err != nil {
				return err
			}
		default:
			msg, err := n.leadLetter(u, l, e).Message(u.Email)
			if err != nil {
				return err
			}
			msg.Unsubscribe = n.unsubscribeURL(u.ID)
			name := fmt.Sprintf("lead:%s:%d:%s", l.ID, e.Seq, u.ID)
			if err := n.cfg.Mailer.Queue(ctx, name, msg, l.YouthID); err != nil {
				return err
			}
		}
	}
	return nil
}

// digest sends a staff member's daily e-mail: every item waiting, each
// rendered from its lead as it is now. The e-mail is sent straight from
// the job, not stored, so the nicknames in it wait nowhere; a trace under
// the job's id afterwards stops a second send.
func (n *Notifier) digest(ctx context.Context, j *leads.Job) error {
	m := n.cfg.Mailer
	if _, err := m.queue.QueuedMail(ctx, j.ID); err == nil {
		return nil // sent by a run that could not settle its job
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	staffID := j.Payload.UserID
	items, err := n.cfg.Digests.DigestItems(ctx, staffID)
	if err != nil || len(items) == 0 {
		return err
	}
	u, err := n.cfg.Staff.User(ctx, staffID)
	if errors.Is(err, accounts.ErrNotFound) {
		return n.cfg.Digests.DeleteDigestItems(ctx, items)
	}
	if err != nil {
		return err
	}
	lang := Lang(u.Locale)
	var lines []string
	var org string
	for _, it := range items {
		l, err := n.cfg.Leads.Lead(ctx, it.LeadID)
		if errors.Is(err, leads.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		e, ok := l.Event(it.Seq)
		if !ok {
			continue
		}
		_, line := leadNews(l, e, lang)
		lines = append(lines, line)
		org = l.OrganisationName
	}
	if len(lines) > 0 {
		count := say("digest_count_one", lang)
		if len(lines) > 1 {
			count = say("digest_count_many", lang, "n", fmt.Sprint(len(lines)))
		}
		letter := Letter{Lang: lang, Subject: say("digest_subject", lang, "count", count),
			Paragraphs: []string{say("digest_intro", lang)}, Items: lines,
			Link:        &link{URL: n.cfg.PublicURL + "/org/", Label: say("digest_button", lang)},
			Footer:      []string{say("lead_privacy", lang), say("settings", lang, "org", org)},
			Unsubscribe: &link{URL: n.unsubscribePage(u.ID), Label: say("unsubscribe", lang)}}
		msg, err := letter.Message(u.Email)
		if err != nil {
			return err
		}
		msg.Unsubscribe = n.unsubscribeURL(u.ID)
		if err := m.sender.Send(ctx, m.from, msg); err != nil {
			if errors.Is(err, ErrPermanent) {
				return leads.Permanent(err)
			}
			return err
		}
		now := n.cfg.Now()
		if err := m.queue.QueueMail(ctx, Queued{ID: j.ID, CreatedAt: now, SentAt: &now}); err != nil {
			m.log.Warn("daily e-mail sent but not marked sent", "job", j.ID, "err", err)
		}
	}
	return n.cfg.Digests.DeleteDigestItems(ctx, items)
}

// leadLetter is the e-mail about one event of a lead.
func (n *Notifier) leadLetter(u accounts.User, l leads.Lead, e leads.Event) Letter {
	lang := Lang(u.Locale)
	subject, line := leadNews(l, e, lang)
	return Letter{Lang: lang, Subject: subject, Paragraphs: []string{line},
		Link:        &link{URL: n.cfg.PublicURL + "/org/#lead=" + url.QueryEscape(l.ID), Label: say("lead_button", lang)},
		Footer:      []string{say("lead_privacy", lang), say("settings", lang, "org", l.OrganisationName)},
		Unsubscribe: &link{URL: n.unsubscribePage(u.ID), Label: say("unsubscribe", lang)}}
}

// leadNews is the subject and the sentence for one event. They name the
// young person by nickname and age band and the opportunity by title, and
// nothing else: no contact details, no message text.
func leadNews(l leads.Lead, e leads.Event, lang string) (subject, line string) {
	key := map[string]string{leads.EventCreated: "lead_created", leads.EventFriendJoined: "lead_friend_joined",
		leads.EventMessage: "lead_message", leads.EventReminder: "lead_reminder"}[e.Type]
	if key == "" {
		key = "lead_message"
	}
	kv := []string{"who", who(l.Shared, lang), "title", oneLine(l.OpportunityTitle)}
	return say(key+"_subject", lang, kv...), say(key, lang, kv...)
}

// who names the young person as an organisation knows them: "Sofie (15–17)".
func who(s leads.Shared, lang string) string {
	name := oneLine(s.Nickname)
	if utf8.RuneCountInString(name) > 40 {
		name = string([]rune(name)[:40]) + "…"
	}
	if name == "" {
		name = say("someone", lang)
	}
	if s.AgeBand == "" {
		return name
	}
	return name + " (" + strings.ReplaceAll(s.AgeBand, "-", "–") + ")"
}

// unsubscribeURL takes the one-click POST of List-Unsubscribe.
func (n *Notifier) unsubscribeURL(userID string) string {
	return n.cfg.PublicURL + "/v1/notifications/unsubscribe?token=" + url.QueryEscape(UnsubscribeToken(n.cfg.Secret, userID))
}

// unsubscribePage is the link in the e-mail: the staff page, which asks
// the server to stop and says it did, since a link opened (or prefetched
// by a mail scanner) must not stop anything by itself.
func (n *Notifier) unsubscribePage(userID string) string {
	return n.cfg.PublicURL + "/org/?flow=unsubscribe&token=" + url.QueryEscape(UnsubscribeToken(n.cfg.Secret, userID))
}
