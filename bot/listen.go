package bot

import (
	"strconv"
	"time"
)

// listen answers a message the flow cannot use — thanks, rudeness, a
// question about something else, an emoji or a keyboard mash — with a short
// reply that fits the moment instead of the same canned text every time.
// After two such messages in a row it offers the buttons that fit where the
// conversation is.
func (t *turn) listen(has func(string) bool, unclearBefore int) {
	variant := func(prefix string, n int) string {
		return t.tr(prefix + "_" + strconv.Itoa(1+t.st.Turns%n))
	}
	t.st.Unclear = unclearBefore + 1
	var text string
	switch {
	case has("thanks"):
		text, t.st.Unclear = t.tr("thanks_reply"), 0
	case has("rude"):
		text = variant("rude", 2)
	case has("off_topic"):
		text = variant("off_topic", 2)
	default:
		text = variant("unclear", 2)
	}
	if t.st.Unclear >= 2 {
		text = t.tr("unclear_buttons")
	}
	switch {
	case !t.st.Started:
		t.say(text+" "+t.tr("help"), t.action("start"), t.action("stored"))
	case t.firstUnknown() == nil && len(t.st.Shown) > 0:
		// After the cards, the moment is about the cards.
		t.say(text+" "+t.tr("cards_nudge"), t.afterSuggestionReplies()...)
	case t.firstUnknown() == nil:
		t.say(text, t.action("show_more"), t.action("restart"))
	default:
		t.say(text)
		t.retry()
	}
}

// vagueKey names the text for a vague time such as "season".
func vagueKey(kind string) string {
	switch kind {
	case "season", "sometimes", "later":
		return "vague_" + kind
	}
	return "vague_other"
}

// AnswerTimes is how an organisation answers young people's leads, for
// "hvornår svarer de?".
type AnswerTimes struct {
	// Leads is how many decided leads were measured; Answered how many got
	// an answer.
	Leads, Answered int
	// Median is the median time to the first answer.
	Median time.Duration
}

// minLeadsToJudge is how many decided leads an organisation needs before
// the bot says how fast it answers: fewer would be a guess.
const minLeadsToJudge = 3

// SetAnswerTimes replaces what the engine knows about organisations'
// answering, by organisation id. It is safe to call while turns run.
func (e *Engine) SetAnswerTimes(byOrg map[string]AnswerTimes) {
	e.answers.Store(&byOrg)
}

func (e *Engine) answerTimes(orgID string) (AnswerTimes, bool) {
	m := e.answers.Load()
	if m == nil {
		return AnswerTimes{}, false
	}
	a, ok := (*m)[orgID]
	return a, ok && a.Leads >= minLeadsToJudge
}

// responseTime answers "hvornår svarer de?" about the organisation the
// young person most recently chose, from how it has answered others.
func (t *turn) responseTime() {
	var orgID, name string
	for i := len(t.st.Chosen) - 1; i >= 0 && orgID == ""; i-- {
		if o, ok := t.e.catalog.Get(t.st.Chosen[i].OpportunityID); ok {
			orgID, name = o.OrganisationID, o.Organisation
		}
	}
	replies := t.afterSuggestionReplies()
	switch a, ok := t.e.answerTimes(orgID); {
	case orgID == "":
		t.say(t.tr("response_time_none"), replies...)
	case !ok:
		t.say(t.tr("response_time_unknown", "organisation", name)+" "+t.tr("response_time_promise"), replies...)
	default:
		t.say(t.tr("response_time_known", "organisation", name, "wait", t.describeWait(a.Median),
			"answered", strconv.Itoa(a.Answered), "leads", strconv.Itoa(a.Leads))+" "+t.tr("response_time_promise"), replies...)
	}
}

// describeWait rounds a waiting time up to what people say: a few hours, a
// day, n days.
func (t *turn) describeWait(d time.Duration) string {
	switch {
	case d <= 6*time.Hour:
		return t.tr("wait_hours")
	case d <= 24*time.Hour:
		return t.tr("wait_day")
	}
	return t.tr("wait_days", "n", strconv.Itoa(int((d+24*time.Hour-1)/(24*time.Hour))))
}
