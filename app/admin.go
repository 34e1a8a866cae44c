package app

import (
	"context"
	"errors"
	"github.com/brobygger/brobygger/textclean"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/store"
)

// Admin is the database the server would use, opened for the admin
// command's tools, which need the data but not the server.
type Admin struct {
	st *store.Store
}

// OpenAdmin opens the database the server would use with cfg.
func OpenAdmin(ctx context.Context, cfg Config) (*Admin, error) {
	st, err := OpenStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	return &Admin{st: st}, nil
}

// Close closes the database.
func (a *Admin) Close(ctx context.Context) error { return a.st.Close(ctx) }

// CreateStaff creates a staff account with a one-time password (see
// accounts.CreateStaff); a taken e-mail is accounts.ErrEmailTaken.
func (a *Admin) CreateStaff(ctx context.Context, n accounts.NewStaff, now time.Time) (accounts.User, string, error) {
	return accounts.CreateStaff(ctx, a.st, n, now)
}

// CreateOrganisation adds an organisation named name and returns its id.
// The name loses bidi, zero-width and control characters, as in the API.
func (a *Admin) CreateOrganisation(ctx context.Context, name string, now time.Time) (id string, err error) {
	if textclean.HasNUL(name) {
		return "", errors.New("an organisation's name must not hold a NUL character")
	}
	if name = textclean.Name(name); name == "" {
		return "", errors.New("an organisation needs a name")
	}
	o, err := a.st.CreateOrganisation(ctx, name, now)
	return o.ID, err
}
