package understand

// safetySpelling spells out the short forms young people type on phones,
// one word for one word, before the safety lexicon reads a message: "jeg
// har det ik godt", "ikk lyst til at leve" and "u dont care about me" then
// meet the patterns written in full words. Only words that mean nothing
// else in a message to a chatbot are listed: "de" (they) and "ha" (have)
// stay as they are.
var safetySpelling = map[string]string{
	// Danish negation, pronouns and small words
	"ik": "ikke", "ikk": "ikke", "ike": "ikke", "ikek": "ikke", "ikkr": "ikke", "ikkke": "ikke",
	"itte": "ikke", "ikkje": "ikke", "ikkee": "ikke",
	"je": "jeg", "jg": "jeg", "jeq": "jeg", "jegg": "jeg",
	"mg": "mig", "mej": "mig", "migg": "mig",
	"osse": "også", "noe": "noget", "nogt": "noget", "nogn": "nogen",
	"hva": "hvad", "hvd": "hvad", "mer": "mere", "laenger": "længere",
	"ska": "skal", "sku": "skulle", "ka": "kan", "gidder": "gider", "orka": "orker",
	"pga": "fordi", "fdi": "fordi", "moar": "mor",
	// English chat spelling
	"u": "you", "ur": "your", "ppl": "people", "bc": "because", "bcs": "because",
	"cuz": "because", "coz": "because", "cos": "because", "bcuz": "because", "rn": "now",
	"tn": "tonight", "2nite": "tonight", "tonite": "tonight", "2night": "tonight",
	"dnt": "dont", "cnt": "cant", "ima": "im", "imma": "im", "iam": "im",
	"every1": "everyone", "some1": "someone", "no1": "noone", "any1": "anyone",
	"w": "with", "wit": "with", "b4": "before", "pls": "please", "plz": "please",
	"anymor": "anymore", "nomore": "anymore", "tryna": "trying", "kno": "know", "knw": "know",
	"myslef": "myself", "mysef": "myself",
}

// safetyDoc is the message as the safety lexicon reads it: the same words
// and clause breaks, with short forms spelled out (see safetySpelling).
// The original doc is left as it is for the other readers.
func safetyDoc(d *doc) *doc {
	var changed []int
	for i, w := range d.words {
		if full, ok := safetySpelling[w.norm]; ok && full != w.norm {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return d
	}
	sd := *d
	sd.words = make([]word, len(d.words))
	copy(sd.words, d.words)
	for _, i := range changed {
		sd.words[i].norm = fold(safetySpelling[d.words[i].norm])
	}
	return &sd
}
