package bot

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
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
		Age:          p.Age,
		Interests:    p.Interests,
		NotInterests: p.NotInterests,
		Slots:        p.Slots,
		Commitment:   p.Commitment,
		Group:        p.Group,
		GroupSize:    p.GroupSize,
		Online:       p.Online,
		HasLocation:  p.Municipality != "" && !p.Online,
		Lat:          p.Lat,
		Lon:          p.Lon,
		Landmass:     p.Landmass,
		Bridged:      bridgedFrom(p),
		Rejections:   st.Rejections,
	}
	if mp.HasLocation {
		mp.MaxDistanceKm = geo.ReachKm(p.Municipality)
		if st.Widened {
			mp.MaxDistanceKm *= widenFactor
		}
	}
	for _, c := range st.Chosen {
		mp.Exclude = append(mp.Exclude, c.OpportunityID)
	}
	return mp
}

// widenFactor is how much further a wider search looks, when the young
// person asked for it. It never crosses water without a bridge.
const widenFactor = 2.0

// suggest shows the next cards. With more, cards already shown are skipped.
// When too little lies within reach it says so plainly and offers online
// tasks, a wider search or another town: it never switches on its own.
func (t *turn) suggest(more bool) {
	t.st.Asking = ""
	t.st.Pending = nil
	base := t.st.matchProfile()
	if more {
		base.Exclude = append(base.Exclude, t.st.Seen...)
	}
	picked, relaxed := t.rank(base)
	var head []string
	local := 0 // within reach and about what they asked for
	for _, s := range picked {
		if !s.Opportunity.Place.Online && !s.OffInterest {
			local++
		}
	}
	if t.st.Widened && base.HasLocation {
		head = append(head, t.tr("widened_distance", "km", formatKm(base.MaxDistanceKm, t.st.Lang)))
	}
	if n := local; n < cardsPerTurn && base.HasLocation {
		km := formatKm(base.MaxDistanceKm, t.st.Lang)
		if n == 0 {
			head = append(head, t.tr("reach_none", "km", km, "place", t.st.Profile.placeName()))
			if len(picked) > 0 {
				// Only online tasks fit: say so, never slip them in.
				head = append(head, t.tr("online_instead"))
			}
		} else {
			head = append(head, t.tr("reach_few", "km", km, "place", t.st.Profile.placeName(), "count", strconv.Itoa(n)))
		}
	}
	if len(picked) == 0 {
		replies := []QuickReply{t.action("change_time"), t.action("change_place"), t.action("restart")}
		if base.HasLocation {
			head = append(head, t.tr("reach_offer"))
			replies = t.reachReplies()
		} else {
			head = append(head, t.tr("suggestions_none"))
		}
		t.say(t.notedPrefix()+strings.Join(head, " "), replies...)
		return
	}
	intro := "suggestions_intro"
	if more {
		intro = "suggestions_more"
	}
	if len(relaxed) > 0 {
		head = append(head, t.tr("suggestions_relaxed", "what", strings.Join(relaxed, ", ")))
	}
	if local > 0 || !base.HasLocation {
		head = append(head, t.tr(intro, "count", strconv.Itoa(len(picked))))
	}
	cards := make([]Card, 0, len(picked))
	t.st.Shown = t.st.Shown[:0]
	for _, s := range picked {
		cards = append(cards, t.card(s))
		t.st.Shown = append(t.st.Shown, s.Opportunity.ID)
		t.st.Seen = addUnique(t.st.Seen, s.Opportunity.ID)
	}
	replies := t.afterSuggestionReplies()
	if local < cardsPerTurn && base.HasLocation {
		replies = append(t.reachReplies(), t.action("show_more"))
		if local == 0 {
			replies = replies[1:] // online tasks are what the cards already are
		}
	}
	m := t.say(t.notedPrefix()+strings.Join(head, "\n\n"), replies...)
	m.Cards = cards
}

// reachReplies are the ways on when little lies within reach.
func (t *turn) reachReplies() []QuickReply {
	out := []QuickReply{t.action("widen_online")}
	if !t.st.Widened {
		out = append(out, t.action("widen_distance"))
	}
	return append(out, t.action("change_place"), t.action("change_time"))
}

// widen applies what the young person chose when little was within reach:
// online tasks instead, or a search further away (never over water).
func (t *turn) widen(how string) {
	switch how {
	case "online":
		t.st.Profile.Forget("place")
		t.st.Profile.Online = true
		t.say(t.tr("online_instead"))
	case "distance":
		t.st.Widened = true
	}
	t.suggest(false)
}

