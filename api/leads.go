package api

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/textclean"
)

// LeadLists lists leads for the two sides that read them; the lead service
// does everything else.
type LeadLists interface {
	// LeadsOf lists an organisation's leads, newest first, optionally only
	// one status or one opportunity.
	LeadsOf(ctx context.Context, orgID, status, opportunityID string) ([]leads.Lead, error)
	// RecentLeadsOf returns an organisation's latest n leads.
	RecentLeadsOf(ctx context.Context, orgID string, n int) ([]leads.Lead, error)
	// LeadsOfYouth lists a young person's own leads, newest first.
	LeadsOfYouth(ctx context.Context, userID string) ([]leads.Lead, error)
}

// sharedJSON is what the young person agreed to share with the organisation.
type sharedJSON struct {
	Nickname      string   `json:"nickname"`
	AgeBand       string   `json:"age_band"`
	Municipality  string   `json:"municipality,omitempty"`
	Slots         []string `json:"slots"`
	Interests     []string `json:"interests"`
	Message       string   `json:"message,omitempty"`
	ContactMethod string   `json:"contact_method"`
	Contact       string   `json:"contact,omitempty"`
}

func toShared(s leads.Shared) sharedJSON {
	return sharedJSON{Nickname: s.Nickname, AgeBand: s.AgeBand, Municipality: s.Municipality, Slots: nonNil(s.Slots),
		Interests: nonNil(s.Interests), Message: s.Message, ContactMethod: s.ContactMethod, Contact: s.Contact}
}

type threadMessageJSON struct {
	Author string    `json:"author"`
	Name   string    `json:"name,omitempty"`
	Text   string    `json:"text"`
	At     time.Time `json:"at"`
}

func toThread(ms []leads.ThreadMessage) []threadMessageJSON {
	out := make([]threadMessageJSON, len(ms))
	for i, m := range ms {
		out[i] = threadMessageJSON(m)
	}
	return out
}

// orgLeadSummaryJSON is a lead in an organisation's inbox: what the young
// person shared and how far it got. Their user id, their conversation and
// their friends' ids never leave Brobygger; staff see how many friends come.
type orgLeadSummaryJSON struct {
	ID               string     `json:"id"`
	OpportunityID    string     `json:"opportunity_id"`
	OpportunityTitle string     `json:"opportunity_title"`
	Status           string     `json:"status"`
	Shared           sharedJSON `json:"shared"`
	Friends          int        `json:"friends"`
	CreatedAt        time.Time  `json:"created_at"`
	UpdatedAt        time.Time  `json:"updated_at"`
	FirstAnsweredAt  *time.Time `json:"first_answered_at,omitempty"`
	bridgeJSON
	// FirstVisit is how the first visit went, as the young person said:
	// welcomed, not_welcomed, missed or cannot_come — never their words.
	FirstVisit string `json:"first_visit,omitempty"`
}

// bridgeJSON is where a lead stands on the bridge, and its first step.
type bridgeJSON struct {
	BridgeStage  string             `json:"bridge_stage"`
	BridgeStages []stageChangeJSON  `json:"bridge_stages"`
	FirstStep    *leadFirstStepJSON `json:"first_step,omitempty"`
}

type stageChangeJSON struct {
	Stage string    `json:"stage"`
	At    time.Time `json:"at"`
}

type leadFirstStepJSON struct {
	What     string     `json:"what"`
	Where    string     `json:"where,omitempty"`
	Contact  string     `json:"contact,omitempty"`
	StartsAt *time.Time `json:"starts_at"`
	EndsAt   *time.Time `json:"ends_at,omitempty"`
}

func toBridge(l leads.Lead) bridgeJSON {
	out := bridgeJSON{BridgeStage: l.BridgeStage, BridgeStages: make([]stageChangeJSON, len(l.BridgeStages))}
	for i, c := range l.BridgeStages {
		out.BridgeStages[i] = stageChangeJSON(c)
	}
	if l.FirstStep != nil {
		fs := leadFirstStepJSON(*l.FirstStep)
		out.FirstStep = &fs
	}
	return out
}

// orgLeadJSON is one lead as staff open it, with the messages about it.
type orgLeadJSON struct {
	orgLeadSummaryJSON
	Thread []threadMessageJSON `json:"thread"`
}

func toOrgLeadSummary(l leads.Lead) orgLeadSummaryJSON {
	return orgLeadSummaryJSON{ID: l.ID, OpportunityID: l.OpportunityID, OpportunityTitle: l.OpportunityTitle,
		Status: l.Status, Shared: toShared(l.Shared), Friends: len(l.FriendIDs), CreatedAt: l.CreatedAt,
		UpdatedAt: l.UpdatedAt, FirstAnsweredAt: l.FirstAnsweredAt, bridgeJSON: toBridge(l), FirstVisit: l.FirstVisit}
}

