package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/safeguarding"
	"github.com/brobygger/brobygger/schools"
)

// Problem is an RFC 9457 problem details body.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
}

// problemBase prefixes the type URIs; the path names the kind of problem.
const problemBase = "https://brobygger.dk/problems/"

// Error is a problem a handler returns on purpose; its detail is safe to show.
type Error struct {
	Status int
	Slug   string
	Detail string
}

func (e *Error) Error() string { return e.Detail }

func badRequest(detail string) error {
	return &Error{Status: http.StatusBadRequest, Slug: "invalid-request", Detail: detail}
}

func unauthorized(detail string) error {
	return &Error{Status: http.StatusUnauthorized, Slug: "unauthorized", Detail: detail}
}

func notFound(detail string) error {
	return &Error{Status: http.StatusNotFound, Slug: "not-found", Detail: detail}
}

func unprocessable(detail string) error {
	return &Error{Status: http.StatusUnprocessableEntity, Slug: "invalid", Detail: detail}
}

// invalidDetail is what a leads.ErrInvalid error says, for the person who
// sent the data: the domain writes these for people, naming only the
// caller's own lead and what was wrong with it.
func invalidDetail(err error) string {
	parts := strings.Split(err.Error(), "\n")
	for i, p := range parts {
		parts[i] = strings.TrimSuffix(p, ": "+leads.ErrInvalid.Error())
	}
	return strings.Join(parts, "; ")
}

// errorHandler is the one place errors become responses: known errors get
// their own status and detail; anything else is logged once and hidden.
func errorHandler(log *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		p := Problem{Instance: c.Path()}
		var apiErr *Error
		var fe *fiber.Error
		var transition *leads.TransitionError
		switch {
		case errors.As(err, &apiErr):
			p.Status, p.Type, p.Detail = apiErr.Status, problemBase+apiErr.Slug, apiErr.Detail
		case errors.Is(err, bot.ErrNotFound), errors.Is(err, leads.ErrNotFound), errors.Is(err, accounts.ErrNotFound),
			errors.Is(err, safeguarding.ErrNotFound), errors.Is(err, catalog.ErrNotFound), errors.Is(err, schools.ErrNotFound):
			p.Status, p.Type, p.Detail = http.StatusNotFound, problemBase+"not-found", "No such resource, or it is not yours."
		case errors.As(err, &transition):
			p.Status, p.Type, p.Detail = http.StatusConflict, problemBase+"lead-status", transition.Reason
		case errors.Is(err, leads.ErrInvalid), errors.Is(err, catalog.ErrInvalid):
			p.Status, p.Type, p.Detail = http.StatusUnprocessableEntity, problemBase+"invalid", invalidDetail(err)
		case errors.Is(err, bot.ErrConflict), errors.Is(err, accounts.ErrConflict),
			errors.Is(err, safeguarding.ErrConflict), errors.Is(err, catalog.ErrConflict), errors.Is(err, leads.ErrConflict), errors.Is(err, schools.ErrConflict):
			p.Status, p.Type, p.Detail = http.StatusConflict, problemBase+"conflict", "The resource changed at the same time; try again."
		case errors.As(err, &fe):
			p.Status, p.Type = fe.Code, "about:blank"
			switch fe.Code {
			case http.StatusRequestEntityTooLarge:
				// limitBody names the route's own limit; the server's
				// limit, the largest any route takes, says nothing.
				p.Detail = fe.Message
				if fe.Message == fiber.ErrRequestEntityTooLarge.Message {
					p.Detail = "The request body is larger than " + byteSize(maxFileBody) + "."
				}
			case http.StatusNotFound:
				p.Detail = "There is nothing at this address."
			case http.StatusMethodNotAllowed:
				p.Detail = "This address does not accept that method."
			default:
				p.Detail = fe.Message
			}
		default:
			p.Status, p.Type = http.StatusInternalServerError, "about:blank"
			p.Detail = "Something went wrong on our side. Nothing you sent was lost; please try again."
			log.Error("request failed", "method", c.Method(), "path", c.Route().Path, "err", err)
		}
		p.Title = http.StatusText(p.Status)
		c.Set(fiber.HeaderContentType, "application/problem+json")
		return c.Status(p.Status).JSON(p, "application/problem+json")
	}
}
