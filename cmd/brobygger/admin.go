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

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/push"
)

const adminUsage = "usage: brobygger admin create-user --role ROLE --email EMAIL [--org ORG_ID]\n" +
	"       brobygger admin create-org --name NAME\n" +
	"       brobygger admin vapid-keys [--subject mailto:you@example.dk]"

// runAdmin manages staff accounts and organisations on the database the
// server uses with cfg. Each command prints what it made and then the one
// thing a script needs alone on the last line, so tail -n 1 takes it:
// create-user the one-time password, create-org the organisation's id.
func runAdmin(ctx context.Context, cfg app.Config, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(adminUsage)
	}
	switch args[0] {
	case "create-user":
		return createUser(ctx, cfg, args[1:], stdout, stderr)
	case "create-org":
		return createOrg(ctx, cfg, args[1:], stdout, stderr)
	case "vapid-keys":
		return vapidKeys(args[1:], stdout)
	}
	return errors.New(adminUsage)
}

// adminFlags is a flag set whose parse errors come back with the usage;
// flag's own print would say it twice.
func adminFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("admin "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parseAdminFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w\n%s", err, adminUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q\n%s", fs.Arg(0), adminUsage)
	}
	return nil
}

// openAdmin opens the server's database, showing only problems around
// what the command prints.
func openAdmin(ctx context.Context, cfg app.Config, stderr io.Writer) (*app.Admin, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return app.OpenAdmin(ctx, cfg)
}

// createOrg adds an organisation, whose staff are then created with
// create-user --role org_staff --org <id>.
func createOrg(ctx context.Context, cfg app.Config, args []string, stdout, stderr io.Writer) error {
	fs := adminFlags("create-org")
	name := fs.String("name", "", "the organisation's name, as young people will see it")
	if err := parseAdminFlags(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*name) == "" {
		return errors.New("--name is required\n" + adminUsage)
	}
	adm, err := openAdmin(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer adm.Close(context.Background())
	id, err := adm.CreateOrganisation(ctx, *name, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "created organisation %s %q\n", id, strings.TrimSpace(*name))
	fmt.Fprintln(stdout, "its id (staff accounts: admin create-user --role org_staff --email EMAIL --org ID):")
	fmt.Fprintln(stdout, id)
	return nil
}

// createUser creates a staff account and prints its one-time password last.
func createUser(ctx context.Context, cfg app.Config, args []string, stdout, stderr io.Writer) error {
	fs := adminFlags("create-user")
	role := fs.String("role", "", "one of "+strings.Join(accounts.StaffRoles, ", "))
	email := fs.String("email", "", "the e-mail the person signs in with")
	org := fs.String("org", "", "the organisation an org_staff account works for, or a referrer refers from (optional for a referrer)")
	if err := parseAdminFlags(fs, args); err != nil {
		return err
	}
	if *role == "" || *email == "" {
		return errors.New("--role and --email are required\n" + adminUsage)
	}
	staff := accounts.NewStaff{Role: *role, Email: *email, OrgID: *org}
	// Fail before starting the database for what can be seen from here.
	if err := staff.Validate(); err != nil {
		return err
	}
	adm, err := openAdmin(ctx, cfg, stderr)
	if err != nil {
		return err
	}
	defer adm.Close(context.Background())
	if staff.Role == accounts.RoleReferrer && staff.OrgID != "" {
		// Young people are told the organisation's name; it must exist.
		if err := adm.CheckOrganisation(ctx, staff.OrgID); err != nil {
			return err
		}
	}
	u, password, err := adm.CreateStaff(ctx, staff, time.Now())
	if errors.Is(err, accounts.ErrEmailTaken) {
		return fmt.Errorf("a staff account with e-mail %s exists already", accounts.NormaliseEmail(*email))
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

// vapidKeys prints a new Web Push key pair as the three environment
// variables every instance needs with MONGODB_URI. It touches no database.
func vapidKeys(args []string, stdout io.Writer) error {
	fs := adminFlags("vapid-keys")
	subject := fs.String("subject", "mailto:brobygger@localhost", "how push services reach whoever runs the server (mailto: or https:)")
	if err := parseAdminFlags(fs, args); err != nil {
		return err
	}
	k, err := push.GenerateVAPID(*subject)
	if err != nil {
		return err
	}
	if err := k.Check(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "BROBYGGER_VAPID_PUBLIC_KEY=%s\nBROBYGGER_VAPID_PRIVATE_KEY=%s\nBROBYGGER_VAPID_SUBJECT=%s\n", k.PublicKey, k.PrivateKey, k.Subject)
	return nil
}
