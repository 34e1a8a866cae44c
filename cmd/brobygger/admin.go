package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/brobygger/brobygger/api"
	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/store"
)

const adminUsage = "usage: brobygger admin create-user --role ROLE --email EMAIL [--org ORG_ID]"

// runAdmin manages staff accounts on the database the server uses with
// cfg. create-user prints what it made, then the one-time password alone on
// the last line, so a script can take it with tail -n 1.
func runAdmin(ctx context.Context, cfg app.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create-user" {
		return errors.New(adminUsage)
	}
	fs := flag.NewFlagSet("admin create-user", flag.ContinueOnError)
	// Parse errors come back with the usage below; flag's own print would
	// say it twice.
	fs.SetOutput(io.Discard)
	role := fs.String("role", "", "one of "+strings.Join(api.StaffRoles, ", "))
	email := fs.String("email", "", "the e-mail the person signs in with")
	org := fs.String("org", "", "the organisation an org_staff account works for")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("%w\n%s", err, adminUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q\n%s", fs.Arg(0), adminUsage)
	}
	if *role == "" || *email == "" {
		return errors.New("--role and --email are required\n" + adminUsage)
	}
	staff := api.NewStaff{Role: *role, Email: *email, OrgID: *org}
	// Fail before starting the database for what can be seen from here.
	if err := staff.Validate(); err != nil {
		return err
	}
	if cfg.Logger == nil {
		// Only problems are worth showing around the password.
		cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	st, err := app.OpenStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer st.Close(context.Background())
	u, password, err := api.CreateStaff(ctx, st, staff, time.Now())
	if errors.Is(err, store.ErrEmailTaken) {
		return fmt.Errorf("a staff account with e-mail %s exists already", store.NormaliseEmail(*email))
	}
	if err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	fmt.Fprintf(stdout, "created %s user %s %s", u.Role, u.ID, u.Email)
	if u.OrgID != "" {
		fmt.Fprintf(stdout, " for organisation %s", u.OrgID)
	}
	fmt.Fprintln(stdout)
	fmt.Fprintln(stdout, "one-time password (shown only now; it signs in at POST /v1/auth/login):")
	fmt.Fprintln(stdout, password)
	return nil
}
