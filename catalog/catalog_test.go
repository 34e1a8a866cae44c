package catalog_test

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"
	"unicode/utf8"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
)

func loadSample(t *testing.T) ([]catalog.Organisation, []match.Opportunity) {
	t.Helper()
	orgs, opps, err := catalog.Sample()
	if err != nil {
		t.Fatalf("Sample: %v", err)
	}
	return orgs, opps
}

func TestSampleLoads(t *testing.T) {
	orgs, opps := loadSample(t)
	if len(orgs) < 64 {
		t.Errorf("got %d organisations, want at least 64", len(orgs))
	}
	if len(opps) < 320 {
		t.Errorf("got %d opportunities, want at least 320", len(opps))
	}
	for _, o := range opps {
		if err := catalog.Validate(o); err != nil {
			t.Error(err)
		}
		if !o.Sample || !o.Published {
			t.Errorf("%s: sample=%v published=%v, want both true", o.ID, o.Sample, o.Published)
		}
	}
}

func TestSampleReturnsFreshCopies(t *testing.T) {
	_, a := loadSample(t)
	a[0].Title = "changed"
	_, b := loadSample(t)
	if b[0].Title == "changed" {
		t.Error("Sample shares its slices between calls")
	}
}

func TestSampleOrganisations(t *testing.T) {
	orgs, opps := loadSample(t)
	ids := map[string]bool{}
	names := map[string]bool{}
	for _, o := range orgs {
		if ids[o.ID] {
			t.Errorf("organisation id %s used twice", o.ID)
		}
		if names[o.Name] {
			t.Errorf("organisation name %q used twice", o.Name)
		}
		ids[o.ID], names[o.Name] = true, true
		if !strings.HasPrefix(o.ID, "org-") {
			t.Errorf("%s: id should start with org-", o.ID)
		}
		if !o.Sample {
			t.Errorf("%s: sample should be true", o.ID)
		}
		if o.Description == "" || o.ContactName == "" || o.ContactRole == "" {
			t.Errorf("%s: description and contact must be filled in", o.ID)
		}
		if m, ok := geo.LookupMunicipality(o.Municipality); !ok || m.Name != o.Municipality {
			t.Errorf("%s: %q is not an official municipality name", o.ID, o.Municipality)
		}
	}
	used := map[string]int{}
	for _, o := range opps {
		used[o.OrganisationID]++
	}
	for _, o := range orgs {
		if used[o.ID] == 0 {
			t.Errorf("%s offers no opportunities", o.ID)
		}
	}
}

// Real organisations must never appear in the sample: everything in it is
// made up.
func TestSampleIsFictional(t *testing.T) {
	orgs, opps := loadSample(t)
	real := []string{
		"røde kors", "red cross", "danchurchaid", "folkekirkens nødhjælp", "dyrenes beskyttelse",
		"mødrehjælpen", "kfum", "kfuk", "red barnet", "save the children", "ældre sagen",
		"kirkens korshær", "frelsens hær", "natteravnene", "børns vilkår", "headspace", "ventilen",
		"julemærke", "spejderkorps", "mellemfolkeligt samvirke", "flygtningehjælp", "blå kors",
		"unicef", "amnesty", "greenpeace", "dansk folkehjælp", "kræftens bekæmpelse", "hjerteforeningen",
		"livslinien", "cykling uden alder", "bydelsmødre", "foodsharing", "stop spild af mad",
	}
	var patterns []*regexp.Regexp
	for _, r := range real {
		patterns = append(patterns, regexp.MustCompile(`(?i)(^|[^\p{L}])`+regexp.QuoteMeta(r)))
	}
	check := func(where, text string) {
		for i, p := range patterns {
			if p.MatchString(text) {
				t.Errorf("%s mentions the real organisation %q: %q", where, real[i], text)
			}
		}
	}
	for _, o := range orgs {
		check(o.ID+" name", o.Name)
		check(o.ID+" description", o.Description)
	}
	for _, o := range opps {
		check(o.ID+" title", o.Title)
		check(o.ID+" description", o.Description)
	}
}

