package leads

import (
	"context"
	"errors"
	"time"

	"github.com/brobygger/brobygger/match"
)

// Request is a warm lead the young person agreed to send, as the chat
// raised it: exactly what the consent message showed them.
type Request struct {
	// ID is the lead's id, chosen when the young person agreed, so a
	// lead sent twice is stored once.
	ID     string
	Lang   string
	Shared Shared
	// FirstStep is the first step the chat showed; SeenAt when the young
	// person first saw the card (zero when unknown).
	FirstStep *FirstStep
	SeenAt    time.Time
}

// NewLead is the lead a young person sends to opportunity o from their
// conversation. A phone number or e-mail in the request was shown in the
// consent message, so sending it is the agreement to share it, at now.
func NewLead(o match.Opportunity, youthID, conversationID string, r Request, now time.Time) Lead {
	l := Lead{
		ID:             r.ID,
		OrganisationID: o.OrganisationID, OrganisationName: o.Organisation,
		OpportunityID: o.ID, OpportunityTitle: o.Title,
		YouthID: youthID, ConversationID: conversationID, Lang: r.Lang,
		MaxFriends: max(o.GroupSize-1, 0),
		Shared:     r.Shared,
		FirstStep:  r.FirstStep, Commitment: o.Commitment,
	}
	if !r.SeenAt.IsZero() {
		l.BridgeStages = []StageChange{{StageKnowsItExists, r.SeenAt}}
	}
	if r.Shared.ContactMethod == ContactPhone || r.Shared.ContactMethod == ContactEmail {
		l.ContactAgreedAt = &now
	}
	return l
}

// Send stores a new lead for its young person and, when friends may come
// along, makes an invite code for them; it returns the lead as stored.
// Sending a lead whose id is stored already returns that lead and a code
// instead of a second lead: the chat may not have heard that the first try
// succeeded. A lead stored without an invite code is still sent; the code
// is only missing then.
func (s *Service) Send(ctx context.Context, l Lead) (sent Lead, inviteCode string, err error) {
	youth := Caller{Actor: Youth, UserID: l.YouthID}
	sent, err = s.Create(ctx, l)
	if errors.Is(err, ErrConflict) && l.ID != "" {
		sent, err = s.Get(ctx, l.ID, youth)
	}
	if err != nil {
		return Lead{}, "", err
	}
	if sent.MaxFriends < 1 {
		return sent, "", nil
	}
	inv, err := s.Invite(ctx, sent.ID, youth)
	if err != nil {
		return sent, "", nil // the lead is sent; a friend can still just come along
	}
	return sent, inv.Code, nil
}

// AnswerTimes is how an organisation answers young people, for the chat's
// "hvornår svarer de?".
type AnswerTimes struct {
	Leads, Answered int
	Median          time.Duration
}

// Scores is every organisation's responsiveness, measured on its leads.
type Scores struct {
	// Boost is each organisation's ranking boost (Score.Boost), and
	// DefaultBoost the boost of one with no leads yet.
	Boost        map[string]float64
	DefaultBoost float64
	// Answers is how each organisation answers.
	Answers map[string]AnswerTimes
}

// ScoreOrganisations measures every organisation that has leads among all.
func ScoreOrganisations(all []Lead) Scores {
	byOrg := map[string][]Lead{}
	for _, l := range all {
		byOrg[l.OrganisationID] = append(byOrg[l.OrganisationID], l)
	}
	out := Scores{Boost: make(map[string]float64, len(byOrg)), DefaultBoost: Responsiveness(nil).Boost(),
		Answers: make(map[string]AnswerTimes, len(byOrg))}
	for org, ls := range byOrg {
		score := Responsiveness(ls)
		out.Boost[org] = score.Boost()
		out.Answers[org] = AnswerTimes{Leads: score.Leads, Answered: score.Answered, Median: score.MedianFirstAnswer}
	}
	return out
}
