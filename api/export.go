package api

import (
	"context"
	"time"

	"github.com/brobygger/brobygger/accounts"
	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/safeguarding"
)

// The export (GET /v1/me/export) is everything stored about a young person,
// in types of its own: what the conversation engine and the lead service
// keep may change shape without changing what a young person downloads.
// Field names are those the export has always had.
//
// It holds the young person's data and no one else's: a lead they sent
// says how many friends joined, never who (friends' user ids are theirs);
// a lead they joined as a friend says which opportunity and how it stands,
// never the sender's id, words or contact. A safeguarding case about them
// says that it exists, what kinds of worry it is about, its status and
// when it was raised, taken on and closed — never the officers' notes, who
// the officers are, or the outcome: those are the officers' record, and an
// outcome such as a report to the municipality could put a young person at
// risk if someone else reads the file. The words that raised a case are
// the young person's own and are in the conversation's messages for as
// long as those are kept.

type exportJSON struct {
	ExportedAt    string                  `json:"exported_at"`
	User          exportUserJSON          `json:"user"`
	RefreshTokens []exportTokenJSON       `json:"refresh_tokens"`
	Leads         []exportLeadJSON        `json:"leads"`
	JoinedLeads   []exportJoinedLeadJSON  `json:"joined_leads"`
	Cases         []exportCaseJSON        `json:"safeguarding_cases"`
	Conversation  *exportConversationJSON `json:"conversation,omitempty"`
	// PushSubscriptions are the devices that get a push when there is a new
	// message; their encryption keys are the browser's and stay out.
	PushSubscriptions []exportPushJSON `json:"push_subscriptions"`
}

type exportPushJSON struct {
	Endpoint  string    `json:"endpoint"`
	CreatedAt time.Time `json:"created_at"`
}

// ExportSources are the reads only the export makes, beside LeadLists and
// safeguarding.Store; package store implements them on the same type, and
// the export fails rather than leave them out.
type ExportSources interface {
	// LeadsJoinedBy lists the leads userID joined as a friend.
	LeadsJoinedBy(ctx context.Context, userID string) ([]leads.Lead, error)
	// CasesAbout lists the safeguarding cases about userID.
	CasesAbout(ctx context.Context, userID string) ([]safeguarding.Case, error)
}

// exportJoinedLeadJSON is a lead the young person joined as a friend: the
// opportunity and how the lead stands, and nothing of the friend who sent it.
type exportJoinedLeadJSON struct {
	ID               string    `json:"id"`
	OrganisationID   string    `json:"organisation_id"`
	OrganisationName string    `json:"organisation_name"`
	OpportunityID    string    `json:"opportunity_id"`
	OpportunityTitle string    `json:"opportunity_title"`
	Status           string    `json:"status"`
	CreatedAt        time.Time `json:"created_at"`
	UpdatedAt        time.Time `json:"updated_at"`
	// Shared says what the organisation was told about this young person:
	// only that a friend joined, as a count on the lead.
	Shared string `json:"shared"`
}

// exportCaseJSON is a safeguarding case about the young person, without
// the officers' notes, names or outcome.
type exportCaseJSON struct {
	ID             string     `json:"id"`
	Kinds          []string   `json:"kinds"`
	Status         string     `json:"status"`
	RaisedAt       time.Time  `json:"raised_at"`
	AcknowledgedAt *time.Time `json:"acknowledged_at,omitempty"`
	ClosedAt       *time.Time `json:"closed_at,omitempty"`
}

type exportUserJSON struct {
	UserID    string    `json:"user_id"`
	Role      string    `json:"role"`
	Locale    string    `json:"locale"`
	CreatedAt time.Time `json:"created_at"`
}

// exportTokenJSON describes a refresh token without the token itself.
type exportTokenJSON struct {
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt time.Time  `json:"expires_at"`
	UsedAt    *time.Time `json:"used_at,omitempty"`
	Revoked   bool       `json:"revoked"`
}

