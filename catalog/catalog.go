// Package catalog holds Brobygger's volunteering catalog rules and its
// fictional sample data.
//
// [Sample] returns the organisations and opportunities shipped in sample/,
// with every place resolved against the geo package, so the bot can be
// tried out and tested without a real catalog. All names, people and
// opportunities in it are made up. [Validate] checks one opportunity
// before it is stored or shown, whether it comes from the sample or from
// an organisation.
//
// The sample files are written by the program in internal/gen; run
// `go generate ./catalog` after changing it.
package catalog

//go:generate go run ./internal/gen -out sample

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/textclean"
)

// Organisation is a volunteering organisation.
type Organisation struct {
	ID           string `json:"id" bson:"_id"`
	Name         string `json:"name" bson:"name"`
	Municipality string `json:"municipality" bson:"municipality"`
	Description  string `json:"description" bson:"description"`
	ContactName  string `json:"contact_name" bson:"contact_name"`
	ContactRole  string `json:"contact_role" bson:"contact_role"`
	// Sample marks fictional data shipped with the project.
	Sample bool `json:"sample" bson:"sample"`
}

// InterestIDs is the interest taxonomy, in its canonical order. Every
// opportunity carries one or more of these ids.
var InterestIDs = []string{
	"children_youth",
	"homework_help",
	"elderly",
	"loneliness",
	"mental_health",
	"disability",
	"refugees",
	"homeless_poverty",
	"food",
	"nature",
	"climate",
	"animals",
	"sports",
	"outdoor_scouting",
	"culture_arts",
	"events_festivals",
	"health_firstaid",
	"emergency",
	"digital_tech",
	"democracy_rights",
	"international",
	"charity_shop",
	"fundraising",
}

// MinAge is the youngest age any opportunity may accept.
const MinAge = 13

// ChildCertificateMinAge is the youngest age for a task that needs a
// børneattest.
const ChildCertificateMinAge = 15

//go:embed sample/organisations.json sample/opportunities.json
var sampleFS embed.FS

// Sample returns the fictional sample organisations and opportunities.
//
// Every opportunity is validated with [Validate], must refer to a sample
// organisation by id and name, and must have a unique id. The postcode of
// every place that is not online is looked up with [geo.LookupPostcode]:
// it fills in the municipality when the file leaves it out (and must agree
// with it when the file states it), fills in Lat and Lon when they are
// zero and the landmass (the island) when it is empty. Each call parses the embedded files afresh, so the caller owns the
// returned slices. The error lists every problem found.
func Sample() ([]Organisation, []match.Opportunity, error) {
	var orgs []Organisation
	if err := decode("sample/organisations.json", &orgs); err != nil {
		return nil, nil, err
	}
	var opps []match.Opportunity
	if err := decode("sample/opportunities.json", &opps); err != nil {
		return nil, nil, err
	}

	var errs []error
	byID := make(map[string]Organisation, len(orgs))
	for _, o := range orgs {
		if err := validateOrganisation(o); err != nil {
			errs = append(errs, err)
		}
		if _, dup := byID[o.ID]; dup {
			errs = append(errs, fmt.Errorf("organisation %q: id: used more than once", o.ID))
		}
		byID[o.ID] = o
	}

	seen := make(map[string]bool, len(opps))
	for i := range opps {
		o := &opps[i]
		if err := Validate(*o); err != nil {
			errs = append(errs, err)
		}
		if seen[o.ID] {
			errs = append(errs, fieldErr(o.ID, "id", "used more than once"))
		}
		seen[o.ID] = true
		if org, ok := byID[o.OrganisationID]; !ok {
			errs = append(errs, fieldErr(o.ID, "organisation_id", fmt.Sprintf("no organisation %q", o.OrganisationID)))
		} else if o.Organisation != org.Name {
			errs = append(errs, fieldErr(o.ID, "organisation", fmt.Sprintf("%q does not match %s's name %q", o.Organisation, org.ID, org.Name)))
		}
		if err := resolvePlace(o); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, fmt.Errorf("catalog: sample data: %w", err)
	}
	return orgs, opps, nil
}

func decode(name string, v any) error {
	b, err := sampleFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("catalog: %s: %w", name, err)
	}
	return nil
}

