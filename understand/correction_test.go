package understand

import (
	"reflect"
	"slices"
	"testing"
)

// TestCorrection: a correction replaces, an addition adds.
func TestCorrection(t *testing.T) {
	tests := []struct {
		text      string
		interests []string
		not       []string
		slots     []string
		age       int
	}{
		{text: "nej faktisk hellere noget med musik", interests: []string{"culture_arts"}},
		{text: "nej fakisk helere noget med musik", interests: []string{"culture_arts"}},
		{text: "nej hellere musik", interests: []string{"culture_arts"}},
		{text: "ikke sport alligevel", not: []string{"sports"}},
		{text: "ikke sport aligevel", not: []string{"sports"}},
		{text: "jeg mente lørdag ikke søndag", slots: days("sat", allParts3...)},
		{text: "jeg mente lordag ikke sondag", slots: days("sat", allParts3...)},
		{text: "no actually I'd rather do something with animals", interests: []string{"animals"}},
		{text: "actually, I'm 17", age: 17},
		{text: "nej faktisk 17", age: 17},
		{text: "sorry I meant 16", age: 16},
		{text: "dyr i stedet for sport", interests: []string{"animals"}, not: []string{"sports"}},
		{text: "I've changed my mind, animals instead", interests: []string{"animals"}},
		{text: "ikke mere sport", not: []string{"sports"}},
		{text: "faktisk kan jeg ikke om mandagen", slots: days("tue,wed,thu,fri,sat,sun", allParts3...)},
	}
	for _, tt := range tests {
		r := Parse(tt.text)
		if !r.Correction {
			t.Errorf("Parse(%q).Correction = false, want true", tt.text)
		}
		if slices.Contains(r.Intents, "no") {
			t.Errorf("Parse(%q).Intents = %v: a correction's nej is no answer", tt.text, r.Intents)
		}
		if tt.interests != nil && !reflect.DeepEqual(r.Interests, tt.interests) {
			t.Errorf("Parse(%q).Interests = %v, want %v", tt.text, r.Interests, tt.interests)
		}
		if !reflect.DeepEqual(r.NotInterests, tt.not) {
			t.Errorf("Parse(%q).NotInterests = %v, want %v", tt.text, r.NotInterests, tt.not)
		}
		if tt.slots != nil && !reflect.DeepEqual(r.Slots, sortSlots(tt.slots)) {
			t.Errorf("Parse(%q).Slots = %v, want %v", tt.text, r.Slots, sortSlots(tt.slots))
		}
		if tt.age != 0 && r.Age != tt.age {
			t.Errorf("Parse(%q).Age = %d, want %d", tt.text, r.Age, tt.age)
		}
	}
}

// TestNoCorrection: adding, politeness and corrections without content.
func TestNoCorrection(t *testing.T) {
	for _, text := range []string{
		"og også dyr", "and also animals", "dyr", "tak alligevel", "thanks anyway", "nej tak",
		"hellere", "I would rather not say", "jeg kan heller ikke lide sport", "jeg har allerede sagt dyr",
		"I actually love animals", "nej", "no",
	} {
		if r := Parse(text); r.Correction {
			t.Errorf("Parse(%q).Correction = true, want false", text)
		}
	}
	// a plain "nej" still answers the bot
	if got := Parse("nej, jeg er 17").Intents; !slices.Contains(got, "no") {
		t.Errorf(`Parse("nej, jeg er 17").Intents = %v, want "no"`, got)
	}
}

