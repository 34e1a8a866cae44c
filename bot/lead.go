package bot

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/redact"
	"github.com/brobygger/brobygger/textclean"
)

// LeadRequest is a warm lead the young person agreed to send: exactly what
// the consent message showed them, and nothing more.
type LeadRequest struct {
	// ID is fixed when the request is raised, so that sending it again
	// after a failure can never create a second lead.
	ID             string `json:"id"`
	OpportunityID  string `json:"opportunity_id"`
	OrganisationID string `json:"organisation_id"`
	Organisation   string `json:"organisation"`
	Title          string `json:"title"`
	Nickname       string `json:"nickname"`
	// AgeBand is what the organisation learns of the age, e.g. "15-17".
	AgeBand       string   `json:"age_band"`
	Municipality  string   `json:"municipality,omitempty"`
	Slots         []string `json:"slots,omitempty"`
	Interests     []string `json:"interests,omitempty"`
	Message       string   `json:"message,omitempty"`
	ContactMethod string   `json:"contact_method"`
	Contact       string   `json:"contact,omitempty"`
	Lang          string   `json:"lang"`
	// Attempts counts failed tries to send it; the chat says so once.
	Attempts int `json:"attempts,omitempty"`
	// FirstStep is the first step the chat showed for it, which the
	// check-ins remind the young person of; ChosenAt when they said "Det
	// vil jeg gerne" (they knew of it by then).
	FirstStep *CheckInStep `json:"first_step,omitempty"`
	ChosenAt  *time.Time   `json:"chosen_at,omitempty"`
}

// Contact methods a lead can carry.
const (
	ContactInApp = "in_app"
	ContactPhone = "phone"
	ContactEmail = "email"
)

// maxNickname bounds what an organisation is told to call the young person.
const maxNickname = 40

// inviteCodeText is a friend's invite code typed into the chat: "kode
// AB3CD5", or the bare code when it has a digit, so ordinary six-letter
// words are never taken for one.
var (
	inviteCodeText = regexp.MustCompile(`(?i)^\s*(?:kode|koden|code|invite)\s*:?\s*([a-z0-9][a-z0-9 -]{4,8}[a-z0-9])\s*[.!]?\s*$`)
	bareInviteCode = regexp.MustCompile(`^\s*([A-HJ-NP-Z2-9]{6})\s*$`)
)

// inviteCode returns the invite code in text, if the text is one.
func inviteCode(text string) string {
	if m := inviteCodeText.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := bareInviteCode.FindStringSubmatch(text); m != nil && strings.ContainsAny(m[1], "23456789") {
		return m[1]
	}
	return ""
}

// offerLead follows "Det vil jeg gerne" with the offer to tell the
// organisation, asking for a name first if the bot has none.
func (t *turn) offerLead(o *match.Opportunity) {
	for _, c := range t.st.Chosen {
		if c.OpportunityID == o.ID && c.LeadSent {
			return
		}
	}
	if t.st.leadPending(o.ID) {
		t.say(t.tr("lead_on_its_way", "organisation", o.Organisation))
		return
	}
	t.st.Draft = &LeadDraft{OpportunityID: o.ID}
	if t.st.Profile.Nickname == "" {
		t.st.Pending = &Pending{Kind: "nickname", OpportunityID: o.ID}
		t.say(t.tr("lead_ask_name", "organisation", o.Organisation), t.action("lead_no"))
		return
	}
	t.consent(o)
}

// consent shows everything the organisation would get and asks to send it.
func (t *turn) consent(o *match.Opportunity) {
	// A typed "ja" or 👍 answers the question as the button does.
	t.st.Pending = &Pending{Kind: "consent", OpportunityID: o.ID}
	d := t.st.Draft
	p := t.st.Profile
	var lines []string
	line := func(label, value string) {
		if value != "" {
			lines = append(lines, "• "+t.tr(label)+": "+value)
		}
	}
	line("shared_name", p.Nickname)
	line("shared_age", ageBandText(p.Age, t.st.Lang))
	if !p.Online {
		line("shared_place", p.Municipality)
	}
	if p.WhenKnown && len(p.Slots) > 0 {
		line("shared_when", t.describeSlots(p.Slots))
	}
	line("shared_interests", t.interestNames(p.Interests))
	line("shared_message", d.Message)
	switch d.ContactMethod {
	case ContactPhone:
		line("shared_contact", t.tr("contact_phone", "contact", d.Contact))
	case ContactEmail:
		line("shared_contact", t.tr("contact_email", "contact", d.Contact))
	default:
		line("shared_contact", t.tr("contact_in_app"))
	}
	t.say(t.tr("lead_consent", "organisation", o.Organisation, "shared", strings.Join(lines, "\n")),
		QuickReply{ID: "lead_send:" + o.ID, Label: t.e.flow.Action("lead_send", t.st.Lang)},
		QuickReply{ID: "lead_message:" + o.ID, Label: t.e.flow.Action("lead_message", t.st.Lang)},
		t.action("lead_no"))
}

