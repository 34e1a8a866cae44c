package funnel_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/brobygger/brobygger/counts"
	"github.com/brobygger/brobygger/funnel"
)

var t0 = time.Date(2027, 3, 1, 10, 0, 0, 0, time.UTC)

// journey is one conversation's events up to stage n of funnel.Stages.
func journey(key string, n int, at time.Time, muni, band, org, class string) []funnel.Event {
	var out []funnel.Event
	for i := 0; i <= n; i++ {
		e := funnel.NewEvent(key, funnel.Stages[i], "", at.Add(time.Duration(i)*time.Hour))
		if i >= 2 { // known once they have chosen
			e.Municipality, e.AgeBand = muni, band
		}
		if i >= 2 {
			e.OrgID = org
		}
		e.ClassID = class
		out = append(out, e)
	}
	return out
}

func shown(sc []funnel.StageCount) []string {
	var out []string
	for _, s := range sc {
		if s.Count == nil {
			out = append(out, s.Stage+"=?")
		} else {
			out = append(out, fmt.Sprintf("%s=%d", s.Stage, *s.Count))
		}
	}
	return out
}

func TestCount(t *testing.T) {
	var events []funnel.Event
	add := func(n, howFar int, muni, org, class string, at time.Time) {
		for i := range n {
			events = append(events, journey(fmt.Sprintf("%s-%s-%d-%d", muni, org, howFar, i), howFar, at, muni, "15-17", org, class)...)
		}
	}
	add(10, 1, "Aarhus", "", "", t0)            // started and saw suggestions
	add(6, 3, "Aarhus", "org-a", "class-1", t0) // sent a lead to org-a
	add(6, 5, "Odense", "org-a", "", t0)        // and belong
	add(7, 3, "Odense", "org-b", "", t0.AddDate(0, 1, 0))
	for _, c := range []struct {
		name string
		f    funnel.Filter
		want string
	}{
		{"all", funnel.Filter{}, "[conversation_started=29 suggestions_seen=29 first_step_chosen=19 lead_sent=19 welcomed=6 belongs=6]"},
		{"march", funnel.Filter{From: t0, To: t0.AddDate(0, 1, 0)}, "[conversation_started=22 suggestions_seen=22 first_step_chosen=12 lead_sent=12 welcomed=6 belongs=6]"},
		// What is known of a young person later counts for their start too.
		{"Odense", funnel.Filter{Municipality: "Odense"}, "[conversation_started=13 suggestions_seen=13 first_step_chosen=13 lead_sent=13 welcomed=6 belongs=6]"},
		{"org-a", funnel.Filter{OrgID: "org-a"}, "[first_step_chosen=12 lead_sent=12 welcomed=6 belongs=6]"},
		// 7 chose org-b and sent a lead; none welcomed yet: hidden, not 0.
		{"org-b", funnel.Filter{OrgID: "org-b"}, "[first_step_chosen=7 lead_sent=7 welcomed=? belongs=?]"},
		{"class-1", funnel.Filter{ClassIDs: []string{"class-1"}}, "[conversation_started=6 suggestions_seen=6 first_step_chosen=6 lead_sent=6 welcomed=? belongs=?]"},
		{"no classes", funnel.Filter{ClassIDs: []string{}}, "[conversation_started=? suggestions_seen=? first_step_chosen=? lead_sent=? welcomed=? belongs=?]"},
	} {
		if got := fmt.Sprint(shown(funnel.Count(events, c.f))); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
	// Recording twice changes nothing: the same event has the same id.
	if a, b := journey("k", 2, t0, "", "", "", ""), journey("k", 2, t0, "", "", "", ""); a[2].ID != b[2].ID {
		t.Error("the same step gets two ids")
	}
}

// TestNoFunnelRevealsASmallGroup counts many random funnels and checks
// what a reader could take from each view: no shown count under five, and
// no two shown counts whose difference is a group of one to four.
func TestNoFunnelRevealsASmallGroup(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	munis := []string{"Aarhus", "Odense", "Læsø"}
	orgs := []string{"org-a", "org-b"}
	shownViews := 0
	for round := range 3000 {
		var events []funnel.Event
		for i := range rng.IntN(60) {
			far := rng.IntN(len(funnel.Stages))
			events = append(events, journey(fmt.Sprintf("r%d-%d", round, i), far, t0.Add(time.Duration(rng.IntN(60*24))*time.Hour),
				munis[rng.IntN(len(munis))], "15-17", orgs[rng.IntN(len(orgs))], "")...)
		}
		for _, f := range []funnel.Filter{{}, {Municipality: "Læsø"}, {OrgID: "org-b"}, {From: t0.AddDate(0, 0, 20), To: t0.AddDate(0, 0, 40)}} {
			var vals []int
			for _, s := range funnel.Count(events, f) {
				if s.Count != nil {
					vals = append(vals, *s.Count)
				}
			}
			if len(vals) > 0 {
				shownViews++
			}
			for i, a := range vals {
				if a < counts.Min {
					t.Fatalf("round %d %+v: a count of %d shows", round, f, a)
				}
				for _, b := range vals[i+1:] {
					if d := a - b; d > 0 && d < counts.Min {
						t.Fatalf("round %d %+v: counts %d and %d reveal a group of %d", round, f, a, b, d)
					}
				}
			}
		}
	}
	if shownViews < 3000 {
		t.Fatalf("only %d views showed any count; the test checks too little", shownViews)
	}
}