func validateOrganisation(o Organisation) error {
	var errs []error
	bad := func(field, problem string) {
		errs = append(errs, fmt.Errorf("organisation %q: %s: %s", o.ID, field, problem))
	}
	if !strings.HasPrefix(o.ID, "org-") || len(o.ID) <= len("org-") {
		bad("id", `must start with "org-"`)
	}
	for _, f := range []struct{ name, value string }{
		{"name", o.Name}, {"description", o.Description},
		{"contact_name", o.ContactName}, {"contact_role", o.ContactRole},
	} {
		if strings.TrimSpace(f.value) == "" {
			bad(f.name, "is empty")
		}
	}
	if m, ok := geo.LookupMunicipality(o.Municipality); !ok {
		bad("municipality", fmt.Sprintf("unknown municipality %q", o.Municipality))
	} else if m.Name != o.Municipality {
		bad("municipality", fmt.Sprintf("write the official name %q, not %q", m.Name, o.Municipality))
	}
	return errors.Join(errs...)
}

// resolvePlace fills an offline place's municipality, coordinates and
// landmass from its postcode.
func resolvePlace(o *match.Opportunity) error {
	p := &o.Place
	if p.Online {
		return nil
	}
	pc, ok := geo.LookupPostcode(p.Postcode)
	if !ok {
		return fieldErr(o.ID, "place.postcode", fmt.Sprintf("unknown postcode %q", p.Postcode))
	}
	switch {
	case p.Municipality == "":
		p.Municipality = pc.Municipality
	case p.Municipality != pc.Municipality:
		return fieldErr(o.ID, "place.municipality", fmt.Sprintf("postcode %s %s lies in %s, not %s", pc.Code, pc.Town, pc.Municipality, p.Municipality))
	}
	if p.Lat == 0 && p.Lon == 0 {
		p.Lat, p.Lon = pc.Lat, pc.Lon
	}
	if p.Landmass == "" {
		p.Landmass = pc.Landmass
	}
	return nil
}

// FieldError is one problem with one field of an opportunity. Field is the
// JSON path of the field, e.g. "schedule.weekly[0].start".
type FieldError struct {
	ID      string // the opportunity's id, empty if it has none
	Field   string
	Problem string
}

func (e *FieldError) Error() string {
	id := e.ID
	if id == "" {
		id = "(no id)"
	}
	return fmt.Sprintf("opportunity %s: %s: %s", id, e.Field, e.Problem)
}

func fieldErr(id, field, problem string) error {
	return &FieldError{ID: id, Field: field, Problem: problem}
}

// Limits on an opportunity's texts, in characters (runes), the same in
// Danish and in English. They leave room for what organisations write —
// the sample's longest title is 90 characters, its longest description 515
// — and keep a card readable on a phone.
const (
	MaxTitleRunes        = 120
	MaxSummaryRunes      = 300
	MaxDescriptionRunes  = 4000
	MaxFirstStepRunes    = 300 // each of first_step.what, .where and .contact
	MaxAddressRunes      = 200
	MaxOrganisationRunes = 200
)

// textRule is one text field of an opportunity as Validate checks it.
type textRule struct {
	field, value string
	max          int
	// multiline fields may hold line breaks and tabs; no field holds any
	// other control character.
	multiline bool
}

// textRules lists o's texts with their limits.
func textRules(o match.Opportunity) []textRule {
	rules := []textRule{
		{"organisation", o.Organisation, MaxOrganisationRunes, false},
		{"title", o.Title, MaxTitleRunes, false},
		{"summary", o.Summary, MaxSummaryRunes, true},
		{"description", o.Description, MaxDescriptionRunes, true},
		{"first_step.what", o.FirstStep.What, MaxFirstStepRunes, true},
		{"first_step.where", o.FirstStep.Where, MaxFirstStepRunes, true},
		{"first_step.contact", o.FirstStep.Contact, MaxFirstStepRunes, false},
		{"place.address", o.Place.Address, MaxAddressRunes, false},
	}
	if en := o.En; en != nil {
		rules = append(rules,
			textRule{"en.title", en.Title, MaxTitleRunes, false},
			textRule{"en.summary", en.Summary, MaxSummaryRunes, true},
			textRule{"en.description", en.Description, MaxDescriptionRunes, true},
			textRule{"en.first_step_what", en.FirstStepWhat, MaxFirstStepRunes, true},
			textRule{"en.first_step_where", en.FirstStepWhere, MaxFirstStepRunes, true},
			textRule{"en.first_step_contact", en.FirstStepContact, MaxFirstStepRunes, false})
	}
	return rules
}

