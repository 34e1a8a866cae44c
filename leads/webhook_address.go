package leads

import (
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
)

// Webhooks carry signed leads with personal data, so they may only go out
// to the internet: never to this machine, the network it stands in, or a
// cloud's metadata service. The same rules are checked twice: on the URL
// when staff set it (CheckWebhookURL), so a mistake is named at once, and on
// every address the worker is about to connect to (NewWebhookClient), so a
// name that resolves somewhere else later — DNS rebinding — gets nowhere.

// insideRange is a block of addresses a webhook may not reach, and what to
// call it when refusing one.
type insideRange struct {
	prefix netip.Prefix
	what   string
}

// loopbackWhat is what loopback addresses are called; the development
// switch lets them through and nothing else.
const loopbackWhat = "a loopback address"

// insideRanges are the blocks of RFC 6890 and friends that are not the
// public internet. The list is checked in order, so narrow blocks come
// before the wide ones that hold them.
var insideRanges = func() []insideRange {
	var out []insideRange
	for _, r := range []struct{ cidr, what string }{
		{"0.0.0.0/32", "the unspecified address"},
		{"0.0.0.0/8", "a 'this network' address"},
		{"10.0.0.0/8", "a private address"},
		{"100.64.0.0/10", "a shared (carrier-grade NAT) address"},
		{"127.0.0.0/8", loopbackWhat},
		{"169.254.0.0/16", "a link-local address (where clouds keep their metadata service)"},
		{"172.16.0.0/12", "a private address"},
		{"192.0.0.0/24", "an IETF protocol address"},
		{"192.168.0.0/16", "a private address"},
		{"198.18.0.0/15", "a benchmarking address"},
		{"224.0.0.0/4", "a multicast address"},
		{"240.0.0.0/4", "a reserved or broadcast address"},
		{"::/128", "the unspecified address"},
		{"::1/128", loopbackWhat},
		{"::/96", "an IPv4-compatible address"},
		{"100::/64", "a discard address"},
		{"fc00::/7", "a private (unique local) address"},
		{"fe80::/10", "a link-local address"},
		{"fec0::/10", "a site-local address"},
		{"ff00::/8", "a multicast address"},
	} {
		out = append(out, insideRange{netip.MustParsePrefix(r.cidr), r.what})
	}
	return out
}()

// embeddingPrefixes carry an IPv4 address inside an IPv6 one (NAT64 and
// 6to4); the IPv4 address is checked as well.
var (
	nat64Prefix = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour   = netip.MustParsePrefix("2002::/16")
)

// insideAddress says why a webhook may not be sent to ip — "a loopback
// address", "a private address" and so on — or "" when it may. Loopback is
// allowed only with allowLoopback, the development switch.
func insideAddress(ip netip.Addr, allowLoopback bool) string {
	ip = ip.WithZone("").Unmap()
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64Prefix.Contains(ip):
			return insideAddress(netip.AddrFrom4([4]byte(b[12:16])), allowLoopback)
		case sixToFour.Contains(ip):
			return insideAddress(netip.AddrFrom4([4]byte(b[2:6])), allowLoopback)
		}
	}
	for _, r := range insideRanges {
		if r.prefix.Contains(ip) {
			if r.what == loopbackWhat && allowLoopback {
				return ""
			}
			return r.what
		}
	}
	return ""
}

// metadataHosts are the names clouds give their instance metadata
// services, which hand out credentials to whoever asks from inside.
var metadataHosts = map[string]bool{
	"metadata":                     true,
	"metadata.google.internal":     true,
	"metadata.goog":                true,
	"instance-data":                true,
	"instance-data.ec2.internal":   true,
	"metadata.azure.com":           true,
	"metadata.platformequinix.com": true,
}

// insideSuffixes are name endings that only ever mean a private network
// (RFC 6761, 6762, 8375 and the clouds' internal zones).
var insideSuffixes = []string{".localhost", ".local", ".internal", ".home.arpa", ".localdomain", ".lan", ".intranet", ".corp"}

