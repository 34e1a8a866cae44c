package schools

import (
	"testing"
	"time"
)

func TestSchoolDay(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for s, want := range map[string]bool{
		"2026-12-31": false, // New Year's Eve, in the Christmas holiday
		"2026-12-18": true,  // the last Friday before Christmas
		"2027-01-04": true,  // back after New Year
		"2027-02-17": false, // winter break, week 7
		"2027-03-22": false, // Monday before Easter (Easter Sunday 28 March 2027)
		"2027-03-29": false, // Easter Monday
		"2027-03-30": true,
		"2027-05-06": false, // Ascension Day
		"2027-05-07": false, // the Friday after
		"2027-05-17": false, // Whit Monday
		"2027-07-15": false, // summer
		"2027-08-10": true,
		"2027-10-20": false, // autumn break, week 42
		"2027-11-06": false, // a Saturday
		"2027-11-08": true,
	} {
		if got := SchoolDay(day(s)); got != want {
			t.Errorf("SchoolDay(%s) = %v, want %v", s, got, want)
		}
	}
	for y, want := range map[int]string{2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16"} {
		if got := Easter(y).Format("2006-01-02"); got != want {
			t.Errorf("Easter(%d) = %s, want %s", y, got, want)
		}
	}
}
