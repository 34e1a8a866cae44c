package flows

import (
	"strings"
	"testing"
	"time"
)

func TestOnboardingFlowIsValid(t *testing.T) {
	f, err := Load("onboarding", Requirements{Texts: []string{"greeting"}, Actions: []string{"start"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := f.Reply("age:15"); !ok {
		t.Error("reply age:15 not found")
	}
	if got := f.ReplyLabel("group:alone", "en"); got != "Alone is fine" {
		t.Errorf("label = %q", got)
	}
}

func TestValidationNamesFlowAndStep(t *testing.T) {
	good := `{"id":"f","version":1,"questions":[
	  {"id":"q_age","slot":"age","ask":{"da":"a","en":"a"},"retry":{"da":"r","en":"r"},"replies":[{"id":"x","label":{"da":"x","en":"x"},"value":"1"}]},
	  {"id":"q_int","slot":"interests","ask":{"da":"a","en":"a"},"retry":{"da":"r","en":"r"}},
	  {"id":"q_when","slot":"when","ask":{"da":"a","en":"a"},"retry":{"da":"r","en":"r"}},
	  {"id":"q_com","slot":"commitment","ask":{"da":"a","en":"a"},"retry":{"da":"r","en":"r"}},
	  {"id":"q_place","slot":"place","ask":{"da":"a","en":"a"},"retry":{"da":"r","en":"r"}},
	  {"id":"q_group","slot":"group","ask":{"da":"a","en":"a"},"retry":{"da":"r","en":"r"}}
	],"texts":{"hi":{"da":"hej","en":"hi"}},"actions":{}}`
	if _, err := Parse([]byte(good), Requirements{Texts: []string{"hi"}}); err != nil {
		t.Fatalf("valid flow rejected: %v", err)
	}
	cases := []struct {
		name, from, to, want string
		req                  Requirements
	}{
		{"duplicate step", `"id":"q_int"`, `"id":"q_age"`, "step q_age: duplicate step id", Requirements{}},
		{"unknown slot", `"slot":"group"`, `"slot":"shoe_size"`, `step q_group: unknown slot "shoe_size"`, Requirements{}},
		{"missing english", `"ask":{"da":"a","en":"a"},"retry":{"da":"r","en":"r"},"replies"`, `"ask":{"da":"a"},"retry":{"da":"r","en":"r"},"replies"`, `step q_age ask: missing "en" text`, Requirements{}},
		{"missing text", `"hi"`, `"bye"`, `missing text "hi"`, Requirements{Texts: []string{"hi"}}},
		{"unhandled reply", `"value":"1"`, `"value":"old"`, `step q_age: reply "x": not a number`,
			Requirements{CheckValue: func(slot, v string) error {
				if v == "old" {
					return errString("not a number")
				}
				return nil
			}}},
		{"slot never asked", `"slot":"group"`, `"slot":"age"`, `no step asks for slot "group"`, Requirements{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			broken := strings.Replace(good, tc.from, tc.to, 1)
			_, err := Parse([]byte(broken), tc.req)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "flow f") {
				t.Fatalf("err = %v, want it to name flow f and say %q", err, tc.want)
			}
		})
	}
}

type errString string

func (e errString) Error() string { return string(e) }

func TestHelplinesSayOpenOnlyWhenOpen(t *testing.T) {
	hs, err := LoadHelplines()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]Helpline{}
	for _, h := range hs {
		byID[h.ID] = h
	}
	for _, id := range []string{"alarm112", "boernetelefonen", "livslinien", "levudenvold", "headspace", "cyberhus"} {
		if _, ok := byID[id]; !ok {
			t.Errorf("helpline %s missing", id)
		}
	}
	cph, _ := time.LoadLocation("Europe/Copenhagen")
	ll := byID["livslinien"]
	cases := []struct {
		at   time.Time
		open bool
	}{
		{time.Date(2026, 11, 27, 10, 59, 0, 0, cph), false},
		{time.Date(2026, 11, 27, 11, 0, 0, 0, cph), true},
		{time.Date(2026, 11, 27, 23, 30, 0, 0, cph), true},
		{time.Date(2026, 11, 28, 4, 59, 0, 0, cph), true},
		{time.Date(2026, 11, 28, 5, 0, 0, 0, cph), false},
	}
	for _, tc := range cases {
		if got := ll.OpenAt(tc.at); got != tc.open {
			t.Errorf("Livslinien open at %s = %v, want %v", tc.at.Format("Mon 15:04"), got, tc.open)
		}
	}
	if byID["headspace"].OpenAt(time.Date(2026, 11, 27, 12, 0, 0, 0, cph)) {
		t.Error("a helpline without known hours must never be said to be open")
	}
	if d := ll.Describe("da", time.Date(2026, 11, 27, 9, 0, 0, 0, cph)); strings.Contains(d, "åben nu") {
		t.Errorf("closed helpline described as open: %s", d)
	}
}
