package leads

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Headers of a webhook delivery.
const (
	// SignatureHeader carries "t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">".
	SignatureHeader = "Brobygger-Signature"
	// IdempotencyHeader carries "webhook:<lead id>:<event seq>", the same on
	// every retry of one delivery, so the receiver can drop repeats.
	IdempotencyHeader = "Idempotency-Key"
)

// DefaultTolerance is how old a signature's timestamp may be before a
// receiver should refuse it as a possible replay.
const DefaultTolerance = 5 * time.Minute

// ErrSignature means a webhook signature is missing, malformed, wrong or too old.
var ErrSignature = errors.New("webhook signature not valid")

// Sign returns the SignatureHeader value for body sent at t. The timestamp
// is signed with the body so that a captured delivery cannot be replayed
// later with a fresh timestamp.
func Sign(secret []byte, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac(secret, ts, body))
}

func mac(secret []byte, ts string, body []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return m.Sum(nil)
}

// Verify checks a SignatureHeader value against body: one of its v1
// signatures must match (several are allowed while a secret is rotated),
// compared in constant time, and its timestamp must lie within tolerance of
// now either way.
func Verify(secret, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts string
	var sigs [][]byte
	for part := range strings.SplitSeq(header, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return fmt.Errorf("%w: %q is not key=value", ErrSignature, part)
		}
		switch k {
		case "t":
			ts = v
		case "v1":
			sig, err := hex.DecodeString(v)
			if err != nil {
				return fmt.Errorf("%w: v1 is not hex", ErrSignature)
			}
			sigs = append(sigs, sig)
		}
	}
	if ts == "" || len(sigs) == 0 {
		return fmt.Errorf("%w: needs t= and v1=", ErrSignature)
	}
	unix, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: t is not a unix time", ErrSignature)
	}
	if age := now.Sub(time.Unix(unix, 0)); age > tolerance || age < -tolerance {
		return fmt.Errorf("%w: timestamp is %s away from now, more than %s", ErrSignature, age.Round(time.Second), tolerance)
	}
	want := mac([]byte(secret), ts, body)
	for _, sig := range sigs {
		if hmac.Equal(sig, want) {
			return nil
		}
	}
	return fmt.Errorf("%w: no signature matches", ErrSignature)
}

// NewWebhookSecret returns a fresh random secret for an organisation's webhook.
func NewWebhookSecret() string { return "whsec_" + rand.Text() }
