package bot_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// flakyCases fails while down is true, like a database that blinks.
type flakyCases struct {
	mu     sync.Mutex
	down   bool
	opened map[string]bot.SafeguardingCase
}

func (f *flakyCases) OpenCase(_ context.Context, c bot.SafeguardingCase) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errors.New("database unavailable")
	}
	f.opened[c.ID] = c
	return nil
}

// TestSafeguardingCaseSurvivesAFailedWrite: when the case cannot be stored
// at once, the young person still gets the crisis answer, the case waits in
// the conversation, and a later flush stores it exactly once.
func TestSafeguardingCaseSurvivesAFailedWrite(t *testing.T) {
	e, _ := sampleEngine(t)
	st := storetest.Open(t, "cases")
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	ids := 0
	svc := bot.NewService(e, st, now, func() string { ids++; return "id" + string(rune('a'+ids)) })
	cases := &flakyCases{down: true, opened: map[string]bot.SafeguardingCase{}}
	svc.WithCases(cases)
	if err := st.CreateUser(ctx, store.User{ID: "u1", Role: "youth"}); err != nil {
		t.Fatal(err)
	}
	conv, _, err := svc.Start(ctx, "u1", "da")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Send(ctx, "u1", conv.ID, "c1", bot.Input{Text: "jeg er 14"}); err != nil {
		t.Fatal(err)
	}
	replies, err := svc.Send(ctx, "u1", conv.ID, "c2", bot.Input{Text: "min stedfar slår mig"})
	if err != nil {
		t.Fatalf("the crisis answer must not wait for the case: %v", err)
	}
	if len(replies) == 0 || replies[0].Kind != "crisis" {
		t.Fatalf("replies = %+v, want the crisis answer", replies)
	}
	c, _ := st.Conversation(ctx, conv.ID)
	if len(c.State.PendingCases) != 1 {
		t.Fatalf("%d pending cases, want 1", len(c.State.PendingCases))
	}
	pending, err := st.ConversationsWithPendingCases(ctx)
	if err != nil || len(pending) != 1 {
		t.Fatalf("pending conversations = %v, %v", pending, err)
	}
	cases.down = false
	for range 2 {
		if err := svc.FlushCases(ctx, pending); err != nil {
			t.Fatal(err)
		}
	}
	if len(cases.opened) != 1 {
		t.Fatalf("%d cases opened, want exactly 1", len(cases.opened))
	}
	for _, cs := range cases.opened {
		if cs.UserID != "u1" || cs.Kind == "" || len(cs.Messages) != 1 {
			t.Errorf("case = %+v", cs)
		}
	}
	c, _ = st.Conversation(ctx, conv.ID)
	if len(c.State.PendingCases) != 0 {
		t.Errorf("case still pending after it was stored")
	}
}
