package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/mail"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestErasingAYoungPersonErasesTheirQueuedMail: e-mails waiting to be
// sent that name the young person, and their news waiting for a daily
// e-mail, go with the erasure; others' stay.
func TestErasingAYoungPersonErasesTheirQueuedMail(t *testing.T) {
	st := storetest.Open(t, "mailerasure")
	ctx := context.Background()
	now := time.Now()
	a := accounts.NewGuest("da", now)
	if err := st.CreateUser(ctx, a); err != nil {
		t.Fatal(err)
	}
	for id, about := range map[string]string{"mail:lead:1": a.ID, "mail:lead:2": "someone-else", "mail:invite:x": ""} {
		if err := st.QueueMail(ctx, mail.Queued{ID: id, Message: mail.Message{To: "s@example.dk", Subject: "Sofie (15–17)"},
			AboutUser: about, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	for _, it := range []mail.DigestItem{{StaffID: "s1", LeadID: "l1", Seq: 1, YouthID: a.ID, At: now},
		{StaffID: "s1", LeadID: "l2", Seq: 1, YouthID: "someone-else", At: now.Add(time.Second)}} {
		if err := st.AddDigestItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		if err := st.AddDigestItem(ctx, it); err != nil { // adding twice is harmless
			t.Fatal(err)
		}
	}
	if items, _ := st.DigestItems(ctx, "s1"); len(items) != 2 {
		t.Fatalf("%d items, want 2", len(items))
	}
	if err := st.EraseUser(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.QueuedMail(ctx, "mail:lead:1"); !errors.Is(err, mail.ErrNotFound) {
		t.Errorf("the erased young person's e-mail: %v", err)
	}
	for _, id := range []string{"mail:lead:2", "mail:invite:x"} {
		if _, err := st.QueuedMail(ctx, id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	items, _ := st.DigestItems(ctx, "s1")
	if len(items) != 1 || items[0].YouthID != "someone-else" {
		t.Errorf("digest items after the erasure: %+v", items)
	}
	if err := st.DeleteDigestItems(ctx, items); err != nil {
		t.Fatal(err)
	}
	if items, _ := st.DigestItems(ctx, "s1"); len(items) != 0 {
		t.Errorf("%d items left", len(items))
	}
	dump, _ := st.DumpJSON(ctx)
	for _, d := range dump["mail"] {
		if strings.Contains(d, a.ID) {
			t.Errorf("the erased id is still in the mail: %s", d)
		}
	}
}

// TestStaffOfAnOrganisationAndTheirSettings lists org_staff of one
// organisation only, and keeps each one's choice of e-mails.
func TestStaffOfAnOrganisationAndTheirSettings(t *testing.T) {
	st := storetest.Open(t, "mailstaff")
	ctx := context.Background()
	now := time.Now()
	for i, n := range []accounts.NewStaff{{Role: accounts.RoleOrgStaff, Email: "a@example.dk", OrgID: "org-1"},
		{Role: accounts.RoleOrgStaff, Email: "b@example.dk", OrgID: "org-2"},
		{Role: accounts.RoleReferrer, Email: "c@example.dk", OrgID: "org-1"},
		{Role: accounts.RoleOrgStaff, Email: "d@example.dk", OrgID: "org-1"}} {
		if _, _, err := accounts.CreateStaff(ctx, st, n, now.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	staff, err := st.StaffOf(ctx, "org-1")
	if err != nil {
		t.Fatal(err)
	}
	var emails []string
	for _, u := range staff {
		emails = append(emails, u.Email)
	}
	if strings.Join(emails, ",") != "a@example.dk,d@example.dk" {
		t.Errorf("staff of org-1: %v", emails)
	}
	if s, err := st.NotificationSetting(ctx, staff[0].ID); err != nil || s != "" {
		t.Errorf("never chosen: %q %v", s, err)
	}
	for _, want := range []string{mail.Daily, mail.Off} {
		if err := st.SetNotificationSetting(ctx, staff[0].ID, want, now); err != nil {
			t.Fatal(err)
		}
		if s, _ := st.NotificationSetting(ctx, staff[0].ID); s != want {
			t.Errorf("setting %q, want %q", s, want)
		}
	}
}
