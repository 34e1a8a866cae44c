package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestGoldenConversationsThroughTheService replays every golden
// conversation through the turn service on the real embedded database —
// state saved, reloaded and version-checked by the store between turns —
// and expects the bot to say exactly what the golden transcript records.
// It catches anything the store loses or changes in a conversation's state.
func TestGoldenConversationsThroughTheService(t *testing.T) {
	e, _ := sampleEngine(t)
	st := storetest.Open(t, "goldensvc")
	files, err := filepath.Glob("testdata/conversations/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if strings.HasSuffix(file, ".golden.json") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			var sc script
			var want []transcriptTurn
			readJSON(t, file, &sc)
			readJSON(t, strings.TrimSuffix(file, ".json")+".golden.json", &want)
			ctx := context.Background()
			now := sc.Now
			ids := 0
			svc := bot.NewService(e, st, func() time.Time { return now }, func() string { ids++; return fmt.Sprintf("%s-%d", name, ids) })
			user := "u-" + name
			if err := st.CreateUser(ctx, store.User{ID: user, Role: "youth"}); err != nil {
				t.Fatal(err)
			}
			conv, _, err := svc.Start(ctx, user, sc.Lang)
			if err != nil {
				t.Fatal(err)
			}
			if got := record(conv.Messages); !sameTexts(got, want[0].Messages) {
				t.Fatalf("greeting differs:\n%v\nwant\n%v", got, want[0].Messages)
			}
			var prev []string
			for i, turn := range sc.Turns {
				now = sc.Now.Add(time.Duration(i) * time.Minute)
				choice := strings.NewReplacer(cardPairs(prev, map[string]float64{})...).Replace(turn.Choice)
				if strings.Contains(turn.Choice, "$far") {
					return // needs the distances the engine-level run keeps; covered there
				}
				replies, err := svc.Send(ctx, user, conv.ID, fmt.Sprintf("c%d", i), bot.Input{Text: turn.Text, Choice: choice})
				if err != nil {
					t.Fatalf("turn %d: %v", i+1, err)
				}
				var bots []bot.Message
				for _, m := range replies {
					if m.From == bot.FromBot {
						bots = append(bots, m)
					}
				}
				if got := record(bots); !sameTexts(got, want[i+1].Messages) {
					t.Fatalf("turn %d (%s) differs through the service:\n%+v\nwant\n%+v", i+1, want[i+1].Sent, got, want[i+1].Messages)
				}
				if ids := cardIDs(bots); len(ids) > 0 {
					prev = ids
				}
			}
		})
	}
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func sameTexts(got, want []transcriptMsg) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].Text != want[i].Text || strings.Join(got[i].Replies, ",") != strings.Join(want[i].Replies, ",") ||
			strings.Join(got[i].Cards, "\n") != strings.Join(want[i].Cards, "\n") {
			return false
		}
	}
	return true
}
