package bot_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts")

// script is one whole conversation: what the young person sends, turn by
// turn, and what must hold after each turn.
type script struct {
	Description string    `json:"description"`
	Now         time.Time `json:"now"`
	Lang        string    `json:"lang"`
	Turns       []struct {
		Text   string  `json:"text,omitempty"`
		Choice string  `json:"choice,omitempty"`
		Expect *expect `json:"expect,omitempty"`
	} `json:"turns"`
}

type expect struct {
	Asking       *string  `json:"asking,omitempty"`
	Cards        *int     `json:"cards,omitempty"`
	Contains     []string `json:"contains,omitempty"`
	NotContains  []string `json:"not_contains,omitempty"`
	Replies      []string `json:"replies,omitempty"`
	Age          *int     `json:"age,omitempty"`
	Interests    []string `json:"interests,omitempty"`
	Municipality *string  `json:"municipality,omitempty"`
	Group        *string  `json:"group,omitempty"`
	Commitment   *string  `json:"commitment,omitempty"`
	Lang         *string  `json:"lang,omitempty"`
	Stopped      *string  `json:"stopped,omitempty"`
	Crisis       *bool    `json:"crisis,omitempty"`
	Concern      *bool    `json:"concern,omitempty"`
	// CaseKinds expects a safeguarding case raised in this turn with at
	// least these kinds; NoCase expects none.
	CaseKinds []string `json:"case_kinds,omitempty"`
	NoCase    bool     `json:"no_case,omitempty"`
	// CardsFitInterests expects every card to share an interest in the
	// profile or say plainly that it does not (ranking only offers such a
	// card when too few share one); CardsDated every card's first step to
	// have a date.
	CardsFitInterests bool `json:"cards_fit_interests,omitempty"`
	CardsDated        bool `json:"cards_dated,omitempty"`
	// CardsOnline expects only online cards (true) or none (false).
	CardsOnline *bool `json:"cards_online,omitempty"`
	// Slots expects exactly these availability slots.
	Slots        []string `json:"slots,omitempty"`
	Forget       *bool    `json:"forget,omitempty"`
	ProfileEmpty *bool    `json:"profile_empty,omitempty"`
	// CardsAvoid lists opportunity ids that must not be on this turn's cards.
	CardsAvoidPrevious bool `json:"cards_avoid_previous,omitempty"`
	// CardsWithoutInterest: none of the cards may have this interest.
	CardsWithoutInterest string `json:"cards_without_interest,omitempty"`
	// LeadContact, when set, expects a lead to be sent with this contact method.
	LeadContact string `json:"lead_contact,omitempty"`
	// CardsCloserThan: every new card is nearer than this earlier card ("$card1").
	CardsCloserThan string `json:"cards_closer_than,omitempty"`
}

// transcriptTurn is what the golden file records for one turn.
type transcriptTurn struct {
	Sent     string          `json:"sent"`
	Messages []transcriptMsg `json:"messages"`
}

type transcriptMsg struct {
	Text    string   `json:"text"`
	Replies []string `json:"replies,omitempty"`
	Cards   []string `json:"cards,omitempty"`
}

func sampleEngine(t *testing.T) (*bot.Engine, *match.Index) {
	t.Helper()
	_, opps, err := catalog.Sample()
	if err != nil {
		t.Fatal(err)
	}
	ix := match.NewIndex()
	for _, o := range opps {
		ix.Upsert(o)
	}
	e, err := bot.NewEngine(ix)
	if err != nil {
		t.Fatal(err)
	}
	return e, ix
}

// TestGoldenConversations replays every conversation in testdata, saving
// and reloading the state between turns the way the store does.
func TestGoldenConversations(t *testing.T) {
	e, ix := sampleEngine(t)
	files, _ := filepath.Glob("testdata/conversations/*.json")
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, ".golden.json") })
	if len(files) == 0 {
		t.Fatal("no conversations in testdata")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			var sc script
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &sc); err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			var st bot.State
			greeting := e.Start(&st, sc.Lang)
			transcript := []transcriptTurn{{Sent: "(start)", Messages: record(greeting.Messages)}}
			var prevCards []string
			distances := map[string]float64{}
			for i, turn := range sc.Turns {
				st = reload(t, st)
				now := sc.Now.Add(time.Duration(i) * time.Minute)
				cardRefs := strings.NewReplacer(cardPairs(prevCards, distances)...)
				choice := cardRefs.Replace(turn.Choice)
				out := e.Turn(&st, bot.Input{Text: turn.Text, Choice: choice}, now)
				sent := turn.Text
				if turn.Choice != "" {
					sent = "[" + turn.Choice + "]"
				}
				transcript = append(transcript, transcriptTurn{Sent: sent, Messages: record(out.Messages)})
				cards := cardIDs(out.Messages)
				if turn.Expect != nil {
					x := *turn.Expect
					for k, r := range x.Replies {
						x.Replies[k] = cardRefs.Replace(r)
					}
					x.CardsCloserThan = cardRefs.Replace(x.CardsCloserThan)
					check(t, i+1, sent, &x, st, out, ix, prevCards, distances)
				}
				if len(cards) > 0 {
					prevCards = cards
				}
				for _, m := range out.Messages {
					for _, c := range m.Cards {
						if c.DistanceKm != nil {
							distances[c.OpportunityID] = *c.DistanceKm
						}
					}
				}
			}
			golden(t, strings.TrimSuffix(file, ".json")+".golden.json", transcript)
		})
	}
}

