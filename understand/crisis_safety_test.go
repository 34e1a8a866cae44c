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

// TestCrisisKindsAll holds messages that show more than one kind: every
// kind is reported, most urgent first, so that a disclosure of abuse still
// opens a safeguarding case when the message also speaks of suicide or
// danger.
func TestCrisisKindsAll(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"min far slår mig og jeg tør ikke tage hjem", []string{KindDanger, KindViolence}},
		{"min far slår mig og jeg vil ikke leve mere", []string{KindSuicide, KindViolence}},
		{"my stepdad hits me and im scared to go home", []string{KindDanger, KindViolence}},
		{"min onkel gør ting ved mig og jeg vil bare dø", []string{KindSuicide, KindSexualAbuse}},
		{"han truer med at dele mine nudes og jeg vil ikke leve mere", []string{KindSuicide, KindGrooming}},
		{"min stedfar slog mig og smed mig ud og jeg har intet sted at sove i nat", []string{KindViolence, KindHomeless}},
		{"jeg kaster op efter hvert måltid og skærer i mig selv", []string{KindSelfHarm, KindEatingDisorder}},
		{"mor er altid fuld og der er ingen mad derhjemme og hun slår mig", []string{KindViolence, KindNeglect}},
	}
	for _, tt := range tests {
		r := Parse(tt.text)
		for _, k := range tt.want {
			if !slices.Contains(r.CrisisKinds, k) {
				t.Errorf("Parse(%q).CrisisKinds = %v, lacks %q", tt.text, r.CrisisKinds, k)
			}
		}
		if !r.Crisis || len(r.CrisisKinds) == 0 || r.CrisisKind != r.CrisisKinds[0] {
			t.Errorf("Parse(%q): crisis %v kind %q kinds %v", tt.text, r.Crisis, r.CrisisKind, r.CrisisKinds)
			continue
		}
		for i := 1; i < len(r.CrisisKinds); i++ {
			if crisisOrder(r.CrisisKinds[i-1]) >= crisisOrder(r.CrisisKinds[i]) {
				t.Errorf("Parse(%q).CrisisKinds = %v, not most urgent first", tt.text, r.CrisisKinds)
			}
		}
		if r.Concern {
			t.Errorf("Parse(%q): concern set beside crisis", tt.text)
		}
	}
}

// TestConcern holds the second tier: distress without a clear sign gets a
// check-in, while small talk, idioms and wishes to help others get nothing.
func TestConcern(t *testing.T) {
	for _, text := range []string{
		"jeg har det virkelig dårligt", "ingen kan lide mig", "jeg er så ensom", "I'm not okay",
		"everything is too much", "jeg græder hver dag", "har det skidt for tiden", "nobody likes me",
	} {
		if r := Parse(text); !r.Concern || r.Crisis {
			t.Errorf("Parse(%q): concern %v crisis %v, want concern only", text, r.Concern, r.Crisis)
		}
	}
	for _, text := range []string{
		"jeg har det fint", "dårlig dag i skolen haha", "træt i dag", "jeg har det lidt skidt, er forkølet",
		"I'm not okay with working on Sundays", "jeg vil gerne være frivillig i Livslinien",
		"jeg vil gerne hjælpe unge der har det svært", "I want to volunteer at a suicide hotline",
		"jeg vil støtte børn der er udsat for vold", "jeg er ked af at jeg ikke kan komme",
		"min mormor døde sidste år", "jeg dør af grin",
	} {
		if r := Parse(text); r.Concern || r.Crisis {
			t.Errorf("Parse(%q): concern %v crisis %v %v, want neither", text, r.Concern, r.Crisis, r.CrisisKinds)
		}
	}
}

func TestSafeguardingKind(t *testing.T) {
	for _, k := range CrisisKindOrder {
		want := k != KindSuicide && k != KindSelfHarm && k != KindDanger && k != KindEatingDisorder
		if SafeguardingKind(k) != want {
			t.Errorf("SafeguardingKind(%q) = %v, want %v", k, !want, want)
		}
	}
	if SafeguardingKind("") || SafeguardingKind("volunteering") {
		t.Error("SafeguardingKind accepts a non-kind")
	}
}
