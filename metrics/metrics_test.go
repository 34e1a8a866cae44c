package metrics_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/metrics"
)

// scrape reads the handler's text exposition.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler(nil).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("scrape: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.String()
}

// value is the sample of series (name and labels as exposed, e.g.
// `brobygger_turns_total{outcome="ok"}`), and whether it is there.
func value(text, series string) (string, bool) {
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			return v, true
		}
	}
	return "", false
}

func expect(t *testing.T, text string, want map[string]string) {
	t.Helper()
	for series, v := range want {
		got, ok := value(text, series)
		if !ok {
			t.Errorf("%s is missing", series)
		} else if got != v {
			t.Errorf("%s = %s, want %s", series, got, v)
		}
	}
}

// TestEverySeriesStartsAtZero: a fresh server shows every series of its
// fixed sets at zero, so a rate is defined from the first scrape, beside
// the Go runtime's and the process's.
func TestEverySeriesStartsAtZero(t *testing.T) {
	text := scrape(t, metrics.New())
	want := map[string]string{
		`brobygger_turn_duration_seconds_count`:                               "0",
		`brobygger_llm_calls_total{op="phrase",result="budget_spent"}`:        "0",
		`brobygger_jobs_settled_total{kind="checkin",result="deferred"}`:      "0",
		`brobygger_bridge_transitions_total{stage="belongs"}`:                 "0",
		`brobygger_crisis_answers_total{kind="eating_disorder"}`:              "0",
		`brobygger_webhook_deliveries_total{result="given_up"}`:               "0",
		`brobygger_llm_call_duration_seconds_count{op="understand"}`:          "0",
		`brobygger_turn_duration_seconds_bucket{le="0.005"}`:                  "0",
		`brobygger_turn_duration_seconds_bucket{le="10"}`:                     "0",
		`brobygger_jobs_settled_total{kind="lead_no_response",result="done"}`: "0",
	}
	for _, o := range metrics.TurnOutcomes {
		want[`brobygger_turns_total{outcome="`+o+`"}`] = "0"
	}
	expect(t, text, want)
	for _, name := range []string{"go_goroutines", "go_memstats_heap_alloc_bytes", "process_resident_memory_bytes"} {
		if !strings.Contains(text, "\n"+name+" ") {
			t.Errorf("%s is missing", name)
		}
	}
}

// TestCountersMove: turns, crisis answers per kind, model calls, settled
// jobs with their webhook deliveries and bridge stages count what happened.
func TestCountersMove(t *testing.T) {
	m := metrics.New()
	m.Turn("ok", 20*time.Millisecond, nil)
	m.Turn("ok", 3*time.Second, nil)
	m.Turn("crisis", 30*time.Millisecond, []string{"suicide", "violence", "suicide"})
	m.Turn("crisis", 10*time.Millisecond, nil)
	m.Turn("support", 10*time.Millisecond, nil)
	m.LLMCall("understand", "ok", 700*time.Millisecond)
	m.LLMCall("phrase", "timeout", 8*time.Second)
	for _, r := range []string{"done", "done", "retried", "given_up", "skipped", "deferred"} {
		m.Job("webhook", r)
	}
	m.Job("checkin", "deferred")
	m.BridgeStage("knows_how")
	m.BridgeStage("knows_how")
	m.BridgeStage("welcomed")
	expect(t, scrape(t, m), map[string]string{
		`brobygger_turns_total{outcome="ok"}`:                            "2",
		`brobygger_turns_total{outcome="crisis"}`:                        "2",
		`brobygger_turns_total{outcome="support"}`:                       "1",
		`brobygger_turn_duration_seconds_count`:                          "5",
		`brobygger_turn_duration_seconds_bucket{le="0.025"}`:             "3",
		`brobygger_turn_duration_seconds_bucket{le="2.5"}`:               "4",
		`brobygger_crisis_answers_total{kind="suicide"}`:                 "1",
		`brobygger_crisis_answers_total{kind="violence"}`:                "1",
		`brobygger_crisis_answers_total{kind="unspecified"}`:             "1",
		`brobygger_crisis_answers_total{kind="abuse"}`:                   "0",
		`brobygger_llm_calls_total{op="understand",result="ok"}`:         "1",
		`brobygger_llm_calls_total{op="phrase",result="timeout"}`:        "1",
		`brobygger_llm_call_duration_seconds_count{op="phrase"}`:         "1",
		`brobygger_webhook_deliveries_total{result="delivered"}`:         "2",
		`brobygger_webhook_deliveries_total{result="failed"}`:            "1",
		`brobygger_webhook_deliveries_total{result="given_up"}`:          "1",
		`brobygger_webhook_deliveries_total{result="skipped"}`:           "1",
		`brobygger_jobs_settled_total{kind="webhook",result="deferred"}`: "1",
		`brobygger_jobs_settled_total{kind="checkin",result="deferred"}`: "1",
		`brobygger_bridge_transitions_total{stage="knows_how"}`:          "2",
		`brobygger_bridge_transitions_total{stage="welcomed"}`:           "1",
	})
}

