package match

import (
	"testing"
	"time"
)

// Central Copenhagen (Rådhuspladsen).
const cphLat, cphLon = 55.6761, 12.5683

// now is Monday 4 May 2026, noon in Copenhagen.
var now = time.Date(2026, 5, 4, 12, 0, 0, 0, copenhagen)

// northOf returns the latitude km kilometres north of central Copenhagen.
func northOf(km float64) float64 { return cphLat + km/kmPerDegree }

// opp is a published, flexible, one-off animals task 1 km from the
// profile, open to 13-year-olds and small groups; mods adjust it per test.
func opp(id string, mods ...func(*Opportunity)) *Opportunity {
	o := &Opportunity{
		ID:             id,
		OrganisationID: "org-" + id,
		Organisation:   "Organisation " + id,
		Title:          "Task " + id,
		Interests:      []string{"animals"},
		Place:          Place{Lat: northOf(1), Lon: cphLon},
		Schedule:       Schedule{Kind: ScheduleFlexible},
		Commitment:     OneOff,
		MinAge:         13,
		GroupSize:      4,
		Published:      true,
	}
	for _, m := range mods {
		m(o)
	}
	return o
}

// profile is a 17-year-old in central Copenhagen who likes animals.
func profile(mods ...func(*Profile)) Profile {
	p := Profile{
		Age:         17,
		Interests:   []string{"animals"},
		HasLocation: true,
		Lat:         cphLat,
		Lon:         cphLon,
	}
	for _, m := range mods {
		m(&p)
	}
	return p
}

func at(km float64) func(*Opportunity) {
	return func(o *Opportunity) { o.Place = Place{Lat: northOf(km), Lon: cphLon} }
}

func org(id string) func(*Opportunity) {
	return func(o *Opportunity) { o.OrganisationID = id }
}

func interests(ids ...string) func(*Opportunity) {
	return func(o *Opportunity) { o.Interests = ids }
}

func weekly(sessions ...WeeklySession) func(*Opportunity) {
	return func(o *Opportunity) { o.Schedule = Schedule{Kind: ScheduleWeekly, Weekly: sessions} }
}

func events(ev ...Event) func(*Opportunity) {
	return func(o *Opportunity) { o.Schedule = Schedule{Kind: ScheduleDated, Events: ev} }
}

func ids(ss []Suggestion) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Opportunity.ID
	}
	return out
}

func find(ss []Suggestion, id string) (Suggestion, bool) {
	for _, s := range ss {
		if s.Opportunity.ID == id {
			return s, true
		}
	}
	return Suggestion{}, false
}

func cph(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, copenhagen)
}

func mustSession(t *testing.T, o *Opportunity, slots []string, now time.Time) Session {
	t.Helper()
	s, ok := NextSession(o, slots, now)
	if !ok {
		t.Fatalf("NextSession(%s, %v, %v): no session", o.ID, slots, now)
	}
	return s
}
