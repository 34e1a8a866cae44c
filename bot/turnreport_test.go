package bot_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestTurnReports: the people who run the service hear how each turn went
// — answered, a crisis answer with the kinds the message showed, a reply in
// support mode, a retry answered from before, someone else's conversation —
// and nothing about who wrote what.
func TestTurnReports(t *testing.T) {
	e, _ := sampleEngine(t)
	st := storetest.Open(t, "turnreports")
	ctx := context.Background()
	now := func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }
	ids := 0
	svc := bot.NewService(e, st, now, func() string { ids++; return "id" + string(rune('a'+ids)) })
	var reports []bot.TurnReport
	svc.OnTurn(func(r bot.TurnReport) { reports = append(reports, r) })
	for _, u := range []string{"u1", "u2"} {
		if err := st.CreateUser(ctx, store.User{ID: u, Role: "youth"}); err != nil {
			t.Fatal(err)
		}
	}
	conv, _, err := svc.Start(ctx, "u1", "da")
	if err != nil {
		t.Fatal(err)
	}
	other, _, err := svc.Start(ctx, "u2", "da")
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		conv, client string
		in           bot.Input
		outcome      string
		kinds        []string
	}{
		{conv.ID, "c1", bot.Input{Text: "jeg er 16 og elsker dyr"}, bot.TurnOK, nil},
		{conv.ID, "c1", bot.Input{Text: "jeg er 16 og elsker dyr"}, bot.TurnRetry, nil},
		{conv.ID, "c2", bot.Input{Text: "jeg vil ikke leve mere"}, bot.TurnCrisis, []string{"suicide"}},
		{conv.ID, "c3", bot.Input{Text: "ok"}, bot.TurnSupport, nil},
		{conv.ID, "c4", bot.Input{Text: "min stedfar slår mig"}, bot.TurnCrisis, []string{"violence"}},
		{conv.ID, "c4", bot.Input{Text: "min stedfar slår mig"}, bot.TurnRetry, nil},
		{conv.ID, "c5", bot.Input{Choice: "back_to_volunteering"}, bot.TurnOK, nil},
		{conv.ID, "c6", bot.Input{Choice: "concern_yes"}, bot.TurnCrisis, nil},
		{other.ID, "c7", bot.Input{Text: "hej"}, bot.TurnNotFound, nil},
	}
	for i, s := range steps {
		reports = reports[:0]
		_, _ = svc.Send(ctx, "u1", s.conv, s.client, s.in)
		if len(reports) != 1 {
			t.Fatalf("step %d: %d reports, want 1", i, len(reports))
		}
		r := reports[0]
		if r.Outcome != s.outcome || !slices.Equal(r.CrisisKinds, s.kinds) {
			t.Errorf("step %d (%+v): outcome %q kinds %v, want %q %v", i, s.in, r.Outcome, r.CrisisKinds, s.outcome, s.kinds)
		}
		if r.Took <= 0 {
			t.Errorf("step %d: took %v", i, r.Took)
		}
	}
}