// TestLabelsComeOnlyFromFixedSets: whatever a caller passes — an id, an
// organisation, words — a label holds only a value of its fixed set or
// "other".
func TestLabelsComeOnlyFromFixedSets(t *testing.T) {
	m := metrics.New()
	leaky := []string{"u-4f1c9a", "org-potefaellesskabet-koebenhavn", "jeg vil ikke leve mere", `x"} 1e9`}
	for _, s := range leaky {
		m.Turn(s, time.Millisecond, nil)
		m.Turn("crisis", time.Millisecond, []string{s})
		m.LLMCall(s, s, time.Millisecond)
		m.Job(s, s)
		m.Job("webhook", s)
		m.BridgeStage(s)
	}
	m.WatchJobs(func(context.Context) (map[string]int, error) {
		return map[string]int{"webhook": 2, leaky[0]: 3, leaky[1]: 1}, nil
	})
	text := scrape(t, m)
	for _, s := range leaky {
		if strings.Contains(text, s) {
			t.Errorf("%q reached the metrics", s)
		}
	}
	expect(t, text, map[string]string{
		`brobygger_turns_total{outcome="other"}`:                    "4",
		`brobygger_crisis_answers_total{kind="other"}`:              "4",
		`brobygger_llm_calls_total{op="other",result="other"}`:      "4",
		`brobygger_jobs_settled_total{kind="other",result="other"}`: "4",
		`brobygger_bridge_transitions_total{stage="other"}`:         "4",
		`brobygger_jobs_pending{kind="webhook"}`:                    "2",
		`brobygger_jobs_pending{kind="other"}`:                      "4",
		`brobygger_jobs_pending{kind="push"}`:                       "0",
	})
}

// TestPendingJobsThatCannotBeReadLeaveAGap: when the database does not
// answer, the scrape still serves everything else, without the gauge.
func TestPendingJobsThatCannotBeReadLeaveAGap(t *testing.T) {
	m := metrics.New()
	m.WatchJobs(func(context.Context) (map[string]int, error) { return nil, errors.New("database unavailable") })
	m.Turn("ok", time.Millisecond, nil)
	text := scrape(t, m)
	if strings.Contains(text, "brobygger_jobs_pending{") {
		t.Errorf("a gauge that could not be read was served:\n%s", text)
	}
	expect(t, text, map[string]string{`brobygger_turns_total{outcome="ok"}`: "1"})
}

// TestServerServesOnlyMetrics: the listener of its own answers GET /metrics
// and nothing else, and stops when closed.
func TestServerServesOnlyMetrics(t *testing.T) {
	m := metrics.New()
	m.Turn("ok", time.Millisecond, nil)
	srv, err := metrics.Listen("127.0.0.1:0", m, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + srv.Addr().String()
	get := func(method, path string) (int, string) {
		req, _ := http.NewRequest(method, base+path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, body := get("GET", "/metrics"); code != 200 || !strings.Contains(body, `brobygger_turns_total{outcome="ok"} 1`) {
		t.Fatalf("GET /metrics: %d\n%s", code, body)
	}
	for _, p := range []string{"/", "/v1/conversations", "/metrics/x", "/debug/pprof/"} {
		if code, _ := get("GET", p); code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, code)
		}
	}
	if code, _ := get("POST", "/metrics"); code != http.StatusMethodNotAllowed {
		t.Errorf("POST /metrics: %d, want 405", code)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(base + "/metrics"); err == nil {
		t.Error("the listener still answers after Close")
	}
}