// validateTexts checks every text's length and characters. The problem
// never quotes the text: it may be a megabyte long, or hold what a screen
// should not show.
func validateTexts(o match.Opportunity, bad func(field, format string, args ...any)) {
	for _, r := range textRules(o) {
		if n := utf8.RuneCountInString(r.value); n > r.max {
			bad(r.field, "is %d characters long; keep it to %d", n, r.max)
		}
		switch c, found := textclean.Control(r.value, r.multiline); {
		case !found:
		case c == 0:
			bad(r.field, "holds a NUL character; remove it")
		case c == '\n' || c == '\r' || c == '\t':
			bad(r.field, "holds a line break or tab; write it on one line")
		default:
			bad(r.field, "holds the control character %U; remove it", c)
		}
	}
}

var commitments = []string{match.OneOff, match.ShortTerm, match.Recurring}

var weekdays = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// Validate checks that o is complete and consistent enough to be shown to a
// young person: it has an id, an organisation, a title and a summary; one or
// more known interest ids (see [InterestIDs]); a valid commitment; a
// schedule whose kind matches its content (weekly sessions with a day from
// "mon" to "sun" and "HH:MM" times that start before they end, or dated
// events that start before they end, or neither for flexible); a minimum age
// of at least [MinAge], and at least [ChildCertificateMinAge] when a
// børneattest is needed; a group size of at least one; a first step saying
// what, where and whom to ask for; and either an online place or a postcode.
//
// The first step must offer at least one concrete time a newcomer can come:
// its way in (first_step.way_in, of a known kind, with times that parse,
// monthly weeks 1 to 4 or -1, at most [MaxNoticeHours] of notice), or,
// without one, the schedule's own sessions; a flexible schedule therefore
// needs a way in with times. The first step's text, in Danish and in
// English (en.first_step_what, en.first_step_where), must not contradict
// those times: a weekday ("tirsdag", "Saturday", "weekend"), part of the
// day ("formiddag", "aften", "evening", also in compounds such as
// "introaften"), clock time ("kl. 9.30") or date ("9. december") it names
// must be when the way in is, and when it names days, every time of the
// way in must be on one of them. A first step that asks the newcomer to
// phone or text ("sms", "ring", "call Sara") must give a phone number.
//
// Every text has a length limit (see [MaxTitleRunes] and the others, the
// same in English), and no text holds a NUL or a control character; the
// summary, description and the first step's what and where may hold line
// breaks and tabs.
//
// The error is nil or joins one [*FieldError] per problem, each naming the
// opportunity's id and the field.
func Validate(o match.Opportunity) error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fieldErr(o.ID, field, fmt.Sprintf(format, args...)))
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }

	if blank(o.ID) {
		bad("id", "is empty")
	}
	if blank(o.OrganisationID) {
		bad("organisation_id", "is empty")
	}
	if blank(o.Organisation) {
		bad("organisation", "is empty")
	}
	if blank(o.Title) {
		bad("title", "is empty")
	}
	if blank(o.Summary) {
		bad("summary", "is empty")
	}
	validateTexts(o, bad)

	if len(o.Interests) == 0 {
		bad("interests", "needs at least one interest id")
	}
	for i, id := range o.Interests {
		switch {
		case !slices.Contains(InterestIDs, id):
			bad(fmt.Sprintf("interests[%d]", i), "unknown interest id %q", id)
		case slices.Index(o.Interests, id) != i:
			bad(fmt.Sprintf("interests[%d]", i), "%q is listed twice", id)
		}
	}

	if !slices.Contains(commitments, o.Commitment) {
		bad("commitment", "%q is not one of %s", o.Commitment, strings.Join(commitments, ", "))
	}
	validateSchedule(o.Schedule, bad)

	if o.MinAge < MinAge {
		bad("min_age", "is %d; volunteers must be at least %d", o.MinAge, MinAge)
	}
	if o.MaxAge != 0 && o.MaxAge < o.MinAge {
		bad("max_age", "%d is below min_age %d", o.MaxAge, o.MinAge)
	}
	if o.ChildCertificate && o.MinAge < ChildCertificateMinAge {
		bad("min_age", "is %d, but tasks that need a child certificate (børneattest) require at least %d", o.MinAge, ChildCertificateMinAge)
	}
	if o.GroupSize < 1 {
		bad("group_size", "is %d; use 1 for one volunteer at a time", o.GroupSize)
	}
	if o.MinGroupSize < 0 || o.MinGroupSize > max(o.GroupSize, 1) {
		bad("min_group_size", "is %d; use 0 when one may come alone, and at most group_size (%d)", o.MinGroupSize, o.GroupSize)
	}
	if o.PlacesLeft != nil && *o.PlacesLeft < 0 {
		bad("places_left", "is negative (%d)", *o.PlacesLeft)
	}
	if !o.ActiveFrom.IsZero() && !o.ActiveTo.IsZero() && !o.ActiveFrom.Before(o.ActiveTo) {
		bad("active_to", "%s is not after active_from %s", o.ActiveTo.Format("2006-01-02"), o.ActiveFrom.Format("2006-01-02"))
	}

	if blank(o.FirstStep.What) {
		bad("first_step.what", "is empty; say what the newcomer does first")
	}
	if blank(o.FirstStep.Where) {
		bad("first_step.where", "is empty; say where to go")
	}
	if blank(o.FirstStep.Contact) {
		bad("first_step.contact", "is empty; say whom to ask for")
	}
	validateFirstStep(o, bad)
	if o.En != nil && *o.En == (match.Translation{}) {
		bad("en", "is empty; leave it out when there is no English text")
	}

	if !o.Place.Online {
		switch pc := strings.TrimSpace(o.Place.Postcode); {
		case pc == "":
			bad("place.postcode", "is empty; give a postcode or mark the place online")
		case !isPostcode(pc):
			bad("place.postcode", "%q is not a four-digit postcode", o.Place.Postcode)
		}
	}
	return errors.Join(errs...)
}