func TestSampleIDsAndReferences(t *testing.T) {
	orgs, opps := loadSample(t)
	byID := map[string]catalog.Organisation{}
	for _, o := range orgs {
		byID[o.ID] = o
	}
	seen := map[string]bool{}
	for _, o := range opps {
		if !strings.HasPrefix(o.ID, "opp-") {
			t.Errorf("%s: id should start with opp-", o.ID)
		}
		if seen[o.ID] {
			t.Errorf("opportunity id %s used twice", o.ID)
		}
		seen[o.ID] = true
		org, ok := byID[o.OrganisationID]
		if !ok {
			t.Errorf("%s: organisation %s does not exist", o.ID, o.OrganisationID)
			continue
		}
		if o.Organisation != org.Name {
			t.Errorf("%s: organisation name %q, want %q", o.ID, o.Organisation, org.Name)
		}
	}
}

func TestSamplePlaces(t *testing.T) {
	orgs, opps := loadSample(t)
	orgMuni := map[string]string{}
	for _, o := range orgs {
		orgMuni[o.ID] = o.Municipality
	}
	online := 0
	munis := map[string]int{}
	for _, o := range opps {
		p := o.Place
		if p.Online {
			online++
			if p.Address != "" || p.Postcode != "" || p.Lat != 0 {
				t.Errorf("%s: online place should have no address or coordinates: %+v", o.ID, p)
			}
			continue
		}
		munis[p.Municipality]++
		pc, ok := geo.LookupPostcode(p.Postcode)
		if !ok {
			t.Errorf("%s: unknown postcode %q", o.ID, p.Postcode)
			continue
		}
		if pc.Municipality != p.Municipality {
			t.Errorf("%s: postcode %s lies in %s, not %s", o.ID, p.Postcode, pc.Municipality, p.Municipality)
		}
		if p.Municipality != orgMuni[o.OrganisationID] {
			t.Errorf("%s: in %s, but its organisation is in %s", o.ID, p.Municipality, orgMuni[o.OrganisationID])
		}
		if p.Lat == 0 || p.Lon == 0 {
			t.Errorf("%s: coordinates were not filled in", o.ID)
		}
		if p.Landmass == "" || p.Landmass != pc.Landmass {
			t.Errorf("%s: landmass %q, want %q from postcode %s", o.ID, p.Landmass, pc.Landmass, p.Postcode)
		}
		if !regexp.MustCompile(`^\p{Lu}[\p{L}\d .-]+ \d+$`).MatchString(p.Address) {
			t.Errorf("%s: address %q should be a street and a number", o.ID, p.Address)
		}
		if !strings.Contains(o.FirstStep.Where, p.Postcode+" "+pc.Town) {
			t.Errorf("%s: first_step.where %q should name %s %s", o.ID, o.FirstStep.Where, p.Postcode, pc.Town)
		}
	}
	if online < 20 {
		t.Errorf("%d online opportunities, want at least 20", online)
	}
	if len(munis) < 22 {
		t.Errorf("opportunities in %d municipalities, want at least 22", len(munis))
	}
	want := []string{
		"København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Frederiksberg", "Vejle", "Randers",
		"Horsens", "Kolding", "Roskilde", "Herning", "Silkeborg", "Næstved", "Holbæk", "Helsingør",
		"Hillerød", "Svendborg", "Viborg", "Slagelse", "Sønderborg", "Gentofte", "Gladsaxe", "Køge",
	}
	for _, m := range want {
		if munis[m] == 0 {
			t.Errorf("no opportunities in %s", m)
		}
	}
	// Weighted towards the big cities.
	for _, big := range want[:5] {
		for _, small := range want[6:] {
			if munis[big] <= munis[small] {
				t.Errorf("%s has %d opportunities, not more than %s with %d", big, munis[big], small, munis[small])
			}
		}
	}
}

func TestSampleInterests(t *testing.T) {
	_, opps := loadSample(t)
	count := map[string]int{}
	for _, o := range opps {
		if n := len(o.Interests); n < 1 || n > 3 {
			t.Errorf("%s: %d interests, want 1-3", o.ID, n)
		}
		for _, i := range o.Interests {
			count[i]++
		}
	}
	for _, id := range catalog.InterestIDs {
		if count[id] < 6 {
			t.Errorf("interest %s is covered by %d opportunities, want at least 6", id, count[id])
		}
	}
}

