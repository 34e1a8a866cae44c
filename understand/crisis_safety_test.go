package understand

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// safetyCase is one labelled line of testdata/safety.jsonl.
type safetyCase struct {
	Text   string `json:"text"`
	Expect struct {
		Crisis  bool     `json:"crisis"`
		Kinds   []string `json:"kinds"`
		Concern bool     `json:"concern"`
	} `json:"expect"`
}

func loadSafetySet(t *testing.T) []safetyCase {
	t.Helper()
	f, err := os.Open("testdata/safety.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []safetyCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var c safetyCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("safety.jsonl line %d: %v", n, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// TestSafetySet holds the detector to the labelled safety set: every
// crisis line is caught with the kinds it shows (a missed disclosure is a
// young person left alone, or a case that never opens), and at most 2 % of
// the other lines raise a false alarm. Concern is held to the same bar.
func TestSafetySet(t *testing.T) {
	cases := loadSafetySet(t)
	var crises, caught, calm, falseAlarms, worried, checkedIn, quiet, nagged int
	for _, c := range cases {
		r := Parse(c.Text)
		if r.Crisis && r.Concern {
			t.Errorf("%q: crisis and concern both set", c.Text)
		}
		switch {
		case c.Expect.Crisis:
			crises++
			if !r.Crisis {
				t.Errorf("missed crisis: %q (want %v)", c.Text, c.Expect.Kinds)
				continue
			}
			caught++
			for _, k := range c.Expect.Kinds {
				if !slices.Contains(r.CrisisKinds, k) {
					t.Errorf("%q: kinds %v lack %q", c.Text, r.CrisisKinds, k)
				}
			}
		default:
			calm++
			if r.Crisis {
				falseAlarms++
				t.Logf("false alarm: %q → %v", c.Text, r.CrisisKinds)
			}
			if c.Expect.Concern {
				worried++
				if r.Concern {
					checkedIn++
				} else {
					t.Logf("missed concern: %q", c.Text)
				}
			} else if !r.Crisis {
				quiet++
				if r.Concern {
					nagged++
					t.Logf("needless concern: %q", c.Text)
				}
			}
		}
	}
	if crises < 450 || calm < 220 || worried < 30 {
		t.Errorf("safety set too small: %d crisis, %d other, %d concern lines", crises, calm, worried)
	}
	recall := float64(caught) / float64(crises)
	fpr := float64(falseAlarms) / float64(calm)
	t.Logf("crisis recall %.3f (%d/%d), false alarms %.3f (%d/%d)", recall, caught, crises, fpr, falseAlarms, calm)
	if recall < 1 {
		t.Errorf("crisis recall %.3f, want 1.0", recall)
	}
	if fpr > 0.02 {
		t.Errorf("crisis false-alarm rate %.3f, want at most 0.02", fpr)
	}
	concernRecall := float64(checkedIn) / float64(worried)
	concernFPR := float64(nagged) / float64(quiet)
	t.Logf("concern recall %.3f (%d/%d), needless %.3f (%d/%d)", concernRecall, checkedIn, worried, concernFPR, nagged, quiet)
	if concernRecall < 1 {
		t.Errorf("concern recall %.3f, want 1.0", concernRecall)
	}
	if concernFPR > 0.02 {
		t.Errorf("needless concern rate %.3f, want at most 0.02", concernFPR)
	}
}
