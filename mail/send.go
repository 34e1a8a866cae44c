package mail

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// build turns a message into go-mail's, with the headers every e-mail
// carries: it was sent by a machine (Auto-Submitted, so out-of-office
// replies stay away) and, for notifications, how to stop them.
func build(from string, m Message, now time.Time) (*gomail.Msg, error) {
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	if err := msg.From(from); err != nil {
		return nil, fmt.Errorf("from: %w", err)
	}
	if err := msg.To(m.To); err != nil {
		return nil, fmt.Errorf("%w: recipient: %w", ErrPermanent, err)
	}
	msg.Subject(oneLine(m.Subject))
	msg.SetDateWithValue(now)
	msg.SetMessageIDWithValue(rand.Text() + "@brobygger")
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	if m.Unsubscribe != "" {
		// SetListUnsubscribeOneClick insists on https, which a local
		// install does not have; the headers are the same.
		msg.SetListUnsubscribe(m.Unsubscribe)
		msg.SetListUnsubscribePost()
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

// oneLine keeps a subject to one line whatever a nickname holds.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// SMTP sends through a mail server, one connection per message: e-mails
// come a few at a time, and a fresh connection never meets one the server
// closed.
type SMTP struct {
	cfg SMTPConfig
	tls *tls.Config
	now func() time.Time
}

// NewSMTP returns a sender for cfg. tlsConfig may be nil (the system's
// roots, the host's name); tests pass one that trusts their own server.
func NewSMTP(cfg SMTPConfig, tlsConfig *tls.Config, now func() time.Time) *SMTP {
	if tlsConfig == nil {
		tlsConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	tlsConfig = tlsConfig.Clone()
	if tlsConfig.ServerName == "" {
		tlsConfig.ServerName = cfg.Host
	}
	if now == nil {
		now = time.Now
	}
	return &SMTP{cfg: cfg, tls: tlsConfig, now: now}
}

// sendTimeout bounds one delivery, well inside the outbox's lease.
const sendTimeout = 30 * time.Second

// Send delivers m. A refusal the server calls permanent (5xx: no such
// mailbox, message refused) is ErrPermanent; the rest are worth retrying.
func (s *SMTP) Send(ctx context.Context, from string, m Message) error {
	msg, err := build(from, m, s.now())
	if err != nil {
		return err
	}
	opts := []gomail.Option{gomail.WithPort(s.cfg.Port), gomail.WithTLSConfig(s.tls), gomail.WithTimeout(sendTimeout)}
	if s.cfg.ImplicitTLS {
		opts = append(opts, gomail.WithSSL())
	} else {
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	}
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	c, err := gomail.NewClient(s.cfg.Host, opts...)
	if err != nil {
		return fmt.Errorf("%w: mail client: %w", ErrPermanent, err)
	}
	ctx, cancel := context.WithTimeout(ctx, sendTimeout)
	defer cancel()
	if err := c.DialAndSendWithContext(ctx, msg); err != nil {
		var se *gomail.SendError
		if errors.As(err, &se) && !se.IsTemp() && se.ErrorCode() >= 500 {
			return fmt.Errorf("%w: %s", ErrPermanent, se.Error())
		}
		return fmt.Errorf("send mail via %s: %w", s.cfg, err)
	}
	return nil
}

// Folder writes each message as an .eml file instead of sending it: what
// a local install does without a mail server, so invites and resets can be
// opened from the file, and nothing is lost.
type Folder struct {
	dir string
	now func() time.Time
}

// NewFolder writes into dir, made if missing (0700; the files are 0600,
// since an invite or reset link signs someone in).
func NewFolder(dir string, now func() time.Time) *Folder {
	if now == nil {
		now = time.Now
	}
	return &Folder{dir: dir, now: now}
}

// Dir is the folder written into.
func (f *Folder) Dir() string { return f.dir }

// Send writes m as <time>-<random>.eml, a name that sorts by time.
func (f *Folder) Send(_ context.Context, from string, m Message) error {
	now := f.now()
	msg, err := build(from, m, now)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return fmt.Errorf("mail folder: %w", err)
	}
	name := now.UTC().Format("20060102T150405.000000000Z") + "-" + strings.ToLower(rand.Text()[:8]) + ".eml"
	path := filepath.Join(f.dir, name)
	// Written under another name and renamed when whole, so whoever reads
	// the folder never finds half an e-mail.
	tmp := filepath.Join(f.dir, "."+name+".part")
	file, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("mail file: %w", err)
	}
	_, err = msg.WriteTo(file)
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("write mail file: %w", err)
	}
	return nil
}
