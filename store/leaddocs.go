package store

import (
	"time"

	"github.com/brobygger/brobygger/leads"
)

// The lead domain's records as stored. Each has the shape of its leads type,
// so they convert into each other, and names its fields itself, so the
// lead domain carries no storage tags. Nested values (what is shared, the
// events, the thread, a job's payload) are stored under their JSON names.

type leadDoc struct {
	ID               string                `bson:"_id"`
	OrganisationID   string                `bson:"organisation_id"`
	OrganisationName string                `bson:"organisation_name"`
	OpportunityID    string                `bson:"opportunity_id"`
	OpportunityTitle string                `bson:"opportunity_title"`
	YouthID          string                `bson:"youth_id"`
	ConversationID   string                `bson:"conversation_id"`
	Lang             string                `bson:"lang"`
	Shared           leads.Shared          `bson:"shared"`
	ContactAgreedAt  *time.Time            `bson:"contact_agreed_at,omitempty"`
	Status           string                `bson:"status"`
	FriendIDs        []string              `bson:"friend_ids"`
	MaxFriends       int                   `bson:"max_friends"`
	CreatedAt        time.Time             `bson:"created_at"`
	UpdatedAt        time.Time             `bson:"updated_at"`
	FirstAnsweredAt  *time.Time            `bson:"first_answered_at,omitempty"`
	RemindedAt       *time.Time            `bson:"reminded_at,omitempty"`
	Events           []leads.Event         `bson:"events"`
	Thread           []leads.ThreadMessage `bson:"thread"`
	FirstStep        *leads.FirstStep      `bson:"first_step,omitempty"`
	Commitment       string                `bson:"commitment,omitempty"`
	BridgeStage      string                `bson:"bridge_stage"`
	BridgeStages     []leads.StageChange   `bson:"bridge_stages"`
	FirstVisit       string                `bson:"first_visit,omitempty"`
	Belonging        string                `bson:"belonging,omitempty"`
	Reschedules      int                   `bson:"reschedules,omitempty"`
	Version          int64                 `bson:"version"`
}

type inviteDoc struct {
	Code      string    `bson:"_id"`
	LeadID    string    `bson:"lead_id"`
	CreatedAt time.Time `bson:"created_at"`
	ExpiresAt time.Time `bson:"expires_at"`
}

type jobDoc struct {
	ID         string        `bson:"_id"`
	Kind       string        `bson:"kind"`
	DueAt      time.Time     `bson:"due_at"`
	Attempts   int           `bson:"attempts"`
	LeaseOwner string        `bson:"lease_owner"`
	LeaseUntil *time.Time    `bson:"lease_until"`
	Payload    leads.Payload `bson:"payload"`
	Done       bool          `bson:"done"`
	DoneAt     *time.Time    `bson:"done_at,omitempty"`
	LastError  string        `bson:"last_error,omitempty"`
	CreatedAt  time.Time     `bson:"created_at"`
}

type webhookDoc struct {
	OrganisationID string    `bson:"_id"`
	URL            string    `bson:"url"`
	Secret         string    `bson:"secret"`
	UpdatedAt      time.Time `bson:"updated_at"`
}

// toLeads converts stored leads.
func toLeads(docs []leadDoc) []leads.Lead {
	out := make([]leads.Lead, len(docs))
	for i, d := range docs {
		out[i] = leads.Lead(d)
	}
	return out
}
