package followups_test

import (
	"testing"
	"time"

	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
)

func cph(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, match.Copenhagen)
	if err != nil {
		panic(err)
	}
	return t
}

func lead(band, commitment string, start string) leads.Lead {
	l := leads.Lead{ID: "l1", OpportunityID: "o1", Commitment: commitment, Shared: leads.Shared{AgeBand: band}}
	if start != "" {
		s, e := cph(start), cph(start).Add(2*time.Hour)
		l.FirstStep = &leads.FirstStep{What: "Kom til en prøvetur", StartsAt: &s, EndsAt: &e}
	}
	return l
}

// TestPlanKeepsQuietHours follows one story for a 16-year-old and a
// 25-year-old: a lead sent on Tuesday at 20:30 for a weekly task whose
// first session is Wednesday at 17. The reminder the day before falls in
// the 16-year-old's quiet hours (20–08) and waits for Wednesday morning;
// the 25-year-old's quiet hours begin at 21, so theirs comes at once.
func TestPlanKeepsQuietHours(t *testing.T) {
	sent := cph("2027-03-02 20:30")
	for _, c := range []struct {
		band string
		want map[string]string
	}{
		{match.Band15to17, map[string]string{followups.Before: "2027-03-03 08:00", followups.After: "2027-03-04 16:00", followups.Belong: "2027-03-31 16:00"}},
		{match.Band25to30, map[string]string{followups.Before: "2027-03-02 20:30", followups.After: "2027-03-04 16:00", followups.Belong: "2027-03-31 16:00"}},
	} {
		got := map[string]string{}
		for _, p := range followups.Plan(lead(c.band, match.Recurring, "2027-03-03 17:00"), sent) {
			got[p.Kind] = p.DueAt.In(match.Copenhagen).Format("2006-01-02 15:04")
			if followups.Quiet(p.DueAt, followups.Minor(c.band)) {
				t.Errorf("%s: %s check-in planned in quiet hours at %s", c.band, p.Kind, got[p.Kind])
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: planned %v, want %v", c.band, got, c.want)
		}
		for kind, want := range c.want {
			if got[kind] != want {
				t.Errorf("%s: %s at %s, want %s", c.band, kind, got[kind], want)
			}
		}
	}
}

func TestPlan(t *testing.T) {
	sent := cph("2027-03-02 10:00")
	kinds := func(ps []followups.Planned) map[string]string {
		out := map[string]string{}
		for _, p := range ps {
			out[p.Kind] = p.DueAt.In(match.Copenhagen).Format("2006-01-02 15:04")
		}
		return out
	}
	for _, c := range []struct {
		name string
		l    leads.Lead
		want map[string]string
	}{
		{"a one-off task has no belonging check-in", lead(match.Band18to24, match.OneOff, "2027-03-06 10:00"),
			map[string]string{followups.Before: "2027-03-05 16:00", followups.After: "2027-03-07 16:00"}},
		{"a first step in a few hours needs no reminder", lead(match.Band18to24, match.Recurring, "2027-03-02 17:00"),
			map[string]string{followups.After: "2027-03-03 16:00", followups.Belong: "2027-03-30 16:00"}},
		{"a first step without a date is asked about after a week", lead(match.Band13to14, match.OneOff, ""),
			map[string]string{followups.After: "2027-03-09 16:00"}},
	} {
		if got := kinds(followups.Plan(c.l, sent)); len(got) != len(c.want) || func() bool {
			for k, v := range c.want {
				if got[k] != v {
					return true
				}
			}
			return false
		}() {
			t.Errorf("%s: planned %v, want %v", c.name, got, c.want)
		}
	}
}

func TestQuietHours(t *testing.T) {
	for _, c := range []struct {
		at     string
		minor  bool
		quiet  bool
		morrow string
	}{
		{"2027-03-02 19:59", true, false, "2027-03-02 19:59"},
		{"2027-03-02 20:00", true, true, "2027-03-03 08:00"},
		{"2027-03-02 20:30", false, false, "2027-03-02 20:30"},
		{"2027-03-02 21:00", false, true, "2027-03-03 08:00"},
		{"2027-03-03 07:59", false, true, "2027-03-03 08:00"},
		{"2027-03-03 08:00", true, false, "2027-03-03 08:00"},
		// Summer time: still 08:00 Danish time.
		{"2027-07-01 23:00", true, true, "2027-07-02 08:00"},
	} {
		at := cph(c.at)
		if got := followups.Quiet(at, c.minor); got != c.quiet {
			t.Errorf("Quiet(%s, minor %v) = %v", c.at, c.minor, got)
		}
		if got := followups.NextAllowed(at, c.minor).In(match.Copenhagen).Format("2006-01-02 15:04"); got != c.morrow {
			t.Errorf("NextAllowed(%s, minor %v) = %s, want %s", c.at, c.minor, got, c.morrow)
		}
	}
	if followups.Minor(match.Band18to24) || !followups.Minor(match.Band15to17) || !followups.Minor("") {
		t.Error("Minor: 18-24 is an adult; 15-17 and an unknown band are minors")
	}
}
