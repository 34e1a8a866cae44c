package understand

import (
	"slices"
	"strings"
	"unicode"
)

// A conversation that listens: messages that are not answers still say
// something. These intents let the bot reply to the moment instead of
// repeating one canned line (see Result.Intents for their meaning).

// listenTerms are matched on their own lexicon, so that the blockers of
// intentTerms ("no one", "hjælpe") and theirs do not meet.
var listenTerms = []termGroup{
	{"rude", []string{
		"(du er|du e|du r|du|u|you are|youre|your|ur|u r|u are|you r|you) (så|sgu|bare|fucking|virkelig|pisse|really|so|such a|such an|a|an|the) (dum|dumme|dummere|idiot|idiotisk|ubrugelig|elendig|irriterende|latterlig|håbløs|taber|nar|klam|lam|værdiløs|pissedårlig|lort|stupid|dumb|useless|idiot|moron|trash|garbage|annoying|pathetic|worthless|retarded|terrible|worst|awful|loser|joke)",
		"(du er|du e|du r|you are|youre|your|ur|u r|u are|you r) (dum|dumme|dummere|idiot|idiotisk|ubrugelig|elendig|irriterende|latterlig|håbløs|en taber|taber|en nar|nar|klam|lam|værdiløs|pissedårlig|noget lort|lort|til ingen nytte|stupid|dumb|useless|an idiot|idiot|a moron|moron|trash|garbage|annoying|pathetic|worthless|retarded|terrible|the worst|awful|a loser|a joke)",
		"din|dit (idiot|dumme|dumme bot|nar|spasser|taber|klaphat|klovn|lort|lorteprogram|lortebot)", "dumme|dum|lorte|elendige|elendig|stupid|dumb|useless|shitty (bot|robot|chatbot|app|maskine|program|thing)",
		"lortebot", "lorteapp", "fuck (dig|jer|af|off|you|u|dette|det her|this|den her)", "fck (dig|you|u|off)",
		"(du|you|u) (suger|sutter|stinker|suck|sucks|stink)", "this (bot|app|thing|chat) (sucks|is stupid|is useless|is trash|is garbage)",
		"skrid", "skrid med dig", "hold din kæft", "hold nu kæft", "^hold kæft$", "^hold kæft du", "luk røven", "luk r", "kys min røv",
		"klap i", "stik den skråt op", "gå ad helvede til", "gå ad h til", "pis af", "piss off", "shut up", "shut the fuck up",
		"stfu", "go to hell", "screw you", "kill yourself", "go die", "f u", "du fatter ingenting", "du forstår ingenting",
		"du forstår ikke en skid", "you dont understand anything", "hvor er du dum", "sikke en dum", "^idiot", "^moron",
	}},
	{"off_topic", []string{
		"hvad er klokken", "hvad er kl", "hvor mange er klokken", "what time is it", "whats the time", "what is the time",
		"hvordan er vejret", "hvad bliver vejret", "hvordan bliver vejret", "vejret i dag|morgen|weekenden",
		"regner det", "whats the weather", "what is the weather", "how is the weather", "hows the weather", "weather like",
		"is it raining", "will it rain",
		"hvem (vinder|vandt|vil vinde) ... (vm|em|kampen|finalen|valget|mgp|melodi grand prix|superligaen|champions league|x factor|super bowl)",
		"who (won|wins|will win) ... (world cup|game|match|final|election|super bowl|euro|champions league)",
		"fortæl|sig ... (joke|vittighed|vits|sjov historie)", "tell ... joke", "^joke", "know any jokes",
		"hvad er meningen med livet", "meaning of life", "hovedstaden i", "hovedstad i", "capital of",
		"hvem er (statsminister|statsministeren|kongen|dronningen|præsident|præsidenten)",
		"who is the (president|prime minister|king|queen)",
		"(har du|do you have) (en|a|) (kæreste|girlfriend|boyfriend|gf|bf)", "er du single", "are you single",
		"vil du (være min kæreste|gifte dig med mig|gå ud med mig|date mig)", "will you (marry me|go out with me|date me)",
		"hvor gammel er du", "how old are you", "hvad er din yndlings*|favorit*", "hvad er dit yndlings*",
		"(what is|whats) your (favorite|favourite)", "hvad hedder du", "whats your name", "what is your name",
		"(kan du|can you|could you) (lave|skrive|løse|do|write|solve) (mine|min|mit|my) (lektier|opgave|opgaver|stil|aflevering|homework|essay|assignment)",
		"lav mine lektier", "skriv min stil|opgave|aflevering", "do my homework", "write my essay",
		"hvad skal jeg spise", "what should i eat", "hvad skal jeg have på", "what should i wear",
		"anbefal|anbefale ... film|serie|serier|bog|sang", "recommend ... movie|series|show|book|song",
		"spiller du (fortnite|fifa|minecraft|roblox|cs|valorant|lol|spil|computer)", "do you play (fortnite|fifa|minecraft|roblox|games|video games)",
		"hvordan har du det", "hvordan går det med dig", "^hvordan går det$", "hvad laver du (nu|lige nu|i dag)",
		"how are you", "how r u", "how are u", "hows it going", "what are you doing", "wyd",
		"er jorden flad", "is the earth flat", "hvad synes du om (mig|trump|politik)", "do you like me", "kan du lide mig",
	}},
	{"ask_response_time", []string{
		"hvornår ... (svarer|svare|skriver|ringer|kontakter|hører|høre|svar|besked|vender tilbage|melder tilbage|melder sig)",
		"hvor (lang tid|længe) ... før|inden|til ... svarer|svare|skriver|ringer|kontakter|hører|svar|besked",
		"hvor (lang tid|længe) (skal jeg|må jeg|plejer man at) vente", "hvor længe går der", "hvor lang tid går der",
		"hvor lang tid tager det (før|inden|at få) ... svar|svarer|skriver|hører",
		"har de|nogen|organisationen|foreningen ... (svaret|skrevet|ringet|kontaktet|set min|læst min)",
		"svarer|skriver|ringer de ikke", "de har ikke svaret|skrevet|ringet", "ingen har svaret|skrevet|ringet",
		"har ikke hørt (fra dem|noget|fra nogen)", "hører ikke fra dem", "ikke hørt noget", "hvorfor svarer de ikke",
		"får jeg svar", "får jeg et svar", "noget nyt fra dem", "nyt fra dem", "noget svar",
		"when ... (answer|reply|respond|get back|hear back|hear from|write back|call me|contact me|email me)",
		"how long ... (answer|reply|respond|get back|hear back|hear from)", "how long (do|will|should) i (have to |)wait",
		"how long until|till|before", "have|has they|anyone|someone ... (answered|replied|responded|written|called)",
		"(they|someone|anyone) (havent|hasnt|didnt|did not|have not|has not) (answered|replied|responded|written|called|gotten back)",
		"(havent|have not) heard (back|from them|anything)", "no one (has |)(answered|replied|responded|written)",
		"nobody (has |)(answered|replied|responded|written)", "any news from them", "any reply",
	}},
	{"thanks", []string{
		"tak", "takk", "takker", "tak tak", "tusind tak", "tusinde tak", "tusen tak", "mange tak", "takke",
		"tak for (hjælpen|det|nu|i dag|svaret|info|infoen|snakken|hjælp)", "tak skal du have", "tak ska du ha",
		"thanks", "thank you", "thank u", "thankyou", "thx", "thnx", "tnx", "tx", "^ty$", "^ty ", "tysm", "ty so much",
		"thanks a lot", "many thanks", "cheers", "ok tak", "okay tak", "ok thanks", "ok thx", "^tak$",
	}},
	{blocked, []string{
		"ja tak", "jo tak", "nej tak", "nej mange tak", "ellers tak", "nej ellers tak", "no thanks", "no thank you",
		"yes thanks", "yes please", "takket være", "thanks to", "tak til", "sige tak", "say thanks",
		"ja gerne tak", "ja mange tak", "jo mange tak", "ja tusind tak",
		"when i", "when im", "when we", "when you", "when its", "hvornår jeg", "hvornår det passer",
		"hvornår kan jeg", "hvornår skal jeg", "when can i", "when should i", "when do i start",
		"du er dum hvis", "du er sød", "you are nice",
	}},
}

