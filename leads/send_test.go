package leads_test

import (
	"context"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

// TestSendingALeadTwiceStoresItOnce: the chat may not hear that a lead was
// stored and send it again; the organisation still gets one lead, and the
// friend's code still comes back.
func TestSendingALeadTwiceStoresItOnce(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	org, err := s.CreateOrganisation(ctx, "Dyreværnet", now)
	if err != nil {
		t.Fatal(err)
	}
	o := match.Opportunity{ID: "opp-hunde", OrganisationID: org.ID, Organisation: org.Name, Title: "Hundeluftere", GroupSize: 3}
	req := leads.Request{ID: "lead-1", Lang: "da", Shared: leads.Shared{Nickname: "Mia", AgeBand: leads.AgeBand(16),
		ContactMethod: leads.ContactPhone, Contact: "12345678"}}
	l := leads.NewLead(o, "u1", "c1", req, now)
	if l.MaxFriends != 2 || l.ContactAgreedAt == nil || !l.ContactAgreedAt.Equal(now) || l.OrganisationName != "Dyreværnet" {
		t.Fatalf("NewLead = %+v", l)
	}
	svc := leads.NewService(s, func() time.Time { return now }, newID)
	stored, first, err := svc.Send(ctx, l)
	if err != nil || first == "" || stored.ID != "lead-1" || stored.Status != leads.StatusNew {
		t.Fatalf("first send: lead %s (%s), code %q, %v", stored.ID, stored.Status, first, err)
	}
	storedAgain, again, err := svc.Send(ctx, l)
	if err != nil || again == "" || storedAgain.ID != "lead-1" {
		t.Fatalf("second send: lead %s, code %q, %v", storedAgain.ID, again, err)
	}
	mine, err := s.LeadsOfYouth(ctx, "u1")
	if err != nil || len(mine) != 1 || mine[0].ID != "lead-1" {
		t.Fatalf("the young person's leads = %v, %v; want the one lead", mine, err)
	}

	alone := leads.NewLead(match.Opportunity{ID: "opp-alene", OrganisationID: org.ID, GroupSize: 1}, "u2", "c2",
		leads.Request{ID: "lead-2", Shared: leads.Shared{Nickname: "Ali", AgeBand: leads.AgeBand(19), ContactMethod: leads.ContactInApp}}, now)
	if alone.ContactAgreedAt != nil {
		t.Error("a lead that keeps contact in the app records an agreement to share a contact")
	}
	if _, code, err := svc.Send(ctx, alone); err != nil || code != "" {
		t.Errorf("a task for one person: code %q, %v; want no code", code, err)
	}
}

func TestOrganisationsAreScoredOnTheirOwnLeads(t *testing.T) {
	t0 := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
	answered := func(org string, after time.Duration) leads.Lead {
		at := t0.Add(after)
		return leads.Lead{OrganisationID: org, CreatedAt: t0, FirstAnsweredAt: &at, Status: leads.StatusContacted}
	}
	silent := leads.Lead{OrganisationID: "org-b", CreatedAt: t0, Status: leads.StatusNoResponse}
	s := leads.ScoreOrganisations([]leads.Lead{answered("org-a", time.Hour), answered("org-a", 3*time.Hour), silent})
	if a := s.Answers["org-a"]; a.Leads != 2 || a.Answered != 2 || a.Median != 2*time.Hour {
		t.Errorf("org-a answers = %+v", a)
	}
	if b := s.Answers["org-b"]; b.Leads != 1 || b.Answered != 0 {
		t.Errorf("org-b answers = %+v", b)
	}
	if !(s.Boost["org-a"] > s.DefaultBoost && s.DefaultBoost > s.Boost["org-b"]) {
		t.Errorf("boosts a %.2f, none %.2f, b %.2f: answering must help and silence must not", s.Boost["org-a"], s.DefaultBoost, s.Boost["org-b"])
	}
}
