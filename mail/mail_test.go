package mail_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/mail"
	"github.com/brobygger/brobygger/mail/mailtest"
	"github.com/brobygger/brobygger/store/storetest"
)

func TestSMTPURLs(t *testing.T) {
	for raw, want := range map[string]mail.SMTPConfig{
		"smtp://user:pa%2Fss@mail.example.dk":     {Host: "mail.example.dk", Port: 587, Username: "user", Password: "pa/ss"},
		"smtps://user:pass@mail.example.dk":       {Host: "mail.example.dk", Port: 465, Username: "user", Password: "pass", ImplicitTLS: true},
		"smtp://relay.internal:2525":              {Host: "relay.internal", Port: 2525},
		"smtps://apikey:x@smtp.example.com:2465/": {Host: "smtp.example.com", Port: 2465, Username: "apikey", Password: "x", ImplicitTLS: true},
		" smtp://user@mail.example.dk:25 ":        {Host: "mail.example.dk", Port: 25, Username: "user"},
	} {
		got, err := mail.ParseSMTPURL(raw)
		if err != nil || got != want {
			t.Errorf("ParseSMTPURL(%q) = %+v, %v; want %+v", raw, got, err, want)
		}
	}
	for _, bad := range []string{"", "http://mail.example.dk", "smtp://", "smtp://host:99999", "smtp://host/path", "smtp://host?tls=off",
		"smtp://user:hemmelig%zz@host"} {
		_, err := mail.ParseSMTPURL(bad)
		if err == nil {
			t.Errorf("ParseSMTPURL(%q) took it", bad)
		} else if strings.Contains(err.Error(), "hemmelig") {
			t.Errorf("the error for %q quotes the password: %v", bad, err)
		}
	}
}

// TestThePasswordIsNeverLogged: the configuration as a string, in %v,
// %+v, %#v and in a structured log masks the password.
func TestThePasswordIsNeverLogged(t *testing.T) {
	c, err := mail.ParseSMTPURL("smtps://user:Hemmelig-Kode-42@mail.example.dk")
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("mail", "smtp", c)
	slog.New(slog.NewTextHandler(&logged, nil)).Info("mail", "smtp", c)
	all := c.String() + fmt.Sprintf("%v %s %#v", c, c, c) + logged.String()
	if strings.Contains(all, "Hemmelig") {
		t.Errorf("the password shows: %s", all)
	}
	if !strings.Contains(c.String(), "smtps://user:xxxxx@mail.example.dk:465") {
		t.Errorf("String() = %s", c)
	}
}

func sample(to string) mail.Message {
	return mail.Message{To: to, Subject: "Sofie (15–17) vil gerne være med",
		Text: "Hej\n\nSe henvendelsen: http://x/org/#lead=1\n", HTML: "<p>Hej &lt;b&gt;</p>",
		Unsubscribe: "https://brobygger.example.dk/v1/notifications/unsubscribe?token=abc"}
}

// TestSendsThroughSTARTTLSAndImplicitTLS sends one e-mail through a real
// SMTP server each way, signed in with the URL's user and password.
func TestSendsThroughSTARTTLSAndImplicitTLS(t *testing.T) {
	for name, srv := range map[string]*mailtest.Server{"starttls": mailtest.Start(t), "implicit": mailtest.StartImplicitTLS(t)} {
		t.Run(name, func(t *testing.T) {
			cfg, err := mail.ParseSMTPURL(srv.URL())
			if err != nil {
				t.Fatal(err)
			}
			s := mail.NewSMTP(cfg, srv.TLS(), nil)
			if err := s.Send(context.Background(), "Brobygger <noreply@example.dk>", sample("staff@example.dk")); err != nil {
				t.Fatal(err)
			}
			m := srv.WaitFor(t, "staff@example.dk", 5*time.Second)
			p := m.Parse(t)
			if p.Subject != "Sofie (15–17) vil gerne være med" || !strings.Contains(p.Text, "Se henvendelsen") ||
				!strings.Contains(p.HTML, "&lt;b&gt;") || m.From != "noreply@example.dk" {
				t.Errorf("received %+v from %s", p, m.From)
			}
			if got := p.Header.Get("List-Unsubscribe"); got != "<https://brobygger.example.dk/v1/notifications/unsubscribe?token=abc>" {
				t.Errorf("List-Unsubscribe: %q", got)
			}
			if got := p.Header.Get("List-Unsubscribe-Post"); got != "List-Unsubscribe=One-Click" {
				t.Errorf("List-Unsubscribe-Post: %q", got)
			}
			if p.Header.Get("Auto-Submitted") != "auto-generated" {
				t.Error("no Auto-Submitted header")
			}
		})
	}
}

