package match

import "time"

// Reasons a young person may give when turning a suggestion down.
const (
	TooFar     = "too_far"
	WrongTime  = "wrong_time"
	NotMyThing = "not_my_thing"
)

// Kinds of Reason, listed in the order they are reported.
const (
	ReasonInterest   = "interest"
	ReasonNear       = "near"
	ReasonOnline     = "online"
	ReasonTime       = "time"
	ReasonGroup      = "group"
	ReasonCommitment = "commitment"
	ReasonAge        = "age"
)

// Defaults used when a profile leaves a value open.
const (
	// DefaultMaxDistanceKm is how far a young person is assumed willing to
	// travel when they have not said.
	DefaultMaxDistanceKm = 25.0
	// DefaultGroupSize is assumed for a "group" that did not say how many
	// they are.
	DefaultGroupSize = 4
	// DefaultLimit is the number of suggestions returned for a limit <= 0:
	// a chat can only show a handful before it turns into a list.
	DefaultLimit = 3
	// UnknownAge is the age assumed for filtering when the profile's age is
	// unknown. It is deliberately not an adult age: without knowing, we only
	// show what a 15-year-old could safely be shown.
	UnknownAge = 15
)

// Profile is what the conversation has learned about one young person.
type Profile struct {
	// Age in years; 0 when unknown (filtered as UnknownAge).
	Age int
	// Interests are taxonomy ids such as "animals", "elderly" or "climate".
	// When there are any, every suggestion shares one of them as long as
	// the catalog holds one the person may do; see Rank.
	Interests []string
	// NotInterests are interests the person ruled out ("ikke noget med
	// sport"). An opportunity whose interests are all ruled out is never
	// suggested; one that shares any ranks lower. A ruled-out interest that
	// is also in Interests counts as ruled out.
	NotInterests []string
	// Slots are "<mon..sun>_<morning|afternoon|evening>" such as
	// "sat_morning". Empty means unknown and is treated as any time.
	Slots []string
	// Commitment is OneOff, ShortTerm, Recurring or "" when unknown.
	Commitment string
	// Group is Alone, WithFriend, Group or "" when unknown.
	Group string
	// GroupSize is how many would come together; 0 means 2 for WithFriend
	// and DefaultGroupSize for Group.
	GroupSize int
	// Online is set when the young person wants online tasks only.
	Online bool
	// HasLocation tells whether Lat and Lon hold where the person is.
	HasLocation bool
	// Lat and Lon are WGS84 degrees, valid when HasLocation is set.
	Lat, Lon float64
	// Landmass is the island the person is on ("sjaelland", "fyn", …, as in
	// Place.Landmass); empty when unknown.
	Landmass string
	// Bridged lists the other landmasses reachable from Landmass by bridge
	// or tunnel, filled in by the caller (who knows the geography). An
	// opportunity on a known landmass that is neither Landmass nor in Bridged
	// is out of reach whatever the distance: the trip needs a ferry. On a
	// bridged landmass the trip is estimated as bridgeDetour times the
	// straight line. When either side's landmass is unknown, the straight
	// line is used.
	Bridged []string
	// MaxDistanceKm is how far they will travel; 0 means DefaultMaxDistanceKm.
	// Rank never widens it on its own: a wider search is the caller's call.
	MaxDistanceKm float64
	// Rejections are earlier "not for me" answers, oldest first.
	Rejections []Rejection
	// Exclude lists opportunity ids not to show again (already shown or chosen).
	Exclude []string
}

// Rejection is one "not for me" answer to a suggestion.
type Rejection struct {
	OpportunityID  string
	OrganisationID string
	// Reason is TooFar, WrongTime, NotMyThing or "" when not given.
	Reason string
	// Interests of the rejected opportunity; when empty they are looked up
	// in the catalog by OpportunityID.
	Interests []string
	// DistanceKm of the rejected opportunity from the person, as
	// Suggestion.DistanceKm gave it; when 0 it is computed from the catalog
	// if possible. After a "too far" every suggestion with a place is
	// strictly nearer (at most tooFarShrink of it), or there is none.
	DistanceKm float64
	// Slot of the time that was offered, e.g. "tue_evening". Optional:
	// when empty, the slots of the rejected opportunity's first step and
	// next fitting session are used, which is what the person was most
	// likely shown. After a "wrong time" no suggestion's Next or FirstStep
	// is in these slots.
	Slot string
}

// Suggestion is one ranked opportunity with what is needed to explain it.
type Suggestion struct {
	Opportunity *Opportunity
	// Score is the ranking score after the variety pass; higher is better.
	// It only means something relative to the other suggestions of one call.
	Score float64
	// DistanceKm is the estimated trip from the person: the straight line,
	// or bridgeDetour times it onto a bridged landmass. It is -1 when the
	// opportunity is online or when the profile has no location.
	DistanceKm float64
	// Next is the opportunity's next own session: inside the person's time,
	// or, with OtherTime, at another time. Zero for a flexible opportunity
	// without a fitting event.
	Next Session
	// OtherTime is set when the opportunity shares a stated interest (or
	// the person stated none) but has no session in the person's time; Next
	// then says when it does meet ("Den er torsdag aften, ikke tirsdag").
	// Such cards come after every card that fits the time.
	OtherTime bool
	// OffInterest is set when the person stated interests and this shares
	// none of them. It is only offered when fewer than limit cards share
	// one, and always fits the person's time ("Ikke dit emne, men det passer
	// med din tid").
	OffInterest bool
	// FirstStep is when the newcomer takes the first step (see
	// FirstStepTime); zero when the opportunity has no dated way in.
	FirstStep Session
	// FirstStepOtherTime is set when no way in fits the person's time, so
	// FirstStep is the next one at another time.
	FirstStepOtherTime bool
	// NoticeDelayed is set when a fitting way in came sooner but the
	// organisation needs more notice, so FirstStep is later ("de skal have
	// besked dagen før").
	NoticeDelayed bool
	// CommitmentClash is set when the person wants a one-off task and this
	// one is recurring or runs over weeks, so the card must say so.
	CommitmentClash bool
	// Reasons say why it fits, best first. They never claim a fit that is
	// not there: no ReasonTime for an OtherTime card, no ReasonInterest
	// without a shared interest.
	Reasons []Reason
}

// Session is one concrete occurrence of an opportunity, in Europe/Copenhagen time.
type Session struct {
	Start, End time.Time
}

// IsZero reports whether s is the zero Session (no concrete time).
func (s Session) IsZero() bool { return s.Start.IsZero() && s.End.IsZero() }

// Reason is one explanation of why a suggestion fits. Only the field that
// belongs to Kind is set: Interest for ReasonInterest, DistanceKm for
// ReasonNear and Slot for ReasonTime (empty Slot: flexible, any time suits).
type Reason struct {
	Kind       string
	Interest   string
	DistanceKm float64
	Slot       string
}
