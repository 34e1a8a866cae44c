package understand

// Commitment and group preferences.

// commitmentTerms show how long or how often a young person wants to help.
// Negated forms are listed as their own phrases ("ikke noget fast" is a
// one-off wish), and being longer they win over the word they contain.
var commitmentTerms = []termGroup{
	{"one_off", []string{
		"en|én|1 enkelt dag|gang|weekend|aften|eftermiddag|lørdag|søndag|time|event",
		"enkelt gang|dag", "enkeltstående", "enkeltdag*", "engang", "engangs*", "en|én|1 gang",
		"bare en|én gang", "kun en|én gang", "en|én|1 dag", "en|én|1 lørdag|søndag|weekend|aften|eftermiddag",
		"prøve en gang",
		"one time", "one-time", "onetime", "one off", "oneoff", "once", "just once", "only once",
		"a single day|time|event|afternoon|evening", "one day", "single day", "one event", "one afternoon|evening",
		"drop in", "dropin", "one shot",
		"som engangsopgave", "enkelt arrangement|event|opgave", "en|et enkelt arrangement|event|opgave",
		"engangsopgave*", "try it once", "a one-off",
	}},
	// Saying what one does not want ("ikke noget fast") is a weaker hint
	// than naming a period, so it has its own id and is read as one_off last.
	{"not_recurring", []string{
		"ikke|ik|intet|ingenting ... fast|faste|fastlagt|regelmæssigt|regelmæssig|ugentligt|ugentlig",
		"ikke|ik ... hver uge|weekend|måned", "ikke ... forpligte|forpligtende|forpligtelse|binde|bundet",
		"ikke binde mig", "uforpligtende", "uden forpligtelse*", "ikke noget langvarigt|længerevarende",
		"ikke noget over længere tid",
		"not|nothing|no ... (regular|regularly|weekly|fixed|permanent|long term|commitment|committed)",
		"not every week", "no strings attached",
	}},
	{"short_term", []string{
		"(et par|1 par|to|tre|fire) uger|måneder", "nogle|få|par uger|måneder", "# uger|uge|måneder|måned",
		"(hen over|henover|over|hele) sommerferien|sommeren|ferien|efterårsferien|vinterferien|påskeferien|juleferien",
		"i sommer", "denne sommer", "hele sommeren",
		"en|én|1 måned", "en|én|1 uge", "en periode", "i en periode", "for en periode",
		"kort tid", "kortere tid", "kortvarig*", "kort periode", "midlertidig*", "et stykke tid",
		"et semester", "a|one|this semester", "sabbatår*", "mellem gymnasiet og", "indtil jeg starter",
		"for|in (a few|a couple of|a couple|some) weeks|months", "few weeks", "few months", "couple of weeks",
		"over|for the summer", "this summer", "all summer", "the whole summer",
		"for a|one month|week", "short term", "short-term", "shortterm", "temporary", "temporarily",
		"gap year", "a few weeks", "some weeks", "a while", "for a bit",
	}},
	{"recurring", []string{
		"fast", "faste", "fast basis", "noget fast", "fast hver", "fastere", "fastlagt",
		"hver|hvert|hveranden uge|anden|14", "hver mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|weekend|måned|dag|aften|morgen",
		"hver # uge|dag", "hver 14 dag", "hver anden",
		"ugentlig*", "månedlig*", "om ugen", "om måneden", "pr|per uge|måned",
		"# gang|gange|dag|dage|timer|aften|aftener om|pr|per|i ugen|uge|måneden|måned",
		"(en|én|1|to|tre|et par) gang|gange|dag|dage|timer|aftener|aften|eftermiddag|eftermiddage|lørdag|søndag|weekend|time om|pr|per|i ugen|uge|måneden|måned",
		"every other|second week|weekend|month|day", "biweekly", "fortnightly", "bi weekly",
		"regelmæssig*", "løbende", "på sigt", "længere tid", "langvarig*", "længerevarende",
		"i lang tid", "lang tid", "over længere tid", "i længere tid", "permanent*", "hele året",
		"året rundt", "resten af året", "every week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|day",
		"weekly", "monthly", "regular", "regularly", "ongoing", "long term", "long-term", "longterm",
		"a|per|each|every|once|twice week", "once|twice a|per week|month", "# times|hours|days a|per week|month",
		"a few hours|times a|per week|month", "on a regular basis", "for a long time", "long time",
		"all year", "year round", "committed", "commitment", "fixed", "steady", "consistent", "a week",
		"hver gang", "sådan fast", "fast dag", "fast tid", "fast ugentlig", "fast vagt", "fastvagt*",
		"one|two|three day|days|time|times|evening|evenings|afternoon|afternoons a|per|each week|month",
	}},
	// A season or a school holiday says when, not for how long: "om
	// sommeren" may be every summer, and "i sommerferien" one day of it.
	// Alone it is no commitment; it only bounds a rhythm ("hver uge i
	// sommerferien" is short term). See findCommitment.
	{"season", []string{
		"(i|om|til|in|during) sommerferien|sommeren|ferien|ferierne|efterårsferien|vinterferien|påskeferien|juleferien",
		"sommerferie*", "efterårsferie*", "vinterferie*", "påskeferie*", "juleferie*", "ferierne",
		"til sommer", "(in|during) the (summer|holidays|holiday|summer holidays|summer break)",
		"school holidays", "summer break|holiday|holidays|vacation",
	}},
	{blocked, []string{
		"sidder|sad|sidde|sidt fast", "stuck", "fast food", "fastfood", "fast at", "går fast",
		"holde fast", "holder fast", "fast besluttet", "fast inventar", "fast mad",
		"en gang imellem", "engang imellem", "en gang i mellem", "af og til", "nogle gange",
		"indimellem", "ind imellem", "sometimes", "occasionally", "now and then", "once in a while",
		"en dag vil", "en dag skal", "one day i", "engang i fremtiden", "one day i will",
		"hver gang jeg", "every time", "once i", "once you", "fast og",
		"i sommers", "sidste sommer", "last summer", "# timer om dagen", "in a week",
		"so|very|too|really|pretty|quite|as fast", "fast learner", "learn|learns|run|runs|work|works fast",
		"fast arbejde|job|kæreste|arbejdstid|løn|adresse", "fast forward",
		"hvor lang tid", "how long", "hvor længe", "long time no",
		"# gange om dagen", "hver eneste", "hver især", "hver for sig", "hver af",
	}},
}

