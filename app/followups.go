package app

import (
	"context"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/store"
)

// startFollowUps builds the check-ins after a lead: planned when the lead
// is sent, said by the lead worker (its handler is returned with its job
// kind), answered in the chat.
func (a *App) startFollowUps(svc *bot.Service, st *store.Store, ls *leads.Service) (*followups.Service, leads.Handler) {
	fs := followups.NewService(st, ls, svc, a.cfg.Now).OnSaid(a.newMessagePush) // push.go
	if a.funnel != nil {
		fs.OnStage(a.funnel.Stage) // funnel.go
	}
	svc.WithCheckIns(fs)
	return fs, fs.Run
}

// scheduleFollowUps plans the check-ins of a lead just sent. Planning is
// idempotent, so a lead sent again is planned again harmlessly.
func (c chatLeads) scheduleFollowUps(ctx context.Context, userID, leadID string) error {
	if c.followups == nil {
		return nil
	}
	l, err := c.leads.Get(ctx, leadID, leads.Caller{Actor: leads.Youth, UserID: userID})
	if err != nil {
		return err
	}
	return c.followups.Schedule(ctx, l)
}
