package bot

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"

	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
)

// Class is the school session a conversation belongs to: a class that
// onboards together while the teacher sees totals only. The conversation
// is the pupil's own; the class only adds "Med klassen" as a way to go and
// counts the pupil's answers in the class's totals until they leave.
type Class struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Size is how many the class would bring on an outing.
	Size int `json:"size,omitempty"`
}

// DefaultClassSize is a Danish class when the teacher did not say.
const DefaultClassSize = 25

func (c *Class) size() int {
	if c.Size > 0 {
		return c.Size
	}
	return DefaultClassSize
}

// ClassJoiner finds the class behind a join code typed in the chat.
type ClassJoiner interface {
	JoinClass(ctx context.Context, code, conversationID string) (Class, error)
}

// classCodeText is a class's join code typed bare: seven characters of the
// invite alphabet with a digit, so a seven-letter word is never one. "kode
// …" with seven characters is read by inviteCode and told apart by length.
var classCodeText = regexp.MustCompile(`^\s*([A-HJ-NP-Z2-9]{7})\s*$`)

// ClassCodeLength tells a class's join code from a friend's invite code.
const ClassCodeLength = 7

// StartInClass starts the user's conversation in class: a new one, or the
// one they have, which then counts in the class from now on.
func (s *Service) StartInClass(ctx context.Context, userID, lang string, class Class) (*Conversation, error) {
	existing, found, err := s.Existing(ctx, userID)
	if err != nil {
		return nil, err
	}
	if found {
		return s.putInClass(ctx, existing.ID, class)
	}
	now := s.now()
	c := &Conversation{ID: s.newID(), UserID: userID, CreatedAt: now, UpdatedAt: now}
	out := s.engine.Start(&c.State, lang)
	c.State.Class = &class
	out.Messages = append(out.Messages, s.engine.classJoined(&c.State))
	c.appendMessages(now, out.Messages...)
	if err := s.store.CreateConversation(ctx, c); err != nil {
		return nil, err
	}
	return c, nil
}

// putInClass makes a conversation count in class from now on, and tells
// the pupil what the teacher will see.
func (s *Service) putInClass(ctx context.Context, convID string, class Class) (*Conversation, error) {
	return s.store.UpdateConversation(ctx, convID, func(c *Conversation) error {
		c.State.Class = &class
		c.appendMessages(s.now(), s.engine.classJoined(&c.State))
		return nil
	})
}

// joinClass puts the user's conversation into the class behind code, typed
// in the chat; it reports false when code is no class's.
func (s *Service) joinClass(ctx context.Context, userID, convID, lang, code string) bool {
	if s.classes == nil || len(code) != ClassCodeLength {
		return false
	}
	class, err := s.classes.JoinClass(ctx, code, convID)
	if err != nil {
		_ = s.Deliver(ctx, userID, Message{Text: s.engine.Say("join_failed", lang)})
		return true
	}
	if _, err := s.putInClass(ctx, convID, class); err == nil && s.delivered != nil {
		s.delivered(convID)
	}
	return true
}

// SetClasses lets pupils join a class by typing its code in the chat.
func (s *Service) SetClasses(j ClassJoiner) { s.classes = j }

// classJoined is the one line that tells a pupil what the teacher will see.
func (e *Engine) classJoined(st *State) Message {
	t := e.newTurn(st, time.Time{})
	replies := []QuickReply{t.action("leave_class")}
	if !st.Started {
		// The greeting's buttons are above; the last message's are the
		// ones the app shows, so the way to begin comes along.
		replies = []QuickReply{t.action("start"), t.action("leave_class")}
	}
	t.say(t.tr("class_joined", "title", st.Class.Title), replies...)
	return t.msgs[0]
}

// leaveClass takes the pupil's answers out of the class's totals; the
// conversation goes on as it was.
func (t *turn) leaveClass() {
	if t.st.Class == nil {
		t.say(t.tr("class_not_in"))
		t.resume()
		return
	}
	t.st.Class = nil
	if t.st.Profile.Group == match.Group && t.st.Profile.GroupSize > 0 {
		t.st.Profile.Forget("group")
	}
	t.say(t.tr("class_left"))
	t.resume()
}

