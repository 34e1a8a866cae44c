package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/brobygger/brobygger/understand"
)

// Understander reads free text with a language model into the same facts
// the deterministic understanding finds. It returns an error whenever it
// has no validated answer; the turn then goes on without it.
type Understander interface {
	Understand(ctx context.Context, userID, text, lang string) (understand.Result, error)
}

// Phraser rewrites one bot message more warmly in the young person's
// language, streaming it to onToken (which may be nil) as it comes. It
// returns an error whenever the rewrite is not safe to show; the
// deterministic text is used then.
type Phraser interface {
	Phrase(ctx context.Context, userID string, req PhraseRequest, onToken func(string)) (string, error)
}

// Assistant is an optional language model that helps with both.
type Assistant interface {
	Understander
	Phraser
}

// Purposes of a message the assistant may phrase.
const (
	PurposeQuestion    = "question"
	PurposeSuggestions = "suggestions"
	PurposeDetails     = "details"
	PurposeConfirm     = "confirm"
)

// PhraseRequest is one bot message to phrase.
type PhraseRequest struct {
	Lang    string
	Purpose string
	// Text is what the flow says: everything the phrased message must convey.
	Text string
	// UserText is what the young person wrote, or the label of what they tapped.
	UserText string
	// Opportunity is set for messages about one opportunity, and is then
	// the only source of facts about it.
	Opportunity *OpportunityFacts
}

// OpportunityFacts is what the catalog says about one opportunity, in the
// young person's language.
type OpportunityFacts struct {
	Title        string
	Organisation string
	Summary      string
	Description  string
	When         string
	Place        string
	Ages         string
	Contact      string
}

// DefaultAssistTimeout bounds the assistant's part of one turn.
const DefaultAssistTimeout = 8 * time.Second

// assistant is the service's optional language model, off when a is nil.
type assistant struct {
	a       Assistant
	timeout time.Duration
	onToken func(conversationID, messageID, token string)
}

// WithAssistant lets a language model help with every turn: it reads free
// text before the engine runs (the engine merges what it found with the
// deterministic understanding; crisis detection stays deterministic) and
// phrases questions, suggestion intros, opportunity details and
// confirmations more warmly. Both get turnTimeout in all (0 means
// DefaultAssistTimeout); anything not done by then, or failing, leaves the
// deterministic text. Crisis turns, under-13 stops and erasures never reach
// the model.
func (s *Service) WithAssistant(a Assistant, turnTimeout time.Duration) *Service {
	if turnTimeout <= 0 {
		turnTimeout = DefaultAssistTimeout
	}
	s.assist.a, s.assist.timeout = a, turnTimeout
	return s
}

// OnToken streams phrased messages as they are written: fn gets the
// conversation id, the id the bot message will be stored under and the
// next piece of text. What streams is provisional: the message Send
// returns (and stores) is final, and is the deterministic text when the
// phrasing failed part-way. Set it before serving.
func (s *Service) OnToken(fn func(conversationID, messageID, token string)) *Service {
	s.assist.onToken = fn
	return s
}

// assistPlan is the assistant's work for one turn, done before the store
// update so that no model call holds up the conversation's update: the
// understanding for the engine, the engine's turn, and phrased texts for its
// messages. The update uses the planned turn only if nothing was written to
// the conversation meanwhile; otherwise it runs the engine itself and says
// the deterministic texts.
type assistPlan struct {
	extra   *understand.Result
	seq     int
	phrased map[int]string
	// version, now, state and out are the turn as planned: the state it
	// was run on (at version), the state it left and what it said. The
	// update uses them as they are when nothing was written meanwhile, so
	// the engine runs once per turn.
	version int64
	now     time.Time
	state   *State
	out     *Outcome
}

