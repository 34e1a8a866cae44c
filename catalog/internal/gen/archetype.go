package main

// archetype is a hand-written kind of volunteering task. The generator combines
// archetypes with organisations and places; text fields may use the
// placeholders {when}, {area}, {in area} ("på Nørrebro", "i Valby"), {org},
// {contact} and {role}.
type archetype struct {
	key        string
	interests  []string
	titles     []string
	summaries  []string
	body       []string // the first sentence is always used, plus one or two of the rest
	firstWhat  []string
	spots      []string // where to meet; {addr} is the full address
	role       string   // role of the person who meets newcomers
	weekly     []string // candidate sessions "sat 10:00-13:00"
	sessions   int      // how many weekly sessions to pick (default 1)
	dates      []string // candidate dated schedules, events separated by "|"
	period     []string // optional active period "2027-01-11/2027-03-26"
	commitment string
	minAge     int
	maxAge     int
	group      [2]int
	childCert  bool
	online     bool
	note       string // optional closing sentence
	places     int    // if > 0, the task always has a limited number of places
	// class marks a class outing (see classArchetypes): its description
	// and contact line speak to a school class, and it has no limit on
	// places besides its group size.
	class bool
	// notice is how many hours ahead the organisation needs to know
	// (first_step.way_in.notice_hours); 0 leaves the default of about a day.
	notice int
}

const (
	oneOff    = "one_off"
	shortTerm = "short_term"
	recurring = "recurring"
)

func g(lo, hi int) [2]int { return [2]int{lo, hi} }

func ss(s ...string) []string { return s }
