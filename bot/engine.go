// Package bot is Brobygger's conversation engine. It decides what the bot
// says next from the conversation's state and the young person's message; it
// does no I/O of its own. Service runs one turn at a time per conversation:
// load state, run the engine, save state and messages in one update.
package bot

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/brobygger/brobygger/flows"
	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/understand"
)

// Catalog ranks opportunities and looks them up; match.Index implements it.
type Catalog interface {
	Rank(p match.Profile, now time.Time, limit int) []match.Suggestion
	Get(id string) (*match.Opportunity, bool)
}

var _ Catalog = (*match.Index)(nil)

// Input is what the young person sent: free text or the id of a quick reply
// or card action.
type Input struct {
	Text   string
	Choice string
	// Extra is what a language model understood from Text (see assist.go).
	// It only fills gaps in the deterministic understanding, which alone
	// decides about crisis.
	Extra *understand.Result
}

// Outcome is the engine's answer to one turn: what the bot says, and what
// the turn decided beyond that (see Event).
type Outcome struct {
	Messages []Message
	Events   []Event
}

// LeadReply is a message from the young person into a lead's thread.
type LeadReply struct {
	LeadID string
	Text   string
}

// SafeguardingCase is what a human safeguarding officer needs to decide on a
// disclosure, and nothing more: the triggering messages, when, and the
// pseudonymous user id.
type SafeguardingCase struct {
	ID             string `json:"id"`
	UserID         string `json:"user_id"`
	ConversationID string `json:"conversation_id"`
	Kind           string `json:"kind"`
	// Kinds are every safeguarding kind the disclosure showed, most
	// urgent first; Kind is the first of them.
	Kinds     []string  `json:"kinds,omitempty"`
	Messages  []string  `json:"messages"`
	CreatedAt time.Time `json:"created_at"`
}

// Engine runs the onboarding flow.
type Engine struct {
	flow      *flows.Flow
	catalog   Catalog
	helplines []flows.Helpline
	// answers is how organisations answer leads, replaced as a whole by
	// SetAnswerTimes while turns read it.
	answers atomic.Pointer[map[string]AnswerTimes]
}

// cardsPerTurn is how many suggestions the bot shows at a time.
const cardsPerTurn = 3

