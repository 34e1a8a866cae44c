package bot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// oneReferral stands for the referral domain: one code, bound to the first
// conversation that opens it, as package referrals does.
type oneReferral struct {
	code, org, note string
	boundTo         string
}

func (r *oneReferral) OpenReferral(_ context.Context, code, conversationID string) (bot.ReferralInvite, error) {
	switch {
	case code != r.code:
		return bot.ReferralInvite{}, errors.New("no such referral")
	case r.boundTo != "" && r.boundTo != conversationID:
		return bot.ReferralInvite{}, bot.ErrReferralTaken
	}
	r.boundTo = conversationID
	return bot.ReferralInvite{ID: "ref1", Organisation: r.org, Note: r.note}, nil
}

func referralService(t *testing.T, opener bot.ReferralOpener, users ...string) (*bot.Service, *store.Store) {
	t.Helper()
	e, _ := sampleEngine(t)
	st := storetest.Open(t, "referral")
	ids := 0
	now := func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	svc := bot.NewService(e, st, now, func() string { ids++; return fmt.Sprintf("id%d", ids) })
	svc.SetReferrals(opener)
	for _, u := range users {
		if err := st.CreateUser(context.Background(), store.User{ID: u, Role: "youth"}); err != nil {
			t.Fatal(err)
		}
	}
	return svc, st
}

// TestReferralAsksOnceWhoMayFollow: opening a referral says who sent the
// young person and their note, and asks with exactly the two contract
// quick replies; opening it again asks nothing twice.
func TestReferralAsksOnceWhoMayFollow(t *testing.T) {
	ctx := context.Background()
	opener := &oneReferral{code: "AB3CD5EF", org: "UU Aarhus", note: "Godt at du vil prøve noget nyt"}
	svc, _ := referralService(t, opener, "u1")
	c, err := svc.StartWithReferral(ctx, "u1", "da", "AB3CD5EF")
	if err != nil {
		t.Fatal(err)
	}
	last := c.Messages[len(c.Messages)-1]
	for _, want := range []string{"UU Aarhus har sendt dig hertil", "«Godt at du vil prøve noget nyt»", "aldrig hvad du skriver"} {
		if !strings.Contains(last.Text, want) {
			t.Errorf("the referral's message lacks %q:\n%s", want, last.Text)
		}
	}
	if len(last.QuickReplies) != 2 || last.QuickReplies[0].ID != bot.ReferralShareYes || last.QuickReplies[1].ID != bot.ReferralShareNo {
		t.Fatalf("quick replies = %v, want exactly referral_share:yes and referral_share:no", last.QuickReplies)
	}
	if r := c.State.Referral; r == nil || r.ID != "ref1" || r.By != "UU Aarhus" || r.Share {
		t.Fatalf("state's referral = %+v, want ref1 by UU Aarhus, not shared yet", r)
	}
	again, err := svc.StartWithReferral(ctx, "u1", "da", "AB3CD5EF")
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Messages) != len(c.Messages) {
		t.Errorf("opening the same referral again added %d messages", len(again.Messages)-len(c.Messages))
	}
}

