package api

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	qrcode "github.com/skip2/go-qrcode"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/schools"
)

// Class sessions: a facilitator opens one, pupils join by code, and the
// facilitator sees totals only.

type sessionJSON struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	StartsAt  *time.Time `json:"starts_at"`
	Postcode  *string    `json:"postcode"`
	ClassSize *int       `json:"class_size"`
	JoinCode  string     `json:"join_code"`
	JoinURL   string     `json:"join_url"`
	QRURL     string     `json:"qr_url"`
	ExpiresAt time.Time  `json:"expires_at"`
	CreatedAt time.Time  `json:"created_at"`
}

// joinURL is the link a pupil opens: the chat app with the code.
func joinURL(c *fiber.Ctx, code string) string {
	return c.BaseURL() + "/?join=" + code
}

func toSession(c *fiber.Ctx, s schools.Session) sessionJSON {
	j := sessionJSON{ID: s.ID, Title: s.Title, StartsAt: s.StartsAt, JoinCode: s.JoinCode, JoinURL: joinURL(c, s.JoinCode),
		QRURL: "/v1/sessions/" + s.ID + "/qr.svg", ExpiresAt: s.ExpiresAt, CreatedAt: s.CreatedAt}
	if s.Postcode != "" {
		j.Postcode = &s.Postcode
	}
	if s.ClassSize > 0 {
		j.ClassSize = &s.ClassSize
	}
	return j
}

type createSessionRequest struct {
	Title     string     `json:"title"`
	StartsAt  *time.Time `json:"starts_at"`
	Postcode  string     `json:"postcode"`
	ClassSize int        `json:"class_size"`
}

func (s *Server) createSession(c *fiber.Ctx) error {
	var req createSessionRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	n := schools.NewSession{Title: req.Title, StartsAt: req.StartsAt, Postcode: strings.TrimSpace(req.Postcode), ClassSize: req.ClassSize}
	if err := n.Validate(); err != nil {
		return unprocessable(err.Error() + ".")
	}
	ses, err := s.schools.Create(c.UserContext(), caller(c).UserID, n)
	if err != nil {
		if !errors.Is(err, schools.ErrConflict) && n.Postcode != "" && strings.Contains(err.Error(), "postcode") {
			return unprocessable(err.Error() + ".")
		}
		return err
	}
	c.Status(fiber.StatusCreated)
	return c.JSON(toSession(c, ses))
}

func (s *Server) listSessions(c *fiber.Ctx) error {
	list, err := s.schools.List(c.UserContext(), caller(c).UserID)
	if err != nil {
		return err
	}
	out := make([]sessionJSON, len(list))
	for i, ses := range list {
		out[i] = toSession(c, ses)
	}
	return c.JSON(fiber.Map{"sessions": out})
}

func (s *Server) getSession(c *fiber.Ctx) error {
	ses, err := s.schools.Own(c.UserContext(), caller(c).UserID, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toSession(c, ses))
}

func (s *Server) renewSession(c *fiber.Ctx) error {
	if err := decode(c, &struct{}{}, true); err != nil {
		return err
	}
	ses, err := s.schools.Renew(c.UserContext(), caller(c).UserID, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toSession(c, ses))
}

// sessionQR is the join link as a QR code: an SVG of dark squares, sharp at
// any size on a projector.
func (s *Server) sessionQR(c *fiber.Ctx) error {
	ses, err := s.schools.Own(c.UserContext(), caller(c).UserID, c.Params("id"))
	if err != nil {
		return err
	}
	q, err := qrcode.New(joinURL(c, ses.JoinCode), qrcode.Medium)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "image/svg+xml")
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.SendString(qrSVG(q.Bitmap(), "Join code "+ses.JoinCode))
}

// qrSVG draws a QR bitmap (with its quiet zone) as one path.
func qrSVG(bits [][]bool, title string) string {
	n := len(bits)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" shape-rendering="crispEdges" role="img">`, n, n)
	fmt.Fprintf(&b, `<title>%s</title><rect width="%d" height="%d" fill="#fff"/><path fill="#000" d="`, title, n, n)
	for y, row := range bits {
		for x, dark := range row {
			if dark {
				fmt.Fprintf(&b, "M%d %dh1v1h-1z", x, y)
			}
		}
	}
	b.WriteString(`"/></svg>`)
	return b.String()
}

type countJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Count *int   `json:"count"`
}

type labelJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type outingJSON struct {
	OpportunityID string        `json:"opportunity_id"`
	Title         string        `json:"title"`
	Organisation  string        `json:"organisation"`
	Summary       string        `json:"summary"`
	GroupSize     int           `json:"group_size"`
	DistanceKm    *float64      `json:"distance_km"`
	FirstStep     firstStepJSON `json:"first_step"`
}

