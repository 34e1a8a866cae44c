package match

import (
	"math"
	"slices"
	"testing"
)

func TestReachAcrossWater(t *testing.T) {
	on := func(land string, km float64) func(*Opportunity) {
		return func(o *Opportunity) { o.Place = Place{Lat: northOf(km), Lon: cphLon, Landmass: land} }
	}
	onSjaelland := func(p *Profile) { p.Landmass = "sjaelland" }
	bridgedTo := func(lands ...string) func(*Profile) {
		return func(p *Profile) { p.Landmass, p.Bridged = "sjaelland", lands }
	}

	tests := []struct {
		name   string
		p      Profile
		o      *Opportunity
		wantKm float64 // -1: not shown
	}{
		{"same landmass: straight line", profile(onSjaelland), opp("a", on("sjaelland", 10)), 10},
		{"another landmass without a bridge, however near", profile(onSjaelland), opp("a", on("bornholm", 5)), -1},
		{"bridged landmass: the trip is longer than the line", profile(bridgedTo("amager", "fyn")), opp("a", on("fyn", 10)), 13},
		{"bridged but the trip is beyond reach", profile(bridgedTo("fyn")), opp("a", on("fyn", 20)), -1},
		{"landmass names are not case-sensitive", profile(bridgedTo("Fyn")), opp("a", on("FYN", 10)), 13},
		{"opportunity's landmass unknown: straight line", profile(onSjaelland), opp("a", on("", 10)), 10},
		{"person's landmass unknown: straight line", profile(), opp("a", on("bornholm", 10)), 10},
		{"person on a landmass no opportunity is on", profile(func(p *Profile) { p.Landmass = "anholt" }),
			opp("a", on("sjaelland", 10)), -1},
		{"online from an island", profile(func(p *Profile) { p.Landmass = "bornholm" }),
			opp("a", func(o *Opportunity) { o.Place = Place{Online: true} }), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.p, []*Opportunity{tt.o}, now, 1)
			if tt.wantKm < 0 {
				if len(got) != 0 {
					t.Errorf("shown at %.1f km, want out of reach", got[0].DistanceKm)
				}
				return
			}
			if len(got) != 1 {
				t.Fatal("not shown")
			}
			if tt.o.Place.Online {
				if got[0].DistanceKm != -1 {
					t.Errorf("online at %.1f km", got[0].DistanceKm)
				}
				return
			}
			if math.Abs(got[0].DistanceKm-tt.wantKm) > 0.1 {
				t.Errorf("distance %.2f km, want %.1f", got[0].DistanceKm, tt.wantKm)
			}
		})
	}
}

func TestRankNeverWidensTheRadius(t *testing.T) {
	// Nothing within reach but a task 30 km away: nothing is offered rather
	// than the far one; the caller decides whether to search wider.
	opps := []*Opportunity{opp("far", at(30))}
	if got := Rank(profile(), opps, now, 3); len(got) != 0 {
		t.Errorf("got %v, want nothing within the default 25 km", ids(got))
	}
	if got := Rank(profile(func(p *Profile) { p.MaxDistanceKm = 40 }), opps, now, 3); len(got) != 1 {
		t.Errorf("asked for 40 km: got %v", ids(got))
	}
}

func TestTooFarKeepsInterestsAndGetsStrictlyNearer(t *testing.T) {
	opps := []*Opportunity{
		opp("animals-12", at(12)),
		opp("animals-11", at(11)),
		opp("animals-20", at(20)),
		opp("animals-4", at(4)),
		opp("climate-1", at(1), interests("climate")),
		opp("climate-2", at(2), interests("climate")),
		opp("online", interests("climate"), func(o *Opportunity) { o.Place = Place{Online: true} }),
	}
	reject := func(id string, km float64) func(*Profile) {
		return func(p *Profile) { p.Rejections = []Rejection{{OpportunityID: id, Reason: TooFar, DistanceKm: km}} }
	}
	tests := []struct {
		name         string
		p            Profile
		wantInterest []string // the interest cards, first and in order; the rest are off-interest
	}{
		{"nearer interest matches first", profile(reject("animals-12", 0)), []string{"animals-4"}},
		{"nothing nearer on their topic: only nearer other topics, marked", profile(reject("animals-4", 0)), nil},
		{"distance as the card said", profile(reject("animals-20", 20.0)), []string{"animals-4", "animals-11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rank(tt.p, opps, now, 3)
			if len(got) < len(tt.wantInterest) || !slices.Equal(ids(got[:len(tt.wantInterest)]), tt.wantInterest) {
				t.Errorf("got %v, want %v first", ids(got), tt.wantInterest)
			}
			rejected, _ := find(Rank(profile(), opps, now, 10), tt.p.Rejections[0].OpportunityID)
			for _, s := range got {
				if s.DistanceKm >= rejected.DistanceKm {
					t.Errorf("%s at %.1f km after %.1f km was too far", s.Opportunity.ID, s.DistanceKm, rejected.DistanceKm)
				}
				if s.OffInterest == slices.Contains(s.Opportunity.Interests, "animals") {
					t.Errorf("%s: OffInterest = %v", s.Opportunity.ID, s.OffInterest)
				}
			}
		})
	}
}

