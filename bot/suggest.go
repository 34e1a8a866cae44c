package bot

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/understand"
)

// matchProfile turns what the young person told the bot into a ranking query.
func (st *State) matchProfile() match.Profile {
	p := st.Profile
	mp := match.Profile{
		Age:         p.Age,
		Interests:   p.Interests,
		Slots:       p.Slots,
		Commitment:  p.Commitment,
		Group:       p.Group,
		Online:      p.Online,
		HasLocation: p.Municipality != "" && !p.Online,
		Lat:         p.Lat,
		Lon:         p.Lon,
		Rejections:  st.Rejections,
	}
	for _, c := range st.Chosen {
		mp.Exclude = append(mp.Exclude, c.OpportunityID)
	}
	return mp
}

// suggest shows the next cards. With more, cards already shown are skipped.
func (t *turn) suggest(more bool) {
	t.st.Asking = ""
	t.st.Pending = nil
	base := t.st.matchProfile()
	if more {
		base.Exclude = append(base.Exclude, t.st.Seen...)
	}
	picked, relaxed := t.rank(base)
	if len(picked) == 0 {
		t.say(t.notedPrefix()+t.tr("suggestions_none"), t.action("change_time"), t.action("change_place"),
			t.action("restart"))
		return
	}
	intro := "suggestions_intro"
	if more {
		intro = "suggestions_more"
	}
	text := t.notedPrefix() + t.tr(intro, "count", strconv.Itoa(len(picked)))
	if len(relaxed) > 0 {
		text = t.notedPrefix() + t.tr("suggestions_relaxed", "what", strings.Join(relaxed, ", ")) + "\n\n" +
			t.tr(intro, "count", strconv.Itoa(len(picked)))
	}
	cards := make([]Card, 0, len(picked))
	t.st.Shown = t.st.Shown[:0]
	for _, s := range picked {
		cards = append(cards, t.card(s))
		t.st.Shown = append(t.st.Shown, s.Opportunity.ID)
		t.st.Seen = addUnique(t.st.Seen, s.Opportunity.ID)
	}
	m := t.say(text, t.afterSuggestionReplies()...)
	m.Cards = cards
}

// rank finds up to cardsPerTurn suggestions, searching wider (further away,
// other times) when the strict search finds too few, and says what it widened.
func (t *turn) rank(p match.Profile) ([]match.Suggestion, []string) {
	var picked []match.Suggestion
	var relaxed []string
	have := map[string]bool{}
	add := func(ss []match.Suggestion) bool {
		added := false
		for _, s := range ss {
			if len(picked) < cardsPerTurn && !have[s.Opportunity.ID] {
				have[s.Opportunity.ID] = true
				picked = append(picked, s)
				added = true
			}
		}
		return added
	}
	add(t.e.catalog.Rank(p, t.now, cardsPerTurn))
	steps := []struct {
		name  string
		widen func(*match.Profile)
	}{
		{"relaxed_distance", func(p *match.Profile) {
			// Someone who said a suggestion was too far must not get farther ones.
			if !slices.ContainsFunc(p.Rejections, func(r match.Rejection) bool { return r.Reason == match.TooFar }) {
				p.MaxDistanceKm = 60
			}
		}},
		{"relaxed_time", func(p *match.Profile) { p.Slots = nil }},
		{"relaxed_group", func(p *match.Profile) { p.Group, p.GroupSize = "", 0 }},
	}
	for _, step := range steps {
		if len(picked) >= cardsPerTurn {
			break
		}
		step.widen(&p)
		if add(t.e.catalog.Rank(p, t.now, cardsPerTurn)) {
			relaxed = append(relaxed, t.tr(step.name))
		}
	}
	return picked, relaxed
}

func (t *turn) notedPrefix() string {
	if len(t.noted) == 0 {
		return ""
	}
	s := t.tr("noted", "facts", strings.Join(t.noted, " · ")) + "\n\n"
	t.noted = nil
	return s
}

func (t *turn) afterSuggestionReplies() []QuickReply {
	return []QuickReply{t.action("show_more"), t.action("change_time"), t.action("change_place"), t.action("restart")}
}