type exportConversationJSON struct {
	ConversationID string          `json:"conversation_id"`
	CreatedAt      time.Time       `json:"created_at"`
	UpdatedAt      time.Time       `json:"updated_at"`
	State          exportStateJSON `json:"state"`
	Messages       []messageJSON   `json:"messages"`
}

// exportStateJSON is what the conversation remembers about the young person.
type exportStateJSON struct {
	Flow         string                  `json:"flow"`
	Lang         string                  `json:"lang"`
	Started      bool                    `json:"started"`
	Profile      exportProfileJSON       `json:"profile"`
	Asking       string                  `json:"asking,omitempty"`
	Pending      *exportPendingJSON      `json:"pending,omitempty"`
	Shown        []string                `json:"shown,omitempty"`
	Seen         []string                `json:"seen,omitempty"`
	Chosen       []exportChoiceJSON      `json:"chosen,omitempty"`
	Draft        *exportDraftJSON        `json:"draft,omitempty"`
	Rejections   []exportRejectionJSON   `json:"rejections,omitempty"`
	Stopped      string                  `json:"stopped,omitempty"`
	Crisis       bool                    `json:"crisis,omitempty"`
	Concern      bool                    `json:"concern,omitempty"`
	Consent      *exportConsentJSON      `json:"consent,omitempty"`
	PendingCases []exportPendingCaseJSON `json:"pending_cases,omitempty"`
	PendingLeads []exportPendingLeadJSON `json:"pending_leads,omitempty"`
	Seq          int                     `json:"seq"`
	Turns        int                     `json:"turns,omitempty"`
	Widened      bool                    `json:"widened,omitempty"`
	Unclear      int                     `json:"unclear,omitempty"`
	ClientIDs    []string                `json:"client_ids,omitempty"`
	// Class is the school session the conversation counts in.
	Class *exportClassJSON `json:"class,omitempty"`
	// FollowUps is what the chat keeps about check-ins.
	FollowUps *exportFollowUpsJSON `json:"follow_ups,omitempty"`
	// Referral is who sent the young person here, and whether they let
	// that professional follow how far they get.
	Referral *exportReferralJSON `json:"referral,omitempty"`
}

// exportReferralJSON is a professional's referral as the conversation
// keeps it: its id, who referred (the organisation, or "en fagperson"),
// whether the young person shares their progress, and when they opened it.
type exportReferralJSON struct {
	ID    string    `json:"id"`
	By    string    `json:"by"`
	Share bool      `json:"share"`
	At    time.Time `json:"at"`
}

type exportClassJSON struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Size  int    `json:"size,omitempty"`
}

type exportProfileJSON struct {
	Age            int               `json:"age,omitempty"`
	Interests      []string          `json:"interests,omitempty"`
	InterestWords  map[string]string `json:"interest_words,omitempty"`
	InterestsKnown bool              `json:"interests_known,omitempty"`
	NotInterests   []string          `json:"not_interests,omitempty"`
	Slots          []string          `json:"slots,omitempty"`
	WhenKnown      bool              `json:"when_known,omitempty"`
	Commitment     string            `json:"commitment,omitempty"`
	CommitKnown    bool              `json:"commitment_known,omitempty"`
	Postcode       string            `json:"postcode,omitempty"`
	Town           string            `json:"town,omitempty"`
	Municipality   string            `json:"municipality,omitempty"`
	Lat            float64           `json:"lat,omitempty"`
	Lon            float64           `json:"lon,omitempty"`
	Landmass       string            `json:"landmass,omitempty"`
	Online         bool              `json:"online,omitempty"`
	Group          string            `json:"group,omitempty"`
	GroupSize      int               `json:"group_size,omitempty"`
	Nickname       string            `json:"nickname,omitempty"`
}

type exportPendingJSON struct {
	Kind          string `json:"kind"`
	OpportunityID string `json:"opportunity_id"`
}

