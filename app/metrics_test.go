package app

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/llm"
	"github.com/brobygger/brobygger/mail"
	"github.com/brobygger/brobygger/metrics"
	"github.com/brobygger/brobygger/push"
	"github.com/brobygger/brobygger/understand"
)

// metricsClient talks to the API as one young person.
type metricsClient struct {
	t     *testing.T
	base  string
	token string
}

func (c *metricsClient) do(method, path string, body any) (int, []byte) {
	c.t.Helper()
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		c.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

func (c *metricsClient) decode(method, path string, body any, want int, into any) {
	c.t.Helper()
	code, b := c.do(method, path, body)
	if code != want {
		c.t.Fatalf("%s %s: %d %s", method, path, code, b)
	}
	if err := json.Unmarshal(b, into); err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
}

type chatMessage struct {
	Text         string `json:"text"`
	Kind         string `json:"kind"`
	QuickReplies []struct {
		ID string `json:"id"`
	} `json:"quick_replies"`
	Cards []struct {
		OpportunityID  string `json:"opportunity_id"`
		OrganisationID string `json:"organisation_id"`
		Title          string `json:"title"`
	} `json:"cards"`
}

// say sends a message or a tap with the given client message id and
// returns the replies.
func (c *metricsClient) say(conv, clientID string, body map[string]any) []chatMessage {
	c.t.Helper()
	body["client_message_id"] = clientID
	var out struct {
		Messages []chatMessage `json:"messages"`
	}
	c.decode("POST", "/v1/conversations/"+conv+"/messages", body, 200, &out)
	return out.Messages
}

func scrapeMetrics(t *testing.T, addr net.Addr) string {
	t.Helper()
	res, err := http.Get("http://" + addr.String() + metrics.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("scrape: %d %s", res.StatusCode, b)
	}
	return string(b)
}

// sample is the value of one series in a scrape, "" when it is missing.
func sample(text, series string) string {
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, series+" "); ok {
			return v
		}
	}
	return ""
}

// TestMetricsAfterAChatWithALeadAndACrisis: a young person of 17 chats
// to a suggestion, sends a lead, sends a message again, then writes of
// suicide and of violence at home and gets the crisis answer. The metrics,
// on their own address and not on the API's, count every turn by outcome,
// the crisis kinds, the lead's bridge stage and its webhook job — and
// nowhere hold the young person's id, the conversation's, the lead's, the
// organisation's or the opportunity's, nor a word they wrote.
func TestMetricsAfterAChatWithALeadAndACrisis(t *testing.T) {
	a, err := New(context.Background(), Config{
		MetricsAddr: "127.0.0.1:0",
		DataDir:     t.TempDir(),
		MongoURI:    os.Getenv("MONGODB_URI"),
		Database:    fmt.Sprintf("metricstest_%d", time.Now().UnixNano()),
		JWTSecret:   strings.Repeat("m", 40),
		WorkerPoll:  20 * time.Millisecond,
		Logger:      slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _ = a.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if os.Getenv("MONGODB_URI") != "" {
			_ = a.Store.Drop(context.Background())
		}
		_ = a.Close(context.Background())
	})
	addr := a.MetricsAddr()
	if addr == nil {
		t.Fatal("no metrics listener with MetricsAddr set")
	}
	before := scrapeMetrics(t, addr)

	c := &metricsClient{t: t, base: "http://" + ln.Addr().String()}
	var guest struct {
		AccessToken string `json:"access_token"`
	}
	c.decode("POST", "/v1/auth/guest", map[string]string{"locale": "da"}, 201, &guest)
	c.token = guest.AccessToken
	var claims struct {
		Sub string `json:"sub"`
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.Split(c.token, ".")[1])
	if err != nil || json.Unmarshal(raw, &claims) != nil || claims.Sub == "" {
		t.Fatalf("token claims: %s, %v", raw, err)
	}
	var started struct {
		ConversationID string `json:"conversation_id"`
	}
	c.decode("POST", "/v1/conversations", nil, 201, &started)
	conv := started.ConversationID
	if conv == "" {
		t.Fatal("no conversation")
	}

	words := []string{"jeg er 17, bor i 8000, dyr, weekender, bare én gang, med en ven", "Sofie",
		"jeg vil ikke leve mere", "min stedfar slår mig", "okay tak"}
	replies := c.say(conv, "m1", map[string]any{"text": words[0]})
	last := replies[len(replies)-1]
	if len(last.Cards) == 0 {
		t.Fatalf("no suggestions: %+v", replies)
	}
	card := last.Cards[0]
	c.say(conv, "m2", map[string]any{"choice": "want:" + card.OpportunityID})
	c.say(conv, "m3", map[string]any{"text": words[1]})
	replies = c.say(conv, "m4", map[string]any{"choice": "lead_send:" + card.OpportunityID})
	if !slices.ContainsFunc(replies, func(m chatMessage) bool { return strings.Contains(m.Text, "Sendt") }) {
		t.Fatalf("the lead was not sent: %+v", replies)
	}
	c.say(conv, "m4", map[string]any{"choice": "lead_send:" + card.OpportunityID}) // the app sends it again
	for i, text := range words[2:] {
		replies = c.say(conv, fmt.Sprintf("m%d", 5+i), map[string]any{"text": text})
		if len(replies) == 0 || replies[0].Kind != "crisis" {
			t.Fatalf("%q: no crisis answer: %+v", text, replies)
		}
	}
	var mine struct {
		Leads []struct {
			ID string `json:"id"`
		} `json:"leads"`
	}
	c.decode("GET", "/v1/me/leads", nil, 200, &mine)
	if len(mine.Leads) != 1 {
		t.Fatalf("leads: %+v", mine)
	}

	// The webhook job settles in the background: the sample organisations
	// read their leads in Brobygger, so it is skipped.
	var text string
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		text = scrapeMetrics(t, addr)
		if sample(text, `brobygger_webhook_deliveries_total{result="skipped"}`) == "1" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the webhook job was not counted within 10 s:\n%s", text)
		}
	}
	want := map[string]string{
		// m1 to m4, then the three crisis-mode messages; a retry of m4.
		`brobygger_turns_total{outcome="ok"}`:                           "4",
		`brobygger_turns_total{outcome="retry"}`:                        "1",
		`brobygger_turns_total{outcome="crisis"}`:                       "2",
		`brobygger_turns_total{outcome="support"}`:                      "1",
		`brobygger_turns_total{outcome="error"}`:                        "0",
		`brobygger_turn_duration_seconds_count`:                         "8",
		`brobygger_crisis_answers_total{kind="suicide"}`:                "1",
		`brobygger_crisis_answers_total{kind="violence"}`:               "1",
		`brobygger_crisis_answers_total{kind="unspecified"}`:            "0",
		`brobygger_bridge_transitions_total{stage="knows_how"}`:         "1",
		`brobygger_bridge_transitions_total{stage="welcomed"}`:          "0",
		`brobygger_webhook_deliveries_total{result="delivered"}`:        "0",
		`brobygger_llm_calls_total{op="understand",result="ok"}`:        "0",
		`brobygger_jobs_settled_total{kind="webhook",result="skipped"}`: "1",
	}
	for series, v := range want {
		if got := sample(text, series); got != v {
			t.Errorf("%s = %q, want %s", series, got, v)
		}
		if series != `brobygger_turn_duration_seconds_count` && sample(before, series) != "0" {
			t.Errorf("before the chat %s = %q, want 0", series, sample(before, series))
		}
	}
	// The reminder and the no-response wait for their days.
	if got := sample(text, `brobygger_jobs_pending{kind="lead_reminder"}`); got != "1" {
		t.Errorf("pending reminders = %q, want 1", got)
	}
	for _, name := range []string{"go_goroutines", "process_resident_memory_bytes"} {
		if sample(text, name) == "" {
			t.Errorf("%s is missing", name)
		}
	}

	secrets := append([]string{claims.Sub, conv, mine.Leads[0].ID, card.OpportunityID, card.OrganisationID, card.Title, c.token}, words...)
	for _, s := range secrets {
		if s != "" && strings.Contains(text, s) {
			t.Errorf("the metrics hold %q", s)
		}
	}
	// Only fixed label values, so no telling word of any message either.
	for _, w := range []string{"stedfar", "weekender", "Sofie"} {
		if strings.Contains(text, w) {
			t.Errorf("the metrics hold %q", w)
		}
	}

	// The public API does not serve them.
	if code, body := c.do("GET", metrics.Path, nil); strings.Contains(string(body), "brobygger_turns_total") {
		t.Errorf("the API port serves the metrics (%d)", code)
	}
}

