package understand

import "strings"

// Function words that only one of the two languages uses. Words both
// languages share in chat ("ok", "hey", "weekend", "i", "to", "for", "at",
// "her", "like") are left out on purpose.
var (
	danishWords = set(
		"jeg", "je", "jg", "er", "og", "det", "ikke", "ik", "ikk", "med", "på", "til", "har", "vil",
		"gerne", "kan", "mig", "min", "mit", "mine", "noget", "nogle", "nogen", "hvad", "hej",
		"hejsa", "bor", "tid", "om", "godt", "også", "eller", "men", "som", "der", "de", "den",
		"lige", "bare", "meget", "lidt", "tak", "ja", "nej", "kun", "måske", "år", "hvor",
		"hvordan", "hvorfor", "lyst", "elsker", "synes", "tænke", "skal", "være", "gøre",
		"lave", "hjælpe", "rigtig", "helst", "fordi", "efter", "hver", "uge", "dag", "aften",
		"eftermiddag", "formiddag", "weekenden", "hverdage", "sammen", "venner", "ven",
		"veninde", "alene", "fedt", "sjovt", "ved", "skole", "frivillig", "frivilligt",
		"ingen", "aldrig", "altid", "hvis", "når", "så", "jo", "bliver", "blev", "var",
		"havde", "kunne", "ville", "skulle", "nok", "helt", "mere", "mest", "fra", "hos",
		"ud", "op", "ned", "sig", "sin", "sit", "dem", "os", "vi", "du", "dig", "hun", "han",
		"deres", "vores", "hvem", "hvilke", "hvilken", "tror", "mener", "altså", "ude",
		"noget", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
		"gamle", "børn", "unge", "ældre", "dyr", "natur", "jep", "nope", "hjælp", "fri",
		"bo", "lyder", "kender", "aner", "idé", "ide", "hader", "elske", "tænkt", "leve",
		"mor", "far", "slår", "selv", "ihjel", "fordi", "mennesker", "folk", "klasse",
		"skift", "skifte", "ændre", "sted", "interesser", "flere", "vis", "klart", "godmorgen",
		"hvornår", "kun", "tirsdage", "weekender", "gang", "gange", "engang", "nogle", "mange",
		"tak", "også", "noget", "sådan", "hvis", "kunne", "tænke", "godt", "lide", "gå", "går",
		"snakke", "tale", "synes", "både", "hverken", "aldrig", "sommer", "ferie", "sommerferien",
	)
	englishWords = set(
		"im", "am", "is", "are", "the", "and", "of", "in", "on", "with", "my", "me", "want",
		"would", "live", "into", "help", "learn", "you", "it", "what", "do", "dont", "have",
		"has", "free", "love", "wanna", "gonna", "yes", "no", "not", "but", "or", "be",
		"been", "was", "were", "will", "this", "that", "there", "their", "they", "we",
		"he", "she", "our", "your", "very", "really", "some", "any", "please", "thanks",
		"hi", "hello", "idk", "yeah", "about", "from", "just", "also", "only", "because",
		"if", "when", "where", "how", "why", "who", "maybe", "something", "anything",
		"people", "id", "ive", "its", "lets", "isnt", "doesnt", "cant", "wont", "dunno",
		"like", "mornings", "evenings", "afternoons", "weekdays", "morning", "evening",
		"afternoon", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday",
		"friday", "old", "years", "myself", "friend", "friends", "an", "a", "can", "could",
		"should", "much", "more", "than", "living", "kill", "die", "life", "sure", "nope",
		"thank", "after", "school", "work", "week", "every", "day", "time", "interested",
		"things", "stuff", "kind", "would", "able", "being", "get", "got",
		"change", "location", "show", "please", "something", "with", "volunteer", "volunteering",
		"help", "helping", "whenever", "anytime", "weekends", "nights", "night", "am", "pm",
	)
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold(w)] = true
	}
	return m
}

// langOf guesses the language of the message: "da", "en", or "" when the
// message is too short or too mixed to tell.
func langOf(d *doc) string {
	if d.langDone {
		return d.lang
	}
	d.langDone = true
	da, en := 0, 0
	for _, w := range d.words {
		if danishWords[w.norm] {
			da++
		}
		if englishWords[w.norm] {
			en++
		}
	}
	if strings.ContainsAny(strings.ToLower(d.text), "æøå") {
		da += 2
	}
	switch {
	case da > 0 && da >= 2*en:
		d.lang = "da"
	case en > 0 && en >= 2*da:
		d.lang = "en"
	}
	return d.lang
}

// Words that make the following words mean their opposite, and words that
// end such a scope ("ikke kun dyr" is still animals).
var (
	negationWords = set(
		"ikke", "ik", "ikk", "ike", "not", "no", "ingen", "intet", "aldrig", "never",
		"undtagen", "except", "hverken", "neither", "nor", "dont", "doesnt", "cant",
		"cannot", "wont", "isnt", "nej",
	)
	negationBreakers = set(
		"men", "but", "kun", "bare", "only", "just", "måske", "maybe", "perhaps", "mere",
		"more", "snarere", "rather", "erfaring", "experience", "prøvet", "tried", "også",
		"also", "elsker", "love", "gerne", "rigtig", "helst", "mind",
		// a correction turns from the "nej" to the new wish: "nej hellere musik"
		"hellere", "faktisk", "actually", "instead", "istedet", "vent", "wait",
	)
	// "ved ikke" / "not sure" voice doubt about oneself, not dislike
	doubtWords = set("ved", "vet", "know", "kender", "aner", "sikker", "sure", "knows", "forstår")
)

// negated reports whether the word at i sits within three words after a
// negation in the same clause.
func negated(d *doc, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if d.words[k+1].brk {
			return false
		}
		w := d.words[k].norm
		if negationBreakers[w] {
			return false
		}
		if negationWords[w] {
			if k > 0 && doubtWords[d.words[k-1].norm] {
				return false
			}
			if k+1 < len(d.words) && doubtWords[d.words[k+1].norm] {
				return false
			}
			return true
		}
	}
	return false
}
