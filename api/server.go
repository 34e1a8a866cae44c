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
	ready    func(ctx context.Context) error
	secret   []byte
	now      func() time.Time
	log      *slog.Logger
	hub      hub
	stopping <-chan struct{}
}

// New builds the Fiber app with every route.
func New(cfg Config) *fiber.App {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{conv: cfg.Conversations, users: cfg.Users, privacy: cfg.Privacy, ready: cfg.Ready, secret: cfg.Secret, now: cfg.Now,
		log: cfg.Logger, stopping: cfg.Stopping}
	app := fiber.New(fiber.Config{
		AppName:               "brobygger",
		BodyLimit:             maxBody,
		ErrorHandler:          errorHandler(cfg.Logger),
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		IdleTimeout:           120 * time.Second,
	})
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{"status": "ok"}) })
	app.Get("/readyz", s.readyz)
	app.Get("/v1/openapi.json", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.Send(openAPI)
	})

	v1 := app.Group("/v1")
	v1.Post("/auth/guest", s.guest)
	v1.Post("/auth/refresh", s.refresh)

	youth := s.authenticate(RoleYouth)
	v1.Post("/conversations", youth, s.startConversation)
	v1.Post("/conversations/:id/messages", youth, s.sendMessage)
	v1.Get("/conversations/:id/messages", youth, s.listMessages)
	v1.Get("/me", youth, s.me)
	v1.Get("/me/suggestions", youth, s.mySuggestions)
	v1.Get("/conversations/:id/events", s.authenticateStream(RoleYouth), s.events)
	v1.Get("/suggestions/:opportunity_id/first-step.ics", youth, s.firstStepICS)

	v1.Use(func(c *fiber.Ctx) error { return notFound("There is no such API endpoint.") })
	if cfg.Web != nil {
		app.Use("/", filesystem.New(filesystem.Config{Root: http.FS(cfg.Web), Index: "index.html"}))
	}
	return app
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