func TestSampleCommitmentAndSchedule(t *testing.T) {
	_, opps := loadSample(t)
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	first := time.Date(2026, 12, 5, 0, 0, 0, 0, cph)
	last := time.Date(2027, 12, 1, 0, 0, 0, 0, cph)

	count := map[string]int{}
	days := map[string]int{}
	parts := map[string]int{}
	sessions := 0
	for _, o := range opps {
		count[o.Commitment]++
		switch o.Commitment {
		case match.OneOff:
			if o.Schedule.Kind != match.ScheduleDated {
				t.Errorf("%s: one-off task should be dated, is %s", o.ID, o.Schedule.Kind)
			}
		case match.Recurring:
			if o.Schedule.Kind == match.ScheduleDated {
				t.Errorf("%s: recurring task should not be dated", o.ID)
			}
		}
		for _, e := range o.Schedule.Events {
			for _, ts := range []time.Time{e.Start, e.End} {
				if ts.Before(first) || ts.After(last) {
					t.Errorf("%s: event time %s is outside 2026-12-05..2027-11-30", o.ID, ts)
				}
				_, got := ts.Zone()
				_, want := ts.In(cph).Zone()
				if got != want {
					t.Errorf("%s: event time %s has offset %d, Danish time then is %d", o.ID, ts.Format(time.RFC3339), got, want)
				}
			}
		}
		for _, w := range o.Schedule.Weekly {
			sessions++
			days[w.Day]++
			switch {
			case w.Start < "12:00":
				parts["morning"]++
			case w.Start < "17:00":
				parts["afternoon"]++
			default:
				parts["evening"]++
			}
			schoolDay := w.Day != "sat" && w.Day != "sun"
			if o.MinAge < 15 && schoolDay && w.End > "20:00" {
				t.Errorf("%s: 13+ task ends at %s on a school day (%s)", o.ID, w.End, w.Day)
			}
		}
		if (o.Commitment == match.ShortTerm) && o.Schedule.Kind == match.ScheduleWeekly && o.ActiveTo.IsZero() {
			t.Errorf("%s: short-term weekly task should say when it ends", o.ID)
		}
	}
	if count[match.OneOff] < 60 || count[match.ShortTerm] < 50 || count[match.Recurring] < 120 {
		t.Errorf("commitment mix %v, want at least 60 one_off, 50 short_term, 120 recurring", count)
	}
	for _, d := range []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		if days[d] == 0 {
			t.Errorf("no weekly sessions on %s", d)
		}
	}
	if weekend := days["sat"] + days["sun"]; weekend*100 < sessions*30 {
		t.Errorf("%d of %d weekly sessions are at weekends, want at least 30%%", weekend, sessions)
	}
	for _, p := range []string{"morning", "afternoon", "evening"} {
		if parts[p] < 10 {
			t.Errorf("only %d weekly sessions in the %s", parts[p], p)
		}
	}
}

func TestSampleAgesAndGroups(t *testing.T) {
	_, opps := loadSample(t)
	ages := map[int]int{}
	groupFriendly, youthOnly, n := 0, 0, 0
	for _, o := range opps {
		if o.MinGroupSize > 1 {
			continue // class outings are all 13+ (TestSampleClassOutings)
		}
		n++
		ages[o.MinAge]++
		if o.MinAge != 13 && o.MinAge != 15 && o.MinAge != 18 {
			t.Errorf("%s: min_age %d, want 13, 15 or 18", o.ID, o.MinAge)
		}
		if o.ChildCertificate && o.MinAge < 15 {
			t.Errorf("%s: needs a child certificate but accepts %d-year-olds", o.ID, o.MinAge)
		}
		if o.GroupSize >= 4 {
			groupFriendly++
		}
		if o.MaxAge != 0 {
			youthOnly++
		}
		if o.PlacesLeft != nil && (*o.PlacesLeft < 1 || *o.PlacesLeft > 40) {
			t.Errorf("%s: places_left %d, want 1-40", o.ID, *o.PlacesLeft)
		}
	}
	share := func(age int) int { return ages[age] * 100 / n }
	// The big towns offer every interest to 13- and 15-year-olds at every
	// time (TestSampleCoversEveryInterestAtEveryTime), so the mix leans
	// young; adults up to 30 still keep a real share of their own.
	for _, c := range []struct{ age, lo, hi int }{{13, 28, 50}, {15, 28, 47}, {18, 12, 32}} {
		if s := share(c.age); s < c.lo || s > c.hi {
			t.Errorf("%d%% of opportunities are %d+, want %d-%d%%", s, c.age, c.lo, c.hi)
		}
	}
	if groupFriendly < 80 {
		t.Errorf("%d opportunities take groups of 4 or more, want at least 80", groupFriendly)
	}
	if youthOnly == 0 || youthOnly > n/10 {
		t.Errorf("%d youth-only opportunities, want a few", youthOnly)
	}
}

