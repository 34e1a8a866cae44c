// Package mailtest runs a real SMTP server in the test's process (go-smtp,
// with STARTTLS or implicit TLS on a certificate made for the test, and a
// user and password), and reads back what it received, so tests check the
// e-mail Brobygger really sends.
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/mail"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// User and Password are what the server accepts.
const (
	User     = "brobygger"
	Password = "s3cret p@ss/with:odd chars"
)

// Mail is one received e-mail.
type Mail struct {
	From string
	To   []string
	// Raw is the whole message as received.
	Raw        []byte
	ReceivedAt time.Time
}

// Server is a running SMTP server.
type Server struct {
	srv      *smtp.Server
	addr     string
	implicit bool
	clientTL *tls.Config
	mu       sync.Mutex
	got      []Mail
	arrived  chan struct{}
	// Refuse, when set, answers RCPT TO for that address with a permanent 550.
	Refuse string
}

// Start runs a server with STARTTLS until the test ends.
func Start(t testing.TB) *Server { return start(t, false) }

// StartImplicitTLS runs a server that speaks TLS from the first byte (smtps).
func StartImplicitTLS(t testing.TB) *Server { return start(t, true) }

func start(t testing.TB, implicit bool) *Server {
	t.Helper()
	cert, pool := certificate(t)
	s := &Server{implicit: implicit, arrived: make(chan struct{}, 1000),
		clientTL: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}
	srv := smtp.NewServer(backend{s})
	srv.Domain = "localhost"
	srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.MaxMessageBytes = 10 << 20
	var ln net.Listener
	var err error
	if implicit {
		ln, err = tls.Listen("tcp", "127.0.0.1:0", srv.TLSConfig)
	} else {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	s.srv, s.addr = srv, ln.Addr().String()
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}

// URL is BROBYGGER_SMTP_URL for this server, user and password included.
func (s *Server) URL() string {
	scheme := "smtp"
	if s.implicit {
		scheme = "smtps"
	}
	u := url.URL{Scheme: scheme, User: url.UserPassword(User, Password), Host: s.addr}
	return u.String()
}

// TLS is a client configuration that trusts this server's certificate.
func (s *Server) TLS() *tls.Config { return s.clientTL.Clone() }

// Received lists what arrived so far.
func (s *Server) Received() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.got)
}

// WaitFor waits up to timeout for an e-mail for to, and returns the
// first that arrived, or fails the test.
func (s *Server) WaitFor(t testing.TB, to string, timeout time.Duration) Mail {
	t.Helper()
	deadline := time.After(timeout)
	for {
		for _, m := range s.Received() {
			if slices.Contains(m.To, strings.ToLower(to)) {
				return m
			}
		}
		select {
		case <-s.arrived:
		case <-deadline:
			t.Fatalf("no e-mail for %s within %s; %d others arrived", to, timeout, len(s.Received()))
		}
	}
}

// CountFor is how many e-mails arrived for to.
func (s *Server) CountFor(to string) int {
	n := 0
	for _, m := range s.Received() {
		if slices.Contains(m.To, strings.ToLower(to)) {
			n++
		}
	}
	return n
}

type backend struct{ s *Server }

func (b backend) NewSession(*smtp.Conn) (smtp.Session, error) { return &session{s: b.s}, nil }

type session struct {
	s      *Server
	authed bool
	from   string
	to     []string
}

func (se *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (se *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != User || pass != Password {
			return errors.New("wrong user or password")
		}
		se.authed = true
		return nil
	}), nil
}

func (se *session) Mail(from string, _ *smtp.MailOptions) error {
	if !se.authed {
		return smtp.ErrAuthRequired
	}
	se.from = from
	return nil
}

func (se *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if se.s.Refuse != "" && strings.EqualFold(to, se.s.Refuse) {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such mailbox"}
	}
	se.to = append(se.to, strings.ToLower(to))
	return nil
}

func (se *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	se.s.mu.Lock()
	se.s.got = append(se.s.got, Mail{From: se.from, To: se.to, Raw: raw, ReceivedAt: time.Now()})
	se.s.mu.Unlock()
	se.s.arrived <- struct{}{}
	return nil
}

func (se *session) Reset()        { se.from, se.to = "", nil }
func (se *session) Logout() error { return nil }

// certificate makes a self-signed certificate for 127.0.0.1 and localhost.
func certificate(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mailtest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// Parsed is an e-mail read back: its headers and its decoded text and
// HTML parts.
type Parsed struct {
	Header mail.Header
	// Subject is decoded (RFC 2047).
	Subject string
	Text    string
	HTML    string
}

// Parse reads a raw e-mail, as received or as written to an .eml file.
func Parse(t testing.TB, raw []byte) Parsed {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("not an e-mail: %v\n%s", err, raw)
	}
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatalf("subject: %v", err)
	}
	p := Parsed{Header: m.Header, Subject: subject}
	if err := p.walk(m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), m.Body); err != nil {
		t.Fatalf("read e-mail body: %v", err)
	}
	return p
}

func (p *Parsed) walk(contentType, encoding string, body io.Reader) error {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("content type %q: %w", contentType, err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			part, err := mr.NextRawPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if err := p.walk(part.Header.Get("Content-Type"), part.Header.Get("Content-Transfer-Encoding"), part); err != nil {
				return err
			}
		}
	}
	b, err := decodeBody(encoding, body)
	if err != nil {
		return err
	}
	switch mt {
	case "text/plain":
		p.Text = string(b)
	case "text/html":
		p.HTML = string(b)
	}
	return nil
}

// Parse reads the e-mail.
func (m Mail) Parse(t testing.TB) Parsed { t.Helper(); return Parse(t, m.Raw) }

var linkPattern = regexp.MustCompile(`https?://[^\s"<>]+`)

// Link is the first link in the text part that contains want, or fails.
func (p Parsed) Link(t testing.TB, want string) string {
	t.Helper()
	for _, l := range linkPattern.FindAllString(p.Text, -1) {
		if strings.Contains(l, want) {
			return l
		}
	}
	t.Fatalf("no link with %q in:\n%s", want, p.Text)
	return ""
}

// Token is the token= parameter of the first link that contains want.
func (p Parsed) Token(t testing.TB, want string) string {
	t.Helper()
	u, err := url.Parse(p.Link(t, want))
	if err != nil {
		t.Fatal(err)
	}
	tok := u.Query().Get("token")
	if tok == "" {
		t.Fatalf("link %s has no token", u)
	}
	return tok
}

// Files lists the .eml files in dir, oldest first (their names sort by time).
func Files(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".eml") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	slices.Sort(out)
	return out
}

// WaitForFile waits for an .eml file in dir addressed to to, and parses it.
func WaitForFile(t testing.TB, dir, to string, timeout time.Duration) Parsed {
	t.Helper()
	return WaitForFileAbout(t, dir, to, "", timeout)
}

// WaitForFileAbout waits for an .eml file in dir addressed to to whose
// subject contains subject, and parses it.
func WaitForFileAbout(t testing.TB, dir, to, subject string, timeout time.Duration) Parsed {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		for _, f := range Files(t, dir) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := Parse(t, raw)
			if addrs, _ := p.Header.AddressList("To"); len(addrs) > 0 && strings.EqualFold(addrs[0].Address, to) &&
				strings.Contains(p.Subject, subject) {
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no .eml file for %s in %s within %s", to, dir, timeout)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
