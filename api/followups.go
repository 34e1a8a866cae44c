package api

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/followups"
)

// FollowUps are a young person's check-ins after a lead; package followups
// implements it.
type FollowUps interface {
	Of(ctx context.Context, userID string) (followups.Settings, error)
	SetEnabled(ctx context.Context, userID string, on bool) error
}

// followUpsRequest turns check-ins on or off.
type followUpsRequest struct {
	Enabled *bool `json:"enabled"`
}

// myFollowUps says whether check-ins are on and which are planned.
func (s *Server) myFollowUps(c *fiber.Ctx) error {
	if s.followups == nil {
		return c.JSON(followups.Settings{Enabled: false, Planned: []followups.Planned{}})
	}
	out, err := s.followups.Of(c.UserContext(), caller(c).UserID)
	if err != nil {
		return err
	}
	return c.JSON(out)
}

// setMyFollowUps turns check-ins on or off and answers as GET does.
func (s *Server) setMyFollowUps(c *fiber.Ctx) error {
	var req followUpsRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if req.Enabled == nil {
		return unprocessable("enabled: give true or false")
	}
	if s.followups == nil {
		return unprocessable("check-ins are not available on this server")
	}
	if err := s.followups.SetEnabled(c.UserContext(), caller(c).UserID, *req.Enabled); err != nil {
		return err
	}
	return s.myFollowUps(c)
}