// sentenceEnd matches the end of a sentence, but not the dot in "9. klasse"
// or "ca. en".
var sentenceEnd = regexp.MustCompile(`[.!?](\s+\p{Lu}|\s*$)`)

func TestSampleTexts(t *testing.T) {
	_, opps := loadSample(t)
	descriptions := map[string]bool{}
	titles := map[string]int{}
	for _, o := range opps {
		if n := utf8.RuneCountInString(o.Title); n > 90 {
			t.Errorf("%s: title is %d characters: %q", o.ID, n, o.Title)
		}
		if n := utf8.RuneCountInString(o.Summary); n > 150 {
			t.Errorf("%s: summary is %d characters, want two short lines: %q", o.ID, n, o.Summary)
		}
		if n := len(sentenceEnd.FindAllString(o.Description, -1)); n < 3 || n > 5 {
			t.Errorf("%s: description has %d sentences, want 3-5: %q", o.ID, n, o.Description)
		}
		if strings.ContainsAny(o.Title+o.Summary+o.Description+o.FirstStep.What+o.FirstStep.Where+o.FirstStep.Contact, "{}") {
			t.Errorf("%s: unreplaced placeholder", o.ID)
		}
		if descriptions[o.Description] {
			t.Errorf("%s: description is not unique", o.ID)
		}
		descriptions[o.Description] = true
		titles[o.Title]++
	}
	if len(titles) < len(opps)*2/3 {
		t.Errorf("only %d distinct titles for %d opportunities", len(titles), len(opps))
	}
}

func valid() match.Opportunity {
	places := 3
	return match.Opportunity{
		ID:             "opp-test",
		OrganisationID: "org-test",
		Organisation:   "Testforeningen",
		Title:          "Luft hunde lørdag formiddag",
		Summary:        "Gå tur med internatets hunde.",
		Description:    "En beskrivelse.",
		Interests:      []string{"animals"},
		Place:          match.Place{Address: "Nørrebrogade 12", Postcode: "2200", Municipality: "København"},
		Schedule: match.Schedule{Kind: match.ScheduleWeekly, Weekly: []match.WeeklySession{
			{Day: "sat", Start: "10:00", End: "13:00"},
		}},
		Commitment: match.Recurring,
		MinAge:     15,
		GroupSize:  2,
		PlacesLeft: &places,
		FirstStep: match.FirstStep{
			What:    "Mød op til en prøvetur med en af de rolige hunde",
			Where:   "Indgangen ved Nørrebrogade 12, 2200 København N",
			Contact: "Spørg efter Sara (frivilligkoordinator)",
		},
		Published: true,
	}
}

