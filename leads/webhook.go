package leads

import (
	"fmt"
	"net/url"
	"time"
)

// Webhook is where an organisation receives its leads' events.
type Webhook struct {
	OrganisationID string    `json:"organisation_id"`
	URL            string    `json:"url"`
	Secret         string    `json:"secret"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// CheckWebhookURL accepts https URLs of servers on the internet. Leads
// carry personal data, so plain http is refused, and so is any host that
// means this machine, the network it stands in or a cloud's metadata
// service, in whatever form it is written (see insideHost). allowHTTP is
// the development switch (BROBYGGER_ALLOW_HTTP_WEBHOOKS): it lets plain
// http and loopback through, for tests and local development, and nothing
// else. The worker checks the addresses it connects to again.
func CheckWebhookURL(raw string, allowHTTP bool) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return fmt.Errorf("webhook url: %w: %w", ErrInvalid, err)
	case u.Host == "" || u.Hostname() == "":
		return fmt.Errorf("webhook url %q has no host: %w", raw, ErrInvalid)
	case u.User != nil:
		return fmt.Errorf("webhook url must not hold a user or password: %w", ErrInvalid)
	case u.Scheme != "https" && !(u.Scheme == "http" && allowHTTP):
		return fmt.Errorf("webhook url %q must use https: %w", raw, ErrInvalid)
	}
	return checkWebhookHost(u, raw, allowHTTP)
}

// RetrySchedule is how long to wait after each failed attempt at a job:
// after the first failure 30 seconds, then 2 minutes, 10 minutes, an hour
// and six hours. Quick retries cover a blip; the long tail covers an
// organisation's server being down for an afternoon.
var RetrySchedule = []time.Duration{30 * time.Second, 2 * time.Minute, 10 * time.Minute, time.Hour, 6 * time.Hour}

// MaxAttempts is how often a job is tried before it is given up.
var MaxAttempts = len(RetrySchedule) + 1

// Backoff says how long to wait after the given number of failed attempts,
// or false when the job should be given up.
func Backoff(failures int) (time.Duration, bool) {
	if failures < 1 || failures > len(RetrySchedule) {
		return 0, false
	}
	return RetrySchedule[failures-1], true
}

// Delivery is the JSON body of a webhook request: one event and the lead
// as it is when the request is sent. It holds what the young person agreed
// to share and nothing else; their user id never leaves Brobygger.
type Delivery struct {
	// ID is the same as the Idempotency-Key header.
	ID    string        `json:"id"`
	Type  string        `json:"type"`
	Event Event         `json:"event"`
	Lead  DeliveredLead `json:"lead"`
}

// DeliveredLead is a lead as an organisation sees it.
type DeliveredLead struct {
	ID               string    `json:"id"`
	OrganisationID   string    `json:"organisation_id"`
	OpportunityID    string    `json:"opportunity_id"`
	OpportunityTitle string    `json:"opportunity_title"`
	Status           string    `json:"status"`
	Shared           Shared    `json:"shared"`
	Friends          int       `json:"friends"`
	CreatedAt        time.Time `json:"created_at"`
	// BridgeStage is where the young person stands; FirstVisit how their
	// first visit went in their own answer (never their words), and
	// FirstStepAt the first step they are coming to.
	BridgeStage string     `json:"bridge_stage"`
	FirstVisit  string     `json:"first_visit,omitempty"`
	FirstStepAt *time.Time `json:"first_step_at,omitempty"`
}

// NewDelivery builds the body that announces event e of lead l.
func NewDelivery(l Lead, e Event) Delivery {
	d := Delivery{ID: webhookJobID(l.ID, e.Seq), Type: e.Type, Event: e, Lead: DeliveredLead{
		ID: l.ID, OrganisationID: l.OrganisationID, OpportunityID: l.OpportunityID,
		OpportunityTitle: l.OpportunityTitle, Status: l.Status, Shared: l.Shared,
		Friends: len(l.FriendIDs), CreatedAt: l.CreatedAt, BridgeStage: l.BridgeStage, FirstVisit: l.FirstVisit,
	}}
	if l.FirstStep != nil {
		d.Lead.FirstStepAt = l.FirstStep.StartsAt
	}
	return d
}
