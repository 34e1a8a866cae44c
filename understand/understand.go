// Package understand owns Brobygger's deterministic reading of free text:
// it turns one chat message from a young person, in Danish or English and
// written the way they talk (slang, typos, æøå typed as ae/oe/aa or left
// out), into structured facts: interests from the shared taxonomy, weekly
// time slots, commitment and group wishes, age, postcode and municipality,
// conversational intents, and whether the message signals a crisis.
//
// It is pure Go with no model and no network, so the same text always
// gives the same result. The vocabulary lives in data tables (termGroup
// lists) rather than in code, and most detectors share one small phrase
// matcher (see pattern.go).
package understand

// Result is what one message says. The JSON field names are a contract
// with the conversation engine and the evaluation tools.
type Result struct {
	// Interests are taxonomy ids in taxonomy order; never nil.
	Interests []string `json:"interests"`
	// Slots are "<day>_<part>" with days mon..sun and parts
	// morning|afternoon|evening, sorted by day then part; never nil.
	Slots []string `json:"slots"`
	// NotSlots are the slots the message rules out ("kan ikke om aftenen",
	// "dødtræt efter skole"), sorted like Slots and never nil; see
	// OnlyRulesOut.
	NotSlots []string `json:"not_slots,omitempty"`
	// Commitment is "one_off", "short_term", "recurring" or "".
	Commitment string `json:"commitment"`
	// Group is "alone", "with_friend", "group" or "".
	Group string `json:"group"`
	// Age is 0 when unknown.
	Age int `json:"age"`
	// Postcode is a valid four-digit Danish postcode or "".
	Postcode string `json:"postcode"`
	// Municipality is the official Danish municipality name or "".
	Municipality string `json:"municipality"`
	// Place is the town, district or municipality named, as geo spells it
	// ("Skagen", "Nørrebro", "Rønne"), so distances are measured from
	// where the young person lives, not from the municipality's main town.
	Place string `json:"place,omitempty"`
	// Crisis is true when the message suggests the young person may be
	// at risk and needs to be pointed to help.
	Crisis bool `json:"crisis"`
	// CrisisKind is the most urgent of CrisisKinds when Crisis is true.
	CrisisKind string `json:"crisis_kind,omitempty"`
	// CrisisKinds are every kind of crisis or disclosure the message shows,
	// most urgent first (see Kind* constants); never only the first.
	CrisisKinds []string `json:"crisis_kinds,omitempty"`
	// Concern is true for distress without a clear sign of crisis ("jeg
	// har det virkelig dårligt", "I'm not okay"): the bot checks in
	// warmly. It is false whenever Crisis is true.
	Concern bool `json:"concern,omitempty"`
	// Correction is true when the message replaces an earlier answer
	// rather than adding to it ("nej faktisk hellere musik", "ikke sport
	// alligevel", "jeg mente lørdag", "no actually I'd rather do animals"):
	// the interests, times, age, place or group it names replace the old
	// ones instead of being added. It is only set when the message names
	// something (any of the fields above, NotInterests or VagueTime), and
	// then a leading "nej"/"no" is part of the correction, not an answer,
	// so Intents holds no "no". "Og også dyr" is no correction.
	Correction bool `json:"correction,omitempty"`
	// NotInterests are taxonomy ids the message rules out, in taxonomy
	// order: negated ("ikke børn", "hverken sport eller musik"), disliked
	// ("jeg hader fodbold", "sport er ikke noget for mig", "kids aren't my
	// thing"), compared away ("hellere dyr end børn", "dyr i stedet for
	// sport"), feared ("bange for hunde", "allergisk over for katte") or
	// an aversion ("ikke noget med blod" rules out health_firstaid). An id
	// never appears in both Interests and NotInterests; "never worked with
	// animals" is about experience and rules nothing out.
	NotInterests []string `json:"not_interests,omitempty"`
	// VagueTime names a time too vague to turn into slots, so the bot can
	// ask a short follow-up instead of guessing:
	//   "season"    a season, school holiday or month ("om sommeren", "i
	//               sommerferien", "i juli", "in the summer")
	//   "when_free" whenever it suits them ("når jeg har tid", "when I'm
	//               free", "whenever I have time")
	//   "sometimes" now and then, no rhythm ("nogle gange", "engang
	//               imellem", "af og til", "sometimes")
	//   "later"     not now, some time ahead ("senere", "efter eksamen",
	//               "næste år", "later", "at some point")
	// When several appear, the first in this order wins. Slots may be set
	// too when weekly times were named beside it ("om aftenen nogle gange");
	// then the follow-up is not needed. A season alone is no Commitment.
	VagueTime string `json:"vague_time,omitempty"`
	// Online is true when the user asks for remote volunteering.
	Online bool `json:"online,omitempty"`
	// Lang is "da" or "en" when the message is clearly one of them.
	Lang string `json:"lang,omitempty"`
	// Intents are conversational moves such as "restart", "yes" or
	// "delete_data", in a fixed order. Those for a conversation that
	// listens:
	//   "yes", "no"          also a leading 👍 👌 ✅ 🙏 (yes) or 👎 ❌ (no)
	//   "thanks"             "tak", "tusind tak", "thx"; not the polite
	//                        answers "ja tak" (yes) and "nej tak" (no);
	//                        "ok tak" is both yes and thanks
	//   "rude"               insults aimed at the bot ("du er dum", "fuck
	//                        dig", "you're useless"); not "jeg er så dum"
	//                        nor the exclamation "hold kæft hvor fedt"
	//   "off_topic"          questions outside volunteering: sums ("hvad er
	//                        2+2"), weather, the time, sports results,
	//                        jokes, the bot's age or love life, "do my
	//                        homework", small talk ("hvordan har du det");
	//                        the facts such a clause mentions ("hvem vinder
	//                        VM i fodbold") are left out of the other fields
	//   "ask_response_time"  when the organisation will answer ("hvornår
	//                        svarer de?", "hvor lang tid går der før de
	//                        skriver", "when will they answer", "nobody has
	//                        replied")
	//   "unclear"            nothing readable: only emoji or punctuation
	//                        ("...", "🤷", "😀"), laughter ("haha") or keys
	//                        hit at random ("asdf"), and no other field or
	//                        intent found; question marks alone ("?",
	//                        "???") give "help" and "unclear"
	Intents []string `json:"intents,omitempty"`
	// InterestWords maps an interest id to the user's own words that
	// showed it, as written, so suggestions can be explained in them.
	InterestWords map[string]string `json:"interest_words,omitempty"`
}

