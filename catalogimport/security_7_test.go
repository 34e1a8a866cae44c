package catalogimport_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/catalogimport"
)

// Issue 12, item 7: input accepted too freely. A 1,000,000-character title
// came in through CSV, and NUL, right-to-left overrides and zero-width
// characters were kept.

const importHeader = "id;title;summary;interests;commitment;weekly;min_age;postcode;first_step_what;first_step_where;first_step_contact\n"

// importRow is a row that imports cleanly, with the title and summary given.
func importRow(id, title, summary string) string {
	return id + ";" + title + ";" + summary + ";animals;recurring;lørdag 10:00-12:00;15;8000;Kom til en prøvetur;Internatet, Vestergade 1;Spørg efter Sara\n"
}

// importCSV imports a file for a new organisation and returns the report and the
// stored opportunities by id.
func importCSV(t *testing.T, format, file string) (catalogimport.Report, map[string]string) {
	t.Helper()
	s := openStore(t)
	ctx := context.Background()
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	org, err := s.CreateOrganisation(ctx, "Dyreværnet Aarhus", now)
	if err != nil {
		t.Fatal(err)
	}
	drafts, err := catalogimport.Read(format, strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := catalogimport.Import(ctx, s, catalogimport.Organisation{ID: org.ID, Name: org.Name}, drafts, false, now)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := s.OpportunitiesOf(ctx, org.ID)
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, o := range stored {
		titles[strings.TrimPrefix(o.ID, catalog.OpportunityPrefix(org.ID))] = o.Title + " | " + o.FirstStep.Contact + " | " + o.Summary
	}
	return rep, titles
}

func rowErrors(rep catalogimport.Report, row int) string {
	for _, r := range rep.Rows {
		if r.Row == row {
			if r.Action != catalogimport.ActionReject {
				return "(" + r.Action + ")"
			}
			return strings.Join(r.Errors, "; ")
		}
	}
	return "(no such row)"
}

func TestImportRejectsAMillionCharacterTitle(t *testing.T) {
	file := importHeader +
		importRow("kaempe", strings.Repeat("x", 1_000_000), "Gå tur med hunde.") +
		importRow("hunde", "Luft hunde", "Gå tur med hunde.")
	rep, stored := importCSV(t, "csv", file)
	if rep.Created != 1 || rep.Rejected != 1 {
		t.Fatalf("report %+v, want one created and one rejected", rep)
	}
	if got, want := rowErrors(rep, 2), "title: is 1000000 characters long; keep it to 120"; got != want {
		t.Errorf("row 2: %q, want %q", got, want)
	}
	if _, ok := stored["kaempe"]; ok {
		t.Error("the million-character title was stored")
	}
	if b, _ := json.Marshal(rep); len(b) > 1000 {
		t.Errorf("the report is %d bytes: it quotes the title", len(b))
	}
}

func TestImportRejectsNUL(t *testing.T) {
	file := importHeader +
		importRow("nul-titel", "Luft\x00hunde", "Gå tur.") +
		importRow("nul-resume", "Luft katte", "Gå\x00 tur.") +
		"nul-uge;Fodre fisk;Fodr fisk.;animals;recurring;lørdag\x00 10:00-12:00;15;8000;Kom;Her;Ole\n"
	rep, stored := importCSV(t, "csv", file)
	if rep.Rejected != 3 || len(stored) != 0 {
		t.Fatalf("report %+v, stored %v: want every row rejected", rep, stored)
	}
	for row, want := range map[int]string{2: "title: holds a NUL character", 3: "summary: holds a NUL character", 4: "weekly: holds a NUL character"} {
		if got := rowErrors(rep, row); !strings.Contains(got, want) {
			t.Errorf("row %d: %q, want %q", row, got, want)
		}
	}
}

func TestImportRejectsNULInJSON(t *testing.T) {
	file := `[
	{"id": "nul", "title": "Luft\u0000hunde", "summary": "Gå tur.", "interests": ["animals", "nat\u0000ure"], "commitment": "recurring",
	 "schedule": {"kind": "weekly", "weekly": [{"day": "sat", "start": "10:00", "end": "12:00"}]}, "min_age": 15,
	 "place": {"postcode": "8000"}, "first_step": {"what": "Kom", "where": "Her", "contact": "Ole"}}
]`
	rep, stored := importCSV(t, "json", file)
	if rep.Rejected != 1 || len(stored) != 0 {
		t.Fatalf("report %+v: want the row rejected", rep)
	}
	got := rowErrors(rep, 1)
	for _, want := range []string{"title: holds a NUL character", "interests[1]: holds a NUL character"} {
		if !strings.Contains(got, want) {
			t.Errorf("row 1: %q, want %q", got, want)
		}
	}
}

func TestImportStripsInvisibleCharactersFromNames(t *testing.T) {
	file := importHeader +
		"skjult;Luft\u202E hunde\u200B;Gå\u200B tur \u2066med\u2069 hunde.;animals;recurring;lørdag 10:00-12:00;15;8000;Kom;Her;Spørg efter \u200FSara\uFEFF\n" +
		"\"flere-linjer\";\"Luft\nhunde\";\"Første linje.\r\nAnden linje.\";animals;recurring;lørdag 10:00-12:00;15;8000;Kom;Her;Ole\n"
	rep, stored := importCSV(t, "csv", file)
	if rep.Created != 2 {
		t.Fatalf("report %+v, want both rows created", rep)
	}
	if got, want := stored["skjult"], "Luft hunde | Spørg efter Sara | Gå tur med hunde."; got != want {
		t.Errorf("stored %q, want %q", got, want)
	}
	if got, want := stored["flere-linjer"], "Luft hunde | Ole | Første linje.\nAnden linje."; got != want {
		t.Errorf("stored %q, want %q", got, want)
	}

	jsonFile := `[{"id": "skjult", "title": "Luft\u202e hunde", "summary": "Gå tur.", "interests": ["animals"], "commitment": "recurring",
	 "schedule": {"kind": "weekly", "weekly": [{"day": "sat", "start": "10:00", "end": "12:00"}]}, "min_age": 15,
	 "place": {"postcode": "8000"}, "first_step": {"what": "Kom", "where": "Her", "contact": "\u2067Ole\u2069"}}]`
	rep, stored = importCSV(t, "json", jsonFile)
	if rep.Created != 1 || stored["skjult"] != "Luft hunde | Ole | Gå tur." {
		t.Errorf("report %+v, stored %q", rep, stored["skjult"])
	}
}

func TestImportLimitsCellsThatAreNotText(t *testing.T) {
	weekly := strings.Repeat("lørdag 10:00-12:00|", 100) // 1,900 characters
	file := importHeader +
		"lang-uge;Luft hunde;Gå tur.;animals;recurring;" + weekly + ";15;8000;Kom;Her;Ole\n" +
		importRow(strings.Repeat("a", catalog.MaxOpportunityID+1), "Luft katte", "Gå tur.")
	rep, _ := importCSV(t, "csv", file)
	if got, want := rowErrors(rep, 2), "weekly: is 1900 characters long; keep it to 1000"; !strings.Contains(got, want) {
		t.Errorf("row 2: %q, want %q", got, want)
	}
	if got, want := rowErrors(rep, 3), fmt.Sprintf("id: is %d characters long; keep it to %d", catalog.MaxOpportunityID+1, catalog.MaxOpportunityID); !strings.Contains(got, want) {
		t.Errorf("row 3: %q, want %q", got, want)
	}
	if b, _ := json.Marshal(rep); strings.Contains(string(b), "lørdag 10:00-12:00|lørdag") || strings.Contains(string(b), "aaaaaaaaaa") {
		t.Errorf("the report quotes the long cells: %s", b)
	}
}

func TestReadRefusesTooManyRows(t *testing.T) {
	var b strings.Builder
	b.WriteString(importHeader)
	for i := range 5001 {
		b.WriteString(importRow(fmt.Sprint("r", i), "T", "S"))
	}
	if _, err := catalogimport.Read("csv", strings.NewReader(b.String())); err == nil || !strings.Contains(err.Error(), "more than 5000 rows") {
		t.Errorf("5001 rows: %v", err)
	}
	json := "[" + strings.TrimSuffix(strings.Repeat("{},", 5001), ",") + "]"
	if _, err := catalogimport.Read("json", strings.NewReader(json)); err == nil || !strings.Contains(err.Error(), "more than 5000") {
		t.Errorf("5001 elements: %v", err)
	}
	var ok strings.Builder
	ok.WriteString(importHeader)
	for i := range 5000 {
		ok.WriteString(importRow(fmt.Sprint("r", i), "T", "S"))
	}
	if drafts, err := catalogimport.Read("csv", strings.NewReader(ok.String())); err != nil || len(drafts) != 5000 {
		t.Errorf("5000 rows: %d drafts, %v", len(drafts), err)
	}
}