// card turns a suggestion into what the young person sees.
func (t *turn) card(s match.Suggestion) Card {
	o := s.Opportunity
	c := Card{
		OpportunityID:  o.ID,
		Title:          o.Title,
		Organisation:   o.Organisation,
		OrganisationID: o.OrganisationID,
		Summary:        o.Summary,
		Why:            t.why(s),
		FirstStep:      t.firstStep(o, s.Next),
		Interests:      slices.Clone(o.Interests),
		Actions: []QuickReply{
			{ID: "want:" + o.ID, Label: t.e.flow.Action("want", t.st.Lang)},
			{ID: "more:" + o.ID, Label: t.e.flow.Action("more", t.st.Lang)},
			{ID: "not_for_me:" + o.ID, Label: t.e.flow.Action("not_for_me", t.st.Lang)},
		},
	}
	if !o.Place.Online && s.DistanceKm >= 0 && t.st.Profile.Municipality != "" {
		d := math.Round(s.DistanceKm*10) / 10
		c.DistanceKm = &d
	}
	if o.ChildCertificate {
		c.Notes = append(c.Notes, t.tr("note_certificate"))
	}
	if o.MinAge > 13 {
		c.Notes = append(c.Notes, t.tr("note_age", "age", strconv.Itoa(o.MinAge)))
	}
	return c
}

// maxWhy bounds the explanation on a card to what fits on a phone.
const maxWhy = 4

// why explains a suggestion in the young person's own words where it can.
func (t *turn) why(s match.Suggestion) []string {
	p := t.st.Profile
	var out []string
	usedWords := map[string]bool{}
	for _, r := range s.Reasons {
		var line string
		switch r.Kind {
		case "interest":
			if w := p.InterestWords[r.Interest]; w != "" {
				if usedWords[w] {
					continue
				}
				usedWords[w] = true
				line = t.tr("why_interest_words", "words", w)
			} else {
				line = t.tr("why_interest", "interest", strings.ToLower(t.interestName(r.Interest)))
			}
		case "near":
			line = t.tr("why_near", "km", formatKm(r.DistanceKm, t.st.Lang), "place", p.placeName())
		case "online":
			line = t.tr("why_online")
		case "time":
			if s.Next.Start.IsZero() {
				line = t.tr("why_flexible")
			} else {
				line = t.tr("why_time", "when", capitalise(t.describeSlots([]string{match.SlotOf(s.Next.Start)})))
			}
		case "group":
			switch p.Group {
			case match.WithFriend:
				line = t.tr("why_with_friend")
			case match.Group:
				line = t.tr("why_group", "n", strconv.Itoa(s.Opportunity.GroupSize))
			default:
				line = t.tr("why_alone")
			}
		case "commitment":
			line = t.tr("why_" + s.Opportunity.Commitment)
		}
		if line != "" && !slices.Contains(out, line) {
			out = append(out, line)
		}
		if len(out) == maxWhy {
			break
		}
	}
	return out
}

func (p Profile) placeName() string {
	if p.Postcode != "" {
		return p.Postcode + " " + p.Town
	}
	return p.Municipality
}

