package api

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/golang-jwt/jwt/v5"

	"github.com/brobygger/brobygger/accounts"
)

// Token settings.
const (
	tokenIssuer     = "brobygger"
	tokenAudience   = "brobygger-api"
	accessTokenTTL  = 15 * time.Minute
	refreshTokenTTL = 90 * 24 * time.Hour
)

// Roles, as accounts defines them; a token's role claim is one of these.
const (
	RoleYouth = accounts.RoleYouth
	// RoleOrgStaff works for one organisation, named by the token's org claim.
	RoleOrgStaff     = accounts.RoleOrgStaff
	RoleFacilitator  = accounts.RoleFacilitator
	RoleSafeguarding = accounts.RoleSafeguarding
	RoleAdmin        = accounts.RoleAdmin
	// RoleReferrer sends young people towards a community with a
	// referral code and follows, as far as each allows, how far they got.
	RoleReferrer = accounts.RoleReferrer
)

// StaffRoles are the roles a staff account can have.
var StaffRoles = accounts.StaffRoles

// AllRoles is every role, young people's first.
var AllRoles = accounts.AllRoles

// claims are what an access token says about its bearer.
type claims struct {
	Role  string `json:"role"`
	OrgID string `json:"org,omitempty"`
	// SessionID is the sign-in the token was issued in (accounts.Session);
	// every request checks it still holds.
	SessionID string `json:"sid,omitempty"`
	jwt.RegisteredClaims
}

// tokenResponse is the shape every sign-in and refresh returns.
type tokenResponse struct {
	UserID       string `json:"user_id"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

// NewID returns a random, unguessable id.
func NewID() string { return accounts.NewID() }

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// issue signs an access token and creates a refresh token in the family,
// starting a new sign-in when family is empty. A refresh records its
// family's sign-in too, so that families begun before sign-ins were
// recorded get one; for the others that changes nothing.
func (s *Server) issue(c *fiber.Ctx, u accounts.User, family string) error {
	now := s.now()
	if family == "" {
		family = NewID()
	}
	if err := s.accounts.StartSession(c.UserContext(), accounts.Session{ID: family, UserID: u.ID, CreatedAt: now}); err != nil {
		return err
	}
	cl := claims{Role: u.Role, OrgID: u.OrgID, SessionID: family, RegisteredClaims: jwt.RegisteredClaims{
		Issuer:    tokenIssuer,
		Subject:   u.ID,
		Audience:  jwt.ClaimStrings{tokenAudience},
		IssuedAt:  jwt.NewNumericDate(now),
		ExpiresAt: jwt.NewNumericDate(now.Add(accessTokenTTL)),
		ID:        NewID(),
	}}
	access, err := jwt.NewWithClaims(jwt.SigningMethodHS256, cl).SignedString(s.secret)
	if err != nil {
		return err
	}
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	refresh := base64.RawURLEncoding.EncodeToString(raw)
	err = s.accounts.SaveRefreshToken(c.UserContext(), accounts.RefreshToken{Hash: hashToken(refresh), UserID: u.ID,
		Family: family, CreatedAt: now, ExpiresAt: now.Add(refreshTokenTTL)})
	if err != nil {
		return err
	}
	return c.JSON(tokenResponse{UserID: u.ID, AccessToken: access, RefreshToken: refresh, TokenType: "Bearer",
		ExpiresIn: int(accessTokenTTL.Seconds())})
}

type guestRequest struct {
	Locale string `json:"locale"`
}

func (s *Server) guest(c *fiber.Ctx) error {
	var req guestRequest
	if err := decode(c, &req, true); err != nil {
		return err
	}
	switch req.Locale {
	case "":
		req.Locale = "da"
	case "da", "en":
	default:
		return badRequest(`locale must be "da" or "en"`)
	}
	u := accounts.NewGuest(req.Locale, s.now())
	if err := s.accounts.CreateUser(c.UserContext(), u); err != nil {
		return err
	}
	c.Status(fiber.StatusCreated)
	return s.issue(c, u, "")
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

func (s *Server) refresh(c *fiber.Ctx) error {
	var req refreshRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if req.RefreshToken == "" {
		return badRequest("refresh_token is required")
	}
	t, err := s.accounts.SpendRefreshToken(c.UserContext(), hashToken(req.RefreshToken), s.now())
	if err != nil {
		if errors.Is(err, accounts.ErrNotFound) {
			return unauthorized("The refresh token is not valid any more; sign in again.")
		}
		return err
	}
	u, err := s.accounts.User(c.UserContext(), t.UserID)
	if err != nil {
		if errors.Is(err, accounts.ErrNotFound) {
			return unauthorized("The account no longer exists.")
		}
		return err
	}
	return s.issue(c, u, t.Family)
}

// principal is the authenticated caller.
type principal struct {
	UserID string
	Role   string
	OrgID  string
	// SessionID is the sign-in the token belongs to, checked again by
	// long-lived requests such as the event stream.
	SessionID string
}

// authenticate checks the bearer token, that its sign-in still holds and
// that its role is one of roles. The sign-in is read from the database on
// every request, not cached, so a sign-out or an erasure refuses the
// token at once on every instance; it is one _id lookup. With queryToken
// it also accepts the token as ?access_token=, because a browser's
// EventSource cannot send an Authorization header.
func (s *Server) authenticate(queryToken bool, roles []string) fiber.Handler {
	parser := jwt.NewParser(jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(tokenIssuer), jwt.WithAudience(tokenAudience), jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(s.now))
	return func(c *fiber.Ctx) error {
		h := c.Get(fiber.HeaderAuthorization)
		raw, ok := strings.CutPrefix(h, "Bearer ")
		if queryToken && !ok {
			raw, ok = c.Query("access_token"), true
		}
		if !ok || raw == "" {
			return unauthorized("Send an access token as \"Authorization: Bearer <token>\".")
		}
		var cl claims
		if _, err := parser.ParseWithClaims(raw, &cl, func(*jwt.Token) (any, error) { return s.secret, nil }); err != nil {
			return unauthorized("The access token is invalid or expired; refresh it.")
		}
		if err := accounts.CheckSession(c.UserContext(), s.accounts, cl.SessionID, cl.Subject); err != nil {
			if errors.Is(err, accounts.ErrSignedOut) {
				return unauthorized("This sign-in has ended; refresh the token or sign in again.")
			}
			return err
		}
		if !slices.Contains(roles, cl.Role) {
			return &Error{Status: fiber.StatusForbidden, Slug: "forbidden", Detail: "Your role may not do this."}
		}
		c.Locals(principalKey{}, principal{UserID: cl.Subject, Role: cl.Role, OrgID: cl.OrgID, SessionID: cl.SessionID})
		return c.Next()
	}
}

type principalKey struct{}

func caller(c *fiber.Ctx) principal {
	p, _ := c.Locals(principalKey{}).(principal)
	return p
}

// logout ends a sign-in: the refresh token and every token rotated from it
// stop working. It answers 204 whatever the token, so it tells nothing.
func (s *Server) logout(c *fiber.Ctx) error {
	var req refreshRequest
	if err := decode(c, &req, false); err != nil {
		return err
	}
	if req.RefreshToken == "" {
		return badRequest("refresh_token is required")
	}
	if err := s.accounts.RevokeRefreshToken(c.UserContext(), hashToken(req.RefreshToken)); err != nil && !errors.Is(err, accounts.ErrNotFound) {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
