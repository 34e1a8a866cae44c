package api

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/store"
)

// Privacy is the storage behind the young person's data rights.
type Privacy interface {
	ExportUser(ctx context.Context, userID string) (store.Export, error)
	EraseUser(ctx context.Context, userID string) error
}

// exportMe returns everything stored about the caller as JSON.
func (s *Server) exportMe(c *fiber.Ctx) error {
	ex, err := s.privacy.ExportUser(c.UserContext(), caller(c).UserID)
	if err != nil {
		return err
	}
	out := fiber.Map{
		"exported_at": s.now().UTC().Format(time.RFC3339),
		"user": fiber.Map{"user_id": ex.User.ID, "role": ex.User.Role, "locale": ex.User.Locale,
			"created_at": ex.User.CreatedAt},
		"refresh_tokens": ex.RefreshTokens,
		"leads":          ex.Leads,
	}
	if conv := ex.Conversation; conv != nil {
		out["conversation"] = fiber.Map{
			"conversation_id": conv.ID,
			"created_at":      conv.CreatedAt,
			"updated_at":      conv.UpdatedAt,
			"state":           conv.State,
			"messages":        toMessages(conv.Messages),
		}
	}
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="brobygger-mine-data.json"`)
	return c.JSON(out)
}

// deleteMe erases the caller's profile, conversation and tokens.
func (s *Server) deleteMe(c *fiber.Ctx) error {
	if err := s.privacy.EraseUser(c.UserContext(), caller(c).UserID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
