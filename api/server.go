// Package api is Brobygger's HTTP interface for the chat app and other
// clients: JSON over Fiber, errors as RFC 9457 problem details, described by
// the OpenAPI document at /v1/openapi.json. Handlers are thin: they decode,
// call a domain (the conversation service, accounts, safeguarding, the
// catalog, leads) through the interfaces it declares, and encode into the
// API's own JSON types. The API never sees the database; app wires the
// store in.
package api

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/referrals"
	"github.com/brobygger/brobygger/safeguarding"
	"github.com/brobygger/brobygger/schools"
)

// Request body limits. Every route takes at most maxBody, except those that
// take files (an organisation's opportunity import), which take up to
// maxFileBody. The server reads bodies up to the larger limit and each
// route enforces its own, since Fiber's limit applies to the whole server.
const (
	maxBody     = 16 * 1024
	maxFileBody = 2 << 20
)

// Config wires the API to the rest of the system.
type Config struct {
	Conversations *bot.Service
	// Accounts keeps young people's and staff's accounts, staff sign-ins
	// and refresh tokens.
	Accounts accounts.Store
	Privacy  Privacy
	// Safeguarding keeps the cases the officers work on and the audit
	// log; every read of a case leaves an entry in the log.
	Safeguarding safeguarding.Store
	// Ready reports whether the database answers.
	Ready  func(ctx context.Context) error
	Secret []byte
	Now    func() time.Time
	Logger *slog.Logger
	// Web is the reference chat client served at /; nil serves none.
	Web fs.FS
	// Stopping is closed when the server shuts down, so long-lived event
	// streams end instead of holding the shutdown up.
	Stopping <-chan struct{}
	// Leads runs warm leads for young people and organisations; LeadLists
	// lists them, and Orgs holds the organisations, their opportunities
	// and their webhooks.
	Leads     *leads.Service
	LeadLists LeadLists
	Orgs      Orgs
	// AllowHTTPWebhooks accepts plain-http webhook URLs, for tests and
	// local development; otherwise leads, which carry personal data, only
	// go to https.
	AllowHTTPWebhooks bool
	// Limits are the limits per client, kept in LimitStore so that they
	// hold across instances; with no LimitStore, or zero Limits, there are
	// none.
	Limits     Limits
	LimitStore LimitStore
	// Schools runs class sessions; nil serves none.
	Schools *schools.Service
	// Push serves Web Push's key and subscriptions (push.go).
	Push Push
	// FollowUps are the check-ins after a lead (followups.go); nil serves none.
	FollowUps FollowUps
	// Referrals are professionals' referrals (referrals.go); nil serves none.
	Referrals *referrals.Service
	// Funnels counts the bridge funnel (funnel.go); nil serves none.
	Funnels Funnels
	// StaffMail serves staff invites, password changes and resets, and
	// staff's choice of e-mails (staffmail.go); the zero value serves none.
	StaffMail StaffMail
}

// Server holds the API's dependencies.
type Server struct {
	conv         *bot.Service
	accounts     accounts.Store
	privacy      Privacy
	safeguarding safeguarding.Store
	ready        func(ctx context.Context) error
	secret       []byte
	now          func() time.Time
	log          *slog.Logger
	hub          hub
	stopping     <-chan struct{}

	leads             *leads.Service
	leadLists         LeadLists
	orgs              Orgs
	allowHTTPWebhooks bool
	// limits is nil when there are none.
	limits  *limiter
	schools *schools.Service
	push    Push // push.go
	// followups is nil when there are none (followups.go).
	followups FollowUps
	// referrals is nil when there are none (referrals.go).
	referrals *referrals.Service
	funnels   Funnels // funnel.go

	staffMail StaffMail // staffmail.go
}

// route is one endpoint and who may call it. Every route is either public
// or names its roles; New refuses a route that does neither, so no endpoint
// is open by omission.
type route struct {
	method, path string
	public       bool
	roles        []string
	// tokenInQuery also takes the token from ?access_token=, for
	// EventSource, which cannot send headers.
	tokenInQuery bool
	// orgScoped routes act on the organisation named by :org_id, which
	// must be the caller's own; any other is 404, so staff cannot even
	// learn which other organisations exist.
	orgScoped bool
	// bodyLimit is the largest body the route takes; zero is maxBody.
	bodyLimit int
	handler   fiber.Handler
}

