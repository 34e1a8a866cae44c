package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

func openLead(t *testing.T, id, org, youth string, at time.Time) leads.Lead {
	t.Helper()
	l := leads.Lead{ID: id, OrganisationID: org, OrganisationName: "Dyreværnet", OpportunityID: "opp-" + org, YouthID: youth,
		Lang: "da", MaxFriends: 1, Shared: leads.Shared{Nickname: "Mia", AgeBand: leads.AgeBand(16), Municipality: "Aarhus"}}
	if err := l.Open(at); err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLeadsAreStoredAndUpdatedByClosure(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	for i, org := range []string{"org-a", "org-a", "org-b"} {
		l := openLead(t, fmt.Sprintf("l%d", i), org, fmt.Sprintf("u%d", i), at.Add(time.Duration(i)*time.Hour))
		if _, err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.CreateLead(ctx, openLead(t, "l0", "org-a", "u9", at)); !errors.Is(err, leads.ErrConflict) {
		t.Fatalf("duplicate id: err = %v, want ErrConflict", err)
	}
	unnamed := openLead(t, "to-be-named", "org-c", "u3", at)
	unnamed.ID = ""
	named, err := s.CreateLead(ctx, unnamed)
	if err != nil || len(named.ID) != 32 {
		t.Fatalf("lead without id: %q, %v", named.ID, err)
	}

	l, err := s.UpdateLead(ctx, "l1", func(l *leads.Lead) error {
		_, err := l.SetStatus(leads.StatusContacted, leads.Staff, "Sara", at.Add(2*time.Hour))
		return err
	})
	if err != nil || l.Version != 2 || l.Status != leads.StatusContacted {
		t.Fatalf("update: version %d status %s err %v", l.Version, l.Status, err)
	}
	if _, err := s.UpdateLead(ctx, "l1", func(l *leads.Lead) error {
		_, err := l.SetStatus(leads.StatusContacted, leads.Staff, "Sara", at)
		return err
	}); err != nil {
		t.Fatalf("same status again: %v", err)
	}
	if _, err := s.UpdateLead(ctx, "l1", func(l *leads.Lead) error {
		_, err := l.SetStatus(leads.StatusWithdrawn, leads.Staff, "Sara", at)
		return err
	}); !errors.Is(err, leads.ErrTransition) {
		t.Fatalf("illegal change: err = %v", err)
	}
	got, err := s.Lead(ctx, "l1")
	if err != nil || got.Version != 2 || got.Status != leads.StatusContacted || got.FirstAnsweredAt == nil || len(got.Events) != 2 {
		t.Fatalf("stored lead: %+v, %v", got, err)
	}

	all, err := s.LeadsOf(ctx, "org-a", "", "")
	if err != nil || len(all) != 2 || all[0].ID != "l1" {
		t.Fatalf("LeadsOf org-a: %d leads, first %v, err %v", len(all), leadIDs(all), err)
	}
	if only, _ := s.LeadsOf(ctx, "org-a", leads.StatusNew, ""); len(only) != 1 || only[0].ID != "l0" {
		t.Fatalf("LeadsOf new = %v", leadIDs(only))
	}
	if only, _ := s.LeadsOf(ctx, "org-b", "", "opp-org-b"); len(only) != 1 {
		t.Fatalf("LeadsOf by opportunity = %v", leadIDs(only))
	}
	if recent, _ := s.RecentLeadsOf(ctx, "org-a", 1); len(recent) != 1 || recent[0].ID != "l1" {
		t.Fatalf("RecentLeadsOf = %v", leadIDs(recent))
	}
	if mine, _ := s.LeadsOfYouth(ctx, "u2"); len(mine) != 1 || mine[0].ID != "l2" {
		t.Fatalf("LeadsOfYouth = %v", leadIDs(mine))
	}

	_, err = s.Lead(ctx, "nope")
	if !errors.Is(err, leads.ErrNotFound) || errors.Is(err, bot.ErrNotFound) || errors.Is(err, catalog.ErrNotFound) {
		t.Fatalf("missing lead: err = %v, want the lead domain's not-found and no other domain's", err)
	}
	if _, err := s.UpdateLead(ctx, "nope", func(*leads.Lead) error { return nil }); !errors.Is(err, leads.ErrNotFound) {
		t.Fatalf("update missing lead: err = %v", err)
	}
}

func leadIDs(ls []leads.Lead) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.ID
	}
	return out
}

