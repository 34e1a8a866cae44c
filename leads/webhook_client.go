package leads

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrInsideAddress means a webhook was about to connect to an address that
// is not on the public internet (loopback, private, link-local, multicast,
// unspecified, shared or reserved); the delivery fails and is retried on
// the usual schedule, so an organisation that fixes its DNS gets its leads.
var ErrInsideAddress = errors.New("webhook address is not on the internet")

// lookupFunc resolves a host name to its addresses, as
// net.Resolver.LookupNetIP does.
type lookupFunc func(ctx context.Context, network, host string) ([]netip.Addr, error)

// NewWebhookClient returns the HTTP client the worker delivers webhooks
// with. It resolves each host itself, refuses it when any of its addresses
// is inside (see insideAddress; loopback is allowed only with allowLoopback,
// the development switch), and connects to the checked address itself, so
// DNS cannot answer differently between the check and the connection; the
// dialer checks the address once more just before connecting. It uses no
// proxy, which would connect on its behalf unchecked, and never follows a
// redirect: a 3xx is returned as it is and counts as a failed delivery.
func NewWebhookClient(allowLoopback bool) *http.Client {
	return newWebhookClient(allowLoopback, net.DefaultResolver.LookupNetIP)
}

func newWebhookClient(allowLoopback bool, lookup lookupFunc) *http.Client {
	d := &guardedDialer{allowLoopback: allowLoopback, lookup: lookup}
	d.dialer = net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second, Control: d.control}
	return &http.Client{
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           d.dialContext,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          20,
			IdleConnTimeout:       90 * time.Second,
			TLSHandshakeTimeout:   5 * time.Second,
			ResponseHeaderTimeout: deliveryTimeout,
		},
		Timeout:       deliveryTimeout,
		CheckRedirect: neverRedirect,
	}
}

// neverRedirect hands a 3xx back as the answer: a redirect could send a
// signed lead somewhere the organisation never named, or from https to
// plain http.
func neverRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// guardedDialer connects only to addresses on the internet.
type guardedDialer struct {
	allowLoopback bool
	lookup        lookupFunc
	dialer        net.Dialer
}

// dialContext resolves address's host, refuses it if any of its addresses
// is inside (a name with one public and one private address is how
// rebinding attacks start), and dials the checked addresses in turn.
func (d *guardedDialer) dialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		lookupNet := "ip"
		switch network {
		case "tcp4":
			lookupNet = "ip4"
		case "tcp6":
			lookupNet = "ip6"
		}
		if ips, err = d.lookup(ctx, lookupNet, host); err != nil {
			return nil, err
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("%s has no address", host)
		}
	}
	for _, ip := range ips {
		if why := insideAddress(ip, d.allowLoopback); why != "" {
			return nil, fmt.Errorf("%s resolves to %s, %s: %w", host, ip.WithZone("").Unmap(), why, ErrInsideAddress)
		}
	}
	var errs []error
	for _, ip := range ips {
		conn, err := d.dialer.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
		if ctx.Err() != nil {
			break
		}
	}
	return nil, errors.Join(errs...)
}

// control checks the very address the socket is about to connect to, so
// that no path through the dialer reaches an inside address unchecked.
func (d *guardedDialer) control(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("connecting to %q: %w", address, ErrInsideAddress)
	}
	if why := insideAddress(ap.Addr(), d.allowLoopback); why != "" {
		return fmt.Errorf("connecting to %s, %s: %w", ap.Addr(), why, ErrInsideAddress)
	}
	return nil
}
