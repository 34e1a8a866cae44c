package api

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/safeguarding"
)

// Limits on what staff write on a case.
const (
	maxNoteRunes    = 4000
	maxOutcomeRunes = 500
)

type caseNoteJSON struct {
	AuthorID string    `json:"author_id"`
	At       time.Time `json:"at"`
	Text     string    `json:"text"`
}

// caseSummaryJSON is a case in a list: enough to triage, without what the
// young person wrote, which only opening the case shows.
type caseSummaryJSON struct {
	ID             string     `json:"id"`
	Kind           string     `json:"kind"`
	Kinds          []string   `json:"kinds,omitempty"`
	Status         string     `json:"status"`
	CreatedAt      time.Time  `json:"created_at"`
	UserID         string     `json:"user_id"`
	ConversationID string     `json:"conversation_id"`
	AcknowledgedBy string     `json:"acknowledged_by,omitempty"`
	ClosedAt       *time.Time `json:"closed_at,omitempty"`
}

type caseJSON struct {
	caseSummaryJSON
	Messages       []string       `json:"messages"`
	AcknowledgedAt *time.Time     `json:"acknowledged_at,omitempty"`
	ClosedBy       string         `json:"closed_by,omitempty"`
	Outcome        string         `json:"outcome,omitempty"`
	Notes          []caseNoteJSON `json:"notes"`
}

func toCaseSummary(c safeguarding.Case) caseSummaryJSON {
	return caseSummaryJSON{ID: c.ID, Kind: c.Kind, Kinds: c.Kinds, Status: c.Status, CreatedAt: c.CreatedAt, UserID: c.UserID,
		ConversationID: c.ConversationID, AcknowledgedBy: c.AcknowledgedBy, ClosedAt: c.ClosedAt}
}

func toCase(c safeguarding.Case) caseJSON {
	notes := make([]caseNoteJSON, len(c.Notes))
	for i, n := range c.Notes {
		notes[i] = caseNoteJSON(n)
	}
	return caseJSON{caseSummaryJSON: toCaseSummary(c), Messages: nonNil(c.Messages), AcknowledgedAt: c.AcknowledgedAt,
		ClosedBy: c.ClosedBy, Outcome: c.Outcome, Notes: notes}
}

// audit records that the caller did action to the cases. Handlers call it
// before they answer, so no case is shown without a trace of who saw it.
func (s *Server) audit(c *fiber.Ctx, action string, caseIDs ...string) error {
	p := caller(c)
	return s.safeguarding.Audit(c.UserContext(), safeguarding.AuditEntry{At: s.now(), ActorID: p.UserID, ActorRole: p.Role,
		Action: action, CaseIDs: caseIDs})
}

func (s *Server) listCases(c *fiber.Ctx) error {
	status := c.Query("status")
	if status != "" && !slices.Contains(safeguarding.Statuses, status) {
		return badRequest(`status must be "open", "acknowledged" or "closed".`)
	}
	cases, err := s.safeguarding.Cases(c.UserContext(), status)
	if err != nil {
		return err
	}
	out := make([]caseSummaryJSON, len(cases))
	ids := make([]string, len(cases))
	for i, sc := range cases {
		out[i], ids[i] = toCaseSummary(sc), sc.ID
	}
	if err := s.audit(c, safeguarding.ActionListCases, ids...); err != nil {
		return err
	}
	return c.JSON(fiber.Map{"cases": out})
}

func (s *Server) getCase(c *fiber.Ctx) error {
	sc, err := s.safeguarding.Case(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	if err := s.audit(c, safeguarding.ActionReadCase, sc.ID); err != nil {
		return err
	}
	return c.JSON(toCase(sc))
}

// answerCase audits the change a handler made to a case and answers with
// the case as it now is.
func (s *Server) answerCase(c *fiber.Ctx, action string, sc safeguarding.Case, err error) error {
	if err != nil {
		if errors.Is(err, safeguarding.ErrStatus) {
			return &Error{Status: fiber.StatusConflict, Slug: "case-status",
				Detail: "The case's status does not allow this: acknowledge an open case, close an acknowledged one."}
		}
		return err
	}
	if err := s.audit(c, action, sc.ID); err != nil {
		return err
	}
	return c.JSON(toCase(sc))
}

func (s *Server) acknowledgeCase(c *fiber.Ctx) error {
	if err := decode(c, &struct{}{}, true); err != nil {
		return err
	}
	sc, err := safeguarding.Acknowledge(c.UserContext(), s.safeguarding, c.Params("id"), caller(c).UserID, s.now())
	return s.answerCase(c, safeguarding.ActionAcknowledge, sc, err)
}

type caseNoteRequest struct {
	Text string `json:"text"`
}

func (s *Server) addCaseNote(c *fiber.Ctx) error {
	var req caseNoteRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	text, err := staffText("text", req.Text, maxNoteRunes)
	if err != nil {
		return err
	}
	sc, err := safeguarding.Annotate(c.UserContext(), s.safeguarding, c.Params("id"), caller(c).UserID, text, s.now())
	return s.answerCase(c, safeguarding.ActionNote, sc, err)
}

type closeCaseRequest struct {
	// Outcome says what was done, e.g. "notified_municipality",
	// "no_action", or a short free text.
	Outcome string `json:"outcome"`
}

func (s *Server) closeCase(c *fiber.Ctx) error {
	var req closeCaseRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	outcome, err := staffText("outcome", req.Outcome, maxOutcomeRunes)
	if err != nil {
		return err
	}
	sc, err := safeguarding.Close(c.UserContext(), s.safeguarding, c.Params("id"), caller(c).UserID, outcome, s.now())
	return s.answerCase(c, safeguarding.ActionClose, sc, err)
}

// staffText trims a required text field and checks its length.
func staffText(field, text string, maxRunes int) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", badRequest(field + " is required.")
	}
	// No NUL, no bidi or zero-width characters: staff text is read by
	// other people, and in an audit.
	return messageText(field, text, maxRunes)
}

type auditEntryJSON struct {
	ID        string    `json:"id"`
	At        time.Time `json:"at"`
	ActorID   string    `json:"actor_id"`
	ActorRole string    `json:"actor_role"`
	Action    string    `json:"action"`
	CaseIDs   []string  `json:"case_ids"`
}

// Audit log page sizes.
const (
	defaultAuditLimit = 100
	maxAuditLimit     = 1000
)

func (s *Server) readAuditLog(c *fiber.Ctx) error {
	limit := defaultAuditLimit
	if q := c.Query("limit"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 || n > maxAuditLimit {
			return badRequest("limit must be a whole number from 1 to " + strconv.Itoa(maxAuditLimit) + ".")
		}
		limit = n
	}
	entries, err := s.safeguarding.AuditLog(c.UserContext(), limit)
	if err != nil {
		return err
	}
	// Reading who read what is itself worth a trace; it is written after
	// the read so the answer shows the log as it was.
	if err := s.audit(c, safeguarding.ActionReadLog); err != nil {
		return err
	}
	out := make([]auditEntryJSON, len(entries))
	for i, e := range entries {
		out[i] = auditEntryJSON{ID: e.ID, At: e.At, ActorID: e.ActorID, ActorRole: e.ActorRole, Action: e.Action,
			CaseIDs: nonNil(e.CaseIDs)}
	}
	return c.JSON(fiber.Map{"entries": out})
}
