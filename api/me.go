package api

import (
	"context"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Privacy is the storage behind the young person's right to be forgotten.
type Privacy interface {
	EraseUser(ctx context.Context, userID string) error
}

// exportMe returns everything stored about the caller as JSON: the account,
// its sign-ins, the conversation with every message and what it remembers,
// the leads sent and joined, and the safeguarding cases about them as the
// export's doc in export.go decides, each asked of the domain that keeps it.
func (s *Server) exportMe(c *fiber.Ctx) error {
	ctx, userID := c.UserContext(), caller(c).UserID
	u, err := s.accounts.User(ctx, userID)
	if err != nil {
		return err
	}
	tokens, err := s.accounts.RefreshTokensOf(ctx, userID)
	if err != nil {
		return err
	}
	conv, found, err := s.conv.Existing(ctx, userID)
	if err != nil {
		return err
	}
	if found {
		if conv, err = s.conv.WithHistory(ctx, userID, conv.ID); err != nil {
			return err
		}
	}
	sent, err := s.leadLists.LeadsOfYouth(ctx, userID)
	if err != nil {
		return err
	}
	src, ok := s.leadLists.(ExportSources)
	if !ok {
		return errors.New("export: the lead store cannot list leads joined as a friend or cases")
	}
	joined, err := src.LeadsJoinedBy(ctx, userID)
	if err != nil {
		return err
	}
	cases, err := src.CasesAbout(ctx, userID)
	if err != nil {
		return err
	}
	out := exportJSON{ExportedAt: s.now().UTC().Format(time.RFC3339), User: toExportUser(u),
		RefreshTokens: toExportTokens(tokens), Leads: toExportLeads(sent), JoinedLeads: toExportJoinedLeads(joined),
		Cases: toExportCases(cases), Conversation: toExportConversation(conv), PushSubscriptions: []exportPushJSON{}}
	if s.push.Subscriptions != nil {
		subs, err := s.push.Subscriptions.PushSubscriptionsOf(ctx, userID)
		if err != nil {
			return err
		}
		for _, p := range subs {
			out.PushSubscriptions = append(out.PushSubscriptions, exportPushJSON{Endpoint: p.Endpoint, CreatedAt: p.CreatedAt})
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
