package api

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/referrals"
)

// Referrals from professionals (social prescribing): a referrer makes a
// referral with a code, a young person opens it, and the referrer sees
// how far they got — only where the young person said yes, and only as
// coarse steps. No answer here names the young person, their words,
// interests, place or opportunity.

type referralJSON struct {
	ID          string    `json:"id"`
	Code        string    `json:"code"`
	Link        string    `json:"link"`
	Reason      string    `json:"reason"`
	NoteToYouth *string   `json:"note_to_youth"`
	CreatedAt   time.Time `json:"created_at"`
	ExpiresAt   time.Time `json:"expires_at"`
	Status      string    `json:"status"`
}

// referralLink is the link a young person opens: the chat app with the code.
func referralLink(c *fiber.Ctx, code string) string {
	return c.BaseURL() + "/?ref=" + code
}

func toReferral(c *fiber.Ctx, v referrals.View) referralJSON {
	j := referralJSON{ID: v.ID, Code: v.Code, Link: referralLink(c, v.Code), Reason: v.Reason,
		CreatedAt: v.CreatedAt, ExpiresAt: v.ExpiresAt, Status: v.Status}
	if v.NoteToYouth != "" {
		j.NoteToYouth = &v.NoteToYouth
	}
	return j
}

type createReferralRequest struct {
	Reason      string `json:"reason"`
	NoteToYouth string `json:"note_to_youth"`
}

func (s *Server) createReferral(c *fiber.Ctx) error {
	var req createReferralRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	p := caller(c)
	r, err := s.referrals.Create(c.UserContext(), p.UserID, p.OrgID, referrals.NewReferral{Reason: req.Reason, NoteToYouth: req.NoteToYouth})
	if err != nil {
		return referralProblem(err)
	}
	c.Status(fiber.StatusCreated)
	return c.JSON(toReferral(c, referrals.View{Referral: r, Status: referrals.StatusNotOpened}))
}

func (s *Server) listReferrals(c *fiber.Ctx) error {
	list, err := s.referrals.List(c.UserContext(), caller(c).UserID)
	if err != nil {
		return referralProblem(err)
	}
	out := make([]referralJSON, len(list))
	for i, v := range list {
		out[i] = toReferral(c, v)
	}
	return c.JSON(fiber.Map{"referrals": out})
}

func (s *Server) getReferral(c *fiber.Ctx) error {
	v, err := s.referrals.Own(c.UserContext(), caller(c).UserID, c.Params("id"))
	if err != nil {
		return referralProblem(err)
	}
	return c.JSON(toReferral(c, v))
}

// referralProblem turns the referral domain's errors into problems.
func referralProblem(err error) error {
	switch {
	case errors.Is(err, referrals.ErrInvalid):
		return unprocessable(strings.TrimSuffix(err.Error(), ": "+referrals.ErrInvalid.Error()) + ".")
	case errors.Is(err, referrals.ErrNotFound):
		return notFound("No such referral, or it is not yours.")
	}
	return err
}

// openReferral starts a young person's conversation with a referral. Wrong
// codes are limited per young person, as class codes are; a code that
// exists, taken or not, gives its token back.
func (s *Server) openReferral(c *fiber.Ctx, code, lang string) (*bot.Conversation, error) {
	user := caller(c).UserID
	const detail = "Too many referral codes that do not exist were tried; check the code with whoever gave it to you and try again later."
	if s.limits != nil {
		if err := s.limits.take(c, s.limits.WrongCodesPerUser, "referral-codes", user, detail); err != nil {
			return nil, err
		}
	}
	conv, err := s.conv.StartWithReferral(c.UserContext(), user, lang, code)
	switch {
	case errors.Is(err, referrals.ErrNotFound):
		return nil, notFound("There is no referral with that code; check it with whoever gave it to you.")
	case errors.Is(err, referrals.ErrExpired):
		return nil, notFound("That referral code has expired; ask whoever gave it to you for a new one.")
	case errors.Is(err, bot.ErrReferralTaken):
		if gbErr := s.giveBackReferralCode(c, user); gbErr != nil {
			return nil, gbErr
		}
		return nil, &Error{Status: fiber.StatusConflict, Slug: "referral-taken",
			Detail: "Someone else has already opened that referral code; ask whoever gave it to you for a new one. You can chat without it meanwhile."}
	case err != nil:
		return nil, err
	}
	if err := s.giveBackReferralCode(c, user); err != nil {
		return nil, err
	}
	return conv, nil
}

func (s *Server) giveBackReferralCode(c *fiber.Ctx, user string) error {
	if s.limits == nil {
		return nil
	}
	return s.limits.giveBack(c.UserContext(), s.limits.WrongCodesPerUser, "referral-codes", user)
}
