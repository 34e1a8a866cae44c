package bot

import (
	"errors"
	"slices"
	"time"

	"github.com/brobygger/brobygger/understand"
)

// Turn outcomes, as a TurnReport gives them.
const (
	// TurnOK is a turn answered in the ordinary way.
	TurnOK = "ok"
	// TurnCrisis is a turn answered with the crisis text and the helplines.
	TurnCrisis = "crisis"
	// TurnSupport is a reply in support mode, after a crisis answer: the
	// bot stays with the young person and repeats the lines.
	TurnSupport = "support"
	// TurnRetry is a message the app sent again with the same client
	// message id, answered with the replies it got before.
	TurnRetry = "retry"
	// TurnNotFound is a turn for a conversation that is not the caller's.
	TurnNotFound = "not_found"
	// TurnError is a turn that failed.
	TurnError = "error"
)

// TurnOutcomes is every outcome a TurnReport can have.
var TurnOutcomes = []string{TurnOK, TurnCrisis, TurnSupport, TurnRetry, TurnNotFound, TurnError}

// TurnReport is how one turn went, for the people who run the service. It
// holds no user, conversation or words: only what a counter may.
type TurnReport struct {
	// Outcome is one of TurnOutcomes.
	Outcome string
	// Took is the whole turn, the language model included.
	Took time.Duration
	// CrisisKinds are the crisis kinds (understand.CrisisKindOrder) the
	// message showed when the turn gave the crisis answer; empty for any
	// other outcome, and for a crisis answer no message showed (a "yes"
	// to the concern check-in).
	CrisisKinds []string
}

// OnTurn is called with a report at the end of every Send, after the turn
// is stored and whatever came of it.
func (s *Service) OnTurn(fn func(TurnReport)) *Service {
	s.onTurn = fn
	return s
}

// turnSeen is what a turn's update learnt for its report: whether it ran
// the engine (a retry does not) and whether the conversation was in
// support mode before.
type turnSeen struct {
	fresh, wasCrisis bool
}

// reportTurn tells the OnTurn observer how the turn Send ran went; it is
// deferred at the start of Send and reads what Send ended with.
func (s *Service) reportTurn(started time.Time, in *Input, seen *turnSeen, replies *[]Message, err *error) {
	if s.onTurn == nil {
		return
	}
	r := TurnReport{Outcome: TurnOK, Took: time.Since(started)}
	switch {
	case *err != nil && errors.Is(*err, ErrNotFound):
		r.Outcome = TurnNotFound
	case *err != nil:
		r.Outcome = TurnError
	case !seen.fresh:
		r.Outcome = TurnRetry
	case slices.ContainsFunc(*replies, func(m Message) bool { return m.Kind == "crisis" }):
		// Support mode answers with the same kind of message; it is a new
		// crisis answer when the message showed one (read as the engine
		// read it) or the bot was not in support mode yet.
		if in.Choice == "" {
			if u := withExtra(understand.Parse(in.Text), in.Extra); u.Crisis {
				r.CrisisKinds = u.CrisisKinds
				if len(r.CrisisKinds) == 0 && u.CrisisKind != "" {
					r.CrisisKinds = []string{u.CrisisKind}
				}
			}
		}
		r.Outcome = TurnCrisis
		if len(r.CrisisKinds) == 0 && seen.wasCrisis {
			r.Outcome = TurnSupport
		}
	}
	s.onTurn(r)
}