// TestConcurrentLeadMessagesAreAllKept is the embedded database's lost
// update again, on leads: staff and the young person writing at once must
// not lose a message.
func TestConcurrentLeadMessagesAreAllKept(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	at := time.Now().UTC()
	if _, err := s.CreateLead(ctx, openLead(t, "l1", "org-a", "u1", at)); err != nil {
		t.Fatal(err)
	}
	const writers, posts = 4, 12
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		by := leads.Youth
		if w%2 == 0 {
			by = leads.Staff
		}
		wg.Go(func() {
			for i := range posts {
				_, err := s.UpdateLead(ctx, "l1", func(l *leads.Lead) error {
					_, err := l.Post(by, "", fmt.Sprintf("writer %d post %d", w, i), at)
					return err
				})
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	l, err := s.Lead(ctx, "l1")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Thread) != writers*posts {
		t.Fatalf("kept %d of %d messages", len(l.Thread), writers*posts)
	}
	for i, e := range l.Events {
		if e.Seq != i+1 {
			t.Fatalf("event %d has seq %d: numbering lost", i, e.Seq)
		}
	}
}

func TestOrganisationsWebhooksAndOpportunities(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	org, err := s.CreateOrganisation(ctx, " Dyreværnet Aarhus ", t0)
	if err != nil || !strings.HasPrefix(org.ID, "org-") || org.Name != "Dyreværnet Aarhus" {
		t.Fatalf("create organisation: %+v, %v", org, err)
	}
	other, _ := s.CreateOrganisation(ctx, "Naboerne", t0)
	if got, err := s.Organisation(ctx, org.ID); err != nil || got.Name != org.Name {
		t.Fatalf("load organisation: %+v, %v", got, err)
	}

	if _, err := s.Webhook(ctx, org.ID); !errors.Is(err, leads.ErrNotFound) {
		t.Fatalf("no webhook yet: err = %v", err)
	}
	w, err := s.SetWebhook(ctx, org.ID, "https://crm.example.org/hook", "", t0)
	if err != nil || !strings.HasPrefix(w.Secret, "whsec_") {
		t.Fatalf("set webhook: %+v, %v", w, err)
	}
	if got, err := s.Webhook(ctx, org.ID); err != nil || got.URL != w.URL || got.Secret != w.Secret {
		t.Fatalf("webhook = %+v, %v", got, err)
	}
	if _, err := s.SetWebhook(ctx, "org-nope", "https://x.example/", "", t0); !errors.Is(err, catalog.ErrNotFound) {
		t.Fatalf("webhook of unknown organisation: err = %v", err)
	}
	if _, err := s.SetWebhook(ctx, org.ID, "", "", t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Webhook(ctx, org.ID); !errors.Is(err, leads.ErrNotFound) {
		t.Fatalf("removed webhook: err = %v", err)
	}

	opp := match.Opportunity{ID: "opp-x-hunde", OrganisationID: org.ID, Organisation: org.Name, Title: "Luft hunde",
		Interests: []string{"animals"}, Published: true}
	t1 := t0.Add(time.Hour)
	if err := s.UpsertOpportunity(ctx, opp, t1); err != nil {
		t.Fatal(err)
	}
	stolen := opp
	stolen.OrganisationID = other.ID
	if err := s.UpsertOpportunity(ctx, stolen, t1); !errors.Is(err, catalog.ErrOtherOrganisation) || !errors.Is(err, catalog.ErrConflict) {
		t.Fatalf("another organisation's id: err = %v", err)
	}
	synced, err := s.Opportunities(ctx, t0)
	if err != nil || len(synced) != 1 || synced[0].ID != opp.ID {
		t.Fatalf("catalog sync after upsert: %v, %v", synced, err)
	}

	t2 := t1.Add(time.Hour)
	got, err := s.SetPublished(ctx, org.ID, opp.ID, false, t2)
	if err != nil || got.Published {
		t.Fatalf("unpublish: %+v, %v", got, err)
	}
	three := 3
	if got, err = s.SetPlacesLeft(ctx, org.ID, opp.ID, &three, t2); err != nil || got.PlacesLeft == nil || *got.PlacesLeft != 3 {
		t.Fatalf("places left: %+v, %v", got.PlacesLeft, err)
	}
	if synced, _ = s.Opportunities(ctx, t1); len(synced) != 1 || synced[0].Published || *synced[0].PlacesLeft != 3 {
		t.Fatalf("catalog sync after unpublish: %+v", synced)
	}
	if got, err = s.SetPlacesLeft(ctx, org.ID, opp.ID, nil, t2); err != nil || got.PlacesLeft != nil {
		t.Fatalf("no limit: %+v, %v", got.PlacesLeft, err)
	}
	if _, err := s.SetPublished(ctx, other.ID, opp.ID, true, t2); !errors.Is(err, catalog.ErrNotFound) {
		t.Fatalf("another organisation publishing: err = %v", err)
	}
	if mine, err := s.OpportunitiesOf(ctx, org.ID); err != nil || len(mine) != 1 {
		t.Fatalf("OpportunitiesOf = %v, %v", mine, err)
	}
	if theirs, _ := s.OpportunitiesOf(ctx, other.ID); len(theirs) != 0 {
		t.Fatalf("other organisation sees %v", theirs)
	}
}

func TestEraseLeadsOf(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	at := time.Now().UTC()
	svc := leads.NewService(s, func() time.Time { return at }, func() string { return fmt.Sprint(time.Now().UnixNano()) })
	mine, err := svc.Create(ctx, openLead(t, "mine", "org-a", "u1", at))
	if err != nil {
		t.Fatal(err)
	}
	theirs, err := svc.Create(ctx, openLead(t, "theirs", "org-a", "u2", at))
	if err != nil {
		t.Fatal(err)
	}
	inv, err := svc.Invite(ctx, theirs.ID, leads.Caller{Actor: leads.Youth, UserID: "u2"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Join(ctx, strings.ToLower(inv.Code), leads.Caller{Actor: leads.Youth, UserID: "u1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.EraseLeadsOf(ctx, "u1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lead(ctx, mine.ID); !errors.Is(err, leads.ErrNotFound) {
		t.Fatalf("own lead kept: %v", err)
	}
	if _, err := s.Job(ctx, "webhook:mine:1"); !errors.Is(err, leads.ErrNotFound) {
		t.Fatalf("own lead's job kept: %v", err)
	}
	l, err := s.Lead(ctx, theirs.ID)
	if err != nil || len(l.FriendIDs) != 0 {
		t.Fatalf("friend kept on another's lead: %v, %v", l.FriendIDs, err)
	}
}

func TestIdleLeadTextIsPurged(t *testing.T) {
	s := testStore(t)
	ctx := context.Background()
	day := 24 * time.Hour
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for i, idle := range []time.Duration{10 * day, 200 * day} {
		l := openLead(t, fmt.Sprintf("l%d", i), "org-a", fmt.Sprintf("u%d", i), now.Add(-idle))
		l.Shared.Message = "Hej, jeg hedder Mia Zebrafrø"
		if _, err := l.Post(leads.Youth, "", "ring til mig", now.Add(-idle)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateLead(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.PurgeIdleLeadText(ctx, now, 180*day)
	if err != nil || n != 1 {
		t.Fatalf("purged %d (err %v), want 1", n, err)
	}
	fresh, _ := s.Lead(ctx, "l0")
	idle, _ := s.Lead(ctx, "l1")
	if fresh.Shared.Message == "" || fresh.Thread[0].Text == "" {
		t.Error("a recent lead lost its text")
	}
	if idle.Shared.Message != "" || idle.Thread[0].Text != "" || idle.Status != fresh.Status {
		t.Errorf("idle lead kept its text or lost its status: %+v", idle)
	}
	if n, _ := s.PurgeIdleLeadText(ctx, now, 180*day); n != 0 {
		t.Errorf("second purge changed %d leads", n)
	}
}
