package llm

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	openai "github.com/sashabaranov/go-openai"

	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/prompts"
	"github.com/brobygger/brobygger/understand"
)

// maxUnderstandTokens bounds the structured answer; a full one is ~150.
const maxUnderstandTokens = 400

// Understand reads one message into the fields of understand.Result with a
// single structured-output call. The answer is validated field by field:
// unknown interests and malformed slots are dropped, an age counts only
// from 5 to 99, a postcode only when it is written in the message and
// geo knows it, a municipality only when geo knows it. Language and intents
// are never set. The model's wellbeing signal may mark a crisis or a concern
// the deterministic reading missed; the caller only ever adds it, never
// lets it clear what the deterministic reading found.
func (c *Client) Understand(ctx context.Context, text, lang string) (understand.Result, Usage, error) {
	p, err := c.prompts.Render(prompts.Understand, lang, prompts.UnderstandData{
		Interests: interestList(lang),
		Message:   clip(Redact(text), maxMessageRunes),
	})
	if err != nil {
		return emptyResult(), Usage{}, &Error{Kind: KindRequestFailed, Op: "understand", Err: err}
	}
	var out understand.Result
	u, err := c.call(ctx, "understand", p, func(ctx context.Context) (Usage, error) {
		resp, err := c.api.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
			Model: c.cfg.Model,
			Messages: []openai.ChatCompletionMessage{
				{Role: openai.ChatMessageRoleSystem, Content: p.System},
				{Role: openai.ChatMessageRoleUser, Content: p.User},
			},
			MaxCompletionTokens: maxUnderstandTokens,
			ResponseFormat: &openai.ChatCompletionResponseFormat{
				Type:       openai.ChatCompletionResponseFormatTypeJSONSchema,
				JSONSchema: &openai.ChatCompletionResponseFormatJSONSchema{Name: "understanding", Schema: understandSchema, Strict: true},
			},
		})
		if err != nil {
			return Usage{}, err
		}
		u := Usage{PromptTokens: resp.Usage.PromptTokens, CompletionTokens: resp.Usage.CompletionTokens}
		content := ""
		if len(resp.Choices) > 0 {
			content = resp.Choices[0].Message.Content
		}
		if u.Total() == 0 {
			u = Usage{PromptTokens: estimateTokens(p.System, p.User), CompletionTokens: estimateTokens(content), Estimated: true}
		}
		if len(resp.Choices) == 0 || resp.Choices[0].Message.Refusal != "" {
			return u, &Error{Kind: KindInvalidOutput, Op: "understand", Err: invalid("no answer")}
		}
		r, err := parseUnderstanding(content, text)
		if err != nil {
			return u, &Error{Kind: KindInvalidOutput, Op: "understand", Err: err}
		}
		out = r
		return u, nil
	})
	if err != nil {
		return emptyResult(), u, err
	}
	return out, u, nil
}

// maxMessageRunes bounds how much of one message is sent: chat messages are
// short, and the deterministic understanding still reads all of it.
const maxMessageRunes = 2000

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

func emptyResult() understand.Result {
	return understand.Result{Interests: []string{}, Slots: []string{}}
}

func interestList(lang string) []prompts.Interest {
	var out []prompts.Interest
	for _, in := range understand.Interests() {
		name := in.Da
		if lang == "en" {
			name = in.En
		}
		out = append(out, prompts.Interest{ID: in.ID, Name: name})
	}
	return out
}

var (
	days  = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	parts = []string{"morning", "afternoon", "evening"}
)

// crisisKinds are the kinds the model may name with a "crisis" wellbeing
// signal, the same as the deterministic reader's.
var crisisKinds = []string{"suicide", "self_harm", "eating_disorder", "violence", "sexual_abuse", "grooming",
	"abuse", "neglect", "forced_marriage", "homeless", "danger"}

// understandSchema is the structured-output schema. Its wellbeing field is a
// second pair of eyes: it can raise a crisis or a concern the deterministic
// reader missed, never lower one (messages that reader flags never get here).
var understandSchema = func() json.RawMessage {
	var ids []string
	for _, in := range understand.Interests() {
		ids = append(ids, in.ID)
	}
	var slots []string
	for _, d := range days {
		for _, p := range parts {
			slots = append(slots, d+"_"+p)
		}
	}
	str := func(enum ...string) map[string]any { return map[string]any{"type": "string", "enum": enum} }
	nullable := func(typ string) map[string]any { return map[string]any{"type": []string{typ, "null"}} }
	schema := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"interests", "interest_words", "slots", "commitment", "group", "age", "postcode", "municipality", "online", "wellbeing", "wellbeing_kinds"},
		"properties": map[string]any{
			"interests": map[string]any{"type": "array", "items": str(ids...)},
			"interest_words": map[string]any{"type": "array", "items": map[string]any{
				"type": "object", "additionalProperties": false, "required": []string{"interest", "words"},
				"properties": map[string]any{"interest": str(ids...), "words": map[string]any{"type": "string"}},
			}},
			"slots":           map[string]any{"type": "array", "items": str(slots...)},
			"commitment":      str("", match.OneOff, match.ShortTerm, match.Recurring),
			"group":           str("", match.Alone, match.WithFriend, match.Group),
			"age":             nullable("integer"),
			"postcode":        nullable("string"),
			"municipality":    nullable("string"),
			"online":          map[string]any{"type": "boolean"},
			"wellbeing":       str("ok", "concern", "crisis"),
			"wellbeing_kinds": map[string]any{"type": "array", "items": str(crisisKinds...)},
		},
	}
	b, err := json.Marshal(schema)
	if err != nil {
		panic(err)
	}
	return b
}()

