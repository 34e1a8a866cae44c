package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/mail"
)

var (
	_ mail.Queue   = (*Store)(nil)
	_ mail.Staff   = (*Store)(nil)
	_ mail.Digests = (*Store)(nil)
)

// E-mail's collections: e-mails waiting to be sent (and, once sent, a
// trace without the message that stops a second send), the news waiting
// for staff's daily e-mails, and each staff member's choice of e-mails.
const (
	colMail          = "mail"
	colMailDigest    = "mail_digest_items"
	colStaffSettings = "staff_mail_settings"
)

type mailDoc struct {
	ID          string     `bson:"_id"`
	To          string     `bson:"to,omitempty"`
	Subject     string     `bson:"subject,omitempty"`
	Text        string     `bson:"text,omitempty"`
	HTML        string     `bson:"html,omitempty"`
	Unsubscribe string     `bson:"unsubscribe,omitempty"`
	AboutUser   string     `bson:"about_user,omitempty"`
	CreatedAt   time.Time  `bson:"created_at"`
	SentAt      *time.Time `bson:"sent_at"`
}

func translateMail(err error) error { return translateTo(err, mail.ErrNotFound, errConflictMail) }

var errConflictMail = errors.New("e-mail stored already")

// QueueMail stores an e-mail unless its id is stored already.
func (s *Store) QueueMail(ctx context.Context, q mail.Queued) error {
	d := mailDoc{ID: q.ID, To: q.To, Subject: q.Subject, Text: q.Text, HTML: q.HTML, Unsubscribe: q.Unsubscribe,
		AboutUser: q.AboutUser, CreatedAt: q.CreatedAt, SentAt: q.SentAt}
	if _, err := s.insertOne(ctx, colMail, d); err != nil {
		if err = translateMail(err); errors.Is(err, errConflictMail) {
			return nil
		}
		return fmt.Errorf("queue e-mail: %w", err)
	}
	return nil
}

// QueuedMail loads a queued or sent e-mail by id.
func (s *Store) QueuedMail(ctx context.Context, id string) (mail.Queued, error) {
	var d mailDoc
	if err := s.db.Collection(colMail).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		return mail.Queued{}, fmt.Errorf("load e-mail: %w", translateMail(err))
	}
	return mail.Queued{ID: d.ID, Message: mail.Message{To: d.To, Subject: d.Subject, Text: d.Text, HTML: d.HTML,
		Unsubscribe: d.Unsubscribe}, AboutUser: d.AboutUser, CreatedAt: d.CreatedAt, SentAt: d.SentAt}, nil
}

// MarkMailSent records the send and drops the message, its recipient and
// whom it was about: what stays says only that the id was sent.
func (s *Store) MarkMailSent(ctx context.Context, id string, at time.Time) error {
	_, err := s.replaceOne(ctx, colMail, bson.D{{Key: "_id", Value: id}}, mailDoc{ID: id, CreatedAt: at, SentAt: &at})
	if err != nil {
		return fmt.Errorf("mark e-mail sent: %w", translateMail(err))
	}
	return nil
}

// PurgeSentMail deletes the traces of e-mails sent before the given time;
// by then their jobs are purged too, so nothing can send them again.
func (s *Store) PurgeSentMail(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.deleteMany(ctx, colMail, bson.D{{Key: "sent_at", Value: bson.D{{Key: "$lt", Value: before}}}})
	if err != nil {
		return 0, fmt.Errorf("purge sent e-mail: %w", translateMail(err))
	}
	return res.DeletedCount, nil
}

// digestDoc is one piece of news for a daily e-mail: ids only.
type digestDoc struct {
	ID      string    `bson:"_id"`
	StaffID string    `bson:"staff_id"`
	LeadID  string    `bson:"lead_id"`
	Seq     int       `bson:"seq"`
	YouthID string    `bson:"youth_id"`
	At      time.Time `bson:"at"`
}

func digestDocID(it mail.DigestItem) string {
	return fmt.Sprintf("%s:%s:%d", it.StaffID, it.LeadID, it.Seq)
}

