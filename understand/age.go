package understand

import (
	"slices"
	"strconv"
	"strings"
)

// numberWords spells out the ages young people might write in letters.
var numberWords = func() map[string]int {
	m := map[string]int{}
	da := []string{"", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve",
		"tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tyve"}
	en := []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
		"nineteen", "twenty"}
	// only from ten up: smaller words are too common to mean an age
	for i := 10; i <= 20; i++ {
		m[fold(da[i])] = i
		m[en[i]] = i
	}
	for i := 1; i <= 9; i++ {
		m[fold(da[i]+"ogtyve")] = 20 + i
		m["twenty"+en[i]] = 20 + i
	}
	m["enogtyve"] = 21
	m["tredive"] = 30
	m["thirty"] = 30
	return m
}()

// Words around a number that decide whether it is an age.
var (
	ageUnits   = set("år", "aar", "ar", "years", "year", "yrs", "yr", "yo", "y", "årig", "årige", "aarig", "årgammel")
	notAgeNext = set("timer", "time", "t", "min", "minutter", "kr", "kroner", "km", "m", "meter",
		"uger", "uge", "dage", "dag", "gange", "gang", "personer", "stk", "stykker", "procent",
		"hours", "hour", "minutes", "people", "times", "days", "weeks", "af", "of", "klasse",
		"kg", "cm", "point", "sekunder", "seconds", "grader", "degrees", "måneder", "months",
		"mennesker", "børn", "kids", "venner", "friends", "euro", "dollars", "pct")
	ageFillers = set("kun", "næsten", "snart", "lige", "bare", "only", "almost", "just", "nearly",
		"soon", "ca", "omkring", "about", "around", "blevet", "fyldt", "turning", "turned", "nu",
		"now", "allerede", "already", "faktisk", "actually", "stadig", "still", "godt", "over")
	// a duration or a time span, not an age: "i 5 år", "for 2 år siden"
	durationBefore = set("i", "for", "in", "om", "over", "under", "efter", "på", "sidste", "hvert",
		"siden", "mindst", "past", "last", "every", "after", "within", "de", "fra", "til", "mellem",
		"between", "from", "to", "inden", "than", "end", "indenfor", "ca", "cirka")
	durationAfter = set("siden", "ago", "tilbage", "mere", "endnu", "til", "more", "later", "senere",
		"frem", "i", "har", "with", "med", "erfaring", "experience", "over", "and", "og")
	// someone else's age: "min bror er 12"
	otherSubjects = set("han", "hun", "de", "den", "det", "bror", "broren", "søster", "søsteren",
		"mor", "far", "ven", "veninde", "he", "she", "they", "it", "brother", "sister", "friend",
		"lillebror", "lillesøster", "storebror", "storesøster", "kæreste", "you", "du", "man")
	selfSubjects = set("jeg", "je", "jg", "i", "im", "ja")
)

// findAge returns the user's age, or 0. It accepts "jeg er 16", "16 år",
// "I'm 19", "jeg fylder 15" and a number on its own, and refuses clock
// times, durations and other people's ages.
//
// When the user speaks for two or more ("vi er begge 17", "min veninde og
// jeg er 15", "vi er 16 og 17"), the user's own age wins if they also give
// it ("jeg er 16 og hun er 17"); otherwise the youngest age counts, since
// the youngest decides what is safe and open to them together.
func findAge(d *doc) int {
	group := groupAge(d)
	for i := range d.words {
		n, ok := ageNumber(d, i)
		if !ok || n < 5 || n > 99 {
			continue
		}
		if statedAge(d, i) {
			return n
		}
		if group == 0 && agedNumber(d, i) {
			return n
		}
	}
	if group > 0 {
		return group
	}
	for i := range d.words {
		n, ok := ageNumber(d, i)
		if ok && n >= 10 && n <= 99 && loneNumber(d, i) {
			return n
		}
	}
	return 0
}