// rank finds up to cardsPerTurn suggestions within reach. Interest comes
// first and other times are marked on the cards (see match.Rank); only the
// group size is relaxed here, and the bot says so. Distance is never
// widened without the young person asking.
func (t *turn) rank(p match.Profile) ([]match.Suggestion, []string) {
	var picked []match.Suggestion
	seen := map[string]bool{}
	// Two organisations may offer the same task under the same title; two
	// cards that look alike are one choice, so the second gives way.
	add := func(ss []match.Suggestion) bool {
		added := false
		for _, s := range ss {
			// "… – Dyrevennerne Østjylland" is the same task under another
			// organisation's name.
			title := strings.ToLower(strings.TrimSuffix(t.textOf(s.Opportunity).Title, " – "+s.Opportunity.Organisation))
			if len(picked) < cardsPerTurn && !seen[s.Opportunity.ID] && !seen[title] {
				seen[s.Opportunity.ID], seen[title] = true, true
				picked = append(picked, s)
				added = true
			}
		}
		return added
	}
	add(t.e.catalog.Rank(p, t.now, cardsPerTurn+spareCards))
	if len(picked) >= cardsPerTurn || p.Group == "" {
		return picked, nil
	}
	wide := p
	wide.Group, wide.GroupSize = "", 0
	if add(t.e.catalog.Rank(wide, t.now, cardsPerTurn+spareCards)) {
		return picked, []string{t.tr("relaxed_group")}
	}
	return picked, nil
}

// spareCards is how many more suggestions are asked for than shown, so that
// look-alikes can give way without leaving a gap.
const spareCards = 3

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