// rawUnderstanding is the model's answer before validation. Loose types
// (json.RawMessage) keep one odd field from spoiling the rest.
type rawUnderstanding struct {
	Interests     []string          `json:"interests"`
	InterestWords []json.RawMessage `json:"interest_words"`
	Slots         []string          `json:"slots"`
	Commitment    string            `json:"commitment"`
	Group         string            `json:"group"`
	Age           json.RawMessage   `json:"age"`
	Postcode      json.RawMessage   `json:"postcode"`
	Municipality  *string           `json:"municipality"`
	Online        bool              `json:"online"`
	Wellbeing     string            `json:"wellbeing"`
	Kinds         []string          `json:"wellbeing_kinds"`
}

var fence = regexp.MustCompile("(?s)^```[a-zA-Z]*\\s*(.*?)\\s*```$")

// parseUnderstanding validates the model's answer against the message it
// read (unmasked, so words and postcodes can be checked against it).
func parseUnderstanding(content, message string) (understand.Result, error) {
	content = strings.TrimSpace(content)
	if m := fence.FindStringSubmatch(content); m != nil {
		content = m[1]
	}
	var raw rawUnderstanding
	if err := json.Unmarshal([]byte(content), &raw); err != nil {
		return understand.Result{}, invalid("not the JSON asked for: %v", err)
	}
	r := emptyResult()
	for _, id := range raw.Interests {
		if _, ok := understand.InterestByID(id); ok && !slices.Contains(r.Interests, id) {
			r.Interests = append(r.Interests, id)
		}
	}
	order := map[string]int{}
	for i, in := range understand.Interests() {
		order[in.ID] = i
	}
	slices.SortFunc(r.Interests, func(a, b string) int { return order[a] - order[b] })

	lowerMsg := strings.ToLower(message)
	for _, w := range raw.InterestWords {
		var iw struct {
			Interest string `json:"interest"`
			Words    string `json:"words"`
		}
		if json.Unmarshal(w, &iw) != nil || !slices.Contains(r.Interests, iw.Interest) {
			continue
		}
		words := strings.TrimSpace(iw.Words)
		// Only the young person's own words, as written: they are shown back
		// on the cards.
		if words == "" || utf8.RuneCountInString(words) > 60 || !strings.Contains(lowerMsg, strings.ToLower(words)) {
			continue
		}
		if r.InterestWords == nil {
			r.InterestWords = map[string]string{}
		}
		if _, dup := r.InterestWords[iw.Interest]; !dup {
			r.InterestWords[iw.Interest] = words
		}
	}

	for _, s := range raw.Slots {
		d, p, ok := strings.Cut(s, "_")
		if ok && slices.Contains(days, d) && slices.Contains(parts, p) && !slices.Contains(r.Slots, s) {
			r.Slots = append(r.Slots, s)
		}
	}
	slices.SortFunc(r.Slots, func(a, b string) int {
		da, pa, _ := strings.Cut(a, "_")
		db, pb, _ := strings.Cut(b, "_")
		if x := slices.Index(days, da) - slices.Index(days, db); x != 0 {
			return x
		}
		return slices.Index(parts, pa) - slices.Index(parts, pb)
	})

	if slices.Contains([]string{match.OneOff, match.ShortTerm, match.Recurring}, raw.Commitment) {
		r.Commitment = raw.Commitment
	}
	if slices.Contains([]string{match.Alone, match.WithFriend, match.Group}, raw.Group) {
		r.Group = raw.Group
	}
	if age, ok := looseInt(raw.Age); ok && age >= 5 && age <= 99 {
		r.Age = age
	}
	if pc, ok := looseString(raw.Postcode); ok && writtenNumber(message, pc) {
		if known, ok := geo.LookupPostcode(pc); ok {
			r.Postcode, r.Municipality = known.Code, known.Municipality
		}
	}
	if r.Postcode == "" && raw.Municipality != nil {
		if m, ok := geo.LookupMunicipality(*raw.Municipality); ok {
			r.Municipality = m.Name
		}
	}
	r.Online = raw.Online
	switch raw.Wellbeing {
	case "crisis":
		r.Crisis = true
		for _, k := range raw.Kinds {
			if slices.Contains(crisisKinds, k) && !slices.Contains(r.CrisisKinds, k) {
				r.CrisisKinds = append(r.CrisisKinds, k)
			}
		}
		if len(r.CrisisKinds) > 0 {
			r.CrisisKind = r.CrisisKinds[0]
		}
	case "concern":
		r.Concern = true
	}
	return r, nil
}

func looseInt(b json.RawMessage) (int, bool) {
	var n float64
	if json.Unmarshal(b, &n) == nil && n == float64(int(n)) {
		return int(n), true
	}
	if s, ok := looseString(b); ok {
		if n, err := strconv.Atoi(s); err == nil {
			return n, true
		}
	}
	return 0, false
}

func looseString(b json.RawMessage) (string, bool) {
	var s string
	if json.Unmarshal(b, &s) == nil && strings.TrimSpace(s) != "" {
		return strings.TrimSpace(s), true
	}
	var n int
	if json.Unmarshal(b, &n) == nil && n > 0 {
		return fmt.Sprint(n), true
	}
	return "", false
}

// writtenNumber reports whether the digits of n stand on their own in text,
// so a model cannot make a postcode up from a town name.
func writtenNumber(text, n string) bool {
	for _, m := range numberPattern.FindAllString(text, -1) {
		if m == n {
			return true
		}
	}
	return false
}
