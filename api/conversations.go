package api

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/textclean"
)

// maxTextRunes bounds one chat message.
const maxTextRunes = 2000

type quickReplyJSON struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type firstStepJSON struct {
	Text     string     `json:"text"`
	StartsAt *time.Time `json:"starts_at"`
	EndsAt   *time.Time `json:"ends_at,omitempty"`
	Place    string     `json:"place"`
	Contact  string     `json:"contact"`
}

type cardJSON struct {
	OpportunityID  string           `json:"opportunity_id"`
	Title          string           `json:"title"`
	Organisation   string           `json:"organisation"`
	OrganisationID string           `json:"organisation_id"`
	Summary        string           `json:"summary"`
	Why            []string         `json:"why"`
	FirstStep      firstStepJSON    `json:"first_step"`
	DistanceKm     *float64         `json:"distance_km"`
	Interests      []string         `json:"interests"`
	Caveat         string           `json:"caveat,omitempty"`
	Notes          []string         `json:"notes"`
	Actions        []quickReplyJSON `json:"actions"`
}

type messageJSON struct {
	ID              string           `json:"id"`
	From            string           `json:"from"`
	Text            string           `json:"text"`
	CreatedAt       time.Time        `json:"created_at"`
	QuickReplies    []quickReplyJSON `json:"quick_replies"`
	Cards           []cardJSON       `json:"cards"`
	Kind            string           `json:"kind,omitempty"`
	ClientMessageID string           `json:"client_message_id,omitempty"`
}

func toQuickReplies(qs []bot.QuickReply) []quickReplyJSON {
	out := make([]quickReplyJSON, len(qs))
	for i, q := range qs {
		out[i] = quickReplyJSON(q)
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func toCard(c bot.Card) cardJSON {
	return cardJSON{
		OpportunityID: c.OpportunityID, Title: c.Title, Organisation: c.Organisation, OrganisationID: c.OrganisationID,
		Summary: c.Summary, Why: nonNil(c.Why), DistanceKm: c.DistanceKm, Interests: nonNil(c.Interests),
		Caveat: c.Caveat, Notes: nonNil(c.Notes), Actions: toQuickReplies(c.Actions),
		FirstStep: firstStepJSON{Text: c.FirstStep.Text, StartsAt: c.FirstStep.StartsAt, EndsAt: c.FirstStep.EndsAt,
			Place: c.FirstStep.Place, Contact: c.FirstStep.Contact},
	}
}

func toMessages(ms []bot.Message) []messageJSON {
	out := make([]messageJSON, len(ms))
	for i, m := range ms {
		cards := make([]cardJSON, len(m.Cards))
		for j, c := range m.Cards {
			cards[j] = toCard(c)
		}
		out[i] = messageJSON{ID: m.ID, From: m.From, Text: m.Text, CreatedAt: m.CreatedAt,
			QuickReplies: toQuickReplies(m.QuickReplies), Cards: cards, Kind: m.Kind, ClientMessageID: m.ClientMessageID}
	}
	return out
}

type startConversationRequest struct {
	Locale string `json:"locale"`
	// JoinCode starts the conversation in a class's session.
	JoinCode string `json:"join_code"`
	// ReferralCode opens a professional's referral in it (referrals.go).
	ReferralCode string `json:"referral_code"`
}

func (s *Server) startConversation(c *fiber.Ctx) error {
	var req startConversationRequest
	if err := decode(c, &req, true); err != nil {
		return err
	}
	p := caller(c)
	lang := req.Locale
	if lang == "" {
		if u, err := s.accounts.User(c.UserContext(), p.UserID); err == nil {
			lang = u.Locale
		}
	}
	var class *bot.Class
	var conv *bot.Conversation
	var err error
	referral := strings.TrimSpace(req.ReferralCode)
	switch {
	case referral != "" && strings.TrimSpace(req.JoinCode) != "":
		return badRequest("Send join_code or referral_code, not both.")
	case len(referral) > 20:
		return badRequest("referral_code is at most 20 characters.")
	}
	if code := strings.TrimSpace(req.JoinCode); code != "" && s.schools != nil {
		if len(code) > 20 {
			return badRequest("join_code is at most 20 characters.")
		}
		conv, class, err = s.joinClass(c, code, lang)
	} else if referral != "" && s.referrals != nil {
		conv, err = s.openReferral(c, referral, lang)
	} else {
		conv, _, err = s.conv.Start(c.UserContext(), p.UserID, lang)
	}
	if err != nil {
		return err
	}
	if conv, err = s.conv.WithHistory(c.UserContext(), p.UserID, conv.ID); err != nil {
		return err
	}
	c.Status(fiber.StatusCreated)
	out := fiber.Map{"conversation_id": conv.ID, "messages": toMessages(conv.Messages)}
	if class != nil {
		out["session"] = fiber.Map{"title": class.Title}
	}
	return c.JSON(out)
}

type sendMessageRequest struct {
	ClientMessageID string  `json:"client_message_id"`
	Text            *string `json:"text"`
	Choice          *string `json:"choice"`
	// Location is the device's position, sent after the young person
	// tapped "Brug min placering". It is turned into the nearest postcode
	// here and goes no further: coordinates are never stored or logged.
	Location *locationJSON `json:"location"`
}

type locationJSON struct {
	Lat *float64 `json:"lat"`
	Lon *float64 `json:"lon"`
}

func (s *Server) sendMessage(c *fiber.Ctx) error {
	id, in, err := messageInput(c, s.conv.Engine().ValidChoice)
	if err != nil {
		return err
	}
	replies, err := s.conv.Send(c.UserContext(), caller(c).UserID, c.Params("id"), id, in)
	if err != nil {
		return err
	}
	s.hub.publish(c.Params("id"))
	return c.JSON(fiber.Map{"messages": toMessages(replies)})
}

// messageInput decodes and checks a message: its client_message_id and one
// of text, choice or location, as the engine's input. Text holding a NUL is
// refused; otherwise it is cleaned (textclean.Text) before it is checked,
// read or stored, so that an invisible character can neither hide a word
// from the crisis reading nor turn a line around on a screen.
func messageInput(c *fiber.Ctx, validChoice func(string) bool) (string, bot.Input, error) {
	var req sendMessageRequest
	if err := decode(c, &req, false); err != nil {
		return "", bot.Input{}, err
	}
	id := strings.TrimSpace(req.ClientMessageID)
	if id == "" || len(id) > 100 {
		return "", bot.Input{}, badRequest("client_message_id is required (at most 100 characters); reuse it when you retry.")
	}
	if textclean.HasNUL(id) {
		return "", bot.Input{}, badRequest("client_message_id must not hold a NUL character.")
	}
	in, err := input(req, validChoice)
	return id, in, err
}

// input is the one thing a message carries, as the engine's input.
func input(req sendMessageRequest, validChoice func(string) bool) (bot.Input, error) {
	var in bot.Input
	given := 0
	for _, set := range []bool{req.Text != nil, req.Choice != nil, req.Location != nil} {
		if set {
			given++
		}
	}
	switch {
	case given > 1:
		return in, badRequest("Send one of text, choice or location, not several.")
	case req.Location != nil:
		l := req.Location
		if l.Lat == nil || l.Lon == nil || *l.Lat < -90 || *l.Lat > 90 || *l.Lon < -180 || *l.Lon > 180 {
			return in, badRequest("location needs lat and lon in degrees (WGS84).")
		}
		pc, ok := geo.Nearest(*l.Lat, *l.Lon)
		if !ok {
			return in, unprocessable("That location is not in Denmark. Type a Danish postcode or town instead.")
		}
		in.Choice = "location:" + pc.Code
	case req.Text != nil:
		text, err := messageText("text", *req.Text, maxTextRunes)
		if err != nil {
			return in, err
		}
		in.Text = text
	case req.Choice != nil:
		in.Choice = strings.TrimSpace(*req.Choice)
		if !validChoice(in.Choice) {
			return in, badRequest("choice is not a quick reply or card action id.")
		}
	default:
		return in, badRequest("Send text or choice.")
	}
	return in, nil
}

// messageText checks and cleans a text a person writes to another person
// or to the bot: a NUL is refused (400); otherwise the text is cleaned
// (textclean.Text: no bidi controls, no zero-width characters outside
// emoji, no control characters but line breaks and tabs) and must then be
// non-empty and at most maxRunes characters.
func messageText(field, text string, maxRunes int) (string, error) {
	if textclean.HasNUL(text) {
		return "", badRequest(field + " must not hold a NUL character.")
	}
	text = textclean.Text(text)
	if text == "" {
		return "", badRequest(field + " must not be empty.")
	}
	if utf8.RuneCountInString(text) > maxRunes {
		return "", badRequest(fmt.Sprintf("%s is too long; keep it under %d characters.", field, maxRunes))
	}
	return text, nil
}

func (s *Server) listMessages(c *fiber.Ctx) error {
	ms, err := s.conv.Messages(c.UserContext(), caller(c).UserID, c.Params("id"), c.Query("after"))
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"conversation_id": c.Params("id"), "messages": toMessages(ms)})
}

