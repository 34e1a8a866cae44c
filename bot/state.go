package bot

import (
	"slices"
	"time"

	"github.com/brobygger/brobygger/match"
)

// State is everything the engine remembers between turns. It is one plain,
// serialisable value: the store saves it as it is, and tests save and reload
// it between every turn.
type State struct {
	Flow    string  `json:"flow"`
	Lang    string  `json:"lang"`
	Started bool    `json:"started"`
	Profile Profile `json:"profile"`
	// Asking is the slot of the question the bot asked last, if any.
	Asking string `json:"asking,omitempty"`
	// Pending is a follow-up question about a card, such as why it was not a fit.
	Pending *Pending `json:"pending,omitempty"`
	// Shown are the opportunity ids on the latest cards; Seen every id shown so far.
	Shown []string `json:"shown,omitempty"`
	Seen  []string `json:"seen,omitempty"`
	// Chosen are the opportunities the young person said yes to.
	Chosen []Choice `json:"chosen,omitempty"`
	// Draft is a lead being prepared: what would be shared, before consent.
	Draft      *LeadDraft        `json:"draft,omitempty"`
	Rejections []match.Rejection `json:"rejections,omitempty"`
	// Stopped is set when the conversation may not go on, e.g. "under_13".
	Stopped string `json:"stopped,omitempty"`
	// Crisis is true while the bot has left the flow to point to help: it
	// stays with the young person until they choose to go back.
	Crisis bool `json:"crisis,omitempty"`
	// Concern is true after a warm check-in on a message that showed
	// distress without a clear sign of crisis.
	Concern bool     `json:"concern,omitempty"`
	Consent *Consent `json:"consent,omitempty"`
	// PendingCases are safeguarding cases raised in this conversation that
	// are not stored for staff yet.
	PendingCases []SafeguardingCase `json:"pending_cases,omitempty"`
	// PendingLeads are warm leads the young person agreed to send that are
	// not stored for the organisation yet: the outbox of the turns that
	// raised them, delivered after each turn and by a sweeper until stored.
	PendingLeads []LeadRequest `json:"pending_leads,omitempty"`
	Seq          int           `json:"seq"`
	// Turns counts the engine's turns; varied replies are picked by it, so
	// the same conversation always says the same.
	Turns int `json:"turns,omitempty"`
	// Widened is set when the young person asked to search further away
	// than their usual reach.
	Widened bool `json:"widened,omitempty"`
	// Unclear counts the messages in a row the bot could not use, so that
	// after two it offers the buttons that fit instead of asking again.
	Unclear int `json:"unclear,omitempty"`
	// ClientIDs are the latest client message ids: a retry of one of them
	// is recognised without a read. An id whose message moves out of the
	// latest messages is also kept as a ClientMessage in the store, which
	// is what keeps a retry however old from being stored twice.
	ClientIDs []string `json:"client_ids,omitempty"`
	// Class is the school session the conversation counts in, if any.
	Class *Class `json:"class,omitempty"`
	// FollowUps is what the chat keeps about check-ins after a lead.
	FollowUps *FollowUps `json:"follow_ups,omitempty"`
	// Referral is the professional who sent the young person here, if
	// any, and whether they may follow along (referral.go).
	Referral *Referral `json:"referral,omitempty"`
}

// maxClientIDs bounds how many client message ids the state itself keeps;
// older ones are known by their ClientMessage.
const maxClientIDs = 100

// ClientMessage is the lasting key of an answered user message: the app's
// client message id in one conversation, the message it became and the
// bot's replies to it. A retry that finds it gets those replies again.
type ClientMessage struct {
	ConversationID  string
	ClientMessageID string
	// MessageID is the stored user message; ReplyIDs are the turn's replies.
	MessageID string
	ReplyIDs  []string
}

func (st *State) rememberClientID(id string) {
	st.ClientIDs = append(st.ClientIDs, id)
	if len(st.ClientIDs) > maxClientIDs {
		st.ClientIDs = st.ClientIDs[len(st.ClientIDs)-maxClientIDs:]
	}
}