// insideHost says why a webhook may not be sent to the host of a URL, or ""
// when nothing about the host itself forbids it (its addresses are checked
// again when connecting). It reads hosts the way resolvers do: a trailing
// dot, capitals, IPv6 in brackets with zones and mapped IPv4, and the old
// inet_aton forms "127.1", "2130706433" and "0x7f000001".
func insideHost(host string, allowLoopback bool) string {
	name := strings.TrimSuffix(strings.ToLower(host), ".")
	if ip, err := netip.ParseAddr(name); err == nil {
		if why := insideAddress(ip, allowLoopback); why != "" {
			return fmt.Sprintf("%s is %s", ip.WithZone("").Unmap(), why)
		}
		return ""
	}
	if ip, numeric, ok := parseInetAton(name); numeric {
		if !ok {
			return fmt.Sprintf("%q is neither a name nor an address", host)
		}
		if why := insideAddress(ip, allowLoopback); why != "" {
			return fmt.Sprintf("%q means %s, which is %s", host, ip, why)
		}
		return ""
	}
	for _, r := range name {
		if r > 0x7e || r < 0x21 {
			return fmt.Sprintf("%q has characters outside ASCII; write the name in its xn-- form", host)
		}
	}
	switch {
	case name == "" || name == "localhost" || strings.HasSuffix(name, ".localhost"):
		if allowLoopback && name != "" {
			return ""
		}
		return fmt.Sprintf("%q is this machine (%s)", host, loopbackWhat)
	case metadataHosts[name]:
		return fmt.Sprintf("%q is a cloud metadata service", host)
	case !strings.Contains(name, "."):
		return fmt.Sprintf("%q is a name on a local network, not a full internet name", host)
	}
	for _, s := range insideSuffixes {
		if strings.HasSuffix(name, s) {
			return fmt.Sprintf("%q ends in %s, which names a private network", host, s)
		}
	}
	return ""
}

// parseInetAton reads an IPv4 address as inet_aton does, which is how many
// resolvers read a host made only of numbers: one to four parts, each
// decimal, octal (a leading 0) or hexadecimal (0x), the last part filling
// the bytes left. numeric reports whether host looks like such an address
// at all; ok whether it is a valid one.
func parseInetAton(host string) (ip netip.Addr, numeric, ok bool) {
	parts := strings.Split(host, ".")
	if len(parts) == 0 || len(parts) > 4 {
		return netip.Addr{}, looksNumeric(parts), false
	}
	if !looksNumeric(parts) {
		return netip.Addr{}, false, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		base, digits := 10, p
		switch {
		case strings.HasPrefix(p, "0x"):
			base, digits = 16, p[2:]
			if digits == "" {
				digits = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, digits = 8, p[1:]
		}
		v, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return netip.Addr{}, true, false
		}
		vals[i] = v
	}
	var n uint64
	last := len(vals) - 1
	for i, v := range vals[:last] {
		if v > 0xff {
			return netip.Addr{}, true, false
		}
		n |= v << (8 * (3 - i))
	}
	if vals[last] >= 1<<(8*(4-last)) {
		return netip.Addr{}, true, false
	}
	n |= vals[last]
	return netip.AddrFrom4([4]byte{byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}), true, true
}

// looksNumeric reports whether every part is digits, or 0x and hex digits:
// no DNS name is made only of such labels, so resolvers take it as an
// address.
func looksNumeric(parts []string) bool {
	for _, p := range parts {
		if p == "" {
			return false
		}
		digits, hex := p, false
		if strings.HasPrefix(p, "0x") {
			digits, hex = p[2:], true
		}
		for _, r := range digits {
			isDigit := r >= '0' && r <= '9'
			isHex := r >= 'a' && r <= 'f'
			if !isDigit && !(hex && isHex) {
				return false
			}
		}
	}
	return true
}

// checkWebhookHost refuses a webhook URL whose host is inside; see insideHost.
func checkWebhookHost(u *url.URL, raw string, allowLoopback bool) error {
	if why := insideHost(u.Hostname(), allowLoopback); why != "" {
		return fmt.Errorf("webhook url %q must reach a server on the internet: %s: %w", raw, why, ErrInvalid)
	}
	return nil
}
