// Package metrics owns what Brobygger tells the people who run it, in the
// Prometheus text format: chat turns and how long they took, the optional
// language model's calls, webhook deliveries and the outbox, steps across
// the bridge and crisis answers, beside the Go runtime and the process.
// It knows nothing of the domains: app feeds it through their observer
// hooks. Many users are minors, so every label value comes from a fixed,
// small set declared here; anything else is counted as "other" and never
// written as given, so no id, text or organisation can reach a label.
package metrics

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Other is the label value for anything outside a label's fixed set.
const Other = "other"

// Turn outcomes, the values of brobygger_turns_total's outcome label.
const (
	// TurnOK is a turn answered in the ordinary way.
	TurnOK = "ok"
	// TurnCrisis is a turn answered with the crisis text and helplines.
	TurnCrisis = "crisis"
	// TurnSupport is a turn answered in support mode, after a crisis answer.
	TurnSupport = "support"
	// TurnRetry is a message the app sent again, answered from before.
	TurnRetry = "retry"
	// TurnNotFound is a turn for a conversation that is not the caller's.
	TurnNotFound = "not_found"
	// TurnError is a turn that failed.
	TurnError = "error"
)

// TurnOutcomes is every turn outcome.
var TurnOutcomes = []string{TurnOK, TurnCrisis, TurnSupport, TurnRetry, TurnNotFound, TurnError}

// CrisisKinds are the crisis kinds the bot reads (package understand), the
// values of brobygger_crisis_answers_total's kind label, with
// CrisisUnspecified for a crisis answer reached without a kind (a "yes" to
// the concern check-in).
var CrisisKinds = []string{
	"suicide", "self_harm", "danger", "sexual_abuse", "violence", "grooming",
	"abuse", "forced_marriage", "neglect", "homeless", "eating_disorder", CrisisUnspecified,
}

// CrisisUnspecified is a crisis answer with no kind read from the message.
const CrisisUnspecified = "unspecified"

// LLM operations and results, the labels of brobygger_llm_calls_total.
var (
	// LLMOps are the language model's operations.
	LLMOps = []string{"understand", "phrase"}
	// LLMResults are how a call ended: ok, or the model client's failure
	// kind (invalid_output is an answer the guards or the validation
	// refused; budget_spent and breaker_open calls never left the process).
	LLMResults = []string{"ok", "timeout", "rate_limited", "server_error", "request_failed",
		"invalid_output", "breaker_open", "budget_spent"}
)

// Job results, as the outbox worker settles a job.
const (
	// JobDone is a job that did its work.
	JobDone = "done"
	// JobSkipped is a job that had nothing to do: the organisation reads
	// its leads in Brobygger, the young person had nothing to hear, or
	// the lead it announced is gone.
	JobSkipped = "skipped"
	// JobRetried is a failed attempt, tried again later.
	JobRetried = "retried"
	// JobDeferred is a job put off without failing: a check-in in quiet
	// hours, or a change not stored yet.
	JobDeferred = "deferred"
	// JobGivenUp is a job that failed for good.
	JobGivenUp = "given_up"
)

var (
	// JobKinds are the kinds of job in the outbox.
	JobKinds = []string{"webhook", "youth_notice", "lead_reminder", "lead_no_response", "checkin", "push",
		"staff_mail", "mail", "mail_digest"}
	// JobResults are how a job is settled.
	JobResults = []string{JobDone, JobSkipped, JobRetried, JobDeferred, JobGivenUp}
	// DeliveryResults are the values of brobygger_webhook_deliveries_total's
	// result label: a webhook job done is delivered, retried is failed.
	DeliveryResults = []string{"delivered", "failed", "given_up", "skipped"}
	// BridgeStages are the bridge stages a lead is counted reaching.
	BridgeStages = []string{"knows_how", "welcomed", "belongs"}
)

// deliveryOf names a webhook job's result as a delivery; a deferred job
// made no attempt and is not one.
var deliveryOf = map[string]string{JobDone: "delivered", JobRetried: "failed", JobGivenUp: "given_up", JobSkipped: "skipped"}

// TurnBuckets suit a turn: a few milliseconds without the model, up to its
// deadline (8 s by default) with it.
var TurnBuckets = []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}

// Metrics is one registry with Brobygger's collectors. Each App has its
// own, so tests can run several side by side. Its methods are safe for
// concurrent use.
type Metrics struct {
	reg          *prometheus.Registry
	turns        *prometheus.CounterVec
	turnDuration prometheus.Histogram
	crisis       *prometheus.CounterVec
	llmCalls     *prometheus.CounterVec
	llmDuration  *prometheus.HistogramVec
	jobs         *prometheus.CounterVec
	deliveries   *prometheus.CounterVec
	bridge       *prometheus.CounterVec
}