// routes is the one table of endpoints.
func (s *Server) routes() []route {
	youth := []string{RoleYouth}
	// Administrators may read cases, to oversee the work, but only
	// safeguarding officers act on them.
	readCases := []string{RoleSafeguarding, RoleAdmin}
	actOnCases := []string{RoleSafeguarding}
	admin := []string{RoleAdmin}
	orgStaff := []string{RoleOrgStaff}
	facilitator := []string{RoleFacilitator}
	return []route{
		{method: fiber.MethodGet, path: "/healthz", public: true, handler: healthz},
		{method: fiber.MethodGet, path: "/readyz", public: true, handler: s.readyz},
		{method: fiber.MethodGet, path: "/v1/openapi.json", public: true, handler: serveOpenAPI},

		{method: fiber.MethodPost, path: "/v1/auth/guest", public: true, handler: s.guest},
		{method: fiber.MethodPost, path: "/v1/auth/refresh", public: true, handler: s.refresh},
		{method: fiber.MethodPost, path: "/v1/auth/login", public: true, handler: s.login},
		{method: fiber.MethodPost, path: "/v1/auth/logout", public: true, handler: s.logout},

		{method: fiber.MethodPost, path: "/v1/conversations", roles: youth, handler: s.startConversation},
		{method: fiber.MethodPost, path: "/v1/conversations/:id/messages", roles: youth, handler: s.sendMessage},
		{method: fiber.MethodGet, path: "/v1/conversations/:id/messages", roles: youth, handler: s.listMessages},
		{method: fiber.MethodGet, path: "/v1/conversations/:id/events", roles: youth, tokenInQuery: true, handler: s.events},
		{method: fiber.MethodGet, path: "/v1/me", roles: youth, handler: s.me},
		{method: fiber.MethodDelete, path: "/v1/me", roles: youth, handler: s.deleteMe},
		{method: fiber.MethodGet, path: "/v1/me/export", roles: youth, handler: s.exportMe},
		{method: fiber.MethodGet, path: "/v1/me/suggestions", roles: youth, handler: s.mySuggestions},
		{method: fiber.MethodGet, path: "/v1/suggestions/:opportunity_id/first-step.ics", roles: youth, handler: s.firstStepICS},

		// Web Push (push.go).
		{method: fiber.MethodGet, path: "/v1/push/vapid-public-key", public: true, handler: s.vapidPublicKey},
		{method: fiber.MethodPost, path: "/v1/me/push-subscriptions", roles: youth, handler: s.addPushSubscription},
		{method: fiber.MethodDelete, path: "/v1/me/push-subscriptions", roles: youth, handler: s.removePushSubscription},

		// Check-ins after a lead (followups.go).
		{method: fiber.MethodGet, path: "/v1/me/followups", roles: youth, handler: s.myFollowUps},
		{method: fiber.MethodPut, path: "/v1/me/followups", roles: youth, handler: s.setMyFollowUps},

		{method: fiber.MethodGet, path: "/v1/me/leads", roles: youth, handler: s.myLeads},
		{method: fiber.MethodGet, path: "/v1/leads/:id", roles: youth, handler: s.myLead},
		{method: fiber.MethodPost, path: "/v1/leads/:id/messages", roles: youth, handler: s.writeToOrganisation},
		{method: fiber.MethodPost, path: "/v1/leads/:id/withdraw", roles: youth, handler: s.withdrawLead},
		{method: fiber.MethodPost, path: "/v1/leads/:id/invites", roles: youth, handler: s.inviteFriend},
		{method: fiber.MethodPost, path: "/v1/invites/:code/join", roles: youth, handler: s.joinLead},

		{method: fiber.MethodGet, path: "/v1/orgs/:org_id/opportunities", roles: orgStaff, orgScoped: true, handler: s.listOpportunities},
		{method: fiber.MethodPost, path: "/v1/orgs/:org_id/opportunities/import", roles: orgStaff, orgScoped: true,
			bodyLimit: maxFileBody, handler: s.importOpportunities},
		{method: fiber.MethodPut, path: "/v1/orgs/:org_id/opportunities/:id", roles: orgStaff, orgScoped: true, handler: s.putOpportunity},
		{method: fiber.MethodPost, path: "/v1/orgs/:org_id/opportunities/:id/publish", roles: orgStaff, orgScoped: true, handler: s.publishOpportunity},
		{method: fiber.MethodPost, path: "/v1/orgs/:org_id/opportunities/:id/unpublish", roles: orgStaff, orgScoped: true, handler: s.unpublishOpportunity},
		{method: fiber.MethodPut, path: "/v1/orgs/:org_id/opportunities/:id/places", roles: orgStaff, orgScoped: true, handler: s.setPlacesLeft},
		{method: fiber.MethodGet, path: "/v1/orgs/:org_id/leads", roles: orgStaff, orgScoped: true, handler: s.orgLeads},
		{method: fiber.MethodGet, path: "/v1/orgs/:org_id/leads/:id", roles: orgStaff, orgScoped: true, handler: s.orgLead},
		{method: fiber.MethodPost, path: "/v1/orgs/:org_id/leads/:id/status", roles: orgStaff, orgScoped: true, handler: s.setLeadStatus},
		{method: fiber.MethodPost, path: "/v1/orgs/:org_id/leads/:id/messages", roles: orgStaff, orgScoped: true, handler: s.writeToYouth},
		{method: fiber.MethodGet, path: "/v1/orgs/:org_id/webhook", roles: orgStaff, orgScoped: true, handler: s.getWebhook},
		{method: fiber.MethodPut, path: "/v1/orgs/:org_id/webhook", roles: orgStaff, orgScoped: true, handler: s.putWebhook},
		{method: fiber.MethodGet, path: "/v1/orgs/:org_id/responsiveness", roles: orgStaff, orgScoped: true, handler: s.responsiveness},

		// Referrals from professionals (referrals.go).
		{method: fiber.MethodPost, path: "/v1/referrals", roles: []string{RoleReferrer}, handler: s.createReferral},
		{method: fiber.MethodGet, path: "/v1/referrals", roles: []string{RoleReferrer}, handler: s.listReferrals},
		{method: fiber.MethodGet, path: "/v1/referrals/:id", roles: []string{RoleReferrer}, handler: s.getReferral},

		{method: fiber.MethodPost, path: "/v1/sessions", roles: facilitator, handler: s.createSession},
		{method: fiber.MethodGet, path: "/v1/sessions", roles: facilitator, handler: s.listSessions},
		{method: fiber.MethodGet, path: "/v1/sessions/:id", roles: facilitator, handler: s.getSession},
		{method: fiber.MethodPost, path: "/v1/sessions/:id/renew", roles: facilitator, handler: s.renewSession},
		{method: fiber.MethodGet, path: "/v1/sessions/:id/qr.svg", roles: facilitator, handler: s.sessionQR},
		{method: fiber.MethodGet, path: "/v1/sessions/:id/summary", roles: facilitator, handler: s.sessionSummary},

		{method: fiber.MethodGet, path: "/v1/safeguarding/cases", roles: readCases, handler: s.listCases},
		{method: fiber.MethodGet, path: "/v1/safeguarding/cases/:id", roles: readCases, handler: s.getCase},
		{method: fiber.MethodPost, path: "/v1/safeguarding/cases/:id/acknowledge", roles: actOnCases, handler: s.acknowledgeCase},
		{method: fiber.MethodPost, path: "/v1/safeguarding/cases/:id/notes", roles: actOnCases, handler: s.addCaseNote},
		{method: fiber.MethodPost, path: "/v1/safeguarding/cases/:id/close", roles: actOnCases, handler: s.closeCase},

		{method: fiber.MethodGet, path: "/v1/admin/audit", roles: admin, handler: s.readAuditLog},
		// The bridge funnel (funnel.go).
		{method: fiber.MethodGet, path: "/v1/admin/funnel", roles: admin, handler: s.adminFunnel},
		{method: fiber.MethodGet, path: "/v1/orgs/:org_id/funnel", roles: orgStaff, orgScoped: true, handler: s.orgFunnel},
		{method: fiber.MethodGet, path: "/v1/facilitator/funnel", roles: facilitator, handler: s.facilitatorFunnel},
		{method: fiber.MethodPost, path: "/v1/admin/organisations", roles: admin, handler: s.createOrganisation},

		// Staff accounts by e-mail (staffmail.go).
		{method: fiber.MethodPost, path: "/v1/admin/staff-invites", roles: []string{RoleAdmin, RoleOrgStaff}, handler: s.inviteStaff},
		{method: fiber.MethodPost, path: "/v1/auth/accept-invite", public: true, handler: s.acceptInvite},
		{method: fiber.MethodPost, path: "/v1/auth/password", roles: staffAccounts, handler: s.changePassword},
		{method: fiber.MethodPost, path: "/v1/auth/password-reset", public: true, handler: s.requestPasswordReset},
		{method: fiber.MethodPost, path: "/v1/auth/password-reset/confirm", public: true, handler: s.confirmPasswordReset},
		{method: fiber.MethodGet, path: "/v1/me/notifications", roles: staffAccounts, handler: s.myNotifications},
		{method: fiber.MethodPut, path: "/v1/me/notifications", roles: staffAccounts, handler: s.setMyNotifications},
		{method: fiber.MethodPost, path: "/v1/notifications/unsubscribe", public: true, handler: s.unsubscribe},
	}
}

