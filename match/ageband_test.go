package match_test

import (
	"testing"

	"github.com/brobygger/brobygger/match"
)

func TestAgeBandsCoverThirteenToThirty(t *testing.T) {
	for age, want := range map[int]string{12: "", 13: "13-14", 14: "13-14", 15: "15-17", 17: "15-17", 18: "18-24",
		24: "18-24", 25: "25-30", 30: "25-30", 31: "", 0: ""} {
		if got := match.AgeBand(age); got != want {
			t.Errorf("AgeBand(%d) = %q, want %q", age, got, want)
		}
	}
}
