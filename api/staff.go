package api

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/accounts"
)

// NewStaff describes a staff account to create; it is accounts.NewStaff.
type NewStaff = accounts.NewStaff

// CreateStaff is accounts.CreateStaff, for callers written before the
// accounts package; new code calls accounts.CreateStaff (the admin command, app.Admin).
func CreateStaff(ctx context.Context, st accounts.Store, n NewStaff, now time.Time) (accounts.User, string, error) {
	return accounts.CreateStaff(ctx, st, n, now)
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

// maxPasswordBytes bounds the work one sign-in can ask for.
const maxPasswordBytes = 1024

// errWrongLogin is the one answer to a wrong e-mail or a wrong password, so
// nobody can find out which staff e-mails exist.
var errWrongLogin = unauthorized("The e-mail or the password is wrong.")

func (s *Server) login(c *fiber.Ctx) error {
	var req loginRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if strings.TrimSpace(req.Email) == "" || req.Password == "" {
		return badRequest("email and password are required.")
	}
	if len(req.Password) > maxPasswordBytes {
		return badRequest("password is too long.")
	}
	u, err := accounts.SignIn(c.UserContext(), s.accounts, req.Email, req.Password)
	switch {
	case errors.Is(err, accounts.ErrInvalidCredentials):
		return errWrongLogin
	case err != nil:
		return err
	}
	return s.issue(c, u, "")
}