// TestWrongPasswordAndRefusedRecipient: a wrong password is worth
// retrying (it may be fixed), a mailbox the server refuses is not.
func TestWrongPasswordAndRefusedRecipient(t *testing.T) {
	srv := mailtest.Start(t)
	cfg, _ := mail.ParseSMTPURL(srv.URL())
	bad := cfg
	bad.Password = "forkert"
	err := mail.NewSMTP(bad, srv.TLS(), nil).Send(context.Background(), "noreply@example.dk", sample("a@example.dk"))
	if err == nil || errors.Is(err, mail.ErrPermanent) || strings.Contains(err.Error(), mailtest.Password) {
		t.Errorf("wrong password: %v", err)
	}
	srv.Refuse = "gone@example.dk"
	err = mail.NewSMTP(cfg, srv.TLS(), nil).Send(context.Background(), "noreply@example.dk", sample("gone@example.dk"))
	if !errors.Is(err, mail.ErrPermanent) {
		t.Errorf("refused mailbox: %v, want ErrPermanent", err)
	}
	// Without the test's certificate the server is not trusted.
	err = mail.NewSMTP(cfg, nil, nil).Send(context.Background(), "noreply@example.dk", sample("a@example.dk"))
	if err == nil {
		t.Error("sent to a server whose certificate nobody trusts")
	}
}

// TestFolderWritesPrivateEmlFilesThatSortByTime: without a mail server,
// each e-mail is an .eml file, readable by its owner only, named so that
// the newest sorts last, and it parses back to what was sent.
func TestFolderWritesPrivateEmlFilesThatSortByTime(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mail")
	at := time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC)
	f := mail.NewFolder(dir, func() time.Time { at = at.Add(time.Second); return at })
	for _, to := range []string{"first@example.dk", "second@example.dk"} {
		if err := f.Send(context.Background(), "noreply@example.dk", sample(to)); err != nil {
			t.Fatal(err)
		}
	}
	files := mailtest.Files(t, dir)
	if len(files) != 2 {
		t.Fatalf("%d files, want 2", len(files))
	}
	for i, want := range []string{"first@example.dk", "second@example.dk"} {
		info, err := os.Stat(files[i])
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", files[i], info.Mode().Perm())
		}
		raw, _ := os.ReadFile(files[i])
		p := mailtest.Parse(t, raw)
		if to := p.Header.Get("To"); !strings.Contains(to, want) || p.Subject != "Sofie (15–17) vil gerne være med" {
			t.Errorf("file %d: to %s, subject %q", i, to, p.Subject)
		}
	}
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("the folder has mode %v, want 0700", info.Mode().Perm())
	}
}

// TestLetterEscapesWhatPeopleWrote: a nickname with markup is text in
// both parts, and the HTML loads nothing from elsewhere.
func TestLetterEscapesWhatPeopleWrote(t *testing.T) {
	l := mail.InviteLetter(mail.Invite{To: "a@example.dk", Lang: "da", OrgName: `<img src="https://evil.example/x.png">Spejderne`,
		Link: "http://localhost/org/?flow=invite&token=T"})
	m, err := l.Message("a@example.dk")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(m.HTML, "<img") || !strings.Contains(m.HTML, "&lt;img") {
		t.Errorf("markup in a value was not escaped:\n%s", m.HTML)
	}
	for _, loads := range []string{"<img", "<link", "<script", "url(", `src="`} {
		if strings.Contains(m.HTML, loads) {
			t.Errorf("the HTML loads something: %s", loads)
		}
	}
	if !strings.Contains(m.Text, "Du er inviteret til at tage imod unge fra Brobygger for <img") ||
		!strings.Contains(m.Text, "http://localhost/org/?flow=invite&token=T") {
		t.Errorf("text:\n%s", m.Text)
	}
	en, _ := mail.InviteLetter(mail.Invite{Lang: "en", Role: "admin", Link: "http://x/"}).Message("a@example.dk")
	if en.Subject != "You are invited to Brobygger" || !strings.Contains(en.Text, "as admin") {
		t.Errorf("English invite: %q\n%s", en.Subject, en.Text)
	}
}

