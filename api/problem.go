package api

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/bot"
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

// errorHandler is the one place errors become responses: known errors get
// their own status and detail; anything else is logged once and hidden.
func errorHandler(log *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		p := Problem{Instance: c.Path()}
		var apiErr *Error
		var fe *fiber.Error
		switch {
		case errors.As(err, &apiErr):
			p.Status, p.Type, p.Detail = apiErr.Status, problemBase+apiErr.Slug, apiErr.Detail
		case errors.Is(err, bot.ErrNotFound):
			p.Status, p.Type, p.Detail = http.StatusNotFound, problemBase+"not-found", "No such resource, or it is not yours."
		case errors.Is(err, bot.ErrConflict):
			p.Status, p.Type, p.Detail = http.StatusConflict, problemBase+"conflict", "The resource changed at the same time; try again."
		case errors.As(err, &fe):
			p.Status, p.Type = fe.Code, "about:blank"
			switch fe.Code {
			case http.StatusRequestEntityTooLarge:
				p.Detail = "The request body is larger than 16 KB."
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
