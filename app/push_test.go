package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brobygger/brobygger/push"
)

// TestVAPIDKeys: in embedded mode the keys are made once and kept, readable
// by the owner only; with MONGODB_URI all three variables are required and
// the error names the missing ones; no error ever quotes a private key.
func TestVAPIDKeys(t *testing.T) {
	dir := t.TempDir()
	first, err := vapidKeys(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if first.Subject != defaultVAPIDSubject || first.Check() != nil {
		t.Errorf("generated keys %v do not check out", first)
	}
	again, err := vapidKeys(Config{DataDir: dir, VAPIDSubject: "mailto:drift@frivillig.example"})
	if err != nil || again.PublicKey != first.PublicKey || again.PrivateKey != first.PrivateKey || again.Subject != "mailto:drift@frivillig.example" {
		t.Errorf("second start: %v (%v), want the kept keys with the configured subject", again, err)
	}
	info, err := os.Stat(filepath.Join(dir, vapidKeysFile))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("kept keys: %v, mode %v; want 0600", err, info.Mode().Perm())
	}

	other, err := push.GenerateVAPID("mailto:drift@frivillig.example")
	if err != nil {
		t.Fatal(err)
	}
	mongo := "mongodb://db.example:27017"
	for _, tc := range []struct {
		name    string
		cfg     Config
		missing []string // named in the error; nil is no error
		wrong   bool
	}{
		{"mongo without keys", Config{MongoURI: mongo}, []string{"BROBYGGER_VAPID_PUBLIC_KEY", "BROBYGGER_VAPID_PRIVATE_KEY", "BROBYGGER_VAPID_SUBJECT"}, false},
		{"mongo without subject", Config{MongoURI: mongo, VAPIDPublicKey: other.PublicKey, VAPIDPrivateKey: other.PrivateKey}, []string{"BROBYGGER_VAPID_SUBJECT"}, false},
		{"mongo without private key", Config{MongoURI: mongo, VAPIDPublicKey: other.PublicKey, VAPIDSubject: other.Subject}, []string{"BROBYGGER_VAPID_PRIVATE_KEY"}, false},
		{"mongo with all three", Config{MongoURI: mongo, VAPIDPublicKey: other.PublicKey, VAPIDPrivateKey: other.PrivateKey, VAPIDSubject: other.Subject}, nil, false},
		{"embedded with given keys", Config{DataDir: dir, VAPIDPublicKey: other.PublicKey, VAPIDPrivateKey: other.PrivateKey}, nil, false},
		{"embedded with half a pair", Config{DataDir: dir, VAPIDPublicKey: other.PublicKey}, []string{"BROBYGGER_VAPID_PRIVATE_KEY"}, false},
		{"keys that are not a pair", Config{MongoURI: mongo, VAPIDPublicKey: first.PublicKey, VAPIDPrivateKey: other.PrivateKey, VAPIDSubject: other.Subject}, nil, true},
		{"subject that is no URL", Config{DataDir: dir, VAPIDSubject: "drift@frivillig.example"}, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			k, err := vapidKeys(tc.cfg)
			if tc.missing == nil && !tc.wrong {
				if err != nil || k.Check() != nil {
					t.Errorf("vapidKeys = %v, %v", k, err)
				}
				if tc.cfg.VAPIDPublicKey != "" && k.PublicKey != tc.cfg.VAPIDPublicKey {
					t.Error("the configured keys were not used")
				}
				return
			}
			if err == nil {
				t.Fatal("accepted")
			}
			for _, name := range tc.missing {
				if !strings.Contains(err.Error(), name) {
					t.Errorf("%q does not name %s", err, name)
				}
			}
			for _, key := range []string{first.PrivateKey, other.PrivateKey} {
				if strings.Contains(err.Error(), key) {
					t.Errorf("the error quotes a private key: %q", err)
				}
			}
		})
	}
}
