package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/catalogimport"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/textclean"
)

// Orgs is the storage behind the organisation side: the catalog's
// organisations and opportunities, and the organisations' webhooks.
// Changes to opportunities are stamped, so every server's catalog sync
// picks them up within seconds.
type Orgs interface {
	catalog.Store
	SetWebhook(ctx context.Context, orgID, url, secret string, now time.Time) (leads.Webhook, error)
	Webhook(ctx context.Context, orgID string) (leads.Webhook, error)
}

var _ catalogimport.Store = Orgs(nil)

// ownOrganisation lets org_staff through only to their own organisation.
// Another organisation's id is 404, like an id that does not exist.
func ownOrganisation(c *fiber.Ctx) error {
	if p := caller(c); p.OrgID == "" || c.Params("org_id") != p.OrgID {
		return notFound("No such organisation, or it is not yours.")
	}
	return c.Next()
}

// Limits on what an organisation writes.
const (
	maxOrgNameRunes      = 200
	maxWebhookURL        = 2000
	minWebhookSecret     = 16
	maxWebhookSecret     = 200
	maxLeadMessageRunes  = 1000
	webhookSecretVisible = 4
)

type createOrganisationRequest struct {
	Name string `json:"name"`
}

type organisationJSON struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// createOrganisation lets an administrator add an organisation, whose staff
// accounts are then created with its id.
func (s *Server) createOrganisation(c *fiber.Ctx) error {
	var req createOrganisationRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	name, err := staffText("name", req.Name, maxOrgNameRunes)
	if err != nil {
		return err
	}
	name = textclean.Name(name)
	o, err := s.orgs.CreateOrganisation(c.UserContext(), name, s.now())
	if err != nil {
		return err
	}
	c.Status(fiber.StatusCreated)
	return c.JSON(organisationJSON{ID: o.ID, Name: o.Name})
}

// Opportunities.

type weeklySessionJSON struct {
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
}

type eventJSON struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

type scheduleJSON struct {
	Kind   string              `json:"kind"`
	Weekly []weeklySessionJSON `json:"weekly"`
	Events []eventJSON         `json:"events"`
}

