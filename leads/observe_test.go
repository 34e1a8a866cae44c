package leads_test

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
)

// settled records what a worker tells its observer.
type settled struct {
	mu  sync.Mutex
	got []string
}

func (s *settled) observe(kind, result string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.got = append(s.got, kind+"/"+result)
}

func (s *settled) take() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	got := s.got
	s.got = nil
	slices.Sort(got)
	return got
}

// TestWorkerTellsHowJobsSettle: whoever runs Brobygger hears of every
// webhook delivered, failed and retried, skipped for an organisation
// without a webhook, and put off while the lead it announces is not stored.
func TestWorkerTellsHowJobsSettle(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	orgID, r := setup(t, s, clk.Now)
	r.fail.Store(1)
	quiet, err := s.CreateOrganisation(ctx, "Ingen webhook", clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	svc := leads.NewService(s, clk.Now, newID)
	var obs settled
	w := leads.NewWorker(leads.WorkerConfig{Owner: "w1", Jobs: s, Leads: s, Webhooks: s,
		AllowLoopback: true, Now: clk.Now, Observe: obs.observe})

	if _, err := svc.Create(ctx, youthLead(orgID, "u1")); err != nil {
		t.Fatal(err)
	}
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if got := obs.take(); !slices.Equal(got, []string{"webhook/retried"}) {
		t.Fatalf("after a 500: %v, want webhook/retried", got)
	}
	clk.Advance(30 * time.Second)
	if _, err := svc.Create(ctx, youthLead(quiet.ID, "u2")); err != nil {
		t.Fatal(err)
	}
	if err := s.EnqueueJob(ctx, leads.WebhookJob("not-stored-yet", 1, clk.Now())); err != nil {
		t.Fatal(err)
	}
	if _, err := w.RunOnce(ctx); err != nil {
		t.Fatal(err)
	}
	want := []string{"webhook/deferred", "webhook/done", "webhook/skipped"}
	if got := obs.take(); !slices.Equal(got, want) {
		t.Fatalf("settled %v, want %v", got, want)
	}
	if st := w.Stats(); st.Delivered != 1 || st.Skipped != 1 || st.Retried != 1 {
		t.Fatalf("stats = %+v", st)
	}
}

// TestBridgeStagesAreToldOnce: each stage a lead reaches is told once,
// when it is stored — knows_how at creation, welcomed and belongs from the
// young person's answers — and an answer given again tells nothing.
func TestBridgeStagesAreToldOnce(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
	org, err := s.CreateOrganisation(ctx, "Dyreværnet", clk.Now())
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var stages []string
	svc := leads.NewService(s, clk.Now, newID).OnBridgeStage(func(stage string) {
		mu.Lock()
		defer mu.Unlock()
		stages = append(stages, stage)
	})
	told := func() []string {
		mu.Lock()
		defer mu.Unlock()
		out := stages
		stages = nil
		return out
	}
	youth := leads.Caller{Actor: leads.Youth, UserID: "u1"}
	first, err := svc.Create(ctx, youthLead(org.ID, "u1"))
	if err != nil {
		t.Fatal(err)
	}
	if got := told(); !slices.Equal(got, []string{leads.StageKnowsHow}) {
		t.Fatalf("created: %v", got)
	}
	for range 2 {
		if _, err := svc.Visit(ctx, first.ID, youth, leads.VisitWelcomed); err != nil {
			t.Fatal(err)
		}
	}
	if got := told(); !slices.Equal(got, []string{leads.StageWelcomed}) {
		t.Fatalf("welcomed twice: %v", got)
	}
	if _, err := svc.Belong(ctx, first.ID, youth, leads.BelongingBelongs); err != nil {
		t.Fatal(err)
	}
	if got := told(); !slices.Equal(got, []string{leads.StageBelongs}) {
		t.Fatalf("belongs: %v", got)
	}
	// Still going a month in says they were welcomed too.
	second, err := svc.Create(ctx, youthLead(org.ID, "u1"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Belong(ctx, second.ID, youth, leads.BelongingBelongs); err != nil {
		t.Fatal(err)
	}
	if got := told(); !slices.Equal(got, []string{leads.StageKnowsHow, leads.StageWelcomed, leads.StageBelongs}) {
		t.Fatalf("second lead: %v", got)
	}
	// Someone else's answer changes nothing and tells nothing.
	if _, err := svc.Visit(ctx, second.ID, leads.Caller{Actor: leads.Youth, UserID: "u9"}, leads.VisitWelcomed); err == nil {
		t.Fatal("a stranger answered the check-in")
	}
	if got := told(); len(got) != 0 {
		t.Fatalf("a refused answer told %v", got)
	}
}