// formatKm writes a distance with one decimal below 10 km, and a decimal
// comma in Danish.
func formatKm(km float64, lang string) string {
	if km >= 10 {
		return strconv.Itoa(int(math.Round(km)))
	}
	s := strconv.FormatFloat(math.Round(km*10)/10, 'f', -1, 64)
	if langKey(lang) == "da" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

func (t *turn) firstStep(o *match.Opportunity, next match.Session) FirstStep {
	fs := FirstStep{Place: o.FirstStep.Where, Contact: o.FirstStep.Contact}
	if next.Start.IsZero() {
		fs.Text = t.tr("step_flexible", "what", o.FirstStep.What)
		return fs
	}
	start, end := next.Start, next.End
	fs.StartsAt, fs.EndsAt = &start, &end
	fs.Text = t.tr("step_dated", "what", o.FirstStep.What, "date", formatWhen(start, t.st.Lang))
	return fs
}

// want records that the young person chose an opportunity and repeats the first step.
func (t *turn) want(id string) {
	o, ok := t.e.catalog.Get(id)
	if !ok {
		t.say(t.tr("unknown_opportunity"))
		t.suggest(true)
		return
	}
	if !slices.ContainsFunc(t.st.Chosen, func(c Choice) bool { return c.OpportunityID == id }) {
		t.st.Chosen = append(t.st.Chosen, Choice{OpportunityID: id, At: t.now})
	}
	next, _ := match.NextSession(o, t.st.Profile.Slots, t.now)
	step := t.firstStep(o, next)
	t.say(t.tr("want_confirm", "title", o.Title, "organisation", o.Organisation, "step", step.Text,
		"place", step.Place, "contact", step.Contact), t.action("show_more"), t.action("stored"), t.action("restart"))
	t.offerLead(o)
}

// more tells everything the catalog knows about one opportunity.
func (t *turn) more(id string) {
	o, ok := t.e.catalog.Get(id)
	if !ok {
		t.say(t.tr("unknown_opportunity"))
		t.suggest(true)
		return
	}
	text := t.tr("more_details", "description", o.Description, "when", t.describeSchedule(o), "place", t.placeOf(o),
		"age", t.agesOf(o), "group", t.groupOf(o), "contact", o.FirstStep.Contact)
	if o.ChildCertificate {
		text += "\n\n" + t.tr("note_certificate")
	}
	t.st.Pending = &Pending{Kind: "question", OpportunityID: o.ID}
	t.say(text+"\n\n"+t.tr("ask_anything"), t.opportunityReplies(o)...)
}

func (t *turn) placeOf(o *match.Opportunity) string {
	if o.Place.Online {
		return t.tr("online")
	}
	return strings.TrimSpace(fmt.Sprintf("%s, %s %s", o.Place.Address, o.Place.Postcode, o.Place.Municipality))
}

func (t *turn) agesOf(o *match.Opportunity) string {
	if o.MaxAge > 0 {
		return t.tr("age_range", "min", strconv.Itoa(o.MinAge), "max", strconv.Itoa(o.MaxAge))
	}
	return t.tr("age_any", "min", strconv.Itoa(o.MinAge))
}

func (t *turn) groupOf(o *match.Opportunity) string {
	if o.GroupSize > 1 {
		return t.tr("group_many", "n", strconv.Itoa(o.GroupSize))
	}
	return t.tr("group_one")
}

// opportunityReplies are the choices after hearing more about one opportunity.
func (t *turn) opportunityReplies(o *match.Opportunity) []QuickReply {
	return []QuickReply{
		{ID: "want:" + o.ID, Label: t.e.flow.Action("want", t.st.Lang)},
		{ID: "not_for_me:" + o.ID, Label: t.e.flow.Action("not_for_me", t.st.Lang)},
		t.action("show_more"),
	}
}

// questionWords open a question in Danish or English.
var questionWords = []string{"hvad", "hvor", "hvornår", "hvornaar", "hvem", "hvordan", "hvorfor", "hvilke", "hvilken",
	"kan", "skal", "må", "er", "har", "får", "what", "where", "when", "who", "how", "why", "which", "can", "do",
	"does", "is", "are", "will", "should"}

// isQuestion says whether text asks something.
func isQuestion(text string) bool {
	text = strings.ToLower(strings.TrimSpace(text))
	if strings.HasSuffix(text, "?") {
		return true
	}
	first, _, _ := strings.Cut(text, " ")
	return slices.Contains(questionWords, first)
}

// answerAbout answers a question about one opportunity from its own data
// only; what the data does not say, the bot says it does not know and
// names whom to ask.
func (t *turn) answerAbout(o *match.Opportunity, question string) {
	// Whole words only, so "får" is not taken for "år"; longer words also
	// match as the start of a word ("adressen", "børneattesten").
	tokens := strings.FieldsFunc(strings.ToLower(question), func(r rune) bool { return !unicode.IsLetter(r) })
	has := func(words ...string) bool {
		for _, tok := range tokens {
			for _, w := range words {
				if tok == w || utf8.RuneCountInString(w) >= 5 && strings.HasPrefix(tok, w) {
					return true
				}
			}
		}
		return false
	}
	var answer string
	switch {
	case has("børneattest", "boerneattest", "borneattest", "certificate"):
		answer = t.tr("answer_no_certificate")
		if o.ChildCertificate {
			answer = t.tr("note_certificate")
		}
	case has("hvornår", "hvornaar", "tid", "tidspunkt", "dag", "dage", "ugedag", "when", "time", "day", "days"):
		answer = t.tr("answer_when", "when", t.describeSchedule(o))
	case has("hvor", "adresse", "sted", "møde", "where", "address", "place"):
		answer = t.tr("answer_where", "place", o.FirstStep.Where)
	case has("alder", "gammel", "år", "age", "old", "young"):
		answer = t.tr("answer_age", "age", t.agesOf(o))
	case has("ven", "veninde", "gruppe", "klasse", "friend", "group", "class"):
		answer = t.tr("answer_group", "group", t.groupOf(o))
	default:
		answer = t.tr("answer_unknown", "contact", o.FirstStep.Contact)
	}
	t.st.Pending = &Pending{Kind: "question", OpportunityID: o.ID}
	t.say(answer, t.opportunityReplies(o)...)
}

func (t *turn) notForMe(id string) {
	if _, ok := t.e.catalog.Get(id); !ok {
		t.say(t.tr("unknown_opportunity"))
		t.suggest(true)
		return
	}
	t.st.Pending = &Pending{Kind: "reject_reason", OpportunityID: id}
	t.say(t.tr("reject_ask"), t.action("reason_too_far"), t.action("reason_wrong_time"), t.action("reason_not_my_thing"))
}

// rejectReason records why a suggestion was not a fit and shows new ones,
// which the reason steers.
func (t *turn) rejectReason(reason string) {
	if t.st.Pending == nil {
		t.resume()
		return
	}
	id := t.st.Pending.OpportunityID
	t.st.Pending = nil
	rej := match.Rejection{OpportunityID: id, Reason: reason}
	if o, ok := t.e.catalog.Get(id); ok {
		rej.OrganisationID = o.OrganisationID
		rej.Interests = slices.Clone(o.Interests)
		if !o.Place.Online && t.st.Profile.Municipality != "" {
			rej.DistanceKm = distanceTo(t.st.Profile, o)
		}
	}
	t.st.Rejections = append(t.st.Rejections, rej)
	t.say(t.tr("reject_thanks"))
	t.suggest(true)
}

func distanceTo(p Profile, o *match.Opportunity) float64 {
	return geo.DistanceKm(p.Lat, p.Lon, o.Place.Lat, o.Place.Lon)
}

// reasonFromText reads why a suggestion was not a fit from free text.
func reasonFromText(r understand.Result) string {
	switch {
	case len(r.Slots) > 0:
		return "wrong_time"
	case r.Postcode != "" || r.Municipality != "":
		return "too_far"
	}
	return "not_my_thing"
}

// stored tells the young person everything the bot keeps about them.
func (t *turn) stored() {
	p := t.st.Profile
	if p.Empty() && len(t.st.Chosen) == 0 {
		t.say(t.tr("stored_nothing") + "\n\n" + t.tr("stored_outro"))
		t.resume()
		return
	}
	var lines []string
	line := func(label, value string) { lines = append(lines, "• "+t.tr(label)+": "+value) }
	if p.Age > 0 {
		line("label_age", strconv.Itoa(p.Age))
	}
	if p.InterestsKnown {
		v := t.interestNames(p.Interests)
		if v == "" {
			v = t.tr("fact_interests_any")
		}
		line("label_interests", v)
	}
	if p.WhenKnown {
		v := t.describeSlots(p.Slots)
		if len(p.Slots) == 0 {
			v = t.tr("fact_anytime")
		}
		line("label_when", v)
	}
	if p.CommitKnown {
		v := t.commitmentName(p.Commitment)
		if v == "" {
			v = t.tr("fact_commitment_any")
		}
		line("label_commitment", v)
	}
	if p.Online {
		line("label_place", t.tr("fact_online"))
	} else if p.Municipality != "" {
		line("label_place", p.placeName())
	}
	if p.Group != "" {
		line("label_group", t.groupName(p.Group))
	}
	for _, c := range t.st.Chosen {
		if o, ok := t.e.catalog.Get(c.OpportunityID); ok {
			line("label_chosen", o.Title)
		}
	}
	t.say(t.tr("stored_intro") + "\n" + strings.Join(lines, "\n") + "\n\n" + t.tr("stored_outro"))
	t.resume()
}

func (t *turn) interestName(id string) string {
	in, ok := understand.InterestByID(id)
	if !ok {
		return id
	}
	if t.st.Lang == "en" {
		return in.En
	}
	return in.Da
}

func (t *turn) interestNames(ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		names = append(names, t.interestName(id))
	}
	return strings.Join(names, ", ")
}

