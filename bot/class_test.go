package bot_test

import (
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/match"
)

// TestClassOutingsGoOutOnASchoolDay: a class in Rønne that likes nature and
// climate is shown outings that take the whole class, at a place, on a
// weekday between 8 and 15 — never a Saturday beach clean-up, however well
// it fits the interests — and a class of 26 in any of the big towns gets
// three of them.
func TestClassOutingsGoOutOnASchoolDay(t *testing.T) {
	e, _ := sampleEngine(t)
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, match.Copenhagen)
	for _, q := range []bot.OutingQuery{
		{Interests: []string{"nature", "climate"}, Size: 25, Postcode: "3700"},
		{Interests: []string{"animals"}, Size: 26, Postcode: "8000"},
		{Interests: []string{"sports"}, Size: 26, Postcode: "2200", Lang: "en"},
		{Size: 30, Postcode: "5000"},
	} {
		cards := e.ClassOutings(q, 3, now)
		if len(cards) != 3 {
			t.Errorf("%s: %d outings, want 3", q.Postcode, len(cards))
		}
		for _, c := range cards {
			o, _ := e.Opportunity(c.OpportunityID)
			if o.GroupSize < q.Size || o.Place.Online {
				t.Errorf("%s: %s takes %d (online %v), not a class of %d", q.Postcode, o.ID, o.GroupSize, o.Place.Online, q.Size)
			}
			at := c.FirstStep.StartsAt
			if at == nil {
				t.Errorf("%s: %s has no dated first step", q.Postcode, o.ID)
				continue
			}
			local := at.In(match.Copenhagen)
			if wd := local.Weekday(); wd == time.Saturday || wd == time.Sunday || local.Hour() < 8 || local.Hour() >= 15 {
				t.Errorf("%s: %s starts %s, outside the school day", q.Postcode, o.ID, local.Format("Mon 2 Jan 15:04"))
			}
		}
	}
}

// TestATypedCodeKeepsTheLanguage: a code typed in a Danish chat is taken
// as a code, and the chat stays Danish, however its letters read.
func TestATypedCodeKeepsTheLanguage(t *testing.T) {
	e, _ := sampleEngine(t)
	for _, text := range []string{"kode A62R MHFD", "kode CGX5 A9VJ", "YMUW337A", "kode K7M4XQ2", "AB3CD5"} {
		st := bot.State{Lang: "da"}
		out := e.Turn(&st, bot.Input{Text: text}, time.Date(2027, 3, 1, 10, 0, 0, 0, match.Copenhagen))
		if _, ok := bot.EventOf[bot.JoinRequested](out); !ok || st.Lang != "da" {
			t.Errorf("%q: a code %v, language %s; want a code and Danish", text, ok, st.Lang)
		}
	}
}
