package app

import (
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
