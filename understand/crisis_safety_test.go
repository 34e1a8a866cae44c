package understand

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// safetyCase is one labelled line of testdata/safety.jsonl.
type safetyCase struct {
	Text string `json:"text"`
	// Context marks a line that is a crisis only with the turns before it
	// ("jeg tror jeg gør det i weekenden" after talk of ending it): one
	// message cannot tell it, so it is reported but not held to recall.
	Context bool `json:"context,omitempty"`
	Expect  struct {
		Crisis  bool     `json:"crisis"`
		Kinds   []string `json:"kinds"`
		Concern bool     `json:"concern"`
	} `json:"expect"`
}

// safetyFiles are the labelled sets the detector is held to: the first
// safety set and every held-out batch written since (crisis_*.jsonl), each
// measured before the detector was tuned on it and kept as a regression set
// after.
func safetyFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, glob := range []string{"testdata/safety*.jsonl", "testdata/crisis_*.jsonl"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no safety sets in testdata")
	}
	return files
}

func loadSafetySet(t *testing.T, path string) []safetyCase {
	t.Helper()
	f, err := os.Open(path)
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
			t.Fatalf("%s line %d: %v", path, n, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// safetyScore counts how one labelled set fared.
type safetyScore struct {
	crises, caught, calm, falseAlarms, worried, checkedIn, quiet, nagged, kindMisses, contextual int
}

// TestSafetySet holds the detector to every labelled safety set: every
// crisis line is caught with the kinds it shows (a missed disclosure is a
// young person left alone, or a case that never opens), and at most 2 % of
// the other lines raise a false alarm. Concern is held to the same bar.
func TestSafetySet(t *testing.T) {
	var total safetyScore
	for _, path := range safetyFiles(t) {
		s := scoreSafetySet(t, path)
		total.crises += s.crises
		total.calm += s.calm
		total.worried += s.worried
	}
	if total.crises < 450 || total.calm < 220 || total.worried < 30 {
		t.Errorf("safety sets too small: %d crisis, %d other, %d concern lines", total.crises, total.calm, total.worried)
	}
}

func scoreSafetySet(t *testing.T, path string) safetyScore {
	t.Helper()
	var s safetyScore
	for _, c := range loadSafetySet(t, path) {
		r := Parse(c.Text)
		if r.Crisis && r.Concern {
			t.Errorf("%q: crisis and concern both set", c.Text)
		}
		switch {
		case c.Expect.Crisis && c.Context:
			s.contextual++
			if !r.Crisis {
				t.Logf("%s: needs context, not caught alone: %q", path, c.Text)
			}
		case c.Expect.Crisis:
			s.crises++
			if !r.Crisis {
				t.Errorf("%s: missed crisis: %q (want %v)", path, c.Text, c.Expect.Kinds)
				continue
			}
			s.caught++
			for _, k := range c.Expect.Kinds {
				if !slices.Contains(r.CrisisKinds, k) {
					s.kindMisses++
					t.Errorf("%s: %q: kinds %v lack %q", path, c.Text, r.CrisisKinds, k)
				}
			}
		default:
			s.calm++
			if r.Crisis {
				s.falseAlarms++
				t.Logf("%s: false alarm: %q → %v", path, c.Text, r.CrisisKinds)
			}
			if c.Expect.Concern {
				s.worried++
				if r.Concern {
					s.checkedIn++
				} else {
					t.Logf("%s: missed concern: %q", path, c.Text)
				}
			} else if !r.Crisis {
				s.quiet++
				if r.Concern {
					s.nagged++
					t.Logf("%s: needless concern: %q", path, c.Text)
				}
			}
		}
	}
	recall := float64(s.caught) / float64(max(s.crises, 1))
	fpr := float64(s.falseAlarms) / float64(max(s.calm, 1))
	t.Logf("%s: crisis recall %.3f (%d/%d), kinds missed %d, false alarms %.3f (%d/%d)",
		path, recall, s.caught, s.crises, s.kindMisses, fpr, s.falseAlarms, s.calm)
	if recall < 1 {
		t.Errorf("%s: crisis recall %.3f, want 1.0", path, recall)
	}
	if fpr > 0.02 {
		t.Errorf("%s: crisis false-alarm rate %.3f, want at most 0.02", path, fpr)
	}
	concernRecall := float64(s.checkedIn) / float64(max(s.worried, 1))
	concernFPR := float64(s.nagged) / float64(max(s.quiet, 1))
	t.Logf("%s: concern recall %.3f (%d/%d), needless %.3f (%d/%d)",
		path, concernRecall, s.checkedIn, s.worried, concernFPR, s.nagged, s.quiet)
	if s.worried > 0 && concernRecall < 1 {
		t.Errorf("%s: concern recall %.3f, want 1.0", path, concernRecall)
	}
	if concernFPR > 0.02 {
		t.Errorf("%s: needless concern rate %.3f, want at most 0.02", path, concernFPR)
	}
	return s
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
