package understand

import "strings"

// intentOrder is the order intents are reported in.
var intentOrder = []string{
	"restart", "delete_data", "what_stored", "change_time", "change_place", "change_interests",
	"change_group", "change_age", "back_to_volunteering", "ask_response_time", "help", "more",
	"dont_know", "yes", "no", "greeting", "thanks", "rude", "off_topic", "unclear",
}

// greetingWords open a message without carrying content; anchored intents
// ("ja" first) look past them.
var greetingWords = set("hej", "hey", "hi", "hallo", "halloj", "hejsa", "hejhej", "heyy", "yo", "hello",
	"godmorgen", "goddag", "dav", "davs", "hola", "sup", "wassup", "ok", "okay", "okey", "oki",
	"nå", "så", "well", "ja", "nej")

// intentTerms are what the conversation engine reacts to, whatever else
// the message says. Short answers ("ja", "nej", "ok") only count at the
// start of a message, where they answer the bot rather than being part of
// a sentence.
var intentTerms = []termGroup{
	{"restart", []string{
		"start forfra", "starte forfra", "begynd forfra", "begynde forfra", "forfra", "fra start",
		"fra begyndelsen", "start over", "starting over", "restart", "reset", "nulstil*",
		"startforfra", "start igen", "start again", "begin again", "new start", "ny start",
	}},
	{"change_time", []string{
		"skift|skifte|ændre|ændr|ret|rette|opdater|opdatere|andre|anden|nye|ny tid|tider|tidspunkt|tidspunkter|dage|dag",
		"skift|skifte|ændre|ændr|ret|rette|opdatere mine|min tider|tid|dage",
		"change|update|edit|different|other|new time|times|days|schedule|availability",
		"change|update my time|times|days|schedule|availability", "kan ikke alligevel den dag",
		"passer ikke alligevel", "har fået nye tider", "ændre hvornår", "andre dage",
	}},
	{"change_place", []string{
		"skift|skifte|ændre|ændr|ret|rette|opdater|opdatere|andet|nyt|ny sted|by|postnummer|adresse|område",
		"skift|skifte|ændre|ændr|ret|rette|opdatere mit|min sted|by|postnummer|adresse|område",
		"flyttet", "flytter", "flytte til", "er flyttet", "ny adresse", "bor et andet sted",
		"change|update|edit|different|other|new place|location|city|town|area|postcode|address|zip",
		"change|update my place|location|city|town|area|postcode|address", "moved", "moving to",
		"i moved", "ive moved", "andet sted", "et andet sted",
	}},
	{"change_interests", []string{
		"skift|skifte|ændre|ændr|ret|rette|opdater|opdatere|andre|nye interesser|interesse|emner|emne",
		"skift|skifte|ændre|ændr|opdatere mine|min interesser|interesse",
		"change|update|edit|different|other|new interests|interest|topics|topic",
		"change|update my interests|interest", "noget andet", "something else", "andre ting",
		"other things", "andre områder", "other areas",
	}},
	{"change_group", []string{
		"skift|skifte|ændre|ændr|ret|rette|opdatere gruppe|gruppen|hvem|selskab|følgeskab",
		"ændre hvem jeg (er med|kommer med)", "alligevel med en ven|veninde|venner|gruppe|klassen",
		"alligevel alene", "change|update group|company|who", "change who i (come with|bring)",
		"not alone after all", "with friends after all", "ikke alene alligevel",
		"kommer alligevel med", "vil alligevel gerne med",
	}},
	{"change_age", []string{
		"skift|skifte|ændre|ændr|ret|rette|opdatere (alder|alderen|min alder)",
		"forkert alder", "alderen er forkert", "min alder er forkert", "change|update|fix|wrong my age|age",
		"change my age", "wrong age", "jeg er ikke #", "i am not #", "im not #", "er faktisk #",
		"am actually #", "im actually #", "mente #", "i meant #", "jeg har fødselsdag",
		"jeg har lige haft fødselsdag", "fyldt år", "had my birthday",
	}},
	{"what_stored", []string{
		"hvad ved du om mig", "hvad ved i om mig", "hvad gemmer du|i", "hvad har du|i gemt",
		"hvilke data|oplysninger", "hvad husker du", "hvad har du registreret",
		"mine data", "mine oplysninger", "hvad har du om mig", "hvad har i om mig",
		"hvad gemmer i om mig", "hvad gemmes", "what do you know about me",
		"what do you store", "what do you save", "what data", "what have you saved|stored",
		"what info", "what information", "my data", "my info", "my information",
		"what do you remember", "gdpr", "persondata", "privatliv", "privacy",
	}},
	{"delete_data", []string{
		"slet|slette|sletter|fjern|fjerne mine|min data|oplysninger|profil|info|samtale",
		"slet|slette|fjern|fjerne alt", "slet|slette mig", "glem|glemme mig", "glem alt",
		"slet data", "slet mine data", "slette mine data", "delete|remove|erase|wipe my data|info|information|profile|account",
		"delete|remove|erase everything", "delete me", "forget me", "forget everything", "delete data",
		"vil slettes", "ønsker at blive slettet", "slettet",
	}},
	{"back_to_volunteering", []string{
		"tilbage til (frivillighed|frivilligt|frivilligjob|frivilligjobs|forslagene|forslag|det frivillige)",
		"back to (volunteering|suggestions|the suggestions)", "videre med frivillig*",
		"fortsæt|fortsætte", "continue", "^tilbage$", "^back$", "lad os komme videre", "let's continue",
		"tilbage til det", "tilbage til samtalen", "back to it", "videre",
	}},
	{"yes", []string{
		"^ja", "^jaa", "^jep", "^jeps", "^jepper", "^jo", "^ok", "^okay", "^okey", "^oki", "^okidoki",
		"^klart", "^selvfølgelig", "^selvfolgelig", "^yes", "^yeah", "^yea", "^yep", "^yup", "^ya",
		"^sure", "^gerne", "^ja tak", "^ja gerne", "^jo tak", "^fint", "^fedt", "^super", "^perfekt",
		"^absolut", "^det vil jeg gerne", "^helt sikkert", "^of course", "^definitely", "^yesss",
		"^sounds good", "lyder godt", "lyder fedt", "lyder super", "sounds great", "lad os",
		"lad os gøre det", "lets do it", "lets go", "^let's", "^deal", "^aftale", "^top", "^nice",
		"^cool", "^sikkert", "^jaja", "^jamen", "^jah", "^jeah", "^jubii", "^alright", "^fair",
		"det lyder godt", "det vil jeg gerne", "meget gerne", "rigtig gerne", "^correct", "^korrekt",
		"^rigtigt", "^det passer", "^præcis", "^exactly", "^right", "^okay tak", "^ok tak",
	}},
	{"no", []string{
		"^nej", "^nej tak", "^nope", "^no", "^nah", "^naa", "^nix", "^næ", "^næh", "^nææ", "^neej",
		"^ikke nu", "ikke lige nu", "^not now", "not right now", "nej tak", "no thanks", "no thank you",
		"ellers tak", "ikke interesseret", "not interested", "^ikke rigtig", "^not really",
		"^hellere ikke", "^helst ikke", "^rather not", "^niks", "^aldrig", "^never",
		"^forkert", "^wrong", "^det passer ikke", "^ikke rigtigt", "^negativ",
	}},
	{"more", []string{
		"vis flere", "vis mig flere", "flere forslag", "^flere", "^more", "show more", "show me more",
		"more options|suggestions|ideas|please", "andre forslag", "^næste", "^next", "andre muligheder",
		"vis mere", "^mere", "giv mig flere", "har du flere", "har du andre", "any more", "anything else",
		"something different", "noget andet at vælge", "flere muligheder", "flere ideer", "flere idéer",
		"other options", "other suggestions", "see more", "se flere", "se mere", "load more",
	}},
	{"help", []string{
		"^hjælp$", "^help$", "^hjælp mig$", "^help me$", "hvad kan du", "hvad kan du hjælpe med",
		"hvordan virker (det|du|det her|dette)", "hvordan fungerer det|du", "hvad er det her",
		"hvad er det", "hvem er du", "hvad er du", "what can you do", "how does this|it work",
		"how do you work", "what is this", "who are you", "what are you", "jeg forstår ikke",
		"forstår det ikke", "i dont understand", "i do not understand", "brug for hjælp",
		"need help", "jeg er forvirret", "im confused", "i am confused", "^info$", "^menu$",
		"hvad gør jeg", "what do i do", "hvad skal jeg gøre", "hvordan bruger jeg", "how do i use",
		"^hjaelp$", "^hjelp$", "^commands$", "^kommandoer$",
	}},
	{"greeting", []string{
		"^hej", "^hey", "^heyy", "^hi", "^hallo", "^halloj", "^halløj", "^hejsa", "^hejhej", "^yo",
		"^godmorgen", "^goddag", "^god morgen", "^godaften", "^god aften", "^hello", "^dav", "^davs",
		"^hola", "^sup", "^wassup", "^whats up", "^hvad så", "^hvaså", "^good morning",
		"^good evening", "^good afternoon", "^hiya", "^howdy", "^mojn", "^moin", "^halo",
	}},
	{"dont_know", []string{
		"ved ikke", "ved det ikke", "ved ik", "ved ikk", "vidste ikke", "aner det ikke", "aner ikke",
		"aner ik", "ingen idé", "ingen ide", "ingen anelse", "idk", "idek", "dunno", "dont know",
		"do not know", "don't know", "no idea", "not sure", "ikke sikker", "usikker", "vet ikke",
		"ik sikker", "hmm", "hm", "tja", "ved ikke helt", "har ingen idé|ide|anelse",
		"kan ikke bestemme mig", "cant decide", "cant choose", "aner ikke", "who knows",
		"ingen ahnung", "ik sikker", "no clue", "ingen anelse", "i have no idea", "har ikke tænkt over",
		"havent thought about it", "not yet sure", "ved det ikke endnu", "har ikke besluttet",
		"uafklaret", "i'm not sure", "im not sure", "kommer an på", "depends", "it depends",
	}},
	{blocked, []string{
		"no time", "no problem", "no way", "ikke tid", "ikke alene", "ikke noget fast",
		"ikke så meget", "ikke fast", "ikke kun", "ikke bare", "ikke rigtig hvad", "ikke om",
		"ikke sikker på om", "forfra på", "nogle flere", "flere venner", "flere af", "mere end",
		"more than", "ved ikke om jeg er", "gerne ville", "lad os se", "hjælp til", "hjælpe",
		"videre til", "videregiver", "hjælp med", "no one", "nobody", "no friends",
		"next year|week|month|summer|time", "næste år|uge|måned|sommer|gang",
	}},
}

var intentLex = newLexicon(intentTerms, 0)

// findIntents returns the conversational intents in a fixed order. It
// reads the rest of r, which must be filled in already: a correction's
// "nej" ("nej faktisk hellere musik") is not an answer to the bot.
func findIntents(d *doc, r *Result) []string {
	seen := map[string]bool{}
	for _, h := range intentLex.match(d) {
		seen[h.id] = true
	}
	if onlyQuestionMarks(d.text) {
		seen["help"] = true
	}
	listenIntents(d, r, seen)
	if r.Correction {
		delete(seen, "no")
	}
	// "jeg mente 2300" corrects the place, not the age
	if seen["change_age"] && r.Postcode != "" && r.Age == 0 {
		delete(seen, "change_age")
	}
	// a dismissive "nej" beats an "ok" in the same breath ("ok nej")
	var out []string
	for _, id := range intentOrder {
		if seen[id] {
			out = append(out, id)
		}
	}
	return out
}

func onlyQuestionMarks(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "?¿ ") == ""
}
