// Package app wires Brobygger together: configuration from the environment,
// the database, the catalog, the conversation engine and the HTTP API. The
// command and the end-to-end tests both start the server through it.
package app

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/funnel"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/llm"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/schools"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/web"
)

// Config is every setting, read from the environment by FromEnv.
type Config struct {
	Addr      string // BROBYGGER_ADDR
	DataDir   string // BROBYGGER_DATA
	MongoURI  string // MONGODB_URI
	JWTSecret string // BROBYGGER_JWT_SECRET
	// VAPID keys for Web Push (push.go): BROBYGGER_VAPID_PUBLIC_KEY,
	// BROBYGGER_VAPID_PRIVATE_KEY and BROBYGGER_VAPID_SUBJECT, required with
	// MONGODB_URI; in embedded mode the keys are generated once and kept in
	// the data folder.
	VAPIDPublicKey, VAPIDPrivateKey, VAPIDSubject string
	// SummaryEvery is how often a class session's totals may change;
	// zero is schools.SnapshotEvery, negative counts afresh every time.
	SummaryEvery time.Duration
	// Database overrides the database name (tests use a fresh one each).
	Database string
	// SkipSample leaves the sample catalog out.
	SkipSample bool
	// CatalogRefresh is how often the in-memory catalog picks up changes.
	CatalogRefresh time.Duration
	// WorkerPoll is how often the lead worker looks for due jobs.
	WorkerPoll time.Duration
	// Retention: message text is purged after RetentionDays of inactivity
	// (BROBYGGER_RETENTION_DAYS, default 180) and profiles anonymised after
	// AnonymiseDays (BROBYGGER_ANONYMISE_DAYS, default 365).
	RetentionDays, AnonymiseDays int
	// AllowHTTPWebhooks accepts plain-http webhook URLs, for tests and local
	// development only (BROBYGGER_ALLOW_HTTP_WEBHOOKS=true): leads carry
	// personal data, so production requires https.
	AllowHTTPWebhooks bool
	// Limits are the limits per client (BROBYGGER_LIMIT_*, BROBYGGER_LOGIN_*,
	// BROBYGGER_TRUSTED_PROXIES), kept in the database so that they hold
	// across instances. FromEnv starts from api.DefaultLimits;
	// BROBYGGER_RATE_LIMITS=off, for load tests, and the zero Limits set none.
	Limits api.Limits
	// ConcurrentHashes is how many password hashes run at once
	// (BROBYGGER_PASSWORD_HASHES); zero keeps accounts.DefaultConcurrentHashes.
	ConcurrentHashes int
	// LLM configures the optional language model (OPENAI_*); nil leaves it off.
	LLM *llm.Config
	// MetricsAddr is where Prometheus metrics are served, on a listener of
	// their own (BROBYGGER_METRICS_ADDR, e.g. 127.0.0.1:9090); empty
	// serves none (metrics.go).
	MetricsAddr string
	// E-mail to staff (mail.go): the mail server (BROBYGGER_SMTP_URL,
	// smtp:// with STARTTLS or smtps://; unset writes .eml files under
	// DataDir/mail), the sender (BROBYGGER_MAIL_FROM) and where links in
	// e-mails lead (BROBYGGER_PUBLIC_URL). MailTLS, for tests, trusts their
	// own mail server; nil uses the system's roots.
	SMTPURL, MailFrom, PublicURL string
	MailTLS                      *tls.Config
	// envErr is a malformed environment variable, reported by New.
	envErr error
	Now    func() time.Time
	Logger *slog.Logger
}