// planAssist runs the assistant for one turn; nil means no assistance.
func (s *Service) planAssist(ctx context.Context, userID, convID, clientMessageID string, in Input) *assistPlan {
	if s.assist.a == nil {
		return nil
	}
	c, err := s.store.Conversation(ctx, convID)
	if err != nil || c.UserID != userID || c.State.Stopped != "" {
		return nil
	}
	if _, seen := c.RepliesTo(clientMessageID); seen || slices.Contains(c.State.ClientIDs, clientMessageID) {
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.assist.timeout)
	defer cancel()
	p := &assistPlan{seq: c.State.Seq, phrased: map[int]string{}}
	lang := langKey(c.State.Lang)
	userText := in.Text
	if in.Choice != "" {
		userText = s.engine.Label(in.Choice, lang)
	} else {
		det := understand.Parse(in.Text)
		if det.Crisis {
			return nil // a young person at risk gets the deterministic answer, and their words stay here
		}
		if worthUnderstanding(in.Text, det) {
			if det.Lang == "da" || det.Lang == "en" {
				lang = det.Lang
			}
			if r, err := s.assist.a.Understand(ctx, userID, in.Text, lang); err == nil {
				p.extra = &r
			}
		}
	}

	dry := in
	dry.Extra = p.extra
	p.version, p.now = c.Version, s.now()
	out := s.engine.Turn(&c.State, dry, p.now)
	p.state, p.out = &c.State, &out
	if len(out.Events) > 0 || slices.ContainsFunc(out.Messages, func(m Message) bool { return m.Kind != "" }) {
		return p
	}
	for i := range out.Messages {
		req, prefix, ok := s.phraseRequest(&c.State, in, out.Messages, i)
		if !ok {
			continue
		}
		req.UserText = userText
		text, err := s.assist.a.Phrase(ctx, userID, req, s.tokenSink(convID, fmt.Sprintf("m%06d", p.seq+2+i), prefix))
		if err == nil && strings.TrimSpace(text) != "" {
			p.phrased[i] = prefix + text
		}
	}
	return p
}

// tokenSink streams one message's tokens to the OnToken hook, starting with
// the part of the message that is not phrased.
func (s *Service) tokenSink(convID, msgID, prefix string) func(string) {
	if s.assist.onToken == nil {
		return nil
	}
	started := false
	return func(tok string) {
		if !started && prefix != "" {
			s.assist.onToken(convID, msgID, prefix)
		}
		started = true
		s.assist.onToken(convID, msgID, tok)
	}
}

// input adds the assistant's understanding to the young person's input.
func (p *assistPlan) input(in Input) Input {
	if p != nil && in.Choice == "" {
		in.Extra = p.extra
	}
	return in
}

// turn is the planned turn when it still fits the conversation as stored
// (nothing was written since it was planned): its new state, with the
// phrased texts in its messages. Otherwise the update runs the engine.
func (p *assistPlan) turn(c *Conversation) (State, Outcome, time.Time, bool) {
	if p == nil || p.out == nil || c.Version != p.version || c.State.Seq != p.seq {
		return State{}, Outcome{}, time.Time{}, false
	}
	out := *p.out
	out.Messages = slices.Clone(out.Messages)
	for i, text := range p.phrased {
		out.Messages[i].Text = text
	}
	return *p.state, out, p.now, true
}

// worthUnderstanding says whether a message is worth a model call: not a
// command or an under-13's age, which the deterministic path handles and
// which must not leave Brobygger, and not a short answer it already read.
func worthUnderstanding(text string, det understand.Result) bool {
	if det.Age > 0 && det.Age < 13 {
		return false
	}
	for _, i := range []string{"restart", "delete_data", "what_stored", "back_to_volunteering"} {
		if slices.Contains(det.Intents, i) {
			return false
		}
	}
	found := len(det.Interests) > 0 || len(det.Slots) > 0 || det.Commitment != "" || det.Group != "" ||
		det.Age > 0 || det.Municipality != "" || det.Online || len(det.Intents) > 0
	return !(found && len(strings.Fields(text)) <= 2)
}

