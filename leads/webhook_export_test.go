package leads

import (
	"context"
	"net/http"
	"net/netip"
)

// NewWebhookClientResolving is NewWebhookClient with its own resolver, so
// that a test can have a public-looking name resolve to 127.0.0.1, as DNS
// rebinding would.
func NewWebhookClientResolving(allowLoopback bool, lookup func(ctx context.Context, network, host string) ([]netip.Addr, error)) *http.Client {
	return newWebhookClient(allowLoopback, lookup)
}
