// Package funnel counts how far young people get across the bridge: from a
// conversation started, through suggestions seen, a first step chosen and
// a lead sent, to welcomed and belonging. It counts events kept without
// any message text, user id or conversation id: each names its
// conversation only by a keyed hash, so erasing a young person (and with
// them the conversation id) leaves counts that still add up and point at
// nobody. Every count shown goes through package counts: none under five,
// none that subtraction turns into a small group.
//
// funnel.go is pure: the stages, the events and the counting. The recorder
// turns the chat's and the leads' milestones into events.
package funnel

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"time"

	"github.com/brobygger/brobygger/counts"
)

// Stages, in order. The last three are about leads, so an organisation's
// funnel counts them for its own leads.
const (
	Started   = "conversation_started"
	Suggested = "suggestions_seen"
	Chosen    = "first_step_chosen"
	LeadSent  = "lead_sent"
	Welcomed  = "welcomed"
	Belongs   = "belongs"
)

// Stages is every stage, in order.
var Stages = []string{Started, Suggested, Chosen, LeadSent, Welcomed, Belongs}

// OrgStages are the stages an organisation's own funnel shows: from its
// opportunity chosen as a first step on.
var OrgStages = []string{Chosen, LeadSent, Welcomed, Belongs}

// Event is one conversation reaching one stage. ID makes recording
// idempotent: the same conversation reaching the same stage (for the same
// opportunity) is one event.
type Event struct {
	ID    string    `json:"id"`
	Key   string    `json:"key"`
	Stage string    `json:"stage"`
	At    time.Time `json:"at"`
	// What is known of the young person and where the step led, for
	// filters; empty when not known at the time.
	Municipality string `json:"municipality,omitempty"`
	AgeBand      string `json:"age_band,omitempty"`
	OrgID        string `json:"org_id,omitempty"`
	ClassID      string `json:"class_id,omitempty"`
}

// Keyer names conversations in events by a keyed hash of their id: the
// same conversation always gets the same key, and without the conversation
// id (erased with the young person) and the secret no key leads back.
type Keyer []byte

// Key is the conversation's key.
func (k Keyer) Key(conversationID string) string {
	m := hmac.New(sha256.New, k)
	m.Write([]byte("funnel:" + conversationID))
	return hex.EncodeToString(m.Sum(nil))[:24]
}

// NewEvent is the event of a conversation (by key) reaching stage; part
// distinguishes events a conversation can have several of (one per
// opportunity chosen, per lead).
func NewEvent(key, stage, part string, at time.Time) Event {
	id := key + ":" + stage
	if part != "" {
		id += ":" + part
	}
	return Event{ID: id, Key: key, Stage: stage, At: at}
}

// Filter narrows a funnel. Zero fields do not filter.
type Filter struct {
	// From and To bound when the conversations started (To exclusive).
	From, To     time.Time
	Municipality string
	AgeBand      string
	// OrgID makes it an organisation's funnel: its OrgStages, for its
	// opportunities and leads only.
	OrgID string
	// ClassIDs makes it a facilitator's funnel: conversations in these
	// class sessions only.
	ClassIDs []string
}

// StageCount is one stage's count; nil when it is hidden.
type StageCount struct {
	Stage string `json:"stage"`
	Count *int   `json:"count"`
}

// conversation is what the events say of one conversation.
type conversation struct {
	started      time.Time
	hasStart     bool
	municipality string
	ageBand      string
	classes      []string
	// furthest is the index of the furthest stage reached, among the
	// stages counted; -1 when none.
	furthest int
}

// Count is the funnel the events show under the filter: how many
// conversations reached each stage (a conversation counts at every stage
// up to its furthest, so each count is within the one before), with small
// counts hidden.
func Count(events []Event, f Filter) []StageCount {
	stages := Stages
	if f.OrgID != "" {
		stages = OrgStages
	}
	convs := map[string]*conversation{}
	for _, e := range events {
		c := convs[e.Key]
		if c == nil {
			c = &conversation{furthest: -1}
			convs[e.Key] = c
		}
		// What is known of the young person is what the latest event knew.
		if e.Municipality != "" {
			c.municipality = e.Municipality
		}
		if e.AgeBand != "" {
			c.ageBand = e.AgeBand
		}
		if e.ClassID != "" && !slices.Contains(c.classes, e.ClassID) {
			c.classes = append(c.classes, e.ClassID)
		}
		if e.Stage == Started && (!c.hasStart || e.At.Before(c.started)) {
			c.started, c.hasStart = e.At, true
		}
		if f.OrgID != "" && e.OrgID != f.OrgID {
			continue
		}
		if i := slices.Index(stages, e.Stage); i > c.furthest {
			c.furthest = i
		}
	}
	reached := make([]int, len(stages))
	for _, c := range convs {
		if !f.keeps(c) {
			continue
		}
		for i := 0; i <= c.furthest; i++ {
			reached[i]++
		}
	}
	shown := counts.Protect(reached[0], reached[1:], true)
	out := make([]StageCount, len(stages))
	for i, s := range stages {
		out[i] = StageCount{Stage: s, Count: shown[i]}
	}
	return out
}

func (f Filter) keeps(c *conversation) bool {
	switch {
	case c.furthest < 0:
		return false
	case (!f.From.IsZero() || !f.To.IsZero()) && !c.hasStart:
		return false
	case !f.From.IsZero() && c.started.Before(f.From):
		return false
	case !f.To.IsZero() && !c.started.Before(f.To):
		return false
	case f.Municipality != "" && c.municipality != f.Municipality:
		return false
	case f.AgeBand != "" && c.ageBand != f.AgeBand:
		return false
	case f.ClassIDs != nil && !slices.ContainsFunc(c.classes, func(id string) bool { return slices.Contains(f.ClassIDs, id) }):
		return false
	}
	return true
}