// withExtra merges what the assistant understood into the deterministic
// result. The deterministic reading wins wherever it found something; the
// assistant only fills gaps. Language and intents are never taken from the
// assistant; its crisis or concern signal is only ever added, so a model
// that misses a crisis cannot hide it, and one that sees distress the rules
// missed gets the young person a check-in (and a minor's disclosure a case).
func withExtra(r understand.Result, extra *understand.Result) understand.Result {
	if extra == nil {
		return r
	}
	x := *extra
	for _, id := range x.Interests {
		if _, ok := understand.InterestByID(id); !ok || slices.Contains(r.Interests, id) {
			continue
		}
		r.Interests = append(r.Interests, id)
		if w := x.InterestWords[id]; w != "" {
			if r.InterestWords == nil {
				r.InterestWords = map[string]string{}
			}
			r.InterestWords[id] = w
		}
	}
	if len(r.Slots) == 0 && len(x.Slots) > 0 {
		r.Slots = slices.Clone(x.Slots)
	}
	if r.Commitment == "" {
		r.Commitment = x.Commitment
	}
	if r.Group == "" {
		r.Group = x.Group
	}
	if r.Age == 0 {
		r.Age = x.Age
	}
	if r.Postcode == "" && r.Municipality == "" {
		r.Postcode, r.Municipality = x.Postcode, x.Municipality
	}
	r.Online = r.Online || x.Online
	if !r.Crisis && x.Crisis {
		r.Crisis, r.CrisisKind, r.CrisisKinds, r.Concern = true, x.CrisisKind, slices.Clone(x.CrisisKinds), false
	}
	if !r.Crisis && x.Concern {
		r.Concern = true
	}
	return r
}

// phraseRequest decides whether message i of a turn may be phrased and
// what for. Only questions, suggestion intros, opportunity details and
// confirmations are; what Brobygger stores, safety texts and everything
// else keep their exact words. A leading "Noteret: …" stays as it is, so the
// young person always sees exactly what was noted.
func (s *Service) phraseRequest(st *State, in Input, msgs []Message, i int) (PhraseRequest, string, bool) {
	m := msgs[i]
	lang := langKey(st.Lang)
	if m.From != FromBot || m.Kind != "" || strings.TrimSpace(m.Text) == "" {
		return PhraseRequest{}, "", false
	}
	prefix, body := s.splitNoted(m.Text, lang)
	req := PhraseRequest{Lang: lang, Text: body}
	name, id, _ := strings.Cut(in.Choice, ":")
	hasReply := func(id string) bool {
		return slices.ContainsFunc(m.QuickReplies, func(q QuickReply) bool { return q.ID == id })
	}
	switch {
	case len(m.Cards) > 0:
		req.Purpose = PurposeSuggestions
	case name == "more" && hasReply("want:"+id):
		req.Purpose = PurposeDetails
		req.Opportunity = s.facts(st, id)
	case name == "want" && len(msgs) == 1 && hasReply("stored"):
		req.Purpose = PurposeConfirm
		req.Opportunity = s.facts(st, id)
	case s.isQuestion(body, lang):
		req.Purpose = PurposeQuestion
	default:
		return PhraseRequest{}, "", false
	}
	if (req.Purpose == PurposeDetails || req.Purpose == PurposeConfirm) && req.Opportunity == nil {
		return PhraseRequest{}, "", false
	}
	return req, prefix, true
}

// splitNoted separates a leading "Noteret: …." paragraph from the rest.
func (s *Service) splitNoted(text, lang string) (string, string) {
	head, tail, ok := strings.Cut(s.engine.flow.Text("noted", lang), "{facts}")
	if !ok || !strings.HasPrefix(text, head) {
		return "", text
	}
	end := strings.Index(text, tail+"\n\n")
	if end < 0 {
		return "", text
	}
	cut := end + len(tail) + 2
	return text[:cut], text[cut:]
}

func (s *Service) isQuestion(text, lang string) bool {
	for _, q := range s.engine.flow.Questions {
		if text == q.Ask.In(lang) || text == q.Retry.In(lang) {
			return true
		}
	}
	return false
}

// facts is what the catalog says about an opportunity, worded as the
// engine words it.
func (s *Service) facts(st *State, id string) *OpportunityFacts {
	o, ok := s.engine.catalog.Get(id)
	if !ok {
		return nil
	}
	t := s.engine.newTurn(st, s.now())
	text := t.textOf(o)
	return &OpportunityFacts{
		Title:        text.Title,
		Organisation: o.Organisation,
		Summary:      text.Summary,
		Description:  text.Description,
		When:         t.describeSchedule(o),
		Place:        t.placeOf(o),
		Ages:         t.agesOf(o),
		Contact:      text.Contact,
	}
}
