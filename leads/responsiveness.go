package leads

import (
	"cmp"
	"slices"
	"time"
)

// ResponsivenessWindow is how many of an organisation's latest decided
// leads its responsiveness is measured over.
const ResponsivenessWindow = 30

// MaxBoost is the most responsiveness adds to an opportunity's match score.
const MaxBoost = 0.1

// Score is how an organisation answers its leads.
type Score struct {
	// Leads is how many leads were measured; Answered how many of them
	// someone at the organisation acted on.
	Leads, Answered int
	// MedianFirstAnswer is the median time from a lead to the
	// organisation's first action on it, over the answered leads.
	MedianFirstAnswer time.Duration
	// Welcome is how the first visits of its latest leads went, as the
	// young people said the day after.
	Welcome WelcomeRate
}

// AnsweredShare is the share of measured leads that were answered, 0 when none were measured.
func (s Score) AnsweredShare() float64 {
	if s.Leads == 0 {
		return 0
	}
	return float64(s.Answered) / float64(s.Leads)
}

// Responsiveness measures an organisation over its latest
// ResponsivenessWindow decided leads. A lead is decided once someone at the
// organisation acted on it (answered) or it was marked no_response
// (unanswered). Leads that are still new without an answer are too early
// to judge, and leads the young person withdrew before any answer say
// nothing about the organisation, so neither counts.
func Responsiveness(leads []Lead) Score {
	decided := make([]Lead, 0, len(leads))
	for _, l := range leads {
		if l.FirstAnsweredAt != nil || l.Status == StatusNoResponse {
			decided = append(decided, l)
		}
	}
	slices.SortFunc(decided, func(a, b Lead) int { return b.CreatedAt.Compare(a.CreatedAt) })
	decided = decided[:min(len(decided), ResponsivenessWindow)]
	var waits []time.Duration
	for _, l := range decided {
		if l.FirstAnsweredAt != nil {
			waits = append(waits, max(l.FirstAnsweredAt.Sub(l.CreatedAt), 0))
		}
	}
	visited := slices.DeleteFunc(slices.Clone(leads), func(l Lead) bool {
		return l.FirstVisit != VisitWelcomed && l.FirstVisit != VisitNotWelcomed
	})
	slices.SortFunc(visited, func(a, b Lead) int { return b.CreatedAt.Compare(a.CreatedAt) })
	s := Score{Leads: len(decided), Answered: len(waits), Welcome: Welcomes(visited[:min(len(visited), ResponsivenessWindow)])}
	if len(waits) > 0 {
		slices.SortFunc(waits, cmp.Compare)
		mid := len(waits) / 2
		s.MedianFirstAnswer = waits[mid]
		if len(waits)%2 == 0 {
			s.MedianFirstAnswer = (waits[mid-1] + waits[mid]) / 2
		}
	}
	return s
}

// Boost is what responsiveness adds to an opportunity's match score, in
// [0, MaxBoost]. It gently favours organisations that answer, answer fast
// and welcome newcomers well, without burying anyone: the answered and the
// welcomed shares are pulled towards one half by three imagined leads or
// visits, so an organisation with no history gets the middle of the range
// and one bad week moves it little; speed counts fully for a median answer
// within a day and not at all after a week.
func (s Score) Boost() float64 {
	const prior, priorLeads = 0.5, 3.0
	share := (float64(s.Answered) + prior*priorLeads) / (float64(s.Leads) + priorLeads)
	welcome := (float64(s.Welcome.Welcomed) + prior*priorLeads) / (float64(s.Welcome.Visits) + priorLeads)
	speed := 0.5 // no answers yet: neither fast nor slow
	if s.Answered > 0 {
		const fast, slow = 24 * time.Hour, 7 * 24 * time.Hour
		speed = 1 - float64(s.MedianFirstAnswer-fast)/float64(slow-fast)
		speed = min(max(speed, 0), 1)
	}
	return min(max(MaxBoost*(0.6*share+0.25*speed+0.15*welcome), 0), MaxBoost)
}