// groupTerms show whether a young person comes alone, with one friend or
// with a group.
var groupTerms = []termGroup{
	{"alone", []string{
		"alene", "^selv$", "^bare selv", "(gøre|klare|tage) det selv", "kommer selv", "bare mig",
		"kun mig", "bare mig selv", "kun mig selv", "for mig selv", "på egen hånd", "egen hånd",
		"by myself", "on my own", "alone", "solo", "just me", "only me", "just myself", "^myself",
		"individuelt", "individually", "uden venner", "without friends", "selvstændigt",
		"vil (helst|gerne|hellere) selv$", "vil selv$", "(helst|hellere) selv$", "selv tak$",
		"tager ikke nogen|nogle|andre med", "ingen med", "not bringing anyone", "no one else",
		"uden nogen", "without anyone",
	}},
	{"with_friend", []string{
		"min|mit ven|veninde|kammerat|bedste|bedsteven|bedsteveninde|bestie|bff|makker|klassekammerat|buddy|roomie|partner",
		"min bedste ven|veninde|kammerat", "med en ven|veninde|kammerat|makker",
		"en ven|veninde|kammerat med", "tage en|min ven|veninde|kammerat med",
		"tage én med", "tage nogen med", "os to", "vi er to|2", "vi to", "to af os",
		"mig|jeg og min ven|veninde|kammerat|bedste|bedsteven|bedsteveninde|kæreste|søster|bror|makker",
		"sammen med en ven|veninde|kammerat",
		"sammen med min ven|veninde|kammerat|bedste|bedsteven|bedsteveninde|kæreste|søster|bror|makker",
		"med min ven|veninde|kammerat|kæreste|søster|bror|lillesøster|storesøster|lillebror|storebror|fætter|kusine|mor|far",
		"my|a friend|bestie|bff|buddy|mate|partner|girlfriend|boyfriend|gf|bf|sister|brother|cousin|roommate",
		"my best friend", "with a friend", "with my friend", "bring a friend", "bring my friend",
		"two of us", "me and my friend|bestie|buddy|bff|sister|brother", "me and a friend",
		"we are two|2", "were two", "we're two", "the two of us", "plus one", "a friend along",
		"ven|veninde|kammerat vil også", "vennen", "veninden", "kammeraten",
		"min|mit ven|veninde|kammerat|kæreste|bedste|bestie|søster|bror|makker og jeg",
		"my friend|bestie|boyfriend|girlfriend|sister|brother|partner and i|me",
		"med en anden", "en anden med",
		"vi er begge", "vi begge", "begge to", "os begge", "^were both", "we are both", "we both", "both of us",
	}},
	{"group", []string{
		"min|vores|hele|med|fra|sammen klasse|klassen", "klassen", "klassekammerater*",
		"gruppe", "gruppen", "grupper", "*gruppe", "*gruppen", "i en gruppe", "som gruppe",
		"mine|vores|nogle|flere|par|få|med venner|veninder|kammerater|venninder|kollegaer|kolleger",
		"et par venner|veninder|kammerater|venninder",
		"(mine|vores) (to|tre|fire|fem|#) venner|veninder|kammerater|venninder",
		"vennerne", "veninderne", "kammeraterne", "vennegruppe*", "venneflok*", "vennekreds*",
		"sammen med venner|vennerne|andre|flere", "med venner", "flok", "nogle stykker",
		"vi er # personer|stykker|mennesker", "vi er 3|4|5|6|7|8|9|10|tre|fire|fem|seks|syv|otte|ni|ti",
		"mit|vores|hele hold|holdet", "holdet",
		"spejdertrop*", "troppen", "patrulje*", "team", "teams", "teamet", "holdkammerater", "with my friends", "my friends", "friends",
		"a group", "our group", "as a group", "in a group", "group", "groups", "my class",
		"our class", "with my class", "the class", "whole class", "my team", "our team", "a team",
		"some friends", "a few friends", "couple of friends", "classmates", "squad",
		"my mates", "the boys", "the girls", "we are 3|4|5|6|7|8|9|10|three|four|five|six",
		"several of us", "nogle af os", "flere af os", "hele banden", "banden", "gutterne",
		"pigerne fra", "drengene fra", "vi er nogle", "vi er flere",
		"with others", "sammen med andre", "med andre",
	}},
	{blocked, []string{
		"ikke alene", "ik alene", "not alone", "ikke være alene", "hate being alone",
		"ældre der er alene", "folk der er alene", "er alene", "føler sig alene", "føler mig alene",
		"ensomme", "people who are alone", "feel alone", "feeling alone", "alene hjemme",
		"skade|skader|slå|slår|skære|skærer|hader|gøre mig selv", "hurt myself", "kill myself",
		"# klasse", "går i # klasse", "i # klasse", "klasse trin", "klassetrin",
		"går i klasse", "første|anden|tredje|fjerde|femte|sjette|syvende|ottende|niende|tiende klasse",
		"1 g", "2 g", "3 g", "grade", "in grade", "# grade", "class of",
		"sorggruppe*", "samtalegruppe*", "målgruppe*", "aldersgruppe*", "risikogruppe*",
		"selv om", "selvom", "selv har", "slog|slår|slå op med", "jeg selv har", "selv tænke", "selv i",
		"nye venner", "få venner", "finde venner", "make friends", "new friends", "flere venner end",
		"venner med", "friends with", "ven for", "en ven for", "være en ven", "be a friend",
		"team sport*", "teamwork", "hold øje", "hold op", "hold fast", "hold kæft",
		"friends and family", "venner og familie", "i klassen",
		"min ven på", "my friend told", "min ven sagde", "min veninde sagde", "mor|far sagde",
	}},
}

var (
	commitmentLex = newLexicon(commitmentTerms, 0)
	groupLex      = newLexicon(groupTerms, 0)
)

// pick returns the first id of order that any hit has, so that the
// stronger of two signals decides.
func pick(hits []hit, order ...string) string {
	seen := map[string]bool{}
	for _, h := range hits {
		seen[h.id] = true
	}
	for _, id := range order {
		if seen[id] {
			return id
		}
	}
	return ""
}

// findCommitment reads how long or how often the user wants to help. A
// single occasion beats a period ("en dag i sommerferien" is one day), a
// period beats a rhythm ("hver uge i sommerferien" is short term), and a
// wish for nothing fixed beats a stray "fast".
func findCommitment(d *doc) string {
	hits := commitmentLex.match(d)
	c := pick(hits, "one_off", "short_term", "not_recurring", "recurring")
	switch {
	case c == "not_recurring":
		return "one_off"
	case c == "recurring" && pick(hits, "season") != "":
		// a rhythm inside a season ends with it
		return "short_term"
	}
	return c
}

// findGroup reads who the user wants to come with. Several friends beat
// one, and company beats "alone" ("alene eller med en ven").
func findGroup(d *doc) string {
	return pick(groupLex.match(d), "group", "with_friend", "alone")
}
