package api

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/crypto/argon2"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/store"
)

// Staff is the account storage staff sign-in needs.
type Staff interface {
	CreateStaff(ctx context.Context, u store.User, c store.StaffCredential) error
	StaffCredential(ctx context.Context, email string) (store.StaffCredential, error)
}

// NewStaff describes a staff account to create.
type NewStaff struct {
	Role  string
	Email string
	// OrgID is the organisation an org_staff account works for; other
	// roles have none.
	OrgID string
}

// Validate checks the role, the organisation and the e-mail.
func (n NewStaff) Validate() error {
	switch {
	case !slices.Contains(StaffRoles, n.Role):
		return fmt.Errorf("role %q is not a staff role (one of %s)", n.Role, strings.Join(StaffRoles, ", "))
	case n.Role == RoleOrgStaff && n.OrgID == "":
		return fmt.Errorf("an %s account needs the organisation it works for", RoleOrgStaff)
	case n.Role != RoleOrgStaff && n.OrgID != "":
		return fmt.Errorf("only %s accounts belong to an organisation", RoleOrgStaff)
	case !validEmail(store.NormaliseEmail(n.Email)):
		return fmt.Errorf("%q is not an e-mail address", n.Email)
	}
	return nil
}

// CreateStaff validates and creates a staff account with a random password,
// and returns the user and the password. The password is shown once and
// stored only as an argon2id hash.
func CreateStaff(ctx context.Context, accounts Staff, n NewStaff, now time.Time) (store.User, string, error) {
	if err := n.Validate(); err != nil {
		return store.User{}, "", err
	}
	email := store.NormaliseEmail(n.Email)
	password := rand.Text()
	hash, err := hashPassword(password)
	if err != nil {
		return store.User{}, "", err
	}
	u := store.User{ID: NewID(), Role: n.Role, Locale: "da", OrgID: n.OrgID, Email: email, CreatedAt: now}
	if err := accounts.CreateStaff(ctx, u, store.StaffCredential{Email: email, PasswordHash: hash, CreatedAt: now}); err != nil {
		return store.User{}, "", err
	}
	return u, password, nil
}

// validEmail accepts a bare address with a dotted domain, the kind a person
// types, and nothing mail.ParseAddress would have to rewrite.
func validEmail(email string) bool {
	a, err := mail.ParseAddress(email)
	if err != nil || a.Name != "" || a.Address != email || len(email) > 254 {
		return false
	}
	_, domain, _ := strings.Cut(email, "@")
	return strings.Contains(strings.Trim(domain, "."), ".")
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
	cred, err := s.staff.StaffCredential(c.UserContext(), req.Email)
	switch {
	case errors.Is(err, bot.ErrNotFound):
		// Spend the same time as a real check, so timing does not tell
		// unknown e-mails apart either.
		checkPassword(dummyHash(), req.Password)
		return errWrongLogin
	case err != nil:
		return err
	}
	if !checkPassword(cred.PasswordHash, req.Password) {
		return errWrongLogin
	}
	u, err := s.users.User(c.UserContext(), cred.UserID)
	if err != nil {
		if errors.Is(err, bot.ErrNotFound) {
			return errWrongLogin
		}
		return err
	}
	return s.issue(c, u, "")
}

// argon2id parameters for new hashes: the second recommended option of
// RFC 9106 (64 MiB, three passes, four lanes). Each hash records its own, so
// they can be raised later without locking anyone out.
const (
	argonTime    = 3
	argonMemory  = 64 * 1024
	argonThreads = 4
	argonSaltLen = 16
	argonKeyLen  = 32
)

// hashSlots caps the sign-ins hashing at once: each holds 64 MiB, and a
// burst of logins must not take the server's memory with it.
var hashSlots = make(chan struct{}, 4)

func argonKey(password string, salt []byte, t, m uint32, p uint8, n uint32) []byte {
	hashSlots <- struct{}{}
	defer func() { <-hashSlots }()
	return argon2.IDKey([]byte(password), salt, t, m, p, n)
}

// hashPassword returns the password's argon2id hash in the PHC string
// format, with a fresh random salt: $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func hashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argonKey(password, salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// checkPassword reports whether password matches the encoded hash, using
// the parameters stored with it and a constant-time comparison.
func checkPassword(encoded, password string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false
	}
	got := argonKey(password, salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is checked against when the e-mail is unknown; it is made once,
// on the first such sign-in.
var dummyHash = sync.OnceValue(func() string {
	h, _ := hashPassword(rand.Text())
	return h
})
