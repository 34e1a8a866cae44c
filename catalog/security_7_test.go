package catalog_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
)

// Issue 12, item 7: every text of an opportunity has a length limit and
// holds no NUL or control character. A 1,000,000-character title once came
// in through CSV.
func TestValidateLimitsTexts(t *testing.T) {
	long := func(n int) string { return strings.Repeat("æ", n) } // two bytes each: limits count characters
	en := func(o *match.Opportunity) *match.Translation {
		if o.En == nil {
			o.En = &match.Translation{Title: "Walk dogs", Summary: "Walk the shelter's dogs.",
				FirstStepWhat: "Come for a trial walk", FirstStepWhere: "The entrance", FirstStepContact: "Ask for Sara"}
		}
		return o.En
	}
	tests := []struct {
		name   string
		change func(*match.Opportunity)
		field  string
		want   string
	}{
		{"a million-character title", func(o *match.Opportunity) { o.Title = long(1_000_000) }, "title", "is 1000000 characters long; keep it to 120"},
		{"title one over", func(o *match.Opportunity) { o.Title = long(catalog.MaxTitleRunes + 1) }, "title", "keep it to 120"},
		{"summary", func(o *match.Opportunity) { o.Summary = long(catalog.MaxSummaryRunes + 1) }, "summary", "keep it to 300"},
		{"description", func(o *match.Opportunity) { o.Description = long(catalog.MaxDescriptionRunes + 1) }, "description", "keep it to 4000"},
		{"first step what", func(o *match.Opportunity) { o.FirstStep.What = long(301) }, "first_step.what", "keep it to 300"},
		{"first step where", func(o *match.Opportunity) { o.FirstStep.Where = long(301) }, "first_step.where", "keep it to 300"},
		{"contact", func(o *match.Opportunity) { o.FirstStep.Contact = long(301) }, "first_step.contact", "keep it to 300"},
		{"address", func(o *match.Opportunity) { o.Place.Address = long(201) }, "place.address", "keep it to 200"},
		{"organisation", func(o *match.Opportunity) { o.Organisation = long(201) }, "organisation", "keep it to 200"},
		{"english title", func(o *match.Opportunity) { en(o).Title = long(121) }, "en.title", "keep it to 120"},
		{"english summary", func(o *match.Opportunity) { en(o).Summary = long(301) }, "en.summary", "keep it to 300"},
		{"english description", func(o *match.Opportunity) { en(o).Description = long(4001) }, "en.description", "keep it to 4000"},
		{"english first step what", func(o *match.Opportunity) { en(o).FirstStepWhat = long(301) }, "en.first_step_what", "keep it to 300"},
		{"english first step where", func(o *match.Opportunity) { en(o).FirstStepWhere = long(301) }, "en.first_step_where", "keep it to 300"},
		{"english contact", func(o *match.Opportunity) { en(o).FirstStepContact = long(301) }, "en.first_step_contact", "keep it to 300"},
		{"NUL in the title", func(o *match.Opportunity) { o.Title = "Luft\x00hunde" }, "title", "NUL"},
		{"NUL in the description", func(o *match.Opportunity) { o.Description = "En\x00beskrivelse" }, "description", "NUL"},
		{"NUL in an english text", func(o *match.Opportunity) { en(o).Summary = "Walk\x00dogs" }, "en.summary", "NUL"},
		{"line break in the title", func(o *match.Opportunity) { o.Title = "Luft\nhunde" }, "title", "one line"},
		{"tab in the contact", func(o *match.Opportunity) { o.FirstStep.Contact = "Sara\t(koordinator)" }, "first_step.contact", "one line"},
		{"escape in the summary", func(o *match.Opportunity) { o.Summary = "Gå \x1b[2J tur" }, "summary", "U+001B"},
		{"C1 control in the where", func(o *match.Opportunity) { o.FirstStep.Where = "Indgangen\u009b" }, "first_step.where", "U+009B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := valid()
			tt.change(&o)
			err := catalog.Validate(o)
			var fe *catalog.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Validate = %v, want a problem with %s", err, tt.field)
			}
			if fe.Field != tt.field || !strings.Contains(fe.Problem, tt.want) {
				t.Errorf("problem %s: %q, want %s: …%s…", fe.Field, fe.Problem, tt.field, tt.want)
			}
			if len(err.Error()) > 300 {
				t.Errorf("the error quotes the text: %d bytes", len(err.Error()))
			}
		})
	}
}

// Texts at their limits, with line breaks where a text may have them, and
// letters from any script, pass.
func TestValidateAcceptsTextsAtTheirLimits(t *testing.T) {
	o := valid()
	o.Title = strings.Repeat("ø", catalog.MaxTitleRunes)
	o.Summary = strings.Repeat("a", catalog.MaxSummaryRunes-2) + "\r\n"
	o.Description = "Første linje.\n\n\tAnden linje: نور, Ærø, 🐕‍🦺."
	o.FirstStep.What = strings.Repeat("å", catalog.MaxFirstStepRunes)
	o.FirstStep.Where = "Indgangen\nNørrebrogade 12"
	o.Place.Address = strings.Repeat("b", catalog.MaxAddressRunes)
	if err := catalog.Validate(o); err != nil {
		t.Errorf("Validate: %v", err)
	}
}