// textNames and actionNames are every text the engine says by name; the flow
// is validated against them at start-up.
var (
	textNames = append([]string{"greeting", "greeting_privacy", "greeting_hint", "privacy",
		"unclear_1", "unclear_2", "unclear_buttons", "rude_1", "rude_2", "off_topic_1", "off_topic_2", "thanks_reply",
		"cards_nudge", "response_time_known", "response_time_unknown", "response_time_promise", "response_time_none",
		"wait_hours", "wait_day", "wait_days", "vague_time", "vague_season", "vague_sometimes", "vague_later",
		"vague_other", "not_interests_noted", "noted", "not_understood", "under_13", "under_13_again",
		"suggestions_intro", "suggestions_more", "suggestions_relaxed", "relaxed_distance", "relaxed_time", "relaxed_group",
		"suggestions_none", "want_confirm", "more_details", "reject_ask", "reject_thanks",
		"unknown_opportunity", "stored_intro", "stored_nothing", "stored_outro", "restarted", "change_ack", "help",
		"lang_switched", "after_suggestions", "crisis", "crisis_outro", "back_to_volunteering",
		"concern_check", "concern_help", "concern_no", "concern_listen", "support_1", "support_2", "support_3",
		"support_help", "support_outro",
		"why_interest_words", "why_interest", "why_interest_named", "why_near", "why_online", "why_time", "why_flexible",
		"why_with_friend", "why_group", "why_alone", "why_one_off", "why_short_term", "why_recurring",
		"note_certificate", "note_age", "step_dated", "step_flexible", "anytime", "group_one", "group_many",
		"age_any", "age_range", "online", "fact_age", "fact_interests_any", "fact_anytime",
		"fact_commitment_any", "fact_online", "label_age", "label_interests", "label_when",
		"label_commitment", "label_place", "label_group", "label_chosen", "erase_ask", "erased", "erase_cancelled",
		"lead_ask_name", "lead_consent", "lead_ask_message", "lead_sent", "lead_sending", "lead_on_its_way", "lead_not_sent", "lead_join_ask",
		"shared_name", "shared_age", "shared_place", "shared_when", "shared_interests", "shared_message",
		"shared_contact", "contact_in_app", "contact_phone", "contact_email", "lead_invite", "lead_failed",
		"join_ok", "join_failed", "lead_reply_ask", "lead_reply_sent", "lead_reply_failed",
		"ask_anything", "answer_no_certificate", "answer_when", "answer_where", "answer_age", "answer_group", "answer_unknown",
		"class_joined", "class_left", "class_not_in", "fact_group_class",
		"checkin_before", "checkin_ask_for", "checkin_after", "checkin_belong", "checkin_going", "checkin_cannot",
		"checkin_welcomed", "checkin_not_welcomed", "checkin_missed", "checkin_belongs", "checkin_still_going",
		"checkin_stopped", "checkin_failed", "checkin_no_next", "checkin_rescheduled", "checkin_no_friend",
		"checkin_friend_code", "followups_off", "followups_on"}, calendarTexts...)
	// calendarTexts are the words for days, months and dates.
	calendarTexts = []string{"day_mon", "days_mon", "day_tue", "days_tue", "day_wed", "days_wed", "day_thu", "days_thu", "day_fri", "days_fri", "day_sat", "days_sat", "day_sun", "days_sun", "part_morning", "part_afternoon", "part_evening", "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8", "month_9", "month_10", "month_11", "month_12", "weekdays", "weekends", "weekday_morning", "weekday_afternoon", "weekday_evening", "date_time", "date_time_year", "time_format", "every_morning", "every_afternoon", "every_evening", "every_day"}
	actionNames   = []string{"start", "stored", "lang_en", "lang_da", "restart", "change_time", "change_place",
		"change_interests", "show_more", "want", "more", "not_for_me", "reason_too_far", "reason_wrong_time",
		"reason_not_my_thing", "back_to_volunteering", "widen_online", "widen_distance", "use_location", "location", "concern_yes", "concern_no", "concern_talk", "erase_confirm", "erase_cancel",
		"lead_send", "lead_message", "lead_no", "join", "lead_reply", "lead_retry", "with_class", "leave_class",
		"checkin_going", "checkin_cannot", "checkin_next", "checkin_welcomed", "checkin_not_welcomed",
		"checkin_missed", "checkin_friend", "checkin_belongs", "checkin_still_going", "checkin_stopped"}
)

// NewEngine loads and validates the onboarding flow and the helplines.
func NewEngine(catalog Catalog) (*Engine, error) {
	flow, err := flows.Load("onboarding", flows.Requirements{Texts: slices.Concat(textNames, referralTexts),
		Actions: slices.Concat(actionNames, referralActions), CheckValue: checkValue})
	if err != nil {
		return nil, err
	}
	helplines, err := flows.LoadHelplines()
	if err != nil {
		return nil, err
	}
	return &Engine{flow: flow, catalog: catalog, helplines: helplines}, nil
}

// checkValue says whether the engine can apply a quick reply's value to a slot.
func checkValue(slot, value string) error {
	switch slot {
	case "age":
		if n, err := strconv.Atoi(value); err != nil || n < 1 || n > 99 {
			return fmt.Errorf("age %q is not a number from 1 to 99", value)
		}
	case "interests":
		for _, id := range splitList(value) {
			if _, ok := understand.InterestByID(id); !ok {
				return fmt.Errorf("unknown interest %q", id)
			}
		}
	case "when":
		if _, ok := whenPresets[value]; !ok {
			return fmt.Errorf("unknown time preset %q", value)
		}
	case "commitment":
		if !slices.Contains([]string{"", match.OneOff, match.ShortTerm, match.Recurring}, value) {
			return fmt.Errorf("unknown commitment %q", value)
		}
	case "place":
		if value != "online" {
			return fmt.Errorf("a place reply can only be \"online\", not %q", value)
		}
	case "group":
		if !slices.Contains([]string{match.Alone, match.WithFriend, match.Group}, value) {
			return fmt.Errorf("unknown group %q", value)
		}
	}
	return nil
}