// TestMetricsListenerNeedsAFreeAddress: a metrics address that cannot be
// bound stops the start with a message naming the variable.
func TestMetricsListenerNeedsAFreeAddress(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	a := &App{cfg: Config{MetricsAddr: taken.Addr().String()}, log: slog.New(slog.DiscardHandler)}
	a.metrics.m = metrics.New()
	err = a.serveMetrics()
	if err == nil || !strings.Contains(err.Error(), "BROBYGGER_METRICS_ADDR") {
		t.Fatalf("serveMetrics on a taken address: %v", err)
	}
	if a.MetricsAddr() != nil {
		t.Error("an address is reported for a listener that failed")
	}
	off := &App{log: slog.New(slog.DiscardHandler)}
	if err := off.serveMetrics(); err != nil || off.MetricsAddr() != nil {
		t.Errorf("unset: %v, %v; want no listener", err, off.MetricsAddr())
	}
}

// TestMetricsLabelSetsMatchTheDomains: the metrics' fixed label sets are
// exactly what the domains report, so nothing real is counted as "other".
func TestMetricsLabelSetsMatchTheDomains(t *testing.T) {
	llmResults := []string{"ok"}
	for _, k := range []llm.Kind{llm.KindTimeout, llm.KindRateLimited, llm.KindServerError, llm.KindRequestFailed,
		llm.KindInvalidOutput, llm.KindBreakerOpen, llm.KindBudgetSpent} {
		llmResults = append(llmResults, string(k))
	}
	for _, tc := range []struct {
		name           string
		domain, labels []string
	}{
		{"turn outcomes", bot.TurnOutcomes, metrics.TurnOutcomes},
		{"crisis kinds", append(slices.Clone(understand.CrisisKindOrder), metrics.CrisisUnspecified), metrics.CrisisKinds},
		{"language model results", llmResults, metrics.LLMResults},
		{"job kinds", []string{leads.KindWebhook, leads.KindNotice, leads.KindReminder, leads.KindNoResponse, followups.Kind, push.KindPush,
			leads.KindStaffMail, mail.KindMail, mail.KindDigest}, metrics.JobKinds},
		{"job results", []string{leads.JobDone, leads.JobSkipped, leads.JobRetried, leads.JobDeferred, leads.JobGivenUp}, metrics.JobResults},
		{"bridge stages", slices.DeleteFunc(slices.Clone(leads.Stages), func(s string) bool { return s == leads.StageKnowsItExists }), metrics.BridgeStages},
	} {
		d, l := slices.Sorted(slices.Values(tc.domain)), slices.Sorted(slices.Values(tc.labels))
		if !slices.Equal(d, l) {
			t.Errorf("%s: the domains have %v, the metrics %v", tc.name, d, l)
		}
	}
}
