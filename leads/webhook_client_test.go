package leads_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/brobygger/brobygger/leads"
)

// countingListener is a server on 127.0.0.1 that counts the connections
// made to it and answers every request, once it is read, with a plain 204.
func countingListener(t *testing.T) (port string, accepted *atomic.Int64) {
	t.Helper()
	accepted = &atomic.Int64{}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			accepted.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	_, port, _ = net.SplitHostPort(srv.Listener.Addr().String())
	return port, accepted
}

// TestWebhookNameThatResolvesInsideIsNotConnectedTo: a name that passed the
// check when it was set (it looked public) and resolves to 127.0.0.1 when
// the worker delivers, as DNS rebinding makes it, gets no connection at
// all; the job fails and is retried on the schedule. The same name with the
// development switch does connect, which shows it is the guard that stops it.
func TestWebhookNameThatResolvesInsideIsNotConnectedTo(t *testing.T) {
	ctx := context.Background()
	port, accepted := countingListener(t)
	rebound := func(_ context.Context, _, host string) ([]netip.Addr, error) {
		if host != "hooks.example.org" {
			t.Errorf("resolved %q", host)
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}
	url := "http://hooks.example.org:" + port + "/brobygger"
	for _, dev := range []bool{false, true} {
		s := openStore(t)
		clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
		org, err := s.CreateOrganisation(ctx, "Rebinding A/S", clk.Now())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetWebhook(ctx, org.ID, url, leads.NewWebhookSecret(), clk.Now()); err != nil {
			t.Fatal(err)
		}
		l, err := leads.NewService(s, clk.Now, newID).Create(ctx, youthLead(org.ID, "u1"))
		if err != nil {
			t.Fatal(err)
		}
		w := leads.NewWorker(leads.WorkerConfig{Owner: "w", Jobs: s, Leads: s, Webhooks: s, Now: clk.Now,
			HTTP: leads.NewWebhookClientResolving(dev, rebound)})
		before := accepted.Load()
		if ran, err := w.RunOnce(ctx); err != nil || ran != 1 {
			t.Fatalf("dev %v: ran %d, %v", dev, ran, err)
		}
		job, err := s.Job(ctx, "webhook:"+l.ID+":1")
		if err != nil {
			t.Fatal(err)
		}
		connected := accepted.Load() - before
		if !dev {
			if connected != 0 {
				t.Errorf("the worker connected %d times to 127.0.0.1 through a public-looking name", connected)
			}
			if job.Done || job.Attempts != 1 || !strings.Contains(job.LastError, "127.0.0.1") || !strings.Contains(job.LastError, "loopback") {
				t.Errorf("job after a refused address = %+v; want it due again, naming the address", job)
			}
			continue
		}
		if connected == 0 || !job.Done || job.LastError != "" {
			t.Errorf("with the development switch: %d connections, job %+v; want it delivered", connected, job)
		}
	}
}

// TestWebhookDialerRefusesEveryAddressOfAMixedName: a name with one public
// and one inside address is refused as a whole, and so are inside
// addresses given as IPs, whatever the client is asked to reach.
func TestWebhookDialerRefusesEveryAddressOfAMixedName(t *testing.T) {
	mixed := func(context.Context, string, string) ([]netip.Addr, error) {
		return []netip.Addr{netip.MustParseAddr("93.184.215.14"), netip.MustParseAddr("169.254.169.254")}, nil
	}
	c := leads.NewWebhookClientResolving(false, mixed)
	for _, url := range []string{"https://mixed.example.org/", "http://169.254.169.254/latest/meta-data/",
		"http://[::ffff:10.0.0.1]/", "http://0.0.0.0/"} {
		res, err := c.Post(url, "application/json", strings.NewReader("{}"))
		if err == nil {
			res.Body.Close()
			t.Errorf("%s: answered %s, want refused before connecting", url, res.Status)
			continue
		}
		if !strings.Contains(err.Error(), leads.ErrInsideAddress.Error()) {
			t.Errorf("%s: %v, want %v", url, err, leads.ErrInsideAddress)
		}
	}
}

// TestWebhookRedirectIsNotFollowed: the organisation's server answers 307
// to another address; the worker does not go there, and the job counts as
// failed and is retried later.
func TestWebhookRedirectIsNotFollowed(t *testing.T) {
	ctx := context.Background()
	var elsewhere atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		elsewhere.Add(1)
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(other.Close)
	var asked atomic.Int64
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		http.Redirect(w, r, other.URL+"/stolen", http.StatusTemporaryRedirect)
	}))
	t.Cleanup(hook.Close)

	for _, given := range []*http.Client{nil, {Timeout: 5 * time.Second}} {
		s := openStore(t)
		clk := &clock{t: time.Now().UTC().Truncate(time.Second)}
		org, err := s.CreateOrganisation(ctx, "Omstilling", clk.Now())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetWebhook(ctx, org.ID, hook.URL+"/leads", leads.NewWebhookSecret(), clk.Now()); err != nil {
			t.Fatal(err)
		}
		l, err := leads.NewService(s, clk.Now, newID).Create(ctx, youthLead(org.ID, "u1"))
		if err != nil {
			t.Fatal(err)
		}
		w := leads.NewWorker(leads.WorkerConfig{Owner: "w", Jobs: s, Leads: s, Webhooks: s, Now: clk.Now,
			AllowLoopback: true, HTTP: given})
		before := asked.Load()
		if ran, err := w.RunOnce(ctx); err != nil || ran != 1 {
			t.Fatalf("ran %d, %v", ran, err)
		}
		job, _ := s.Job(ctx, "webhook:"+l.ID+":1")
		if asked.Load()-before != 1 || elsewhere.Load() != 0 {
			t.Errorf("client given %v: the hook was asked %d times and the redirect's target %d times; want 1 and 0",
				given != nil, asked.Load()-before, elsewhere.Load())
		}
		if job.Done || job.Attempts != 1 || !strings.Contains(job.LastError, "307") ||
			!job.DueAt.Equal(clk.Now().Add(leads.RetrySchedule[0])) {
			t.Errorf("client given %v: job after a 307 = %+v; want it failed and due again after %s", given != nil, job, leads.RetrySchedule[0])
		}
	}
}