func TestValidateAccepts(t *testing.T) {
	cph := time.FixedZone("CET", 3600)
	for name, change := range map[string]func(*match.Opportunity){
		"weekly": func(*match.Opportunity) {},
		"online": func(o *match.Opportunity) { o.Place = match.Place{Online: true} },
		"flexible with a call slot": func(o *match.Opportunity) {
			o.Schedule = match.Schedule{Kind: match.ScheduleFlexible}
			o.FirstStep.WayIn = match.WayIn{Kind: match.WayInCall, Weekly: []match.WeeklySession{{Day: "tue", Start: "16:30", End: "17:00"}}}
		},
		"dated": func(o *match.Opportunity) {
			o.Commitment = match.OneOff
			o.Schedule = match.Schedule{Kind: match.ScheduleDated, Events: []match.Event{{
				Start: time.Date(2026, 12, 12, 10, 0, 0, 0, cph),
				End:   time.Date(2026, 12, 12, 14, 0, 0, 0, cph),
			}}}
		},
		"child certificate at 15": func(o *match.Opportunity) { o.ChildCertificate = true },
		"youth only":              func(o *match.Opportunity) { o.MaxAge = 30 },
		"unlimited places":        func(o *match.Opportunity) { o.PlacesLeft = nil },
		"three interests":         func(o *match.Opportunity) { o.Interests = []string{"animals", "nature", "fundraising"} },
	} {
		t.Run(name, func(t *testing.T) {
			o := valid()
			change(&o)
			if err := catalog.Validate(o); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}

func TestValidateRejects(t *testing.T) {
	cph := time.FixedZone("CET", 3600)
	at := func(h int) time.Time { return time.Date(2027, 1, 9, h, 0, 0, 0, cph) }
	tests := []struct {
		name   string
		change func(*match.Opportunity)
		field  string // the field the first error must name
		want   string // a substring of the message
	}{
		{"no id", func(o *match.Opportunity) { o.ID = "" }, "id", "is empty"},
		{"no organisation id", func(o *match.Opportunity) { o.OrganisationID = " " }, "organisation_id", "is empty"},
		{"no organisation name", func(o *match.Opportunity) { o.Organisation = "" }, "organisation", "is empty"},
		{"no title", func(o *match.Opportunity) { o.Title = "" }, "title", "is empty"},
		{"no summary", func(o *match.Opportunity) { o.Summary = "\n" }, "summary", "is empty"},
		{"no interests", func(o *match.Opportunity) { o.Interests = nil }, "interests", "at least one"},
		{"unknown interest", func(o *match.Opportunity) { o.Interests = []string{"animals", "knitting"} }, "interests[1]", `unknown interest id "knitting"`},
		{"duplicate interest", func(o *match.Opportunity) { o.Interests = []string{"animals", "animals"} }, "interests[1]", "listed twice"},
		{"bad commitment", func(o *match.Opportunity) { o.Commitment = "weekly" }, "commitment", `"weekly" is not one of`},
		{"bad schedule kind", func(o *match.Opportunity) { o.Schedule.Kind = "sometimes" }, "schedule.kind", `"sometimes"`},
		{"weekly without sessions", func(o *match.Opportunity) { o.Schedule.Weekly = nil }, "schedule.weekly", "at least one session"},
		{"bad day", func(o *match.Opportunity) { o.Schedule.Weekly[0].Day = "lørdag" }, "schedule.weekly[0].day", `"lørdag"`},
		{"bad start time", func(o *match.Opportunity) { o.Schedule.Weekly[0].Start = "10" }, "schedule.weekly[0].start", "HH:MM"},
		{"impossible time", func(o *match.Opportunity) { o.Schedule.Weekly[0].End = "25:00" }, "schedule.weekly[0].end", "HH:MM"},
		{"session ends before start", func(o *match.Opportunity) { o.Schedule.Weekly[0].End = "09:00" }, "schedule.weekly[0].end", "not after start 10:00"},
		{"dated without events", func(o *match.Opportunity) {
			o.Schedule = match.Schedule{Kind: match.ScheduleDated}
		}, "schedule.events", "at least one event"},
		{"event ends before start", func(o *match.Opportunity) {
			o.Schedule = match.Schedule{Kind: match.ScheduleDated, Events: []match.Event{{Start: at(14), End: at(10)}}}
		}, "schedule.events[0].end", "not after start"},
		{"event without start", func(o *match.Opportunity) {
			o.Schedule = match.Schedule{Kind: match.ScheduleDated, Events: []match.Event{{End: at(10)}}}
		}, "schedule.events[0].start", "missing"},
		{"flexible with sessions", func(o *match.Opportunity) { o.Schedule.Kind = match.ScheduleFlexible }, "schedule.kind", "flexible"},
		{"too young", func(o *match.Opportunity) { o.MinAge = 12 }, "min_age", "at least 13"},
		{"child certificate at 13", func(o *match.Opportunity) {
			o.MinAge = 13
			o.ChildCertificate = true
		}, "min_age", "børneattest"},
		{"max age below min age", func(o *match.Opportunity) { o.MaxAge = 14 }, "max_age", "below min_age"},
		{"no group size", func(o *match.Opportunity) { o.GroupSize = 0 }, "group_size", "use 1"},
		{"negative places", func(o *match.Opportunity) { *o.PlacesLeft = -1 }, "places_left", "negative"},
		{"active period backwards", func(o *match.Opportunity) {
			o.ActiveFrom, o.ActiveTo = at(12), at(10)
		}, "active_to", "not after active_from"},
		{"no first step", func(o *match.Opportunity) { o.FirstStep.What = "" }, "first_step.what", "is empty"},
		{"no first step place", func(o *match.Opportunity) { o.FirstStep.Where = "" }, "first_step.where", "is empty"},
		{"no contact", func(o *match.Opportunity) { o.FirstStep.Contact = "" }, "first_step.contact", "whom to ask for"},
		{"no postcode", func(o *match.Opportunity) { o.Place = match.Place{Address: "Nørrebrogade 12"} }, "place.postcode", "mark the place online"},
		{"bad postcode", func(o *match.Opportunity) { o.Place.Postcode = "DK22" }, "place.postcode", "four-digit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.change(&o)
			err := catalog.Validate(o)
			if err == nil {
				t.Fatal("Validate accepted it")
			}
			var fe *catalog.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is not a *FieldError", err)
			}
			if fe.Field != tt.field {
				t.Errorf("field %q, want %q (error: %v)", fe.Field, tt.field, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not contain %q", msg, tt.want)
			}
			if o.ID != "" && !strings.Contains(msg, o.ID) {
				t.Errorf("message %q does not name the opportunity %s", msg, o.ID)
			}
			if !strings.Contains(msg, tt.field) {
				t.Errorf("message %q does not name the field %s", msg, tt.field)
			}
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	o := valid()
	o.Title = ""
	o.MinAge = 10
	o.FirstStep = match.FirstStep{}
	err := catalog.Validate(o)
	if err == nil {
		t.Fatal("Validate accepted it")
	}
	for _, field := range []string{"title", "min_age", "first_step.what", "first_step.where", "first_step.contact"} {
		if !strings.Contains(err.Error(), field+":") {
			t.Errorf("error does not mention %s: %v", field, err)
		}
	}
}

func TestInterestIDs(t *testing.T) {
	if len(catalog.InterestIDs) != 23 {
		t.Errorf("%d interest ids, want 23", len(catalog.InterestIDs))
	}
	if catalog.InterestIDs[0] != "children_youth" || catalog.InterestIDs[22] != "fundraising" {
		t.Errorf("interest ids are not in taxonomy order: %v", catalog.InterestIDs)
	}
	sorted := slices.Clone(catalog.InterestIDs)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(catalog.InterestIDs) {
		t.Error("interest ids are not unique")
	}
}

// bigTowns are the municipalities most young people write from; each must
// offer every interest at every time of the week (København and
// Frederiksberg are one city, but young people name either).
var bigTowns = []string{
	"København", "Frederiksberg", "Aarhus", "Odense", "Aalborg", "Esbjerg",
	"Vejle", "Randers", "Kolding", "Horsens", "Roskilde",
}

// timeBands are the times young people most often say they have, as the
// slots the conversation fills in, and the hours [from, to) a first step
// must start in to count.
var timeBands = []struct {
	name     string
	slots    []string
	from, to int
}{
	{"after school", []string{"mon_afternoon", "tue_afternoon", "wed_afternoon", "thu_afternoon", "fri_afternoon"}, 13, 17},
	{"weekday evening", []string{"mon_evening", "tue_evening", "wed_evening", "thu_evening", "fri_evening"}, 17, 20},
	{"weekend", []string{"sat_morning", "sat_afternoon", "sat_evening", "sun_morning", "sun_afternoon", "sun_evening"}, 0, 24},
}

// TestSampleCoversEveryInterestAtEveryTime: a 15-year-old in any big town,
// whatever interest they name and whether they are free after school, on
// weekday evenings or at the weekend, finds at least three opportunities
// with that interest within 10 km, and for each of those times one whose
// first step (as match.FirstStepTime gives it) falls in that time within
// the next four months. Without this, the third card is the right interest
// at a time the young person never said they had.
func TestSampleCoversEveryInterestAtEveryTime(t *testing.T) {
	_, opps := loadSample(t)
	cph, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		t.Fatal(err)
	}
	// The day the sample is written for: its dated times lie after it.
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, cph)
	const age, maxKm = 15, 10.0
	var open []match.Opportunity
	for _, o := range opps {
		switch {
		case !o.Published, o.Place.Online, o.MinAge > age, o.MaxAge != 0 && o.MaxAge < age,
			o.PlacesLeft != nil && *o.PlacesLeft == 0,
			!o.ActiveFrom.IsZero() && o.ActiveFrom.After(now), !o.ActiveTo.IsZero() && o.ActiveTo.Before(now):
			continue
		}
		open = append(open, o)
	}
	for _, town := range bigTowns {
		m, ok := geo.LookupMunicipality(town)
		if !ok {
			t.Fatalf("unknown municipality %s", town)
		}
		var near []match.Opportunity
		for _, o := range open {
			if geo.DistanceKm(m.Lat, m.Lon, o.Place.Lat, o.Place.Lon) <= maxKm {
				near = append(near, o)
			}
		}
		for _, interest := range catalog.InterestIDs {
			var with []match.Opportunity
			for _, o := range near {
				if slices.Contains(o.Interests, interest) {
					with = append(with, o)
				}
			}
			if len(with) < 3 {
				t.Errorf("%s, %s: %d opportunities for a 15-year-old within %.0f km, want at least 3", town, interest, len(with), maxKm)
			}
			for _, band := range timeBands {
				p := match.Profile{Age: age, Interests: []string{interest}, Slots: band.slots}
				if !slices.ContainsFunc(with, func(o match.Opportunity) bool {
					st, ok := match.FirstStepTime(&o, p, now)
					h := st.Start.In(cph).Hour()
					return ok && !st.OtherTime && h >= band.from && h < band.to && st.Start.Before(now.AddDate(0, 4, 0))
				}) {
					t.Errorf("%s, %s: no opportunity for a 15-year-old within %.0f km whose first step is %s", town, interest, maxKm, band.name)
				}
			}
		}
	}
}

// contactPerson reads "Sara (frivilligkoordinator)" out of a contact line.
var contactPerson = regexp.MustCompile(`(\p{Lu}[\p{L}-]*) \(([^)]+)\)`)

// An English card must say whom to ask for in English: every sample
// opportunity has an English contact line naming the same person, with the
// role in English, the same Danish role always the same English one, and
// no Danish left.
func TestSampleEnglishContacts(t *testing.T) {
	_, opps := loadSample(t)
	danishRoles := map[string]bool{}
	for _, o := range opps {
		if m := contactPerson.FindStringSubmatch(o.FirstStep.Contact); m != nil {
			danishRoles[m[2]] = true
		}
	}
	if len(danishRoles) < 50 {
		t.Fatalf("found only %d Danish roles in the contact lines; the line format has changed", len(danishRoles))
	}
	var names []string
	for r := range danishRoles {
		names = append(names, regexp.QuoteMeta(r))
	}
	anyDanishRole := regexp.MustCompile(`(?i)(^|[^\p{L}])(` + strings.Join(names, "|") + `)($|[^\p{L}])`)
	danishPhrases := []string{"spørg efter", "ved indgangen", "tager imod", "skriv til", "som svarer", "videosnak", "send en besked"}
	english := map[string]string{}
	for _, o := range opps {
		if o.En == nil || o.En.FirstStepContact == "" {
			t.Errorf("%s: no English contact for %q", o.ID, o.FirstStep.Contact)
			continue
		}
		en := o.En.FirstStepContact
		da, got := contactPerson.FindStringSubmatch(o.FirstStep.Contact), contactPerson.FindStringSubmatch(en)
		if da == nil || got == nil {
			t.Errorf("%s: contact lines %q / %q do not name a person and a role", o.ID, o.FirstStep.Contact, en)
			continue
		}
		if got[1] != da[1] {
			t.Errorf("%s: English contact names %s, Danish %s", o.ID, got[1], da[1])
		}
		if danishRoles[got[2]] {
			t.Errorf("%s: English contact keeps the Danish role: %q", o.ID, en)
		}
		if prev, ok := english[da[2]]; ok && prev != got[2] {
			t.Errorf("%s: %s is %q here but %q elsewhere", o.ID, da[2], got[2], prev)
		}
		english[da[2]] = got[2]
		lower := strings.ToLower(en)
		for _, p := range danishPhrases {
			if strings.Contains(lower, p) {
				t.Errorf("%s: English contact has Danish %q: %q", o.ID, p, en)
			}
		}
		if m := anyDanishRole.FindStringSubmatch(en); m != nil {
			t.Errorf("%s: English contact has the Danish role %q: %q", o.ID, m[2], en)
		}
		if strings.ContainsAny(en, "{}") {
			t.Errorf("%s: unreplaced placeholder in %q", o.ID, en)
		}
	}
}
