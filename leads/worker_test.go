package leads_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

func openStore(t testing.TB) *store.Store { return storetest.Open(t, "leads") }

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// receiver is an organisation's webhook endpoint: it checks every
// signature and counts deliveries per idempotency key.
type receiver struct {
	t      testing.TB
	secret string
	now    func() time.Time
	// fail answers this many requests with 500 before accepting.
	fail    atomic.Int64
	mu      sync.Mutex
	byKey   map[string]int
	bodies  map[string]leads.Delivery
	arrived chan string
}

func newReceiver(t testing.TB, secret string, now func() time.Time) (*receiver, *httptest.Server) {
	r := &receiver{t: t, secret: secret, now: now, byKey: map[string]int{}, bodies: map[string]leads.Delivery{}, arrived: make(chan string, 1000)}
	srv := httptest.NewServer(r)
	t.Cleanup(srv.Close)
	return r, srv
}

func (r *receiver) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	if err := leads.Verify(r.secret, req.Header.Get(leads.SignatureHeader), body, r.now(), leads.DefaultTolerance); err != nil {
		r.t.Errorf("delivery with a bad signature: %v", err)
		http.Error(w, "bad signature", http.StatusUnauthorized)
		return
	}
	if r.fail.Add(-1) >= 0 {
		http.Error(w, "down for maintenance", http.StatusInternalServerError)
		return
	}
	key := req.Header.Get(leads.IdempotencyHeader)
	var d leads.Delivery
	if err := json.Unmarshal(body, &d); err != nil || d.ID != key {
		r.t.Errorf("body %s does not carry its key %q: %v", body, key, err)
	}
	r.mu.Lock()
	r.byKey[key]++
	r.bodies[key] = d
	r.mu.Unlock()
	r.arrived <- key
	w.WriteHeader(http.StatusNoContent)
}

func (r *receiver) counts() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return maps.Clone(r.byKey)
}

// notifier records what the young people were told.
type notifier struct {
	mu   sync.Mutex
	sent map[string][]string
}

func (n *notifier) Notify(_ context.Context, userID, _, text string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sent == nil {
		n.sent = map[string][]string{}
	}
	n.sent[userID] = append(n.sent[userID], text)
	return nil
}

func (n *notifier) to(userID string) []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.sent[userID])
}

var idSeq atomic.Int64

func newID() string { return fmt.Sprintf("lead%06d", idSeq.Add(1)) }

func youthLead(org, youth string) leads.Lead {
	return leads.Lead{OrganisationID: org, OrganisationName: "Dyreværnet", OpportunityID: "opp-hunde",
		OpportunityTitle: "Luft hunde lørdag", YouthID: youth, ConversationID: "c-" + youth, Lang: "da", MaxFriends: 1,
		Shared: leads.Shared{Nickname: "Mia", AgeBand: leads.AgeBand(16), Municipality: "Aarhus",
			Slots: []string{"sat_morning"}, Interests: []string{"animals"}, Message: "Jeg elsker hunde!"}}
}

