package api

import (
	"io"
	"net/http/httptest"
	"net/netip"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// TestClientAddress: X-Forwarded-For counts only from a trusted proxy, so
// a client cannot pick the address it is limited under; IPv6 clients are
// counted by their /64.
func TestClientAddress(t *testing.T) {
	// fiber's app.Test calls from 0.0.0.0.
	peer := []netip.Prefix{netip.MustParsePrefix("0.0.0.0/32")}
	for _, tc := range []struct {
		name      string
		trusted   []netip.Prefix
		forwarded string
		want      string
	}{
		{"no proxy trusted: the header is ignored", nil, "198.51.100.7", "0.0.0.0"},
		{"behind a trusted proxy", peer, "198.51.100.7", "198.51.100.7"},
		{"the last untrusted hop, not what the client wrote first", peer, "10.9.9.9, 198.51.100.7", "198.51.100.7"},
		{"proxies in a chain are skipped", append(peer, netip.MustParsePrefix("10.0.0.0/8")), "198.51.100.7, 10.1.2.3", "198.51.100.7"},
		{"garbage stops the walk", peer, "198.51.100.7, nonsense", "0.0.0.0"},
		{"IPv6 by its /64", peer, "2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"},
		{"IPv4 mapped into IPv6 is IPv4", peer, "::ffff:198.51.100.7", "198.51.100.7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := &limiter{Limits: Limits{TrustedProxies: tc.trusted}}
			app := fiber.New()
			app.Get("/", func(c *fiber.Ctx) error { return c.SendString(l.address(c)) })
			req := httptest.NewRequest("GET", "/", nil)
			req.Header.Set("X-Forwarded-For", tc.forwarded)
			res, err := app.Test(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(res.Body)
			if string(got) != tc.want {
				t.Errorf("address = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseRate(t *testing.T) {
	for in, want := range map[string]Rate{"60/1s": {60, 1e9}, " 10 / 6m ": {10, 360e9}} {
		if got, err := ParseRate(in); err != nil || got != want {
			t.Errorf("ParseRate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "60", "0/1s", "-1/1s", "60/0s", "60/soon", "many/1s"} {
		if _, err := ParseRate(bad); err == nil {
			t.Errorf("ParseRate(%q) accepted", bad)
		}
	}
}
