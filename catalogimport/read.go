// Package catalogimport reads an organisation's own list of volunteering
// opportunities — a CSV file from a spreadsheet or a JSON file from its own
// system — and stores it in Brobygger's catalog, with a report that says
// for every row whether it was created, updated, left unchanged or
// rejected, and why.
//
// Reading resolves postcodes to municipality and coordinates with
// catalog.ResolvePlace, and importing gives every opportunity its id with
// catalog.OpportunityID and checks it with catalog.Validate. Importing is
// idempotent: a row equal to what is stored is left alone (and does not
// wake the servers' catalog sync), so importing the same file twice reports
// every row unchanged the second time. A dry run reports without writing.
// See README.md for the columns.
package catalogimport

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // dates in a file are Danish local time, whatever the server's zone data
	"unicode/utf8"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/textclean"
)

// Draft is one row of a file read into an opportunity, with what was wrong
// with it. Its ID is the id as the file gives it; Import turns it into the
// stored id.
type Draft struct {
	// Row is the row's number: the spreadsheet row for CSV (the header is
	// row 1), the position in the array for JSON (the first is row 1).
	Row         int
	Opportunity match.Opportunity
	// OrganisationID is the organisation the row names, if it names one.
	OrganisationID string
	// PublishedGiven is whether the row says if it is published; if not,
	// a new opportunity is published and a stored one keeps its state.
	PublishedGiven bool
	Errors         []string
}

// Formats Read understands.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// Read reads a file in the given format.
func Read(format string, r io.Reader) ([]Draft, error) {
	switch strings.ToLower(format) {
	case FormatCSV:
		return ReadCSV(r)
	case FormatJSON:
		return ReadJSON(r)
	}
	return nil, fmt.Errorf("catalogimport: format %q is not csv or json", format)
}

// Limits on what is read from an upload. The texts' own limits are
// catalog.Validate's (a title of at most catalog.MaxTitleRunes, …); a cell
// that is not text, such as weekly or interests, has maxCellRunes, so that
// the report, which quotes a bad value, stays small.
const (
	maxFileSize  = 4 << 20
	maxRows      = 5000
	maxCellRunes = 1000
)

// textColumns are the CSV columns catalog.Validate limits and never quotes.
var textColumns = []string{"title", "summary", "description", "address",
	"first_step_what", "first_step_where", "first_step_contact",
	"en_title", "en_summary", "en_description", "en_first_step_what", "en_first_step_where", "en_first_step_contact"}

// nulProblem is what a row is told when a cell or field holds a NUL.
const nulProblem = "holds a NUL character; remove it"

// checkCells finds what is wrong with a row's cells before they are read:
// a NUL anywhere, and a cell that is not text longer than maxCellRunes (an
// id longer than catalog.MaxOpportunityID). The NULs are removed and a too
// long cell is emptied, so that reading the row goes on and its other
// problems are reported too, without quoting the cell.
func checkCells(names, rec []string) []string {
	var problems []string
	for i, v := range rec {
		name := fmt.Sprintf("column %d", i+1)
		if i < len(names) {
			name = names[i]
		}
		if textclean.HasNUL(v) {
			problems = append(problems, name+": "+nulProblem)
			v = strings.ReplaceAll(v, "\x00", "")
		}
		limit := maxCellRunes
		switch {
		case slices.Contains(textColumns, name):
			limit = -1
		case name == "id":
			limit = catalog.MaxOpportunityID
		}
		if n := utf8.RuneCountInString(v); limit >= 0 && n > limit {
			problems = append(problems, fmt.Sprintf("%s: is %d characters long; keep it to %d", name, n, limit))
			v = ""
		}
		rec[i] = v
	}
	return problems
}

