package app

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/mail"
	"github.com/brobygger/brobygger/store"
)

// defaultMailFrom is the sender of e-mails written to files when no mail
// server is configured.
const defaultMailFrom = "Brobygger <brobygger@localhost>"

// mailing is what the app keeps of e-mail: the mailer the API queues
// invites and resets with, and the job kinds the lead worker runs.
type mailing struct {
	mailer   *mail.Mailer
	handlers map[string]leads.Handler
}

// publicURL is where people reach this server, for links in e-mails:
// BROBYGGER_PUBLIC_URL, or this machine's address when e-mail only goes to
// files. Real e-mail needs real links, so with BROBYGGER_SMTP_URL it is
// required.
func publicURL(cfg Config) (string, error) {
	if u := strings.TrimRight(strings.TrimSpace(cfg.PublicURL), "/"); u != "" {
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") {
			return "", fmt.Errorf("BROBYGGER_PUBLIC_URL=%q: want a URL such as https://brobygger.example.dk", cfg.PublicURL)
		}
		return u, nil
	}
	if cfg.SMTPURL != "" {
		return "", errors.New("BROBYGGER_PUBLIC_URL is required with BROBYGGER_SMTP_URL, so that links in e-mails lead here")
	}
	port := "8080"
	if _, p, err := net.SplitHostPort(cfg.Addr); err == nil && p != "" {
		port = p
	}
	return "http://localhost:" + port, nil
}

// startMail builds the mailer and the notifier: SMTP with
// BROBYGGER_SMTP_URL, else .eml files under $BROBYGGER_DATA/mail, said in
// one line of the log either way (the password masked).
func (a *App) startMail(st *store.Store, secret []byte) (api.StaffMail, error) {
	cfg := a.cfg
	base, err := publicURL(cfg)
	if err != nil {
		return api.StaffMail{}, err
	}
	var sender mail.Sender
	from := cfg.MailFrom
	if cfg.SMTPURL != "" {
		smtp, err := mail.ParseSMTPURL(cfg.SMTPURL)
		if err != nil {
			return api.StaffMail{}, fmt.Errorf("BROBYGGER_SMTP_URL: %w", err)
		}
		if from == "" {
			return api.StaffMail{}, errors.New("BROBYGGER_MAIL_FROM is required with BROBYGGER_SMTP_URL, such as \"Brobygger <noreply@example.dk>\"")
		}
		sender = mail.NewSMTP(smtp, cfg.MailTLS, cfg.Now)
		a.log.Info("e-mail goes through the mail server", "smtp", smtp, "from", from, "links", base)
	} else {
		if from == "" {
			from = defaultMailFrom
		}
		dir := filepath.Join(cfg.DataDir, "mail")
		sender = mail.NewFolder(dir, cfg.Now)
		a.log.Info("no BROBYGGER_SMTP_URL: e-mail is written as .eml files, not sent", "folder", dir)
	}
	if from, err = mail.ParseFrom(from); err != nil {
		return api.StaffMail{}, fmt.Errorf("BROBYGGER_MAIL_FROM: %w", err)
	}
	mailer := mail.NewMailer(st, sender, from, cfg.Now, a.log)
	notifier := mail.NewNotifier(mail.NotifierConfig{Mailer: mailer, Leads: st, Staff: st, Digests: st,
		PublicURL: base, Secret: secret, Now: cfg.Now})
	a.mail = mailing{mailer: mailer, handlers: notifier.Handlers()}
	return api.StaffMail{Mailer: mailer, Tokens: st, Passwords: st, Settings: st, PublicURL: base}, nil
}

// Sent e-mails leave a trace that stops a second send while their job may
// still run, and invite and reset links are kept a while after they end,
// so a late click says "expired" rather than "unknown".
const (
	keepSentMail    = 8 * 24 * time.Hour
	keepStaffTokens = 7 * 24 * time.Hour
	mailPurgeEvery  = time.Hour
)

// purgeMail deletes those once they are no use, every hour.
func (a *App) purgeMail(ctx context.Context) {
	t := time.NewTicker(mailPurgeEvery)
	defer t.Stop()
	for {
		now := a.cfg.Now()
		_, err := a.Store.PurgeSentMail(ctx, now.Add(-keepSentMail))
		if err == nil {
			_, err = a.Store.PurgeStaffTokens(ctx, now.Add(-keepStaffTokens))
		}
		if err != nil && ctx.Err() == nil {
			a.log.Warn("purging sent e-mail and old staff links failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
