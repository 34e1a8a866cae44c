package leads

import (
	"errors"
	"strings"
	"testing"
)

// TestCheckWebhookURLRefusesEveryFormOfInside: the probe's URLs and their
// relatives, in every spelling a resolver accepts, are refused with a
// reason; the development switch lets loopback through and nothing else.
func TestCheckWebhookURLRefusesEveryFormOfInside(t *testing.T) {
	for _, tc := range []struct {
		url string
		why string // part of the reason, "" when the URL is accepted
		dev bool   // accepted with the development switch
	}{
		{"https://crm.example.org/brobygger", "", true},
		{"https://93.184.215.14/hook", "", true},
		{"https://[2606:4700::1111]/hook", "", true},
		{"https://1.2.3/hook", "", true}, // inet_aton's 1.2.0.3, a public address

		{"https://127.0.0.1/hook", "loopback", true},
		{"https://127.0.0.1./hook", "loopback", true},
		{"https://127.1/hook", "loopback", true},
		{"https://127.000.000.001/hook", "loopback", true},
		{"https://2130706433/hook", "loopback", true},
		{"https://0x7f000001/hook", "loopback", true},
		{"https://0X7F000001/hook", "loopback", true},
		{"https://017700000001/hook", "loopback", true},
		{"https://0x7f.1/hook", "loopback", true},
		{"https://[::1]/hook", "loopback", true},
		{"https://[::ffff:127.0.0.1]/hook", "loopback", true},
		{"https://[::ffff:7f00:1]/hook", "loopback", true},
		{"https://[64:ff9b::7f00:1]/hook", "loopback", true},
		{"https://localhost/hook", "this machine", true},
		{"https://LOCALHOST./hook", "this machine", true},
		{"https://api.localhost/hook", "this machine", true},
		{"http://127.0.0.1:8080/hook", "https", true},

		{"https://0.0.0.0/hook", "unspecified", false},
		{"https://0/hook", "unspecified", false},
		{"https://[::]/hook", "unspecified", false},
		{"https://10.1.2.3/hook", "private", false},
		{"https://172.16.0.1/hook", "private", false},
		{"https://172.31.255.255/hook", "private", false},
		{"https://192.168.1.1/hook", "private", false},
		{"https://[fc00::1]/hook", "private", false},
		{"https://[fd00:ec2::254]/hook", "private", false},
		{"https://169.254.169.254/latest/meta-data/", "link-local", false},
		{"https://0xa9fea9fe/", "link-local", false},
		{"https://[::ffff:169.254.169.254]/", "link-local", false},
		{"https://[fe80::1%25eth0]/hook", "link-local", false},
		{"https://224.0.0.1/hook", "multicast", false},
		{"https://[ff02::1]/hook", "multicast", false},
		{"https://100.64.0.1/hook", "carrier-grade NAT", false},
		{"https://100.127.255.254/hook", "carrier-grade NAT", false},
		{"https://255.255.255.255/hook", "broadcast", false},
		{"https://[2002:a00:1::]/hook", "private", false}, // 6to4 around 10.0.0.1
		{"https://metadata.google.internal/computeMetadata/v1/", "metadata", false},
		{"https://metadata.google.internal./computeMetadata/v1/", "metadata", false},
		{"https://metadata/computeMetadata/v1/", "metadata", false},
		{"https://instance-data/latest/", "metadata", false},
		{"https://instance-data.ec2.internal/latest/", "metadata", false},
		{"https://intranet/hook", "local network", false},
		{"https://printer.local/hook", "private network", false},
		{"https://db.svc.internal/hook", "private network", false},
		{"https://256.1.1.1.1/hook", "neither a name nor an address", false},
		{"https://0x1ffffffff/hook", "neither a name nor an address", false},
		{"https://ｌｏｃａｌｈｏｓｔ/hook", "xn--", false},
		{"https://:443/hook", "no host", false},
	} {
		err := CheckWebhookURL(tc.url, false)
		switch {
		case tc.why == "" && err != nil:
			t.Errorf("%s: refused: %v", tc.url, err)
		case tc.why != "" && err == nil:
			t.Errorf("%s: accepted, want refused as %s", tc.url, tc.why)
		case tc.why != "" && (!errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.why)):
			t.Errorf("%s: %v; want an ErrInvalid naming %q", tc.url, err, tc.why)
		}
		if err := CheckWebhookURL(tc.url, true); (err == nil) != tc.dev {
			t.Errorf("%s with the development switch: err = %v, want accepted %v", tc.url, err, tc.dev)
		}
	}
}