type exportDraftJSON struct {
	OpportunityID string `json:"opportunity_id"`
	Message       string `json:"message,omitempty"`
	Contact       string `json:"contact,omitempty"`
	ContactMethod string `json:"contact_method,omitempty"`
}

type exportChoiceJSON struct {
	OpportunityID string    `json:"opportunity_id"`
	At            time.Time `json:"at"`
	LeadSent      bool      `json:"lead_sent,omitempty"`
}

// exportRejectionJSON keeps the field names rejections have always been
// exported with, which are their Go names.
type exportRejectionJSON struct {
	OpportunityID  string
	OrganisationID string
	Reason         string
	Interests      []string
	DistanceKm     float64
	Slot           string
}

type exportConsentJSON struct {
	Text    string    `json:"text"`
	Version int       `json:"version"`
	At      time.Time `json:"at"`
}

type exportPendingCaseJSON struct {
	ID             string    `json:"id"`
	UserID         string    `json:"user_id"`
	ConversationID string    `json:"conversation_id"`
	Kind           string    `json:"kind"`
	Kinds          []string  `json:"kinds,omitempty"`
	Messages       []string  `json:"messages"`
	CreatedAt      time.Time `json:"created_at"`
}

type exportPendingLeadJSON struct {
	ID             string   `json:"id"`
	OpportunityID  string   `json:"opportunity_id"`
	OrganisationID string   `json:"organisation_id"`
	Organisation   string   `json:"organisation"`
	Title          string   `json:"title"`
	Nickname       string   `json:"nickname"`
	AgeBand        string   `json:"age_band"`
	Municipality   string   `json:"municipality,omitempty"`
	Slots          []string `json:"slots,omitempty"`
	Interests      []string `json:"interests,omitempty"`
	Message        string   `json:"message,omitempty"`
	ContactMethod  string   `json:"contact_method"`
	Contact        string   `json:"contact,omitempty"`
	Lang           string   `json:"lang"`
	Attempts       int      `json:"attempts,omitempty"`
	// FirstStep is the first step the chat showed (what, where, whom to
	// ask for, when).
	FirstStep *bot.CheckInStep `json:"first_step,omitempty"`
	ChosenAt  *time.Time       `json:"chosen_at,omitempty"`
}

// exportFollowUpsJSON is what the chat keeps about check-ins.
type exportFollowUpsJSON struct {
	Unanswered int      `json:"unanswered,omitempty"`
	Keys       []string `json:"keys,omitempty"`
	Leads      []string `json:"leads,omitempty"`
	// Asking is the check-in just said, until the next message.
	Asking *bot.Asking `json:"asking,omitempty"`
}

// exportLeadJSON is a warm lead the young person sent, with everything the
// organisation and Brobygger did with it.
type exportLeadJSON struct {
	ID               string           `json:"id"`
	OrganisationID   string           `json:"organisation_id"`
	OrganisationName string           `json:"organisation_name"`
	OpportunityID    string           `json:"opportunity_id"`
	OpportunityTitle string           `json:"opportunity_title"`
	YouthID          string           `json:"youth_id"`
	ConversationID   string           `json:"conversation_id"`
	Lang             string           `json:"lang"`
	Shared           exportSharedJSON `json:"shared"`
	ContactAgreedAt  *time.Time       `json:"contact_agreed_at,omitempty"`
	Status           string           `json:"status"`
	// Friends is how many friends joined; who they are is theirs to export.
	Friends         int                       `json:"friends"`
	MaxFriends      int                       `json:"max_friends"`
	CreatedAt       time.Time                 `json:"created_at"`
	UpdatedAt       time.Time                 `json:"updated_at"`
	FirstAnsweredAt *time.Time                `json:"first_answered_at,omitempty"`
	RemindedAt      *time.Time                `json:"reminded_at,omitempty"`
	Events          []exportLeadEventJSON     `json:"events"`
	Thread          []exportThreadMessageJSON `json:"thread"`
	FirstStep       *exportFirstStepJSON      `json:"first_step,omitempty"`
	Commitment      string                    `json:"commitment,omitempty"`
	BridgeStage     string                    `json:"bridge_stage"`
	BridgeStages    []exportStageChangeJSON   `json:"bridge_stages"`
	FirstVisit      string                    `json:"first_visit,omitempty"`
	Belonging       string                    `json:"belonging,omitempty"`
	Reschedules     int                       `json:"reschedules,omitempty"`
	Version         int64                     `json:"version"`
}

