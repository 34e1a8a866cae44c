package app

import (
	"net/netip"
	"reflect"
	"testing"
	"time"

	"github.com/brobygger/brobygger/api"
)

func TestLimitsFromEnv(t *testing.T) {
	changed := api.DefaultLimits()
	changed.GuestsPerAddress = api.Rate{Burst: 120, Every: 500 * time.Millisecond}
	changed.StreamsPerUser = 3
	changed.LoginAccount.Failures = 10
	changed.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("192.0.2.1/32")}
	for _, tc := range []struct {
		name string
		env  map[string]string
		want api.Limits
	}{
		{"defaults", nil, api.DefaultLimits()},
		{"off for load tests", map[string]string{"BROBYGGER_RATE_LIMITS": "off", "BROBYGGER_LIMIT_GUESTS": "5/1s"}, api.Limits{}},
		{"each changed by its variable", map[string]string{
			"BROBYGGER_LIMIT_GUESTS":    "120/500ms",
			"BROBYGGER_LIMIT_STREAMS":   "3",
			"BROBYGGER_LOGIN_FAILURES":  "10",
			"BROBYGGER_TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.1",
		}, changed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cfg Config
			if err := limitsFromEnv(&cfg, func(k string) string { return tc.env[k] }); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(cfg.Limits, tc.want) {
				t.Errorf("limits = %+v\nwant %+v", cfg.Limits, tc.want)
			}
		})
	}
	for _, bad := range []map[string]string{
		{"BROBYGGER_RATE_LIMITS": "maybe"},
		{"BROBYGGER_LIMIT_MESSAGES": "10"},
		{"BROBYGGER_LIMIT_STREAMS": "0"},
		{"BROBYGGER_TRUSTED_PROXIES": "proxy.local"},
		{"BROBYGGER_PASSWORD_HASHES": "none"},
	} {
		var cfg Config
		if err := limitsFromEnv(&cfg, func(k string) string { return bad[k] }); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