// Pending is a question about one opportunity that awaits an answer.
type Pending struct {
	Kind          string `json:"kind"`
	OpportunityID string `json:"opportunity_id"`
}

// LeadDraft is a warm lead the young person is preparing.
type LeadDraft struct {
	OpportunityID string `json:"opportunity_id"`
	Message       string `json:"message,omitempty"`
	// Contact is a phone number or e-mail the young person typed in their
	// message to the organisation; it is shown before they agree to send it.
	Contact       string `json:"contact,omitempty"`
	ContactMethod string `json:"contact_method,omitempty"`
}

// Choice records a "Det vil jeg gerne".
type Choice struct {
	OpportunityID string    `json:"opportunity_id"`
	At            time.Time `json:"at"`
	// LeadSent is true once the organisation got the young person's interest.
	LeadSent bool `json:"lead_sent,omitempty"`
}

// Consent records that the young person agreed to the bot remembering their
// answers, and which version of the greeting they agreed to.
type Consent struct {
	Text    string    `json:"text"`
	Version int       `json:"version"`
	At      time.Time `json:"at"`
}

// Profile is what the young person told the bot, used for matching.
type Profile struct {
	Age int `json:"age,omitempty"`
	// Interests are taxonomy ids; InterestWords keeps the user's own words for them.
	Interests      []string          `json:"interests,omitempty"`
	InterestWords  map[string]string `json:"interest_words,omitempty"`
	InterestsKnown bool              `json:"interests_known,omitempty"`
	// NotInterests are interests the young person ruled out ("ikke noget
	// med blod"): never suggested.
	NotInterests []string `json:"not_interests,omitempty"`
	Slots        []string `json:"slots,omitempty"`
	WhenKnown    bool     `json:"when_known,omitempty"`
	Commitment   string   `json:"commitment,omitempty"`
	CommitKnown  bool     `json:"commitment_known,omitempty"`
	Postcode     string   `json:"postcode,omitempty"`
	Town         string   `json:"town,omitempty"`
	Municipality string   `json:"municipality,omitempty"`
	Lat          float64  `json:"lat,omitempty"`
	Lon          float64  `json:"lon,omitempty"`
	// Landmass is the island the young person lives on (see geo).
	Landmass string `json:"landmass,omitempty"`
	Online   bool   `json:"online,omitempty"`
	Group    string `json:"group,omitempty"`
	// GroupSize is how many would come, when the young person said (a
	// class); 0 leaves it to the kind of group.
	GroupSize int `json:"group_size,omitempty"`
	// Nickname is what an organisation may call the young person; asked
	// only when they want to send a lead.
	Nickname string `json:"nickname,omitempty"`
}

// Known reports whether the slot has an answer.
func (p *Profile) Known(slot string) bool {
	switch slot {
	case "age":
		return p.Age > 0
	case "interests":
		return p.InterestsKnown
	case "when":
		return p.WhenKnown
	case "commitment":
		return p.CommitKnown
	case "place":
		return p.Online || p.Municipality != ""
	case "group":
		return p.Group != ""
	}
	return false
}

// Forget clears one slot so the bot asks for it again.
func (p *Profile) Forget(slot string) {
	switch slot {
	case "age":
		p.Age = 0
	case "interests":
		p.Interests, p.InterestWords, p.InterestsKnown, p.NotInterests = nil, nil, false, nil
	case "when":
		p.Slots, p.WhenKnown = nil, false
	case "commitment":
		p.Commitment, p.CommitKnown = "", false
	case "place":
		p.Postcode, p.Town, p.Municipality, p.Lat, p.Lon, p.Online, p.Landmass = "", "", "", 0, 0, false, ""
	case "group":
		p.Group, p.GroupSize = "", 0
	}
}

// Empty reports whether nothing is stored.
func (p *Profile) Empty() bool {
	for _, s := range slotOrder {
		if p.Known(s) {
			return false
		}
	}
	return true
}

// slotOrder lists slots in the order they are shown to the user.
var slotOrder = []string{"age", "interests", "when", "commitment", "place", "group"}

func addUnique(list []string, items ...string) []string {
	for _, it := range items {
		if it != "" && !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}