// groupAge reads the ages of "us": "vi er begge 17", "we're both 19", "vi
// er 16 og 17", "min veninde og jeg er 15", "vi er to på 16", "begge 17".
// It returns the youngest, or 0. "Vi er 3" and "vi er 4 venner" are how
// many they are, not how old: a bare number after "vi er" counts as an
// age only from 11 up (below that it is a group size, see groupTerms) or
// with "begge"/"both" or "år"/"years".
func groupAge(d *doc) int {
	for i := range d.words {
		j, ok := weAre(d, i)
		if !ok {
			continue
		}
		both := false
		for bothWords[d.norm(j)] {
			both = true
			j++
		}
		// "vi er begge to 17"
		if both && (d.norm(j) == "to" || d.norm(j) == "two") {
			j++
		}
		// "vi er to på 16", "we are two aged 16"
		if (d.norm(j) == "to" || d.norm(j) == "2" || d.norm(j) == "two") && (d.norm(j+1) == "paa" || d.norm(j+1) == "aged") {
			j, both = j+2, true
		}
		ages, end := ageList(d, j)
		if len(ages) == 0 {
			continue
		}
		unit := ageUnits[d.norm(end)]
		if notAgeNext[d.norm(end)] || isRangeSep(d, end-1, end) && !unit {
			continue
		}
		// "vi er 16 og 17" names two ages; "vi er 15" alone may be a head count
		if !both && !unit && len(ages) == 1 && ages[0] < 11 {
			continue
		}
		return slices.Min(ages)
	}
	// "begge 17" answering the age question
	if len(d.words) <= 4 && bothWords[d.norm(0)] {
		j := 1
		for bothWords[d.norm(j)] || d.norm(j) == "to" || d.norm(j) == "two" {
			j++
		}
		if ages, end := ageList(d, j); len(ages) > 0 && !notAgeNext[d.norm(end)] {
			return slices.Min(ages)
		}
	}
	return 0
}

// bothWords say the age is everyone's: "vi er begge (to) 17", "we're both".
var bothWords = set("begge", "both", "alle", "all", "sammen", "allesammen")

// weAre matches a plural subject with its verb at word i and returns where
// the age may start: "vi er", "we are", "we're", "vi er jo", "min veninde
// og jeg er", "me and my friend are".
func weAre(d *doc, i int) (int, bool) {
	w := d.norm(i)
	switch {
	case (w == "vi" || w == "we") && (d.norm(i+1) == "er" || d.norm(i+1) == "are"):
		i += 2
	case w == "were" && strings.ContainsAny(d.words[i].raw, "'’´`"):
		i++
	case (w == "er" || w == "are") && (d.norm(i-1) == "og" || d.norm(i-1) == "and"):
		// "... og jeg er", "... and I are": only with the user in the subject
		if !selfSubjects[d.norm(i-1)] && !selfPair(d, i) {
			return 0, false
		}
		i++
	case (w == "er" || w == "are") && selfPair(d, i):
		i++
	default:
		return 0, false
	}
	for ageFillers[d.norm(i)] || d.norm(i) == "jo" {
		i++
	}
	return i, true
}

// selfPair reports a subject of the user and someone else right before
// the verb at word i: "min veninde og jeg", "jeg og min ven", "me and my
// friend", "my friend and I".
func selfPair(d *doc, i int) bool {
	self, and := false, false
	for k := i - 1; k >= 0 && i-k <= 5; k-- {
		if d.words[k+1].brk {
			break
		}
		switch w := d.norm(k); {
		case w == "og" || w == "and":
			and = true
		case w == "jeg" || w == "mig" || w == "me" || w == "i" && langOf(d) != "da":
			self = true
		}
	}
	return self && and
}

// ageList reads "17", "16 og 17", "16-17", "15, 16 og 17" from word j and
// returns the ages and the word after them.
func ageList(d *doc, j int) ([]int, int) {
	var ages []int
	for j < len(d.words) {
		n, ok := ageNumber(d, j)
		if !ok || n < 5 || n > 99 {
			break
		}
		ages = append(ages, n)
		j++
		switch {
		case isRangeSep(d, j-1, j) && j < len(d.words) && d.words[j].kind == tokNum:
		case (d.norm(j) == "og" || d.norm(j) == "and" || sepBetween(d, j-1, j) == ",") && j+1 < len(d.words):
			if _, ok := ageNumber(d, j+1); ok && d.norm(j) != "" && (d.norm(j) == "og" || d.norm(j) == "and") {
				j++
			} else if sepBetween(d, j-1, j) != "," {
				return ages, j
			}
		default:
			return ages, j
		}
	}
	return ages, j
}

// ageNumber reads word i as a one- or two-digit number or a number word.
func ageNumber(d *doc, i int) (int, bool) {
	w := d.words[i]
	if w.kind == tokNum {
		if len(w.norm) > 2 || w.norm[0] == '0' {
			return 0, false
		}
		n, err := strconv.Atoi(w.norm)
		return n, err == nil
	}
	n, ok := numberWords[w.norm]
	return n, ok
}

func (d *doc) norm(i int) string {
	if i < 0 || i >= len(d.words) {
		return ""
	}
	return d.words[i].norm
}

// statedAge matches "jeg er (kun) 16", "I'm 19", "age: 17", "jeg fylder 15".
func statedAge(d *doc, i int) bool {
	if notAgeNext[d.norm(i+1)] || isRangeSep(d, i, i+1) {
		return false
	}
	k := i - 1
	for k >= 0 && i-k <= 3 && ageFillers[d.norm(k)] {
		k--
	}
	switch d.norm(k) {
	case "age", "aged", "alder", "alderen", "im":
		return true
	case "fylder", "fyldte", "fyldt", "turning", "turned", "turn", "bliver":
		// "jeg fylder 15", but not "min bror fylder 12"
		return !otherSubjects[d.norm(k-1)] && !(d.norm(k-1) == "er" && otherSubjects[d.norm(k-2)])
	case "er", "am":
		// "jeg er 16", and the subordinate "at jeg kun er 12"
		subj := d.norm(k - 1)
		if ageFillers[subj] {
			subj = d.norm(k - 2)
		}
		if subj == "og" || subj == "and" {
			// "jeg bor i Esbjerg og er 16": the subject was given earlier
			return selfEarlier(d, k)
		}
		return selfSubjects[subj] || k == 0
	}
	return false
}

// selfEarlier reports that the clause before word k was about the user.
func selfEarlier(d *doc, k int) bool {
	for j := k - 1; j >= 0; j-- {
		w := d.norm(j)
		// Danish "i" is "in", not "I"
		if selfSubjects[w] && (w != "i" || langOf(d) == "en") {
			return true
		}
		if otherSubjects[d.norm(j)] || d.words[j+1].brk {
			return false
		}
	}
	return false
}

// agedNumber matches "16 år", "19 years old", "16-årig", unless the number
// is a duration or someone else's age.
func agedNumber(d *doc, i int) bool {
	if !ageUnits[d.norm(i+1)] {
		return false
	}
	if durationAfter[d.norm(i+2)] && d.norm(i+2) != "og" && d.norm(i+2) != "and" {
		return false
	}
	if d.norm(i+2) == "og" && (d.norm(i+3) == "har" || d.norm(i+3) == "i") {
		return false
	}
	if durationBefore[d.norm(i-1)] || isRangeSep(d, i-1, i) {
		return false
	}
	if d.norm(i-1) == "er" && otherSubjects[d.norm(i-2)] {
		return false
	}
	if d.norm(i-1) == "på" || d.norm(i-1) == "aged" && otherSubjects[d.norm(i-2)] {
		return false
	}
	return true
}

// loneNumber matches a number that is the whole message or a clause of
// its own ("16", "dyr og natur, 16"), optionally with "år".
func loneNumber(d *doc, i int) bool {
	if d.words[i].kind != tokNum {
		return false
	}
	startsClause := i == 0 || d.words[i].brk || (i == leadIn(d) && i > 0) || afterCorrectionLead(d, i)
	if !startsClause || d.norm(i-1) == "kl" || d.norm(i-1) == "klokken" {
		return false
	}
	if s := sepBetween(d, i-1, i); (s == "." || s == ":") && d.words[i-1].kind == tokNum {
		return false
	}
	j := i + 1
	if ageUnits[d.norm(j)] {
		j++
		if d.norm(j) == "old" || d.norm(j) == "gammel" {
			j++
		}
	}
	if j < len(d.words) && !d.words[j].brk {
		return false
	}
	// a clock time written alone ("16:30", "16.30") is not an age
	if s := sepBetween(d, i, i+1); s == ":" || s == "." && d.words[i+1].kind == tokNum {
		return false
	}
	return true
}

// correctionLeads open a corrected answer: "nej faktisk 17", "sorry, I
// meant 17", "hov jeg mente 16".
var correctionLeads = set("nej", "no", "nope", "nah", "næ", "faktisk", "actually", "vent", "wait", "hov",
	"ups", "oops", "sorry", "undskyld", "jeg", "i", "mente", "meant", "altså", "så", "so", "well")

// afterCorrectionLead reports a number that only correction words come
// before in its clause.
func afterCorrectionLead(d *doc, i int) bool {
	if i == 0 {
		return false
	}
	for k := i - 1; k >= 0; k-- {
		if !correctionLeads[d.words[k].norm] {
			return false
		}
		if d.words[k].brk {
			break
		}
	}
	return true
}
