package api_test

import (
	"strings"
	"testing"
)

// TestWebhookThatPointsInsideIsRefused: every URL the probe got accepted,
// and their relatives, is refused with a 422 problem that says why, and
// nothing is stored; a URL on the internet is still accepted.
func TestWebhookThatPointsInsideIsRefused(t *testing.T) {
	orgID, staff := newOrganisation(t, "Indenfor")
	path := "/v1/orgs/" + orgID + "/webhook"
	for url, why := range map[string]string{
		"https://127.0.0.1/hook":                            "loopback",
		"https://127.0.0.1./hook":                           "loopback",
		"https://127.1/hook":                                "loopback",
		"https://2130706433/hook":                           "loopback",
		"https://0x7f000001/hook":                           "loopback",
		"https://[::1]/hook":                                "loopback",
		"https://[::ffff:127.0.0.1]/hook":                   "loopback",
		"https://localhost/hook":                            "this machine",
		"https://localhost./hook":                           "this machine",
		"https://0.0.0.0/hook":                              "unspecified",
		"https://[::]/hook":                                 "unspecified",
		"https://10.0.0.8/hook":                             "private",
		"https://172.16.4.2/hook":                           "private",
		"https://192.168.0.10/hook":                         "private",
		"https://[fd12:3456::1]/hook":                       "private",
		"https://169.254.169.254/latest/meta-data/":         "link-local",
		"https://[fe80::1]/hook":                            "link-local",
		"https://239.1.2.3/hook":                            "multicast",
		"https://100.64.1.1/hook":                           "carrier-grade NAT",
		"https://metadata.google.internal/computeMetadata/": "metadata",
		"https://metadata/computeMetadata/":                 "metadata",
		"https://instance-data/latest/":                     "metadata",
	} {
		res := staff.do("PUT", path, map[string]string{"url": url})
		if res.Status != 422 {
			t.Errorf("%s: %d, want 422", url, res.Status)
			continue
		}
		p := res.json(t)
		if detail, _ := p["detail"].(string); p["type"] != "https://brobygger.dk/problems/invalid" || !strings.Contains(detail, why) {
			t.Errorf("%s: problem %v; want it to say %q", url, p, why)
		}
	}
	if res := staff.do("GET", path, nil); res.Status != 404 {
		t.Errorf("after refused URLs a webhook is stored: %d %s", res.Status, res.Body)
	}
	if res := staff.do("PUT", path, map[string]string{"url": "https://crm.example.org/brobygger"}); res.Status != 200 {
		t.Errorf("a webhook on the internet: %d %s", res.Status, res.Body)
	}
}
