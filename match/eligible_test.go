package match

import (
	"testing"
	"time"
)

func TestOpenTo(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	zero := 0
	base := Opportunity{ID: "o", Published: true, MinAge: 15}
	for _, tc := range []struct {
		name string
		edit func(*Opportunity)
		age  int
		want bool
	}{
		{"open", func(*Opportunity) {}, 16, true},
		{"unknown age counts as 15", func(*Opportunity) {}, 0, true},
		{"too young", func(*Opportunity) {}, 14, false},
		{"adults only", func(o *Opportunity) { o.MinAge = 18 }, 13, false},
		{"too old", func(o *Opportunity) { o.MaxAge = 25 }, 28, false},
		{"unpublished", func(o *Opportunity) { o.Published = false }, 16, false},
		{"no places left", func(o *Opportunity) { o.PlacesLeft = &zero }, 16, false},
		{"not started", func(o *Opportunity) { o.ActiveFrom = now.Add(48 * time.Hour) }, 16, false},
		{"ended", func(o *Opportunity) { o.ActiveTo = now.Add(-48 * time.Hour) }, 16, false},
		{"børneattest under 15", func(o *Opportunity) { o.MinAge, o.ChildCertificate = 13, true }, 14, false},
		{"børneattest from 15", func(o *Opportunity) { o.MinAge, o.ChildCertificate = 13, true }, 15, true},
	} {
		o := base
		tc.edit(&o)
		if got := OpenTo(&o, tc.age, now); got != tc.want {
			t.Errorf("%s: OpenTo(age %d) = %v, want %v", tc.name, tc.age, got, tc.want)
		}
	}
}
