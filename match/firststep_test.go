package match

import (
	"testing"
	"time"
)

func wayIn(w WayIn) func(*Opportunity) {
	return func(o *Opportunity) { o.FirstStep.WayIn = w }
}

func TestEarliestStart(t *testing.T) {
	tests := []struct {
		name   string
		now    time.Time
		notice int
		want   time.Time
	}{
		{"Friday noon: Saturday is fine", cph(2026, 12, 4, 12, 0), 0, cph(2026, 12, 5, 0, 0)},
		{"Friday 17:59: still Saturday", cph(2026, 12, 4, 17, 59), 0, cph(2026, 12, 5, 0, 0)},
		{"Friday 18:00: Sunday at the earliest", cph(2026, 12, 4, 18, 0), 0, cph(2026, 12, 6, 0, 0)},
		{"Saturday evening: Monday", cph(2026, 12, 5, 21, 30), 0, cph(2026, 12, 7, 0, 0)},
		{"across New Year", cph(2026, 12, 31, 20, 0), 0, cph(2027, 1, 2, 0, 0)},
		{"now in UTC is read as Danish time", time.Date(2026, 12, 4, 17, 30, 0, 0, time.UTC), 0, cph(2026, 12, 6, 0, 0)},
		{"the organisation's own notice is in hours", cph(2026, 12, 4, 12, 0), 72, cph(2026, 12, 7, 12, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EarliestStart(tt.now, tt.notice); !got.Equal(tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestFirstStepTime(t *testing.T) {
	sat10 := WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}
	thu18 := WeeklySession{Day: "thu", Start: "18:00", End: "20:00"}
	tue17 := WeeklySession{Day: "tue", Start: "17:00", End: "18:30"}
	tueLate := WeeklySession{Day: "tue", Start: "19:00", End: "21:00"}
	friday := cph(2026, 12, 4, 11, 0) // Friday 4 December 2026
	fridayNight := cph(2026, 12, 4, 21, 0)
	saturday := []string{"sat_morning"}

	tests := []struct {
		name      string
		o         *Opportunity
		p         Profile
		now       time.Time
		want      time.Time // zero: no first step
		otherTime bool
		delayed   bool
	}{
		{
			name: "no way in: the next session",
			o:    opp("a", weekly(thu18, sat10)),
			p:    profile(func(p *Profile) { p.Slots = saturday }),
			now:  friday,
			want: cph(2026, 12, 5, 10, 0),
		},
		{
			name:    "Friday night: Saturday is too short notice, so next Saturday, and it says why",
			o:       opp("a", weekly(sat10)),
			p:       profile(func(p *Profile) { p.Slots = saturday }),
			now:     fridayNight,
			want:    cph(2026, 12, 12, 10, 0),
			delayed: true,
		},
		{
			name: "weekly intro inside their time, not the session",
			o: opp("a", weekly(thu18), wayIn(WayIn{Kind: WayInIntro,
				Weekly: []WeeklySession{{Day: "tue", Start: "17:00", End: "18:00"}}})),
			p:    profile(func(p *Profile) { p.Slots = []string{"tue_afternoon", "tue_evening", "thu_evening"} }),
			now:  friday,
			want: cph(2026, 12, 8, 17, 0),
		},
		{
			name: "intro the first Tuesday of the month",
			o:    opp("a", wayIn(WayIn{Kind: WayInIntro, Monthly: []MonthlySession{{Week: 1, Day: "tue", Start: "17:00", End: "18:30"}}})),
			p:    profile(),
			now:  friday,
			want: cph(2027, 1, 5, 17, 0),
		},
		{
			name: "intro the last Thursday of the month",
			o:    opp("a", wayIn(WayIn{Kind: WayInIntro, Monthly: []MonthlySession{{Week: -1, Day: "thu", Start: "17:00", End: "18:30"}}})),
			p:    profile(),
			now:  friday,
			want: cph(2026, 12, 31, 17, 0),
		},
		{
			name: "the earliest of several monthly and dated times",
			o: opp("a", wayIn(WayIn{Kind: WayInIntro,
				Monthly: []MonthlySession{{Week: 2, Day: "wed", Start: "17:00"}, {Week: 3, Day: "mon", Start: "17:00"}},
				Dates:   []Event{{Start: cph(2026, 12, 20, 13, 0), End: cph(2026, 12, 20, 15, 0)}}})),
			p:    profile(),
			now:  friday,
			want: cph(2026, 12, 9, 17, 0),
		},
		{
			name: "a dated call slot",
			o: opp("a", func(o *Opportunity) { o.Place = Place{Online: true} }, wayIn(WayIn{Kind: WayInCall,
				Dates: []Event{{Start: cph(2026, 12, 3, 16, 0)}, {Start: cph(2026, 12, 10, 16, 0), End: cph(2026, 12, 10, 16, 30)}}})),
			p:    profile(),
			now:  friday,
			want: cph(2026, 12, 10, 16, 0),
		},
		{
			name: "intros at none of their times: the next one, marked",
			o:    opp("a", weekly(sat10), wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{tue17}})),
			p:    profile(func(p *Profile) { p.Slots = saturday }),
			now:  friday,
			want: cph(2026, 12, 8, 17, 0), otherTime: true,
		},
		{
			name: "the organisation's notice pushes the step, and it says why",
			o: opp("a", wayIn(WayIn{Kind: WayInOpenHours, NoticeHours: 96,
				Weekly: []WeeklySession{{Day: "mon", Start: "15:00", End: "17:00"}, {Day: "sat", Start: "10:00", End: "13:00"}}})),
			p:       profile(func(p *Profile) { p.Slots = saturday }),
			now:     friday,
			want:    cph(2026, 12, 12, 10, 0),
			delayed: true,
		},
		{
			name: "no earlier fitting time: not delayed",
			o:    opp("a", wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{tue17}})),
			p:    profile(func(p *Profile) { p.Slots = []string{"tue_evening"} }),
			now:  friday,
			want: cph(2026, 12, 8, 17, 0),
		},
		{
			// Tonight's Friday intro is too short notice, hence next Friday.
			name:    "under 15: no intro late on a school night",
			o:       opp("a", wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{tueLate, {Day: "fri", Start: "19:00", End: "21:00"}}})),
			p:       profile(func(p *Profile) { p.Age = 14 }),
			now:     friday,
			want:    cph(2026, 12, 11, 19, 0),
			delayed: true,
		},
		{
			name:    "15: a late school night is fine",
			o:       opp("a", wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{tueLate, {Day: "fri", Start: "19:00", End: "21:00"}}})),
			p:       profile(func(p *Profile) { p.Age = 15 }),
			now:     friday,
			want:    cph(2026, 12, 8, 19, 0),
			delayed: true,
		},
		{
			name: "way-in dates all past: the opportunity's own session",
			o:    opp("a", weekly(thu18), wayIn(WayIn{Kind: WayInIntro, Dates: []Event{{Start: cph(2026, 11, 1, 10, 0)}}})),
			p:    profile(),
			now:  friday,
			want: cph(2026, 12, 10, 18, 0),
		},
		{
			name: "not after the opportunity ends",
			o: opp("a", wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{tue17}}),
				func(o *Opportunity) { o.ActiveTo = cph(2026, 12, 7, 0, 0) }),
			p:   profile(),
			now: friday,
		},
		{
			name: "flexible without a way in has no date",
			o:    opp("a"),
			p:    profile(),
			now:  friday,
		},
		{
			name: "a slot turned down as wrong time is avoided",
			o:    opp("a", weekly(thu18, sat10)),
			p: profile(func(p *Profile) {
				p.Slots = []string{"sat_morning", "thu_evening"}
				p.Rejections = []Rejection{{OpportunityID: "b", Reason: WrongTime, Slot: "thu_evening"}}
			}),
			now:  friday,
			want: cph(2026, 12, 5, 10, 0),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FirstStepTime(tt.o, tt.p, tt.now)
			if tt.want.IsZero() {
				if ok {
					t.Errorf("got %v, want no first step", got.Start)
				}
				return
			}
			if !ok {
				t.Fatalf("no first step, want %v", tt.want)
			}
			if !got.Start.Equal(tt.want) || got.OtherTime != tt.otherTime || got.NoticeDelayed != tt.delayed {
				t.Errorf("got %v other time %v delayed %v, want %v other time %v delayed %v",
					got.Start, got.OtherTime, got.NoticeDelayed, tt.want, tt.otherTime, tt.delayed)
			}
			if got.Start.Location() != copenhagen {
				t.Errorf("start in %v, want Europe/Copenhagen", got.Start.Location())
			}
			if !got.End.After(got.Start) {
				t.Errorf("end %v not after start %v", got.End, got.Start)
			}

			// Rank puts the same first step on the suggestion.
			p := tt.p
			p.Rejections = nil
			if len(tt.p.Rejections) > 0 {
				return
			}
			ss := Rank(p, []*Opportunity{tt.o}, tt.now, 1)
			if len(ss) != 1 {
				t.Fatal("Rank: not suggested")
			}
			s := ss[0]
			if !s.FirstStep.Start.Equal(got.Start) || s.FirstStepOtherTime != got.OtherTime || s.NoticeDelayed != got.NoticeDelayed {
				t.Errorf("Rank: first step %v other time %v delayed %v, FirstStepTime %+v",
					s.FirstStep.Start, s.FirstStepOtherTime, s.NoticeDelayed, got)
			}
		})
	}
}

