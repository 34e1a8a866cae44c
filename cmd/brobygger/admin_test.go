package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/app"
)

// TestAdminCreatesAStaffUserWhoCanSignIn runs the admin command in-process
// on a fresh database, then starts the server on the same database and
// signs in with the password the command printed last.
func TestAdminCreatesAStaffUserWhoCanSignIn(t *testing.T) {
	ctx := context.Background()
	var printed strings.Builder
	if err := runAdmin(ctx, app.Config{}, []string{"vapid-keys", "--subject", "mailto:drift@example.dk"}, &printed, io.Discard); err != nil {
		t.Fatalf("vapid-keys: %v", err)
	}
	keys := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(printed.String()), "\n") {
		k, v, _ := strings.Cut(line, "=")
		keys[k] = v
	}
	if len(keys) != 3 || keys["BROBYGGER_VAPID_SUBJECT"] != "mailto:drift@example.dk" {
		t.Fatalf("vapid-keys printed %q", printed.String())
	}
	cfg := app.Config{
		DataDir:  t.TempDir(),
		MongoURI: os.Getenv("MONGODB_URI"),
		// With MONGODB_URI the keys must be given; these come from the
		// command under test.
		VAPIDPublicKey: keys["BROBYGGER_VAPID_PUBLIC_KEY"], VAPIDPrivateKey: keys["BROBYGGER_VAPID_PRIVATE_KEY"],
		VAPIDSubject: keys["BROBYGGER_VAPID_SUBJECT"],
		Database:     fmt.Sprintf("admintest_%d", time.Now().UnixNano()),
		JWTSecret:    strings.Repeat("k", 40),
		SkipSample:   true,
		Logger:       slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	admin := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := runAdmin(ctx, cfg, args, &out, &errOut)
		return out.String(), err
	}

	out, err := admin("create-user", "--role", "safeguarding", "--email", "Officer@Example.dk")
	if err != nil {
		t.Fatalf("create-user: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	password := lines[len(lines)-1]
	if !strings.HasPrefix(lines[0], "created safeguarding user ") || !strings.Contains(lines[0], "officer@example.dk") {
		t.Errorf("first line %q does not say what was created", lines[0])
	}
	if len(password) < 20 || strings.Contains(password, " ") {
		t.Fatalf("last line %q is not a password", password)
	}
	if _, err := admin("create-user", "--role", "org_staff", "--email", "staff@example.dk", "--org", "org-a"); err != nil {
		t.Errorf("org_staff with --org: %v", err)
	}
	out, err = admin("create-org", "--name", "Poterne i Aarhus")
	if err != nil {
		t.Fatalf("create-org: %v", err)
	}
	lines = strings.Split(strings.TrimSpace(out), "\n")
	orgID := lines[len(lines)-1]
	if !strings.HasPrefix(orgID, "org-") || strings.Contains(orgID, " ") || !strings.Contains(lines[0], "Poterne i Aarhus") {
		t.Fatalf("create-org printed %q; want the id alone on the last line", out)
	}
	if _, err := admin("create-user", "--role", "org_staff", "--email", "sara@poterne.example.dk", "--org", orgID); err != nil {
		t.Errorf("org_staff for the new organisation: %v", err)
	}

	for name, args := range map[string][]string{
		"same e-mail":          {"create-user", "--role", "admin", "--email", "officer@example.DK"},
		"youth is not staff":   {"create-user", "--role", "youth", "--email", "y@example.dk"},
		"unknown role":         {"create-user", "--role", "root", "--email", "r@example.dk"},
		"org_staff without":    {"create-user", "--role", "org_staff", "--email", "o@example.dk"},
		"org for non-org role": {"create-user", "--role", "facilitator", "--email", "f@example.dk", "--org", "org-a"},
		"bad e-mail":           {"create-user", "--role", "admin", "--email", "not-an-email"},
		"no e-mail":            {"create-user", "--role", "admin"},
		"unknown flag":         {"create-user", "--role", "admin", "--email", "a@example.dk", "--sudo"},
		"unknown subcommand":   {"delete-user"},
		"create-org no name":   {"create-org"},
		"create-org blank":     {"create-org", "--name", "  "},
		"create-org extra arg": {"create-org", "--name", "A", "B"},
		"nothing":              {},
	} {
		if out, err := admin(args...); err == nil {
			t.Errorf("%s: no error; printed %q", name, out)
		}
	}

	a, err := app.New(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cfg.MongoURI != "" {
			_ = a.Store.Drop(context.Background())
		}
		_ = a.Close(context.Background())
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	serveCtx, stop := context.WithCancel(ctx)
	defer stop()
	go func() { _ = a.Serve(serveCtx, ln) }()

	login := func(password string) int {
		body, _ := json.Marshal(map[string]string{"email": "officer@example.dk", "password": password})
		res, err := http.Post("http://"+ln.Addr().String()+"/v1/auth/login", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		return res.StatusCode
	}
	if got := login(password); got != 200 {
		t.Errorf("sign in with the printed password: %d", got)
	}
	if got := login(password + "x"); got != 401 {
		t.Errorf("sign in with another password: %d, want 401", got)
	}
	if o, err := a.Store.Organisation(ctx, orgID); err != nil || o.Name != "Poterne i Aarhus" {
		t.Errorf("the organisation create-org made: %+v, %v", o, err)
	}
}
