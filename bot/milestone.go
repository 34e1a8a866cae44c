package bot

import (
	"context"
	"slices"
	"time"
)

// Milestone stages: the steps across the bridge the chat itself sees. A
// lead's welcomed and belongs come from the check-ins (package followups).
const (
	MilestoneStarted   = "conversation_started"
	MilestoneSuggested = "suggestions_seen"
	MilestoneChosen    = "first_step_chosen"
	MilestoneLeadSent  = "lead_sent"
)

// Milestone is a step across the bridge a conversation took: what the
// funnel counts. It carries no words and no user id, only what the funnel
// filters by.
type Milestone struct {
	ConversationID string
	Stage          string
	// OpportunityID and OrganisationID are the opportunity chosen or led
	// to; LeadID the lead sent.
	OpportunityID, OrganisationID, LeadID string
	Municipality, AgeBand, ClassID        string
	At                                    time.Time
}

// OnMilestone is called with each step a conversation takes across the
// bridge, after it is stored.
func (s *Service) OnMilestone(fn func(ctx context.Context, m Milestone)) *Service {
	s.milestone = fn
	return s
}

// progress is how far a conversation had got before a turn.
type progress struct {
	started, suggested bool
	chosen             []string
}

func progressOf(st *State) progress {
	p := progress{started: st.Started, suggested: len(st.Seen) > 0}
	for _, c := range st.Chosen {
		p.chosen = append(p.chosen, c.OpportunityID)
	}
	return p
}

// milestonesSince lists the steps the state took since before.
func (s *Service) milestonesSince(before progress, convID string, st *State, at time.Time) []Milestone {
	base := Milestone{ConversationID: convID, Municipality: st.Profile.Municipality, AgeBand: ageBand(st.Profile.Age), At: at}
	if st.Class != nil {
		base.ClassID = st.Class.ID
	}
	var out []Milestone
	add := func(stage, opp string) {
		m := base
		m.Stage, m.OpportunityID = stage, opp
		if o, ok := s.engine.catalog.Get(opp); ok && opp != "" {
			m.OrganisationID = o.OrganisationID
		}
		out = append(out, m)
	}
	if st.Started && !before.started {
		add(MilestoneStarted, "")
	}
	if len(st.Seen) > 0 && !before.suggested {
		add(MilestoneSuggested, "")
	}
	for _, c := range st.Chosen {
		if !slices.Contains(before.chosen, c.OpportunityID) {
			add(MilestoneChosen, c.OpportunityID)
		}
	}
	return out
}

// leadMilestone is the step of a lead stored for the conversation.
func (s *Service) leadMilestone(convID string, st *State, req LeadRequest, at time.Time) Milestone {
	m := Milestone{ConversationID: convID, Stage: MilestoneLeadSent, OpportunityID: req.OpportunityID,
		OrganisationID: req.OrganisationID, LeadID: req.ID, Municipality: st.Profile.Municipality,
		AgeBand: ageBand(st.Profile.Age), At: at}
	if st.Class != nil {
		m.ClassID = st.Class.ID
	}
	return m
}

// tell passes milestones on once they are stored.
func (s *Service) tell(ctx context.Context, ms []Milestone) {
	if s.milestone == nil {
		return
	}
	for _, m := range ms {
		s.milestone(ctx, m)
	}
}