func TestWrongTimeGivesOtherTimes(t *testing.T) {
	tue := WeeklySession{Day: "tue", Start: "18:00", End: "20:00"}
	sat := WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}
	thu := WeeklySession{Day: "thu", Start: "18:00", End: "20:00"}
	tueIntro := wayIn(WayIn{Kind: WayInIntro, Weekly: []WeeklySession{{Day: "tue", Start: "17:00", End: "18:00"}}})
	opps := []*Opportunity{
		opp("tue", at(1), weekly(tue)),
		opp("tue-2", at(2), weekly(tue)),
		opp("tue-and-thu", at(3), weekly(tue, thu)),
		opp("sat-with-tue-intro", at(4), weekly(sat), tueIntro),
		opp("sat", at(8), weekly(sat)),
	}
	p := profile(func(p *Profile) {
		p.Slots = []string{"tue_evening", "sat_morning"}
		p.Rejections = []Rejection{{OpportunityID: "tue", Reason: WrongTime}}
	})
	got := Rank(p, opps, now, 4)
	if len(got) == 0 {
		t.Fatal("nothing suggested")
	}
	for _, s := range got {
		for what, at := range map[string]Session{"session": s.Next, "first step": s.FirstStep} {
			if !at.IsZero() && SlotOf(at.Start) == "tue_evening" {
				t.Errorf("%s: %s on a Tuesday evening again", s.Opportunity.ID, what)
			}
		}
	}
	if got[0].Opportunity.ID != "sat-with-tue-intro" && got[0].Opportunity.ID != "sat" {
		t.Errorf("first card %s, want one on Saturday", got[0].Opportunity.ID)
	}
	if s, ok := find(got, "tue-and-thu"); !ok || !s.OtherTime || SlotOf(s.Next.Start) != "thu_evening" {
		t.Errorf("tue-and-thu: got %+v, want offered at its Thursday time, marked", s)
	}
	// Its only intro is on the rejected Tuesday evening, so the first step
	// is one of its Saturday sessions instead.
	if s, ok := find(got, "sat-with-tue-intro"); !ok || !s.FirstStep.Start.Equal(cph(2026, 5, 9, 10, 0)) {
		t.Errorf("sat-with-tue-intro: got %+v, want its first step on Saturday", s)
	}
}

func TestNotMyThingKeepsTheOtherStatedInterests(t *testing.T) {
	opps := []*Opportunity{
		opp("dogs", at(1), org("shelter")),
		opp("cats", at(2), org("shelter")),
		opp("music-near", at(1), interests("music")),
		opp("trees", at(12), interests("climate")),
		opp("bikes", at(14), interests("climate")),
	}
	p := profile(func(p *Profile) {
		p.Interests = []string{"animals", "climate"}
		p.Rejections = []Rejection{{OpportunityID: "dogs", Reason: NotMyThing}}
	})
	got := Rank(p, opps, now, 3)
	if want := []string{"trees", "bikes", "cats"}; !slices.Equal(ids(got), want) {
		t.Errorf("got %v, want climate first, then the other animals task; never music", ids(got))
	}
}

func TestOneOffWish(t *testing.T) {
	recurring := func(o *Opportunity) { o.Commitment = Recurring }
	shortTerm := func(o *Opportunity) { o.Commitment = ShortTerm }
	p := profile(func(p *Profile) { p.Commitment = OneOff })

	got := Rank(p, []*Opportunity{opp("regular", at(1), recurring), opp("once", at(6))}, now, 2)
	if len(got) != 2 || got[0].Opportunity.ID != "once" {
		t.Fatalf("got %v, want the one-off task first", ids(got))
	}
	if got[0].CommitmentClash || !got[1].CommitmentClash {
		t.Errorf("CommitmentClash = %v, %v; want only the regular task marked", got[0].CommitmentClash, got[1].CommitmentClash)
	}
	// A regular task on their topic still beats a one-off one off it, marked.
	got = Rank(p, []*Opportunity{opp("regular", recurring), opp("once", interests("climate"))}, now, 2)
	if len(got) != 2 || got[0].Opportunity.ID != "regular" || !got[0].CommitmentClash {
		t.Errorf("got %+v, want the regular animals task first, marked", got)
	}
	if got := Rank(p, []*Opportunity{opp("weeks", shortTerm)}, now, 1); len(got) != 1 || !got[0].CommitmentClash {
		t.Errorf("a task over some weeks for a one-off wish: want it marked")
	}
	if got := Rank(profile(), []*Opportunity{opp("regular", recurring)}, now, 1); len(got) != 1 || got[0].CommitmentClash {
		t.Errorf("no wish stated: want no clash")
	}
}