type exportFirstStepJSON struct {
	What     string     `json:"what"`
	Where    string     `json:"where,omitempty"`
	Contact  string     `json:"contact,omitempty"`
	StartsAt *time.Time `json:"starts_at,omitempty"`
	EndsAt   *time.Time `json:"ends_at,omitempty"`
}

type exportStageChangeJSON struct {
	Stage string    `json:"stage"`
	At    time.Time `json:"at"`
}

type exportSharedJSON struct {
	Nickname      string   `json:"nickname"`
	AgeBand       string   `json:"age_band"`
	Municipality  string   `json:"municipality,omitempty"`
	Slots         []string `json:"slots,omitempty"`
	Interests     []string `json:"interests,omitempty"`
	Message       string   `json:"message,omitempty"`
	ContactMethod string   `json:"contact_method"`
	Contact       string   `json:"contact,omitempty"`
}

type exportLeadEventJSON struct {
	Seq      int        `json:"seq"`
	Type     string     `json:"type"`
	At       time.Time  `json:"at"`
	By       string     `json:"by"`
	Name     string     `json:"name,omitempty"`
	Status   string     `json:"status"`
	Text     string     `json:"text,omitempty"`
	Stage    string     `json:"stage,omitempty"`
	Visit    string     `json:"visit,omitempty"`
	StartsAt *time.Time `json:"starts_at,omitempty"`
}

type exportThreadMessageJSON struct {
	Author string    `json:"author"`
	Name   string    `json:"name,omitempty"`
	Text   string    `json:"text"`
	At     time.Time `json:"at"`
}

// The conversions below convert struct to struct where the shapes are the
// same, so a field added to what is stored fails to compile here rather
// than going missing from a young person's export.

func toExportUser(u accounts.User) exportUserJSON {
	return exportUserJSON{UserID: u.ID, Role: u.Role, Locale: u.Locale, CreatedAt: u.CreatedAt}
}

func toExportTokens(ts []accounts.RefreshToken) []exportTokenJSON {
	out := make([]exportTokenJSON, len(ts))
	for i, t := range ts {
		out[i] = exportTokenJSON{CreatedAt: t.CreatedAt, ExpiresAt: t.ExpiresAt, UsedAt: t.UsedAt, Revoked: t.Revoked}
	}
	return out
}

func toExportConversation(c *bot.Conversation) *exportConversationJSON {
	if c == nil {
		return nil
	}
	return &exportConversationJSON{ConversationID: c.ID, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		State: toExportState(c.State), Messages: toMessages(c.Messages)}
}

