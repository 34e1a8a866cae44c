package leads

import (
	"fmt"
	"time"
)

// Job kinds.
const (
	// KindWebhook delivers one event of a lead to the organisation's webhook.
	KindWebhook = "webhook"
	// KindNotice tells the young person about one event in the chat.
	KindNotice = "youth_notice"
	// KindReminder reminds the organisation of a lead nobody touched for RemindAfter.
	KindReminder = "lead_reminder"
	// KindNoResponse closes a lead nobody touched for NoResponseAfter.
	KindNoResponse = "lead_no_response"
)

// How long an organisation has before it is reminded of a lead, and before
// the lead is closed as no_response and the young person offered another way in.
const (
	RemindAfter     = 3 * 24 * time.Hour
	NoResponseAfter = 7 * 24 * time.Hour
)

// Job is work the Worker does when it falls due, stored in the outbox so it
// survives restarts and is done at least once. A job names a lead and one of
// its events and holds nothing personal: the worker reads what it needs from
// the lead when it runs, so erasing the lead makes its jobs do nothing.
type Job struct {
	// ID makes enqueueing idempotent, and for webhooks is the delivery's
	// Idempotency-Key.
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`
	DueAt    time.Time `json:"due_at"`
	Attempts int       `json:"attempts"`
	// LeaseOwner is the worker running the job until LeaseUntil; once that
	// passes another worker may claim it.
	LeaseOwner string     `json:"lease_owner"`
	LeaseUntil *time.Time `json:"lease_until"`
	Payload    Payload    `json:"payload"`
	Done       bool       `json:"done"`
	DoneAt     *time.Time `json:"done_at,omitempty"`
	// LastError says why the last attempt failed, or why the job was given up.
	LastError string    `json:"last_error,omitempty"`
	CreatedAt time.Time `json:"created_at"`
}

// Payload says what a job is about.
type Payload struct {
	LeadID string `json:"lead_id"`
	// Seq is the lead's event, for webhooks and notices.
	Seq int `json:"seq,omitempty"`
	// UserID is the young person a job without a lead is for (a push
	// message); pseudonymous, like every user id.
	UserID string `json:"user_id,omitempty" bson:"user_id,omitempty"`
	// Step names the step of a multi-step job kind (a check-in's before,
	// after or belong).
	Step string `json:"step,omitempty" bson:"step,omitempty"`
}

// Job ids. Deterministic ids make enqueueing the same work twice harmless.
func webhookJobID(leadID string, seq int) string { return fmt.Sprintf("webhook:%s:%d", leadID, seq) }
func noticeJobID(leadID string, seq int) string  { return fmt.Sprintf("notice:%s:%d", leadID, seq) }
func reminderJobID(leadID string) string         { return KindReminder + ":" + leadID }
func noResponseJobID(leadID string) string       { return KindNoResponse + ":" + leadID }

// WebhookJob is the job that delivers one event of a lead.
func WebhookJob(leadID string, seq int, due time.Time) Job {
	return Job{ID: webhookJobID(leadID, seq), Kind: KindWebhook, DueAt: due, Payload: Payload{LeadID: leadID, Seq: seq}}
}

// NoticeJob is the job that tells the young person about one event of their lead.
func NoticeJob(leadID string, seq int, due time.Time) Job {
	return Job{ID: noticeJobID(leadID, seq), Kind: KindNotice, DueAt: due, Payload: Payload{LeadID: leadID, Seq: seq}}
}