func TestNotInterests(t *testing.T) {
	tests := []struct {
		text      string
		not       []string
		interests []string
	}{
		{"ikke noget med blod", []string{"health_firstaid"}, nil},
		{"ikke noget med blod tak, hellere dyr", []string{"health_firstaid"}, []string{"animals"}},
		{"jeg kan ikke tåle blod", []string{"health_firstaid"}, nil},
		{"jeg kan ikke tale blod", []string{"health_firstaid"}, nil},
		{"I can't stand blood", []string{"health_firstaid"}, nil},
		{"ikke børn", []string{"children_youth"}, nil},
		{"ikke born", []string{"children_youth"}, nil},
		{"ikke sport, men gerne dyr", []string{"sports"}, []string{"animals"}},
		{"hverken sport eller musik", []string{"sports", "culture_arts"}, nil},
		{"jeg hader fodbold", []string{"sports"}, nil},
		{"sport er ikke noget for mig", []string{"sports"}, nil},
		{"kids aren't really my thing", []string{"children_youth"}, nil},
		{"hellere dyr end børn", []string{"children_youth"}, []string{"animals"}},
		{"I'd rather work with animals than kids", []string{"children_youth"}, []string{"animals"}},
		{"jeg er allergisk over for katte", []string{"animals"}, nil},
		{"jeg er bange for hunde", []string{"animals"}, nil},
		{"not into sports", []string{"sports"}, nil},
		// a wish and a ruling-out of the same interest: the wish stands
		{"sport ja, men ikke fodbold", nil, []string{"sports"}},
		// experience, doubt and "not only" rule nothing out
		{"I've never worked with animals", nil, nil},
		{"jeg har aldrig prøvet sport", nil, []string{"sports"}},
		{"ikke kun dyr", nil, []string{"animals"}},
		{"jeg ved ikke, måske noget med natur", nil, []string{"nature"}},
		{"jeg har ingen erfaring med dyr men vil gerne", nil, []string{"animals"}},
		{"blod", nil, nil},
		{"jeg vil gerne være bloddonor", nil, []string{"health_firstaid"}},
	}
	for _, tt := range tests {
		r := Parse(tt.text)
		if !reflect.DeepEqual(r.NotInterests, tt.not) {
			t.Errorf("Parse(%q).NotInterests = %v, want %v", tt.text, r.NotInterests, tt.not)
		}
		want := tt.interests
		if want == nil {
			want = []string{}
		}
		if !reflect.DeepEqual(r.Interests, want) {
			t.Errorf("Parse(%q).Interests = %v, want %v", tt.text, r.Interests, want)
		}
	}
}

func TestGroupAge(t *testing.T) {
	tests := []struct {
		text  string
		age   int
		group string
	}{
		{"vi er begge 17", 17, "with_friend"},
		{"vi er begge to 17 år gamle", 17, "with_friend"},
		{"vi er 16 og 17", 16, ""},
		{"vi er 17 og 16 år", 16, ""},
		{"vi er 15-16 år", 15, ""},
		{"min veninde og jeg er 15", 15, "with_friend"},
		{"jeg og min ven er 16", 16, "with_friend"},
		{"we're both 19", 19, "with_friend"},
		{"we are both 19 years old", 19, "with_friend"},
		{"me and my friend are 17", 17, "with_friend"},
		{"my friend and I are 18", 18, "with_friend"},
		{"begge 17", 17, ""},
		{"both 19", 19, ""},
		{"vi er to på 16", 16, "with_friend"},
		{"jeg er 16 og hun er 17", 16, ""},
		{"vi er 16", 16, ""},
		// head counts, clock times and other people are no age
		{"vi er 3 venner", 0, "group"},
		{"vi er 4", 0, "group"},
		{"vi er 15 personer", 0, "group"},
		{"kl 17", 0, ""},
		{"vi mødes kl 17", 0, ""},
		{"vi er der til kl 17", 0, ""},
		{"min bror og hans ven er 12", 0, ""},
		{"vi er 2300", 0, ""},
	}
	for _, tt := range tests {
		r := Parse(tt.text)
		if r.Age != tt.age {
			t.Errorf("Parse(%q).Age = %d, want %d", tt.text, r.Age, tt.age)
		}
		if tt.group != "" && r.Group != tt.group {
			t.Errorf("Parse(%q).Group = %q, want %q", tt.text, r.Group, tt.group)
		}
	}
}

func TestUnavailableTimes(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"dødtræt efter skole men har tid i weekenden", days("sat,sun", allParts3...)},
		{"dodtraet efter skole men har tid i weekenden", days("sat,sun", allParts3...)},
		{"efter skole er jeg dødtræt, men weekender er fine", days("sat,sun", allParts3...)},
		{"jeg har travlt på hverdage, fri i weekenden", days("sat,sun", allParts3...)},
		{"ikke om mandagen", days("tue,wed,thu,fri,sat,sun", allParts3...)},
		{"kan ikke om aftenen", days(week, "morning", "afternoon")},
		{"hverdage men kan ikke om aftenen", days(workWeek, "morning", "afternoon")},
		{"mandage passer ikke", days("tue,wed,thu,fri,sat,sun", allParts3...)},
		{"weekends don't work for me", days(workWeek, allParts3...)},
		{"not on mondays", days("tue,wed,thu,fri,sat,sun", allParts3...)},
		{"jeg arbejder mandag og tirsdag", days("wed,thu,fri,sat,sun", allParts3...)},
		{"jeg spiller fodbold tirsdag og torsdag, så de dage kan jeg ikke", days("mon,wed,fri,sat,sun", allParts3...)},
		{"mondays, I can't do those", days("tue,wed,thu,fri,sat,sun", allParts3...)},
		{"lørdag, det er fint", days("sat", allParts3...)},
		// "ikke" elsewhere leaves the times alone
		{"ikke noget med børn, men gerne lørdag", days("sat", allParts3...)},
		{"jeg kan ikke vente til lørdag", days("sat", allParts3...)},
		{"jeg har ikke noget imod weekender", days("sat,sun", allParts3...)},
		{"jeg er træt af at sidde derhjemme i weekenden", days("sat,sun", allParts3...)},
		{"jeg ved ikke om lørdag passer", days("sat", allParts3...)},
		{"jeg kan godt arbejde om aftenen", days(week, "evening")},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Slots; !reflect.DeepEqual(got, sortSlots(tt.want)) {
			t.Errorf("Parse(%q).Slots = %v, want %v", tt.text, got, sortSlots(tt.want))
		}
	}
}

