package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/mail"
)

// StaffMail is what staff accounts need of e-mail: invites instead of
// printed passwords, resets of forgotten passwords, and each staff
// member's choice of e-mails about leads. The zero StaffMail serves none
// of its routes.
type StaffMail struct {
	// Mailer queues the invite and reset e-mails.
	Mailer StaffMailer
	// Tokens keeps invites and resets (hashed); Passwords changes
	// passwords and ends sign-ins.
	Tokens    accounts.TokenStore
	Passwords accounts.PasswordStore
	// Settings keeps each staff member's choice of e-mails about leads.
	Settings NotificationSettings
	// PublicURL is where people reach the staff page; links in e-mails
	// start with it.
	PublicURL string
}

// StaffMailer queues staff e-mails; *mail.Mailer is one.
type StaffMailer interface {
	SendInvite(ctx context.Context, i mail.Invite) error
	SendReset(ctx context.Context, to, lang, link string) error
}

var _ StaffMailer = (*mail.Mailer)(nil)

// NotificationSettings keeps staff's choice of e-mails (mail.Settings);
// package store implements it.
type NotificationSettings interface {
	// NotificationSetting is "" when never chosen, which is mail.Instant.
	NotificationSetting(ctx context.Context, userID string) (string, error)
	SetNotificationSetting(ctx context.Context, userID, setting string, now time.Time) error
}

func (m StaffMail) on() bool {
	return m.Mailer != nil && m.Tokens != nil && m.Passwords != nil && m.Settings != nil
}

// staffAccounts are the roles that change their own password and choose
// their e-mails: every staff role, named one by one so that a role added
// later gets these routes only when it is documented for them too.
var staffAccounts = []string{RoleOrgStaff, RoleFacilitator, RoleSafeguarding, RoleAdmin, RoleReferrer}

// staffMailPaths are the routes StaffMail serves.
var staffMailPaths = []string{"/v1/admin/staff-invites", "/v1/auth/accept-invite", "/v1/auth/password",
	"/v1/auth/password-reset", "/v1/auth/password-reset/confirm", "/v1/me/notifications", "/v1/notifications/unsubscribe"}

// link is a link to the staff page for an e-mail.
func (m StaffMail) link(flow, token string) string {
	return strings.TrimRight(m.PublicURL, "/") + "/org/?flow=" + flow + "&token=" + url.QueryEscape(token)
}

type staffInviteRequest struct {
	Email  string `json:"email"`
	Role   string `json:"role"`
	OrgID  string `json:"org_id"`
	Locale string `json:"locale"`
}

type staffInviteResponse struct {
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	OrgID     string    `json:"org_id,omitempty"`
	Locale    string    `json:"locale"`
	ExpiresAt time.Time `json:"expires_at"`
}

// inviteStaff e-mails a single-use link to create a staff account. An
// administrator invites to any staff role; an organisation's staff invite
// colleagues to their own organisation, as org_staff.
func (s *Server) inviteStaff(c *fiber.Ctx) error {
	var req staffInviteRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	p := caller(c)
	if p.Role == RoleOrgStaff {
		if req.Role == "" {
			req.Role = RoleOrgStaff
		}
		if req.OrgID == "" {
			req.OrgID = p.OrgID
		}
		if req.Role != RoleOrgStaff || req.OrgID != p.OrgID {
			return &Error{Status: http.StatusForbidden, Slug: "forbidden",
				Detail: "Organisation staff invite colleagues to their own organisation, as org_staff."}
		}
	}
	switch req.Locale {
	case "":
		req.Locale = "da"
	case "da", "en":
	default:
		return badRequest(`locale must be "da" or "en"`)
	}
	if strings.TrimSpace(req.Email) == "" || req.Role == "" {
		return badRequest("email and role are required.")
	}
	n := accounts.NewStaff{Role: req.Role, Email: req.Email, OrgID: req.OrgID}
	if err := n.Validate(); err != nil {
		return unprocessable(err.Error())
	}
	var orgName string
	if n.OrgID != "" {
		o, err := s.orgs.Organisation(c.UserContext(), n.OrgID)
		if err != nil {
			return unprocessable("There is no organisation " + n.OrgID + ".")
		}
		orgName = o.Name
	}
	now := s.now()
	token, err := accounts.Invite(c.UserContext(), s.accounts, s.staffMail.Tokens, n, req.Locale, p.UserID, now)
	switch {
	case errors.Is(err, accounts.ErrEmailTaken):
		return &Error{Status: http.StatusConflict, Slug: "email-taken", Detail: "There is an account with this e-mail already."}
	case err != nil:
		return err
	}
	email := accounts.NormaliseEmail(n.Email)
	err = s.staffMail.Mailer.SendInvite(c.UserContext(), mail.Invite{To: email, Lang: req.Locale, OrgName: orgName,
		Role: n.Role, Link: s.staffMail.link("invite", token)})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(staffInviteResponse{Email: email, Role: n.Role, OrgID: n.OrgID,
		Locale: req.Locale, ExpiresAt: now.Add(accounts.InviteLifetime)})
}

type acceptInviteRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

// acceptInvite creates the invited account with the chosen password and
// signs it in, answering like a sign-in (201).
func (s *Server) acceptInvite(c *fiber.Ctx) error {
	var req acceptInviteRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if req.Token == "" || req.Password == "" {
		return badRequest("token and password are required.")
	}
	u, err := accounts.AcceptInvite(c.UserContext(), s.accounts, s.staffMail.Tokens, req.Token, req.Password, s.now())
	if err != nil {
		return staffTokenProblem(err, "invite")
	}
	c.Status(fiber.StatusCreated)
	return s.issue(c, u, "")
}

type changePasswordRequest struct {
	CurrentPassword string `json:"current_password"`
	NewPassword     string `json:"new_password"`
}

// errWrongCurrentPassword answers a password change whose current
// password is wrong: 403, since the caller is signed in but has not shown
// they may change this.
var errWrongCurrentPassword = &Error{Status: http.StatusForbidden, Slug: "wrong-password", Detail: "The current password is wrong."}

// changePassword sets the signed-in staff member's new password and ends
// every other sign-in of theirs; this one goes on.
func (s *Server) changePassword(c *fiber.Ctx) error {
	var req changePasswordRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if req.CurrentPassword == "" || req.NewPassword == "" {
		return badRequest("current_password and new_password are required.")
	}
	if len(req.CurrentPassword) > maxPasswordBytes {
		return errWrongCurrentPassword
	}
	p := caller(c)
	err := accounts.ChangePassword(c.UserContext(), s.accounts, s.staffMail.Passwords, p.UserID, req.CurrentPassword, req.NewPassword, p.SessionID)
	switch {
	case errors.Is(err, accounts.ErrInvalidCredentials):
		return errWrongCurrentPassword
	case err != nil:
		return staffTokenProblem(err, "")
	}
	return c.SendStatus(fiber.StatusNoContent)
}

type passwordResetRequest struct {
	Email string `json:"email"`
}

// resetWork bounds the work a reset request does after its answer.
const resetWork = 30 * time.Second

// requestPasswordReset answers 202 to any well-formed e-mail, and only
// then, apart from the request, looks the e-mail up and mails a link if it
// has an account: the answer and its timing are the same either way, so
// nobody learns which e-mails have accounts.
func (s *Server) requestPasswordReset(c *fiber.Ctx) error {
	var req passwordResetRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	email := accounts.NormaliseEmail(req.Email)
	if !accounts.ValidEmail(email) {
		return badRequest("email must be an e-mail address.")
	}
	go s.sendPasswordReset(context.WithoutCancel(c.UserContext()), email)
	c.Status(fiber.StatusAccepted) // and no body
	return nil
}

func (s *Server) sendPasswordReset(ctx context.Context, email string) {
	ctx, cancel := context.WithTimeout(ctx, resetWork)
	defer cancel()
	token, u, err := accounts.RequestReset(ctx, s.accounts, s.staffMail.Tokens, email, s.now())
	if err == nil {
		err = s.staffMail.Mailer.SendReset(ctx, u.Email, u.Locale, s.staffMail.link("reset", token))
	}
	if err != nil && !errors.Is(err, accounts.ErrNotFound) {
		s.log.Error("password reset not sent", "err", err) // no e-mail in the log
	}
}

type confirmResetRequest struct {
	Token       string `json:"token"`
	NewPassword string `json:"new_password"`
}