type placeJSON struct {
	Online       bool    `json:"online"`
	Address      string  `json:"address"`
	Postcode     string  `json:"postcode"`
	Municipality string  `json:"municipality"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	Landmass     string  `json:"landmass,omitempty"`
}

type opportunityFirstStepJSON struct {
	What    string `json:"what"`
	Where   string `json:"where"`
	Contact string `json:"contact"`
	// WayIn is left out when the first step is the schedule's next session.
	WayIn *wayInJSON `json:"way_in,omitempty"`
}

type monthlySessionJSON struct {
	Week  int    `json:"week"`
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// wayInJSON is match.WayIn: when a newcomer can take the first step.
type wayInJSON struct {
	Kind        string               `json:"kind,omitempty"`
	Weekly      []weeklySessionJSON  `json:"weekly"`
	Monthly     []monthlySessionJSON `json:"monthly"`
	Dates       []eventJSON          `json:"dates"`
	NoticeHours int                  `json:"notice_hours"`
}

// translationJSON is match.Translation: the opportunity's English text.
type translationJSON struct {
	Title            string `json:"title,omitempty"`
	Summary          string `json:"summary,omitempty"`
	Description      string `json:"description,omitempty"`
	FirstStepWhat    string `json:"first_step_what,omitempty"`
	FirstStepWhere   string `json:"first_step_where,omitempty"`
	FirstStepContact string `json:"first_step_contact,omitempty"`
}

func toWayIn(w match.WayIn) *wayInJSON {
	if w.Kind == "" && len(w.Weekly)+len(w.Monthly)+len(w.Dates) == 0 && w.NoticeHours == 0 {
		return nil
	}
	out := &wayInJSON{Kind: w.Kind, NoticeHours: w.NoticeHours, Weekly: make([]weeklySessionJSON, len(w.Weekly)),
		Monthly: make([]monthlySessionJSON, len(w.Monthly)), Dates: make([]eventJSON, len(w.Dates))}
	for i, s := range w.Weekly {
		out.Weekly[i] = weeklySessionJSON(s)
	}
	for i, m := range w.Monthly {
		out.Monthly[i] = monthlySessionJSON(m)
	}
	for i, e := range w.Dates {
		out.Dates[i] = eventJSON(e)
	}
	return out
}

func (w *wayInJSON) wayIn() match.WayIn {
	if w == nil {
		return match.WayIn{}
	}
	out := match.WayIn{Kind: strings.TrimSpace(w.Kind), NoticeHours: w.NoticeHours}
	for _, s := range w.Weekly {
		out.Weekly = append(out.Weekly, match.WeeklySession(s))
	}
	for _, m := range w.Monthly {
		out.Monthly = append(out.Monthly, match.MonthlySession(m))
	}
	for _, e := range w.Dates {
		out.Dates = append(out.Dates, match.Event{Start: e.Start.UTC(), End: e.End.UTC()})
	}
	return out
}

func toTranslation(t *match.Translation) *translationJSON {
	if t == nil {
		return nil
	}
	out := translationJSON(*t)
	return &out
}

// translation is the English text staff wrote; nil when they wrote none.
func (t *translationJSON) translation() *match.Translation {
	if t == nil {
		return nil
	}
	out := match.Translation{Title: strings.TrimSpace(t.Title), Summary: strings.TrimSpace(t.Summary),
		Description: strings.TrimSpace(t.Description), FirstStepWhat: strings.TrimSpace(t.FirstStepWhat),
		FirstStepWhere: strings.TrimSpace(t.FirstStepWhere), FirstStepContact: strings.TrimSpace(t.FirstStepContact)}
	if out == (match.Translation{}) {
		return nil
	}
	return &out
}

// opportunityJSON is an opportunity as its organisation sees and edits it.
type opportunityJSON struct {
	ID               string                   `json:"id"`
	OrganisationID   string                   `json:"organisation_id"`
	Organisation     string                   `json:"organisation"`
	Title            string                   `json:"title"`
	Summary          string                   `json:"summary"`
	Description      string                   `json:"description"`
	Interests        []string                 `json:"interests"`
	Commitment       string                   `json:"commitment"`
	Schedule         scheduleJSON             `json:"schedule"`
	MinAge           int                      `json:"min_age"`
	MaxAge           int                      `json:"max_age"`
	GroupSize        int                      `json:"group_size"`
	MinGroupSize     int                      `json:"min_group_size"`
	ChildCertificate bool                     `json:"child_certificate"`
	PlacesLeft       *int                     `json:"places_left"`
	Place            placeJSON                `json:"place"`
	ActiveFrom       *time.Time               `json:"active_from"`
	ActiveTo         *time.Time               `json:"active_to"`
	FirstStep        opportunityFirstStepJSON `json:"first_step"`
	Published        bool                     `json:"published"`
	// En is the English text; left out when there is none.
	En *translationJSON `json:"en,omitempty"`
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func toOpportunity(o match.Opportunity) opportunityJSON {
	sched := scheduleJSON{Kind: o.Schedule.Kind, Weekly: make([]weeklySessionJSON, len(o.Schedule.Weekly)),
		Events: make([]eventJSON, len(o.Schedule.Events))}
	for i, w := range o.Schedule.Weekly {
		sched.Weekly[i] = weeklySessionJSON(w)
	}
	for i, e := range o.Schedule.Events {
		sched.Events[i] = eventJSON(e)
	}
	return opportunityJSON{
		ID: o.ID, OrganisationID: o.OrganisationID, Organisation: o.Organisation, Title: o.Title, Summary: o.Summary,
		Description: o.Description, Interests: nonNil(o.Interests), Commitment: o.Commitment, Schedule: sched,
		MinAge: o.MinAge, MaxAge: o.MaxAge, GroupSize: o.GroupSize, MinGroupSize: o.MinGroupSize, ChildCertificate: o.ChildCertificate,
		PlacesLeft: o.PlacesLeft, Place: placeJSON{Online: o.Place.Online, Address: o.Place.Address, Postcode: o.Place.Postcode, Municipality: o.Place.Municipality, Lat: o.Place.Lat, Lon: o.Place.Lon, Landmass: o.Place.Landmass}, ActiveFrom: optionalTime(o.ActiveFrom),
		ActiveTo: optionalTime(o.ActiveTo), FirstStep: opportunityFirstStepJSON{What: o.FirstStep.What, Where: o.FirstStep.Where, Contact: o.FirstStep.Contact,
			WayIn: toWayIn(o.FirstStep.WayIn)}, Published: o.Published, En: toTranslation(o.En),
	}
}

func (s *Server) listOpportunities(c *fiber.Ctx) error {
	opps, err := s.orgs.OpportunitiesOf(c.UserContext(), c.Params("org_id"))
	if err != nil {
		return err
	}
	out := make([]opportunityJSON, len(opps))
	for i, o := range opps {
		out[i] = toOpportunity(o)
	}
	return c.JSON(fiber.Map{"opportunities": out})
}

// opportunityRequest is an opportunity as staff write it. The organisation
// comes from the path and the place's municipality and position from the
// postcode, so neither can be set here.
type opportunityRequest struct {
	Title            string                   `json:"title"`
	Summary          string                   `json:"summary"`
	Description      string                   `json:"description"`
	Interests        []string                 `json:"interests"`
	Commitment       string                   `json:"commitment"`
	Schedule         scheduleJSON             `json:"schedule"`
	MinAge           int                      `json:"min_age"`
	MaxAge           int                      `json:"max_age"`
	GroupSize        int                      `json:"group_size"`
	MinGroupSize     int                      `json:"min_group_size"`
	ChildCertificate bool                     `json:"child_certificate"`
	PlacesLeft       *int                     `json:"places_left"`
	Place            opportunityPlaceRequest  `json:"place"`
	ActiveFrom       *time.Time               `json:"active_from"`
	ActiveTo         *time.Time               `json:"active_to"`
	FirstStep        opportunityFirstStepJSON `json:"first_step"`
	// Published is whether young people see it; left out, a new
	// opportunity is published and an existing one keeps its state.
	Published *bool `json:"published"`
	// En is the English text; left out or empty, there is none.
	En *translationJSON `json:"en"`
}

type opportunityPlaceRequest struct {
	Online   bool   `json:"online"`
	Address  string `json:"address"`
	Postcode string `json:"postcode"`
}

// opportunity builds the opportunity the request describes for org.
func (r opportunityRequest) opportunity(id string, org catalog.Organisation) match.Opportunity {
	o := match.Opportunity{
		ID: id, OrganisationID: org.ID, Organisation: org.Name,
		Title: strings.TrimSpace(r.Title), Summary: strings.TrimSpace(r.Summary), Description: strings.TrimSpace(r.Description),
		Interests: r.Interests, Commitment: r.Commitment, MinAge: r.MinAge, MaxAge: r.MaxAge, GroupSize: r.GroupSize, MinGroupSize: r.MinGroupSize,
		ChildCertificate: r.ChildCertificate, PlacesLeft: r.PlacesLeft,
		Place: match.Place{Online: r.Place.Online, Address: strings.TrimSpace(r.Place.Address), Postcode: strings.TrimSpace(r.Place.Postcode)},
		FirstStep: match.FirstStep{What: strings.TrimSpace(r.FirstStep.What), Where: strings.TrimSpace(r.FirstStep.Where),
			Contact: strings.TrimSpace(r.FirstStep.Contact), WayIn: r.FirstStep.WayIn.wayIn()},
		Schedule: match.Schedule{Kind: r.Schedule.Kind},
		En:       r.En.translation(),
	}
	if o.GroupSize == 0 {
		o.GroupSize = 1
	}
	if o.Schedule.Kind == "" {
		o.Schedule.Kind = match.ScheduleFlexible
	}
	for _, w := range r.Schedule.Weekly {
		o.Schedule.Weekly = append(o.Schedule.Weekly, match.WeeklySession(w))
	}
	for _, e := range r.Schedule.Events {
		o.Schedule.Events = append(o.Schedule.Events, match.Event{Start: e.Start.UTC(), End: e.End.UTC()})
	}
	if r.ActiveFrom != nil {
		o.ActiveFrom = r.ActiveFrom.UTC()
	}
	if r.ActiveTo != nil {
		o.ActiveTo = r.ActiveTo.UTC()
	}
	return o
}

// putOpportunity creates the opportunity with the path's id, or replaces
// the organisation's opportunity with that id.
func (s *Server) putOpportunity(c *fiber.Ctx) error {
	var req opportunityRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	ctx, orgID, id := c.UserContext(), c.Params("org_id"), c.Params("id")
	org, err := s.orgs.Organisation(ctx, orgID)
	if err != nil {
		return err
	}
	old, err := s.orgs.Opportunity(ctx, id)
	exists := err == nil && old.OrganisationID == orgID
	switch {
	case err != nil && !errors.Is(err, catalog.ErrNotFound):
		return err
	case !exists && !strings.HasPrefix(id, catalog.OpportunityPrefix(orgID)):
		// Another organisation's id and an id nobody has get the same
		// answer, so the answer does not tell whether the id exists.
		return opportunityNotYours(orgID)
	case err == nil && !exists:
		// An id with this organisation's prefix that another one holds
		// (possible only between sample organisations whose ids nest).
		return opportunityNotYours(orgID)
	case !exists && !catalog.ValidNewOpportunityID(orgID, id):
		return unprocessable(fmt.Sprintf("id: a new opportunity's id starts with %q and goes on in a-z, 0-9 and single dashes, at most %d characters.",
			catalog.OpportunityPrefix(orgID), catalog.MaxOpportunityID))
	}
	o := req.opportunity(id, org)
	if err := catalog.ResolvePlace(&o.Place); err != nil {
		return unprocessable(opportunityProblems(err))
	}
	if err := catalog.Validate(o); err != nil {
		return unprocessable(opportunityProblems(err))
	}
	// NUL, control characters and line breaks were refused above; what is
	// left to clean is invisible: bidi controls and zero-width characters.
	catalogimport.CleanTexts(&o)
	o.Published = !exists || old.Published
	if req.Published != nil {
		o.Published = *req.Published
	}
	if err := s.orgs.UpsertOpportunity(ctx, o, s.now()); err != nil {
		if errors.Is(err, catalog.ErrOtherOrganisation) {
			return opportunityNotYours(orgID) // another organisation took the id meanwhile
		}
		return err
	}
	if !exists {
		c.Status(fiber.StatusCreated)
	}
	return c.JSON(toOpportunity(o))
}

// opportunityNotYours is the answer to a PUT of an id that is not the
// organisation's and cannot become it: another organisation's id, or one
// without this organisation's prefix. Both get 404 with the same words, so
// that staff learn nothing about other organisations' opportunities, and
// are told which ids they can create.
func opportunityNotYours(orgID string) error {
	return notFound(fmt.Sprintf("No opportunity of yours has this id. A new opportunity's id starts with %q and goes on in a-z, 0-9 and single dashes, at most %d characters.",
		catalog.OpportunityPrefix(orgID), catalog.MaxOpportunityID))
}

// opportunityProblems lists catalog.Validate's (or ResolvePlace's)
// problems by field.
func opportunityProblems(err error) string {
	var problems []string
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		var fe *catalog.FieldError
		if errors.As(e, &fe) {
			problems = append(problems, fe.Field+": "+fe.Problem)
		} else {
			problems = append(problems, e.Error())
		}
	}
	return strings.Join(problems, "; ") + "."
}

func (s *Server) publishOpportunity(c *fiber.Ctx) error   { return s.setPublished(c, true) }
func (s *Server) unpublishOpportunity(c *fiber.Ctx) error { return s.setPublished(c, false) }

func (s *Server) setPublished(c *fiber.Ctx, published bool) error {
	if err := decode(c, &struct{}{}, true); err != nil {
		return err
	}
	o, err := s.orgs.SetPublished(c.UserContext(), c.Params("org_id"), c.Params("id"), published, s.now())
	if err != nil {
		return err
	}
	return c.JSON(toOpportunity(o))
}

type placesLeftRequest struct {
	// PlacesLeft is raw so that null (no limit) and a missing field (a
	// mistake) can be told apart.
	PlacesLeft json.RawMessage `json:"places_left"`
}

func (s *Server) setPlacesLeft(c *fiber.Ctx) error {
	var req placesLeftRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	var places *int
	switch raw := string(req.PlacesLeft); raw {
	case "":
		return badRequest("places_left is required: a whole number, or null for no limit.")
	case "null":
	default:
		n, err := strconv.Atoi(raw)
		if err != nil {
			return badRequest("places_left must be a whole number, or null for no limit.")
		}
		if n < 0 {
			return unprocessable("places_left cannot be negative.")
		}
		places = &n
	}
	o, err := s.orgs.SetPlacesLeft(c.UserContext(), c.Params("org_id"), c.Params("id"), places, s.now())
	if err != nil {
		return err
	}
	return c.JSON(toOpportunity(o))
}

// Import.

type importRowJSON struct {
	Row    int      `json:"row"`
	ID     string   `json:"id,omitempty"`
	Action string   `json:"action"`
	Errors []string `json:"errors,omitempty"`
}

type importReportJSON struct {
	DryRun    bool            `json:"dry_run"`
	Created   int             `json:"created"`
	Updated   int             `json:"updated"`
	Unchanged int             `json:"unchanged"`
	Rejected  int             `json:"rejected"`
	Rows      []importRowJSON `json:"rows"`
}

func toImportReport(r catalogimport.Report) importReportJSON {
	rows := make([]importRowJSON, len(r.Rows))
	for i, row := range r.Rows {
		rows[i] = importRowJSON(row)
	}
	return importReportJSON{DryRun: r.DryRun, Created: r.Created, Updated: r.Updated, Unchanged: r.Unchanged,
		Rejected: r.Rejected, Rows: rows}
}

// importFormat is the file format a content type names.
func importFormat(contentType string) (string, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = ""
	}
	switch mt {
	case "text/csv", "application/csv":
		return catalogimport.FormatCSV, nil
	case "application/json":
		return catalogimport.FormatJSON, nil
	}
	return "", &Error{Status: fiber.StatusUnsupportedMediaType, Slug: "unsupported-media-type",
		Detail: "Send the file as text/csv or application/json."}
}

// importOpportunities reads an organisation's file of opportunities and
// stores them, or with ?dry_run=true only says what it would do.
func (s *Server) importOpportunities(c *fiber.Ctx) error {
	dryRun := false
	if q := c.Query("dry_run"); q != "" {
		b, err := strconv.ParseBool(q)
		if err != nil {
			return badRequest("dry_run must be true or false.")
		}
		dryRun = b
	}
	format, err := importFormat(c.Get(fiber.HeaderContentType))
	if err != nil {
		return err
	}
	if !utf8.Valid(c.Body()) {
		return badRequest("The file is not valid UTF-8; save it as UTF-8 (in Excel: CSV UTF-8).")
	}
	drafts, err := catalogimport.Read(format, bytes.NewReader(c.Body()))
	if err != nil {
		// Read's errors describe the file, for the person who sent it.
		return badRequest(strings.TrimPrefix(err.Error(), "catalogimport: "))
	}
	ctx, orgID := c.UserContext(), c.Params("org_id")
	org, err := s.orgs.Organisation(ctx, orgID)
	if err != nil {
		return err
	}
	rep, err := catalogimport.Import(ctx, s.orgs, org, drafts, dryRun, s.now())
	if err != nil {
		return err
	}
	return c.JSON(toImportReport(rep))
}

// Webhooks.

type webhookRequest struct {
	URL    string `json:"url"`
	Secret string `json:"secret"`
}

type webhookJSON struct {
	URL string `json:"url"`
	// Secret is shown whole only in the answer to setting it; reading the
	// webhook shows its last characters.
	Secret    string    `json:"secret"`
	UpdatedAt time.Time `json:"updated_at"`
}

// maskSecret keeps only the last few characters, enough to tell which
// secret is in use.
func maskSecret(secret string) string {
	r := []rune(secret)
	if len(r) <= webhookSecretVisible*3 {
		return "…"
	}
	return "…" + string(r[len(r)-webhookSecretVisible:])
}

func (s *Server) getWebhook(c *fiber.Ctx) error {
	w, err := s.orgs.Webhook(c.UserContext(), c.Params("org_id"))
	if err != nil {
		return err
	}
	return c.JSON(webhookJSON{URL: w.URL, Secret: maskSecret(w.Secret), UpdatedAt: w.UpdatedAt})
}

// putWebhook sets where the organisation's lead events go. Without a
// secret a fresh one is made; an empty url removes the webhook.
func (s *Server) putWebhook(c *fiber.Ctx) error {
	var req webhookRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	url, secret := strings.TrimSpace(req.URL), req.Secret
	switch {
	case len(url) > maxWebhookURL:
		return unprocessable(fmt.Sprintf("url is longer than %d characters.", maxWebhookURL))
	case secret != "" && (len(secret) < minWebhookSecret || len(secret) > maxWebhookSecret):
		return unprocessable(fmt.Sprintf("secret must be %d to %d characters, or left out for a fresh one.", minWebhookSecret, maxWebhookSecret))
	}
	if url != "" {
		if err := leads.CheckWebhookURL(url, s.allowHTTPWebhooks); err != nil {
			return err
		}
	}
	w, err := s.orgs.SetWebhook(c.UserContext(), c.Params("org_id"), url, secret, s.now())
	if err != nil {
		return err
	}
	if url == "" {
		return c.SendStatus(fiber.StatusNoContent)
	}
	return c.JSON(webhookJSON{URL: w.URL, Secret: w.Secret, UpdatedAt: w.UpdatedAt})
}