var listenLex = newLexicon(listenTerms, 0)

// Emoji that answer a question: a thumb up is yes, a thumb down or a
// cross is no.
var (
	yesEmoji = []rune{'👍', '👌', '✅', '🙏', '✔', '☑', '🆗', '💯', '🙌', '🤙', '👏'}
	noEmoji  = []rune{'👎', '❌', '✖', '🙅', '⛔', '🚫', '❎'}
)

// listenIntents adds the listening intents to seen. r must hold every
// other field already: "unclear" means nothing else was read.
func listenIntents(d *doc, r *Result, seen map[string]bool) {
	for _, h := range listenLex.match(d) {
		seen[h.id] = true
	}
	if _, ok := offTopicSum(d); ok {
		seen["off_topic"] = true
	}
	switch leadingEmoji(d) {
	case "yes":
		seen["yes"] = true
	case "no":
		seen["no"] = true
	}
	if len(seen) == 0 && unclear(d, r) {
		seen["unclear"] = true
	}
	if onlyQuestionMarks(d.text) {
		// "?" asks for help, and says nothing else
		seen["unclear"] = true
	}
}

// offTopicSum finds arithmetic ("hvad er 2+2", "5 gange 7", "what's
// 3*4") and returns the word it starts at.
func offTopicSum(d *doc) (int, bool) {
	for i := 0; i+1 < len(d.words); i++ {
		if d.words[i].kind != tokNum {
			continue
		}
		if d.words[i+1].kind == tokNum {
			switch sepBetween(d, i, i+1) {
			case "+", "*", "x", "×", "=":
				return i, true
			}
		}
		if i+2 < len(d.words) && d.words[i+2].kind == tokNum {
			switch d.words[i+1].norm {
			case "plus", "minus", "gange", "times", "divideret", "divided", "x":
				if !notAgeNext[d.norm(i+3)] {
					return i, true
				}
			}
		}
	}
	return 0, false
}