// confirmPasswordReset sets the new password a reset link was for and
// ends every sign-in of the account (204); the staff member then signs in
// with it as usual.
func (s *Server) confirmPasswordReset(c *fiber.Ctx) error {
	var req confirmResetRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if req.Token == "" || req.NewPassword == "" {
		return badRequest("token and new_password are required.")
	}
	_, err := accounts.ConfirmReset(c.UserContext(), s.accounts, s.staffMail.Tokens, s.staffMail.Passwords, req.Token, req.NewPassword, s.now())
	if err != nil {
		return staffTokenProblem(err, "reset")
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// staffTokenProblem says what is wrong with an invite or reset link, or
// with a new password.
func staffTokenProblem(err error, kind string) error {
	var weak *accounts.WeakPasswordError
	switch {
	case errors.As(err, &weak):
		return &Error{Status: http.StatusUnprocessableEntity, Slug: "weak-password-" + strings.ReplaceAll(weak.Reason, "_", "-"),
			Detail: weak.Error()}
	case kind == "":
		return err
	case errors.Is(err, accounts.ErrTokenUsed):
		return &Error{Status: http.StatusGone, Slug: "link-used", Detail: "This link has been used already; ask for a new one."}
	case errors.Is(err, accounts.ErrTokenExpired):
		return &Error{Status: http.StatusGone, Slug: "link-expired", Detail: "This link has expired; ask for a new one."}
	case errors.Is(err, accounts.ErrEmailTaken):
		return &Error{Status: http.StatusConflict, Slug: "email-taken", Detail: "There is an account with this e-mail already; sign in instead."}
	case errors.Is(err, accounts.ErrNotFound):
		return &Error{Status: http.StatusNotFound, Slug: "link-unknown", Detail: "This " + kind + " link is not known; check that the whole link was opened."}
	}
	return err
}

type notificationsBody struct {
	Email string `json:"email"`
}

// myNotifications says how the staff member hears of their leads by e-mail.
func (s *Server) myNotifications(c *fiber.Ctx) error {
	setting, err := s.staffMail.Settings.NotificationSetting(c.UserContext(), caller(c).UserID)
	if err != nil {
		return err
	}
	if setting == "" {
		setting = mail.Instant
	}
	return c.JSON(notificationsBody{Email: setting})
}

// setMyNotifications changes it: at once, once a day, or not at all.
func (s *Server) setMyNotifications(c *fiber.Ctx) error {
	var req notificationsBody
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if !slices.Contains(mail.Settings, req.Email) {
		return unprocessable(`email must be "instant", "daily" or "off".`)
	}
	if err := s.staffMail.Settings.SetNotificationSetting(c.UserContext(), caller(c).UserID, req.Email, s.now()); err != nil {
		return err
	}
	return c.JSON(req)
}

// unsubscribe turns a staff member's e-mails about leads off, from the
// signed link in each such e-mail: the one-click POST of List-Unsubscribe
// (RFC 8058, whose form body it ignores) or the staff page's button.
func (s *Server) unsubscribe(c *fiber.Ctx) error {
	userID, ok := mail.ReadUnsubscribeToken(s.secret, c.Query("token"))
	if !ok {
		return badRequest("The unsubscribe link is not valid; check that the whole link was opened.")
	}
	if err := s.staffMail.Settings.SetNotificationSetting(c.UserContext(), userID, mail.Off, s.now()); err != nil {
		return err
	}
	return c.JSON(notificationsBody{Email: mail.Off})
}

// resets bounds password-reset requests per e-mail and per address. The
// e-mail's bucket is kept whether or not it has an account, so a refusal
// tells nothing either.
func (l *limiter) resets(c *fiber.Ctx) error {
	var req passwordResetRequest
	if json.Unmarshal(c.Body(), &req) != nil || strings.TrimSpace(req.Email) == "" {
		return c.Next() // the handler refuses it
	}
	const detail = "Too many password resets asked for; wait and try again."
	if err := l.take(c, l.ResetsPerAddress, "resets-address", l.address(c), detail); err != nil {
		return err
	}
	if err := l.take(c, l.ResetsPerEmail, "resets-email", accounts.NormaliseEmail(req.Email), detail); err != nil {
		return err
	}
	return c.Next()
}

// passwordTries bounds the requests that hash a password without a
// sign-in's own limit: accepting an invite, confirming a reset and
// changing a password, at the rate of sign-ins from one address.
func (l *limiter) passwordTries(c *fiber.Ctx) error {
	if err := l.take(c, l.LoginsPerAddress, "password-tries", l.address(c),
		"Too many password attempts; wait and try again."); err != nil {
		return err
	}
	return c.Next()
}

// staffInvites bounds the invites one staff member sends, at the rate of
// young people's friend codes.
func (l *limiter) staffInvites(c *fiber.Ctx) error {
	if err := l.take(c, l.InvitesPerUser, "staff-invites", caller(c).UserID,
		"You have sent many invites lately; try again later."); err != nil {
		return err
	}
	return c.Next()
}