// FromEnv reads the configuration from environment variables, with defaults.
func FromEnv() Config {
	cfg := Config{
		Addr:      os.Getenv("BROBYGGER_ADDR"),
		DataDir:   os.Getenv("BROBYGGER_DATA"),
		MongoURI:  os.Getenv("MONGODB_URI"),
		JWTSecret: os.Getenv("BROBYGGER_JWT_SECRET"),

		MetricsAddr: os.Getenv("BROBYGGER_METRICS_ADDR"),

		SMTPURL: os.Getenv("BROBYGGER_SMTP_URL"), MailFrom: os.Getenv("BROBYGGER_MAIL_FROM"),
		PublicURL: os.Getenv("BROBYGGER_PUBLIC_URL"),

		VAPIDPublicKey:  os.Getenv("BROBYGGER_VAPID_PUBLIC_KEY"),
		VAPIDPrivateKey: os.Getenv("BROBYGGER_VAPID_PRIVATE_KEY"),
		VAPIDSubject:    os.Getenv("BROBYGGER_VAPID_SUBJECT"),
	}
	if cfg.Addr == "" {
		cfg.Addr = ":8080"
	}
	if cfg.DataDir == "" {
		cfg.DataDir = "data"
	}
	if lc, on, err := llm.FromEnv(os.Getenv); err != nil {
		cfg.envErr = err
	} else if on {
		cfg.LLM = &lc
	}
	if err := limitsFromEnv(&cfg, os.Getenv); err != nil {
		cfg.envErr = err
	}
	cfg.AllowHTTPWebhooks = os.Getenv("BROBYGGER_ALLOW_HTTP_WEBHOOKS") == "true"
	cfg.RetentionDays = envDays("BROBYGGER_RETENTION_DAYS", 180)
	cfg.AnonymiseDays = envDays("BROBYGGER_ANONYMISE_DAYS", 365)
	return cfg
}

// limitsFromEnv reads the limits: api.DefaultLimits, each changed by its
// variable, or none with BROBYGGER_RATE_LIMITS=off.
func limitsFromEnv(cfg *Config, getenv func(string) string) error {
	if v := getenv("BROBYGGER_PASSWORD_HASHES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fmt.Errorf("BROBYGGER_PASSWORD_HASHES=%q: want a whole number of at least 1", v)
		}
		cfg.ConcurrentHashes = n
	}
	switch v := getenv("BROBYGGER_RATE_LIMITS"); v {
	case "off":
		cfg.Limits = api.Limits{}
		return nil
	case "", "on":
	default:
		return fmt.Errorf("BROBYGGER_RATE_LIMITS=%q: want on or off", v)
	}
	l := api.DefaultLimits()
	for name, r := range map[string]*api.Rate{
		"BROBYGGER_LIMIT_GUESTS":              &l.GuestsPerAddress,
		"BROBYGGER_LIMIT_LOGINS":              &l.LoginsPerAddress,
		"BROBYGGER_LIMIT_MESSAGES":            &l.MessagesPerUser,
		"BROBYGGER_LIMIT_INVITES":             &l.InvitesPerUser,
		"BROBYGGER_LIMIT_WRONG_CODES":         &l.WrongCodesPerUser,
		"BROBYGGER_LIMIT_WRONG_CODES_ADDRESS": &l.WrongCodesPerAddress,
		"BROBYGGER_LIMIT_RESETS":              &l.ResetsPerEmail,
		"BROBYGGER_LIMIT_RESETS_ADDRESS":      &l.ResetsPerAddress,
	} {
		if v := getenv(name); v != "" {
			rate, err := api.ParseRate(v)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			*r = rate
		}
	}
	for name, n := range map[string]*int{
		"BROBYGGER_LIMIT_STREAMS":          &l.StreamsPerUser,
		"BROBYGGER_LOGIN_FAILURES":         &l.LoginAccount.Failures,
		"BROBYGGER_LOGIN_FAILURES_ADDRESS": &l.LoginAddress.Failures,
	} {
		if v := getenv(name); v != "" {
			i, err := strconv.Atoi(v)
			if err != nil || i < 1 {
				return fmt.Errorf("%s=%q: want a whole number of at least 1", name, v)
			}
			*n = i
		}
	}
	for _, p := range strings.Split(getenv("BROBYGGER_TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		prefix, err := netip.ParsePrefix(p)
		if err != nil {
			addr, aerr := netip.ParseAddr(p)
			if aerr != nil {
				return fmt.Errorf("BROBYGGER_TRUSTED_PROXIES: %q is neither an address nor a prefix such as 10.0.0.0/8", p)
			}
			prefix = netip.PrefixFrom(addr, addr.BitLen())
		}
		l.TrustedProxies = append(l.TrustedProxies, prefix)
	}
	cfg.Limits = l
	return nil
}

func envDays(name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return def
	}
	return n
}

// App is a wired, ready-to-serve Brobygger.
type App struct {
	cfg      Config
	Store    *store.Store
	Catalog  *match.Index
	Leads    *leads.Service
	Schools  *schools.Service
	Fiber    *fiber.App
	log      *slog.Logger
	stop     context.CancelFunc
	synced   time.Time
	stopping chan struct{}
	stopOnce sync.Once
	push     pushing // push.go
	// followups are the check-ins after a lead (followups.go).
	followups *followups.Service
	// funnel counts the steps across the bridge (funnel.go).
	funnel *funnel.Recorder
	// metrics are what the people who run Brobygger see (metrics.go).
	metrics observing
	// mail sends staff e-mail (mail.go).
	mail mailing
}