func TestRankPrefersAFirstStepInTheirTime(t *testing.T) {
	// Two flexible tasks alike but for their intros; the one whose intro
	// fits Saturday morning comes first although it is further away.
	satIntro := wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{{Day: "sat", Start: "10:00", End: "11:00"}}})
	tueIntro := wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{{Day: "tue", Start: "17:00", End: "18:00"}}})
	opps := []*Opportunity{opp("tue", at(2), tueIntro), opp("sat", at(4), satIntro)}
	got := Rank(profile(func(p *Profile) { p.Slots = []string{"sat_morning"} }), opps, now, 2)
	if len(got) != 2 || got[0].Opportunity.ID != "sat" || got[0].FirstStepOtherTime || !got[1].FirstStepOtherTime {
		t.Errorf("got %v, want sat (intro in time) then tue (intro at another time)", ids(got))
	}
}

func TestFestivalLaterWithAnIntroSoon(t *testing.T) {
	// A summer festival is a fine suggestion in December: with its intro
	// meeting in January as the first step, or else the festival itself,
	// ranked after festivals with a step soon.
	festival := events(Event{Start: cph(2027, 6, 26, 10, 0), End: cph(2027, 6, 26, 22, 0)})
	intro := wayIn(WayIn{Kind: WayInIntro, Dates: []Event{{Start: cph(2027, 1, 12, 17, 0), End: cph(2027, 1, 12, 18, 30)}}})
	friday := cph(2026, 12, 4, 11, 0)
	opps := []*Opportunity{opp("without", at(1), festival), opp("with-intro", at(8), festival, intro)}

	got := Rank(profile(), opps, friday, 2)
	if len(got) != 2 {
		t.Fatalf("got %v, want both", ids(got))
	}
	if s := got[0]; s.Opportunity.ID != "with-intro" || !s.FirstStep.Start.Equal(cph(2027, 1, 12, 17, 0)) ||
		!s.Next.Start.Equal(cph(2027, 6, 26, 10, 0)) {
		t.Errorf("first: got %s with first step %v and session %v, want with-intro, 12 January, 26 June",
			s.Opportunity.ID, s.FirstStep.Start, s.Next.Start)
	}
	if s := got[1]; !s.FirstStep.Start.Equal(cph(2027, 6, 26, 10, 0)) {
		t.Errorf("without an intro: first step %v, want the festival itself", s.FirstStep.Start)
	}
	// A way in soon at another time still beats one in their time in half a year.
	p := profile(func(p *Profile) { p.Slots = []string{"sat_morning"} })
	if st, ok := FirstStepTime(opps[1], p, friday); !ok || !st.OtherTime || !st.Start.Equal(cph(2027, 1, 12, 17, 0)) {
		t.Errorf("with-intro for Saturday mornings: got %+v", st)
	}
}