// reload round-trips the state through JSON, as storing it does.
func reload(t *testing.T, st bot.State) bot.State {
	t.Helper()
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var out bot.State
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func record(ms []bot.Message) []transcriptMsg {
	out := make([]transcriptMsg, 0, len(ms))
	for _, m := range ms {
		tm := transcriptMsg{Text: m.Text}
		for _, q := range m.QuickReplies {
			tm.Replies = append(tm.Replies, q.ID)
		}
		for _, c := range m.Cards {
			card := c.OpportunityID + " | " + c.Title + " | " + c.FirstStep.Text
			if c.Caveat != "" {
				card += " | ! " + c.Caveat
			}
			if len(c.Notes) > 0 {
				card += " | " + strings.Join(c.Notes, " / ")
			}
			tm.Cards = append(tm.Cards, card)
		}
		out = append(out, tm)
	}
	return out
}

func cardIDs(ms []bot.Message) []string {
	var ids []string
	for _, m := range ms {
		for _, c := range m.Cards {
			ids = append(ids, c.OpportunityID)
		}
	}
	return ids
}

// cardPairs lets scripts name the previous turn's cards as $card1, $card2,
// … and the farthest of them as $far.
func cardPairs(ids []string, distances map[string]float64) []string {
	pairs := []string{}
	far := ""
	for k, id := range ids {
		pairs = append(pairs, "$card"+strconv.Itoa(k+1), id)
		if far == "" || distances[id] > distances[far] {
			far = id
		}
	}
	return append(pairs, "$far", far)
}

func check(t *testing.T, n int, sent string, x *expect, st bot.State, out bot.Outcome, ix *match.Index, prevCards []string, distances map[string]float64) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Errorf("turn %d (%s): "+format, append([]any{n, sent}, args...)...)
	}
	var text strings.Builder
	var replies []string
	for _, m := range out.Messages {
		text.WriteString(m.Text + "\n")
		for _, q := range m.QuickReplies {
			replies = append(replies, q.ID)
		}
	}
	cards := cardIDs(out.Messages)
	if x.Asking != nil && st.Asking != *x.Asking {
		fail("asking %q, want %q\n%s", st.Asking, *x.Asking, text.String())
	}
	if x.Cards != nil && len(cards) != *x.Cards {
		fail("%d cards, want %d\n%s", len(cards), *x.Cards, text.String())
	}
	for _, s := range x.Contains {
		if !strings.Contains(strings.ToLower(text.String()), strings.ToLower(s)) {
			fail("reply does not contain %q:\n%s", s, text.String())
		}
	}
	for _, s := range x.NotContains {
		if strings.Contains(strings.ToLower(text.String()), strings.ToLower(s)) {
			fail("reply contains %q:\n%s", s, text.String())
		}
	}
	for _, r := range x.Replies {
		if !slices.Contains(replies, r) {
			fail("quick replies %v lack %q", replies, r)
		}
	}
	if x.Concern != nil && st.Concern != *x.Concern {
		fail("concern %v, want %v\n%s", st.Concern, *x.Concern, text.String())
	}
	raised, hasCase := bot.EventOf[bot.CaseRaised](out)
	if x.NoCase && hasCase {
		fail("a safeguarding case was raised: %+v", raised.Case)
	}
	if len(x.CaseKinds) > 0 {
		switch {
		case !hasCase:
			fail("no safeguarding case, want one with kinds %v", x.CaseKinds)
		default:
			for _, k := range x.CaseKinds {
				if !slices.Contains(raised.Case.Kinds, k) {
					fail("case kinds %v lack %q", raised.Case.Kinds, k)
				}
			}
		}
	}
	p := st.Profile
	if x.Age != nil && p.Age != *x.Age {
		fail("age %d, want %d", p.Age, *x.Age)
	}
	if x.Interests != nil && !sameSet(p.Interests, x.Interests) {
		fail("interests %v, want %v", p.Interests, x.Interests)
	}
	if x.Municipality != nil && p.Municipality != *x.Municipality {
		fail("municipality %q, want %q", p.Municipality, *x.Municipality)
	}
	if x.Group != nil && p.Group != *x.Group {
		fail("group %q, want %q", p.Group, *x.Group)
	}
	if x.Commitment != nil && p.Commitment != *x.Commitment {
		fail("commitment %q, want %q", p.Commitment, *x.Commitment)
	}
	if x.Lang != nil && st.Lang != *x.Lang {
		fail("lang %q, want %q", st.Lang, *x.Lang)
	}
	if x.Stopped != nil && st.Stopped != *x.Stopped {
		fail("stopped %q, want %q", st.Stopped, *x.Stopped)
	}
	if x.Crisis != nil && st.Crisis != *x.Crisis {
		fail("crisis %v, want %v", st.Crisis, *x.Crisis)
	}
	if _, forgot := bot.EventOf[bot.TurnForgotten](out); x.Forget != nil && forgot != *x.Forget {
		fail("forget %v, want %v", forgot, *x.Forget)
	}
	lead, requested := bot.EventOf[bot.LeadRequested](out)
	if x.LeadContact != "" {
		switch {
		case !requested:
			fail("no lead was sent")
		case lead.Request.ContactMethod != x.LeadContact:
			fail("lead contact method %q, want %q", lead.Request.ContactMethod, x.LeadContact)
		case lead.Request.Nickname == "" || lead.Request.OrganisationID == "":
			fail("lead lacks nickname or organisation: %+v", lead.Request)
		}
	} else if requested {
		fail("a lead was sent without being asked for")
	}
	if x.ProfileEmpty != nil && p.Empty() != *x.ProfileEmpty {
		fail("profile empty = %v, want %v: %+v", p.Empty(), *x.ProfileEmpty, p)
	}
	if x.CardsAvoidPrevious {
		for _, id := range cards {
			if slices.Contains(prevCards, id) {
				fail("card %s was already shown", id)
			}
		}
	}
	if x.CardsWithoutInterest != "" {
		for _, id := range cards {
			if o, ok := ix.Get(id); ok && slices.Contains(o.Interests, x.CardsWithoutInterest) {
				fail("card %s (%s) is about %s", id, o.Title, x.CardsWithoutInterest)
			}
		}
	}
	for _, m := range out.Messages {
		for _, c := range m.Cards {
			o, _ := ix.Get(c.OpportunityID)
			offTopic := strings.Contains(c.Caveat, "Ikke dit emne") || strings.Contains(c.Caveat, "Not your topic")
			fits := o != nil && slices.ContainsFunc(o.Interests, func(i string) bool { return slices.Contains(p.Interests, i) })
			if x.CardsFitInterests && o != nil && !fits && !offTopic {
				fail("card %s (%s, %v) shares no interest with %v and does not say so", c.OpportunityID, c.Title, o.Interests, p.Interests)
			}
			if fits && offTopic {
				fail("card %s says it is off topic but shares an interest with %v", c.OpportunityID, p.Interests)
			}
			if x.CardsDated && c.FirstStep.StartsAt == nil {
				fail("card %s has no date for its first step: %s", c.OpportunityID, c.FirstStep.Text)
			}
			if x.CardsOnline != nil && o != nil && o.Place.Online != *x.CardsOnline {
				fail("card %s online = %v, want %v", c.OpportunityID, o.Place.Online, *x.CardsOnline)
			}
		}
	}
	if x.Slots != nil && !sameSet(p.Slots, x.Slots) {
		fail("slots %v, want %v", p.Slots, x.Slots)
	}
	if x.CardsCloserThan != "" {
		limit, ok := distances[x.CardsCloserThan]
		if !ok {
			fail("no distance known for %s", x.CardsCloserThan)
		}
		for _, m := range out.Messages {
			for _, c := range m.Cards {
				if c.DistanceKm != nil && *c.DistanceKm >= limit {
					fail("card %s is %.1f km away, not nearer than the rejected %.1f km", c.OpportunityID, *c.DistanceKm, limit)
				}
			}
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func golden(t *testing.T, path string, transcript []transcriptTurn) {
	t.Helper()
	got, err := json.MarshalIndent(transcript, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot/ -run Golden -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("transcript differs from %s (run with -update after checking the change):\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + strconv.Itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}
