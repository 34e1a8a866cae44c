package catalogimport

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
)

// Store is the storage an import needs; package store implements it.
type Store interface {
	OpportunitiesOf(ctx context.Context, orgID string) ([]match.Opportunity, error)
	// UpsertOpportunity stores o and stamps it updated at now; an id
	// another organisation uses is catalog.ErrOtherOrganisation.
	UpsertOpportunity(ctx context.Context, o match.Opportunity, now time.Time) error
}

// Organisation is the organisation importing: every row becomes its
// opportunity. Only its ID and Name are used.
type Organisation = catalog.Organisation

// What an import did with a row.
const (
	ActionCreate    = "create"
	ActionUpdate    = "update"
	ActionUnchanged = "unchanged"
	ActionReject    = "reject"
)

// Row is what happened to one row of the file.
type Row struct {
	Row    int      `json:"row"`
	ID     string   `json:"id,omitempty"`
	Action string   `json:"action"`
	Errors []string `json:"errors,omitempty"`
}

// Report is what an import did, row by row.
type Report struct {
	DryRun    bool  `json:"dry_run"`
	Created   int   `json:"created"`
	Updated   int   `json:"updated"`
	Unchanged int   `json:"unchanged"`
	Rejected  int   `json:"rejected"`
	Rows      []Row `json:"rows"`
}

func (r *Report) add(row Row) {
	switch row.Action {
	case ActionCreate:
		r.Created++
	case ActionUpdate:
		r.Updated++
	case ActionUnchanged:
		r.Unchanged++
	case ActionReject:
		r.Rejected++
	}
	r.Rows = append(r.Rows, row)
}

// Import stores the drafts as org's opportunities, stamped updated at now,
// and reports on every row. Rows are independent: a rejected row does not
// stop the others (there are no transactions to undo them with anyway).
// With dryRun nothing is written, and the report says what would happen.
// A storage error stops the import and returns the report so far.
func Import(ctx context.Context, st Store, org Organisation, drafts []Draft, dryRun bool, now time.Time) (Report, error) {
	rep := Report{DryRun: dryRun, Rows: []Row{}}
	stored, err := st.OpportunitiesOf(ctx, org.ID)
	if err != nil {
		return rep, fmt.Errorf("catalogimport: %w", err)
	}
	existing := make(map[string]match.Opportunity, len(stored))
	for _, o := range stored {
		existing[o.ID] = o
	}
	firstRow := map[string]int{}
	for _, d := range drafts {
		o, row := prepare(org, d, firstRow)
		old, found := existing[o.ID]
		if row.Action != ActionReject {
			if !d.PublishedGiven {
				o.Published = !found || old.Published
			}
			switch {
			case !found:
				row.Action = ActionCreate
			case same(o, old):
				row.Action = ActionUnchanged
			default:
				row.Action = ActionUpdate
			}
		}
		if !dryRun && (row.Action == ActionCreate || row.Action == ActionUpdate) {
			if err := st.UpsertOpportunity(ctx, o, now); err != nil {
				if !errors.Is(err, catalog.ErrOtherOrganisation) {
					return rep, fmt.Errorf("catalogimport: row %d: %w", d.Row, err)
				}
				row.Action, row.Errors = ActionReject, []string{"id: another organisation uses this id; give the row an id of its own"}
			}
		}
		rep.add(row)
	}
	return rep, nil
}

// prepare turns a draft into org's opportunity and the report row for it,
// rejected with every reason when anything is wrong.
func prepare(org Organisation, d Draft, firstRow map[string]int) (match.Opportunity, Row) {
	o := d.Opportunity
	problems := append([]string(nil), d.Errors...)
	if d.OrganisationID != "" && d.OrganisationID != org.ID {
		problems = append(problems, fmt.Sprintf("organisation_id: %q is not your organisation (%s)", d.OrganisationID, org.ID))
	}
	o.OrganisationID, o.Organisation, o.Sample = org.ID, org.Name, false
	id, err := catalog.OpportunityID(org.ID, o.ID, o.Title)
	if err != nil {
		problems = append(problems, problem(err))
	}
	if len(id) > catalog.MaxOpportunityID {
		problems = append(problems, fmt.Sprintf("id: %s… is %d characters long with your organisation's prefix; keep it to %d", id[:40], len(id), catalog.MaxOpportunityID))
	}
	o.ID = id
	if n, dup := firstRow[id]; dup && id != "" {
		problems = append(problems, fmt.Sprintf("id: row %d has the same id", n))
	} else if id != "" {
		firstRow[id] = d.Row
	}
	if err := catalog.Validate(o); err != nil {
		for _, e := range unjoin(err) {
			problems = append(problems, problem(e))
		}
	}
	row := Row{Row: d.Row, ID: id}
	if len(problems) > 0 {
		row.Action, row.Errors = ActionReject, dedupe(problems)
	}
	return o, row
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func dedupe(ss []string) []string {
	out := ss[:0]
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// problem is one thing wrong with a row, named by its field: a
// catalog.FieldError says "field: problem", for the person who wrote the row.
func problem(err error) string {
	var fe *catalog.FieldError
	if errors.As(err, &fe) {
		return fe.Field + ": " + fe.Problem
	}
	return err.Error()
}

// same reports whether a draft would store exactly what is stored: both are
// compared in one canonical form, since the database keeps times to the
// millisecond, in UTC, and does not tell a missing list from an empty one.
func same(a, b match.Opportunity) bool { return bytes.Equal(canonical(a), canonical(b)) }

func canonical(o match.Opportunity) []byte {
	t := func(v time.Time) time.Time {
		if v.IsZero() {
			return time.Time{}
		}
		return v.UTC().Truncate(time.Millisecond)
	}
	o.ActiveFrom, o.ActiveTo = t(o.ActiveFrom), t(o.ActiveTo)
	events := make([]match.Event, len(o.Schedule.Events))
	for i, e := range o.Schedule.Events {
		events[i] = match.Event{Start: t(e.Start), End: t(e.End)}
	}
	o.Schedule.Events = events
	w := &o.FirstStep.WayIn
	dates := make([]match.Event, len(w.Dates))
	for i, e := range w.Dates {
		dates[i] = match.Event{Start: t(e.Start), End: t(e.End)}
	}
	w.Dates = dates
	if len(w.Weekly) == 0 {
		w.Weekly = nil
	}
	if len(w.Monthly) == 0 {
		w.Monthly = nil
	}
	if len(w.Dates) == 0 {
		w.Dates = nil
	}
	if len(o.Schedule.Weekly) == 0 {
		o.Schedule.Weekly = nil
	}
	if len(o.Schedule.Events) == 0 {
		o.Schedule.Events = nil
	}
	if len(o.Interests) == 0 {
		o.Interests = nil
	}
	b, _ := json.Marshal(o) // plain data; cannot fail
	return b
}
