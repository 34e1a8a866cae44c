package schools

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/counts"
)

// TestNoSummaryRevealsASmallGroup counts many random classes and checks
// what a teacher could read from each summary: no shown count under
// MinCount, and no two shown counts whose difference is a group of one to
// four pupils (the pupils without an interest, or those who joined but did
// not reach suggestions).
func TestNoSummaryRevealsASmallGroup(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	interests := []string{"animals", "sports", "nature", "elderly"}
	slots := []string{"sat_morning", "mon_afternoon", "wed_evening"}
	small := func(d int) bool { return d > 0 && d < MinCount }
	shownClasses := 0
	for range 5000 {
		n := rng.IntN(40)
		var answers []bot.ClassAnswer
		for range n {
			a := bot.ClassAnswer{Suggested: rng.IntN(10) < 8}
			a.Chose = a.Suggested && rng.IntN(3) == 0
			for _, i := range interests {
				if rng.IntN(3) == 0 {
					a.Interests = append(a.Interests, i)
				}
			}
			for _, s := range slots {
				if rng.IntN(2) == 0 {
					a.Slots = append(a.Slots, s)
				}
			}
			answers = append(answers, a)
		}
		sum := summarise(answers, Session{}, time.Time{})
		var shown []int
		for _, p := range []*int{sum.Joined, sum.Suggested, sum.Chose} {
			if p != nil {
				shown = append(shown, *p)
			}
		}
		for i, a := range shown {
			if a < MinCount {
				t.Fatalf("%d pupils: a funnel count of %d shows", n, a)
			}
			for _, b := range shown[i+1:] {
				if small(a - b) {
					t.Fatalf("%d pupils: funnel counts %d and %d reveal a group of %d", n, a, b, a-b)
				}
			}
		}
		if sum.Joined != nil {
			shownClasses++
			if *sum.Joined != n {
				t.Fatalf("joined shows %d of %d", *sum.Joined, n)
			}
		}
		for _, cs := range [][]Count{sum.Interests, sum.Times} {
			for _, c := range cs {
				if c.Count == nil {
					continue
				}
				if *c.Count < MinCount || sum.Joined == nil || small(*sum.Joined-*c.Count) {
					t.Fatalf("%d pupils: %s shows %d beside joined %v", n, c.ID, *c.Count, sum.Joined)
				}
			}
		}
	}
	if shownClasses < 1000 {
		t.Fatalf("only %d of 5000 classes showed any total; the test checks too little", shownClasses)
	}
}

// TestProtectHidesTheSmallerOfTwoClosePartsOfAFunnel: three pupils joined
// without reaching suggestions; showing 27 and 24 would say so.
func TestProtectHidesTheSmallerOfTwoClosePartsOfAFunnel(t *testing.T) {
	got := counts.Protect(27, []int{24, 22}, true)
	if got[0] == nil || *got[0] != 27 || got[1] != nil || got[2] == nil || *got[2] != 22 {
		t.Fatalf("27 joined, 24 reached, 22 chose: got %v %v %v, want 27, hidden, 22", got[0], got[1], got[2])
	}
}

// TestThePlanIsForTheWholeClass: six pupils have joined when the teacher
// opens the plan; the outings must still take the class, as the teacher
// gave it or as a usual class when they did not.
func TestThePlanIsForTheWholeClass(t *testing.T) {
	six := make([]bot.ClassAnswer, 6)
	for _, c := range []struct {
		classSize, joined, want int
	}{{0, 6, bot.DefaultClassSize}, {18, 6, 18}, {18, 6 + 15, 21}} {
		answers := six
		for range c.joined - 6 {
			answers = append(answers, bot.ClassAnswer{})
		}
		if got := summarise(answers, Session{ClassSize: c.classSize}, time.Time{}).Size; got != c.want {
			t.Errorf("class size %d, %d joined: plan for %d, want %d", c.classSize, c.joined, got, c.want)
		}
	}
}
