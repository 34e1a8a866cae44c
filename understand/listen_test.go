package understand

import (
	"slices"
	"testing"
)

func TestListeningIntents(t *testing.T) {
	tests := []struct{ text, want string }{
		{"du er dum", "rude"},
		{"du er så dum", "rude"},
		{"du er sa dum", "rude"},
		{"fuck dig", "rude"},
		{"dumme bot", "rude"},
		{"hold kæft", "rude"},
		{"you're useless", "rude"},
		{"youre useless", "rude"},
		{"ur so stupid", "rude"},
		{"this bot sucks", "rude"},
		{"shut up", "rude"},

		{"hvad er 2+2", "off_topic"},
		{"hvad er 5 gange 7", "off_topic"},
		{"hvem vinder VM", "off_topic"},
		{"hvem vandt kampen i går", "off_topic"},
		{"hvordan er vejret", "off_topic"},
		{"what's the weather", "off_topic"},
		{"whats the weather like", "off_topic"},
		{"hvad er klokken", "off_topic"},
		{"fortæl en joke", "off_topic"},
		{"tell me a joke", "off_topic"},
		{"har du en kæreste", "off_topic"},
		{"hvor gammel er du", "off_topic"},
		{"kan du lave mine lektier", "off_topic"},
		{"do my homework", "off_topic"},
		{"hvordan har du det", "off_topic"},
		{"how are you", "off_topic"},

		{"👍", "yes"},
		{"👍🏽", "yes"},
		{"👌", "yes"},
		{"✅", "yes"},
		{"🙏", "yes"},
		{"👎", "no"},
		{"❌", "no"},

		{"...", "unclear"},
		{"???", "unclear"},
		{"?", "unclear"},
		{"!!", "unclear"},
		{"🤷", "unclear"},
		{"😀😀", "unclear"},
		{"asdf", "unclear"},
		{"asdfgh", "unclear"},
		{"jkjkjk", "unclear"},
		{"sdfghjkl", "unclear"},
		{"qwerty", "unclear"},
		{"haha", "unclear"},
		{"hahaha", "unclear"},
		{"lol", "unclear"},

		{"hvornår svarer de?", "ask_response_time"},
		{"hvornaar svarer de", "ask_response_time"},
		{"hvor lang tid går der før de skriver", "ask_response_time"},
		{"hvor lang tid gar der for de skriver", "ask_response_time"},
		{"hvor længe skal jeg vente", "ask_response_time"},
		{"har de set min besked?", "ask_response_time"},
		{"de har ikke svaret", "ask_response_time"},
		{"when will they answer", "ask_response_time"},
		{"when will I hear back", "ask_response_time"},
		{"nobody has answered yet", "ask_response_time"},
		{"how long until they reply", "ask_response_time"},

		{"tak", "thanks"},
		{"tusind tak", "thanks"},
		{"tusind tak for hjælpen!", "thanks"},
		{"mange tak", "thanks"},
		{"thx", "thanks"},
		{"thanks", "thanks"},
		{"thank you so much", "thanks"},
		{"ok tak", "thanks"},
		{"tak, jeg er 16", "thanks"},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Intents; !slices.Contains(got, tt.want) {
			t.Errorf("Parse(%q).Intents = %v, want %s", tt.text, got, tt.want)
		}
	}
}

func TestNotListeningIntents(t *testing.T) {
	tests := []struct{ text, not string }{
		{"jeg er så dum", "rude"},
		{"du er ikke dum", "rude"},
		{"hold kæft hvor fedt", "rude"},
		{"det er dumt at jeg ikke kan om mandagen", "rude"},
		{"jeg vil gerne hjælpe med lektier", "off_topic"},
		{"jeg har 2 hunde", "off_topic"},
		{"kl 16-18", "off_topic"},
		{"13-17 år", "off_topic"},
		{"ja tak", "thanks"},
		{"nej tak", "thanks"},
		{"no thanks", "thanks"},
		{"takket være min ven", "thanks"},
		{"hvornår kan jeg starte?", "ask_response_time"},
		{"hvornår mødes de?", "ask_response_time"},
		{"when do they meet", "ask_response_time"},
		{"when I have time", "ask_response_time"},
		{"hvor lang tid tager en vagt", "ask_response_time"},
		{"👍", "unclear"},
		{"dyr", "unclear"},
		{"16", "unclear"},
		{"kbh", "unclear"},
		{"hmm", "unclear"},
		{"ok", "unclear"},
		{"hej", "unclear"},
		{"", "unclear"},
		{"jeg elsker dyr 😀", "unclear"},
		{"👍", "no"},
		{"👎", "yes"},
		{"👍👎", "yes"},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Intents; slices.Contains(got, tt.not) {
			t.Errorf("Parse(%q).Intents = %v, must not contain %s", tt.text, got, tt.not)
		}
	}
}

// TestEmojiWithText: an emoji before the words still answers.
func TestEmojiWithText(t *testing.T) {
	r := Parse("👍 lørdag passer fint")
	if !slices.Contains(r.Intents, "yes") || len(r.Slots) != 3 {
		t.Errorf("Parse(👍 lørdag passer fint) = %v, %v", r.Intents, r.Slots)
	}
}

// TestOldIntentsStill keeps the existing intents working beside the new.
func TestOldIntentsStill(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"ja", []string{"yes"}},
		{"nej", []string{"no"}},
		{"start forfra", []string{"restart"}},
		{"vis flere", []string{"more"}},
		{"hej", []string{"greeting"}},
		{"?", []string{"help", "unclear"}},
		{"ved ikke", []string{"dont_know"}},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Intents; !slices.Equal(got, tt.want) {
			t.Errorf("Parse(%q).Intents = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestOffTopicFacts: what an off-topic question mentions is not about the
// user, but a clause of their own still counts.
func TestOffTopicFacts(t *testing.T) {
	for _, text := range []string{"hvem vinder VM i fodbold", "hvordan er vejret i Aarhus", "kan du anbefale en god film"} {
		r := Parse(text)
		if len(r.Interests) > 0 || r.Municipality != "" || !slices.Contains(r.Intents, "off_topic") {
			t.Errorf("Parse(%q) = interests %v, municipality %q, intents %v", text, r.Interests, r.Municipality, r.Intents)
		}
	}
	if r := Parse("hvad er 2+2, jeg er 16"); r.Age != 16 {
		t.Errorf(`Parse("hvad er 2+2, jeg er 16").Age = %d, want 16`, r.Age)
	}
}
