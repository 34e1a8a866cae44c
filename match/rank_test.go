package match

import (
	"fmt"
	"math/rand"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestCloserRanksFirst(t *testing.T) {
	opps := []*Opportunity{opp("far", at(15)), opp("near", at(2)), opp("mid", at(7))}
	got := ids(Rank(profile(), opps, now, 3))
	if want := []string{"near", "mid", "far"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestInterestOutranksEverythingElse(t *testing.T) {
	// A far, awkward animals task still beats a perfect climate task for
	// someone who only said "animals".
	animals := opp("animals", at(20), func(o *Opportunity) { o.Commitment = Recurring })
	climate := opp("climate", at(1), interests("climate"))
	p := profile(func(p *Profile) { p.Commitment = OneOff })
	if got := ids(Rank(p, []*Opportunity{climate, animals}, now, 3)); !slices.Equal(got, []string{"animals", "climate"}) {
		t.Errorf("got %v, want animals first", got)
	}
	// With nothing matching, the unmatched task is still offered.
	if got := ids(Rank(p, []*Opportunity{climate}, now, 3)); !slices.Equal(got, []string{"climate"}) {
		t.Errorf("got %v, want climate as a fallback", got)
	}
}

func TestTooFarMakesNextSuggestionsCloser(t *testing.T) {
	var opps []*Opportunity
	for _, km := range []float64{1, 3, 5, 9, 13, 17, 21} {
		opps = append(opps, opp(fmt.Sprintf("km%02.0f", km), at(km)))
	}
	before := Rank(profile(), opps, now, 5)
	rejected, ok := find(before, "km09")
	if !ok {
		t.Fatalf("9 km task not suggested before: %v", ids(before))
	}

	tests := []struct {
		name string
		r    Rejection
	}{
		{"distance given", Rejection{OpportunityID: "km09", Reason: TooFar, DistanceKm: rejected.DistanceKm}},
		{"distance looked up", Rejection{OpportunityID: "km09", Reason: TooFar}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			after := Rank(profile(func(p *Profile) { p.Rejections = []Rejection{tt.r} }), opps, now, 5)
			if len(after) == 0 {
				t.Fatal("nothing suggested")
			}
			for _, s := range after {
				if s.DistanceKm >= rejected.DistanceKm*tooFarShrink {
					t.Errorf("%s at %.1f km after rejecting %.1f km as too far", s.Opportunity.ID, s.DistanceKm, rejected.DistanceKm)
				}
			}
		})
	}
}

func TestNotMyThingChangesInterest(t *testing.T) {
	opps := []*Opportunity{
		opp("dogs", at(1), org("shelter")),
		opp("cats", at(2), org("shelter")),
		opp("horses", at(3)),
		opp("trees", at(8), interests("climate")),
		opp("bikes", at(9), interests("climate")),
	}
	p := profile(func(p *Profile) { p.Interests = []string{"animals", "climate"} })
	if got := Rank(p, opps, now, 1); len(got) != 1 || got[0].Opportunity.ID != "dogs" {
		t.Fatalf("before: got %v, want dogs", ids(got))
	}

	p.Rejections = []Rejection{{OpportunityID: "dogs", Reason: NotMyThing}}
	got := Rank(p, opps, now, 3)
	if len(got) == 0 || slices.Contains(got[0].Opportunity.Interests, "animals") {
		t.Fatalf("after: top is %v, want a non-animals task", ids(got))
	}
	if slices.Contains(ids(got), "dogs") {
		t.Errorf("rejected task shown again: %v", ids(got))
	}

	// Someone who only likes animals still gets animals, just not that one.
	p.Interests = []string{"animals"}
	got = Rank(p, opps, now, 1)
	if len(got) != 1 || got[0].Opportunity.ID != "horses" {
		t.Errorf("animals only: got %v, want horses (other organisation)", ids(got))
	}
}

func TestWrongTimeAvoidsThatSlot(t *testing.T) {
	tue := WeeklySession{Day: "tue", Start: "18:00", End: "20:00"}
	sat := WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}
	opps := []*Opportunity{
		opp("tue-near", at(1), weekly(tue)),
		opp("tue-mid", at(2), weekly(tue)),
		opp("both", at(4), weekly(tue, sat)),
		opp("sat-far", at(8), weekly(sat)),
	}
	p := profile(func(p *Profile) { p.Slots = []string{"tue_evening", "sat_morning"} })
	before := Rank(p, opps, now, 1)
	if len(before) != 1 || before[0].Opportunity.ID != "tue-near" || SlotOf(before[0].Next.Start) != "tue_evening" {
		t.Fatalf("before: got %v", before)
	}

	for _, slot := range []string{"", "tue_evening"} {
		t.Run("slot "+slot, func(t *testing.T) {
			p := p
			p.Rejections = []Rejection{{OpportunityID: "tue-near", Reason: WrongTime, Slot: slot}}
			got := Rank(p, opps, now, 2)
			if len(got) == 0 {
				t.Fatal("nothing suggested")
			}
			for _, s := range got {
				if SlotOf(s.Next.Start) == "tue_evening" {
					t.Errorf("%s offered on tuesday evening again", s.Opportunity.ID)
				}
			}
			if s, ok := find(got, "both"); !ok || !s.Next.Start.Equal(cph(2026, 5, 9, 10, 0)) {
				t.Errorf("task with both times: got %v, want its saturday session", s.Next)
			}
		})
	}
}

func TestVariety(t *testing.T) {
	var opps []*Opportunity
	for i := range 5 {
		opps = append(opps, opp(fmt.Sprintf("big-%d", i), at(1+float64(i)/10), org("big")))
	}
	opps = append(opps, opp("small-a", at(6), org("a")), opp("small-b", at(7), org("b")))

	got := Rank(profile(), opps, now, 3)
	orgs := map[string]bool{}
	for _, s := range got {
		orgs[s.Opportunity.OrganisationID] = true
	}
	if len(got) != 3 || len(orgs) != 3 {
		t.Errorf("got %v, want three organisations", ids(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Score > got[i-1].Score {
			t.Errorf("scores not descending: %v", got)
		}
	}

	// With only one organisation it still fills the list.
	if got := Rank(profile(), opps[:5], now, 3); len(got) != 3 {
		t.Errorf("single organisation: got %v, want 3", ids(got))
	}
}

func TestVarietyWithOneDominantOrganisation(t *testing.T) {
	// More top tasks from one organisation than the candidate pool holds.
	idx := NewIndex()
	for i := range 200 {
		idx.Upsert(*opp(fmt.Sprintf("big-%03d", i), at(0.5), org("big")))
	}
	idx.Upsert(*opp("other", at(10), org("other")))
	got := idx.Rank(profile(), now, 3)
	if _, ok := find(got, "other"); !ok {
		t.Errorf("got %v, want the other organisation included", ids(got))
	}
}

func TestDeterministic(t *testing.T) {
	// Identical tasks apart from their IDs tie; ties go by ID.
	var opps []*Opportunity
	for i := range 30 {
		opps = append(opps, opp(fmt.Sprintf("t%02d", i), at(3), org(fmt.Sprintf("o%02d", i))))
	}
	want := []string{"t00", "t01", "t02", "t03", "t04"}
	r := rand.New(rand.NewSource(1))
	idx := NewIndex()
	for i := range 10 {
		shuffled := slices.Clone(opps)
		r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		got := Rank(profile(), shuffled, now, 5)
		if !slices.Equal(ids(got), want) {
			t.Fatalf("run %d: got %v, want %v", i, ids(got), want)
		}
		idx.Upsert(*shuffled[i])
	}
	for _, o := range opps {
		idx.Upsert(*o)
	}
	idx.Remove("t07")
	idx.Upsert(*opps[7])
	if got := ids(idx.Rank(profile(), now, 5)); !slices.Equal(got, want) {
		t.Errorf("index: got %v, want %v", got, want)
	}
}

func TestReasons(t *testing.T) {
	o := opp("a", at(2), interests("climate", "animals"),
		weekly(WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}),
		func(o *Opportunity) { o.MaxAge = 25 })
	p := profile(func(p *Profile) {
		p.Interests = []string{"animals", "climate"}
		p.Slots = []string{"sat_morning"}
		p.Group = WithFriend
		p.Commitment = OneOff
	})
	got := Rank(p, []*Opportunity{o}, now, 1)
	if len(got) != 1 {
		t.Fatal("not suggested")
	}
	s := got[0]
	want := []Reason{
		{Kind: ReasonInterest, Interest: "climate"},
		{Kind: ReasonInterest, Interest: "animals"},
		{Kind: ReasonNear, DistanceKm: s.DistanceKm},
		{Kind: ReasonTime, Slot: "sat_morning"},
		{Kind: ReasonGroup},
		{Kind: ReasonCommitment},
		{Kind: ReasonAge},
	}
	if !reflect.DeepEqual(s.Reasons, want) {
		t.Errorf("reasons\n got %+v\nwant %+v", s.Reasons, want)
	}
	if s.DistanceKm < 1.9 || s.DistanceKm > 2.1 {
		t.Errorf("distance %.2f km, want about 2", s.DistanceKm)
	}

	online := Rank(p, []*Opportunity{opp("b", func(o *Opportunity) { o.Place = Place{Online: true} })}, now, 1)
	if len(online) != 1 || online[0].DistanceKm != -1 || online[0].Reasons[1].Kind != ReasonOnline {
		t.Errorf("online: got %+v", online)
	}
}

func TestCommitmentAndGroupFit(t *testing.T) {
	recurring := opp("recurring", func(o *Opportunity) { o.Commitment = Recurring })
	oneOff := opp("oneoff", at(3))
	p := profile(func(p *Profile) { p.Commitment = OneOff })
	if got := ids(Rank(p, []*Opportunity{recurring, oneOff}, now, 2)); got[0] != "oneoff" {
		t.Errorf("commitment: got %v, want oneoff first", got)
	}

	team := opp("team", func(o *Opportunity) { o.GroupSize = 10 })
	solo := opp("solo", at(3), func(o *Opportunity) { o.GroupSize = 1 })
	p = profile(func(p *Profile) { p.Group = Alone })
	if got := ids(Rank(p, []*Opportunity{team, solo}, now, 2)); got[0] != "solo" {
		t.Errorf("alone: got %v, want solo first", got)
	}
}

func TestIndex(t *testing.T) {
	ix := NewIndex()
	o := opp("a")
	ix.Upsert(*o)
	ix.Upsert(*opp("b"))
	ix.Upsert(Opportunity{Title: "no id"})
	if ix.Len() != 2 {
		t.Fatalf("Len = %d, want 2", ix.Len())
	}

	// The index keeps its own copy.
	o.Interests[0] = "climate"
	if got, _ := ix.Get("a"); got.Interests[0] != "animals" {
		t.Errorf("stored opportunity changed with the caller's: %v", got.Interests)
	}

	ix.Upsert(*opp("a", func(o *Opportunity) { o.Published = false }))
	if got := ids(ix.Rank(profile(), now, 3)); !slices.Equal(got, []string{"b"}) {
		t.Errorf("after unpublishing a: got %v", got)
	}
	ix.Remove("b")
	ix.Remove("missing")
	if _, ok := ix.Get("b"); ok || ix.Len() != 1 {
		t.Errorf("after Remove: Len = %d, b present = %v", ix.Len(), ok)
	}
	if got := ix.Rank(profile(), now, 3); len(got) != 0 {
		t.Errorf("got %v, want nothing", ids(got))
	}
	if got, ok := ix.Get("a"); !ok || got.Published {
		t.Errorf("Get(a) = %v, %v", got, ok)
	}
}

func TestIndexConcurrent(t *testing.T) {
	ix := NewIndex()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 200 {
				id := fmt.Sprintf("w%d-%d", w, i%20)
				ix.Upsert(*opp(id, at(float64(i%10))))
				if i%3 == 0 {
					ix.Remove(id)
				}
				ix.Rank(profile(), now.Add(time.Duration(i)*time.Minute), 3)
			}
		})
	}
	wg.Wait()
	if ix.Len() > 80 {
		t.Errorf("Len = %d, want at most 80", ix.Len())
	}
}

