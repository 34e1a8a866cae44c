package catalog_test

import (
	"testing"
	"time"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
)

// classSize is the largest class a teacher plans for: a Danish class has
// at most 28 pupils, 30 by exception.
const classSize = 30

// classSlots are the school day: a class goes out on a weekday morning or
// early afternoon.
var classSlots = []string{
	"mon_morning", "tue_morning", "wed_morning", "thu_morning", "fri_morning",
	"mon_afternoon", "tue_afternoon", "wed_afternoon", "thu_afternoon", "fri_afternoon",
}

// isClassOuting tells the sample's class outings apart: a whole class at
// once, once, at a place, on days of its own that all fall in the school
// day (a weekday between 8 and 15), which is when a class can go.
func isClassOuting(o match.Opportunity) bool {
	w := o.FirstStep.WayIn
	if o.GroupSize < classSize || o.Place.Online || o.Commitment != match.OneOff || len(w.Weekly)+len(w.Monthly)+len(w.Dates) == 0 {
		return false
	}
	for _, s := range w.Weekly {
		if s.Day == "sat" || s.Day == "sun" || s.Start < "08:00" || s.End > "15:00" {
			return false
		}
	}
	for _, s := range w.Monthly {
		if s.Day == "sat" || s.Day == "sun" || s.Start < "08:00" || s.End > "15:00" {
			return false
		}
	}
	for _, e := range w.Dates {
		start, end := e.Start.In(match.Copenhagen), e.End.In(match.Copenhagen)
		if start.Weekday() == time.Saturday || start.Weekday() == time.Sunday || start.Hour() < 8 ||
			end.YearDay() != start.YearDay() || end.Hour()*60+end.Minute() > 15*60 {
			return false
		}
	}
	return true
}

// TestSampleClassOutings: a teacher anywhere the sample has opportunities
// finds at least three class outings in the municipality, about different
// things, each valid, for 13-year-olds, and each with a first step the
// class can book on a school day within the next four months. Together
// they cover every interest, and a class asking for the school day gets
// three cards that take the whole class.
func TestSampleClassOutings(t *testing.T) {
	_, opps := loadSample(t)
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, cph)
	class := match.Profile{Age: catalog.MinAge, Slots: classSlots, Group: match.Group, GroupSize: classSize}

	outings := map[string][]match.Opportunity{}
	municipalities := map[string]bool{}
	interests := map[string]bool{}
	for _, o := range opps {
		if o.Place.Online {
			continue
		}
		municipalities[o.Place.Municipality] = true
		if !isClassOuting(o) {
			continue
		}
		if o.MinAge > catalog.MinAge || o.ChildCertificate {
			t.Errorf("%s: a class outing must take 13-year-olds without a child certificate (min_age %d, child_certificate %v)", o.ID, o.MinAge, o.ChildCertificate)
		}
		outings[o.Place.Municipality] = append(outings[o.Place.Municipality], o)
		for _, i := range o.Interests {
			interests[i] = true
		}
		if err := catalog.Validate(o); err != nil {
			t.Errorf("%s: %v", o.ID, err)
		}
		if !catalog.HasDatedWayIn(o) {
			t.Errorf("%s: no dated way in", o.ID)
		}
		if o.MinGroupSize < 2 {
			t.Errorf("%s: a class outing with min_group_size %d would be offered to a young person alone", o.ID, o.MinGroupSize)
		}
		if o.GroupSize > 35 {
			t.Errorf("%s: group_size %d, want a class of 25-35", o.ID, o.GroupSize)
		}
		if o.PlacesLeft != nil && *o.PlacesLeft < o.GroupSize {
			t.Errorf("%s: %d places left, fewer than the class of %d it says it takes", o.ID, *o.PlacesLeft, o.GroupSize)
		}
		if o.En == nil || o.En.Title == "" || o.En.Summary == "" || o.En.FirstStepWhat == "" {
			t.Errorf("%s: class outing without English text", o.ID)
		}
		st, ok := match.FirstStepTime(&o, class, now)
		if !ok {
			t.Errorf("%s: no first step for a class", o.ID)
			continue
		}
		start := st.Start.In(cph)
		if st.OtherTime {
			t.Errorf("%s: first step %s is outside the school day", o.ID, start.Format("Mon 2006-01-02 15:04"))
		}
		if start.After(now.AddDate(0, 4, 0)) {
			t.Errorf("%s: first step %s is more than four months away", o.ID, start.Format("2006-01-02"))
		}
	}
	if len(municipalities) < 22 {
		t.Fatalf("opportunities in only %d municipalities; the sample has changed shape", len(municipalities))
	}
	for m := range municipalities {
		main := map[string]bool{}
		for _, o := range outings[m] {
			main[o.Interests[0]] = true
		}
		if len(outings[m]) < 3 || len(main) < 3 {
			t.Errorf("%s: %d class outings about %d different things, want at least 3 about 3", m, len(outings[m]), len(main))
		}
	}
	for _, id := range catalog.InterestIDs {
		if !interests[id] {
			t.Errorf("no class outing is about %s", id)
		}
	}

	// Near the school: every big town has three within 10 km of its centre,
	// and a class there asking for the school day is shown three cards that
	// take the whole class.
	ptrs := make([]*match.Opportunity, len(opps))
	for i := range opps {
		ptrs[i] = &opps[i]
	}
	for _, town := range bigTowns {
		m, ok := geo.LookupMunicipality(town)
		if !ok {
			t.Fatalf("unknown municipality %s", town)
		}
		near := 0
		for _, list := range outings {
			for _, o := range list {
				if geo.DistanceKm(m.Lat, m.Lon, o.Place.Lat, o.Place.Lon) <= 10 {
					near++
				}
			}
		}
		if near < 3 {
			t.Errorf("%s: %d class outings within 10 km, want at least 3", town, near)
		}
		p := class
		p.HasLocation, p.Lat, p.Lon = true, m.Lat, m.Lon
		got := match.Rank(p, ptrs, now, 3)
		if len(got) < 3 {
			t.Errorf("%s: a class gets %d cards, want 3", town, len(got))
		}
		for _, s := range got {
			if !isClassOuting(*s.Opportunity) {
				t.Errorf("%s: a class of %d is shown %s, which takes %d", town, classSize, s.Opportunity.ID, s.Opportunity.GroupSize)
			}
		}
		// A class outing is planned for a class: a young person alone or
		// with four friends is never offered one, whatever they asked for.
		for _, who := range []match.Profile{{Group: match.Alone}, {Group: match.Group, GroupSize: 4}, {Group: match.WithFriend}} {
			who.Age, who.Slots, who.HasLocation, who.Lat, who.Lon = 16, classSlots, true, m.Lat, m.Lon
			for _, s := range match.Rank(who, ptrs, now, 20) {
				if s.Opportunity.MinGroupSize > 1 {
					t.Errorf("%s: %s (%d) is shown the class outing %s", town, who.Group, who.GroupSize, s.Opportunity.ID)
				}
			}
		}
	}
}