func TestExcludedSlots(t *testing.T) {
	tests := []struct {
		text string
		want []string
		only bool
	}{
		{"ikke om mandagen", days("mon", allParts3...), true},
		{"kan ikke om aftenen", days(week, "evening"), true},
		{"hverdage men kan ikke om aftenen", days(week, "evening"), false},
		{"lørdag", []string{}, false},
		{"hej", []string{}, false},
	}
	for _, tt := range tests {
		got, only := ExcludedSlots(tt.text)
		if !reflect.DeepEqual(got, sortSlots(tt.want)) || only != tt.only {
			t.Errorf("ExcludedSlots(%q) = %v, %v; want %v, %v", tt.text, got, only, sortSlots(tt.want), tt.only)
		}
	}
}

func TestVagueTime(t *testing.T) {
	tests := []struct {
		text, want, commitment string
	}{
		{"om sommeren", "season", ""},
		{"om sommern", "", ""},
		{"i sommerferien", "season", ""},
		{"i sommerferien", "season", ""},
		{"in the summer", "season", ""},
		{"i juli", "season", ""},
		{"i juleferien", "season", ""},
		{"over the summer", "season", "short_term"},
		{"hver uge i sommerferien", "season", "short_term"},
		{"nogle gange", "sometimes", ""},
		{"nogen gange", "sometimes", ""},
		{"engang imellem", "sometimes", ""},
		{"af og til", "sometimes", ""},
		{"sometimes", "sometimes", ""},
		{"once in a while", "sometimes", ""},
		{"senere", "later", ""},
		{"måske senere", "later", ""},
		{"efter eksamen", "later", ""},
		{"later", "later", ""},
		{"next year", "later", ""},
		{"når jeg har tid", "when_free", ""},
		{"naar jeg har tid", "when_free", ""},
		{"when I'm free", "when_free", ""},
		{"whenever I have time", "when_free", ""},
		// no vague time
		{"senere end kl 17", "", ""},
		{"ikke om sommeren", "", ""},
		{"i sommers var jeg spejder", "", ""},
		{"lørdag", "", ""},
		{"I may help", "", ""},
		{"hvis jeg kan tage min veninde med", "", ""},
	}
	for _, tt := range tests {
		r := Parse(tt.text)
		if r.VagueTime != tt.want {
			t.Errorf("Parse(%q).VagueTime = %q, want %q", tt.text, r.VagueTime, tt.want)
		}
		if r.Commitment != tt.commitment {
			t.Errorf("Parse(%q).Commitment = %q, want %q", tt.text, r.Commitment, tt.commitment)
		}
		if tt.want != "" && tt.text != "over the summer" && len(r.Slots) > 0 {
			t.Errorf("Parse(%q).Slots = %v: a vague time is no guess at slots", tt.text, r.Slots)
		}
	}
	// a vague time beside weekly times keeps the times
	if r := Parse("om aftenen nogle gange"); r.VagueTime != "sometimes" || len(r.Slots) != 7 {
		t.Errorf(`Parse("om aftenen nogle gange") = %q, %v`, r.VagueTime, r.Slots)
	}
	if r := Parse("whenever"); len(r.Slots) != 21 || r.VagueTime != "" {
		t.Errorf(`Parse("whenever") = %q, %v; want every slot`, r.VagueTime, r.Slots)
	}
}

// TestTownNamesAreNotInterests: "Horsens" is a town, not horses.
func TestTownNamesAreNotInterests(t *testing.T) {
	for text, want := range map[string][]string{
		"jeg bor i Horsens":                       {},
		"bor i Horsens og vil gerne besøge ældre": {"elderly"},
		"jeg elsker heste":                        {"animals"},
	} {
		if got := Parse(text).Interests; !slices.Equal(got, want) {
			t.Errorf("Parse(%q).Interests = %v, want %v", text, got, want)
		}
	}
}
