package catalogimport_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/catalogimport"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

func openStore(t testing.TB) *store.Store { return storetest.Open(t, "import") }

// A Danish Excel export: semicolons, a byte order mark, Danish day names,
// yes/no in Danish, and one bad row of each kind.
const spreadsheet = "\ufeff" + `id;title;summary;interests;commitment;weekly;dates;min_age;group_size;child_certificate;places_left;postcode;municipality;first_step_what;first_step_where;first_step_contact;active_to;published
hundeluftning;Luft hunde lørdag;Gå tur med internatets hunde.;animals|nature;recurring;lørdag 10:00-12:00;;15;2;nej;3;8000;;Kom til en prøvetur;Internatet, Vestergade 1;Spørg efter Sara;2027-06-30;
;Loppemarked i juni;Hjælp til vores loppemarked.;charity_shop,events_festivals;one_off;;2027-06-05 9:00-15:00;13;4;;;8000;Aarhus;Mød op kl. 9;Pladsen ved kirken;Spørg efter Ali;;ja
lektier;Lektiehjælp;Hjælp børn med lektier.;homework_help;recurring;tue 16:00-18:00;;14;1;ja;;8000;;Kom forbi;Biblioteket;Spørg efter Mette;;
forkert-by;Bænkesnak;Snak med ældre.;elderly;recurring;fri 14:00-15:00;;15;1;;;8000;København;Kom forbi;Bænken;Spørg efter Ole;;
ukendt;Noget;Noget andet.;knitting;sometimes;;;12;0;;-1;9999;;;;;;
hundeluftning;Dobbelt;Samme id igen.;animals;one_off;;;15;1;;;8000;;Kom;Her;Ole;;
`

func reasons(r catalogimport.Row) string { return strings.Join(r.Errors, "; ") }

func TestImportCSVDryRunThenForRealThenAgain(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	org, err := s.CreateOrganisation(ctx, "Dyreværnet Aarhus", t0)
	if err != nil {
		t.Fatal(err)
	}
	who := catalogimport.Organisation{ID: org.ID, Name: org.Name}
	prefix := "opp-" + strings.TrimPrefix(org.ID, "org-") + "-"
	run := func(dry bool, at time.Time) catalogimport.Report {
		t.Helper()
		drafts, err := catalogimport.Read("csv", strings.NewReader(spreadsheet))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := catalogimport.Import(ctx, s, who, drafts, dry, at)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}

	dry := run(true, t0)
	if !dry.DryRun || dry.Created != 2 || dry.Rejected != 4 || len(dry.Rows) != 6 {
		t.Fatalf("dry run = %+v", dry)
	}
	if stored, _ := s.OpportunitiesOf(ctx, org.ID); len(stored) != 0 {
		t.Fatalf("dry run stored %d opportunities", len(stored))
	}
	want := []struct {
		row    int
		id     string
		action string
		reason []string
	}{
		{2, prefix + "hundeluftning", "create", nil},
		{3, prefix + "loppemarked-i-juni", "create", nil},
		{4, prefix + "lektier", "reject", []string{"min_age: is 14, but tasks that need a child certificate"}},
		{5, prefix + "forkert-by", "reject", []string{"municipality: postcode 8000 Aarhus C lies in Aarhus, not København"}},
		{6, prefix + "ukendt", "reject", []string{
			`interests[0]: unknown interest id "knitting"`, `commitment: "sometimes" is not one of`,
			"min_age: is 12", "group_size: is 0", "places_left: is negative", `postcode: "9999" is not a Danish postcode`,
			"first_step.what: is empty"}},
		{7, prefix + "hundeluftning", "reject", []string{"id: row 2 has the same id"}},
	}
	for i, w := range want {
		got := dry.Rows[i]
		if got.Row != w.row || got.ID != w.id || got.Action != w.action {
			t.Errorf("row %d = %+v, want %d %s %s", i, got, w.row, w.id, w.action)
		}
		for _, r := range w.reason {
			if !strings.Contains(reasons(got), r) {
				t.Errorf("row %d: reasons %q lack %q", w.row, reasons(got), r)
			}
		}
	}

	t1 := t0.Add(time.Hour)
	real := run(false, t1)
	if real.Created != 2 || real.Rejected != 4 {
		t.Fatalf("import = %+v", real)
	}
	dogs, err := s.Opportunity(ctx, prefix+"hundeluftning")
	if err != nil {
		t.Fatal(err)
	}
	if dogs.Place.Municipality != "Aarhus" || dogs.Place.Lat == 0 || dogs.Organisation != org.Name || !dogs.Published ||
		dogs.Schedule.Kind != match.ScheduleWeekly || dogs.Schedule.Weekly[0] != (match.WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}) ||
		dogs.PlacesLeft == nil || *dogs.PlacesLeft != 3 || !slices.Equal(dogs.Interests, []string{"animals", "nature"}) {
		t.Fatalf("stored opportunity = %+v", dogs)
	}
	if got := dogs.ActiveTo.In(time.FixedZone("CEST", 2*3600)).Format(time.DateTime); got != "2027-06-30 23:59:59" {
		t.Errorf("active_to = %s, want the whole of 30 June, Danish time", got)
	}
	flea, _ := s.Opportunity(ctx, prefix+"loppemarked-i-juni")
	if e := flea.Schedule.Events; len(e) != 1 || !e[0].Start.Equal(time.Date(2027, 6, 5, 7, 0, 0, 0, time.UTC)) {
		t.Errorf("dated event = %+v, want 9:00 Danish summer time", e)
	}
	if synced, _ := s.Opportunities(ctx, t0); len(synced) != 2 {
		t.Fatalf("catalog sync sees %d new opportunities, want 2", len(synced))
	}

	// The same file again: nothing changes, and nothing wakes the sync.
	again := run(false, t1.Add(time.Hour))
	if again.Unchanged != 2 || again.Created+again.Updated != 0 || again.Rejected != 4 {
		t.Fatalf("re-import = %+v", again)
	}
	if synced, _ := s.Opportunities(ctx, t1.Add(time.Minute)); len(synced) != 0 {
		t.Fatalf("re-import touched %d opportunities", len(synced))
	}

	// Staff hide both. The row that leaves published empty keeps its
	// opportunity hidden; the row that says "ja" publishes it again.
	for _, id := range []string{"hundeluftning", "loppemarked-i-juni"} {
		if _, err := s.SetPublished(ctx, org.ID, prefix+id, false, t1); err != nil {
			t.Fatal(err)
		}
	}
	if rep := run(true, t1); rep.Rows[0].Action != "unchanged" || rep.Rows[1].Action != "update" {
		t.Fatalf("after unpublishing: %+v", rep.Rows[:2])
	}
}