// AddDigestItem stores an item unless it is stored already.
func (s *Store) AddDigestItem(ctx context.Context, it mail.DigestItem) error {
	d := digestDoc{ID: digestDocID(it), StaffID: it.StaffID, LeadID: it.LeadID, Seq: it.Seq, YouthID: it.YouthID, At: it.At}
	if _, err := s.insertOne(ctx, colMailDigest, d); err != nil && !mongo.IsDuplicateKeyError(err) {
		return fmt.Errorf("add digest item: %w", err)
	}
	return nil
}

// DigestItems lists a staff member's waiting items, oldest first.
func (s *Store) DigestItems(ctx context.Context, staffID string) ([]mail.DigestItem, error) {
	cur, err := s.db.Collection(colMailDigest).Find(ctx, bson.D{{Key: "staff_id", Value: staffID}})
	if err != nil {
		return nil, fmt.Errorf("list digest items: %w", err)
	}
	var docs []digestDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list digest items: %w", err)
	}
	out := make([]mail.DigestItem, len(docs))
	for i, d := range docs {
		out[i] = mail.DigestItem{StaffID: d.StaffID, LeadID: d.LeadID, Seq: d.Seq, YouthID: d.YouthID, At: d.At}
	}
	slices.SortStableFunc(out, func(a, b mail.DigestItem) int { return a.At.Compare(b.At) })
	return out, nil
}

// DeleteDigestItems deletes items once their e-mail is sent.
func (s *Store) DeleteDigestItems(ctx context.Context, items []mail.DigestItem) error {
	for _, it := range items {
		if _, err := s.deleteOne(ctx, colMailDigest, bson.D{{Key: "_id", Value: digestDocID(it)}}); err != nil {
			return fmt.Errorf("delete digest item: %w", err)
		}
	}
	return nil
}

// StaffOf lists the org_staff accounts of an organisation. It scans the
// users, which is fine for a job in the outbox, not for a request.
func (s *Store) StaffOf(ctx context.Context, orgID string) ([]accounts.User, error) {
	cur, err := s.db.Collection(colUsers).Find(ctx, bson.D{{Key: "role", Value: accounts.RoleOrgStaff}, {Key: "org_id", Value: orgID}})
	if err != nil {
		return nil, fmt.Errorf("list staff: %w", translateAccounts(err))
	}
	var docs []userDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, fmt.Errorf("list staff: %w", translateAccounts(err))
	}
	out := make([]accounts.User, len(docs))
	for i, d := range docs {
		out[i] = d.user()
	}
	slices.SortFunc(out, func(a, b accounts.User) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out, nil
}

type staffSettingDoc struct {
	UserID    string    `bson:"_id"`
	Email     string    `bson:"email"`
	UpdatedAt time.Time `bson:"updated_at"`
}

// NotificationSetting is the staff member's choice of e-mails, or "" when
// never chosen.
func (s *Store) NotificationSetting(ctx context.Context, userID string) (string, error) {
	var d staffSettingDoc
	err := s.db.Collection(colStaffSettings).FindOne(ctx, bson.D{{Key: "_id", Value: userID}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("load e-mail setting: %w", err)
	}
	return d.Email, nil
}

// SetNotificationSetting records the staff member's choice.
func (s *Store) SetNotificationSetting(ctx context.Context, userID, setting string, now time.Time) error {
	unlock := s.lock(colStaffSettings, userID)
	defer unlock()
	_, err := s.replaceOne(ctx, colStaffSettings, bson.D{{Key: "_id", Value: userID}},
		staffSettingDoc{UserID: userID, Email: setting, UpdatedAt: now}, options.Replace().SetUpsert(true))
	if err != nil {
		return fmt.Errorf("save e-mail setting: %w", err)
	}
	return nil
}

// eraseMailOf deletes the e-mails waiting to be sent, and the news waiting
// for daily e-mails, about a young person being erased.
func (s *Store) eraseMailOf(ctx context.Context, userID string) error {
	if _, err := s.deleteMany(ctx, colMail, bson.D{{Key: "about_user", Value: userID}}); err != nil {
		return fmt.Errorf("erase queued e-mail: %w", err)
	}
	if _, err := s.deleteMany(ctx, colMailDigest, bson.D{{Key: "youth_id", Value: userID}}); err != nil {
		return fmt.Errorf("erase digest items: %w", err)
	}
	return nil
}