// leadText handles free text while a lead is being prepared; it reports
// whether the text was for the lead.
func (t *turn) leadText(text string) bool {
	if t.st.Pending == nil || t.st.Draft == nil {
		return false
	}
	o, ok := t.actionable(t.st.Draft.OpportunityID)
	if !ok {
		t.st.Pending, t.st.Draft = nil, nil
		return false
	}
	switch t.st.Pending.Kind {
	case "nickname":
		// The organisation sees the name: it loses bidi controls, zero-width
		// and control characters that could make it pass for another.
		name := redact.Redact(textclean.Name(text))
		if utf8.RuneCountInString(name) > maxNickname {
			name = strings.TrimSpace(string([]rune(name)[:maxNickname]))
		}
		t.st.Profile.Nickname = name
	case "lead_message":
		d := t.st.Draft
		d.Message = strings.TrimSpace(text)
		d.Contact, d.ContactMethod = "", ""
		if e := redact.Emails(text); len(e) > 0 {
			d.Contact, d.ContactMethod = e[0], ContactEmail
		} else if p := redact.Phones(text); len(p) > 0 {
			d.Contact, d.ContactMethod = p[0], ContactPhone
		}
	default:
		return false
	}
	t.consent(o)
	return true
}

// leadChoice handles the lead actions.
func (t *turn) leadChoice(name, id string) {
	d := t.st.Draft
	if name == "lead_no" || d == nil || d.OpportunityID != id {
		t.st.Draft, t.st.Pending = nil, nil
		t.say(t.tr("lead_not_sent"), t.afterSuggestionReplies()...)
		return
	}
	o, ok := t.actionable(id)
	if !ok {
		t.say(t.tr("unknown_opportunity"))
		t.suggest(true)
		return
	}
	if name == "lead_message" {
		t.st.Pending = &Pending{Kind: "lead_message", OpportunityID: id}
		t.say(t.tr("lead_ask_message", "organisation", o.Organisation), t.action("lead_no"))
		return
	}
	p := t.st.Profile
	req := &LeadRequest{OpportunityID: o.ID, OrganisationID: o.OrganisationID, Organisation: o.Organisation,
		Title: o.Title, Nickname: p.Nickname, AgeBand: ageBand(p.Age), Slots: p.Slots, Interests: p.Interests,
		Message: d.Message, ContactMethod: ContactInApp, Contact: d.Contact, Lang: t.st.Lang}
	if !p.Online {
		req.Municipality = p.Municipality
	}
	if d.ContactMethod != "" {
		req.ContactMethod = d.ContactMethod
	}
	step := t.checkInStep(o, t.now)
	req.FirstStep = &step
	for _, c := range t.st.Chosen {
		if c.OpportunityID == o.ID {
			at := c.At
			req.ChosenAt = &at
		}
	}
	// The request rides in the turn's own update; the chat says "sending"
	// until the lead is stored, and "sent" only then (Service.flushLeads).
	t.lead = req
	t.st.Draft, t.st.Pending = nil, nil
	t.say(t.tr("lead_sending", "organisation", o.Organisation))
}

// leadPending reports whether a lead for the opportunity is on its way.
func (st *State) leadPending(opportunityID string) bool {
	for _, r := range st.PendingLeads {
		if r.OpportunityID == opportunityID {
			return true
		}
	}
	return false
}

// retryLead answers "Prøv igen" on a lead that could not be sent: it is
// still on its way, and the service tries again after this turn.
func (t *turn) retryLead(opportunityID string) {
	for _, r := range t.st.PendingLeads {
		if r.OpportunityID == opportunityID {
			t.say(t.tr("lead_sending", "organisation", r.Organisation))
			return
		}
	}
	t.resume()
}

// ageBand is the age band an organisation sees instead of the exact age,
// the same one the consent message shows. Ages past the last band are
// counted in it, as the oldest band Brobygger serves.
func ageBand(age int) string { return match.AgeBand(min(age, 30)) }

// ageBandText writes an age band for the young person to read.
func ageBandText(age int, lang string) string {
	band := ageBand(age)
	if band == "" {
		return ""
	}
	s := strings.Replace(band, "-", "–", 1)
	if langKey(lang) == "en" {
		return s
	}
	return s + " år"
}