func TestImportJSON(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	org, _ := s.CreateOrganisation(ctx, "Naboerne", t0)
	other, _ := s.CreateOrganisation(ctx, "Andre", t0)
	who := catalogimport.Organisation{ID: org.ID, Name: org.Name}
	file := `[
 {"id": "besoeg", "title": "Besøgsven", "summary": "Drik kaffe med en ældre nabo.", "interests": ["elderly", "loneliness"],
  "place": {"postcode": "2200"}, "schedule": {"kind": "weekly", "weekly": [{"day": "wed", "start": "15:00", "end": "16:30"}]},
  "commitment": "recurring", "min_age": 15,
  "first_step": {"what": "Mød os til en kop kaffe", "where": "Nørrebrogade 10", "contact": "Spørg efter Lise"}},
 {"title": "Online lektier", "summary": "Hjælp over video.", "interests": ["homework_help"], "place": {"online": true},
  "commitment": "one_off", "min_age": 16, "published": false,
  "first_step": {"what": "Book en samtale", "where": "Online", "contact": "Skriv til Jonas",
   "way_in": {"kind": "call", "weekly": [{"day": "tue", "start": "16:30", "end": "17:00"}], "dates": [{"start": "2027-01-09T11:00:00+01:00", "end": "2027-01-09T11:30:00+01:00"}]}},
  "en": {"title": "Online homework help", "first_step_what": "Book a short video chat"}},
 {"title": "Forkert", "summary": "x", "interests": ["elderly"], "colour": "blå"},
 {"title": "Lånt", "summary": "x", "interests": ["elderly"], "organisation_id": "` + other.ID + `"},
 {"title": 7}
]`
	drafts, err := catalogimport.Read("json", strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := catalogimport.Import(ctx, s, who, drafts, false, t0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 2 || rep.Rejected != 3 {
		t.Fatalf("report = %+v", rep)
	}
	for i, want := range []string{"", "", `unknown field "colour"`, "is not your organisation", "cannot unmarshal number"} {
		if !strings.Contains(reasons(rep.Rows[i]), want) {
			t.Errorf("row %d: %q lacks %q", i+1, reasons(rep.Rows[i]), want)
		}
	}
	online, err := s.Opportunity(ctx, "opp-"+strings.TrimPrefix(org.ID, "org-")+"-online-lektier")
	if err != nil || online.Published || online.Schedule.Kind != match.ScheduleFlexible || online.GroupSize != 1 {
		t.Fatalf("online opportunity = %+v, %v", online, err)
	}
	if w := online.FirstStep.WayIn; w.Kind != match.WayInCall || len(w.Weekly) != 1 || len(w.Dates) != 1 ||
		!w.Dates[0].Start.Equal(time.Date(2027, 1, 9, 10, 0, 0, 0, time.UTC)) || online.En == nil || online.En.Title != "Online homework help" {
		t.Errorf("the way in and English text did not come through JSON: %+v, %+v", online.FirstStep.WayIn, online.En)
	}
	drafts, _ = catalogimport.Read("json", strings.NewReader(file))
	if again, _ := catalogimport.Import(ctx, s, who, drafts, false, t0.Add(time.Hour)); again.Unchanged != 2 {
		t.Fatalf("re-import = %+v", again)
	}
}

func TestImportRefusesBrokenFilesAndOthersIDs(t *testing.T) {
	for name, csv := range map[string]string{
		"unknown column": "title,summary,interests,commitment,min_age,first_step_what,first_step_where,first_step_contact,colour\n",
		"missing column": "title,summary\n",
		"empty":          "",
	} {
		if _, err := catalogimport.ReadCSV(strings.NewReader(csv)); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
	if _, err := catalogimport.ReadJSON(strings.NewReader(`{"title": "not an array"}`)); err == nil {
		t.Error("a JSON object read as a file of opportunities")
	}

	s := openStore(t)
	ctx := context.Background()
	t0 := time.Now().UTC()
	a, _ := s.CreateOrganisation(ctx, "A", t0)
	b, _ := s.CreateOrganisation(ctx, "B", t0)
	// B's id happens to be what A's row would get.
	taken := match.Opportunity{ID: "opp-" + strings.TrimPrefix(a.ID, "org-") + "-x", OrganisationID: b.ID}
	if err := s.UpsertOpportunity(ctx, taken, t0); err != nil {
		t.Fatal(err)
	}
	drafts, err := catalogimport.ReadCSV(strings.NewReader("id,title,summary,interests,commitment,min_age,online,first_step_what,first_step_where,first_step_contact,way_in\n" +
		"x,Titel,Resume,sports,one_off,15,ja,Kom,Online,Spørg efter Bo,2027-05-01 10:00-10:30\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := catalogimport.Import(ctx, s, catalogimport.Organisation{ID: a.ID, Name: "A"}, drafts, false, t0)
	if err != nil || rep.Rejected != 1 || !strings.Contains(reasons(rep.Rows[0]), "another organisation") {
		t.Fatalf("report = %+v, %v", rep, err)
	}
}

// A spreadsheet with ways in (weekly, monthly and dated, Danish day and
// week names) and English text; and the rows Validate turns away.
const waysIn = `id;title;summary;interests;commitment;weekly;online;postcode;min_age;first_step_what;first_step_where;first_step_contact;way_in_kind;way_in;notice_hours;en_title;en_summary;en_first_step_what;en_first_step_where;en_first_step_contact
videohjaelp;Lektiehjælp over video;Hjælp over video.;homework_help;recurring;;ja;;15;Tag en kort videosnak med Jonas;Online;Jonas (koordinator);call;tirsdag 16:30-17:00|lør 11:00-11:30;24;Homework help over video;Help pupils over video.;Have a short video chat with Jonas;Online;Jonas (coordinator)
besoeg;Besøgsven;Besøg en ældre.;elderly;recurring;;;2200;18;Kom til intromødet;Nørrebrogade 10;Spørg efter Lise;;first tue 17:00-18:00|sidste lørdag 11:00-12:00|2027-01-14 17:00-18:00;;Visiting friend;;;;
hund;Hundeluftning;Gå med hunde.;animals;recurring;sat 10:00-12:00;;8000;15;Kom til en introaften;Internatet;Ring til Sara;;;;;;;;
fleksibel;Fleksibel;Når det passer dig.;elderly;recurring;;;8000;15;Kom forbi;Her;Spørg efter Ole;;;;;;;;
daarlig;Dårlig;x;elderly;recurring;;;8000;15;Kom;Her;Ole;meeting;fifth tue 17:00-18:00|tue 18:00-17:00;-5;;;;;
`

func TestImportWaysInAndEnglish(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	t0 := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	org, _ := s.CreateOrganisation(ctx, "Vejen Ind", t0)
	who := catalogimport.Organisation{ID: org.ID, Name: org.Name}
	prefix := "opp-" + strings.TrimPrefix(org.ID, "org-") + "-"
	read := func() []catalogimport.Draft {
		drafts, err := catalogimport.Read("csv", strings.NewReader(waysIn))
		if err != nil {
			t.Fatal(err)
		}
		return drafts
	}
	rep, err := catalogimport.Import(ctx, s, who, read(), false, t0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Created != 2 || rep.Rejected != 3 {
		t.Fatalf("report = %+v", rep)
	}
	for i, want := range [][]string{nil, nil,
		{`first_step.what: says "introaften" but the way in is at 10:00`, `first_step.contact: says "ring" but the first step gives no phone number`},
		{"first_step.way_in: a flexible schedule needs a dated way in"},
		{`way_in_kind: "meeting" is not`, `way_in: "fifth tue 17:00-18:00" is not like`, "first_step.way_in.weekly[0].end: 17:00 is not after start 18:00",
			"first_step.way_in.notice_hours: is -5"},
	} {
		for _, r := range want {
			if !strings.Contains(reasons(rep.Rows[i]), r) {
				t.Errorf("row %d: reasons %q lack %q", rep.Rows[i].Row, reasons(rep.Rows[i]), r)
			}
		}
	}

	video, err := s.Opportunity(ctx, prefix+"videohjaelp")
	if err != nil {
		t.Fatal(err)
	}
	if w := video.FirstStep.WayIn; w.Kind != match.WayInCall || w.NoticeHours != 24 || !slices.Equal(w.Weekly, []match.WeeklySession{
		{Day: "tue", Start: "16:30", End: "17:00"}, {Day: "sat", Start: "11:00", End: "11:30"}}) {
		t.Errorf("video way in = %+v", w)
	}
	if e := video.En; e == nil || *e != (match.Translation{Title: "Homework help over video", Summary: "Help pupils over video.",
		FirstStepWhat: "Have a short video chat with Jonas", FirstStepWhere: "Online", FirstStepContact: "Jonas (coordinator)"}) {
		t.Errorf("English = %+v", e)
	}
	visit, err := s.Opportunity(ctx, prefix+"besoeg")
	if err != nil {
		t.Fatal(err)
	}
	w := visit.FirstStep.WayIn
	if w.Kind != match.WayInIntro || !slices.Equal(w.Monthly, []match.MonthlySession{
		{Week: 1, Day: "tue", Start: "17:00", End: "18:00"}, {Week: -1, Day: "sat", Start: "11:00", End: "12:00"}}) ||
		len(w.Dates) != 1 || !w.Dates[0].Start.Equal(time.Date(2027, 1, 14, 16, 0, 0, 0, time.UTC)) {
		t.Errorf("visit way in = %+v: without a kind, times are an intro meeting; dates are Danish time", w)
	}
	if visit.En == nil || visit.En.Title != "Visiting friend" || visit.En.Summary != "" {
		t.Errorf("a row with only an English title = %+v", visit.En)
	}
	if visit.Place.Landmass != "sjaelland" {
		t.Errorf("landmass of 2200 = %q, want sjaelland", visit.Place.Landmass)
	}

	again, err := catalogimport.Import(ctx, s, who, read(), false, t0.Add(time.Hour))
	if err != nil || again.Unchanged != 2 {
		t.Errorf("importing the same ways in again = %+v, %v; want both unchanged", again, err)
	}
}

// TestImportClassOutings: a task planned for a whole class says the
// smallest group it takes; more than it takes at all is turned away.
func TestImportClassOutings(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	t0 := time.Now().UTC()
	org, _ := s.CreateOrganisation(ctx, "Naturlauget", t0)
	drafts, err := catalogimport.ReadCSV(strings.NewReader("id;title;summary;interests;commitment;min_age;group_size;min_group_size;postcode;first_step_what;first_step_where;first_step_contact;way_in\n" +
		"skov;Klassen planter skov;Plant træer.;climate;one_off;13;30;10;8000;Book en formiddag;Plantepladsen;Spørg efter Bo;2027-05-04 09:00-12:00\n" +
		"for-mange;Klassen planter skov;Plant træer.;climate;one_off;13;30;40;8000;Book en formiddag;Plantepladsen;Spørg efter Bo;2027-05-04 09:00-12:00\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := catalogimport.Import(ctx, s, catalogimport.Organisation{ID: org.ID, Name: org.Name}, drafts, false, t0)
	if err != nil || rep.Created != 1 || rep.Rejected != 1 || !strings.Contains(reasons(rep.Rows[1]), "min_group_size") {
		t.Fatalf("report = %+v, %v", rep, err)
	}
	stored, err := s.OpportunitiesOf(ctx, org.ID)
	if err != nil || len(stored) != 1 || stored[0].MinGroupSize != 10 || stored[0].GroupSize != 30 {
		t.Fatalf("stored %+v, %v", stored, err)
	}
}
