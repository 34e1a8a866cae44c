package catalog_test

import (
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
)

// wayIn sets o's way in.
func wayIn(kind string, weekly ...match.WeeklySession) func(*match.Opportunity) {
	return func(o *match.Opportunity) { o.FirstStep.WayIn = match.WayIn{Kind: kind, Weekly: weekly} }
}

func session(day, start, end string) match.WeeklySession {
	return match.WeeklySession{Day: day, Start: start, End: end}
}

// TestFirstStepAgreesWithItsTime: the first step's text may name a day,
// part of the day, clock time or date only when the way in keeps it.
func TestFirstStepAgreesWithItsTime(t *testing.T) {
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	wed9Dec := match.Event{Start: time.Date(2026, 12, 9, 17, 0, 0, 0, cph), End: time.Date(2026, 12, 9, 18, 0, 0, 0, cph)}
	tests := []struct {
		name   string
		what   string
		change func(*match.Opportunity) // the schedule is Saturday 10:00–13:00 unless changed
		field  string
		want   string // a substring of the problem; "" means accepted
	}{
		// Accepted.
		{"no time words", "Kom til en prøvetur med en rolig hund", nil, "", ""},
		{"the right day and part", "Mød op lørdag formiddag ved porten", nil, "", ""},
		{"the right compound", "Kom til en lørdagsformiddag i stalden", nil, "", ""},
		{"weekend", "Kom en weekend og prøv", nil, "", ""},
		{"arrive before the start", "Mød op kl. 9.45 ved porten", nil, "", ""},
		{"an evening that starts late afternoon", "Kom til en klubaften",
			wayIn(match.WayInSession, session("wed", "16:00", "19:00")), "", ""},
		{"i morgen is tomorrow, not a morning", "Skriv til os, så kan du starte i morgen", nil, "", ""},
		{"the right date", "Kom til infomødet onsdag d. 9. december kl. 17", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInIntro, Dates: []match.Event{wed9Dec}}
		}, "", ""},
		{"monthly intro", "Kom til intro den første tirsdag i måneden kl. 17", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInIntro, Monthly: []match.MonthlySession{{Week: 1, Day: "tue", Start: "17:00", End: "18:00"}}}
		}, "", ""},
		{"natur is not nat", "Kom med på en tur i naturen", nil, "", ""},

		// The contradictions found in the sample catalog.
		{"intro-eftermiddag at 09:00", "Kom til en rolig intro-eftermiddag i kattestuen kl. 09.00",
			wayIn(match.WayInIntro, session("sat", "09:00", "10:00")), "first_step.what", `says "intro-eftermiddag" but the way in is at 09:00`},
		{"mandag aften on a Wednesday", "Kom til lektiecaféen en mandag aften – onsdag d. 9. december", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInSession, Dates: []match.Event{wed9Dec}}
		}, "first_step.what", `says "mandag" but the way in is never on a Monday`},
		{"aften at 14:00", "Kom forbi en aften og spil med kl. 14.00",
			wayIn(match.WayInSession, session("sat", "14:00", "17:00")), "first_step.what", `says "aften" but the way in is at 14:00`},
		{"introaften in the morning", "Mød op til introaften", nil, "first_step.what", `says "introaften" but the way in is at 10:00`},
		{"formiddag in the evening", "Kom en formiddag",
			wayIn(match.WayInOpenHours, session("thu", "18:00", "20:00")), "first_step.what", `says "formiddag"`},
		{"a day the way in is not on", "Kom til introduktion om tirsdagen", nil, "first_step.what", `says "tirsdagen" but the way in is never on a Tuesday`},
		{"a day that leaves other times out", "Mød op en lørdag", wayIn(match.WayInSession,
			session("sat", "10:00", "12:00"), session("tue", "16:00", "18:00")), "first_step.what", `says "lørdag" but the way in is also Tuesday 16:00–18:00`},
		{"weekend on weekdays", "Kom en weekend", wayIn(match.WayInIntro, session("tue", "16:00", "17:00")), "first_step.what", "never at a weekend"},
		{"a clock time it is not at", "Mød op kl. 9 på pladsen", wayIn(match.WayInSession, session("sat", "11:00", "16:00")), "first_step.what", `says "kl. 9"`},
		{"a date it is not on", "Kom til formødet den 17. december", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInSession, Dates: []match.Event{wed9Dec}}
		}, "first_step.what", `says "17. december"`},
		{"where says a part of the day", "Kom forbi", func(o *match.Opportunity) {
			o.FirstStep.Where = "Caféen, hvor vi holder aftenåbent, Nørrebrogade 12"
		}, "first_step.where", `says "aftenåbent"`},

		// English.
		{"English evening at 10:00", "Kom og prøv", func(o *match.Opportunity) {
			o.En = &match.Translation{FirstStepWhat: "Come along one evening and meet the team"}
		}, "en.first_step_what", `says "evening" but the way in is at 10:00`},
		{"English weekday", "Kom og prøv", func(o *match.Opportunity) {
			o.En = &match.Translation{FirstStepWhat: "Join us on a Monday afternoon"}
		}, "en.first_step_what", `says "monday"`},
		{"English Saturday morning", "Kom og prøv", func(o *match.Opportunity) {
			o.En = &match.Translation{FirstStepWhat: "Join a trial walk on Saturday morning at 10 am", FirstStepWhere: "The gate"}
		}, "", ""},
		{"English clock", "Kom og prøv", func(o *match.Opportunity) {
			o.En = &match.Translation{FirstStepWhat: "Meet us at 5 pm"}
		}, "en.first_step_what", `says "5 pm"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			o.FirstStep.What = tt.what
			if tt.change != nil {
				tt.change(&o)
			}
			checkProblem(t, catalog.Validate(o), tt.field, tt.want)
		})
	}
}

// checkProblem asserts that err is nil when want is empty, and otherwise
// names field with a problem containing want.
func checkProblem(t *testing.T, err error, field, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("Validate rejected it: %v", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("Validate accepted it, want %s: %s", field, want)
	}
	if !strings.Contains(err.Error(), "opportunity opp-test: "+field+": "+want) &&
		!(strings.Contains(err.Error(), field+": ") && strings.Contains(err.Error(), want)) {
		t.Errorf("error %q does not say %s: …%s", err, field, want)
	}
}

// TestContactThatAsksToPhone: a first step that says sms or ring needs a
// number to do it with.
func TestContactThatAsksToPhone(t *testing.T) {
	for _, tt := range []struct {
		name, contact, what string
		field, want         string
	}{
		{"ask for a person", "Spørg efter Sara (frivilligkoordinator)", "", "", ""},
		{"sms without a number", "Spørg efter Sara – skriv gerne en sms først", "", "first_step.contact", `says "sms" but the first step gives no phone number`},
		{"sms with a number", "Skriv en sms til Sara på 20 30 40 50", "", "", ""},
		{"ring without a number", "Ring til Mads (naturvejleder)", "", "first_step.contact", `says "ring"`},
		{"ring in what, number in contact", "Mads (naturvejleder), tlf. 20304050", "Ring til naturvejlederen og aftal din første tur", "", ""},
		{"ring in what, no number", "Mads (naturvejleder)", "Ring til naturvejlederen og aftal din første tur", "first_step.what", `says "ring"`},
		{"they call you", "Sara (koordinator) tager imod din besked og ringer dig op", "", "", ""},
		{"English call", "Call Sara (coordinator)", "", "first_step.contact", `says "call"`},
		{"English text us", "Text us first", "", "first_step.contact", `says "text"`},
		{"a video call is not a phone call", "Ask for Sara", "Book a short video call with the coordinator", "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			o.FirstStep.Contact = tt.contact
			if tt.what != "" {
				o.FirstStep.What = tt.what
			}
			checkProblem(t, catalog.Validate(o), tt.field, tt.want)
		})
	}
}

// TestWayIn: a way in has a known kind and times that parse, and every
// opportunity offers at least one time to come.
func TestWayIn(t *testing.T) {
	at := func(day, h int) time.Time { return time.Date(2027, 1, day, h, 0, 0, 0, time.UTC) }
	flexible := func(o *match.Opportunity) { o.Schedule = match.Schedule{Kind: match.ScheduleFlexible} }
	for _, tt := range []struct {
		name   string
		change func(*match.Opportunity)
		field  string
		want   string
	}{
		{"weekly schedule, no way in", func(*match.Opportunity) {}, "", ""},
		{"flexible without a way in", flexible, "first_step.way_in", "a flexible schedule needs a dated way in"},
		{"online flexible without a way in", func(o *match.Opportunity) {
			flexible(o)
			o.Place = match.Place{Online: true}
		}, "first_step.way_in", "a flexible schedule needs a dated way in"},
		{"flexible with a session way in but no times", func(o *match.Opportunity) {
			flexible(o)
			o.FirstStep.WayIn.Kind = match.WayInSession
		}, "first_step.way_in", "a flexible schedule needs a dated way in"},
		{"flexible with open hours", func(o *match.Opportunity) {
			flexible(o)
			wayIn(match.WayInOpenHours, session("thu", "10:00", "12:00"))(o)
			o.FirstStep.What = "Kom forbi i åbningstiden"
		}, "", ""},
		{"flexible with a dated intro", func(o *match.Opportunity) {
			flexible(o)
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInIntro, Dates: []match.Event{{Start: at(9, 9), End: at(9, 10)}}, NoticeHours: 48}
		}, "", ""},
		{"unknown kind", wayIn("meeting", session("sat", "10:00", "11:00")), "first_step.way_in.kind", `"meeting" is not one of session, intro, open_hours, call`},
		{"times without a kind", wayIn("", session("sat", "10:00", "11:00")), "first_step.way_in.kind", "is empty"},
		{"intro without times", wayIn(match.WayInIntro), "first_step.way_in", "needs times"},
		{"bad weekly day", wayIn(match.WayInIntro, session("lør", "10:00", "11:00")), "first_step.way_in.weekly[0].day", `"lør" is not one of`},
		{"bad weekly time", wayIn(match.WayInIntro, session("sat", "10", "11:00")), "first_step.way_in.weekly[0].start", "HH:MM"},
		{"ends before it starts", wayIn(match.WayInIntro, session("sat", "11:00", "10:00")), "first_step.way_in.weekly[0].end", "not after start 11:00"},
		{"monthly week 5", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInIntro, Monthly: []match.MonthlySession{{Week: 5, Day: "sat", Start: "10:00", End: "11:00"}}}
		}, "first_step.way_in.monthly[0].week", "1 to 4"},
		{"last week of the month", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInIntro, Monthly: []match.MonthlySession{{Week: -1, Day: "sat", Start: "10:00", End: "11:00"}}}
		}, "", ""},
		{"date ends before it starts", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInIntro, Dates: []match.Event{{Start: at(9, 11), End: at(9, 10)}}}
		}, "first_step.way_in.dates[0].end", "not after start"},
		{"an intro of two days", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInIntro, Dates: []match.Event{{Start: at(9, 9), End: at(11, 9)}}}
		}, "first_step.way_in.dates[0].end", "at most 12 hours"},
		{"negative notice", func(o *match.Opportunity) {
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInSession, NoticeHours: -1}
		}, "first_step.way_in.notice_hours", "0 to 336"},
		{"empty translation", func(o *match.Opportunity) { o.En = &match.Translation{} }, "en", "leave it out"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.change(&o)
			checkProblem(t, catalog.Validate(o), tt.field, tt.want)
			switch got := catalog.HasDatedWayIn(o); {
			case tt.want == "" && !got:
				t.Error("HasDatedWayIn = false for a valid opportunity")
			case strings.Contains(tt.want, "dated way in") && got:
				t.Error("HasDatedWayIn = true without a time to come")
			}
		})
	}
}

// TestSampleFirstSteps: every sample opportunity offers a dated way in, a
// first step whose text keeps to it, and an English translation.
func TestSampleFirstSteps(t *testing.T) {
	_, opps := loadSample(t)
	kinds := map[string]int{}
	for _, o := range opps {
		w := o.FirstStep.WayIn
		if len(w.Weekly)+len(w.Monthly)+len(w.Dates) == 0 || !catalog.HasDatedWayIn(o) {
			t.Errorf("%s: no dated way in", o.ID)
		}
		kinds[w.Kind]++
		if o.Place.Online && w.Kind != match.WayInCall {
			t.Errorf("%s: an online task's way in is %q, want a call slot", o.ID, w.Kind)
		}
		if e := o.En; e == nil || e.Title == "" || e.Summary == "" || e.Description == "" || e.FirstStepWhat == "" || e.FirstStepWhere == "" {
			t.Errorf("%s: English translation is missing or incomplete: %+v", o.ID, e)
		} else if strings.ContainsAny(e.Title+e.Summary+e.Description+e.FirstStepWhat+e.FirstStepWhere, "{}") ||
			strings.ContainsAny(e.Title+e.FirstStepWhat, "æøåÆØÅ") {
			t.Errorf("%s: English text holds a placeholder or Danish words: %+v", o.ID, e)
		}
		if strings.Contains(strings.ToLower(o.FirstStep.Contact), "sms") {
			t.Errorf("%s: contact %q says sms", o.ID, o.FirstStep.Contact)
		}
	}
	for _, k := range []string{match.WayInSession, match.WayInIntro, match.WayInCall} {
		if kinds[k] == 0 {
			t.Errorf("no sample opportunity has a way in of kind %s: %v", k, kinds)
		}
	}
}

// TestSampleReach: every interest is within reach in each big town, and the
// islands and rural areas have something of their own on their own land.
func TestSampleReach(t *testing.T) {
	_, opps := loadSample(t)
	in := map[string]map[string]bool{}
	landmass := map[string]string{}
	for _, o := range opps {
		m := o.Place.Municipality
		if o.Place.Online {
			continue
		}
		if in[m] == nil {
			in[m] = map[string]bool{}
		}
		for _, i := range o.Interests {
			in[m][i] = true
		}
		landmass[m] = o.Place.Landmass
	}
	for _, town := range []string{"København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Frederiksberg"} {
		for _, i := range catalog.InterestIDs {
			if !in[town][i] {
				t.Errorf("no opportunity about %s in %s", i, town)
			}
		}
	}
	for m, want := range map[string]string{"Bornholm": "bornholm", "Ærø": "aeroe", "Samsø": "samsoe", "Lolland": "lolland", "Thisted": ""} {
		if len(in[m]) == 0 {
			t.Errorf("no opportunities in %s", m)
		}
		if want != "" && landmass[m] != want {
			t.Errorf("%s: landmass %q, want %q", m, landmass[m], want)
		}
	}
}
