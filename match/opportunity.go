// Package match owns the volunteering opportunity model and ranks opportunities
// for one young person's profile: interest first, then time and distance
// (see Rank), each suggestion with a dated first step (see FirstStepTime).
// It is pure Go over plain data: no I/O, no clock of its own (callers pass
// "now"), no geography beyond what the caller puts in the Profile, and it
// imports nothing else from the project, so it can be table-tested and
// benchmarked in isolation.
package match

import "time"

// Commitment kinds an opportunity asks for and a young person may prefer.
const (
	OneOff    = "one_off"
	ShortTerm = "short_term"
	Recurring = "recurring"
)

// Group preferences a young person may state.
const (
	Alone      = "alone"
	WithFriend = "with_friend"
	Group      = "group"
)

// Schedule kinds.
const (
	ScheduleWeekly   = "weekly"
	ScheduleDated    = "dated"
	ScheduleFlexible = "flexible"
)

// Opportunity is one concrete volunteering task an organisation offers.
type Opportunity struct {
	ID             string   `json:"id" bson:"_id"`
	OrganisationID string   `json:"organisation_id" bson:"organisation_id"`
	Organisation   string   `json:"organisation" bson:"organisation"`
	Title          string   `json:"title" bson:"title"`
	Summary        string   `json:"summary" bson:"summary"`
	Description    string   `json:"description" bson:"description"`
	Interests      []string `json:"interests" bson:"interests"`
	Place          Place    `json:"place" bson:"place"`
	Schedule       Schedule `json:"schedule" bson:"schedule"`
	Commitment     string   `json:"commitment" bson:"commitment"`
	// MinAge and MaxAge bound the volunteer's age; MaxAge 0 means no upper bound.
	MinAge int `json:"min_age" bson:"min_age"`
	MaxAge int `json:"max_age,omitempty" bson:"max_age,omitempty"`
	// GroupSize is how many volunteers can come together; 1 means one at a time.
	GroupSize int `json:"group_size" bson:"group_size"`
	// MinGroupSize is the smallest group the organisation takes, such as a
	// whole school class for a class outing; 0 or 1 means anyone may come
	// alone.
	MinGroupSize int `json:"min_group_size,omitempty" bson:"min_group_size,omitempty"`
	// ChildCertificate is true when the task needs a børneattest (regular
	// contact with children under 15, for volunteers aged 15 and over).
	ChildCertificate bool `json:"child_certificate" bson:"child_certificate"`
	// PlacesLeft is nil when there is no limit.
	PlacesLeft *int      `json:"places_left,omitempty" bson:"places_left,omitempty"`
	ActiveFrom time.Time `json:"active_from,omitzero" bson:"active_from,omitempty"`
	ActiveTo   time.Time `json:"active_to,omitzero" bson:"active_to,omitempty"`
	FirstStep  FirstStep `json:"first_step" bson:"first_step"`
	Published  bool      `json:"published" bson:"published"`
	// Sample marks fictional data shipped with the project.
	Sample bool `json:"sample,omitempty" bson:"sample,omitempty"`
	// En holds the English text of the opportunity; nil when the
	// organisation wrote it in Danish only.
	En *Translation `json:"en,omitempty" bson:"en,omitempty"`
}

// Translation is an opportunity's text in another language. Empty fields
// fall back to the Danish text, marked as such where it is shown.
type Translation struct {
	Title          string `json:"title,omitempty" bson:"title,omitempty"`
	Summary        string `json:"summary,omitempty" bson:"summary,omitempty"`
	Description    string `json:"description,omitempty" bson:"description,omitempty"`
	FirstStepWhat  string `json:"first_step_what,omitempty" bson:"first_step_what,omitempty"`
	FirstStepWhere string `json:"first_step_where,omitempty" bson:"first_step_where,omitempty"`
	// FirstStepContact is whom to ask for, in English ("Ask for Sara,
	// the volunteer coordinator").
	FirstStepContact string `json:"first_step_contact,omitempty" bson:"first_step_contact,omitempty"`
}

// Place is where an opportunity happens. Online opportunities have no coordinates.
type Place struct {
	Online       bool    `json:"online,omitempty" bson:"online,omitempty"`
	Address      string  `json:"address,omitempty" bson:"address,omitempty"`
	Postcode     string  `json:"postcode,omitempty" bson:"postcode,omitempty"`
	Municipality string  `json:"municipality,omitempty" bson:"municipality,omitempty"`
	Lat          float64 `json:"lat,omitempty" bson:"lat,omitempty"`
	Lon          float64 `json:"lon,omitempty" bson:"lon,omitempty"`
	// Landmass is the island the place is on ("jylland", "sjaelland",
	// "bornholm", …; see geo), so that ranking never sends anyone across
	// water without a bridge. Empty when unknown.
	Landmass string `json:"landmass,omitempty" bson:"landmass,omitempty"`
}

// Schedule says when an opportunity happens: weekly sessions, dated events, or
// whenever suits the volunteer (flexible).
type Schedule struct {
	Kind   string          `json:"kind" bson:"kind"`
	Weekly []WeeklySession `json:"weekly,omitempty" bson:"weekly,omitempty"`
	Events []Event         `json:"events,omitempty" bson:"events,omitempty"`
}

// WeeklySession repeats every week. Day is "mon".."sun"; Start and End are
// local Danish wall-clock times "HH:MM".
type WeeklySession struct {
	Day   string `json:"day" bson:"day"`
	Start string `json:"start" bson:"start"`
	End   string `json:"end" bson:"end"`
}

// Event is a dated session.
type Event struct {
	Start time.Time `json:"start" bson:"start"`
	End   time.Time `json:"end" bson:"end"`
}

// FirstStep is the concrete thing a newcomer does first: what, where, and whom to ask for.
type FirstStep struct {
	What    string `json:"what" bson:"what"`
	Where   string `json:"where" bson:"where"`
	Contact string `json:"contact" bson:"contact"`
	// WayIn is when a newcomer can take the first step. Empty means the
	// first step is the next session of the opportunity's own Schedule.
	WayIn WayIn `json:"way_in,omitzero" bson:"way_in,omitempty"`
}

// Ways in: how a newcomer gets started.
const (
	WayInSession   = "session"    // come to one of the regular sessions
	WayInIntro     = "intro"      // an intro meeting for newcomers
	WayInOpenHours = "open_hours" // drop in during open hours
	WayInCall      = "call"       // a video or phone intro slot, for online and flexible tasks
)

// WayIn lists the concrete times a newcomer can take the first step:
// weekly times, monthly times ("the first Tuesday of the month 17:00") and
// dated ones, all in Danish wall-clock time.
type WayIn struct {
	Kind    string           `json:"kind,omitempty" bson:"kind,omitempty"`
	Weekly  []WeeklySession  `json:"weekly,omitempty" bson:"weekly,omitempty"`
	Monthly []MonthlySession `json:"monthly,omitempty" bson:"monthly,omitempty"`
	Dates   []Event          `json:"dates,omitempty" bson:"dates,omitempty"`
	// NoticeHours is how far ahead the organisation needs to know; 0 means
	// MinNotice.
	NoticeHours int `json:"notice_hours,omitempty" bson:"notice_hours,omitempty"`
}

// MonthlySession repeats on the Nth weekday of every month: Week 1 to 4,
// or -1 for the last one. Day, Start and End are as in WeeklySession.
type MonthlySession struct {
	Week  int    `json:"week" bson:"week"`
	Day   string `json:"day" bson:"day"`
	Start string `json:"start" bson:"start"`
	End   string `json:"end" bson:"end"`
}
