package mail_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/mail"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestDailyEmailGathersTheNewsOnce: a staff member who chose daily gets
// nothing at once; at 08:00 one e-mail lists each piece of news in their
// language, leaving out a lead erased meanwhile, and running the job
// again sends nothing more.
func TestDailyEmailGathersTheNewsOnce(t *testing.T) {
	st := storetest.Open(t, "maildigest")
	ctx := context.Background()
	now := time.Date(2026, 12, 7, 15, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	u, _, err := accounts.CreateStaff(ctx, st, accounts.NewStaff{Role: accounts.RoleOrgStaff, Email: "daglig@example.dk", OrgID: "org-1"}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SetNotificationSetting(ctx, u.ID, mail.Daily, now); err != nil {
		t.Fatal(err)
	}
	sender := &countingSender{}
	mailer := mail.NewMailer(st, sender, "noreply@example.dk", clock, nil)
	n := mail.NewNotifier(mail.NotifierConfig{Mailer: mailer, Leads: st, Staff: st, Digests: st,
		PublicURL: "https://brobygger.example.dk/", Secret: []byte(strings.Repeat("k", 40)), Now: clock})
	h := n.Handlers()
	svc := leads.NewService(st, clock, func() string { return accounts.NewID() }).MailStaff()

	for _, nick := range []string{"Sofie", "Mads"} {
		l, err := svc.Create(ctx, leads.Lead{OrganisationID: "org-1", OrganisationName: "Spejderne", OpportunityID: "o",
			OpportunityTitle: "Lejrhjælper", YouthID: "y-" + nick, ConversationID: "c", Lang: "da",
			Shared: leads.Shared{Nickname: nick, AgeBand: leads.Band18to24}})
		if err != nil {
			t.Fatal(err)
		}
		j, err := st.Job(ctx, leads.StaffMailJob(l.ID, 1, now).ID)
		if err != nil {
			t.Fatalf("the lead service enqueued no e-mail job: %v", err)
		}
		if err := h[leads.KindStaffMail](ctx, &j); err != nil {
			t.Fatal(err)
		}
	}
	if len(sender.sent) != 0 {
		t.Fatalf("%d e-mails sent at once to someone who chose daily", len(sender.sent))
	}
	due := mail.NextDigest(now)
	j, err := st.Job(ctx, mail.KindDigest+":"+u.ID+":"+due.Format(time.DateOnly))
	if err != nil || j.DueAt.In(time.UTC).Hour() != 7 {
		t.Fatalf("digest job %+v %v, want due 08:00 Danish time", j, err)
	}
	if err := st.EraseLeadsOf(ctx, "y-Mads"); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := h[mail.KindDigest](ctx, &j); err != nil {
			t.Fatal(err)
		}
	}
	if len(sender.sent) != 1 {
		t.Fatalf("%d daily e-mails, want 1", len(sender.sent))
	}
	m := sender.sent[0]
	if m.Subject != "Nyt fra Brobygger: 1 ting" || !strings.Contains(m.Text, "- Sofie (18–24) vil gerne være med til Lejrhjælper.") ||
		strings.Contains(m.Text, "Mads") || m.Unsubscribe == "" {
		t.Errorf("daily e-mail %q:\n%s", m.Subject, m.Text)
	}
	if items, _ := st.DigestItems(ctx, u.ID); len(items) != 0 {
		t.Errorf("%d items left after the daily e-mail", len(items))
	}
}

// TestReminderReachesStaffByEmail: three days after a lead nobody
// touched, the outbox worker reminds the organisation, and its staff get
// the reminder by e-mail, once however often the worker runs.
func TestReminderReachesStaffByEmail(t *testing.T) {
	st := storetest.Open(t, "mailreminder")
	ctx := context.Background()
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	if _, _, err := accounts.CreateStaff(ctx, st, accounts.NewStaff{Role: accounts.RoleOrgStaff, Email: "vagt@example.dk", OrgID: "org-1"}, now); err != nil {
		t.Fatal(err)
	}
	sender := &countingSender{}
	mailer := mail.NewMailer(st, sender, "noreply@example.dk", clock, nil)
	n := mail.NewNotifier(mail.NotifierConfig{Mailer: mailer, Leads: st, Staff: st, Digests: st,
		PublicURL: "https://brobygger.example.dk", Secret: []byte(strings.Repeat("k", 40)), Now: clock})
	svc := leads.NewService(st, clock, accounts.NewID).MailStaff()
	w := leads.NewWorker(leads.WorkerConfig{Jobs: st, Leads: st, Webhooks: st, Handlers: n.Handlers(), MailStaff: true, Now: clock})
	if _, err := svc.Create(ctx, leads.Lead{OrganisationID: "org-1", OrganisationName: "Røde Kors", OpportunityID: "o",
		OpportunityTitle: "Lektiecafé", YouthID: "y", ConversationID: "c", Lang: "da",
		Shared: leads.Shared{Nickname: "Noor", AgeBand: leads.Band13to14}}); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if len(sender.sent) != 1 || sender.sent[0].Subject != "Noor (13–14) vil gerne være med til Lektiecafé" {
		t.Fatalf("after the lead: %d e-mails %+v", len(sender.sent), sender.sent)
	}
	now = now.Add(leads.RemindAfter + time.Minute)
	for range 3 {
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if len(sender.sent) != 2 || sender.sent[1].Subject != "Noor (13–14) venter stadig på svar" {
		t.Fatalf("after three days: %d e-mails %+v", len(sender.sent), sender.sent)
	}
	if !strings.Contains(sender.sent[1].Text, "har ikke hørt fra jer i tre dage") {
		t.Errorf("reminder:\n%s", sender.sent[1].Text)
	}
}