type planJSON struct {
	TopInterests []labelJSON  `json:"top_interests"`
	Outings      []outingJSON `json:"outings"`
	FollowUpOn   *string      `json:"follow_up_on"`
}

type summaryJSON struct {
	SessionID          string      `json:"session_id"`
	AsOf               time.Time   `json:"as_of"`
	NextUpdateAt       time.Time   `json:"next_update_at"`
	MinCount           int         `json:"min_count"`
	Joined             *int        `json:"joined"`
	ReachedSuggestions *int        `json:"reached_suggestions"`
	ChoseFirstStep     *int        `json:"chose_first_step"`
	Interests          []countJSON `json:"interests"`
	Times              []countJSON `json:"times"`
	Plan               planJSON    `json:"plan"`
}

func (s *Server) sessionSummary(c *fiber.Ctx) error {
	id := c.Params("id")
	sum, err := s.schools.Summary(c.UserContext(), caller(c).UserID, id)
	if err != nil {
		return err
	}
	lang := "da"
	if q := c.Query("lang"); q == "en" {
		lang = "en"
	}
	out := summaryJSON{SessionID: id, AsOf: sum.AsOf, NextUpdateAt: sum.AsOf.Add(max(s.schools.Every, 0)), MinCount: schools.MinCount,
		Joined: sum.Joined, ReachedSuggestions: sum.Suggested, ChoseFirstStep: sum.Chose,
		Interests: []countJSON{}, Times: []countJSON{}}
	for _, ct := range sum.Interests {
		out.Interests = append(out.Interests, countJSON{ID: ct.ID, Label: schools.InterestLabel(ct.ID, lang), Count: ct.Count})
	}
	for _, ct := range sum.Times {
		out.Times = append(out.Times, countJSON{ID: ct.ID, Label: schools.TimeLabel(ct.ID, lang), Count: ct.Count})
	}
	plan := s.schools.Plan(sum, lang)
	out.Plan = planJSON{TopInterests: []labelJSON{}, Outings: []outingJSON{}}
	for _, i := range plan.TopInterests {
		out.Plan.TopInterests = append(out.Plan.TopInterests, labelJSON{ID: i, Label: schools.InterestLabel(i, lang)})
	}
	for _, card := range plan.Outings {
		out.Plan.Outings = append(out.Plan.Outings, outingJSON{OpportunityID: card.OpportunityID, Title: card.Title,
			Organisation: card.Organisation, Summary: card.Summary, GroupSize: s.groupSize(card.OpportunityID), DistanceKm: card.DistanceKm,
			FirstStep: toCard(card).FirstStep})
	}
	if plan.FollowUpOn != nil {
		d := plan.FollowUpOn.Format(time.DateOnly)
		out.Plan.FollowUpOn = &d
	}
	return c.JSON(out)
}

// groupSize is how many an opportunity takes at once.
func (s *Server) groupSize(id string) int {
	if o, ok := s.conv.Engine().Opportunity(id); ok {
		return o.GroupSize
	}
	return 0
}

// joinClass is the start of a pupil's conversation in a class. Wrong codes
// are limited per young person, never per address: a whole class sits
// behind one school address.
func (s *Server) joinClass(c *fiber.Ctx, code, lang string) (*bot.Conversation, *bot.Class, error) {
	user := caller(c).UserID
	const detail = "Too many join codes that do not exist were tried; check the code with your teacher and try again later."
	if s.limits != nil {
		if err := s.limits.take(c, s.limits.WrongCodesPerUser, "class-codes", user, detail); err != nil {
			return nil, nil, err
		}
	}
	class, err := s.schools.Find(c.UserContext(), code)
	switch {
	case errors.Is(err, schools.ErrNotFound):
		return nil, nil, notFound("There is no class with that join code; check it with your teacher.")
	case errors.Is(err, schools.ErrExpired):
		return nil, nil, notFound("That join code has expired; ask your teacher to renew it.")
	case err != nil:
		return nil, nil, err
	}
	if s.limits != nil {
		if err := s.limits.giveBack(c.UserContext(), s.limits.WrongCodesPerUser, "class-codes", user); err != nil {
			return nil, nil, err
		}
	}
	conv, err := s.conv.StartInClass(c.UserContext(), user, lang, class)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.schools.Join(c.UserContext(), class.ID, conv.ID); err != nil {
		return nil, nil, err
	}
	return conv, &class, nil
}