// TestReferralSharingInTheChat: yes, "stop deling", "start deling" and no,
// each confirmed in one line; the answer is kept in the state, and a young
// person without a referral is told nobody follows them.
func TestReferralSharingInTheChat(t *testing.T) {
	ctx := context.Background()
	svc, st := referralService(t, &oneReferral{code: "AB3CD5EF"}, "u1", "u2")
	c, err := svc.StartWithReferral(ctx, "u1", "da", "AB3CD5EF")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(c.Messages[len(c.Messages)-1].Text, "En fagperson har sendt dig hertil") {
		t.Errorf("a referrer without an organisation is not 'en fagperson':\n%s", c.Messages[len(c.Messages)-1].Text)
	}
	n := 0
	for _, step := range []struct {
		in    bot.Input
		share bool
		says  string
	}{
		{bot.Input{Choice: bot.ReferralShareYes}, true, "De kan nu se"},
		{bot.Input{Text: "stop deling"}, false, "De kan ikke længere se"},
		{bot.Input{Text: "Start deling igen"}, true, "De kan nu se"},
		{bot.Input{Text: "stop sharing"}, false, "De kan ikke længere se"},
		{bot.Input{Choice: bot.ReferralShareNo}, false, "De ser ikke, hvordan det går"},
	} {
		n++
		replies, err := svc.Send(ctx, "u1", c.ID, fmt.Sprint(n), step.in)
		if err != nil {
			t.Fatal(err)
		}
		if len(replies) == 0 || !strings.Contains(replies[0].Text, step.says) {
			t.Errorf("%+v: replies %q, want first %q", step.in, texts(replies), step.says)
		}
		got, _ := st.Conversation(ctx, c.ID)
		if got.State.Referral == nil || got.State.Referral.Share != step.share {
			t.Errorf("%+v: referral %+v, want share %v", step.in, got.State.Referral, step.share)
		}
	}

	other, _, err := svc.Start(ctx, "u2", "da")
	if err != nil {
		t.Fatal(err)
	}
	replies, err := svc.Send(ctx, "u2", other.ID, "1", bot.Input{Text: "stop deling"})
	if err != nil || len(replies) == 0 || !strings.Contains(replies[0].Text, "Der er ingen, der følger med") {
		t.Errorf("stop deling without a referral: %q, %v", texts(replies), err)
	}
}

// TestReferralCodeTypedInTheChat: "kode …" or the bare code opens the
// referral; a code someone else opened is refused kindly, and a wrong one
// is told as such.
func TestReferralCodeTypedInTheChat(t *testing.T) {
	ctx := context.Background()
	opener := &oneReferral{code: "AB3CD5EF"}
	svc, st := referralService(t, opener, "u1", "u2")
	for _, tc := range []struct {
		user, text, says string
	}{
		{"u1", "ab3c-d5ef", ""}, // not a code the chat reads: the flow goes on
		{"u1", "kode XY3CD5EF", "Den kode kender jeg ikke"},
		{"u1", "kode ab3c d5ef", "En fagperson har sendt dig hertil"},
		{"u2", "AB3CD5EF", "allerede brugt af en anden"},
	} {
		c, _, err := svc.Start(ctx, tc.user, "da")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := svc.Send(ctx, tc.user, c.ID, tc.text, bot.Input{Text: tc.text}); err != nil {
			t.Fatal(err)
		}
		got, _ := st.Conversation(ctx, c.ID)
		said := got.Messages[len(got.Messages)-1].Text
		if tc.text == "ab3c-d5ef" {
			if strings.Contains(said, "fagperson") || got.State.Referral != nil {
				t.Errorf("%q opened a referral: %s", tc.text, said)
			}
			continue
		}
		if !strings.Contains(said, tc.says) {
			t.Errorf("%s typed %q: last message %q, want %q", tc.user, tc.text, said, tc.says)
		}
	}
	if opener.boundTo == "" {
		t.Error("the typed code bound no conversation")
	}
}

// TestReferralSurvivesStartingOver: "start forfra" forgets the answers,
// not who sent the young person or what they agreed to share.
func TestReferralSurvivesStartingOver(t *testing.T) {
	ctx := context.Background()
	svc, st := referralService(t, &oneReferral{code: "AB3CD5EF"}, "u1")
	c, err := svc.StartWithReferral(ctx, "u1", "da", "AB3CD5EF")
	if err != nil {
		t.Fatal(err)
	}
	for i, in := range []bot.Input{{Choice: bot.ReferralShareYes}, {Choice: "start"}, {Text: "start forfra"}} {
		if _, err := svc.Send(ctx, "u1", c.ID, fmt.Sprint(i), in); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := st.Conversation(ctx, c.ID)
	if r := got.State.Referral; r == nil || !r.Share {
		t.Errorf("after starting over the referral is %+v", r)
	}
	p, err := svc.ReferralProgress(ctx, c.ID, "ref1")
	if err != nil || !p.Found || !p.Share || p.UserID != "u1" || p.Suggested {
		t.Errorf("progress = %+v, %v", p, err)
	}
	if p, _ := svc.ReferralProgress(ctx, c.ID, "another"); p.Found {
		t.Errorf("another referral's progress is read from this conversation: %+v", p)
	}
}
