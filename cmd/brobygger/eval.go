package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
)

// persona is one young person of the evaluation set: what they write first,
// and what they said, for scoring the cards they get.
type persona struct {
	Say       string   `json:"say"`
	Age       int      `json:"age"`
	Muni      string   `json:"muni"`
	Interests []string `json:"interests"`
	// Time is when they said they are free: weekend, saturday, sunday,
	// evening, weekday_evening, after_school or <day>_evening.
	Time string `json:"time"`
}

// runEval plays every persona through the conversation engine over the
// sample catalog, answering what is still asked with the first quick reply,
// and scores the first three cards: interest (cards sharing a stated
// interest, out of what the catalog makes possible), dated (first steps with
// a date) and in time (dated first steps inside the stated time).
func runEval(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	file := fs.String("personas", "eval/personas.json", "the personas to play")
	at := fs.String("now", "", "the moment to play them at (RFC 3339); default now")
	verbose := fs.Bool("v", false, "print every persona's cards")
	if err := fs.Parse(args); err != nil {
		return err
	}
	now := time.Now()
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			return fmt.Errorf("-now: %w", err)
		}
		now = t
	}
	b, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	var personas []persona
	if err := json.Unmarshal(b, &personas); err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	_, opps, err := catalog.Sample()
	if err != nil {
		return err
	}
	ix := match.NewIndex()
	for _, o := range opps {
		ix.Upsert(o)
	}
	engine, err := bot.NewEngine(ix)
	if err != nil {
		return err
	}
	var s evalScore
	for _, p := range personas {
		cards := playPersona(engine, p, now)
		possible := 0
		for _, o := range opps {
			if o.Published && o.MinAge <= p.Age && sharesAny(o.Interests, p.Interests) &&
				(o.Place.Online || o.Place.Municipality == p.Muni) {
				possible++
			}
		}
		hits := 0
		for _, c := range cards {
			if sharesAny(c.Interests, p.Interests) {
				hits++
			}
			s.cards++
			if c.FirstStep.StartsAt != nil {
				s.dated++
				if fitsTime(c.FirstStep.StartsAt.In(copenhagen), p.Time) {
					s.inTime++
				}
			}
		}
		want := min(3, possible)
		s.hit += min(hits, want)
		s.want += want
		if *verbose {
			fmt.Fprintf(out, "%d/%d  %s\n", hits, want, p.Say)
			for _, c := range cards {
				when := "-"
				if c.FirstStep.StartsAt != nil {
					when = c.FirstStep.StartsAt.In(copenhagen).Format("Mon 2006-01-02 15:04")
				}
				fmt.Fprintf(out, "      %s | %v | %s\n", c.Title, c.Interests, when)
			}
		}
	}
	fmt.Fprint(out, s)
	return nil
}

// playPersona runs one conversation and returns its first three cards.
func playPersona(e *bot.Engine, p persona, now time.Time) []bot.Card {
	var st bot.State
	e.Start(&st, "da")
	out := e.Turn(&st, bot.Input{Text: p.Say}, now)
	for range 10 {
		var cards []bot.Card
		var replies []bot.QuickReply
		for _, m := range out.Messages {
			cards = append(cards, m.Cards...)
			replies = append(replies, m.QuickReplies...)
		}
		if len(cards) > 0 {
			return cards[:min(3, len(cards))]
		}
		if len(replies) == 0 {
			return nil
		}
		out = e.Turn(&st, bot.Input{Choice: replies[0].ID}, now)
	}
	return nil
}

type evalScore struct{ hit, want, cards, dated, inTime int }

func (s evalScore) String() string {
	ratio := func(a, b int, empty float64) float64 {
		if b == 0 {
			return empty
		}
		return float64(a) / float64(b)
	}
	interest, dated, inTime := ratio(s.hit, s.want, 1), ratio(s.dated, s.cards, 0), ratio(s.inTime, s.dated, 0)
	return fmt.Sprintf("interest: %.3f (%d/%d)\ndated: %.3f (%d/%d)\nin time: %.3f (%d/%d)\noverall: %.3f\n",
		interest, s.hit, s.want, dated, s.dated, s.cards, inTime, s.inTime, s.dated, min(interest, dated, inTime))
}

func sharesAny(a, b []string) bool {
	return slices.ContainsFunc(a, func(x string) bool { return slices.Contains(b, x) })
}

var copenhagen = match.Copenhagen

// fitsTime says whether a Danish wall-clock time is inside a persona's
// stated time. After school is a weekday from 13:00 to 18:30.
func fitsTime(t time.Time, spec string) bool {
	d := (int(t.Weekday()) + 6) % 7 // Monday = 0
	h := float64(t.Hour()) + float64(t.Minute())/60
	days := []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	switch spec {
	case "weekend":
		return d >= 5
	case "saturday":
		return d == 5
	case "sunday":
		return d == 6
	case "evening":
		return h >= 17
	case "weekday_evening":
		return d < 5 && h >= 17
	case "after_school":
		return d < 5 && h >= 13 && h < 18.5
	}
	if day, ok := strings.CutSuffix(spec, "_evening"); ok {
		return days[d] == day && h >= 17
	}
	return false
}
