package bot

import (
	"slices"
	"strings"

	"github.com/brobygger/brobygger/flows"
	"github.com/brobygger/brobygger/redact"
	"github.com/brobygger/brobygger/understand"
)

// The bot's two tiers of care. A crisis (suicidal thoughts, self-harm,
// abuse, danger, …) gets the fixed answer with the helplines and support
// mode: the bot stays with the young person, whatever they write, until
// they choose to go back to volunteering. A concern (distress without a
// clear sign) gets a short, warm check-in that asks directly, as
// safe-messaging guidance recommends, and lets them talk or go on.

// crisis leaves the flow and points to help. The lines for the kinds found
// come first among the general ones; every text is fixed and reviewed.
func (t *turn) crisis(kinds []string) {
	t.st.Crisis, t.st.Concern = true, false
	t.st.Pending = nil
	var b strings.Builder
	b.WriteString(t.tr("crisis"))
	t.listHelplines(&b, func(h flows.Helpline) bool { return len(kinds) == 0 || h.ForKinds(kinds) })
	b.WriteString("\n\n")
	b.WriteString(t.tr("crisis_outro"))
	m := t.say(b.String(), t.action("back_to_volunteering"))
	m.Kind = "crisis"
}

// raiseCase opens a safeguarding case, in the same update as the turn, when
// someone under 18 (or of unknown age) discloses abuse, violence, neglect,
// grooming, forced marriage or having nowhere to sleep, whatever else the
// message says and whatever answer the turn gives.
func (t *turn) raiseCase(kinds []string, text string) {
	if t.st.Profile.Age >= 18 {
		return
	}
	var found []string
	for _, k := range kinds {
		if slices.Contains(safeguardingKinds, k) && !slices.Contains(found, k) {
			found = append(found, k)
		}
	}
	if len(found) == 0 {
		return
	}
	t.safe = &SafeguardingCase{Kind: found[0], Kinds: found, Messages: []string{redact.Redact(text)}, CreatedAt: t.now}
}

// concern is the warm check-in for distress without a clear sign: it asks
// directly about thoughts of self-harm or suicide and offers people to talk
// to, without leaving the young person stuck in a crisis screen.
func (t *turn) concern() {
	t.st.Concern = true
	t.st.Pending = &Pending{Kind: "concern"}
	var b strings.Builder
	b.WriteString(t.tr("concern_check"))
	b.WriteString("\n\n")
	b.WriteString(t.tr("concern_help"))
	t.listHelplines(&b, func(h flows.Helpline) bool { return h.Concern })
	m := t.say(b.String(), t.action("concern_yes"), t.action("concern_no"), t.action("back_to_volunteering"))
	m.Kind = "concern"
}

// supporting handles a message while the bot is in support mode, and
// reports whether it did. After a crisis answer, "ok", "tak", a message
// after a long silence or anything unclear gets a brief, kind reply and the
// help again; only going back (or a restart, an erasure or a question about
// what is stored, which are the young person's rights) leaves it.
func (t *turn) supporting(r understand.Result, has func(string) bool) bool {
	if !t.st.Crisis && !t.st.Concern {
		return false
	}
	switch {
	case has("back_to_volunteering"):
		t.choice("back_to_volunteering")
		return true
	case has("restart"), has("delete_data"), has("what_stored"):
		return false
	}
	if t.st.Concern && !t.st.Crisis {
		if t.st.Pending != nil && t.st.Pending.Kind == "concern" {
			switch {
			case has("yes"):
				t.choice("concern_yes")
				return true
			case has("no"):
				t.choice("concern_no")
				return true
			}
		}
		if r.Concern || len(r.Interests)+len(r.Slots) == 0 && r.Age == 0 && r.Municipality == "" {
			t.st.Pending = nil
			t.say(t.tr("concern_listen"), t.action("back_to_volunteering"))
			return true
		}
		// They moved on by themselves: answering about volunteering is
		// what they asked for.
		t.st.Concern, t.st.Pending = false, nil
		return false
	}
	t.support()
	return true
}

// support is the brief reply in support mode. It varies, so a young person
// who writes "ok" three times does not get the same wall of text, and
// repeats the lines open around the clock.
func (t *turn) support() {
	var b strings.Builder
	b.WriteString(t.tr([]string{"support_1", "support_2", "support_3"}[t.st.Turns%3]))
	b.WriteString("\n\n")
	b.WriteString(t.tr("support_help"))
	t.listHelplines(&b, func(h flows.Helpline) bool { return len(h.Kinds) == 0 })
	b.WriteString("\n\n")
	b.WriteString(t.tr("support_outro"))
	m := t.say(b.String(), t.action("back_to_volunteering"))
	m.Kind = "crisis"
}

// listHelplines writes the helplines that keep passes, one a line, saying
// "open now" only where their hours in Danish time say so.
func (t *turn) listHelplines(b *strings.Builder, keep func(flows.Helpline) bool) {
	for _, h := range t.e.helplines {
		if keep(h) {
			b.WriteString("\n• ")
			b.WriteString(h.Describe(t.st.Lang, t.now.In(copenhagen)))
		}
	}
}