func toOrgLead(l leads.Lead) orgLeadJSON {
	return orgLeadJSON{orgLeadSummaryJSON: toOrgLeadSummary(l), Thread: toThread(l.Thread)}
}

// youthLeadJSON is a lead as the young person who sent it sees it.
type youthLeadJSON struct {
	ID               string `json:"id"`
	OrganisationID   string `json:"organisation_id"`
	Organisation     string `json:"organisation"`
	OpportunityID    string `json:"opportunity_id"`
	OpportunityTitle string `json:"opportunity_title"`
	Status           string `json:"status"`
	// StatusText says where the lead stands in plain words.
	StatusText string              `json:"status_text"`
	Shared     sharedJSON          `json:"shared"`
	Friends    int                 `json:"friends"`
	MaxFriends int                 `json:"max_friends"`
	CreatedAt  time.Time           `json:"created_at"`
	UpdatedAt  time.Time           `json:"updated_at"`
	Thread     []threadMessageJSON `json:"thread"`
	bridgeJSON
}

func toYouthLead(l leads.Lead) youthLeadJSON {
	return youthLeadJSON{ID: l.ID, OrganisationID: l.OrganisationID, Organisation: l.OrganisationName,
		OpportunityID: l.OpportunityID, OpportunityTitle: l.OpportunityTitle, Status: l.Status,
		StatusText: leads.StatusText(l.Status, "", l.OrganisationName, l.Lang), Shared: toShared(l.Shared),
		Friends: len(l.FriendIDs), MaxFriends: l.MaxFriends, CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt,
		Thread: toThread(l.Thread), bridgeJSON: toBridge(l)}
}

type leadMessageRequest struct {
	Text string `json:"text"`
}

// The young person's side.

func youthCaller(c *fiber.Ctx) leads.Caller {
	return leads.Caller{Actor: leads.Youth, UserID: caller(c).UserID}
}

func (s *Server) myLeads(c *fiber.Ctx) error {
	ls, err := s.leadLists.LeadsOfYouth(c.UserContext(), caller(c).UserID)
	if err != nil {
		return err
	}
	out := make([]youthLeadJSON, len(ls))
	for i, l := range ls {
		out[i] = toYouthLead(l)
	}
	return c.JSON(fiber.Map{"leads": out})
}

func (s *Server) myLead(c *fiber.Ctx) error {
	l, err := s.leads.Get(c.UserContext(), c.Params("id"), youthCaller(c))
	if err != nil {
		return err
	}
	return c.JSON(toYouthLead(l))
}

// writeToOrganisation adds the young person's message to the lead's thread.
func (s *Server) writeToOrganisation(c *fiber.Ctx) error {
	var req leadMessageRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	text, err := messageText("text", req.Text, maxLeadMessageRunes)
	if err != nil {
		return err
	}
	l, err := s.leads.Post(c.UserContext(), c.Params("id"), youthCaller(c), text)
	if err != nil {
		return err
	}
	return c.JSON(toYouthLead(l))
}

func (s *Server) withdrawLead(c *fiber.Ctx) error {
	if err := decode(c, &struct{}{}, true); err != nil {
		return err
	}
	l, err := s.leads.SetStatus(c.UserContext(), c.Params("id"), youthCaller(c), leads.StatusWithdrawn)
	if err != nil {
		return err
	}
	return c.JSON(toYouthLead(l))
}

type inviteJSON struct {
	Code      string    `json:"code"`
	ExpiresAt time.Time `json:"expires_at"`
}

// inviteFriend makes a code a friend enters to come along.
func (s *Server) inviteFriend(c *fiber.Ctx) error {
	if err := decode(c, &struct{}{}, true); err != nil {
		return err
	}
	inv, err := s.leads.Invite(c.UserContext(), c.Params("id"), youthCaller(c))
	if err != nil {
		return err
	}
	c.Status(fiber.StatusCreated)
	return c.JSON(inviteJSON{Code: inv.Code, ExpiresAt: inv.ExpiresAt})
}

// joinedJSON tells a friend what they joined, and nothing about the friend
// who invited them beyond that.
type joinedJSON struct {
	Organisation     string `json:"organisation"`
	OpportunityID    string `json:"opportunity_id"`
	OpportunityTitle string `json:"opportunity_title"`
}

func (s *Server) joinLead(c *fiber.Ctx) error {
	if err := decode(c, &struct{}{}, true); err != nil {
		return err
	}
	l, err := s.leads.Join(c.UserContext(), c.Params("code"), youthCaller(c))
	if err != nil {
		return err
	}
	return c.JSON(joinedJSON{Organisation: l.OrganisationName, OpportunityID: l.OpportunityID, OpportunityTitle: l.OpportunityTitle})
}