// Route is an endpoint and who may call it: anyone (Public) or a bearer
// token with one of Roles. Paths are in Fiber's syntax, with :name parameters.
type Route struct {
	Method string
	Path   string
	Public bool
	Roles  []string
	// OrgScoped routes serve only the caller's own organisation, named by
	// :org_id; any other organisation's id is 404.
	OrgScoped bool
}

// Routes lists every endpoint New serves, with who may call it, so tests
// and tools can check each one.
func Routes() []Route {
	var s Server
	table := s.routes()
	out := make([]Route, len(table))
	for i, r := range table {
		out[i] = Route{Method: r.method, Path: r.path, Public: r.public, Roles: slices.Clone(r.roles), OrgScoped: r.orgScoped}
	}
	return out
}

// New builds the Fiber app with every route.
func New(cfg Config) *fiber.App {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{conv: cfg.Conversations, accounts: cfg.Accounts, privacy: cfg.Privacy, safeguarding: cfg.Safeguarding,
		ready: cfg.Ready, secret: cfg.Secret, now: cfg.Now, log: cfg.Logger, stopping: cfg.Stopping,
		leads: cfg.Leads, leadLists: cfg.LeadLists, orgs: cfg.Orgs, allowHTTPWebhooks: cfg.AllowHTTPWebhooks, schools: cfg.Schools,
		push: cfg.Push, followups: cfg.FollowUps, referrals: cfg.Referrals, funnels: cfg.Funnels, staffMail: cfg.StaffMail}
	if cfg.LimitStore != nil && cfg.Limits.any() {
		s.limits = &limiter{Limits: cfg.Limits, store: cfg.LimitStore, secret: cfg.Secret, now: cfg.Now, hub: &s.hub,
			watched: map[chan streamSignal]bool{}}
	}
	if s.conv != nil {
		s.conv.OnToken(s.hub.token)
		s.conv.OnDeliver(s.hub.publish)
	}
	app := fiber.New(fiber.Config{
		AppName: "brobygger",
		// The largest body any route takes; limitBody holds every route
		// to its own.
		BodyLimit: maxFileBody,
		// Values from the request outlive the handler in event streams and
		// goroutines; Fiber's default zero-copy strings would change under them.
		Immutable:             true,
		ErrorHandler:          errorHandler(cfg.Logger),
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		IdleTimeout:           120 * time.Second,
	})
	// Handlers pass c.UserContext(), not fasthttp's request context: the
	// latter races with the server's shutdown when the database driver
	// derives deadlines from it.
	app.Use(securityHeaders)
	for _, r := range s.routes() {
		if s.schools == nil && strings.HasPrefix(r.path, "/v1/sessions") {
			continue // no class sessions without their service
		}
		if s.referrals == nil && strings.HasPrefix(r.path, "/v1/referrals") {
			continue // no referrals without their service
		}
		if !s.staffMail.on() && slices.Contains(staffMailPaths, r.path) {
			continue // no invites, resets or e-mail settings without e-mail (staffmail.go)
		}
		if r.public == (len(r.roles) > 0) {
			panic(fmt.Sprintf("api: route %s %s must be either public or name the roles that may call it", r.method, r.path))
		}
		if r.orgScoped && (r.public || !strings.Contains(r.path, "/:org_id")) {
			panic(fmt.Sprintf("api: route %s %s is scoped to an organisation but is public or has no :org_id", r.method, r.path))
		}
		limit := r.bodyLimit
		if limit == 0 {
			limit = maxBody
		}
		handlers := []fiber.Handler{limitBody(limit)}
		if !r.public {
			handlers = append(handlers, s.authenticate(r.tokenInQuery, r.roles))
		}
		if r.orgScoped {
			handlers = append(handlers, ownOrganisation)
		}
		if limit := s.limitFor(r.method, r.path); limit != nil {
			handlers = append(handlers, limit)
		}
		handlers = append(handlers, r.handler)
		if r.method == fiber.MethodGet {
			app.Get(r.path, handlers...) // also answers HEAD
		} else {
			app.Add(r.method, r.path, handlers...)
		}
	}
	app.Group("/v1").Use(func(c *fiber.Ctx) error { return notFound("There is no such API endpoint.") })
	if cfg.Web != nil {
		app.Use("/", filesystem.New(filesystem.Config{Root: http.FS(cfg.Web), Index: "index.html"}))
	}
	return app
}