// CleanTexts removes what must not be shown from an opportunity's texts
// (see package textclean): its title and contact, in both languages, and
// its address are names and lose bidi controls, zero-width and control
// characters, with white space folded; its summary, description and first
// step keep their lines. The import calls it on every row before
// catalog.Validate; so should any other way an organisation writes an
// opportunity.
func CleanTexts(o *match.Opportunity) {
	for _, p := range []*string{&o.Title, &o.FirstStep.Contact, &o.Place.Address} {
		*p = textclean.Name(*p)
	}
	for _, p := range []*string{&o.Summary, &o.Description, &o.FirstStep.What, &o.FirstStep.Where} {
		*p = textclean.Text(*p)
	}
	if en := o.En; en != nil {
		for _, p := range []*string{&en.Title, &en.FirstStepContact} {
			*p = textclean.Name(*p)
		}
		for _, p := range []*string{&en.Summary, &en.Description, &en.FirstStepWhat, &en.FirstStepWhere} {
			*p = textclean.Text(*p)
		}
	}
}

var danish = mustLocation("Europe/Copenhagen")

func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // time/tzdata is embedded, so this cannot happen
	}
	return loc
}

// Columns of the CSV file, in the order the README lists them.
var columns = []string{
	"id", "title", "summary", "description", "interests", "commitment",
	"weekly", "dates", "min_age", "max_age", "group_size", "min_group_size", "child_certificate", "places_left",
	"online", "address", "postcode", "municipality", "active_from", "active_to",
	"first_step_what", "first_step_where", "first_step_contact", "published", "organisation_id",
	"way_in_kind", "way_in", "notice_hours",
	"en_title", "en_summary", "en_description", "en_first_step_what", "en_first_step_where", "en_first_step_contact",
}

// requiredColumns must be in the header; every other column may be left out.
var requiredColumns = []string{"title", "summary", "interests", "commitment", "min_age",
	"first_step_what", "first_step_where", "first_step_contact"}