func validateSchedule(s match.Schedule, bad func(field, format string, args ...any)) {
	switch s.Kind {
	case match.ScheduleWeekly:
		if len(s.Weekly) == 0 {
			bad("schedule.weekly", "a weekly schedule needs at least one session")
		}
		if len(s.Events) > 0 {
			bad("schedule.events", "a weekly schedule has no dated events")
		}
	case match.ScheduleDated:
		if len(s.Events) == 0 {
			bad("schedule.events", "a dated schedule needs at least one event")
		}
		if len(s.Weekly) > 0 {
			bad("schedule.weekly", "a dated schedule has no weekly sessions")
		}
	case match.ScheduleFlexible:
		if len(s.Weekly) > 0 || len(s.Events) > 0 {
			bad("schedule.kind", "a flexible schedule has no sessions or events")
		}
	default:
		bad("schedule.kind", "%q is not one of %s, %s, %s", s.Kind, match.ScheduleWeekly, match.ScheduleDated, match.ScheduleFlexible)
	}
	for i, w := range s.Weekly {
		field := fmt.Sprintf("schedule.weekly[%d]", i)
		if !slices.Contains(weekdays, w.Day) {
			bad(field+".day", "%q is not one of %s", w.Day, strings.Join(weekdays, ", "))
		}
		start, okStart := minutes(w.Start)
		end, okEnd := minutes(w.End)
		if !okStart {
			bad(field+".start", "%q is not a time HH:MM", w.Start)
		}
		if !okEnd {
			bad(field+".end", "%q is not a time HH:MM", w.End)
		}
		if okStart && okEnd && start >= end {
			bad(field+".end", "%s is not after start %s", w.End, w.Start)
		}
	}
	for i, e := range s.Events {
		field := fmt.Sprintf("schedule.events[%d]", i)
		if e.Start.IsZero() {
			bad(field+".start", "is missing")
		}
		if e.End.IsZero() {
			bad(field+".end", "is missing")
		} else if !e.Start.IsZero() && !e.Start.Before(e.End) {
			bad(field+".end", "%s is not after start %s", e.End.Format("2006-01-02 15:04"), e.Start.Format("2006-01-02 15:04"))
		}
	}
}

// minutes parses "HH:MM" into minutes after midnight.
func minutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, okH := twoDigits(s[0:2])
	m, okM := twoDigits(s[3:5])
	if !okH || !okM || h > 23 || m > 59 {
		return 0, false
	}
	return h*60 + m, true
}

func twoDigits(s string) (int, bool) {
	if s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return 0, false
	}
	return int(s[0]-'0')*10 + int(s[1]-'0'), true
}

func isPostcode(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