// limitBody refuses a body larger than limit bytes with 413.
func limitBody(limit int) fiber.Handler {
	tooLarge := fiber.NewError(fiber.StatusRequestEntityTooLarge, "The request body is larger than "+byteSize(limit)+".")
	return func(c *fiber.Ctx) error {
		if len(c.Request().Body()) > limit {
			return tooLarge
		}
		return c.Next()
	}
}

// byteSize writes a limit the way people read it: 16 KB, 2 MB.
func byteSize(n int) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%d KB", n>>10)
}

func healthz(c *fiber.Ctx) error { return c.JSON(fiber.Map{"status": "ok"}) }

func serveOpenAPI(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return c.Send(openAPI)
}

//go:embed openapi.json
var openAPI []byte

func (s *Server) readyz(c *fiber.Ctx) error {
	if err := s.ready(c.UserContext()); err != nil {
		s.log.Warn("database not ready", "err", err)
		return &Error{Status: http.StatusServiceUnavailable, Slug: "not-ready", Detail: "The database does not answer."}
	}
	return c.JSON(fiber.Map{"status": "ready"})
}

// decode reads a JSON body strictly: valid UTF-8, one object, the right types.
func decode(c *fiber.Ctx, v any, optional bool) error {
	body := c.Body()
	if len(bytes.TrimSpace(body)) == 0 {
		if optional {
			return nil
		}
		return badRequest("The request needs a JSON body.")
	}
	if !utf8.Valid(body) {
		return badRequest("The request body is not valid UTF-8.")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return badRequest(fmt.Sprintf("Field %q must be a %s.", typeErr.Field, typeErr.Type))
		}
		return badRequest("The request body is not valid JSON.")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("The request body must hold exactly one JSON object.")
	}
	return nil
}

// securityHeaders keeps answers, which often hold personal data, out of
// shared caches, and the pages out of other sites' frames. Pages get a
// strict Content-Security-Policy: the chat and the staff page load their
// own script, style, icons and manifest and talk only to this server, with
// no inline script or style anywhere, so injected markup can neither run
// nor send anything elsewhere. The calendar file is a blob: download,
// which no fetch directive governs. API answers load nothing at all.
func securityHeaders(c *fiber.Ctx) error {
	const (
		pageCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
			"manifest-src 'self'; worker-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
		apiCSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
	)
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "no-referrer")
	c.Set("X-Frame-Options", "DENY")
	if strings.HasPrefix(c.Path(), "/v1/") {
		c.Set(fiber.HeaderCacheControl, "no-store")
		c.Set(fiber.HeaderContentSecurityPolicy, apiCSP)
	} else {
		c.Set(fiber.HeaderContentSecurityPolicy, pageCSP)
	}
	return c.Next()
}
