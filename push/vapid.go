package push

import (
	"bytes"
	"crypto/ecdh"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// VAPID is the server's key pair and contact for Voluntary Application
// Server Identification (RFC 8292): browsers tie a subscription to the
// public key, and push services accept only requests signed by its private
// key. Keys are base64url without padding, the public key an uncompressed
// P-256 point (what the browser's applicationServerKey takes), the private
// key its 32-byte scalar. Subject is how a push service reaches whoever
// runs the server: a mailto: or https: URL.
type VAPID struct {
	PublicKey  string
	PrivateKey string
	Subject    string
}

// String keeps the private key out of logs and error messages.
func (v VAPID) String() string {
	return fmt.Sprintf("VAPID{public key %s, subject %s}", v.PublicKey, v.Subject)
}

// GenerateVAPID makes a fresh key pair for subject.
func GenerateVAPID(subject string) (VAPID, error) {
	k, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		return VAPID{}, fmt.Errorf("generate VAPID keys: %w", err)
	}
	return VAPID{
		PublicKey:  base64.RawURLEncoding.EncodeToString(k.PublicKey().Bytes()),
		PrivateKey: base64.RawURLEncoding.EncodeToString(k.Bytes()),
		Subject:    subject,
	}, nil
}

// Check says what is wrong with the keys, without ever quoting the private
// one: both must decode, the public key must be the private key's, and the
// subject must be a mailto: or https: URL.
func (v VAPID) Check() error {
	priv, ok := decodeKey(v.PrivateKey)
	if !ok {
		return errors.New("the VAPID private key is not base64url")
	}
	k, err := ecdh.P256().NewPrivateKey(priv)
	if err != nil {
		return errors.New("the VAPID private key is not a P-256 private key (32 bytes, base64url)")
	}
	pub, ok := decodeKey(v.PublicKey)
	if !ok {
		return errors.New("the VAPID public key is not base64url")
	}
	if !bytes.Equal(pub, k.PublicKey().Bytes()) {
		return errors.New("the VAPID public key is not the private key's (an uncompressed P-256 point, 65 bytes, base64url)")
	}
	return CheckSubject(v.Subject)
}

// CheckSubject says what is wrong with a VAPID subject: push services take
// only a mailto: or https: URL.
func CheckSubject(subject string) error {
	u, err := url.Parse(subject)
	if err != nil || (u.Scheme != "mailto" && u.Scheme != "https") || (u.Opaque == "" && u.Host == "") {
		return fmt.Errorf("the VAPID subject %q must be a mailto: or https: URL", subject)
	}
	return nil
}

// normalised writes the public key without padding, as browsers and the
// API expect it.
func (v VAPID) normalised() VAPID {
	v.PublicKey = strings.TrimRight(v.PublicKey, "=")
	v.PrivateKey = strings.TrimRight(v.PrivateKey, "=")
	return v
}