// setup makes an organisation with a webhook pointing at a fresh receiver.
func setup(t testing.TB, s *store.Store, now func() time.Time) (orgID string, r *receiver) {
	t.Helper()
	ctx := context.Background()
	org, err := s.CreateOrganisation(ctx, "Dyreværnet", now())
	if err != nil {
		t.Fatal(err)
	}
	secret := leads.NewWebhookSecret()
	r, srv := newReceiver(t, secret, now)
	if err := leads.CheckWebhookURL(srv.URL, true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetWebhook(ctx, org.ID, srv.URL, secret, now()); err != nil {
		t.Fatal(err)
	}
	return org.ID, r
}

func worker(s *store.Store, owner string, now func() time.Time, n leads.YouthNotifier) *leads.Worker {
	// The receiver is an httptest server on 127.0.0.1, which only the
	// development switch lets webhooks reach.
	return leads.NewWorker(leads.WorkerConfig{Owner: owner, Jobs: s, Leads: s, Webhooks: s, Notifier: n,
		AllowLoopback: true, Now: now})
}

func TestWebhookIsSignedAndRetriedUntilDelivered(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	orgID, r := setup(t, s, clk.Now)
	r.fail.Store(1)
	svc := leads.NewService(s, clk.Now, newID)
	l, err := svc.Create(ctx, youthLead(orgID, "u1"))
	if err != nil {
		t.Fatal(err)
	}
	w := worker(s, "w1", clk.Now, nil)
	if ran, err := w.RunOnce(ctx); err != nil || ran != 1 {
		t.Fatalf("first run: ran %d, %v", ran, err)
	}
	key := "webhook:" + l.ID + ":1"
	job, err := s.Job(ctx, key)
	if err != nil || job.Done || job.Attempts != 1 || !job.DueAt.Equal(clk.Now().Add(30*time.Second)) {
		t.Fatalf("after a 500 the job is %+v, %v; want it due again in 30s", job, err)
	}
	if ran, _ := w.RunOnce(ctx); ran != 0 {
		t.Fatalf("ran %d jobs before the retry was due", ran)
	}
	clk.Advance(30 * time.Second)
	if ran, err := w.RunOnce(ctx); err != nil || ran != 1 {
		t.Fatalf("retry: ran %d, %v", ran, err)
	}
	if got := r.counts(); got[key] != 1 || len(got) != 1 {
		t.Fatalf("deliveries = %v, want one of %s", got, key)
	}
	d := r.bodies[key]
	if d.Type != leads.EventCreated || d.Lead.Shared.Nickname != "Mia" || d.Lead.Shared.AgeBand != "15-17" || d.Lead.Status != leads.StatusNew {
		t.Fatalf("delivery = %+v", d)
	}
	if job, _ = s.Job(ctx, key); !job.Done || job.LastError != "" {
		t.Fatalf("delivered job = %+v", job)
	}
	if st := w.Stats(); st.Delivered != 1 || st.Retried != 1 {
		t.Fatalf("stats = %+v", st)
	}
}

func TestWebhookIsGivenUpAfterTheSchedule(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	orgID, r := setup(t, s, clk.Now)
	r.fail.Store(1000)
	l, err := leads.NewService(s, clk.Now, newID).Create(ctx, youthLead(orgID, "u1"))
	if err != nil {
		t.Fatal(err)
	}
	w := worker(s, "w1", clk.Now, nil)
	for _, wait := range append([]time.Duration{0}, leads.RetrySchedule...) {
		clk.Advance(wait)
		if ran, err := w.RunOnce(ctx); err != nil || ran != 1 {
			t.Fatalf("after %s: ran %d, %v", wait, ran, err)
		}
	}
	job, _ := s.Job(ctx, "webhook:"+l.ID+":1")
	if !job.Done || job.Attempts != leads.MaxAttempts || job.LastError == "" {
		t.Fatalf("job after %d failures = %+v", leads.MaxAttempts, job)
	}
	if st := w.Stats(); st.GivenUp != 1 || st.Delivered != 0 {
		t.Fatalf("stats = %+v", st)
	}
}

// TestSixWorkersRunEveryJobExactlyOnce is the outbox's promise on the
// embedded database: workers racing in one process over 200 due jobs
// deliver each exactly once.
func TestSixWorkersRunEveryJobExactlyOnce(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	now := func() time.Time { return time.Now().UTC() }
	orgID, r := setup(t, s, now)
	svc := leads.NewService(s, now, newID)
	const jobs, workers = 200, 6
	want := map[string]bool{}
	for i := range jobs {
		l, err := svc.Create(ctx, youthLead(orgID, fmt.Sprintf("u%d", i)))
		if err != nil {
			t.Fatal(err)
		}
		want["webhook:"+l.ID+":1"] = true
	}
	start := time.Now()
	var wg sync.WaitGroup
	ws := make([]*leads.Worker, workers)
	for i := range ws {
		ws[i] = worker(s, fmt.Sprintf("worker-%d", i), now, nil)
		wg.Go(func() {
			for idle := 0; idle < 3; {
				ran, err := ws[i].RunOnce(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if ran == 0 {
					idle++
					time.Sleep(20 * time.Millisecond)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	got := r.counts()
	if len(got) != jobs {
		t.Errorf("%d distinct deliveries, want %d", len(got), jobs)
	}
	for key, n := range got {
		if n != 1 || !want[key] {
			t.Errorf("%s delivered %d times", key, n)
		}
	}
	var delivered int64
	per := make([]int64, workers)
	for i, w := range ws {
		per[i] = w.Stats().Delivered
		delivered += per[i]
	}
	if delivered != jobs {
		t.Errorf("workers delivered %d, want %d", delivered, jobs)
	}
	t.Logf("%d jobs, %d workers: %s (%.1f ms/job), per worker %v", jobs, workers, elapsed.Round(time.Millisecond),
		float64(elapsed.Microseconds())/1000/jobs, per)
}

// TestReminderThenNoResponse walks a lead nobody answers through a week
// with an injected clock: one reminder after three days, no_response and
// one message to the young person after seven, and nothing twice however
// often the workers run.
func TestReminderThenNoResponse(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	orgID, r := setup(t, s, clk.Now)
	svc := leads.NewService(s, clk.Now, newID)
	quiet, err := svc.Create(ctx, youthLead(orgID, "u1"))
	if err != nil {
		t.Fatal(err)
	}
	answered, err := svc.Create(ctx, youthLead(orgID, "u2"))
	if err != nil {
		t.Fatal(err)
	}
	n := &notifier{}
	w1, w2 := worker(s, "w1", clk.Now, n), worker(s, "w2", clk.Now, n)
	runAll := func() {
		t.Helper()
		for range 3 {
			for _, w := range []*leads.Worker{w1, w2} {
				if _, err := w.RunOnce(ctx); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	runAll()
	clk.Advance(26 * time.Hour)
	staff := leads.Caller{Actor: leads.Staff, OrgID: orgID, Name: "Sara"}
	if _, err := svc.Post(ctx, answered.ID, staff, "Hej Mia! Kom forbi på lørdag kl. 10."); err != nil {
		t.Fatal(err)
	}
	runAll()
	if got := n.to("u2"); !slices.Equal(got, []string{"Sara fra Dyreværnet har skrevet til dig:\n\nHej Mia! Kom forbi på lørdag kl. 10."}) {
		t.Fatalf("u2 was told %q", got)
	}

	clk.Advance(leads.RemindAfter - 26*time.Hour)
	runAll()
	stats := func() (reminders, noResponses int64) {
		for _, w := range []*leads.Worker{w1, w2} {
			reminders += w.Stats().Reminders
			noResponses += w.Stats().NoResponses
		}
		return
	}
	if rem, _ := stats(); rem != 1 {
		t.Fatalf("%d reminders after three days, want 1 (only the untouched lead)", rem)
	}
	l, _ := s.Lead(ctx, quiet.ID)
	if l.RemindedAt == nil || l.Status != leads.StatusNew {
		t.Fatalf("quiet lead after three days: %+v", l)
	}
	reminderKey := fmt.Sprintf("webhook:%s:%d", quiet.ID, l.LastSeq())
	if got := r.counts()[reminderKey]; got != 1 || r.bodies[reminderKey].Type != leads.EventReminder {
		t.Fatalf("reminder delivered %d times as %q", got, r.bodies[reminderKey].Type)
	}

	clk.Advance(leads.NoResponseAfter - leads.RemindAfter)
	runAll()
	clk.Advance(24 * time.Hour)
	runAll()
	l, _ = s.Lead(ctx, quiet.ID)
	if l.Status != leads.StatusNoResponse {
		t.Fatalf("quiet lead after a week is %s", l.Status)
	}
	if other, _ := s.Lead(ctx, answered.ID); other.Status != leads.StatusContacted {
		t.Fatalf("answered lead became %s", other.Status)
	}
	told := n.to("u1")
	if len(told) != 1 || told[0] != leads.StatusText(leads.StatusNoResponse, "", "Dyreværnet", "da") {
		t.Fatalf("u1 was told %q, want the no-response text once", told)
	}
	if rem, nr := stats(); rem != 1 || nr != 1 {
		t.Fatalf("reminders %d, no-responses %d; want one each", rem, nr)
	}
	for key, c := range r.counts() {
		if c != 1 {
			t.Errorf("%s delivered %d times", key, c)
		}
	}
	// Enqueueing the reminder's and no-response's work again changes nothing.
	for _, j := range []leads.Job{leads.WebhookJob(quiet.ID, l.LastSeq(), clk.Now()), leads.NoticeJob(quiet.ID, l.LastSeq(), clk.Now())} {
		if err := s.EnqueueJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	runAll()
	if got := n.to("u1"); len(got) != 1 {
		t.Fatalf("u1 told %d times", len(got))
	}
}

func TestServiceAnnouncesChangesAndChecksWhoMayMakeThem(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	orgID, r := setup(t, s, clk.Now)
	svc := leads.NewService(s, clk.Now, newID)
	l, err := svc.Create(ctx, youthLead(orgID, "u1"))
	if err != nil {
		t.Fatal(err)
	}
	staff := leads.Caller{Actor: leads.Staff, OrgID: orgID, Name: "Sara"}
	youth := leads.Caller{Actor: leads.Youth, UserID: "u1"}
	stranger := leads.Caller{Actor: leads.Staff, OrgID: "org-other", Name: "Eve"}

	if _, err := svc.SetStatus(ctx, l.ID, stranger, leads.StatusContacted); !isNotFound(err) {
		t.Fatalf("another organisation: err = %v", err)
	}
	if _, err := svc.SetStatus(ctx, l.ID, youth, leads.StatusStarted); err == nil {
		t.Fatal("the young person started their own lead")
	}
	if _, err := svc.SetStatus(ctx, l.ID, staff, leads.StatusMeetingPlanned); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetStatus(ctx, l.ID, staff, leads.StatusMeetingPlanned); err != nil {
		t.Fatalf("a retried status change: %v", err)
	}
	if _, err := svc.Post(ctx, l.ID, youth, "Glæder mig!"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetStatus(ctx, l.ID, youth, leads.StatusWithdrawn); err != nil {
		t.Fatal(err)
	}
	n := &notifier{}
	if _, err := worker(s, "w", clk.Now, n).RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	var types []string
	keys := make([]string, 0)
	for k := range r.counts() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		types = append(types, r.bodies[k].Type+"/"+r.bodies[k].Event.Status)
	}
	want := []string{"lead.created/new", "lead.status_changed/meeting_planned", "lead.message/meeting_planned", "lead.status_changed/withdrawn"}
	if !slices.Equal(types, want) {
		t.Fatalf("deliveries %v, want %v", types, want)
	}
	if got := n.to("u1"); !slices.Equal(got, []string{"Du har en aftale med Sara fra Dyreværnet. Skriv her, hvis noget ændrer sig."}) {
		t.Fatalf("young person told %q", got)
	}
}

func TestFriendsJoinWithACode(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	orgID, _ := setup(t, s, clk.Now)
	svc := leads.NewService(s, clk.Now, newID)
	l, err := svc.Create(ctx, youthLead(orgID, "u1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Invite(ctx, l.ID, leads.Caller{Actor: leads.Youth, UserID: "u2"}); !isNotFound(err) {
		t.Fatalf("inviting to someone else's lead: err = %v", err)
	}
	inv, err := svc.Invite(ctx, l.ID, leads.Caller{Actor: leads.Youth, UserID: "u1"})
	if err != nil {
		t.Fatal(err)
	}
	friend := leads.Caller{Actor: leads.Youth, UserID: "u2"}
	spoken := inv.Code[:3] + "-" + inv.Code[3:]
	got, err := svc.Join(ctx, spoken, friend)
	if err != nil || !slices.Equal(got.FriendIDs, []string{"u2"}) {
		t.Fatalf("join: %v, %v", got.FriendIDs, err)
	}
	if got, err = svc.Join(ctx, inv.Code, friend); err != nil || len(got.FriendIDs) != 1 {
		t.Fatalf("join twice: %v, %v", got.FriendIDs, err)
	}
	if _, err := svc.Join(ctx, "ZZZZZZ", friend); !isNotFound(err) {
		t.Fatalf("unknown code: err = %v", err)
	}
	clk.Advance(15 * 24 * time.Hour)
	if _, err := svc.Join(ctx, inv.Code, leads.Caller{Actor: leads.Youth, UserID: "u3"}); err == nil {
		t.Fatal("joined with an expired code")
	}
}

func isNotFound(err error) bool { return err != nil && errors.Is(err, leads.ErrNotFound) }

// TestWebhookLatency measures how long a new lead takes to reach the
// organisation with one worker polling every 100 ms, the way the server
// runs it.
func TestWebhookLatency(t *testing.T) {
	s := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	now := func() time.Time { return time.Now().UTC() }
	orgID, r := setup(t, s, now)
	svc := leads.NewService(s, now, newID)
	done := make(chan struct{})
	go func() {
		defer close(done)
		worker(s, "poller", now, nil).Run(ctx, 100*time.Millisecond)
	}()
	const n = 25
	lat := make([]time.Duration, 0, n)
	for i := range n {
		start := time.Now()
		l, err := svc.Create(ctx, youthLead(orgID, fmt.Sprintf("u%d", i)))
		if err != nil {
			t.Fatal(err)
		}
		want := "webhook:" + l.ID + ":1"
		select {
		case key := <-r.arrived:
			if key != want {
				t.Fatalf("got %s, want %s", key, want)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("lead %d not delivered within 10s", i)
		}
		lat = append(lat, time.Since(start))
		// Start the next lead at a different point of the poll cycle.
		time.Sleep(time.Duration(37*(i+1)%100) * time.Millisecond)
	}
	cancel()
	<-done
	slices.Sort(lat)
	var sum time.Duration
	for _, d := range lat {
		sum += d
	}
	t.Logf("create lead → webhook received, 1 worker polling every 100 ms, %d leads: min %s, median %s, mean %s, p90 %s, max %s",
		n, lat[0].Round(time.Millisecond), lat[n/2].Round(time.Millisecond), (sum / n).Round(time.Millisecond),
		lat[n*9/10].Round(time.Millisecond), lat[n-1].Round(time.Millisecond))
	if lat[n/2] > time.Second {
		t.Errorf("median latency %s; a 100 ms poll should deliver well within a second", lat[n/2])
	}
}

// TestJobsAheadOfTheirChange covers the service's order of writes: a job
// stored before the change it announces waits for it, and one whose change
// never came retires itself without delivering anything.
func TestJobsAheadOfTheirChange(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	orgID, r := setup(t, s, clk.Now)
	early := youthLead(orgID, "u1")
	early.ID = "early"
	if err := early.Open(clk.Now()); err != nil {
		t.Fatal(err)
	}
	for _, j := range []leads.Job{leads.WebhookJob("early", 1, clk.Now()), leads.WebhookJob("ghost", 1, clk.Now())} {
		if err := s.EnqueueJob(ctx, j); err != nil {
			t.Fatal(err)
		}
	}
	w := worker(s, "w", clk.Now, nil)
	if ran, err := w.RunOnce(ctx); err != nil || ran != 2 {
		t.Fatalf("ran %d, %v", ran, err)
	}
	if _, err := s.CreateLead(ctx, early); err != nil {
		t.Fatal(err)
	}
	for _, wait := range []time.Duration{time.Second, 5 * time.Second, 30 * time.Second, 2 * time.Minute} {
		clk.Advance(wait)
		if _, err := w.RunOnce(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := r.counts(); len(got) != 1 || got["webhook:early:1"] != 1 {
		t.Fatalf("deliveries = %v, want the early lead's once", got)
	}
	ghost, _ := s.Job(ctx, "webhook:ghost:1")
	if !ghost.Done || !strings.Contains(ghost.LastError, "not stored") {
		t.Fatalf("ghost job = %+v", ghost)
	}
}
