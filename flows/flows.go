// Package flows holds Brobygger's guided conversations as data: the questions
// the bot asks, the quick replies it offers and every sentence it says, in
// Danish and English. Flows are embedded JSON files, parsed and validated
// once at start-up; a broken flow stops the server with an error that names
// the flow and the step.
package flows

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

//go:embed data/*.json
var files embed.FS

// Languages every text must be written in.
var Languages = []string{"da", "en"}

// Slots a question can fill. The conversation engine knows how to apply each.
var Slots = []string{"age", "interests", "when", "commitment", "place", "group"}

// Text is one sentence in every language, keyed by language code.
type Text map[string]string

// In returns the text in lang, falling back to Danish.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok {
		return s
	}
	return t["da"]
}

// Reply is a quick reply that answers a question.
type Reply struct {
	ID    string `json:"id"`
	Label Text   `json:"label"`
	// Value is what the reply sets the question's slot to; its meaning
	// depends on the slot (an age, an interest id, a list of time slots…).
	Value string `json:"value"`
}

// Question asks for one slot of the young person's profile.
type Question struct {
	ID      string  `json:"id"`
	Slot    string  `json:"slot"`
	Ask     Text    `json:"ask"`
	Retry   Text    `json:"retry"`
	Replies []Reply `json:"replies"`
}

// Flow is one guided conversation: questions asked in order, each only while
// its slot is unknown, and the named texts the engine says around them.
type Flow struct {
	ID        string          `json:"id"`
	Version   int             `json:"version"`
	Questions []Question      `json:"questions"`
	Texts     map[string]Text `json:"texts"`
	// Actions are labels for commands and card actions (start, show more, …).
	Actions map[string]Text `json:"actions"`

	replies map[string]replyRef
}

type replyRef struct {
	question *Question
	reply    *Reply
}

// Reply finds a quick reply by id across all questions.
func (f *Flow) Reply(id string) (*Question, *Reply, bool) {
	r, ok := f.replies[id]
	return r.question, r.reply, ok
}

// Question returns the question that fills slot.
func (f *Flow) Question(slot string) (*Question, bool) {
	for i := range f.Questions {
		if f.Questions[i].Slot == slot {
			return &f.Questions[i], true
		}
	}
	return nil, false
}

// Text returns the named text in lang. The name must be one the flow was
// validated against; an unknown name is a programming error and says so.
func (f *Flow) Text(name, lang string) string {
	t, ok := f.Texts[name]
	if !ok {
		return "[missing text " + name + "]"
	}
	return t.In(lang)
}

// Action returns the label of a command or card action in lang.
func (f *Flow) Action(name, lang string) string {
	t, ok := f.Actions[name]
	if !ok {
		return "[missing action " + name + "]"
	}
	return t.In(lang)
}

// Requirements is what the engine that runs a flow needs from it, so that a
// flow that would break a conversation fails at start-up instead.
type Requirements struct {
	// Texts and Actions the engine will say by name.
	Texts, Actions []string
	// CheckValue says whether the engine can apply a reply's value to a slot.
	CheckValue func(slot, value string) error
}

// Load parses and validates the embedded flow with the given id.
func Load(id string, req Requirements) (*Flow, error) {
	b, err := fs.ReadFile(files, path.Join("data", id+".json"))
	if err != nil {
		return nil, fmt.Errorf("flow %q: %w", id, err)
	}
	return Parse(b, req)
}

// Parse reads and validates a flow definition.
func Parse(b []byte, req Requirements) (*Flow, error) {
	var f Flow
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("flow: %w", err)
	}
	if err := f.validate(req); err != nil {
		return nil, err
	}
	return &f, nil
}

func (f *Flow) validate(req Requirements) error {
	if f.ID == "" {
		return errors.New("flow: missing id")
	}
	var errs []error
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("flow %s: "+format, append([]any{f.ID}, args...)...))
	}
	checkText := func(where string, t Text) {
		for _, l := range Languages {
			if strings.TrimSpace(t[l]) == "" {
				fail("%s: missing %q text", where, l)
			}
		}
	}
	f.replies = map[string]replyRef{}
	seenQ := map[string]bool{}
	seenSlot := map[string]bool{}
	for qi := range f.Questions {
		q := &f.Questions[qi]
		where := "step " + q.ID
		if q.ID == "" {
			fail("question %d: missing id", qi+1)
		}
		if seenQ[q.ID] {
			fail("%s: duplicate step id", where)
		}
		seenQ[q.ID] = true
		if !slices.Contains(Slots, q.Slot) {
			fail("%s: unknown slot %q (known: %s)", where, q.Slot, strings.Join(Slots, ", "))
		}
		if seenSlot[q.Slot] {
			fail("%s: slot %q is already asked by another step, so this step is unreachable", where, q.Slot)
		}
		seenSlot[q.Slot] = true
		checkText(where+" ask", q.Ask)
		checkText(where+" retry", q.Retry)
		for ri := range q.Replies {
			r := &q.Replies[ri]
			if r.ID == "" {
				fail("%s: reply %d has no id", where, ri+1)
				continue
			}
			if _, dup := f.replies[r.ID]; dup {
				fail("%s: reply %q is defined twice", where, r.ID)
			}
			if _, clash := f.Actions[r.ID]; clash {
				fail("%s: reply %q clashes with an action", where, r.ID)
			}
			checkText(where+" reply "+r.ID, r.Label)
			if req.CheckValue != nil {
				if err := req.CheckValue(q.Slot, r.Value); err != nil {
					fail("%s: reply %q: %v", where, r.ID, err)
				}
			}
			f.replies[r.ID] = replyRef{question: q, reply: r}
		}
	}
	for _, s := range Slots {
		if !seenSlot[s] {
			fail("no step asks for slot %q", s)
		}
	}
	for _, name := range req.Texts {
		if t, ok := f.Texts[name]; !ok {
			fail("missing text %q", name)
		} else {
			checkText("text "+name, t)
		}
	}
	for _, name := range req.Actions {
		if t, ok := f.Actions[name]; !ok {
			fail("missing action %q", name)
		} else {
			checkText("action "+name, t)
		}
	}
	for name, t := range f.Texts {
		checkText("text "+name, t)
	}
	return errors.Join(errs...)
}

// ReplyLabel returns a quick reply's label in lang, or "" for an unknown id.
func (f *Flow) ReplyLabel(id, lang string) string {
	if _, r, ok := f.Reply(id); ok {
		return r.Label.In(lang)
	}
	return ""
}
