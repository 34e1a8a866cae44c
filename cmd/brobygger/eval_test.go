package main

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

// TestEvalPersonasGetFittingDatedCards holds the suggestion quality the
// evaluation personas measured, so that a change to ranking, the catalog or
// the conversation cannot quietly make the cards worse: every first step
// dated, and cards about what the young person asked for.
func TestEvalPersonasGetFittingDatedCards(t *testing.T) {
	var out bytes.Buffer
	if err := runEval([]string{"-personas", "../../eval/personas.json", "-now", "2026-12-04T12:00:00+01:00"}, &out); err != nil {
		t.Fatal(err)
	}
	score := func(name string) float64 {
		m := regexp.MustCompile(`(?m)^` + name + `: ([0-9.]+)`).FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("no %s in:\n%s", name, out.String())
		}
		v, _ := strconv.ParseFloat(m[1], 64)
		return v
	}
	if got := score("dated"); got < 1 {
		t.Errorf("dated %.3f, want every first step dated\n%s", got, out.String())
	}
	if got := score("interest"); got < 0.8 {
		t.Errorf("interest %.3f, want at least 0.8\n%s", got, out.String())
	}
}

// TestSafetyScoresTheSet: the safety command catches every crisis line of
// the project's safety set without false alarms beyond 2 %.
func TestSafetyScoresTheSet(t *testing.T) {
	var out bytes.Buffer
	if err := runSafety([]string{"../../understand/testdata/safety.jsonl"}, &out); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`crisis recall: ([0-9.]+)[\s\S]*false alarms: ([0-9.]+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("unexpected output:\n%s", out.String())
	}
	recall, _ := strconv.ParseFloat(m[1], 64)
	alarms, _ := strconv.ParseFloat(m[2], 64)
	if recall < 1 || alarms > 0.02 {
		t.Errorf("recall %.3f, false alarms %.3f:\n%s", recall, alarms, out.String())
	}
}