func toExportState(st bot.State) exportStateJSON {
	out := exportStateJSON{Flow: st.Flow, Lang: st.Lang, Started: st.Started, Profile: exportProfileJSON(st.Profile),
		Asking: st.Asking, Shown: st.Shown, Seen: st.Seen, Stopped: st.Stopped, Crisis: st.Crisis, Concern: st.Concern,
		Seq: st.Seq, Turns: st.Turns, Widened: st.Widened, Unclear: st.Unclear, ClientIDs: st.ClientIDs}
	if st.Class != nil {
		out.Class = (*exportClassJSON)(st.Class)
	}
	if st.FollowUps != nil {
		out.FollowUps = (*exportFollowUpsJSON)(st.FollowUps)
	}
	if st.Referral != nil {
		out.Referral = (*exportReferralJSON)(st.Referral)
	}
	if st.Pending != nil {
		p := exportPendingJSON(*st.Pending)
		out.Pending = &p
	}
	if st.Draft != nil {
		d := exportDraftJSON(*st.Draft)
		out.Draft = &d
	}
	if st.Consent != nil {
		c := exportConsentJSON(*st.Consent)
		out.Consent = &c
	}
	out.Chosen = convertAll(st.Chosen, func(c bot.Choice) exportChoiceJSON { return exportChoiceJSON(c) })
	out.Rejections = convertAll(st.Rejections, func(r match.Rejection) exportRejectionJSON { return exportRejectionJSON(r) })
	out.PendingCases = convertAll(st.PendingCases, func(c bot.SafeguardingCase) exportPendingCaseJSON { return exportPendingCaseJSON(c) })
	out.PendingLeads = convertAll(st.PendingLeads, func(r bot.LeadRequest) exportPendingLeadJSON { return exportPendingLeadJSON(r) })
	return out
}

func toExportLeads(ls []leads.Lead) []exportLeadJSON {
	return convertAll(ls, func(l leads.Lead) exportLeadJSON {
		return exportLeadJSON{ID: l.ID, OrganisationID: l.OrganisationID, OrganisationName: l.OrganisationName,
			OpportunityID: l.OpportunityID, OpportunityTitle: l.OpportunityTitle, YouthID: l.YouthID,
			ConversationID: l.ConversationID, Lang: l.Lang, Shared: exportSharedJSON(l.Shared),
			ContactAgreedAt: l.ContactAgreedAt, Status: l.Status, Friends: len(l.FriendIDs), MaxFriends: l.MaxFriends,
			CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt, FirstAnsweredAt: l.FirstAnsweredAt, RemindedAt: l.RemindedAt,
			Events:       convertAll(l.Events, func(e leads.Event) exportLeadEventJSON { return exportLeadEventJSON(e) }),
			Thread:       convertAll(l.Thread, func(m leads.ThreadMessage) exportThreadMessageJSON { return exportThreadMessageJSON(m) }),
			FirstStep:    (*exportFirstStepJSON)(l.FirstStep),
			Commitment:   l.Commitment,
			BridgeStage:  l.BridgeStage,
			BridgeStages: convertAll(l.BridgeStages, func(c leads.StageChange) exportStageChangeJSON { return exportStageChangeJSON(c) }),
			FirstVisit:   l.FirstVisit, Belonging: l.Belonging, Reschedules: l.Reschedules,
			Version: l.Version}
	})
}

// joinedShared is what a joined lead says the organisation knows of the
// young person who joined.
const joinedShared = "that a friend joined (a count on the lead); nothing else about you"

func toExportJoinedLeads(ls []leads.Lead) []exportJoinedLeadJSON {
	out := make([]exportJoinedLeadJSON, len(ls))
	for i, l := range ls {
		out[i] = exportJoinedLeadJSON{ID: l.ID, OrganisationID: l.OrganisationID, OrganisationName: l.OrganisationName,
			OpportunityID: l.OpportunityID, OpportunityTitle: l.OpportunityTitle, Status: l.Status,
			CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt, Shared: joinedShared}
	}
	return out
}

func toExportCases(cs []safeguarding.Case) []exportCaseJSON {
	out := make([]exportCaseJSON, len(cs))
	for i, c := range cs {
		kinds := c.Kinds
		if len(kinds) == 0 && c.Kind != "" {
			kinds = []string{c.Kind}
		}
		out[i] = exportCaseJSON{ID: c.ID, Kinds: nonNil(kinds), Status: c.Status, RaisedAt: c.CreatedAt,
			AcknowledgedAt: c.AcknowledgedAt, ClosedAt: c.ClosedAt}
	}
	return out
}

// convertAll converts every element, keeping nil as nil so that fields
// left out when empty stay left out.
func convertAll[T, U any](in []T, f func(T) U) []U {
	if in == nil {
		return nil
	}
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}
