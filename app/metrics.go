package app

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/llm"
	"github.com/brobygger/brobygger/metrics"
	"github.com/brobygger/brobygger/store"
)

// observing is what the people who run Brobygger see: the collectors of
// package metrics, fed through the domains' observer hooks, and, with
// BROBYGGER_METRICS_ADDR set, the listener of their own that serves them.
// The counters are kept either way: without a listener they cost an
// increment and nothing is read from the database.
type observing struct {
	m   *metrics.Metrics
	srv *metrics.Server
}

// observeTurns builds the collectors and hooks in the conversation service
// and the outbox's backlog. The language model and the leads hook in as
// they are built (app.go, leads.go).
func (a *App) observeTurns(svc *bot.Service, st *store.Store) {
	a.metrics.m = metrics.New()
	a.metrics.m.WatchJobs(st.PendingJobs)
	svc.OnTurn(func(r bot.TurnReport) { a.metrics.m.Turn(r.Outcome, r.Took, r.CrisisKinds) })
}

// llmCall counts a call to the language model (llm.Config.Observe).
func (o *observing) llmCall(op string, failure llm.Kind, took time.Duration) {
	result := string(failure)
	if result == "" {
		result = "ok"
	}
	o.m.LLMCall(op, result, took)
}

// job counts an outbox job the lead worker settled (leads.WorkerConfig.Observe).
func (o *observing) job(kind, result string) { o.m.Job(kind, result) }

// stage counts a lead reaching a bridge stage (leads.Service.OnBridgeStage).
func (o *observing) stage(stage string) { o.m.BridgeStage(stage) }

// serveMetrics starts the metrics listener when BROBYGGER_METRICS_ADDR is
// set. It is never the API's port: who may read the metrics is the
// network's decision, so the public API cannot leak them.
func (a *App) serveMetrics() error {
	if a.cfg.MetricsAddr == "" {
		return nil
	}
	srv, err := metrics.Listen(a.cfg.MetricsAddr, a.metrics.m, a.log)
	if err != nil {
		return fmt.Errorf("BROBYGGER_METRICS_ADDR=%q: %w", a.cfg.MetricsAddr, err)
	}
	a.metrics.srv = srv
	a.log.Info("metrics listening", "url", "http://"+srv.Addr().String()+metrics.Path)
	return nil
}

// MetricsAddr is the address the metrics are served on, nil when
// BROBYGGER_METRICS_ADDR is unset.
func (a *App) MetricsAddr() net.Addr {
	if a.metrics.srv == nil {
		return nil
	}
	return a.metrics.srv.Addr()
}

// stopMetrics closes the metrics listener, letting a scrape under way end.
func (a *App) stopMetrics(ctx context.Context) error {
	if a.metrics.srv == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return a.metrics.srv.Close(ctx)
}
