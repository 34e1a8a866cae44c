package mail

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strings"
)

// Every word an e-mail says is data (data/texts.json), in Danish and
// English, read and checked when the program starts: a missing text or
// translation stops it, naming the key.

//go:embed data/texts.json data/letter.html
var files embed.FS

// Languages are the languages every text must have; Danish is the default.
var Languages = []string{"da", "en"}

var (
	texts  = mustLoad()
	letter = template.Must(template.ParseFS(files, "data/letter.html"))
)

// placeholder is a {name} in a text.
var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

func mustLoad() map[string]map[string]string {
	t, err := loadTexts()
	if err != nil {
		panic(err)
	}
	return t
}

func loadTexts() (map[string]map[string]string, error) {
	b, err := files.ReadFile("data/texts.json")
	if err != nil {
		return nil, fmt.Errorf("mail texts: %w", err)
	}
	var t map[string]map[string]string
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("mail texts: %w", err)
	}
	for key, byLang := range t {
		for _, l := range Languages {
			if strings.TrimSpace(byLang[l]) == "" {
				return nil, fmt.Errorf("mail texts: %q has no %q text", key, l)
			}
		}
		// A translation that drops or invents a placeholder would send a
		// literal {name} or lose a value.
		want := slices.Sorted(slices.Values(placeholder.FindAllString(byLang["da"], -1)))
		for _, l := range Languages[1:] {
			if got := slices.Sorted(slices.Values(placeholder.FindAllString(byLang[l], -1))); !slices.Equal(got, want) {
				return nil, fmt.Errorf("mail texts: %q in %q has placeholders %v, Danish has %v", key, l, got, want)
			}
		}
	}
	for _, key := range usedKeys {
		if _, ok := t[key]; !ok {
			return nil, fmt.Errorf("mail texts: %q is missing", key)
		}
	}
	return t, nil
}

// usedKeys are the texts the code names, checked at start-up.
var usedKeys = []string{"invite_subject", "invite_org", "invite_role", "invite_how", "invite_button", "invite_ignore",
	"reset_subject", "reset_how", "reset_button", "reset_ignore", "lead_button", "lead_privacy",
	"digest_subject", "digest_count_one", "digest_count_many", "digest_intro", "digest_button", "someone", "settings", "unsubscribe"}

// Lang is the language an e-mail is written in: English for "en", else Danish.
func Lang(locale string) string {
	if locale == "en" {
		return "en"
	}
	return "da"
}

// say renders text key in lang, filling {name} from kv pairs.
func say(key, lang string, kv ...string) string {
	s := texts[key][Lang(lang)]
	if s == "" {
		panic("mail: no text " + key) // loadTexts checked every key the code names
	}
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}

// link is a call to action: a button in HTML, a line in text.
type link struct {
	URL, Label string
}

// Letter is the shape of every e-mail: paragraphs, an optional list and
// button, and small print. Values are plain text; the HTML template
// escapes them.
type Letter struct {
	Lang        string
	Subject     string
	Paragraphs  []string
	Items       []string
	Link        *link
	Footer      []string
	Unsubscribe *link
}

// Message renders the letter for one recipient.
func (l Letter) Message(to string) (Message, error) {
	var text strings.Builder
	for _, p := range l.Paragraphs {
		text.WriteString(p + "\n\n")
	}
	for _, it := range l.Items {
		text.WriteString("- " + it + "\n")
	}
	if len(l.Items) > 0 {
		text.WriteString("\n")
	}
	if l.Link != nil {
		text.WriteString(l.Link.Label + ":\n" + l.Link.URL + "\n\n")
	}
	for _, f := range l.Footer {
		text.WriteString(f + "\n")
	}
	if l.Unsubscribe != nil {
		text.WriteString(l.Unsubscribe.Label + ": " + l.Unsubscribe.URL + "\n")
	}
	var html bytes.Buffer
	if err := letter.Execute(&html, l); err != nil {
		return Message{}, fmt.Errorf("render e-mail: %w", err)
	}
	return Message{To: to, Subject: l.Subject, Text: text.String(), HTML: html.String()}, nil
}
