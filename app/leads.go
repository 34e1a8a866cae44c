package app

import (
	"context"
	"fmt"
	"maps"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/store"
)

// chatLeads connects the conversation to the lead service: "Det vil jeg
// gerne" with consent becomes a lead, and a friend's code joins it.
type chatLeads struct {
	leads     *leads.Service
	followups *followups.Service
	catalog   *match.Index
	now       func() time.Time
}

var _ bot.Leads = chatLeads{}

// SendLead sends the lead the young person agreed to (leads.NewLead,
// Service.Send) and returns the invite code for a friend, if any.
func (c chatLeads) SendLead(ctx context.Context, userID, conversationID string, r bot.LeadRequest) (string, error) {
	o, ok := c.catalog.Get(r.OpportunityID)
	if !ok {
		return "", fmt.Errorf("lead for %s: %w", r.OpportunityID, bot.ErrNotFound)
	}
	req := leads.Request{ID: r.ID, Lang: r.Lang, Shared: leads.Shared{Nickname: r.Nickname, AgeBand: r.AgeBand,
		Municipality: r.Municipality, Slots: r.Slots, Interests: r.Interests, Message: r.Message,
		ContactMethod: r.ContactMethod, Contact: r.Contact}}
	if fs := r.FirstStep; fs != nil {
		req.FirstStep = &leads.FirstStep{What: fs.What, Where: fs.Where, Contact: fs.Whom, StartsAt: fs.StartsAt, EndsAt: fs.EndsAt}
	}
	if r.ChosenAt != nil {
		req.SeenAt = *r.ChosenAt
	}
	sent, code, err := c.leads.Send(ctx, leads.NewLead(*o, userID, conversationID, req, c.now()))
	if err != nil {
		return "", err
	}
	if c.followups == nil {
		return code, nil
	}
	// Planning is idempotent. A failure here fails the send, which the chat
	// tries again: the lead is found stored then, and its check-ins planned.
	return code, c.followups.Schedule(ctx, sent)
}

// ReplyLead writes the young person's answer into the lead's thread.
func (c chatLeads) ReplyLead(ctx context.Context, userID, leadID, text string) error {
	_, err := c.leads.Post(ctx, leadID, leads.Caller{Actor: leads.Youth, UserID: userID}, text)
	return err
}

// JoinLead adds a friend to a lead with the code they were given.
func (c chatLeads) JoinLead(ctx context.Context, userID, code string) (string, string, error) {
	l, err := c.leads.Join(ctx, code, leads.Caller{Actor: leads.Youth, UserID: userID})
	if err != nil {
		return "", "", err
	}
	return l.OrganisationName, l.OpportunityTitle, nil
}

// chatNotifier puts what happens to a lead into the young person's chat;
// when an organisation gave up or said no, it offers other suggestions.
type chatNotifier struct {
	conv *bot.Service
	push func(ctx context.Context, userID string) // App.newMessagePush
}

var _ leads.YouthNotifier = chatNotifier{}

func (n chatNotifier) Notify(ctx context.Context, userID, leadID, text string) error {
	m := bot.Message{Text: text, Kind: "lead_update"}
	if lang := n.lang(ctx, userID); lang != "" {
		e := n.conv.Engine()
		m.QuickReplies = []bot.QuickReply{
			{ID: "lead_reply:" + leadID, Label: e.Label("lead_reply", lang)},
			{ID: "show_more", Label: e.Label("show_more", lang)},
		}
	}
	if err := n.conv.Deliver(ctx, userID, m); err != nil {
		return err
	}
	n.push(ctx, userID) // tell the phone too (push.go)
	return nil
}

func (n chatNotifier) lang(ctx context.Context, userID string) string {
	c, found, err := n.conv.Existing(ctx, userID)
	if err != nil || !found {
		return ""
	}
	return c.State.Lang
}

// startLeads builds the lead service and runs the worker that delivers
// webhooks and chat notices and chases unanswered leads.
func (a *App) startLeads(ctx context.Context, svc *bot.Service, st *store.Store) *leads.Service {
	ls := leads.NewService(st, a.cfg.Now, api.NewID).OnBridgeStage(a.metrics.stage) // metrics.go
	// Staff hear of their leads by e-mail (mail.go).
	ls.MailStaff()
	fs, checkIns := a.startFollowUps(svc, st, ls)
	a.followups = fs
	svc.WithLeads(chatLeads{leads: ls, followups: fs, catalog: a.Catalog, now: a.cfg.Now})
	handlers := map[string]leads.Handler{followups.Kind: checkIns}
	maps.Copy(handlers, a.pushHandlers(svc, st)) // push.go
	maps.Copy(handlers, a.mail.handlers)         // mail.go
	w := leads.NewWorker(leads.WorkerConfig{
		Jobs: st, Leads: st, Webhooks: st,
		Notifier:      chatNotifier{conv: svc, push: a.newMessagePush},
		Handlers:      handlers,
		AllowLoopback: a.cfg.AllowHTTPWebhooks,
		Now:           a.cfg.Now, Logger: a.log,
		Observe:   a.metrics.job, // metrics.go
		MailStaff: true,          // mail.go
	})
	go w.Run(ctx, a.cfg.WorkerPoll)
	go a.scoreResponsiveness(ctx, st, svc.Engine())
	go a.retryLeads(ctx, svc, st)
	return ls
}

// leadRetryEvery is how often leads that could not be sent are tried again.
const leadRetryEvery = 30 * time.Second

// retryLeads sends warm leads whose first try failed, until they are stored.
func (a *App) retryLeads(ctx context.Context, svc *bot.Service, st *store.Store) {
	t := time.NewTicker(leadRetryEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		ids, err := st.ConversationsWithPendingLeads(ctx)
		if err == nil && len(ids) > 0 {
			err = svc.FlushLeads(ctx, ids)
		}
		if err != nil && ctx.Err() == nil {
			a.log.Warn("warm leads still not sent", "err", err)
		}
	}
}

// responsivenessEvery is how often organisations' answering is rescored.
const responsivenessEvery = 10 * time.Minute

// scoreResponsiveness lets matching gently favour organisations that answer
// young people, from each one's latest leads, and tells the engine how fast
// each answers, for "hvornår svarer de?".
func (a *App) scoreResponsiveness(ctx context.Context, st *store.Store, engine *bot.Engine) {
	t := time.NewTicker(responsivenessEvery)
	defer t.Stop()
	for {
		all, err := st.AllLeads(ctx)
		if err == nil {
			scores := leads.ScoreOrganisations(all)
			answers := make(map[string]bot.AnswerTimes, len(scores.Answers))
			for org, at := range scores.Answers {
				answers[org] = bot.AnswerTimes(at)
			}
			a.Catalog.SetResponsiveness(scores.Boost, scores.DefaultBoost)
			engine.SetAnswerTimes(answers)
		} else if ctx.Err() == nil {
			a.log.Warn("scoring responsiveness failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
