package bot_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// refusingLeads stands for the organisation's side: it refuses while down,
// and keeps each lead once by its id, as the lead store does.
type refusingLeads struct {
	mu   sync.Mutex
	down bool
	sent map[string]bot.LeadRequest
}

func (l *refusingLeads) SendLead(_ context.Context, _, _ string, r bot.LeadRequest) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.down {
		return "", errors.New("lead store unavailable")
	}
	l.sent[r.ID] = r
	return "AB3CD5", nil
}

func (l *refusingLeads) JoinLead(context.Context, string, string) (string, string, error) {
	return "", "", errors.New("not used")
}

func (l *refusingLeads) ReplyLead(context.Context, string, string, string) error {
	return errors.New("not used")
}

// TestLeadIsSentOnlyWhenStored: when the lead cannot be stored, the chat
// never says "Sendt!"; it says so honestly, the "Prøv igen" button works,
// and the lead reaches the organisation exactly once — also when the
// sweeper and the button both try.
func TestLeadIsSentOnlyWhenStored(t *testing.T) {
	e, _ := sampleEngine(t)
	st := storetest.Open(t, "leadoutbox")
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	ids := 0
	svc := bot.NewService(e, st, now, func() string { ids++; return fmt.Sprintf("id%d", ids) })
	orgs := &refusingLeads{down: true, sent: map[string]bot.LeadRequest{}}
	svc.WithLeads(orgs)
	if err := st.CreateUser(ctx, store.User{ID: "u1", Role: "youth"}); err != nil {
		t.Fatal(err)
	}
	conv, _, err := svc.Start(ctx, "u1", "da")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	send := func(in bot.Input) []bot.Message {
		t.Helper()
		n++
		replies, err := svc.Send(ctx, "u1", conv.ID, fmt.Sprintf("c%d", n), in)
		if err != nil {
			t.Fatalf("turn %d: %v", n, err)
		}
		return replies
	}
	cards := send(bot.Input{Text: "jeg er 18, bor i 2200, elsker dyr, har tid i weekenden, noget fast, alene"})
	var first string
	for _, m := range cards {
		if len(m.Cards) > 0 {
			first = m.Cards[0].OpportunityID
		}
	}
	if first == "" {
		t.Fatal("no cards")
	}
	send(bot.Input{Choice: "want:" + first})
	send(bot.Input{Text: "Sofie"})
	replies := send(bot.Input{Choice: "lead_send:" + first})
	if said := texts(replies); strings.Contains(said, "Sendt") {
		t.Fatalf("the turn says sent before the lead is stored:\n%s", said)
	}

	all := history(t, svc, conv.ID)
	if strings.Contains(all, "Sendt!") {
		t.Fatalf("the chat says sent for a lead that was refused:\n%s", all)
	}
	if !strings.Contains(all, "Det lykkedes ikke") || !strings.Contains(all, "lead_retry:"+first) {
		t.Fatalf("the failure is not told with a retry button:\n%s", all)
	}
	c, _ := st.Conversation(ctx, conv.ID)
	if len(c.State.PendingLeads) != 1 {
		t.Fatalf("%d leads waiting, want 1", len(c.State.PendingLeads))
	}
	pending, err := st.ConversationsWithPendingLeads(ctx)
	if err != nil || len(pending) != 1 || pending[0] != conv.ID {
		t.Fatalf("conversations with pending leads = %v, %v", pending, err)
	}

	// "Prøv igen" again while still down: no second failure message.
	send(bot.Input{Choice: "lead_retry:" + first})
	if got := strings.Count(history(t, svc, conv.ID), "Det lykkedes ikke"); got != 1 {
		t.Errorf("the failure is told %d times, want once", got)
	}

	orgs.down = false
	send(bot.Input{Choice: "lead_retry:" + first})
	if err := svc.FlushLeads(ctx, pending); err != nil {
		t.Fatal(err)
	}
	if len(orgs.sent) != 1 {
		t.Fatalf("%d leads reached the organisation, want exactly 1", len(orgs.sent))
	}
	all = history(t, svc, conv.ID)
	if strings.Count(all, "Sendt!") != 1 || !strings.Contains(all, "AB3CD5") {
		t.Errorf("after the retry the chat should say sent once, with the friend's code:\n%s", all)
	}
	c, _ = st.Conversation(ctx, conv.ID)
	if len(c.State.PendingLeads) != 0 {
		t.Error("the lead is still waiting after it was stored")
	}
	if pending, _ := st.ConversationsWithPendingLeads(ctx); len(pending) != 0 {
		t.Errorf("conversations with pending leads after sending: %v", pending)
	}
	sent := false
	for _, ch := range c.State.Chosen {
		sent = sent || ch.OpportunityID == first && ch.LeadSent
	}
	if !sent {
		t.Error("the choice is not marked sent")
	}
	// Tapping "Det vil jeg gerne" again does not offer the lead again.
	if said := texts(send(bot.Input{Choice: "want:" + first})); strings.Contains(said, "lead_send") {
		t.Errorf("the lead is offered again after it was sent:\n%s", said)
	}
}

func texts(ms []bot.Message) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Text + "\n")
		for _, q := range m.QuickReplies {
			b.WriteString("  [" + q.ID + "]\n")
		}
	}
	return b.String()
}

func history(t *testing.T, svc *bot.Service, convID string) string {
	t.Helper()
	ms, err := svc.Messages(context.Background(), "u1", convID, "")
	if err != nil {
		t.Fatal(err)
	}
	return texts(ms)
}