func TestResponsiveOrganisationsAreGentlyFavoured(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	mk := func(id, org string) Opportunity {
		return Opportunity{ID: id, OrganisationID: org, Organisation: org, Title: id, Interests: []string{"animals"},
			Schedule: Schedule{Kind: ScheduleFlexible}, Commitment: OneOff, MinAge: 13, GroupSize: 2, Published: true,
			Place: Place{Online: true}}
	}
	ix := NewIndex()
	ix.Upsert(mk("a", "org-quiet"))
	ix.Upsert(mk("b", "org-answers"))
	p := Profile{Age: 16, Interests: []string{"animals"}}
	first := func() string { return ix.Rank(p, now, 1)[0].Opportunity.ID }
	ix.SetResponsiveness(map[string]float64{"org-quiet": 0.003, "org-answers": 0.097}, 0.05)
	if got := first(); got != "b" {
		t.Errorf("with org-answers responsive, first = %s, want b", got)
	}
	ix.SetResponsiveness(map[string]float64{"org-quiet": 0.097}, 0.003)
	if got := first(); got != "a" {
		t.Errorf("with org-quiet responsive, first = %s, want a", got)
	}
	// Gently: a task that fits the wished commitment still wins over a
	// responsive organisation's task that does not.
	b := mk("b", "org-answers")
	b.Commitment = ShortTerm
	ix.Upsert(b)
	ix.Upsert(mk("c", "org-quiet"))
	ix.Remove("a")
	p.Commitment = OneOff
	ix.SetResponsiveness(map[string]float64{"org-quiet": 0, "org-answers": 0.1}, 0.05)
	if got := first(); got != "c" {
		t.Errorf("responsiveness outweighed a better fit: first = %s, want c", got)
	}
}
