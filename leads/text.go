package leads

import (
	"embed"
	"encoding/json"
	"fmt"
	"strings"
)

// What the young person is told in the chat about their leads is data
// (data/texts.json), in Danish and English, so the wording can change
// without touching Go. It is read and checked when the program starts: a
// missing text or translation stops it, naming the key.

//go:embed data/texts.json
var textFiles embed.FS

// textLanguages are the languages every text must have.
var textLanguages = []string{"da", "en"}

// texts are the chat texts by key, then language.
var texts = mustLoadTexts()

func mustLoadTexts() map[string]map[string]string {
	t, err := loadTexts()
	if err != nil {
		panic(err)
	}
	return t
}

func loadTexts() (map[string]map[string]string, error) {
	b, err := textFiles.ReadFile("data/texts.json")
	if err != nil {
		return nil, fmt.Errorf("leads texts: %w", err)
	}
	var t map[string]map[string]string
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("leads texts: %w", err)
	}
	keys := []string{"who", "message"}
	for _, s := range Statuses {
		keys = append(keys, "status_"+s)
	}
	for _, k := range keys {
		for _, l := range textLanguages {
			if strings.TrimSpace(t[k][l]) == "" {
				return nil, fmt.Errorf("leads texts: %q has no %q text", k, l)
			}
		}
	}
	return t, nil
}

// say renders text key in lang (Danish unless "en"), filling {name} pairs.
func say(key, lang string, kv ...string) string {
	if lang != "en" {
		lang = "da"
	}
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(texts[key][lang])
}

// StatusText is what the young person is told in the chat when their lead
// moves to status, in plain words, in Danish or (for lang "en") English.
// staffName may be empty; the organisation's name is enough then. Bad news
// says it is not the young person's fault and offers a next step, because a
// first "no" is where many young people give up on volunteering.
func StatusText(status, staffName, orgName, lang string) string {
	if _, ok := texts["status_"+status]; !ok {
		return ""
	}
	return say("status_"+status, lang, "who", who(staffName, orgName, lang), "organisation", orgName)
}

// MessageText tells the young person who at the organisation wrote to them,
// and what: the reply is the point of the lead, so it is shown in the chat.
func MessageText(staffName, orgName, text, lang string) string {
	return say("message", lang, "who", who(staffName, orgName, lang), "text", text)
}

// who names the organisation, and the staff member when known.
func who(staffName, orgName, lang string) string {
	if staffName == "" {
		return orgName
	}
	return say("who", lang, "staff", staffName, "organisation", orgName)
}