// card turns a suggestion into what the young person sees, in the
// conversation's language: English text where the organisation wrote it,
// otherwise the Danish marked as such, never a sentence half in each.
func (t *turn) card(s match.Suggestion) Card {
	o := s.Opportunity
	text := t.textOf(o)
	c := Card{
		OpportunityID:  o.ID,
		Title:          text.Title,
		Organisation:   o.Organisation,
		OrganisationID: o.OrganisationID,
		Summary:        text.Summary,
		Why:            t.why(s),
		FirstStep:      t.firstStep(o, s.FirstStep),
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
	switch {
	case s.OffInterest:
		c.Caveat = t.tr("note_off_interest")
	case s.OtherTime && !s.Next.IsZero():
		c.Caveat = t.tr("note_other_time", "when", t.describeSlots([]string{match.SlotOf(s.Next.Start)}))
	case s.FirstStepOtherTime && !s.FirstStep.IsZero():
		c.Caveat = t.tr("note_step_other_time", "when", t.describeSlots([]string{match.SlotOf(s.FirstStep.Start)}))
	}
	if text.InDanish {
		if c.Caveat == "" {
			c.Caveat = t.tr("note_in_danish")
		} else {
			c.Notes = append(c.Notes, t.tr("note_in_danish"))
		}
	}
	if s.NoticeDelayed && !s.FirstStep.IsZero() {
		c.Notes = append(c.Notes, t.tr("note_notice", "organisation", o.Organisation,
			"notice", t.describeNotice(o.FirstStep.WayIn.NoticeHours), "date", t.formatWhen(s.FirstStep.Start)))
	}
	if s.CommitmentClash {
		c.Notes = append(c.Notes, t.tr("note_regular"))
	}
	if o.ChildCertificate {
		c.Notes = append(c.Notes, t.tr("note_certificate"))
	}
	if o.MinAge > 13 {
		c.Notes = append(c.Notes, t.tr("note_age", "age", strconv.Itoa(o.MinAge)))
	}
	return c
}

// describeNotice says an organisation's notice in words; 0 is the default.
func (t *turn) describeNotice(hours int) string {
	switch {
	case hours <= 0 || hours == 24:
		return t.tr("notice_day")
	case hours%24 == 0:
		return t.tr("notice_days", "n", strconv.Itoa(hours/24))
	}
	return t.tr("notice_hours", "n", strconv.Itoa(hours))
}

// opportunityText is an opportunity's text in the conversation's language.
type opportunityText struct {
	Title, Summary, Description, What, Where, Contact string
	// InDanish is set in an English conversation when the organisation
	// wrote only Danish.
	InDanish bool
}

func (t *turn) textOf(o *match.Opportunity) opportunityText {
	x := opportunityText{Title: o.Title, Summary: o.Summary, Description: o.Description, What: o.FirstStep.What,
		Where: o.FirstStep.Where, Contact: o.FirstStep.Contact}
	if langKey(t.st.Lang) != "en" {
		return x
	}
	en := o.En
	if en == nil || en.Title == "" {
		x.InDanish = true
		return x
	}
	pick := func(tr, da string) string {
		if tr != "" {
			return tr
		}
		x.InDanish = true
		return da
	}
	x.Title, x.Summary = en.Title, pick(en.Summary, o.Summary)
	x.Description = pick(en.Description, o.Description)
	x.What, x.Where = pick(en.FirstStepWhat, o.FirstStep.What), pick(en.FirstStepWhere, o.FirstStep.Where)
	x.Contact = pick(en.FirstStepContact, o.FirstStep.Contact)
	return x
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
			w := p.InterestWords[r.Interest]
			switch {
			case w != "" && mentions(s.Opportunity, w):
				// Their own words, only where the card is about them: "Du
				// skrev 'musik'" on a reading card would claim a fit.
				if usedWords[w] {
					continue
				}
				usedWords[w] = true
				line = t.tr("why_interest_words", "words", w)
			case w != "":
				line = t.tr("why_interest_named", "interest", strings.ToLower(t.interestName(r.Interest)))
			default:
				line = t.tr("why_interest", "interest", strings.ToLower(t.interestName(r.Interest)))
			}
		case "near":
			if r.DistanceKm < 1 {
				line = t.tr("why_close", "place", p.placeName())
			} else {
				line = t.tr("why_near", "km", formatKm(r.DistanceKm, t.st.Lang), "place", p.placeName())
			}
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
	switch {
	case p.Postcode != "":
		return p.Postcode + " " + p.Town
	case p.Town != "":
		return p.Town
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

// firstStep is the card's first step: what, when, where and whom to ask
// for, in the conversation's language.
func (t *turn) firstStep(o *match.Opportunity, at match.Session) FirstStep {
	text := t.textOf(o)
	fs := FirstStep{Place: text.Where, Contact: text.Contact}
	if at.Start.IsZero() {
		fs.Text = t.tr("step_no_date", "what", text.What)
		return fs
	}
	start, end := at.Start, at.End
	fs.StartsAt, fs.EndsAt = &start, &end
	date := t.formatWhen(start)
	if start.Sub(t.now) > farAhead {
		date = t.formatWhenWithYear(start)
	}
	if text.InDanish && text.What == o.FirstStep.What {
		fs.Text = t.tr("step_in_danish", "what", text.What, "date", date)
	} else {
		fs.Text = t.tr("step_dated", "what", text.What, "date", date)
	}
	return fs
}

// farAhead is how far ahead a date needs its year: "lørdag d. 4.
// september" half a year from now could be read as a date gone by.
const farAhead = 120 * 24 * time.Hour

// stepTime is when the young person can take an opportunity's first step.
func (t *turn) stepTime(o *match.Opportunity) match.Session {
	st, ok := match.FirstStepTime(o, t.st.matchProfile(), t.now)
	if !ok {
		return match.Session{}
	}
	return st.Session
}

// actionable returns an opportunity the young person may act on by its
// id: one the bot showed them, still published and running, and open to
// their age. A choice id typed by hand ("want:<id>" of an adults-only task)
// gets nothing more than a card would have offered.
func (t *turn) actionable(id string) (*match.Opportunity, bool) {
	o, ok := t.e.catalog.Get(id)
	if !ok || !match.OpenTo(o, t.st.Profile.Age, t.now) || !t.st.wasShown(id) {
		return nil, false
	}
	return o, true
}

// wasShown reports whether the opportunity was on a card, chosen or put in
// a lead in this conversation.
func (st *State) wasShown(id string) bool {
	return slices.Contains(st.Seen, id) || slices.ContainsFunc(st.Chosen, func(c Choice) bool { return c.OpportunityID == id }) ||
		st.Draft != nil && st.Draft.OpportunityID == id || st.leadPending(id)
}

// want records that the young person chose an opportunity and repeats the first step.
func (t *turn) want(id string) {
	o, ok := t.actionable(id)
	if !ok {
		t.say(t.tr("unknown_opportunity"))
		t.suggest(true)
		return
	}
	if !slices.ContainsFunc(t.st.Chosen, func(c Choice) bool { return c.OpportunityID == id }) {
		t.st.Chosen = append(t.st.Chosen, Choice{OpportunityID: id, At: t.now})
	}
	step := t.firstStep(o, t.stepTime(o))
	t.say(t.tr("want_confirm", "title", t.textOf(o).Title, "organisation", o.Organisation, "step", step.Text,
		"place", step.Place, "contact", step.Contact), t.action("show_more"), t.action("stored"), t.action("restart"))
	t.offerLead(o)
}

// more tells everything the catalog knows about one opportunity.
func (t *turn) more(id string) {
	o, ok := t.actionable(id)
	if !ok {
		t.say(t.tr("unknown_opportunity"))
		t.suggest(true)
		return
	}
	text := t.tr("more_details", "description", t.textOf(o).Description, "when", t.describeSchedule(o), "place", t.placeOf(o),
		"age", t.agesOf(o), "group", t.groupOf(o), "contact", t.textOf(o).Contact)
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
		answer = t.tr("answer_unknown", "contact", t.textOf(o).Contact)
	}
	t.st.Pending = &Pending{Kind: "question", OpportunityID: o.ID}
	t.say(answer, t.opportunityReplies(o)...)
}

func (t *turn) notForMe(id string) {
	if _, ok := t.actionable(id); !ok {
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

// distanceTo is the trip to an opportunity as ranking measures it: over
// land and bridges; -1 when no bridge reaches it.
func distanceTo(p Profile, o *match.Opportunity) float64 {
	km, ok := geo.TravelKm(p.Lat, p.Lon, p.Landmass, o.Place.Lat, o.Place.Lon, o.Place.Landmass)
	if !ok {
		return -1
	}
	return km
}

// reasonFromText reads why a suggestion was not a fit from free text.
func reasonFromText(text string, r understand.Result) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
	has := func(ws ...string) bool {
		return slices.ContainsFunc(words, func(w string) bool { return slices.Contains(ws, w) })
	}
	switch {
	case has("langt", "fjernt", "far", "distance", "km", "kilometer", "transport", "bus", "tog", "travel"):
		return "too_far"
	case len(r.Slots) > 0 || has("tid", "tidspunkt", "tidspunktet", "dag", "dagen", "time", "day", "tidligt", "sent", "early", "late"):
		return "wrong_time"
	case r.Postcode != "" || r.Municipality != "":
		return "too_far"
	}
	return "not_my_thing"
}

// stored tells the young person everything the bot keeps about them.
func (t *turn) stored() {
	p := t.st.Profile
	if !t.st.Started {
		// Before anything is kept, "Hvad gemmer du?" is the privacy notice
		// in full: what would be kept, why, and the young person's rights.
		t.say(t.tr("privacy"), t.action("start"))
		return
	}
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

// dayKeys and partKeys are the days and parts of a day in slot order; their
// words are texts of the flow ("day_mon", "part_evening").
var (
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
// formiddag, søndag", "hverdage eftermiddag" or "weekends".
func (t *turn) describeSlots(slots []string) string {
	set := map[string]bool{}
	for _, s := range slots {
		set[s] = true
	}
	partsOf := func(d string) []string {
		var have []string
		for _, p := range partKeys {
			if set[d+"_"+p] {
				have = append(have, p)
			}
		}
		return have
	}
	named := func(ps []string) string {
		words := make([]string, len(ps))
		for i, p := range ps {
			words[i] = t.tr("part_" + p)
		}
		return strings.Join(words, "/")
	}
	if every := partsOf("mon"); len(every) > 0 && slices.IndexFunc(dayKeys[1:], func(d string) bool {
		return !slices.Equal(partsOf(d), every)
	}) < 0 {
		// The same parts of every day of the week: "alle aftener".
		if len(every) == 1 {
			return t.tr("every_" + every[0])
		}
		if len(every) == len(partKeys) {
			return t.tr("every_day")
		}
	}
	var out []string
	from := 0
	// Monday to Friday alike, or Saturday and Sunday alike, are said as one.
	if weekday := partsOf("mon"); len(weekday) > 0 && slices.IndexFunc(dayKeys[1:5], func(d string) bool {
		return !slices.Equal(partsOf(d), weekday)
	}) < 0 {
		switch {
		case len(weekday) == len(partKeys):
			out = append(out, t.tr("weekdays"))
		case len(weekday) == 1:
			out = append(out, t.tr("weekday_"+weekday[0]))
		default:
			out = append(out, t.tr("weekdays")+" "+named(weekday))
		}
		from = 5
	}
	for di := from; di < len(dayKeys); di++ {
		d := dayKeys[di]
		have := partsOf(d)
		if di == 5 && len(have) == len(partKeys) && len(partsOf("sun")) == len(partKeys) {
			out = append(out, t.tr("weekends"))
			break
		}
		switch {
		case len(have) == 0:
		case len(have) == len(partKeys):
			out = append(out, t.tr("day_"+dayKeys[di]))
		default:
			out = append(out, t.tr("day_"+dayKeys[di])+" "+named(have))
		}
	}
	return strings.Join(out, ", ")
}

// describeSchedule says when an opportunity happens.
func (t *turn) describeSchedule(o *match.Opportunity) string {
	switch o.Schedule.Kind {
	case match.ScheduleWeekly:
		var parts []string
		for _, s := range o.Schedule.Weekly {
			if slices.Contains(dayKeys, s.Day) {
				parts = append(parts, fmt.Sprintf("%s %s–%s", t.tr("days_"+s.Day), s.Start, s.End))
			}
		}
		return strings.Join(parts, ", ")
	case match.ScheduleDated:
		var parts []string
		for _, ev := range o.Schedule.Events {
			if ev.End.After(t.now) {
				parts = append(parts, t.formatWhen(ev.Start))
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
var copenhagen = match.Copenhagen

// formatWhen writes a date and time the way people say it: "lørdag d. 5.
// december kl. 10.00" or "Saturday 5 December at 10:00".
func (t *turn) formatWhen(ts time.Time) string { return t.sayWhen(ts, "date_time") }

// formatWhenWithYear is formatWhen with the year, for dates far ahead:
// "lørdag d. 8. maj 2027 kl. 10.00" or "Saturday 8 May 2027 at 10:00".
func (t *turn) formatWhenWithYear(ts time.Time) string { return t.sayWhen(ts, "date_time_year") }

func (t *turn) sayWhen(ts time.Time, format string) string {
	ts = ts.In(copenhagen)
	wd := (int(ts.Weekday()) + 6) % 7
	return t.tr(format, "day", t.tr("day_"+dayKeys[wd]), "date", strconv.Itoa(ts.Day()),
		"month", t.tr("month_"+strconv.Itoa(int(ts.Month()))), "year", strconv.Itoa(ts.Year()),
		"time", ts.Format(t.tr("time_format")))
}

// landmassTowns are the towns geo knows, by landmass, gathered once.
var landmassTowns = sync.OnceValue(func() map[string][][2]float64 {
	out := map[string][][2]float64{}
	for _, m := range geo.Municipalities() {
		out[m.Landmass] = append(out[m.Landmass], [2]float64{m.Lat, m.Lon})
	}
	for _, p := range geo.PlaceNames() {
		out[p.Landmass] = append(out[p.Landmass], [2]float64{p.Lat, p.Lon})
	}
	delete(out, "")
	return out
})

// maxDetour is how much longer than the straight line a trip to another
// landmass may be and still count as reachable: over the Storebælt bridge
// from Korsør to Nyborg it is barely longer; from Nakskov to Langeland,
// 30 km over water, the land route is 183 km.
const maxDetour = 1.6

// bridgedFrom lists the other landmasses the young person can reach over
// land and bridges without a long detour, for ranking; nil when their
// landmass is unknown. Each landmass is judged by its town nearest to them.
func bridgedFrom(p Profile) []string {
	if p.Landmass == "" {
		return nil
	}
	var out []string
	for l, towns := range landmassTowns() {
		if l == p.Landmass || !geo.Bridged(p.Landmass, l) {
			continue
		}
		best, bestKm := [2]float64{}, -1.0
		for _, t := range towns {
			if km := geo.DistanceKm(p.Lat, p.Lon, t[0], t[1]); bestKm < 0 || km < bestKm {
				best, bestKm = t, km
			}
		}
		if km, ok := geo.TravelKm(p.Lat, p.Lon, p.Landmass, best[0], best[1], l); ok && km <= bestKm*maxDetour+5 {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}

// mentions reports whether an opportunity's own text, in either language,
// speaks of the young person's words: the words themselves or, for longer
// words, their stem ("dyr" in "dyrene", "musik" in "musikskole").
func mentions(o *match.Opportunity, words string) bool {
	text := strings.ToLower(o.Title + " " + o.Summary + " " + o.Description)
	if o.En != nil {
		text += " " + strings.ToLower(o.En.Title+" "+o.En.Summary+" "+o.En.Description)
	}
	for _, w := range strings.Fields(strings.ToLower(words)) {
		stem := w
		if n := utf8.RuneCountInString(w); n > 5 {
			stem = string([]rune(w)[:n-2])
		}
		if utf8.RuneCountInString(stem) >= 3 && strings.Contains(text, stem) {
			return true
		}
	}
	return false
}