// ReadCSV reads a CSV file with a header row. Both commas and semicolons
// (what a Danish Excel writes) separate fields: whichever the header uses.
// A file that cannot be read, or whose header lacks a required column or
// names an unknown one, is an error; a bad row is a Draft with Errors.
func ReadCSV(r io.Reader) ([]Draft, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("catalogimport: read csv: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("catalogimport: the file is larger than %d MB", maxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff")) // Excel's byte order mark
	firstLine, _, _ := bytes.Cut(data, []byte("\n"))
	cr := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(firstLine, []byte(";")) > bytes.Count(firstLine, []byte(",")) {
		cr.Comma = ';'
	}
	cr.FieldsPerRecord = -1 // short rows are reported per row, not as a broken file
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("catalogimport: the csv file is empty")
	}
	if err != nil {
		return nil, fmt.Errorf("catalogimport: read csv: %w", err)
	}
	index := map[string]int{}
	names := make([]string, len(header))
	var problems []error
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		names[i] = name
		switch _, dup := index[name]; {
		case !slices.Contains(columns, name):
			problems = append(problems, fmt.Errorf("unknown column %q", h))
		case dup:
			problems = append(problems, fmt.Errorf("column %q appears twice", h))
		}
		index[name] = i
	}
	for _, c := range requiredColumns {
		if _, ok := index[c]; !ok {
			problems = append(problems, fmt.Errorf("missing column %q", c))
		}
	}
	if err := errors.Join(problems...); err != nil {
		return nil, fmt.Errorf("catalogimport: csv header: %w", err)
	}
	var drafts []Draft
	for row := 2; ; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("catalogimport: read csv: %w", err)
		}
		if blankRecord(rec) {
			continue
		}
		if len(drafts) == maxRows {
			return nil, fmt.Errorf("catalogimport: the file has more than %d rows; split it", maxRows)
		}
		cellProblems := checkCells(names, rec)
		cell := func(name string) string {
			if i, ok := index[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		d := draftFromCells(row, cell)
		d.Errors = append(cellProblems, d.Errors...)
		drafts = append(drafts, d)
	}
	return drafts, nil
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// draftFromCells builds a draft from one CSV row.
func draftFromCells(row int, cell func(string) string) Draft {
	d := Draft{Row: row, OrganisationID: cell("organisation_id")}
	bad := func(format string, args ...any) { d.Errors = append(d.Errors, fmt.Sprintf(format, args...)) }
	o := &d.Opportunity
	o.ID, o.Title, o.Summary, o.Description = cell("id"), cell("title"), cell("summary"), cell("description")
	o.Interests = list(cell("interests"))
	o.Commitment = cell("commitment")
	o.FirstStep = match.FirstStep{What: cell("first_step_what"), Where: cell("first_step_where"), Contact: cell("first_step_contact")}
	o.Place = match.Place{Address: cell("address"), Postcode: cell("postcode"), Municipality: cell("municipality")}

	integer := func(col string, def int) int {
		v := cell(col)
		if v == "" {
			return def
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			bad("%s: %q is not a whole number", col, v)
		}
		return n
	}
	boolean := func(col string) (value, given bool) {
		switch strings.ToLower(cell(col)) {
		case "":
			return false, false
		case "yes", "ja", "true", "1", "x":
			return true, true
		case "no", "nej", "false", "0":
			return false, true
		}
		bad("%s: %q is not yes or no", col, cell(col))
		return false, true
	}
	o.MinAge = integer("min_age", 0)
	o.MaxAge = integer("max_age", 0)
	o.GroupSize = integer("group_size", 1)
	o.MinGroupSize = integer("min_group_size", 0)
	o.ChildCertificate, _ = boolean("child_certificate")
	o.Place.Online, _ = boolean("online")
	o.Published, d.PublishedGiven = boolean("published")
	if cell("places_left") != "" {
		n := integer("places_left", 0)
		o.PlacesLeft = &n
	}
	var err error
	if o.ActiveFrom, err = date(cell("active_from"), false); err != nil {
		bad("active_from: %v", err)
	}
	if o.ActiveTo, err = date(cell("active_to"), true); err != nil {
		bad("active_to: %v", err)
	}

	weekly, dates := list(cell("weekly")), list(cell("dates"))
	switch {
	case len(weekly) > 0 && len(dates) > 0:
		bad("weekly and dates: give one of them, not both")
	case len(weekly) > 0:
		o.Schedule.Kind = match.ScheduleWeekly
		for _, w := range weekly {
			s, err := weeklySession(w)
			if err != nil {
				bad("weekly: %v", err)
			}
			o.Schedule.Weekly = append(o.Schedule.Weekly, s)
		}
	case len(dates) > 0:
		o.Schedule.Kind = match.ScheduleDated
		for _, v := range dates {
			e, err := event(v)
			if err != nil {
				bad("dates: %v", err)
			}
			o.Schedule.Events = append(o.Schedule.Events, e)
		}
	default:
		o.Schedule.Kind = match.ScheduleFlexible
	}
	o.FirstStep.WayIn = wayIn(cell("way_in_kind"), list(cell("way_in")), o.Place.Online, bad)
	if cell("notice_hours") != "" {
		o.FirstStep.WayIn.NoticeHours = integer("notice_hours", 0)
	}
	en := match.Translation{Title: cell("en_title"), Summary: cell("en_summary"), Description: cell("en_description"),
		FirstStepWhat: cell("en_first_step_what"), FirstStepWhere: cell("en_first_step_where"),
		FirstStepContact: cell("en_first_step_contact")}
	if en != (match.Translation{}) {
		o.En = &en
	}
	if err := resolvePlace(&o.Place); err != nil {
		bad("%v", err)
	}
	CleanTexts(o)
	return d
}

// wayInKinds maps the ways a way in's kind is written to match's kinds.
var wayInKinds = map[string]string{
	"session": match.WayInSession, "sessions": match.WayInSession, "gang": match.WayInSession, "mødegang": match.WayInSession,
	"intro": match.WayInIntro, "intromøde": match.WayInIntro, "infomøde": match.WayInIntro, "informationsmøde": match.WayInIntro,
	"open_hours": match.WayInOpenHours, "open hours": match.WayInOpenHours, "åbent": match.WayInOpenHours, "åbningstid": match.WayInOpenHours,
	"call": match.WayInCall, "video": match.WayInCall, "opkald": match.WayInCall, "videosnak": match.WayInCall,
}

// ordinals maps "first" … "last" (and Danish, and numbers) to a
// MonthlySession's week.
var ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1,
	"1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "1": 1, "2": 2, "3": 3, "4": 4, "-1": -1,
	"første": 1, "anden": 2, "andre": 2, "tredje": 3, "fjerde": 4, "sidste": -1,
	"1.": 1, "2.": 2, "3.": 3, "4.": 4,
}