type profileJSON struct {
	Age          int      `json:"age,omitempty"`
	Interests    []string `json:"interests"`
	Slots        []string `json:"slots"`
	Commitment   string   `json:"commitment"`
	Postcode     string   `json:"postcode,omitempty"`
	Municipality string   `json:"municipality,omitempty"`
	Online       bool     `json:"online"`
	Group        string   `json:"group"`
}

func (s *Server) me(c *fiber.Ctx) error {
	p := caller(c)
	u, err := s.accounts.User(c.UserContext(), p.UserID)
	if err != nil {
		return err
	}
	out := fiber.Map{"user_id": u.ID, "role": u.Role, "locale": u.Locale, "created_at": u.CreatedAt,
		"profile": profileJSON{Interests: []string{}, Slots: []string{}}, "chosen": []string{}}
	conv, _, err := s.conv.Existing(c.UserContext(), p.UserID)
	if err != nil {
		return err
	}
	if conv != nil {
		pr := conv.State.Profile
		out["profile"] = profileJSON{Age: pr.Age, Interests: nonNil(pr.Interests), Slots: nonNil(pr.Slots),
			Commitment: pr.Commitment, Postcode: pr.Postcode, Municipality: pr.Municipality, Online: pr.Online, Group: pr.Group}
		chosen := []string{}
		for _, ch := range conv.State.Chosen {
			chosen = append(chosen, ch.OpportunityID)
		}
		out["chosen"] = chosen
		out["conversation_id"] = conv.ID
		out["locale"] = conv.State.Lang
		if conv.State.Consent != nil {
			out["consent"] = conv.State.Consent
		}
	}
	return c.JSON(out)
}

func (s *Server) mySuggestions(c *fiber.Ctx) error {
	conv, _, err := s.conv.Existing(c.UserContext(), caller(c).UserID)
	if err != nil {
		return err
	}
	cards := []cardJSON{}
	if conv != nil {
		for _, card := range conv.LatestCards() {
			cards = append(cards, toCard(card))
		}
	}
	return c.JSON(fiber.Map{"suggestions": cards})
}
