package leads

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSignAndVerify(t *testing.T) {
	secret := "whsec_test"
	now := time.Unix(1_780_000_000, 0)
	body := []byte(`{"id":"webhook:l1:1","type":"lead.created"}`)
	header := Sign([]byte(secret), now, body)
	if !strings.HasPrefix(header, "t=1780000000,v1=") || len(header) != len("t=1780000000,v1=")+64 {
		t.Fatalf("header = %q", header)
	}
	if err := Verify(secret, header, body, now.Add(time.Minute), DefaultTolerance); err != nil {
		t.Fatalf("valid signature: %v", err)
	}

	tampered := []byte(strings.Replace(string(body), "created", "deleted", 1))
	newer := "t=" + "1780000999" + header[len("t=1780000000"):]
	rotated := Sign([]byte("old-secret"), now, body) + "," + strings.Split(header, ",")[1]
	tests := []struct {
		name, secret, header string
		body                 []byte
		now                  time.Time
		ok                   bool
	}{
		{"tampered body", secret, header, tampered, now, false},
		{"wrong secret", "other", header, body, now, false},
		{"old timestamp", secret, header, body, now.Add(6 * time.Minute), false},
		{"timestamp from the future", secret, header, body, now.Add(-6 * time.Minute), false},
		{"timestamp swapped", secret, newer, body, now, false},
		{"empty header", secret, "", body, now, false},
		{"no signature", secret, "t=1780000000", body, now, false},
		{"not hex", secret, "t=1780000000,v1=zz", body, now, false},
		{"garbage", secret, "v1", body, now, false},
		{"one of two signatures matches", secret, rotated, body, now, true},
	}
	for _, tt := range tests {
		err := Verify(tt.secret, tt.header, tt.body, tt.now, DefaultTolerance)
		if tt.ok != (err == nil) {
			t.Errorf("%s: err = %v", tt.name, err)
		}
		if err != nil && !errors.Is(err, ErrSignature) {
			t.Errorf("%s: err = %v, want ErrSignature", tt.name, err)
		}
	}
}

func TestCheckWebhookURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://crm.example.org/brobygger": true,
		"http://crm.example.org/hook":       false,
		"https://user:pw@example.org/":      false,
		"ftp://example.org/":                false,
		"not a url":                         false,
	} {
		if err := CheckWebhookURL(raw, false); (err == nil) != ok {
			t.Errorf("%s: err = %v", raw, err)
		}
	}
	if err := CheckWebhookURL("http://127.0.0.1:8080/hook", true); err != nil {
		t.Errorf("http allowed: %v", err)
	}
}
