package catalogimport

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/textclean"
)

// The fuzz tests read any file as an organisation's upload and prepare
// every row as Import does, without the database: nothing may panic, and a
// row that would be stored must obey the catalog's rules and item 7 of
// issue 12 — no NUL anywhere, no invisible characters in its names, every
// text within its limit — while a rejected row's reasons stay short.
// Their corpora are in testdata/fuzz; run them longer with
// go test -fuzz=FuzzImportCSV -fuzztime=60s ./catalogimport/

func FuzzImportCSV(f *testing.F) {
	f.Add([]byte(importSeedCSV))
	f.Add([]byte("\ufefftitle;summary;interests;commitment;min_age;first_step_what;first_step_where;first_step_contact\nA;B;animals;one_off;15;Kom;Her;Sara\n"))
	f.Add([]byte("title,summary,interests,commitment,min_age,first_step_what,first_step_where,first_step_contact,online,way_in\n\"Luft\u202e\nhunde\",\"B\x00\",animals,recurring,15,Kom,Her,Sara,ja,first tue 17:00-18:00\n"))
	f.Fuzz(func(t *testing.T, file []byte) {
		drafts, err := ReadCSV(bytes.NewReader(file))
		if err != nil {
			return
		}
		checkDrafts(t, drafts)
	})
}

func FuzzImportJSON(f *testing.F) {
	f.Add([]byte(importSeedJSON))
	f.Add([]byte(`[{"title":"Luft\u202ehunde","summary":"G\u0000\u00e5","interests":["animals"]}, {}, 1, "x", null]`))
	f.Add([]byte(`[{"place":{"postcode":"8000","online":true},"en":{},"first_step":{"way_in":{"kind":"intro","monthly":[{"week":-1,"day":"thu","start":"19:00","end":"20:00"}]}}}]`))
	f.Fuzz(func(t *testing.T, file []byte) {
		drafts, err := ReadJSON(bytes.NewReader(file))
		if err != nil {
			return
		}
		checkDrafts(t, drafts)
	})
}

const importSeedCSV = `id;title;summary;description;interests;commitment;weekly;dates;min_age;max_age;group_size;child_certificate;places_left;online;address;postcode;municipality;active_from;active_to;first_step_what;first_step_where;first_step_contact;published;way_in_kind;way_in;notice_hours;en_title;en_summary;en_first_step_what;en_first_step_where;en_first_step_contact
hundeluftning;Luft hunde lørdag;Gå tur med internatets hunde.;Lang tekst;animals|nature;recurring;lørdag 10:00-12:00;;15;30;2;nej;3;;Vestergade 1;8000;;2026-05-01;2027-06-30;Kom til en prøvetur;Internatet;Spørg efter Sara;ja;intro;første tir 17:00-18:00;24;Walk dogs;Walk the dogs.;Come for a trial walk;The shelter;Ask for Sara
;Loppemarked;Hjælp til loppemarked.;;charity_shop;one_off;;2027-06-05 9:00-15:00;13;;4;;;;;8000;Aarhus;;;Mød op;Pladsen;Spørg efter Ali;;;;;;;;;
`

const importSeedJSON = `[{"id": "hundetur", "title": "Luft hunde", "summary": "Gå tur.", "interests": ["animals"], "commitment": "recurring",
 "schedule": {"kind": "weekly", "weekly": [{"day": "sat", "start": "10:00", "end": "12:00"}]}, "min_age": 15,
 "place": {"address": "Vestergade 1", "postcode": "8000"}, "first_step": {"what": "Kom", "where": "Her", "contact": "Spørg efter Sara"},
 "en": {"title": "Walk dogs", "summary": "Walk."}, "published": true}]`

func checkDrafts(t *testing.T, drafts []Draft) {
	t.Helper()
	if len(drafts) > maxRows {
		t.Fatalf("%d drafts, more than %d", len(drafts), maxRows)
	}
	org := Organisation{ID: "org-fuzz", Name: "Fuzzforeningen"}
	firstRow := map[string]int{}
	for _, d := range drafts {
		o, row := prepare(org, d, firstRow)
		for _, e := range row.Errors {
			if len(e) > 3*maxCellRunes+200 {
				t.Errorf("row %d: a reason of %d bytes quotes the file", d.Row, len(e))
			}
		}
		if row.Action == ActionReject {
			continue
		}
		if err := catalog.Validate(o); err != nil {
			t.Errorf("row %d would be stored but is invalid: %v", d.Row, err)
		}
		raw, _ := json.Marshal(o)
		if bytes.Contains(raw, []byte(`\u0000`)) {
			t.Errorf("row %d would be stored with a NUL: %s", d.Row, raw)
		}
		names := []string{o.Title, o.FirstStep.Contact, o.Place.Address}
		texts := []string{o.Summary, o.Description, o.FirstStep.What, o.FirstStep.Where}
		if o.En != nil {
			names = append(names, o.En.Title, o.En.FirstStepContact)
			texts = append(texts, o.En.Summary, o.En.Description, o.En.FirstStepWhat, o.En.FirstStepWhere)
		}
		for _, s := range names {
			if textclean.Name(s) != s {
				t.Errorf("row %d would be stored with the name %q, not %q", d.Row, s, textclean.Name(s))
			}
		}
		for _, s := range texts {
			if textclean.Text(s) != s || !utf8.ValidString(s) {
				t.Errorf("row %d would be stored with the text %q, not %q", d.Row, s, textclean.Text(s))
			}
		}
		if !strings.HasPrefix(o.ID, catalog.OpportunityPrefix(org.ID)) || len(o.ID) > catalog.MaxOpportunityID {
			t.Errorf("row %d would be stored with the id %q", d.Row, o.ID)
		}
	}
}

// An organisation with a long id cannot import an id longer than the
// catalog's limit once its prefix is added.
func TestPrepareLimitsTheStoredID(t *testing.T) {
	drafts, err := ReadCSV(strings.NewReader(importSeedCSV))
	if err != nil {
		t.Fatal(err)
	}
	org := Organisation{ID: "org-" + strings.Repeat("x", 90), Name: "Langt navn"}
	_, row := prepare(org, drafts[0], map[string]int{})
	if got := strings.Join(row.Errors, "; "); !strings.Contains(got, "with your organisation's prefix; keep it to 100") {
		t.Errorf("row %d: %q", row.Row, got)
	}
}