// The organisation's side.

// staffCaller is the staff member acting for their organisation, with the
// name the young person will see: the local part of their e-mail, without
// the invisible characters that could make it pass for another name.
func (s *Server) staffCaller(c *fiber.Ctx, named bool) (leads.Caller, error) {
	p := caller(c)
	lc := leads.Caller{Actor: leads.Staff, UserID: p.UserID, OrgID: p.OrgID}
	if !named {
		return lc, nil
	}
	u, err := s.accounts.User(c.UserContext(), p.UserID)
	switch {
	case errors.Is(err, accounts.ErrNotFound):
		return lc, unauthorized("The account no longer exists.")
	case err != nil:
		return lc, err
	}
	local, _, _ := strings.Cut(u.Email, "@")
	lc.Name = textclean.Name(local)
	return lc, nil
}

func (s *Server) orgLeads(c *fiber.Ctx) error {
	status := c.Query("status")
	if status != "" && !slices.Contains(leads.Statuses, status) {
		return badRequest("status must be one of " + strings.Join(leads.Statuses, ", ") + ".")
	}
	ls, err := s.leadLists.LeadsOf(c.UserContext(), c.Params("org_id"), status, c.Query("opportunity_id"))
	if err != nil {
		return err
	}
	out := make([]orgLeadSummaryJSON, len(ls))
	for i, l := range ls {
		out[i] = toOrgLeadSummary(l)
	}
	return c.JSON(fiber.Map{"leads": out})
}

func (s *Server) orgLead(c *fiber.Ctx) error {
	who, err := s.staffCaller(c, false)
	if err != nil {
		return err
	}
	l, err := s.leads.Get(c.UserContext(), c.Params("id"), who)
	if err != nil {
		return err
	}
	return c.JSON(toOrgLead(l))
}

type leadStatusRequest struct {
	Status string `json:"status"`
}

// setLeadStatus moves a lead on; the young person is told in plain words.
func (s *Server) setLeadStatus(c *fiber.Ctx) error {
	var req leadStatusRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if !slices.Contains(leads.Statuses, req.Status) {
		return badRequest("status must be one of " + strings.Join(leads.Statuses, ", ") + ".")
	}
	who, err := s.staffCaller(c, true)
	if err != nil {
		return err
	}
	l, err := s.leads.SetStatus(c.UserContext(), c.Params("id"), who, req.Status)
	if err != nil {
		return err
	}
	return c.JSON(toOrgLead(l))
}

// writeToYouth adds a staff message to the lead's thread; the lead worker
// tells the young person in their chat.
func (s *Server) writeToYouth(c *fiber.Ctx) error {
	var req leadMessageRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	text, err := messageText("text", req.Text, maxLeadMessageRunes)
	if err != nil {
		return err
	}
	who, err := s.staffCaller(c, true)
	if err != nil {
		return err
	}
	l, err := s.leads.Post(c.UserContext(), c.Params("id"), who, text)
	if err != nil {
		return err
	}
	return c.JSON(toOrgLead(l))
}

type responsivenessJSON struct {
	// Window is how many of the latest leads are looked at.
	Window        int     `json:"window"`
	Leads         int     `json:"leads"`
	Answered      int     `json:"answered"`
	AnsweredShare float64 `json:"answered_share"`
	// MedianFirstAnswerSeconds is null until a lead was answered.
	MedianFirstAnswerSeconds *int64 `json:"median_first_answer_seconds"`
	// FirstVisits counts the latest first visits the young people said
	// how went; WelcomedShare is the share that felt welcomed, null under
	// MinVisits so that no single answer can be read off it.
	FirstVisits   int      `json:"first_visits"`
	WelcomedShare *float64 `json:"welcomed_share"`
	MinVisits     int      `json:"min_visits"`
}

// responsiveness shows staff how their organisation answers its leads, the
// measure that nudges its opportunities up or down in suggestions.
func (s *Server) responsiveness(c *fiber.Ctx) error {
	ls, err := s.leadLists.RecentLeadsOf(c.UserContext(), c.Params("org_id"), leads.ResponsivenessWindow)
	if err != nil {
		return err
	}
	sc := leads.Responsiveness(ls)
	out := responsivenessJSON{Window: leads.ResponsivenessWindow, Leads: sc.Leads, Answered: sc.Answered,
		AnsweredShare: sc.AnsweredShare(), FirstVisits: sc.Welcome.Visits, MinVisits: leads.MinVisits}
	if share, ok := sc.Welcome.Share(); ok {
		out.WelcomedShare = &share
	}
	if sc.Answered > 0 {
		secs := int64(sc.MedianFirstAnswer / time.Second)
		out.MedianFirstAnswerSeconds = &secs
	}
	return c.JSON(out)
}