// New connects to the database, loads the catalog and builds the API.
func New(ctx context.Context, cfg Config) (*App, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.CatalogRefresh == 0 {
		cfg.CatalogRefresh = 5 * time.Second
	}
	if cfg.WorkerPoll == 0 {
		cfg.WorkerPoll = 500 * time.Millisecond
	}
	if cfg.envErr != nil {
		return nil, cfg.envErr
	}
	secret, err := jwtSecret(cfg)
	if err != nil {
		return nil, err
	}
	vapid, err := vapidKeys(cfg) // push.go
	if err != nil {
		return nil, err
	}
	if cfg.ConcurrentHashes > 0 {
		accounts.LimitConcurrentHashes(cfg.ConcurrentHashes)
	}
	st, err := OpenStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	a := &App{cfg: cfg, Store: st, Catalog: match.NewIndex(), log: cfg.Logger, stopping: make(chan struct{})}
	a.push.keys = vapid
	if !cfg.SkipSample {
		if err := a.seedSample(ctx); err != nil {
			_ = st.Close(context.Background())
			return nil, err
		}
	}
	if err := a.syncCatalog(ctx); err != nil {
		_ = st.Close(context.Background())
		return nil, err
	}
	engine, err := bot.NewEngine(a.Catalog)
	if err != nil {
		_ = st.Close(context.Background())
		return nil, err
	}
	svc := bot.NewService(engine, st, cfg.Now, api.NewID).WithCases(st)
	a.observeTurns(svc, st) // metrics.go
	// Optional language model: off, and nothing changes, without OPENAI_API_KEY.
	if cfg.LLM != nil {
		lc := *cfg.LLM
		lc.Logger, lc.Now = cfg.Logger, cfg.Now
		lc.Observe = a.metrics.llmCall // metrics.go
		if lc.Budget == nil {
			lc.Budget = st // every instance counts the same daily budget
		}
		if lc.Breaker == nil {
			lc.Breaker = st // and stops calling a failing provider together
		}
		client, err := llm.New(lc)
		if err != nil {
			_ = st.Close(context.Background())
			return nil, err
		}
		svc.WithAssistant(llm.NewAssistant(client), lc.Timeout)
		cfg.Logger.Info("language model on", "model", client.Model())
	}
	staffMail, err := a.startMail(st, secret) // mail.go
	if err != nil {
		_ = st.Close(context.Background())
		return nil, err
	}
	syncCtx, stop := context.WithCancel(context.Background())
	a.stop = stop
	a.funnel = a.startFunnel(svc, st, secret) // funnel.go
	a.Leads = a.startLeads(syncCtx, svc, st)
	a.Schools = schools.NewService(st, svc, cfg.Now, api.NewID)
	if cfg.SummaryEvery != 0 {
		a.Schools.Every = cfg.SummaryEvery
	}
	svc.SetClasses(a.Schools)
	referralService := a.startReferrals(svc, st) // referrals.go
	a.Fiber = api.New(api.Config{Schools: a.Schools, Conversations: svc, Accounts: st, Privacy: st, Safeguarding: st,
		Leads: a.Leads, LeadLists: st, Orgs: st,
		Ready: st.Ping, Secret: secret, Now: cfg.Now, Logger: cfg.Logger, Web: web.FS(), Stopping: a.stopping,
		AllowHTTPWebhooks: cfg.AllowHTTPWebhooks, Limits: cfg.Limits, LimitStore: st,
		Push: api.Push{PublicKey: vapid.PublicKey, Subscriptions: st}, FollowUps: a.followups, Referrals: referralService, Funnels: a.funnel,
		StaffMail: staffMail})
	go a.keepCatalogInSync(syncCtx)
	go a.sweepRetention(syncCtx, svc)
	go a.purgeMail(syncCtx) // sent e-mail's traces, mail.go

	if err := a.serveMetrics(); err != nil { // metrics.go
		_ = a.Close(context.Background())
		return nil, err
	}
	return a, nil
}

// OpenStore opens the database the server would use with cfg, for tools
// such as the admin command that need the data but not the server.
func OpenStore(ctx context.Context, cfg Config) (*store.Store, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return store.Open(ctx, store.Config{URI: cfg.MongoURI, DataDir: cfg.DataDir, Database: cfg.Database, Logger: cfg.Logger})
}