// Parse reads one message.
func Parse(text string) Result {
	d := tokenize(text)
	r := Result{}
	r.Interests, r.InterestWords, r.NotInterests = findInterests(&d)
	dropPlaceNamedInterests(&r)
	if len(r.InterestWords) == 0 {
		r.InterestWords = nil
	}
	r.Slots, r.NotSlots = findSlots(&d)
	r.Commitment = findCommitment(&d)
	r.Group = findGroup(&d)
	r.Age = findAge(&d)
	if pc, ok := findPostcode(&d); ok {
		r.Postcode = pc.Code
		r.Municipality = pc.Municipality
	} else {
		r.Place, r.Municipality = findPlace(&d)
	}
	r.Crisis, r.CrisisKind, r.CrisisKinds = findCrisis(&d)
	r.Concern = findConcern(&d)
	r.Online = wantsOnline(&d)
	r.Lang = langOf(&d)
	r.VagueTime = findVagueTime(&d)
	r.Correction = findCorrection(&d, &r)
	r.Intents = findIntents(&d, &r)
	dropOffTopicFacts(&d, &r)
	return r
}

// onlineTerms ask for volunteering that can be done from home.
var onlineTerms = []termGroup{
	{"online", []string{
		"online", "hjemmefra", "hjemme fra", "remote", "remotely", "virtuel*", "virtual*",
		"digitalt|digital frivillig*", "over nettet", "på nettet", "via nettet", "fra computeren",
		"fra min computer", "over telefonen", "fra sofaen", "from home", "over chat",
		"chatfrivillig*", "via chat", "over zoom", "via zoom", "på discord", "on discord",
		"derhjemme fra", "uden at møde op", "without going", "fjernarbejde",
	}},
	{blocked, []string{
		"ikke online", "ik online", "not online", "ikke hjemmefra", "ikke remote", "no online",
		"rather not online", "hellere fysisk", "helst ikke online", "online dating", "online games",
		"online spil", "er online", "is online", "venner online", "møde op", "in person", "fysisk",
	}},
}

var onlineLex = newLexicon(onlineTerms, 0)

func wantsOnline(d *doc) bool {
	for _, h := range onlineLex.match(d) {
		if h.id == "online" {
			return true
		}
	}
	return false
}
