package mail

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strings"
)

// UnsubscribeToken is the token in a notification's unsubscribe link: the
// staff member's id and a MAC under a key derived from secret, so the link
// works without signing in and for nobody else. It does not expire: a
// link in an old e-mail must still stop the e-mails.
func UnsubscribeToken(secret []byte, userID string) string {
	return userID + "." + base64.RawURLEncoding.EncodeToString(unsubscribeMAC(secret, userID))
}

// ReadUnsubscribeToken returns the staff member a token was made for.
func ReadUnsubscribeToken(secret []byte, token string) (string, bool) {
	userID, mac, ok := strings.Cut(token, ".")
	if !ok || userID == "" {
		return "", false
	}
	got, err := base64.RawURLEncoding.DecodeString(mac)
	if err != nil || !hmac.Equal(got, unsubscribeMAC(secret, userID)) {
		return "", false
	}
	return userID, true
}

func unsubscribeMAC(secret []byte, userID string) []byte {
	// A key of its own, so the token is no use as any other signature.
	k := hmac.New(sha256.New, secret)
	k.Write([]byte("brobygger mail unsubscribe v1"))
	m := hmac.New(sha256.New, k.Sum(nil))
	m.Write([]byte(userID))
	return m.Sum(nil)[:18]
}
