package app

import (
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/funnel"
	"github.com/brobygger/brobygger/store"
)

// startFunnel counts the chat's steps across the bridge. Conversations are
// named in its events by a hash keyed with the token secret, which every
// instance shares.
func (a *App) startFunnel(svc *bot.Service, st *store.Store, secret []byte) *funnel.Recorder {
	rec := funnel.NewRecorder(st, secret, a.log)
	svc.OnMilestone(rec.Milestone)
	return rec
}
