package bot

// An Event is something a turn decided beyond what it says: the engine
// records it, and the service carries it out — in the same database update
// as the turn where it must not be lost (a lead, a safeguarding case), or
// after the update where it talks to another service (a friend's code, a
// reply in a lead's thread). Events are plain values, so a test can read a
// whole turn's decisions from its Outcome.
type Event interface{ event() }

// LeadRequested is a warm lead the young person agreed to send.
type LeadRequested struct{ Request LeadRequest }

// CaseRaised is a disclosure a safeguarding officer must look at.
type CaseRaised struct{ Case SafeguardingCase }

// ErasureRequested asks for everything stored about the young person to be
// deleted, after they confirmed it in the chat.
type ErasureRequested struct{}

// TurnForgotten asks for what the young person wrote to be dropped, as
// after an under-13 stop, where no personal data may be kept.
type TurnForgotten struct{}

// JoinRequested is an invite code a friend gave the young person.
type JoinRequested struct{ Code string }

// ReplyWritten is the young person's answer to an organisation in a lead's
// thread.
type ReplyWritten struct{ Reply LeadReply }

func (LeadRequested) event()    {}
func (CaseRaised) event()       {}
func (ErasureRequested) event() {}
func (TurnForgotten) event()    {}
func (JoinRequested) event()    {}
func (ReplyWritten) event()     {}

// EventOf returns the turn's first event of type T, if it has one.
func EventOf[T Event](o Outcome) (T, bool) {
	for _, e := range o.Events {
		if t, ok := e.(T); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}
