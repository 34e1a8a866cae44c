package understand

// Interest is one entry of the interest taxonomy shared by the bot, the
// catalogue and matching.
type Interest struct {
	ID string // stable id used in data and APIs
	Da string // Danish display name
	En string // English display name
}

// taxonomy is the interest taxonomy in display order.
var taxonomy = []Interest{
	{"children_youth", "Børn og unge", "Children & young people"},
	{"homework_help", "Lektiehjælp", "Homework help"},
	{"elderly", "Ældre", "Older people"},
	{"loneliness", "Fællesskab og ensomhed", "Loneliness & friendship"},
	{"mental_health", "Mental sundhed", "Mental health"},
	{"disability", "Handicap", "Disability"},
	{"refugees", "Flygtninge og integration", "Refugees & integration"},
	{"homeless_poverty", "Socialt udsatte", "Homelessness & poverty"},
	{"food", "Mad og madspild", "Food & food waste"},
	{"nature", "Natur og miljø", "Nature & environment"},
	{"climate", "Klima", "Climate"},
	{"animals", "Dyr", "Animals"},
	{"sports", "Sport og bevægelse", "Sport"},
	{"outdoor_scouting", "Friluftsliv og spejder", "Outdoors & scouting"},
	{"culture_arts", "Kultur, kunst og musik", "Culture, arts & music"},
	{"events_festivals", "Festivaler og events", "Festivals & events"},
	{"health_firstaid", "Sundhed og førstehjælp", "Health & first aid"},
	{"emergency", "Beredskab", "Emergency preparedness"},
	{"digital_tech", "IT og teknologi", "Digital & tech"},
	{"democracy_rights", "Demokrati og rettigheder", "Democracy & rights"},
	{"international", "Internationalt", "International"},
	{"charity_shop", "Genbrugsbutik", "Charity shops"},
	{"fundraising", "Indsamling", "Fundraising"},
}

// taxonomyIndex maps an id to its position in taxonomy, which is also the
// order interests are reported in.
var taxonomyIndex = func() map[string]int {
	m := make(map[string]int, len(taxonomy))
	for i, in := range taxonomy {
		m[in.ID] = i
	}
	return m
}()

// Interests returns the taxonomy in display order. The slice is a copy.
func Interests() []Interest {
	return append([]Interest(nil), taxonomy...)
}

// InterestByID returns the taxonomy entry with the given id.
func InterestByID(id string) (Interest, bool) {
	i, ok := taxonomyIndex[id]
	if !ok {
		return Interest{}, false
	}
	return taxonomy[i], true
}
