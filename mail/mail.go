// Package mail owns the e-mail Brobygger sends to staff: staff invites,
// password resets and news of leads for the organisations. It builds each
// e-mail in the recipient's language, as plain text beside a simple HTML
// part with every value escaped and nothing loaded from elsewhere, and
// hands it to a Sender: SMTP through go-mail when BROBYGGER_SMTP_URL is
// set, otherwise .eml files in a folder, so a local install needs no mail
// server and nothing is lost.
//
// Sending never happens inside a request. Each e-mail is a job in the
// leads outbox (kind KindMail), leased by one worker at a time and retried
// with backoff; the e-mail itself waits in the Queue the package declares
// (package store implements it) under the job's id, and loses its body the
// moment it is sent. News of a lead is rendered from the lead when it is
// queued, with only what an organisation may see: the young person's
// nickname, age band and the opportunity's title, never their contact
// details or what they wrote.
package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/mail"
	"net/url"
	"strconv"
	"strings"
)

// Message is one e-mail, ready to send.
type Message struct {
	To      string
	Subject string
	// Text is the plain-text body; HTML the same in simple markup.
	Text string
	HTML string
	// Unsubscribe is the URL a one-click POST to turns this kind of
	// e-mail off for the recipient (List-Unsubscribe, RFC 8058); empty for
	// e-mails that are not notifications, such as invites and resets.
	Unsubscribe string
}

// Sender delivers a message. An error that retrying cannot fix (the
// recipient's address is refused) is wrapped as Permanent.
type Sender interface {
	Send(ctx context.Context, from string, m Message) error
}

// ErrPermanent marks a send that failed for good.
var ErrPermanent = errors.New("the mail server refused the message for good")

// SMTPConfig is how to reach the mail server, read from a URL by ParseSMTPURL.
type SMTPConfig struct {
	Host     string
	Port     int
	Username string
	Password string
	// ImplicitTLS is smtps://: TLS from the first byte (port 465 by
	// default). Otherwise the connection must be upgraded with STARTTLS
	// (port 587 by default); a server that does not offer it is refused,
	// so a password never crosses the network in the clear.
	ImplicitTLS bool
}

// ParseSMTPURL reads smtp://user:pass@host:587 (STARTTLS) or
// smtps://user:pass@host:465 (implicit TLS). User and password are
// optional, for relays that trust the sender's network; they are
// percent-decoded, so a password may hold any character.
func ParseSMTPURL(raw string) (SMTPConfig, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		// url's error quotes the URL, password and all.
		return SMTPConfig{}, errors.New("not a URL such as smtp://user:password@host:587")
	}
	var c SMTPConfig
	switch u.Scheme {
	case "smtp":
		c.Port = 587
	case "smtps":
		c.ImplicitTLS, c.Port = true, 465
	default:
		return SMTPConfig{}, fmt.Errorf("scheme %q: want smtp:// (STARTTLS) or smtps:// (implicit TLS)", u.Scheme)
	}
	c.Host = u.Hostname()
	if c.Host == "" {
		return SMTPConfig{}, errors.New("no host: want smtp://user:password@host:587")
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return SMTPConfig{}, fmt.Errorf("port %q is not a port", p)
		}
		c.Port = n
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
		return SMTPConfig{}, errors.New("no path or query is taken: want smtp://user:password@host:587")
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	return c, nil
}

// String is the configuration as a URL with the password masked, for logs.
func (c SMTPConfig) String() string {
	u := url.URL{Scheme: "smtp", Host: net.JoinHostPort(c.Host, strconv.Itoa(c.Port))}
	if c.ImplicitTLS {
		u.Scheme = "smtps"
	}
	switch {
	case c.Username != "" && c.Password != "":
		u.User = url.UserPassword(c.Username, "xxxxx")
	case c.Username != "":
		u.User = url.User(c.Username)
	}
	return u.String()
}

// LogValue keeps the password out of structured logs too.
func (c SMTPConfig) LogValue() slog.Value { return slog.StringValue(c.String()) }

// GoString keeps it out of %#v.
func (c SMTPConfig) GoString() string { return c.String() }

// ParseFrom checks a sender address such as "Brobygger <noreply@example.dk>".
func ParseFrom(from string) (string, error) {
	a, err := mail.ParseAddress(strings.TrimSpace(from))
	if err != nil {
		return "", fmt.Errorf("%q is not an address such as \"Brobygger <noreply@example.dk>\"", from)
	}
	return a.String(), nil
}
