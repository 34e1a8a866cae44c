package accounts

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"

	"golang.org/x/crypto/argon2"
)

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

// hashCost is the time (passes) and memory (KiB) of new hashes: argonTime
// and argonMemory, unless UseCheapHashesForTests lowered them.
var hashCost atomic.Pointer[[2]uint32]

func init() { hashCost.Store(&[2]uint32{argonTime, argonMemory}) }

// UseCheapHashesForTests makes new password hashes cost one pass over 1 MiB.
// Only tests call it, where the race detector makes a real hash take
// seconds; every hash records its own parameters, so checking is unchanged.
func UseCheapHashesForTests() { hashCost.Store(&[2]uint32{1, 1024}) }

// hashSlots caps the hashes computed at once. Each holds 64 MiB, and the
// garbage collector lets the heap grow to about twice what is live, so the
// heap peaks near 2 × 64 MiB × slots however many sign-ins arrive at once:
// 64 parallel sign-ins measured 512 MB with four slots, 128 MB with one.
// A hash already keeps argonThreads cores busy, so more slots than
// GOMAXPROCS/argonThreads only add memory, not speed.
var hashSlots atomic.Pointer[chan struct{}]

func init() { LimitConcurrentHashes(DefaultConcurrentHashes()) }

// DefaultConcurrentHashes is how many password hashes run at once unless
// LimitConcurrentHashes says otherwise: one per argonThreads cores, at least
// one and at most four.
func DefaultConcurrentHashes() int {
	return min(max(runtime.GOMAXPROCS(0)/argonThreads, 1), 4)
}

// LimitConcurrentHashes sets how many password hashes run at once; the
// others wait their turn. Call it at start-up, before any sign-in: hashes
// running at the time keep their old slot.
func LimitConcurrentHashes(n int) {
	slots := make(chan struct{}, max(n, 1))
	hashSlots.Store(&slots)
}

// ConcurrentHashes is how many password hashes run at once.
func ConcurrentHashes() int { return cap(*hashSlots.Load()) }

func argonKey(password string, salt []byte, t, m uint32, p uint8, n uint32) []byte {
	slots := *hashSlots.Load()
	slots <- struct{}{}
	defer func() { <-slots }()
	return argon2.IDKey([]byte(password), salt, t, m, p, n)
}

// HashPassword returns the password's argon2id hash in the PHC string
// format, with a fresh random salt: $argon2id$v=19$m=…,t=…,p=…$salt$hash.
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	cost := *hashCost.Load()
	key := argonKey(password, salt, cost[0], cost[1], argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, cost[1], cost[0], argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches the encoded hash, using
// the parameters stored with it and a constant-time comparison.
func CheckPassword(encoded, password string) bool {
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

// dummyHash is checked against when the e-mail is unknown, so that a sign-in
// with an unknown e-mail costs one hash like any other. It is a fixed hash
// of a random password nobody kept, with the parameters of new hashes, so
// even the first such sign-in costs no more than one with a known e-mail.
func dummyHash() string {
	return "$argon2id$v=19$m=65536,t=3,p=4$RWuCOp/xAihgx9RlxC4+WQ$zMv293MXJVrJRmiX2XmeU/5dqUojNLtZNMGf9SKv5oQ"
}