func TestUnsubscribeTokens(t *testing.T) {
	secret := []byte(strings.Repeat("k", 40))
	tok := mail.UnsubscribeToken(secret, "user-1")
	if id, ok := mail.ReadUnsubscribeToken(secret, tok); !ok || id != "user-1" {
		t.Fatalf("read back %q %v", id, ok)
	}
	for _, bad := range []string{"", "user-1", "user-2." + strings.SplitN(tok, ".", 2)[1], tok + "x", "." + tok} {
		if _, ok := mail.ReadUnsubscribeToken(secret, bad); ok {
			t.Errorf("token %q was taken", bad)
		}
	}
	if _, ok := mail.ReadUnsubscribeToken([]byte(strings.Repeat("j", 40)), tok); ok {
		t.Error("a token made under another secret was taken")
	}
}

func TestNextDigestIsEightDanishTime(t *testing.T) {
	for now, want := range map[string]string{
		"2026-12-05T06:59:00Z": "2026-12-05T08:00:00+01:00", // winter: 07:59 in Copenhagen
		"2026-12-05T07:00:00Z": "2026-12-06T08:00:00+01:00",
		"2026-06-05T05:30:00Z": "2026-06-05T08:00:00+02:00", // summer: 07:30
		"2026-06-05T23:30:00Z": "2026-06-06T08:00:00+02:00",
	} {
		n, _ := time.Parse(time.RFC3339, now)
		if got := mail.NextDigest(n).Format(time.RFC3339); got != want {
			t.Errorf("NextDigest(%s) = %s, want %s", now, got, want)
		}
	}
}

// countingSender counts sends and can fail.
type countingSender struct {
	sent []mail.Message
	fail error
}

func (c *countingSender) Send(_ context.Context, _ string, m mail.Message) error {
	if c.fail != nil {
		return c.fail
	}
	c.sent = append(c.sent, m)
	return nil
}

// TestAQueuedMailIsSentOnceAndForgotten: a job runs twice (a worker died
// before settling it) and the e-mail goes once; after the send the store
// keeps no recipient, subject or body.
func TestAQueuedMailIsSentOnceAndForgotten(t *testing.T) {
	st := storetest.Open(t, "mailqueue")
	ctx := context.Background()
	sender := &countingSender{}
	m := mail.NewMailer(st, sender, "noreply@example.dk", nil, nil)
	if err := m.Queue(ctx, "test:1", sample("a@example.dk"), "youth-1"); err != nil {
		t.Fatal(err)
	}
	if err := m.Queue(ctx, "test:1", sample("other@example.dk"), ""); err != nil {
		t.Fatal(err)
	}
	j, err := st.Job(ctx, "mail:test:1")
	if err != nil || j.Kind != mail.KindMail {
		t.Fatalf("job: %+v %v", j, err)
	}
	q, err := st.QueuedMail(ctx, j.ID)
	if err != nil || q.To != "a@example.dk" || q.AboutUser != "youth-1" {
		t.Fatalf("queued: %+v %v (queueing twice must keep the first)", q, err)
	}
	for range 2 {
		if err := m.Handle(ctx, &j); err != nil {
			t.Fatal(err)
		}
	}
	if len(sender.sent) != 1 {
		t.Fatalf("sent %d times, want once", len(sender.sent))
	}
	q, err = st.QueuedMail(ctx, j.ID)
	if err != nil || q.SentAt == nil || q.To != "" || q.Subject != "" || q.Text != "" || q.HTML != "" || q.AboutUser != "" {
		t.Errorf("after sending the store keeps %+v, %v", q, err)
	}
	// A refused mailbox gives up at once; any other failure is retried.
	if err := m.Queue(ctx, "test:2", sample("b@example.dk"), ""); err != nil {
		t.Fatal(err)
	}
	j2, _ := st.Job(ctx, "mail:test:2")
	sender.fail = fmt.Errorf("%w: 550 no such mailbox", mail.ErrPermanent)
	if err := m.Handle(ctx, &j2); err == nil || !strings.Contains(err.Error(), "550") {
		t.Errorf("a permanent failure: %v", err)
	}
	sender.fail = errors.New("connection refused")
	if err := m.Handle(ctx, &j2); err == nil {
		t.Error("a failed send passed")
	}
}
