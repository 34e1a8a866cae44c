package match

import (
	"testing"
	"time"
)

func TestHardFilters(t *testing.T) {
	places := func(n int) func(*Opportunity) { return func(o *Opportunity) { o.PlacesLeft = &n } }
	age := func(n int) func(*Profile) { return func(p *Profile) { p.Age = n } }
	aarhus := func(o *Opportunity) { o.Place = Place{Lat: 56.1629, Lon: 10.2039} }

	tests := []struct {
		name  string
		p     Profile
		o     *Opportunity
		shown bool
	}{
		{"13-year-old and a 15+ task", profile(age(13)), opp("a", func(o *Opportunity) { o.MinAge = 15 }), false},
		{"15-year-old and a 15+ task", profile(age(15)), opp("a", func(o *Opportunity) { o.MinAge = 15 }), true},
		{"16-year-old and an 18+ task", profile(age(16)), opp("a", func(o *Opportunity) { o.MinAge = 18 }), false},
		{"25-year-old and a task for under 25s", profile(age(25)), opp("a", func(o *Opportunity) { o.MaxAge = 24 }), false},
		{"unknown age is not assumed adult", profile(age(0)), opp("a", func(o *Opportunity) { o.MinAge = 16 }), false},
		{"unknown age may see 15+", profile(age(0)), opp("a", func(o *Opportunity) { o.MinAge = 15 }), true},
		{"child certificate task for a 14-year-old", profile(age(14)), opp("a", func(o *Opportunity) { o.ChildCertificate = true }), false},
		{"child certificate task for a 15-year-old", profile(age(15)), opp("a", func(o *Opportunity) { o.ChildCertificate = true }), true},
		{"14-year-old and a late school night", profile(age(14)),
			opp("a", weekly(WeeklySession{Day: "tue", Start: "18:00", End: "21:00"})), false},
		{"14-year-old and an early school evening", profile(age(14)),
			opp("a", weekly(WeeklySession{Day: "tue", Start: "17:00", End: "19:30"})), true},
		{"14-year-old and a late Friday", profile(age(14)),
			opp("a", weekly(WeeklySession{Day: "fri", Start: "18:00", End: "21:00"})), true},
		{"16-year-old and a late school night", profile(age(16)),
			opp("a", weekly(WeeklySession{Day: "tue", Start: "18:00", End: "21:00"})), true},
		{"14-year-old and a dated late school night", profile(age(14)),
			opp("a", events(Event{Start: cph(2026, 5, 12, 18, 0), End: cph(2026, 5, 12, 21, 0)})), false},
		{"too far away", profile(), opp("a", aarhus), false},
		{"far but within a stated range", profile(func(p *Profile) { p.MaxDistanceKm = 200 }), opp("a", aarhus), true},
		{"just beyond the default range", profile(), opp("a", at(26)), false},
		{"just within the default range", profile(), opp("a", at(24)), true},
		{"online regardless of distance", profile(), opp("a", func(o *Opportunity) { o.Place = Place{Online: true} }), true},
		{"physical task without coordinates", profile(), opp("a", func(o *Opportunity) { o.Place = Place{Address: "?"} }), false},
		{"no location: distance not checked", profile(func(p *Profile) { p.HasLocation = false }), opp("a", aarhus), true},
		{"online only excludes physical", profile(func(p *Profile) { p.Online = true }), opp("a"), false},
		{"online only shows online", profile(func(p *Profile) { p.Online = true }),
			opp("a", func(o *Opportunity) { o.Place = Place{Online: true} }), true},
		{"no places left", profile(), opp("a", places(0)), false},
		{"some places left", profile(), opp("a", places(2)), true},
		{"not started yet", profile(), opp("a", func(o *Opportunity) { o.ActiveFrom = now.Add(48 * time.Hour) }), false},
		{"already ended", profile(), opp("a", func(o *Opportunity) { o.ActiveTo = now.Add(-time.Hour) }), false},
		{"active now", profile(), opp("a", func(o *Opportunity) {
			o.ActiveFrom, o.ActiveTo = now.Add(-time.Hour), now.Add(30*24*time.Hour)
		}), true},
		{"unpublished", profile(), opp("a", func(o *Opportunity) { o.Published = false }), false},
		{"group of four and room for two", profile(func(p *Profile) { p.Group = Group }),
			opp("a", func(o *Opportunity) { o.GroupSize = 2 }), false},
		{"group of three and room for three", profile(func(p *Profile) { p.Group, p.GroupSize = Group, 3 }),
			opp("a", func(o *Opportunity) { o.GroupSize = 3 }), true},
		{"with a friend and one at a time", profile(func(p *Profile) { p.Group = WithFriend }),
			opp("a", func(o *Opportunity) { o.GroupSize = 1 }), false},
		{"with a friend and room for two", profile(func(p *Profile) { p.Group = WithFriend }),
			opp("a", func(o *Opportunity) { o.GroupSize = 2 }), true},
		{"alone and only whole classes taken", profile(func(p *Profile) { p.Group = Alone }),
			opp("a", func(o *Opportunity) { o.GroupSize, o.MinGroupSize = 30, 10 }), false},
		{"four friends and only whole classes taken", profile(func(p *Profile) { p.Group = Group }),
			opp("a", func(o *Opportunity) { o.GroupSize, o.MinGroupSize = 30, 10 }), false},
		{"a class and only whole classes taken", profile(func(p *Profile) { p.Group, p.GroupSize = Group, 26 }),
			opp("a", func(o *Opportunity) { o.GroupSize, o.MinGroupSize = 30, 10 }), true},
		{"excluded id", profile(func(p *Profile) { p.Exclude = []string{"a"} }), opp("a"), false},
		{"rejected id", profile(func(p *Profile) { p.Rejections = []Rejection{{OpportunityID: "a"}} }), opp("a"), false},
		{"off-interest and outside the person's slots", profile(func(p *Profile) { p.Slots = []string{"sat_morning"} }),
			opp("a", interests("climate"), weekly(WeeklySession{Day: "sat", Start: "13:00", End: "15:00"})), false},
		{"interest match outside the person's slots is still offered", profile(func(p *Profile) { p.Slots = []string{"sat_morning"} }),
			opp("a", weekly(WeeklySession{Day: "sat", Start: "13:00", End: "15:00"})), true},
		{"no interests stated, outside the person's slots", profile(func(p *Profile) { p.Slots, p.Interests = []string{"sat_morning"}, nil }),
			opp("a", weekly(WeeklySession{Day: "sat", Start: "13:00", End: "15:00"})), true},
		{"14-year-old and only late school nights, at any time", profile(func(p *Profile) { p.Age, p.Slots = 14, []string{"sat_morning"} }),
			opp("a", weekly(WeeklySession{Day: "tue", Start: "18:00", End: "21:00"})), false},
		{"weekly inside the person's slots", profile(func(p *Profile) { p.Slots = []string{"sat_morning"} }),
			opp("a", weekly(WeeklySession{Day: "sat", Start: "10:00", End: "12:00"})), true},
		{"weekly and unknown availability", profile(),
			opp("a", weekly(WeeklySession{Day: "sat", Start: "13:00", End: "15:00"})), true},
		{"flexible fits any availability", profile(func(p *Profile) { p.Slots = []string{"sat_morning"} }), opp("a"), true},
		{"dated event already past", profile(),
			opp("a", events(Event{Start: cph(2026, 5, 1, 10, 0), End: cph(2026, 5, 1, 12, 0)})), false},
		{"dated event too soon to get ready", profile(),
			opp("a", events(Event{Start: cph(2026, 5, 4, 18, 0), End: cph(2026, 5, 4, 20, 0)})), false},
		{"dated event tomorrow, asked before 18:00", profile(),
			opp("a", events(Event{Start: cph(2026, 5, 5, 10, 0), End: cph(2026, 5, 5, 12, 0)})), true},
		{"dated event in a month", profile(),
			opp("a", events(Event{Start: cph(2026, 6, 4, 10, 0), End: cph(2026, 6, 4, 12, 0)})), true},
		{"dated event in three months", profile(),
			opp("a", events(Event{Start: cph(2026, 8, 4, 10, 0), End: cph(2026, 8, 4, 12, 0)})), true},
		{"dated event more than a year ahead", profile(),
			opp("a", events(Event{Start: cph(2027, 6, 4, 10, 0), End: cph(2027, 6, 4, 12, 0)})), false},
		{"weekly task ending before its next session", profile(), opp("a",
			weekly(WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}),
			func(o *Opportunity) { o.ActiveTo = cph(2026, 5, 8, 0, 0) }), false},
		{"weekly schedule without usable sessions", profile(), opp("a",
			weekly(WeeklySession{Day: "someday", Start: "late", End: "later"})), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.p, []*Opportunity{tt.o}, now, 3)
			if shown := len(got) == 1; shown != tt.shown {
				t.Errorf("shown = %v, want %v", shown, tt.shown)
			}
		})
	}
}

func TestUnder15GetsEarlySession(t *testing.T) {
	o := opp("a", weekly(
		WeeklySession{Day: "tue", Start: "18:00", End: "21:00"},
		WeeklySession{Day: "sat", Start: "10:00", End: "12:00"},
	))
	tests := []struct {
		age  int
		want time.Time
	}{
		{14, cph(2026, 5, 9, 10, 0)},
		{16, cph(2026, 5, 5, 18, 0)},
	}
	for _, tt := range tests {
		got := Rank(profile(func(p *Profile) { p.Age = tt.age }), []*Opportunity{o}, now, 1)
		if len(got) != 1 {
			t.Fatalf("age %d: no suggestion", tt.age)
		}
		if !got[0].Next.Start.Equal(tt.want) {
			t.Errorf("age %d: next = %v, want %v", tt.age, got[0].Next.Start, tt.want)
		}
	}
}
