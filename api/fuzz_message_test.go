package api

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/textclean"
)

// FuzzSendMessageBody sends any body to the message decoding the chat
// route uses, and what it accepts to the conversation engine, both fresh
// and while the bot waits for a nickname: the answer is a message or a 400
// or 422 problem, never a panic or a 500; accepted text holds no NUL, no
// invisible character and at most maxTextRunes characters; and the
// nickname an organisation would see is a clean name. The corpus is in
// testdata/fuzz; run it longer with
// go test -run XXX -fuzz=FuzzSendMessageBody -fuzztime=60s ./api/
func FuzzSendMessageBody(f *testing.F) {
	for _, seed := range []string{
		`{"client_message_id":"a","text":"jeg er 16 og bor i 8000, elsker dyr og har tid i weekenden"}`,
		`{"client_message_id":"b","text":"Sofie\u202e\u200b"}`,
		`{"client_message_id":"c","text":"hej\u0000"}`,
		`{"client_message_id":"d","choice":"start"}`,
		`{"client_message_id":"e","location":{"lat":55.68,"lon":12.57}}`,
		`{"client_message_id":"f","text":"selv\u200bmord 👨‍👩‍👧 \r\n\t"}`,
		`{"client_message_id":"g","choice":"want:opp-x","text":"x"}`,
		`{"client_message_id":"h","location":{"lat":91}}`,
		`{"text":42}`,
		`[]`,
	} {
		f.Add([]byte(seed))
	}
	e := fuzzEngine(f)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	fresh, naming := fuzzStates(f, e, now)

	app := fiber.New(fiber.Config{ErrorHandler: errorHandler(slog.New(slog.NewTextHandler(io.Discard, nil)))})
	app.Post("/", func(c *fiber.Ctx) error {
		_, in, err := messageInput(c, e.ValidChoice)
		if err != nil {
			return err
		}
		var out fuzzAnswer
		out.Text, out.Choice = in.Text, in.Choice
		for _, start := range [][]byte{fresh, naming} {
			var st bot.State
			if err := json.Unmarshal(start, &st); err != nil {
				return err
			}
			e.Turn(&st, in, now)
			out.Nicknames = append(out.Nicknames, st.Profile.Nickname)
		}
		return c.JSON(out)
	})

	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", "/", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		res, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(res.Body)
		switch res.StatusCode {
		case 400, 422:
			var p Problem
			if json.Unmarshal(raw, &p) != nil || p.Status != res.StatusCode || p.Detail == "" {
				t.Errorf("%d without problem details: %s", res.StatusCode, raw)
			}
			return
		case 200:
		default:
			t.Fatalf("status %d for %q: %s", res.StatusCode, body, raw)
		}
		var out fuzzAnswer
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatal(err)
		}
		if out.Text == "" && out.Choice == "" {
			t.Errorf("accepted %q with neither text nor choice", body)
		}
		if s := out.Text; s != "" {
			if textclean.HasNUL(s) || textclean.Text(s) != s || utf8.RuneCountInString(s) > maxTextRunes {
				t.Errorf("accepted text %q (cleaned %q)", s, textclean.Text(s))
			}
		}
		for _, nick := range out.Nicknames {
			if textclean.Name(nick) != nick {
				t.Errorf("nickname %q, not a clean name", nick)
			}
		}
	})
}

type fuzzAnswer struct {
	Text, Choice string
	Nicknames    []string
}

func fuzzEngine(f *testing.F) *bot.Engine {
	_, opps, err := catalog.Sample()
	if err != nil {
		f.Fatal(err)
	}
	ix := match.NewIndex()
	for _, o := range opps {
		ix.Upsert(o)
	}
	e, err := bot.NewEngine(ix)
	if err != nil {
		f.Fatal(err)
	}
	return e
}

// fuzzStates are two conversations, saved as the store saves them: one just
// greeted, and one where the bot has asked what the organisation should
// call the young person.
func fuzzStates(f *testing.F, e *bot.Engine, now time.Time) (fresh, naming []byte) {
	var st bot.State
	e.Start(&st, "da")
	fresh, _ = json.Marshal(st)
	out := e.Turn(&st, bot.Input{Text: "jeg er 16 og bor i 8000, elsker dyr, har tid i weekenden, noget fast, alene"}, now)
	for _, m := range out.Messages {
		if len(m.Cards) > 0 {
			e.Turn(&st, bot.Input{Choice: "want:" + m.Cards[0].OpportunityID}, now)
			break
		}
	}
	if st.Pending == nil || st.Pending.Kind != "nickname" {
		f.Fatalf("the bot does not ask for a nickname: %+v", st.Pending)
	}
	naming, _ = json.Marshal(st)
	return fresh, naming
}
