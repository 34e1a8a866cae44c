package match

import (
	"slices"
	"testing"
)

// card is what a test expects of one suggestion.
type card struct {
	id          string
	otherTime   bool
	offInterest bool
}

func cards(ss []Suggestion) []card {
	out := make([]card, len(ss))
	for i, s := range ss {
		out[i] = card{s.Opportunity.ID, s.OtherTime, s.OffInterest}
	}
	return out
}

func TestInterestFirst(t *testing.T) {
	sat10 := WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}
	thu18 := WeeklySession{Day: "thu", Start: "18:00", End: "20:00"}
	saturday := func(p *Profile) { p.Slots = []string{"sat_morning"} }
	climate := interests("climate")

	tests := []struct {
		name string
		p    Profile
		opps []*Opportunity
		want []card
	}{
		{
			name: "a far interest match beats a near task about something else",
			p:    profile(saturday),
			opps: []*Opportunity{
				opp("near-climate", at(1), climate, weekly(sat10)),
				opp("far-animals", at(24), weekly(sat10)),
			},
			want: []card{{"far-animals", false, false}, {"near-climate", false, true}},
		},
		{
			name: "an interest match at another time comes before other topics, marked",
			p:    profile(saturday),
			opps: []*Opportunity{
				opp("climate-sat", at(1), climate, weekly(sat10)),
				opp("animals-thu", at(2), weekly(thu18)),
			},
			want: []card{{"animals-thu", true, false}, {"climate-sat", false, true}},
		},
		{
			name: "interest matches in time come before those at other times",
			p:    profile(saturday),
			opps: []*Opportunity{
				opp("animals-thu", at(1), weekly(thu18)),
				opp("animals-sat", at(20), weekly(sat10)),
			},
			want: []card{{"animals-sat", false, false}, {"animals-thu", true, false}},
		},
		{
			name: "with enough interest matches nothing else is shown",
			p:    profile(saturday),
			opps: []*Opportunity{
				opp("climate-sat", at(0.5), climate, weekly(sat10)),
				opp("a1", at(10), weekly(sat10)),
				opp("a2", at(12), weekly(thu18)),
				opp("a3", at(14)),
			},
			want: []card{{"a1", false, false}, {"a3", false, false}, {"a2", true, false}},
		},
		{
			name: "a task on neither their topic nor their time is not offered",
			p:    profile(saturday),
			opps: []*Opportunity{
				opp("climate-thu", at(1), climate, weekly(thu18)),
				opp("animals-sat", at(3), weekly(sat10)),
			},
			want: []card{{"animals-sat", false, false}},
		},
		{
			name: "hard rules stay hard for interest matches",
			p:    profile(saturday, func(p *Profile) { p.Age, p.Group = 16, WithFriend }),
			opps: []*Opportunity{
				opp("adults", func(o *Opportunity) { o.MinAge = 18 }),
				opp("unpublished", func(o *Opportunity) { o.Published = false }),
				opp("full", func(o *Opportunity) { n := 0; o.PlacesLeft = &n }),
				opp("far", at(40)),
				opp("solo", func(o *Opportunity) { o.GroupSize = 1 }),
				opp("certificate", func(o *Opportunity) { o.ChildCertificate = true; o.MinAge = 18 }),
				opp("climate", at(2), climate),
			},
			want: []card{{"climate", false, true}},
		},
		{
			name: "without stated interests nothing is off-interest; other times come last",
			p:    profile(saturday, func(p *Profile) { p.Interests = nil }),
			opps: []*Opportunity{
				opp("thu", at(1), climate, weekly(thu18)),
				opp("sat", at(5), weekly(sat10)),
			},
			want: []card{{"sat", false, false}, {"thu", true, false}},
		},
		{
			name: "interests the catalog does not hold: every card is off-interest",
			p:    profile(saturday, func(p *Profile) { p.Interests = []string{"music"} }),
			opps: []*Opportunity{
				opp("climate", at(1), climate, weekly(sat10)),
				opp("animals-thu", at(1), weekly(thu18)),
			},
			want: []card{{"climate", false, true}},
		},
		{
			name: "unknown time: everything fits it",
			p:    profile(),
			opps: []*Opportunity{
				opp("climate", at(1), climate),
				opp("animals-thu", at(20), weekly(thu18)),
			},
			want: []card{{"animals-thu", false, false}, {"climate", false, true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.p, tt.opps, now, 3)
			if !slices.Equal(cards(got), tt.want) {
				t.Errorf("got  %+v\nwant %+v", cards(got), tt.want)
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("scores not descending: %v then %v", got[i-1].Score, got[i].Score)
				}
			}
		})
	}
}