// wayIn reads the way_in_kind and way_in cells: times like
// "tue 17:00-18:00" (every week), "first tue 17:00-18:00" (every month)
// or "2026-05-01 10:00-11:00" (once). Without a kind, times are a call
// slot for an online task and an intro meeting otherwise.
func wayIn(kind string, times []string, online bool, bad func(string, ...any)) match.WayIn {
	var w match.WayIn
	if kind != "" {
		k, ok := wayInKinds[strings.ToLower(kind)]
		if !ok {
			bad("way_in_kind: %q is not session, intro, open_hours or call", kind)
		}
		w.Kind = k
	}
	for _, t := range times {
		fields := strings.Fields(t)
		switch {
		case len(fields) == 3:
			week, ok := ordinals[strings.ToLower(fields[0])]
			s, err := weeklySession(fields[1] + " " + fields[2])
			if !ok || err != nil {
				bad("way_in: %q is not like \"first tue 17:00-18:00\" or \"last thu 19:00-20:00\"", t)
				continue
			}
			w.Monthly = append(w.Monthly, match.MonthlySession{Week: week, Day: s.Day, Start: s.Start, End: s.End})
		case len(fields) == 2 && strings.Count(fields[0], "-") == 2:
			e, err := event(t)
			if err != nil {
				bad("way_in: %v", err)
				continue
			}
			w.Dates = append(w.Dates, e)
		default:
			s, err := weeklySession(t)
			if err != nil {
				bad("way_in: %q is not like \"tue 17:00-18:00\", \"first tue 17:00-18:00\" or \"2026-05-01 10:00-11:00\"", t)
				continue
			}
			w.Weekly = append(w.Weekly, s)
		}
	}
	if w.Kind == "" && len(times) > 0 {
		w.Kind = match.WayInIntro
		if online {
			w.Kind = match.WayInCall
		}
	}
	return w
}

// list splits a cell holding several values.
func list(s string) []string {
	var out []string
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' || r == ';' }) {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// days maps the ways a day is written to match's "mon".."sun".
var days = map[string]string{
	"mon": "mon", "monday": "mon", "man": "mon", "mandag": "mon",
	"tue": "tue", "tuesday": "tue", "tir": "tue", "tirsdag": "tue",
	"wed": "wed", "wednesday": "wed", "ons": "wed", "onsdag": "wed",
	"thu": "thu", "thursday": "thu", "tor": "thu", "torsdag": "thu",
	"fri": "fri", "friday": "fri", "fre": "fri", "fredag": "fri",
	"sat": "sat", "saturday": "sat", "lør": "sat", "lørdag": "sat", "lor": "sat", "lordag": "sat",
	"sun": "sun", "sunday": "sun", "søn": "sun", "søndag": "sun", "son": "sun", "sondag": "sun",
}

// weeklySession reads "tue 17:00-19:00" (or "tirsdag 17:00-19:00").
func weeklySession(s string) (match.WeeklySession, error) {
	day, span, ok := strings.Cut(strings.TrimSpace(s), " ")
	start, end, ok2 := strings.Cut(strings.TrimSpace(span), "-")
	d, known := days[strings.ToLower(day)]
	if !ok || !ok2 || !known {
		return match.WeeklySession{}, fmt.Errorf("%q is not like \"tue 17:00-19:00\"", s)
	}
	return match.WeeklySession{Day: d, Start: clock(start), End: clock(end)}, nil
}

// clock writes "9:00" and "9.00" as "09:00"; catalog.Validate checks the rest.
func clock(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), ".", ":")
	if len(s) == 4 && s[1] == ':' {
		s = "0" + s
	}
	return s
}