func (t *turn) commitmentName(c string) string {
	switch c {
	case match.OneOff, match.ShortTerm, match.Recurring:
		return t.e.flow.ReplyLabel("commitment:"+c, t.st.Lang)
	}
	return ""
}

func (t *turn) groupName(g string) string { return t.e.flow.ReplyLabel("group:"+g, t.st.Lang) }

var (
	dayNames = map[string][7]string{
		"da": {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"},
		"en": {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
	}
	pluralDays = map[string][7]string{
		"da": {"mandage", "tirsdage", "onsdage", "torsdage", "fredage", "lørdage", "søndage"},
		"en": {"Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"},
	}
	partNames = map[string]map[string]string{
		"da": {"morning": "formiddag", "afternoon": "eftermiddag", "evening": "aften"},
		"en": {"morning": "morning", "afternoon": "afternoon", "evening": "evening"},
	}
	monthNames = map[string][12]string{
		"da": {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"},
		"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	}
	dayKeys  = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	partKeys = []string{"morning", "afternoon", "evening"}
)

func langKey(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "da"
}

// describeSlots says a set of availability slots in words: "lørdag
// formiddag, søndag" or "weekday evenings".
func (t *turn) describeSlots(slots []string) string {
	lang := langKey(t.st.Lang)
	set := map[string]bool{}
	for _, s := range slots {
		set[s] = true
	}
	var parts []string
	for di, d := range dayKeys {
		var have []string
		for _, p := range partKeys {
			if set[d+"_"+p] {
				have = append(have, partNames[lang][p])
			}
		}
		switch {
		case len(have) == 0:
		case len(have) == len(partKeys):
			parts = append(parts, dayNames[lang][di])
		default:
			parts = append(parts, dayNames[lang][di]+" "+strings.Join(have, "/"))
		}
	}
	return strings.Join(parts, ", ")
}

// describeSchedule says when an opportunity happens.
func (t *turn) describeSchedule(o *match.Opportunity) string {
	lang := langKey(t.st.Lang)
	switch o.Schedule.Kind {
	case match.ScheduleWeekly:
		var parts []string
		for _, s := range o.Schedule.Weekly {
			if i := slices.Index(dayKeys, s.Day); i >= 0 {
				parts = append(parts, fmt.Sprintf("%s %s–%s", pluralDays[lang][i], s.Start, s.End))
			}
		}
		return strings.Join(parts, ", ")
	case match.ScheduleDated:
		var parts []string
		for _, ev := range o.Schedule.Events {
			if ev.End.After(t.now) {
				parts = append(parts, formatWhen(ev.Start, lang))
			}
			if len(parts) == 3 {
				break
			}
		}
		if len(parts) > 0 {
			return strings.Join(parts, "; ")
		}
	}
	return t.tr("anytime")
}

// copenhagen is where every wall-clock time in Brobygger is said.
var copenhagen = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// formatWhen writes a date and time the way people say it: "lørdag d. 5.
// december kl. 10.00" or "Saturday 5 December at 10:00".
func formatWhen(ts time.Time, lang string) string {
	ts = ts.In(copenhagen)
	wd := (int(ts.Weekday()) + 6) % 7
	if langKey(lang) == "en" {
		return fmt.Sprintf("%s %d %s at %s", dayNames["en"][wd], ts.Day(), monthNames["en"][ts.Month()-1], ts.Format("15:04"))
	}
	return fmt.Sprintf("%s d. %d. %s kl. %s", dayNames["da"][wd], ts.Day(), monthNames["da"][ts.Month()-1], ts.Format("15.04"))
}