func TestOtherTimeSaysWhenItMeets(t *testing.T) {
	o := opp("animals-thu", weekly(WeeklySession{Day: "thu", Start: "18:00", End: "20:00"}))
	got := Rank(profile(func(p *Profile) { p.Slots = []string{"tue_evening"} }), []*Opportunity{o}, now, 3)
	if len(got) != 1 || !got[0].OtherTime {
		t.Fatalf("got %+v, want one card at another time", cards(got))
	}
	if want := cph(2026, 5, 7, 18, 0); !got[0].Next.Start.Equal(want) {
		t.Errorf("Next = %v, want its Thursday session %v", got[0].Next.Start, want)
	}
	if !got[0].FirstStep.Start.Equal(got[0].Next.Start) || !got[0].FirstStepOtherTime {
		t.Errorf("first step %v (other time %v), want the Thursday session at another time",
			got[0].FirstStep.Start, got[0].FirstStepOtherTime)
	}
}

func TestReasonsNeverClaimAFitThatIsNotThere(t *testing.T) {
	sat10 := WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}
	thu18 := WeeklySession{Day: "thu", Start: "18:00", End: "20:00"}
	p := profile(func(p *Profile) { p.Slots = []string{"sat_morning"} })
	noLoc := profile(func(p *Profile) { p.Slots, p.HasLocation = []string{"sat_morning"}, false })
	online := func(o *Opportunity) { o.Place = Place{Online: true} }

	tests := []struct {
		name    string
		p       Profile
		o       *Opportunity
		has     []string
		hasNone []string
	}{
		{"interest and time", p, opp("a", at(2), weekly(sat10)), []string{ReasonInterest, ReasonTime, ReasonNear}, nil},
		{"other time: no time reason", p, opp("a", at(2), weekly(thu18)), []string{ReasonInterest}, []string{ReasonTime}},
		{"off-interest: no interest reason", p, opp("a", at(2), interests("photography"), weekly(sat10)),
			[]string{ReasonTime}, []string{ReasonInterest}},
		{"online: no distance", p, opp("a", online), []string{ReasonOnline}, []string{ReasonNear}},
		{"no location: no distance", noLoc, opp("a", at(2)), nil, []string{ReasonNear}},
		{"edge of reach: not called near", p, opp("a", at(20), weekly(sat10)), nil, []string{ReasonNear}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.p, []*Opportunity{tt.o}, now, 1)
			if len(got) != 1 {
				t.Fatal("not suggested")
			}
			kinds := map[string]bool{}
			for _, r := range got[0].Reasons {
				kinds[r.Kind] = true
				if r.Kind == ReasonInterest && !slices.Contains(tt.p.Interests, r.Interest) {
					t.Errorf("claims interest %q the person never stated", r.Interest)
				}
				if r.Kind == ReasonNear && got[0].DistanceKm < 0 {
					t.Error("claims nearness without a distance")
				}
			}
			for _, k := range tt.has {
				if !kinds[k] {
					t.Errorf("missing %s in %+v", k, got[0].Reasons)
				}
			}
			for _, k := range tt.hasNone {
				if kinds[k] {
					t.Errorf("claims %s: %+v", k, got[0].Reasons)
				}
			}
		})
	}
}

func TestNotInterests(t *testing.T) {
	opps := []*Opportunity{
		opp("sports", at(1), interests("sports")),
		opp("sports-kids", at(2), interests("sports", "children")),
		opp("animals-kids", at(3), interests("animals", "children")),
		opp("animals", at(9)),
	}
	p := profile(func(p *Profile) {
		p.Interests = []string{"animals", "sports"}
		p.NotInterests = []string{"sports", "children"}
	})
	got := Rank(p, opps, now, 4)
	if ids := ids(got); slices.Contains(ids, "sports") {
		t.Errorf("a task whose only interest is ruled out was suggested: %v", ids)
	}
	if len(got) == 0 || got[0].Opportunity.ID != "animals" {
		t.Errorf("got %v, want the animals task without a ruled-out interest first", ids(got))
	}
	for _, s := range got {
		if s.Opportunity.ID == "sports-kids" {
			t.Errorf("sports-kids has only ruled-out interests but was suggested")
		}
		for _, r := range s.Reasons {
			if r.Kind == ReasonInterest && r.Interest == "sports" {
				t.Errorf("%s: sports is ruled out but given as a reason", s.Opportunity.ID)
			}
		}
	}
	if s, ok := find(got, "animals-kids"); !ok || s.OffInterest {
		t.Errorf("animals-kids shares animals: got %+v", cards(got))
	}
}