// jwtSecret returns the configured secret, or in embedded mode one generated
// once and kept in the data folder.
func jwtSecret(cfg Config) ([]byte, error) {
	if cfg.JWTSecret != "" {
		if len(cfg.JWTSecret) < 32 {
			return nil, errors.New("BROBYGGER_JWT_SECRET must be at least 32 characters")
		}
		return []byte(cfg.JWTSecret), nil
	}
	if cfg.MongoURI != "" {
		return nil, errors.New("BROBYGGER_JWT_SECRET is required with MONGODB_URI, so every instance signs alike")
	}
	path := filepath.Join(cfg.DataDir, "jwt-secret")
	if b, err := os.ReadFile(path); err == nil && len(strings.TrimSpace(string(b))) >= 32 {
		return []byte(strings.TrimSpace(string(b))), nil
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	secret := hex.EncodeToString(raw)
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data folder: %w", err)
	}
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("keep generated JWT secret: %w", err)
	}
	return []byte(secret), nil
}

func (a *App) seedSample(ctx context.Context) error {
	orgs, opps, err := catalog.Sample()
	if err != nil {
		return fmt.Errorf("sample catalog: %w", err)
	}
	n, err := a.Store.SeedCatalog(ctx, orgs, opps, a.cfg.Now())
	if err != nil {
		return err
	}
	if n > 0 {
		a.log.Info("sample catalog loaded", "opportunities", n)
	}
	return nil
}

// syncCatalog loads opportunities changed since the last sync into the index.
func (a *App) syncCatalog(ctx context.Context) error {
	started := a.cfg.Now()
	since := a.synced
	if !since.IsZero() {
		// Writers' clocks and ours differ a little; look back to be safe.
		since = since.Add(-time.Minute)
	}
	opps, err := a.Store.Opportunities(ctx, since)
	if err != nil {
		return err
	}
	for _, o := range opps {
		a.Catalog.Upsert(o)
	}
	a.synced = started
	return nil
}

func (a *App) keepCatalogInSync(ctx context.Context) {
	t := time.NewTicker(a.cfg.CatalogRefresh)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := a.syncCatalog(ctx); err != nil && ctx.Err() == nil {
				a.log.Warn("catalog sync failed", "err", err)
			}
		}
	}
}

// sweepInterval is how often retention is enforced.
const sweepInterval = time.Hour

// sweepRetention purges old message text and anonymises idle profiles, at
// start and then every hour, because the database has no TTL indexes.
func (a *App) sweepRetention(ctx context.Context, svc *bot.Service) {
	r := store.Retention{MessageText: days(a.cfg.RetentionDays), Profile: days(a.cfg.AnonymiseDays)}
	t := time.NewTicker(sweepInterval)
	defer t.Stop()
	for {
		// Safeguarding cases that could not be stored when raised come first.
		if ids, err := a.Store.ConversationsWithPendingCases(ctx); err == nil && len(ids) > 0 {
			if err := svc.FlushCases(ctx, ids); err != nil {
				a.log.Error("safeguarding cases still not stored", "conversations", len(ids), "err", err)
			}
		}
		var rep store.SweepReport
		var err error
		if a.cfg.RetentionDays > 0 {
			rep, err = a.Store.Sweep(ctx, a.cfg.Now(), r)
			if err == nil {
				var n int
				n, err = a.Store.PurgeIdleLeadText(ctx, a.cfg.Now(), r.MessageText)
				rep.Purged += n
			}
		}
		if _, perr := a.Store.PurgeLimits(ctx, a.cfg.Now()); perr != nil && ctx.Err() == nil {
			a.log.Warn("purging expired limits failed", "err", perr)
		}
		switch {
		case err != nil && ctx.Err() == nil:
			a.log.Warn("retention sweep failed", "err", err)
		case rep.Purged > 0:
			a.log.Info("retention sweep", "purged", rep.Purged, "anonymised", rep.Anonymised)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

// Serve listens on ln until ctx ends, then shuts down gracefully.
func (a *App) Serve(ctx context.Context, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- a.Fiber.Listener(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		a.stopOnce.Do(func() { close(a.stopping) })
		return a.Fiber.ShutdownWithTimeout(10 * time.Second)
	}
}

// Close stops background work and the database.
func (a *App) Close(ctx context.Context) error {
	a.stopOnce.Do(func() { close(a.stopping) })
	a.stop()
	_ = a.stopMetrics(ctx) // metrics.go
	return a.Store.Close(ctx)
}
