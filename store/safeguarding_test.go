package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/safeguarding"
)

func TestSafeguardingCaseLifecycle(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	open := func(id string, at time.Time) {
		t.Helper()
		err := s.OpenCase(ctx, bot.SafeguardingCase{ID: id, UserID: "u-" + id, ConversationID: "c-" + id, Kind: "abuse",
			Messages: []string{"message of " + id}, CreatedAt: at})
		if err != nil {
			t.Fatal(err)
		}
	}
	open("old", t0)
	open("new", t0.Add(time.Hour))
	// A retried turn opens the same id again: nothing changes.
	if err := s.OpenCase(ctx, bot.SafeguardingCase{ID: "old", Messages: []string{"other"}, CreatedAt: t0}); err != nil {
		t.Fatalf("opening a case twice: %v", err)
	}
	c, err := s.Case(ctx, "old")
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != safeguarding.StatusOpen || len(c.Messages) != 1 || c.Messages[0] != "message of old" || c.UserID != "u-old" {
		t.Fatalf("case = %+v", c)
	}

	all, err := s.Cases(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].ID != "new" || all[1].ID != "old" {
		t.Fatalf("cases = %v, want newest first", ids(all))
	}

	if _, err := s.UpdateCase(ctx, "old", func(c *safeguarding.Case) error { return c.Close("officer", "no_action", t0) }); !errors.Is(err, safeguarding.ErrStatus) {
		t.Fatalf("closing an open case: err = %v, want ErrStatus", err)
	}
	ack := func(staff string) (safeguarding.Case, error) {
		return safeguarding.Acknowledge(ctx, s, "old", staff, t0.Add(2*time.Hour))
	}
	c, err = ack("officer")
	if err != nil || c.Status != safeguarding.StatusAcknowledged || c.AcknowledgedBy != "officer" || c.AcknowledgedAt == nil {
		t.Fatalf("acknowledge: %+v, %v", c, err)
	}
	if c, err = ack("officer"); err != nil || c.Version != 2 {
		t.Fatalf("acknowledging again as the same officer must change nothing: version %d, %v", c.Version, err)
	}
	if _, err := ack("someone-else"); !errors.Is(err, safeguarding.ErrStatus) {
		t.Fatalf("acknowledging someone else's case: err = %v", err)
	}
	c, err = s.UpdateCase(ctx, "old", func(c *safeguarding.Case) error {
		c.AddNote("officer", "called the municipality", t0.Add(3*time.Hour))
		return nil
	})
	if err != nil || len(c.Notes) != 1 || c.Notes[0].AuthorID != "officer" {
		t.Fatalf("note: %+v, %v", c, err)
	}
	c, err = s.UpdateCase(ctx, "old", func(c *safeguarding.Case) error {
		return c.Close("officer", "notified_municipality", t0.Add(4*time.Hour))
	})
	if err != nil || c.Status != safeguarding.StatusClosed || c.ClosedBy != "officer" || c.Outcome != "notified_municipality" {
		t.Fatalf("close: %+v, %v", c, err)
	}

	for status, want := range map[string][]string{safeguarding.StatusOpen: {"new"}, safeguarding.StatusClosed: {"old"}, safeguarding.StatusAcknowledged: {}} {
		got, err := s.Cases(ctx, status)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || len(want) == 1 && got[0].ID != want[0] {
			t.Errorf("status %s: %v, want %v", status, ids(got), want)
		}
	}
	if _, err := s.Case(ctx, "nope"); !errors.Is(err, safeguarding.ErrNotFound) {
		t.Errorf("missing case: err = %v", err)
	}
	if _, err := s.UpdateCase(ctx, "nope", func(*safeguarding.Case) error { return nil }); !errors.Is(err, safeguarding.ErrNotFound) {
		t.Errorf("updating a missing case: err = %v", err)
	}
}

func ids(cases []safeguarding.Case) []string {
	out := make([]string, len(cases))
	for i, c := range cases {
		out[i] = c.ID
	}
	return out
}

func TestAuditLogIsNewestFirst(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	// The same instant for all: order must still be the order of writing.
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	for _, action := range []string{"case.list", "case.read", "case.close"} {
		if err := s.Audit(ctx, safeguarding.AuditEntry{At: at, ActorID: "officer", ActorRole: "safeguarding", Action: action, CaseIDs: []string{"c1"}}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.AuditLog(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Action != "case.close" || got[1].Action != "case.read" {
		t.Fatalf("audit log = %+v", got)
	}
	if got[0].ActorID != "officer" || got[0].ID == "" || len(got[0].CaseIDs) != 1 {
		t.Errorf("entry = %+v", got[0])
	}
}

func TestStaffEmailIsUniqueAndLooksUpNormalised(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	u := accounts.User{ID: "s1", Role: "safeguarding"}
	if err := s.CreateStaff(ctx, u, accounts.StaffCredential{Email: " Officer@Example.DK ", PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	c, err := s.StaffCredential(ctx, "officer@example.dk")
	if err != nil || c.UserID != "s1" || c.Email != "officer@example.dk" {
		t.Fatalf("credential = %+v, %v", c, err)
	}
	if got, _ := s.User(ctx, "s1"); got.Email != "officer@example.dk" {
		t.Errorf("user e-mail = %q", got.Email)
	}
	err = s.CreateStaff(ctx, accounts.User{ID: "s2", Role: "admin"}, accounts.StaffCredential{Email: "OFFICER@example.dk", PasswordHash: "h"})
	if !errors.Is(err, accounts.ErrEmailTaken) {
		t.Fatalf("same e-mail again: err = %v, want ErrEmailTaken", err)
	}
	if _, err := s.User(ctx, "s2"); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("the refused account was stored: %v", err)
	}
	// A user id that is taken leaves the e-mail free for a retry.
	err = s.CreateStaff(ctx, accounts.User{ID: "s1", Role: "admin"}, accounts.StaffCredential{Email: "other@example.dk", PasswordHash: "h"})
	if !errors.Is(err, accounts.ErrConflict) {
		t.Fatalf("taken user id: err = %v", err)
	}
	if _, err := s.StaffCredential(ctx, "other@example.dk"); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("the e-mail stayed claimed: %v", err)
	}
	if _, err := s.StaffCredential(ctx, "nobody@example.dk"); !errors.Is(err, accounts.ErrNotFound) {
		t.Errorf("unknown e-mail: err = %v", err)
	}
}