// withClass is the answer "Med klassen": a group the size of the class.
func (t *turn) withClass() {
	if t.st.Class == nil {
		t.say(t.tr("class_not_in"))
		t.resume()
		return
	}
	t.begin()
	t.st.Profile.Group = match.Group
	t.st.Profile.GroupSize = t.st.Class.size()
	t.note(t.tr("fact_group_class"))
	t.next()
}

// leavesClass reports whether text asks to leave the class ("forlad
// klassen", "jeg vil ikke være med i klassen", "leave the class").
func leavesClass(text string) bool {
	return leaveClassText.MatchString(text)
}

var leaveClassText = regexp.MustCompile(`(?i)^\s*(?:forlad|forlade|forlader|ud af|meld mig ud af|leave)\s+(?:the\s+)?(?:klassen|class|my class)\s*[.!]?\s*$|ikke\s+(?:være\s+)?med\s+i\s+klassen`)

// ClassAnswer is what one pupil's conversation adds to the class's totals:
// never text, ids or times, only what the totals count.
type ClassAnswer struct {
	Interests []string
	Slots     []string
	// Suggested is true once the pupil saw suggestions; Chose once they
	// said "Det vil jeg gerne" to one.
	Suggested, Chose bool
	Age              int
	Postcode         string
}

// ClassAnswers reads the answers of the conversations that still belong to
// class classID; conversations that left it, or are gone, count for nothing.
func (s *Service) ClassAnswers(ctx context.Context, classID string, convIDs []string) ([]ClassAnswer, error) {
	out := make([]ClassAnswer, 0, len(convIDs))
	for _, id := range convIDs {
		c, err := s.store.Conversation(ctx, id)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("class answers: %w", err)
		}
		st := c.State
		if st.Class == nil || st.Class.ID != classID {
			continue
		}
		p := st.Profile
		out = append(out, ClassAnswer{Interests: slices.Clone(p.Interests), Slots: slices.Clone(p.Slots),
			Suggested: len(st.Seen) > 0, Chose: len(st.Chosen) > 0, Age: p.Age, Postcode: p.Postcode})
	}
	return out, nil
}

// OutingQuery asks for outings a whole class can do together.
type OutingQuery struct {
	Interests []string
	// Size is how many go; Age the youngest pupil's age (13 when unknown).
	Size, Age int
	// Postcode is the school's.
	Postcode string
	Lang     string
}

// schoolDay are the slots a class can go out in: weekday mornings and
// afternoons, whatever the pupils said about their own free time.
var schoolDay = slotsFor([]string{"mon", "tue", "wed", "thu", "fri"}, []string{"morning", "afternoon"})

// ClassOutings are up to n opportunities that take a group of q.Size near
// the school, about the class's interests where the catalog has them, each
// a card with its dated first step in the school day.
func (e *Engine) ClassOutings(q OutingQuery, n int, now time.Time) []Card {
	st := State{Flow: e.flow.ID, Lang: q.Lang}
	if st.Lang != "en" {
		st.Lang = "da"
	}
	p := &st.Profile
	p.Age = max(q.Age, 13)
	p.Interests, p.InterestsKnown = slices.Clone(q.Interests), true
	p.Group, p.GroupSize = match.Group, max(q.Size, 2)
	p.Commitment, p.CommitKnown = match.OneOff, true
	p.Slots, p.WhenKnown = slices.Clone(schoolDay), true
	t := e.newTurn(&st, now)
	if pc, ok := geo.LookupPostcode(q.Postcode); ok {
		t.setPostcode(pc)
	} else {
		p.Online = true
	}
	mp := st.matchProfile()
	var cards []Card
	for _, s := range e.catalog.Rank(mp, now, n*10) {
		if len(cards) == n {
			break
		}
		if s.Opportunity.Place.Online {
			continue
		}
		if c := t.card(s); inSchoolTime(c.FirstStep.StartsAt) {
			cards = append(cards, c)
		}
	}
	return cards
}

// inSchoolTime reports whether a first step falls in the school day, a
// weekday between 8 and 15, when a class can go.
func inSchoolTime(at *time.Time) bool {
	if at == nil {
		return false
	}
	local := at.In(copenhagen)
	wd := local.Weekday()
	return wd != time.Saturday && wd != time.Sunday && local.Hour() >= 8 && local.Hour() < 15
}

// Opportunity looks an opportunity up in the catalog.
func (e *Engine) Opportunity(id string) (*match.Opportunity, bool) { return e.catalog.Get(id) }