// event reads "2026-05-01 10:00-14:00" in Danish local time.
func event(s string) (match.Event, error) {
	day, span, ok := strings.Cut(strings.TrimSpace(s), " ")
	start, end, ok2 := strings.Cut(strings.TrimSpace(span), "-")
	if !ok || !ok2 {
		return match.Event{}, fmt.Errorf("%q is not like \"2026-05-01 10:00-14:00\"", s)
	}
	from, err1 := time.ParseInLocation("2006-01-02 15:04", day+" "+clock(start), danish)
	to, err2 := time.ParseInLocation("2006-01-02 15:04", day+" "+clock(end), danish)
	if err1 != nil || err2 != nil {
		return match.Event{}, fmt.Errorf("%q is not like \"2026-05-01 10:00-14:00\"", s)
	}
	return match.Event{Start: from.UTC(), End: to.UTC()}, nil
}

// date reads "2026-05-01" as the start of that Danish day, or with
// endOfDay as its last second, so an active_to date includes the day.
func date(s string, endOfDay bool) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation(time.DateOnly, s, danish)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date like 2026-05-01", s)
	}
	if endOfDay {
		t = t.AddDate(0, 0, 1).Add(-time.Second)
	}
	return t.UTC(), nil
}

// resolvePlace fills an offline place's municipality, coordinates and
// landmass from its postcode (catalog.ResolvePlace), and says what is wrong
// in the file's own column names.
func resolvePlace(p *match.Place) error {
	err := catalog.ResolvePlace(p)
	var fe *catalog.FieldError
	if errors.As(err, &fe) {
		return fmt.Errorf("%s: %s", strings.TrimPrefix(fe.Field, "place."), fe.Problem)
	}
	return err
}

// ReadJSON reads a JSON array of opportunities in the shape of
// match.Opportunity (as in catalog/sample/opportunities.json). An element
// with unknown fields or values of the wrong type is a Draft with Errors.
func ReadJSON(r io.Reader) ([]Draft, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("catalogimport: read json: %w", err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("catalogimport: the file is larger than %d MB", maxFileSize>>20)
	}
	var elems []json.RawMessage
	if err := json.Unmarshal(data, &elems); err != nil {
		return nil, fmt.Errorf("catalogimport: the json file is not an array of opportunities: %w", err)
	}
	if len(elems) > maxRows {
		return nil, fmt.Errorf("catalogimport: the file has more than %d opportunities; split it", maxRows)
	}
	drafts := make([]Draft, 0, len(elems))
	for i, raw := range elems {
		d := Draft{Row: i + 1}
		var tree any
		if json.Unmarshal(raw, &tree) == nil {
			for _, path := range nulPaths(tree, "", nil) {
				d.Errors = append(d.Errors, path+": "+nulProblem)
			}
		}
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d.Opportunity); err != nil {
			d.Errors = append(d.Errors, err.Error())
		}
		var probe struct {
			Published *bool `json:"published"`
		}
		_ = json.Unmarshal(raw, &probe)
		d.PublishedGiven = probe.Published != nil
		d.OrganisationID = d.Opportunity.OrganisationID
		if d.Opportunity.Schedule.Kind == "" {
			d.Opportunity.Schedule.Kind = match.ScheduleFlexible
		}
		if d.Opportunity.GroupSize == 0 {
			d.Opportunity.GroupSize = 1
		}
		if err := resolvePlace(&d.Opportunity.Place); err != nil {
			d.Errors = append(d.Errors, err.Error())
		}
		CleanTexts(&d.Opportunity)
		drafts = append(drafts, d)
	}
	return drafts, nil
}

// nulPaths appends to out the path of every key and string in a decoded
// JSON value that holds a NUL, e.g. "first_step.what" or "interests[1]",
// in a fixed order.
func nulPaths(v any, path string, out []string) []string {
	switch v := v.(type) {
	case string:
		if textclean.HasNUL(v) {
			out = append(out, path)
		}
	case []any:
		for i, e := range v {
			out = nulPaths(e, fmt.Sprintf("%s[%d]", path, i), out)
		}
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := k
			if path != "" {
				p = path + "." + k
			}
			if textclean.HasNUL(k) {
				out = append(out, strconv.Quote(p))
				continue
			}
			out = nulPaths(v[k], p, out)
		}
	}
	return out
}