// New builds the registry with every collector, the Go runtime's and the
// process's included. Every series of a fixed set starts at zero, so a
// rate is defined from the first scrape.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		turns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "brobygger_turns_total",
			Help: "Chat turns, by outcome: ok, crisis (the crisis answer), support (a reply in support mode), retry (a repeated message answered from before), not_found, error.",
		}, []string{"outcome"}),
		turnDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "brobygger_turn_duration_seconds",
			Help:    "How long a chat turn took to answer, the language model included.",
			Buckets: TurnBuckets,
		}),
		crisis: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "brobygger_crisis_answers_total",
			Help: "Crisis answers the bot gave, once per crisis kind the message showed (unspecified: none read, as after a yes to the concern check-in).",
		}, []string{"kind"}),
		llmCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "brobygger_llm_calls_total",
			Help: "Calls to the optional language model, by operation and result: ok or the failure kind.",
		}, []string{"op", "result"}),
		llmDuration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "brobygger_llm_call_duration_seconds",
			Help:    "How long a call to the language model took, retries included.",
			Buckets: TurnBuckets,
		}, []string{"op"}),
		jobs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "brobygger_jobs_settled_total",
			Help: "Outbox jobs settled by the worker, by kind and result: done, skipped, retried, deferred, given_up.",
		}, []string{"kind", "result"}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "brobygger_webhook_deliveries_total",
			Help: "Webhook deliveries to organisations: delivered, failed (to be retried), given_up, skipped (no webhook, or nothing left to announce).",
		}, []string{"result"}),
		bridge: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "brobygger_bridge_transitions_total",
			Help: "Leads reaching a bridge stage: knows_how when the lead is sent, then welcomed and belongs from the young person's answers.",
		}, []string{"stage"}),
	}
	m.reg.MustRegister(m.turns, m.turnDuration, m.crisis, m.llmCalls, m.llmDuration, m.jobs, m.deliveries, m.bridge,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, o := range TurnOutcomes {
		m.turns.WithLabelValues(o)
	}
	for _, k := range CrisisKinds {
		m.crisis.WithLabelValues(k)
	}
	for _, op := range LLMOps {
		m.llmDuration.WithLabelValues(op)
		for _, r := range LLMResults {
			m.llmCalls.WithLabelValues(op, r)
		}
	}
	for _, k := range JobKinds {
		for _, r := range JobResults {
			m.jobs.WithLabelValues(k, r)
		}
	}
	for _, r := range DeliveryResults {
		m.deliveries.WithLabelValues(r)
	}
	for _, s := range BridgeStages {
		m.bridge.WithLabelValues(s)
	}
	return m
}

// known returns v when it is one of set, and Other when it is not.
func known(v string, set []string) string {
	if slices.Contains(set, v) {
		return v
	}
	return Other
}

// Turn counts one chat turn: its outcome, how long it took and, for a
// crisis answer, every crisis kind the message showed.
func (m *Metrics) Turn(outcome string, took time.Duration, crisisKinds []string) {
	outcome = known(outcome, TurnOutcomes)
	m.turns.WithLabelValues(outcome).Inc()
	m.turnDuration.Observe(took.Seconds())
	if outcome != TurnCrisis {
		return
	}
	if len(crisisKinds) == 0 {
		m.crisis.WithLabelValues(CrisisUnspecified).Inc()
		return
	}
	var counted []string
	for _, k := range crisisKinds {
		k = known(k, CrisisKinds)
		if !slices.Contains(counted, k) {
			counted = append(counted, k)
			m.crisis.WithLabelValues(k).Inc()
		}
	}
}

// LLMCall counts one call to the language model; result is "ok" or the
// client's failure kind.
func (m *Metrics) LLMCall(op, result string, took time.Duration) {
	op = known(op, LLMOps)
	m.llmCalls.WithLabelValues(op, known(result, LLMResults)).Inc()
	m.llmDuration.WithLabelValues(op).Observe(took.Seconds())
}

// Job counts an outbox job the worker settled, and a webhook job as a
// delivery too.
func (m *Metrics) Job(kind, result string) {
	kind, result = known(kind, JobKinds), known(result, JobResults)
	m.jobs.WithLabelValues(kind, result).Inc()
	if d, ok := deliveryOf[result]; ok && kind == "webhook" {
		m.deliveries.WithLabelValues(d).Inc()
	}
}

// BridgeStage counts a lead reaching a bridge stage.
func (m *Metrics) BridgeStage(stage string) {
	m.bridge.WithLabelValues(known(stage, BridgeStages)).Inc()
}

// PendingJobs reads how many outbox jobs of each kind are not done yet.
type PendingJobs func(ctx context.Context) (map[string]int, error)

// pendingTimeout bounds the read at scrape time, well inside a scrape's
// usual 10 s timeout.
const pendingTimeout = 3 * time.Second

// WatchJobs adds brobygger_jobs_pending, read with read at every scrape:
// a count costs the database nothing while nobody scrapes.
func (m *Metrics) WatchJobs(read PendingJobs) {
	m.reg.MustRegister(&pendingCollector{read: read, desc: prometheus.NewDesc("brobygger_jobs_pending",
		"Outbox jobs not done yet (due or waiting for their time), by kind.", []string{"kind"}, nil)})
}

type pendingCollector struct {
	read PendingJobs
	desc *prometheus.Desc
}

func (c *pendingCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *pendingCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), pendingTimeout)
	defer cancel()
	counts, err := c.read(ctx)
	if err != nil {
		// The rest of the scrape still goes out (ContinueOnError); a gap in
		// this gauge says the database did not answer.
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	byKind := make(map[string]int, len(JobKinds)+1)
	for _, k := range JobKinds {
		byKind[k] = 0
	}
	for k, n := range counts {
		byKind[known(k, JobKinds)] += n
	}
	for k, n := range byKind {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(n), k)
	}
}

// Handler serves the registry in the Prometheus formats. A collector that
// fails leaves its series out and is logged; the rest is still served.
func (m *Metrics) Handler(log *slog.Logger) http.Handler {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorLog:            errorLog{log},
		ErrorHandling:       promhttp.ContinueOnError,
		MaxRequestsInFlight: 2,
	})
}

// errorLog puts promhttp's errors into the app's log.
type errorLog struct{ log *slog.Logger }

func (l errorLog) Println(v ...any) { l.log.Warn("serving metrics", "err", fmt.Sprint(v...)) }

// Registry is the registry itself, for collectors of one's own.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }
