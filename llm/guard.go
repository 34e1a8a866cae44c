package llm

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brobygger/brobygger/redact"
)

// guard checks a phrased message before anyone sees it: it may only use
// links, e-mails, phone numbers and numbers the flow's text or the
// opportunity's own data contain, may not ask for personal details or talk
// about instructions, must stay in the young person's language and may not
// run on. Checks that can be made on part of a message run while it
// streams, so a bad answer is cut off before it is shown.
type guard struct {
	lang    string
	content string // what the message must convey
	allowed string // lower-cased text the answer is grounded in
	numbers map[string]bool
	limit   int // runes
}

func newGuard(lang, content string, limit int, grounding ...string) *guard {
	all := strings.ToLower(strings.Join(append([]string{content}, grounding...), "\n"))
	g := &guard{lang: lang, content: content, allowed: all, numbers: map[string]bool{}, limit: limit}
	for _, n := range numberPattern.FindAllString(all, -1) {
		g.numbers[strings.TrimLeft(n, "0")] = true
	}
	return g
}

var (
	numberPattern = regexp.MustCompile(`\d+`)
	linkPattern   = regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s)]+|\b[\p{L}\p{N}-]+\.(?:dk|com|org|net|io|eu|info|app|me|ly|nu|se|no|de)\b(?:/[^\s)]*)?`)
)

// sensitiveTerms may only appear in a phrased message when the text it is
// grounded in uses them too: asking for contact details, accounts or photos,
// or talking about instructions, is what an injected instruction would make
// a model do.
var sensitiveTerms = []string{
	"telefon", "tlf", "mobilnummer", "mobilnr", "phone", "sms", "text me", "ring til mig", "call me",
	"e-mail", "email", "mail", "adresse", "address", "cpr", "personnummer", "social security",
	"snapchat", "snap", "instagram", "tiktok", "whatsapp", "messenger", "discord", "facebook",
	"password", "adgangskode", "kodeord", "mitid", "nemid", "billede", "foto", "photo", "picture", "selfie",
	"bankkonto", "kontonummer", "bank account", "kreditkort", "credit card",
	"ignore", "ignorer", "instruction", "instruktion", "system prompt", "prompt",
}

// personalTerms name details a bot must never ask a young person for. A
// sentence that pairs one with "your" is a request, whoever's data put it
// there.
var personalTerms = []string{
	"telefon", "tlf", "mobil", "phone", "nummer", "number", "sms", "e-mail", "email", "mail", "adresse", "address",
	"cpr", "personnummer", "snapchat", "snap", "instagram", "tiktok", "whatsapp", "discord", "facebook",
	"password", "adgangskode", "kodeord", "billede", "foto", "photo", "picture", "selfie", "konto", "account",
}

var (
	yourWords       = []string{"dit", "din", "dine", "your", "yours"}
	contactMeWords  = []string{"ring til mig", "skriv til mig", "call me", "text me", "email me", "e-mail me"}
	sentencePattern = regexp.MustCompile(`[^.!?\n]+[.!?]*`)
)

var errInvalid = errors.New("answer failed validation")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errInvalid}, args...)...)
}

// partial checks text that may still grow.
func (g *guard) partial(text string) error {
	if n := utf8.RuneCountInString(text); n > g.limit {
		return invalid("%d characters, more than %d", n, g.limit)
	}
	if hasMask(text) {
		return invalid("hands back a masked detail")
	}
	lower := strings.ToLower(text)
	if strings.Contains(lower, "<<<") || strings.Contains(lower, ">>>") {
		return invalid("repeats the prompt's data blocks")
	}
	if s := g.personalRequest(lower); s != "" {
		return invalid("asks for personal details")
	}
	for _, m := range redact.Emails(lower) {
		if !strings.Contains(g.allowed, m) {
			return invalid("an e-mail address not in the data")
		}
	}
	for _, m := range linkPattern.FindAllString(lower, -1) {
		if !strings.Contains(g.allowed, strings.TrimRight(m, ".,;:!?")) {
			return invalid("a link not in the data")
		}
	}
	for _, m := range redact.Phones(lower) {
		if !strings.Contains(g.allowed, m) {
			return invalid("a phone number not in the data")
		}
	}
	for _, n := range numberPattern.FindAllString(lower, -1) {
		if !g.numbers[strings.TrimLeft(n, "0")] {
			return invalid("the number %s is not in the data", n)
		}
	}
	for _, term := range sensitiveTerms {
		if containsWord(lower, term) && !containsWord(g.allowed, term) {
			return invalid("mentions %q, which the data does not", term)
		}
	}
	return nil
}

// personalRequest returns the first sentence that asks the young person for
// personal details or to be contacted, unless the flow's own text says the
// very same sentence.
func (g *guard) personalRequest(lower string) string {
	for _, s := range sentencePattern.FindAllString(lower, -1) {
		s = strings.TrimSpace(s)
		if s == "" || strings.Contains(g.allowed, s) {
			continue
		}
		for _, c := range contactMeWords {
			if strings.Contains(s, c) {
				return s
			}
		}
		hasYour := false
		for _, w := range yourWords {
			hasYour = hasYour || containsWholeWord(s, w)
		}
		if !hasYour {
			continue
		}
		for _, term := range personalTerms {
			if containsWord(s, term) {
				return s
			}
		}
	}
	return ""
}

// final checks the whole answer.
func (g *guard) final(text string) error {
	if strings.TrimSpace(text) == "" {
		return invalid("empty")
	}
	if err := g.partial(text); err != nil {
		return err
	}
	// A rewrite may be shorter, but not a stub, and a question stays one.
	if n, min := utf8.RuneCountInString(text), utf8.RuneCountInString(g.content)/3; n < min {
		return invalid("%d characters, fewer than %d", n, min)
	}
	if strings.Contains(g.content, "?") && !strings.Contains(text, "?") {
		return invalid("the question is gone")
	}
	if got := guessLang(text); got != "" && got != g.lang {
		return invalid("written in %s, not %s", got, g.lang)
	}
	return nil
}

// containsWord reports whether term starts a word somewhere in text.
func containsWord(text, term string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], term)
		if j < 0 {
			return false
		}
		at := i + j
		if at == 0 || !isWordRune(lastRune(text[:at])) {
			return true
		}
		i = at + len(term)
	}
}

// containsWholeWord reports whether word stands on its own in text.
func containsWholeWord(text, word string) bool {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) }) {
		if w == word {
			return true
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// Function words that tell Danish and English apart; words both languages
// use ("for", "at", "i") are left out.
var (
	danishWords  = wordSet("og jeg du det er en et til på med ikke har kan vil dig der som så hvad hvor hvornår din dit dine af den de men også gerne lige noget hvis kun eller fra om her skal bliver tak være mig vi os jer hej fedt godt")
	englishWords = wordSet("the and you to is are it with of your can what when where this that will not have be an on if or from here just we they would like great thanks hi me")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// guessLang says "da" or "en" when the text clearly reads as one of them.
func guessLang(text string) string {
	da, en := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !isWordRune(r) }) {
		if danishWords[w] {
			da++
		}
		if englishWords[w] {
			en++
		}
	}
	switch {
	case da >= 3 && da > 2*en:
		return "da"
	case en >= 3 && en > 2*da:
		return "en"
	}
	return ""
}
