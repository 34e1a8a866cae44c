package match

import (
	"fmt"
	"math/rand"
	"testing"
	"time"
)

var benchInterests = []string{
	"animals", "elderly", "climate", "children", "sports", "culture", "refugees",
	"health", "homeless", "nature", "music", "tech", "food", "disability",
	"education", "events", "mental_health", "lgbt", "crafts", "international",
}

// benchOpportunities returns n varied opportunities spread across Denmark,
// the same for every run.
func benchOpportunities(n int) []Opportunity {
	r := rand.New(rand.NewSource(42))
	days := []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	commitments := []string{OneOff, ShortTerm, Recurring, ""}
	out := make([]Opportunity, n)
	for i := range out {
		o := Opportunity{
			ID:             fmt.Sprintf("opp-%06d", i),
			OrganisationID: fmt.Sprintf("org-%04d", r.Intn(5000)),
			Title:          fmt.Sprintf("Task %d", i),
			Commitment:     commitments[r.Intn(len(commitments))],
			MinAge:         []int{0, 13, 13, 15, 16, 18}[r.Intn(6)],
			GroupSize:      []int{0, 1, 2, 4, 10}[r.Intn(5)],
			Published:      r.Intn(20) != 0,
		}
		if r.Intn(4) == 0 {
			o.MaxAge = 25 + r.Intn(6)
		}
		o.ChildCertificate = r.Intn(8) == 0
		for range 1 + r.Intn(3) {
			o.Interests = append(o.Interests, benchInterests[r.Intn(len(benchInterests))])
		}
		if r.Intn(10) == 0 {
			o.Place = Place{Online: true}
		} else {
			o.Place = Place{Lat: 54.8 + r.Float64()*2.8, Lon: 8.2 + r.Float64()*4.4}
		}
		if r.Intn(5) == 0 {
			n := r.Intn(5)
			o.PlacesLeft = &n
		}
		if r.Intn(10) == 0 {
			o.ActiveTo = benchNow.Add(time.Duration(r.Intn(90*24)-10*24) * time.Hour)
		}
		switch r.Intn(4) {
		case 0, 1:
			o.Schedule.Kind = ScheduleWeekly
			for range 1 + r.Intn(3) {
				h := 8 + r.Intn(13)
				o.Schedule.Weekly = append(o.Schedule.Weekly, WeeklySession{
					Day:   days[r.Intn(7)],
					Start: fmt.Sprintf("%02d:%02d", h, 30*r.Intn(2)),
					End:   fmt.Sprintf("%02d:00", min(h+1+r.Intn(3), 23)),
				})
			}
		case 2:
			o.Schedule.Kind = ScheduleDated
			for range 1 + r.Intn(6) {
				start := benchNow.Add(time.Duration(r.Intn(90*24)-5*24) * time.Hour)
				o.Schedule.Events = append(o.Schedule.Events, Event{Start: start, End: start.Add(2 * time.Hour)})
			}
		default:
			o.Schedule.Kind = ScheduleFlexible
		}
		out[i] = o
	}
	return out
}

var benchNow = time.Date(2026, 5, 4, 12, 0, 0, 0, copenhagen)

// benchProfile is a 19-year-old in Aarhus who wants to bring a friend, free
// on weekday evenings and Saturday, with a "not my thing" and a "too far"
// behind them.
var benchProfile = Profile{
	Age:         19,
	Interests:   []string{"animals", "climate", "nature"},
	Slots:       []string{"tue_evening", "wed_evening", "thu_evening", "sat_morning", "sat_afternoon"},
	Commitment:  ShortTerm,
	Group:       WithFriend,
	HasLocation: true,
	Lat:         56.1629,
	Lon:         10.2039,
	Rejections: []Rejection{
		{OpportunityID: "opp-000001", Reason: NotMyThing},
		{OpportunityID: "opp-000002", Reason: TooFar, DistanceKm: 30},
	},
	Exclude: []string{"opp-000003", "opp-000004"},
}

func BenchmarkRank100k(b *testing.B) {
	ix := NewIndex()
	for _, o := range benchOpportunities(100_000) {
		ix.Upsert(o)
	}
	if got := ix.Rank(benchProfile, benchNow, 5); len(got) != 5 {
		b.Fatalf("got %d suggestions, want 5", len(got))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		ix.Rank(benchProfile, benchNow, 5)
	}
}

// BenchmarkRank100kWaysIn is Rank100k over a catalog shaped like the
// sample one: every opportunity has a way in (weekly, monthly or dated) and
// a landmass, and the person lives on Funen with bridges to the rest.
func BenchmarkRank100kWaysIn(b *testing.B) {
	r := rand.New(rand.NewSource(7))
	lands := []string{"jylland", "fyn", "sjaelland", "bornholm", "aeroe"}
	ix := NewIndex()
	for _, o := range benchOpportunities(100_000) {
		o.Place.Landmass = lands[r.Intn(len(lands))]
		day := benchDays[r.Intn(7)]
		switch r.Intn(3) {
		case 0:
			o.FirstStep.WayIn = WayIn{Kind: WayInSession, Weekly: []WeeklySession{{Day: day, Start: "17:00", End: "19:00"}}}
		case 1:
			o.FirstStep.WayIn = WayIn{Kind: WayInIntro, Monthly: []MonthlySession{{Week: 1 + r.Intn(4), Day: day, Start: "16:30", End: "18:00"}}}
		default:
			start := benchNow.Add(time.Duration(r.Intn(200*24)) * time.Hour)
			o.FirstStep.WayIn = WayIn{Kind: WayInCall, Dates: []Event{{Start: start, End: start.Add(time.Hour)}}, NoticeHours: 48}
		}
		ix.Upsert(o)
	}
	p := benchProfile
	p.Lat, p.Lon, p.Landmass, p.Bridged = 55.3959, 10.3883, "fyn", []string{"jylland", "sjaelland"}
	p.NotInterests = []string{"sports"}
	if got := ix.Rank(p, benchNow, 5); len(got) != 5 {
		b.Fatalf("got %d suggestions, want 5", len(got))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		ix.Rank(p, benchNow, 5)
	}
}

var benchDays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

func BenchmarkIndexUpsert(b *testing.B) {
	opps := benchOpportunities(10_000)
	ix := NewIndex()
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		ix.Upsert(opps[i%len(opps)])
	}
}