// dropOffTopicFacts reads the facts of a message again without its
// off-topic clauses: "hvem vinder VM i fodbold" wishes for no sport, and
// "hvordan er vejret i Aarhus" says nothing of where the user lives, but
// "hvad er 2+2, jeg er 16" still gives the age. Crisis, language and
// intents stay as read from the whole message.
func dropOffTopicFacts(d *doc, r *Result) {
	if !slices.Contains(r.Intents, "off_topic") {
		return
	}
	var starts []int
	for _, h := range listenLex.match(d) {
		if h.id == "off_topic" {
			starts = append(starts, h.start)
		}
	}
	if i, ok := offTopicSum(d); ok {
		starts = append(starts, i)
	}
	masked := []byte(d.text)
	for _, i := range starts {
		from, to := i, i+1
		for from > 0 && !d.words[from].brk {
			from--
		}
		for to < len(d.words) && !d.words[to].brk {
			to++
		}
		for k := d.words[from].start; k < d.words[to-1].end; k++ {
			masked[k] = ' '
		}
	}
	rest := Parse(string(masked))
	r.Interests, r.InterestWords, r.NotInterests = rest.Interests, rest.InterestWords, rest.NotInterests
	r.Slots, r.Commitment, r.Group, r.Age = rest.Slots, rest.Commitment, rest.Group, rest.Age
	r.Postcode, r.Municipality, r.Online, r.VagueTime = rest.Postcode, rest.Municipality, rest.Online, rest.VagueTime
	r.Correction = rest.Correction
}

// leadingEmoji reads a yes or no emoji before the first word: "👍",
// "👍 lørdag passer". Mixed signals read as neither.
func leadingEmoji(d *doc) string {
	end := len(d.text)
	if len(d.words) > 0 {
		end = d.words[0].start
	}
	yes, no := false, false
	for _, r := range d.text[:end] {
		yes = yes || containsRune(yesEmoji, r)
		no = no || containsRune(noEmoji, r)
	}
	switch {
	case yes && !no:
		return "yes"
	case no && !yes:
		return "no"
	}
	return ""
}

func containsRune(list []rune, r rune) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

// unclear reports a message that says nothing Brobygger can read: only
// emoji or punctuation ("...", "🤷"), laughter ("haha", "lol") or keys
// hit at random ("asdf", "jkjkjk", "sdfghj"), and nothing else found.
func unclear(d *doc, r *Result) bool {
	if strings.TrimSpace(d.text) == "" || r.Crisis || r.Concern || r.Age > 0 || r.Postcode != "" ||
		r.Municipality != "" || len(r.Interests) > 0 || len(r.NotInterests) > 0 || len(r.Slots) > 0 ||
		r.Commitment != "" || r.Group != "" || r.Online || r.VagueTime != "" {
		return false
	}
	for _, w := range d.words {
		if w.kind != tokWord || !(laughter(w.norm) || mash(w.norm)) {
			return false
		}
	}
	return true
}

// laughter is a word that only laughs.
func laughter(w string) bool {
	switch w {
	case "lol", "lmao", "lmfao", "rofl", "xd", "ha", "haha", "hehe", "hihi", "hah", "heh", "lul", "kek", "ksks":
		return true
	}
	return repeats(w) && (strings.HasPrefix(w, "ha") || strings.HasPrefix(w, "he") || strings.HasPrefix(w, "hi") ||
		strings.HasPrefix(w, "xd") || strings.HasPrefix(w, "ks"))
}

// keyRuns are letters that sit side by side on a keyboard.
var keyRuns = []string{"asdf", "sdfg", "dfgh", "fghj", "ghjk", "hjkl", "jklæ", "qwer", "wert", "erty", "rtyu",
	"tyui", "yuio", "uiop", "zxcv", "xcvb", "cvbn", "vbnm", "asd", "sdf", "jkl", "qwe", "zxc", "lkj", "fdsa", "ølkj"}

// consonantWords are real words without vowels that must not read as mash.
var consonantWords = set("thx", "tnx", "pls", "plz", "hmm", "hm", "kbh", "cph", "tlf", "brb", "psst", "pst",
	"nvm", "smh", "ngl", "lmk", "tbh", "mvh", "vm", "em", "dm", "pm", "fm", "nt", "gg", "wtf", "bff", "st")

// mash reports a word typed at random.
func mash(w string) bool {
	if len(w) < 3 || consonantWords[w] {
		return false
	}
	for _, k := range keyRuns {
		if strings.Contains(w, fold(k)) {
			return true
		}
	}
	if repeats(w) && len(w) >= 4 {
		return true
	}
	run := 0
	vowels := 0
	for _, r := range w {
		if strings.ContainsRune("aeiouyæøå", unicode.ToLower(r)) {
			vowels++
			run = 0
			continue
		}
		if run++; run >= 5 {
			return true
		}
	}
	return vowels == 0
}

// repeats reports a word made of one short piece said again and again:
// "jkjkjk", "asdasd", "hahaha".
func repeats(w string) bool {
	for n := 2; n <= 3 && 2*n <= len(w); n++ {
		ok := true
		for i := n; i < len(w); i++ {
			if w[i] != w[i%n] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
