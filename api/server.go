// Package api is Brobygger's HTTP interface for the chat app and other
// clients: JSON over Fiber, errors as RFC 9457 problem details, described by
// the OpenAPI document at /v1/openapi.json. Handlers are thin: they decode,
// call the conversation service or the store, and encode.
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
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
)

// maxBody is the largest request body accepted.
const maxBody = 16 * 1024

// Users is the account storage the API needs.
type Users interface {
	CreateUser(ctx context.Context, u store.User) error
	User(ctx context.Context, id string) (store.User, error)
	SaveRefreshToken(ctx context.Context, t store.RefreshToken) error
	SpendRefreshToken(ctx context.Context, hash string, now time.Time) (store.RefreshToken, error)
}

// Config wires the API to the rest of the system.
type Config struct {
	Conversations *bot.Service
	Users         Users
	Privacy       Privacy
	// Staff signs staff in with e-mail and password.
	Staff Staff
	// Cases and AuditLog serve the safeguarding officers; every read of a
	// case leaves an entry in the audit log.
	Cases    Cases
	AuditLog AuditLog
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
}

// Server holds the API's dependencies.
type Server struct {
	conv     *bot.Service
	users    Users
	privacy  Privacy
	staff    Staff
	cases    Cases
	auditLog AuditLog
	ready    func(ctx context.Context) error
	secret   []byte
	now      func() time.Time
	log      *slog.Logger
	hub      hub
	stopping <-chan struct{}
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
	handler      fiber.Handler
}

// routes is the one table of endpoints.
func (s *Server) routes() []route {
	youth := []string{RoleYouth}
	// Administrators may read cases, to oversee the work, but only
	// safeguarding officers act on them.
	readCases := []string{RoleSafeguarding, RoleAdmin}
	actOnCases := []string{RoleSafeguarding}
	admin := []string{RoleAdmin}
	return []route{
		{method: fiber.MethodGet, path: "/healthz", public: true, handler: healthz},
		{method: fiber.MethodGet, path: "/readyz", public: true, handler: s.readyz},
		{method: fiber.MethodGet, path: "/v1/openapi.json", public: true, handler: serveOpenAPI},

		{method: fiber.MethodPost, path: "/v1/auth/guest", public: true, handler: s.guest},
		{method: fiber.MethodPost, path: "/v1/auth/refresh", public: true, handler: s.refresh},
		{method: fiber.MethodPost, path: "/v1/auth/login", public: true, handler: s.login},

		{method: fiber.MethodPost, path: "/v1/conversations", roles: youth, handler: s.startConversation},
		{method: fiber.MethodPost, path: "/v1/conversations/:id/messages", roles: youth, handler: s.sendMessage},
		{method: fiber.MethodGet, path: "/v1/conversations/:id/messages", roles: youth, handler: s.listMessages},
		{method: fiber.MethodGet, path: "/v1/conversations/:id/events", roles: youth, tokenInQuery: true, handler: s.events},
		{method: fiber.MethodGet, path: "/v1/me", roles: youth, handler: s.me},
		{method: fiber.MethodDelete, path: "/v1/me", roles: youth, handler: s.deleteMe},
		{method: fiber.MethodGet, path: "/v1/me/export", roles: youth, handler: s.exportMe},
		{method: fiber.MethodGet, path: "/v1/me/suggestions", roles: youth, handler: s.mySuggestions},
		{method: fiber.MethodGet, path: "/v1/suggestions/:opportunity_id/first-step.ics", roles: youth, handler: s.firstStepICS},

		{method: fiber.MethodGet, path: "/v1/safeguarding/cases", roles: readCases, handler: s.listCases},
		{method: fiber.MethodGet, path: "/v1/safeguarding/cases/:id", roles: readCases, handler: s.getCase},
		{method: fiber.MethodPost, path: "/v1/safeguarding/cases/:id/acknowledge", roles: actOnCases, handler: s.acknowledgeCase},
		{method: fiber.MethodPost, path: "/v1/safeguarding/cases/:id/notes", roles: actOnCases, handler: s.addCaseNote},
		{method: fiber.MethodPost, path: "/v1/safeguarding/cases/:id/close", roles: actOnCases, handler: s.closeCase},

		{method: fiber.MethodGet, path: "/v1/admin/audit", roles: admin, handler: s.readAuditLog},
	}
}

// Route is an endpoint and who may call it: anyone (Public) or a bearer
// token with one of Roles. Paths are in Fiber's syntax, with :name parameters.
type Route struct {
	Method string
	Path   string
	Public bool
	Roles  []string
}

// Routes lists every endpoint New serves, with who may call it, so tests
// and tools can check each one.
func Routes() []Route {
	var s Server
	table := s.routes()
	out := make([]Route, len(table))
	for i, r := range table {
		out[i] = Route{Method: r.method, Path: r.path, Public: r.public, Roles: slices.Clone(r.roles)}
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
	s := &Server{conv: cfg.Conversations, users: cfg.Users, privacy: cfg.Privacy, staff: cfg.Staff, cases: cfg.Cases,
		auditLog: cfg.AuditLog, ready: cfg.Ready, secret: cfg.Secret, now: cfg.Now, log: cfg.Logger, stopping: cfg.Stopping}
	if s.conv != nil {
		s.conv.OnToken(s.hub.token)
		s.conv.OnDeliver(s.hub.publish)
	}
	app := fiber.New(fiber.Config{
		AppName:   "brobygger",
		BodyLimit: maxBody,
		// Values from the request outlive the handler in event streams and
		// goroutines; Fiber's default zero-copy strings would change under them.
		Immutable:             true,
		ErrorHandler:          errorHandler(cfg.Logger),
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		IdleTimeout:           120 * time.Second,
	})
	for _, r := range s.routes() {
		if r.public == (len(r.roles) > 0) {
			panic(fmt.Sprintf("api: route %s %s must be either public or name the roles that may call it", r.method, r.path))
		}
		handlers := []fiber.Handler{r.handler}
		if !r.public {
			handlers = []fiber.Handler{s.authenticate(r.tokenInQuery, r.roles), r.handler}
		}
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

func healthz(c *fiber.Ctx) error { return c.JSON(fiber.Map{"status": "ok"}) }

func serveOpenAPI(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return c.Send(openAPI)
}

//go:embed openapi.json
var openAPI []byte

func (s *Server) readyz(c *fiber.Ctx) error {
	if err := s.ready(c.Context()); err != nil {
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