// whenPresets are the time quick replies as slots.
var whenPresets = map[string][]string{
	"after_school":     slotsFor([]string{"mon", "tue", "wed", "thu", "fri"}, []string{"afternoon"}),
	"weekday_evenings": slotsFor([]string{"mon", "tue", "wed", "thu", "fri"}, []string{"evening"}),
	"weekends":         slotsFor([]string{"sat", "sun"}, []string{"morning", "afternoon", "evening"}),
	"anytime":          nil,
}

func slotsFor(days, parts []string) []string {
	var out []string
	for _, d := range days {
		for _, p := range parts {
			out = append(out, d+"_"+p)
		}
	}
	return out
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// FlowVersion is the version of the flow whose greeting a consent refers to.
func (e *Engine) FlowVersion() int { return e.flow.Version }

// Start greets a new conversation.
func (e *Engine) Start(st *State, lang string) Outcome {
	if lang != "en" {
		lang = "da"
	}
	*st = State{Flow: e.flow.ID, Lang: lang}
	t := e.newTurn(st, time.Time{})
	t.greet()
	return t.outcome()
}

// Turn runs one turn of the conversation and changes st in place.
func (e *Engine) Turn(st *State, in Input, now time.Time) Outcome {
	if st.Lang == "" {
		st.Lang = "da"
	}
	st.Turns++
	t := e.newTurn(st, now)
	if in.Choice != "" {
		t.choice(in.Choice)
	} else {
		t.text(in.Text, in.Extra)
	}
	return t.outcome()
}

// safeguardingKinds are the crisis kinds that, from a minor or someone whose
// age is unknown, go to a safeguarding officer: Danish law obliges adults
// who learn of a child's abuse or neglect to notify the municipality, and a
// person looking at one case too many is the safe mistake.
var safeguardingKinds = []string{"abuse", "violence", "sexual_abuse", "grooming", "neglect", "forced_marriage", "homeless"}

// Say renders a named text of the flow in lang, for messages the service
// writes outside a turn.
func (e *Engine) Say(name, lang string, kv ...string) string {
	st := State{Lang: lang}
	return e.newTurn(&st, time.Time{}).tr(name, kv...)
}

// Label is what a choice looks like as the user's own bubble.
func (e *Engine) Label(choice, lang string) string {
	if action, ok := referralChoice(choice); ok {
		return e.flow.Action(action, lang)
	}
	if _, r, ok := e.flow.Reply(choice); ok {
		return r.Label.In(lang)
	}
	name, arg, _ := strings.Cut(choice, ":")
	if name == "location" {
		if pc, ok := geo.LookupPostcode(arg); ok {
			return "📍 " + pc.Code + " " + pc.Town
		}
	}
	if _, ok := e.flow.Actions[name]; ok {
		return e.flow.Action(name, lang)
	}
	return choice
}

// ValidChoice reports whether a choice id is one the engine understands.
func (e *Engine) ValidChoice(choice string) bool {
	if _, ok := referralChoice(choice); ok {
		return true
	}
	if _, _, ok := e.flow.Reply(choice); ok {
		return true
	}
	name, arg, hasArg := strings.Cut(choice, ":")
	if _, ok := e.flow.Actions[name]; !ok {
		return false
	}
	if name == "join" { // with or without the friend's code
		return !hasArg || arg != ""
	}
	if name == "location" {
		_, ok := geo.LookupPostcode(arg)
		return ok
	}
	return hasArg == slices.Contains(cardActions, name) && (!hasArg || arg != "")
}

// cardActions carry an opportunity id after a colon.
var cardActions = []string{"want", "more", "not_for_me", "lead_send", "lead_message", "lead_reply", "lead_retry",
	"checkin_going", "checkin_cannot", "checkin_next", "checkin_welcomed", "checkin_not_welcomed",
	"checkin_missed", "checkin_friend", "checkin_belongs", "checkin_still_going", "checkin_stopped"}

// turn is the work of one turn: the state it changes and the messages it says.
type turn struct {
	e     *Engine
	st    *State
	now   time.Time
	msgs  []Message
	noted []string
	// vague is a time the young person named too vaguely to use ("om
	// sommeren"), asked about in the next question.
	vague  string
	forget bool
	safe   *SafeguardingCase
	erase  bool
	lead   *LeadRequest
	join   string
	reply  *LeadReply
	// checkin is the answer to a check-in the turn took; switched the
	// check-ins turned off or on.
	checkin  *CheckInAnswered
	switched *FollowUpsSwitched
}

func (e *Engine) newTurn(st *State, now time.Time) *turn { return &turn{e: e, st: st, now: now} }

func (t *turn) outcome() Outcome {
	out := Outcome{Messages: t.msgs}
	add := func(ok bool, e Event) {
		if ok {
			out.Events = append(out.Events, e)
		}
	}
	add(t.forget, TurnForgotten{})
	if t.safe != nil {
		add(true, CaseRaised{Case: *t.safe})
	}
	add(t.erase, ErasureRequested{})
	if t.lead != nil {
		add(true, LeadRequested{Request: *t.lead})
	}
	add(t.join != "", JoinRequested{Code: t.join})
	if t.reply != nil {
		add(true, ReplyWritten{Reply: *t.reply})
	}
	if t.checkin != nil {
		add(true, *t.checkin)
	}
	if t.switched != nil {
		add(true, *t.switched)
	}
	return out
}

func (t *turn) tr(name string, kv ...string) string {
	s := t.e.flow.Text(name, t.st.Lang)
	if len(kv) == 0 {
		return s
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(s)
}

func (t *turn) action(name string) QuickReply {
	return QuickReply{ID: name, Label: t.e.flow.Action(name, t.st.Lang)}
}

func (t *turn) say(text string, replies ...QuickReply) *Message {
	t.msgs = append(t.msgs, Message{From: FromBot, Text: text, QuickReplies: replies})
	return &t.msgs[len(t.msgs)-1]
}

// greet says hello in three short bubbles, as a messenger would: who I am
// and what I do, what I keep (the details are one tap away under "Hvad
// gemmer du?"), and how to start.
func (t *turn) greet() {
	other := "lang_en"
	if t.st.Lang == "en" {
		other = "lang_da"
	}
	t.say(t.tr("greeting"))
	t.say(t.tr("greeting_privacy"))
	t.say(t.tr("greeting_hint"), t.action("start"), t.action("stored"), t.action(other))
}

// begin records consent to remembering answers the first time the young
// person goes on after the greeting.
func (t *turn) begin() {
	if t.st.Started {
		return
	}
	t.st.Started = true
	t.st.Consent = &Consent{Text: "greeting", Version: t.e.flow.Version, At: t.now}
}

func (t *turn) choice(id string) {
	if t.st.Stopped != "" && id != "restart" && id != "erase_confirm" {
		t.say(t.tr("under_13_again"), t.action("restart"))
		return
	}
	if q, r, ok := t.e.flow.Reply(id); ok {
		t.begin()
		t.apply(q.Slot, r.Value)
		if t.stopIfUnder13() {
			return
		}
		t.next()
		return
	}
	name, arg, _ := strings.Cut(id, ":")
	if _, ok := checkInActions[name]; ok {
		t.checkInAnswer(name, arg)
		return
	}
	switch name {
	case "start":
		t.begin()
		t.next()
	case "referral_share":
		t.referralShare(id)
	case "with_class":
		t.withClass()
	case "leave_class":
		t.leaveClass()
	case "stored":
		t.stored()
	case "lang_en", "lang_da":
		t.st.Lang = strings.TrimPrefix(name, "lang_")
		t.say(t.tr("lang_switched"))
		t.resume()
	case "restart":
		t.restart()
	case "change_time":
		t.change("when")
	case "change_place":
		t.change("place")
	case "change_interests":
		t.change("interests")
	case "show_more":
		t.suggest(true)
	case "widen_online", "widen_distance":
		t.widen(strings.TrimPrefix(name, "widen_"))
	case "use_location":
		// A client that can read the device's location sends it as
		// "location:<postcode>"; one that cannot ends up here.
		t.say(t.tr("location_unknown"))
	case "location":
		pc, ok := geo.LookupPostcode(arg)
		if !ok {
			t.say(t.tr("location_unknown"))
			return
		}
		t.begin()
		t.setPostcode(pc)
		t.next()
	case "erase_confirm":
		t.erase = true
		t.say(t.tr("erased"))
	case "erase_cancel":
		t.say(t.tr("erase_cancelled"))
		t.resume()
	case "back_to_volunteering":
		t.st.Crisis, t.st.Concern = false, false
		t.st.Pending = nil
		t.say(t.tr("back_to_volunteering"))
		t.resume()
	case "concern_yes":
		t.crisis(nil)
	case "concern_no":
		t.st.Pending = nil
		t.say(t.tr("concern_no"), t.action("concern_talk"), t.action("back_to_volunteering"))
	case "concern_talk":
		t.st.Pending = nil
		t.say(t.tr("concern_listen"), t.action("back_to_volunteering"))
	case "want":
		t.want(arg)
	case "lead_send", "lead_message", "lead_no":
		t.leadChoice(name, arg)
	case "lead_retry":
		t.retryLead(arg)
	case "lead_reply":
		t.st.Pending = &Pending{Kind: "lead_reply", OpportunityID: arg}
		t.say(t.tr("lead_reply_ask"))
	case "join":
		if arg != "" {
			t.join = arg
			return
		}
		t.st.Pending = &Pending{Kind: "join_code"}
		t.say(t.tr("lead_join_ask"))
	case "more":
		t.more(arg)
	case "not_for_me":
		t.notForMe(arg)
	case "reason_too_far", "reason_wrong_time", "reason_not_my_thing":
		t.rejectReason(strings.TrimPrefix(name, "reason_"))
	default:
		t.say(t.tr("not_understood"))
		t.resume()
	}
}

func (t *turn) text(text string, extra *understand.Result) {
	r := withExtra(understand.Parse(text), extra) // LLM assist (assist.go): fills gaps, may add a crisis, never removes one
	if r.Crisis {
		kinds := r.CrisisKinds
		if len(kinds) == 0 && r.CrisisKind != "" {
			kinds = []string{r.CrisisKind}
		}
		t.crisis(kinds)
		t.raiseCase(kinds, text)
		return
	}
	intents := r.Intents
	has := func(i string) bool { return slices.Contains(intents, i) }
	unclear := t.st.Unclear
	t.st.Unclear = 0
	if t.supporting(r, has) {
		return
	}
	if r.Concern {
		t.concern()
		return
	}
	if t.st.Stopped != "" {
		if has("restart") {
			t.restart()
			return
		}
		t.say(t.tr("under_13_again"), t.action("restart"))
		return
	}
	// A code says nothing of the language, and its letters can read as
	// English ("kode A62R MHFD"): codes are taken before the language is.
	if code := inviteCode(text); code != "" {
		t.join = code
		return
	}
	if m := classCodeText.FindStringSubmatch(text); m != nil && strings.ContainsAny(m[1], "23456789") {
		t.join = m[1]
		return
	}
	if code := typedReferralCode(text); code != "" {
		t.join = code
		return
	}
	t.switchLanguage(r)
	if t.referralText(text) { // "stop deling", "start deling" (referral.go)
		return
	}
	if leavesClass(text) {
		t.leaveClass()
		return
	}
	if on, ok := switchFollowUps(text); ok {
		t.switched = &FollowUpsSwitched{On: on}
		if on {
			t.say(t.tr("followups_on"))
		} else {
			t.say(t.tr("followups_off"))
		}
		return
	}
	if t.st.Pending == nil && t.typedCheckInAnswer(text) {
		return
	}
	switch {
	case has("restart"):
		t.restart()
		return
	case has("what_stored"):
		t.stored()
		return
	case has("delete_data"):
		t.st.Pending = &Pending{Kind: "erase"}
		t.say(t.tr("erase_ask"), t.action("erase_confirm"), t.action("erase_cancel"))
		return
	case has("ask_response_time"):
		t.responseTime()
		return
	case has("change_time"):
		t.st.Profile.Forget("when")
	case has("change_place"):
		t.st.Profile.Forget("place")
	case has("change_interests"):
		t.st.Profile.Forget("interests")
	case has("change_group"):
		t.st.Profile.Forget("group")
	case has("change_age"):
		t.st.Profile.Forget("age")
	}
	if t.st.Pending != nil {
		switch t.st.Pending.Kind {
		case "reject_reason":
			t.rejectReason(reasonFromText(text, r))
			return
		case "join_code":
			t.st.Pending = nil
			t.join = strings.TrimSpace(text)
			return
		case "lead_reply":
			t.reply = &LeadReply{LeadID: t.st.Pending.OpportunityID, Text: text}
			t.st.Pending = nil
			return
		case "question":
			o, ok := t.actionable(t.st.Pending.OpportunityID)
			t.st.Pending = nil
			if ok && isQuestion(text) && len(intents) == 0 {
				t.answerAbout(o, text)
				return
			}
		case "consent":
			switch {
			case has("yes"):
				t.leadChoice("lead_send", t.st.Pending.OpportunityID)
				return
			case has("no"):
				t.leadChoice("lead_no", "")
				return
			}
			t.st.Pending = nil
		case "erase":
			t.st.Pending = nil
			switch {
			case has("yes"):
				t.choice("erase_confirm")
				return
			case has("no"):
				t.choice("erase_cancel")
				return
			}
		case "nickname", "lead_message":
			if has("no") && utf8.RuneCountInString(text) <= 12 {
				t.leadChoice("lead_no", "")
				return
			}
		}
		if t.leadText(text) {
			return
		}
	}
	if excluded := r.NotSlots; r.OnlyRulesOut() && t.st.Profile.WhenKnown && len(t.st.Profile.Slots) > 0 {
		// "kan ikke om mandagen" takes Monday away from the times already
		// known, rather than meaning every other time of the week.
		r.Slots = slices.DeleteFunc(slices.Clone(t.st.Profile.Slots), func(s string) bool { return slices.Contains(excluded, s) })
	}
	learned := t.merge(r)
	if t.stopIfUnder13() {
		return
	}
	if r.VagueTime != "" && len(r.Slots) == 0 && !t.st.Profile.Known("when") {
		t.vague = r.VagueTime
		learned = true
	}
	if !t.st.Started {
		if learned || has("yes") || has("greeting") {
			t.begin()
			t.next()
			return
		}
		t.listen(has, unclear)
		return
	}
	allKnown := t.firstUnknown() == nil
	switch {
	case learned || has("change_time") || has("change_place") || has("change_interests") || has("change_group") || has("change_age"):
		t.next()
	case allKnown && has("more"):
		t.suggest(true)
	case has("help"):
		t.say(t.tr("help"))
		t.resume()
	case t.st.Asking != "" && !allKnown:
		t.retry()
	case allKnown && (has("yes") || has("greeting")) && len(t.st.Shown) > 0:
		// "ok" or 👍 after the cards: the same cards again would be noise.
		t.say(t.tr("cards_nudge"), t.afterSuggestionReplies()...)
	case allKnown && (has("yes") || has("greeting")):
		t.suggest(false)
	default:
		t.listen(has, unclear)
	}
}

// switchLanguage follows the young person's language when they clearly write
// in the other one.
func (t *turn) switchLanguage(r understand.Result) {
	if r.Lang == "da" || r.Lang == "en" {
		t.st.Lang = r.Lang
	}
}

// merge applies everything the message said to the profile, not only the
// answer to the current question, and reports whether anything was learned.
func (t *turn) merge(r understand.Result) bool {
	p := &t.st.Profile
	learned := false
	dontKnow := slices.Contains(r.Intents, "dont_know")
	if r.Age > 0 && r.Age != p.Age {
		p.Age = r.Age
		t.note(t.tr("fact_age", "age", strconv.Itoa(r.Age)))
		learned = true
	}
	if len(r.NotInterests) > 0 {
		// "ikke sport alligevel", "ikke noget med blod": out, and never
		// suggested again in this conversation.
		p.NotInterests = addUnique(p.NotInterests, r.NotInterests...)
		p.Interests = slices.DeleteFunc(p.Interests, func(id string) bool { return slices.Contains(r.NotInterests, id) })
		for _, id := range r.NotInterests {
			delete(p.InterestWords, id)
		}
		if len(p.Interests) == 0 && len(r.Interests) == 0 && p.InterestsKnown {
			p.InterestsKnown = false
		}
		t.note(t.tr("not_interests_noted", "interests", strings.ToLower(t.interestNames(r.NotInterests))))
		learned = true
	}
	if len(r.Interests) > 0 {
		if r.Correction {
			// "nej faktisk hellere noget med musik" replaces, it does not add.
			p.Interests, p.InterestWords = nil, nil
		}
		p.Interests = addUnique(p.Interests, r.Interests...)
		p.NotInterests = slices.DeleteFunc(p.NotInterests, func(id string) bool { return slices.Contains(r.Interests, id) })
		if p.InterestWords == nil {
			p.InterestWords = map[string]string{}
		}
		for id, w := range r.InterestWords {
			p.InterestWords[id] = w
		}
		p.InterestsKnown = true
		t.note(t.interestNames(r.Interests))
		learned = true
	} else if dontKnow && t.st.Asking == "interests" {
		t.apply("interests", "")
		learned = true
	}
	if len(r.Slots) > 0 {
		p.Slots, p.WhenKnown = r.Slots, true
		t.note(t.describeSlots(r.Slots))
		learned = true
	} else if dontKnow && t.st.Asking == "when" {
		t.apply("when", "anytime")
		learned = true
	}
	if r.Commitment != "" {
		t.apply("commitment", r.Commitment)
		learned = true
	} else if dontKnow && t.st.Asking == "commitment" {
		t.apply("commitment", "")
		learned = true
	}
	if t.mergePlace(r) {
		learned = true
	}
	if r.Group != "" {
		p.Group = r.Group
		learned = true
	}
	return learned
}

func (t *turn) mergePlace(r understand.Result) bool {
	p := &t.st.Profile
	if pc, ok := geo.LookupPostcode(r.Postcode); ok && r.Postcode != "" {
		t.setPostcode(pc)
		return true
	}
	if r.Place != "" {
		// "Skagen" is Skagen, not Frederikshavn 31 km away.
		if pl, ok := geo.ResolvePlace(r.Place); ok && pl.Municipality == r.Municipality {
			p.Online = false
			t.st.Widened = false
			p.Postcode, p.Town, p.Municipality, p.Lat, p.Lon, p.Landmass = "", pl.Name, pl.Municipality, pl.Lat, pl.Lon, pl.Landmass
			t.note(pl.Name)
			return true
		}
	}
	if r.Municipality != "" {
		if m, ok := geo.LookupMunicipality(r.Municipality); ok {
			p.Online = false
			t.st.Widened = false
			p.Postcode, p.Town, p.Municipality, p.Lat, p.Lon, p.Landmass = "", m.Name, m.Name, m.Lat, m.Lon, m.Landmass
			t.note(m.Name)
			return true
		}
	}
	if r.Online && (t.st.Asking == "place" || !p.Known("place")) {
		t.apply("place", "online")
		return true
	}
	return false
}

// setPostcode places the young person in a postal town, at the town's own
// coordinates (9990 Skagen is not Frederikshavn).
func (t *turn) setPostcode(pc geo.Postcode) {
	p := &t.st.Profile
	p.Online = false
	t.st.Widened = false
	p.Postcode, p.Town, p.Municipality, p.Lat, p.Lon, p.Landmass = pc.Code, pc.Town, pc.Municipality, pc.Lat, pc.Lon, pc.Landmass
	t.note(pc.Code + " " + pc.Town)
}

// apply sets a slot from a quick reply's value (validated by checkValue).
func (t *turn) apply(slot, value string) {
	p := &t.st.Profile
	switch slot {
	case "age":
		p.Age, _ = strconv.Atoi(value)
		t.note(t.tr("fact_age", "age", value))
	case "interests":
		ids := splitList(value)
		p.Interests, p.InterestsKnown = addUnique(p.Interests, ids...), true
		if len(ids) == 0 {
			t.note(t.tr("fact_interests_any"))
		} else {
			t.note(t.interestNames(ids))
		}
	case "when":
		p.Slots, p.WhenKnown = slices.Clone(whenPresets[value]), true
		if value == "anytime" {
			t.note(t.tr("fact_anytime"))
		} else {
			t.note(t.describeSlots(p.Slots))
		}
	case "commitment":
		p.Commitment, p.CommitKnown = value, true
		if value == "" {
			t.note(t.tr("fact_commitment_any"))
		} else {
			t.note(t.commitmentName(value))
		}
	case "place":
		p.Forget("place")
		p.Online = true
		t.note(t.tr("fact_online"))
	case "group":
		p.Group = value
	}
}

func (t *turn) note(s string) {
	if s != "" {
		t.noted = append(t.noted, s)
	}
}

// stopIfUnder13 ends the conversation kindly for children under 13, keeping
// nothing about them.
func (t *turn) stopIfUnder13() bool {
	if t.st.Profile.Age == 0 || t.st.Profile.Age >= 13 {
		return false
	}
	lang := t.st.Lang
	*t.st = State{Flow: t.st.Flow, Lang: lang, Stopped: "under_13", Seq: t.st.Seq, Turns: t.st.Turns}
	t.forget = true
	t.noted = nil
	t.say(t.tr("under_13"), t.action("restart"))
	return true
}

func (t *turn) firstUnknown() *flows.Question {
	for i := range t.e.flow.Questions {
		q := &t.e.flow.Questions[i]
		if !t.st.Profile.Known(q.Slot) {
			return q
		}
	}
	return nil
}

// next asks the first question whose answer is unknown, or suggests.
func (t *turn) next() {
	q := t.firstUnknown()
	if q == nil {
		t.st.Asking = ""
		t.suggest(false)
		return
	}
	text := q.Ask.In(t.st.Lang)
	if q.Slot == "when" && t.vague != "" {
		text = t.tr("vague_time", "when", t.tr(vagueKey(t.vague)))
	}
	t.ask(q, text)
}

// resume picks the conversation up where it was after a side step.
func (t *turn) resume() {
	switch {
	case !t.st.Started:
		t.greet()
	case t.firstUnknown() != nil:
		t.next()
	default:
		t.say(t.tr("after_suggestions"), t.afterSuggestionReplies()...)
	}
}

func (t *turn) retry() {
	q, ok := t.e.flow.Question(t.st.Asking)
	if !ok {
		t.next()
		return
	}
	t.ask(q, q.Retry.In(t.st.Lang))
}

func (t *turn) ask(q *flows.Question, text string) {
	t.st.Asking = q.Slot
	if len(t.noted) > 0 {
		text = t.tr("noted", "facts", strings.Join(t.noted, " · ")) + "\n\n" + text
		t.noted = nil
	}
	replies := make([]QuickReply, 0, len(q.Replies)+1)
	for _, r := range q.Replies {
		replies = append(replies, QuickReply{ID: r.ID, Label: r.Label.In(t.st.Lang)})
	}
	if q.Slot == "group" && t.st.Class != nil {
		replies = append(replies, t.action("with_class"))
	}
	if q.Slot == "place" {
		// A young person who only taps can still say where they are; a
		// client that cannot read the location still has "Online" first.
		replies = append(replies, t.action("use_location"))
	}
	t.say(text, replies...)
}

func (t *turn) restart() {
	lang := t.st.Lang
	*t.st = State{Flow: t.e.flow.ID, Lang: lang, Started: true, Consent: t.st.Consent, Seq: t.st.Seq, Turns: t.st.Turns, Class: t.st.Class, FollowUps: t.st.FollowUps,
		Referral: t.st.Referral}
	t.forget = t.st.Consent == nil
	t.say(t.tr("restarted"))
	t.next()
}

func (t *turn) change(slots ...string) {
	for _, s := range slots {
		t.st.Profile.Forget(s)
	}
	t.say(t.tr("change_ack"))
	t.next()
}
