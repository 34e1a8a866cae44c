// Command gen writes the fictional sample catalog (organisations and
// opportunities) to catalog/sample. It is deterministic: running it twice
// gives the same files.
//
// Usage, from the module root:
//
//	go run ./catalog/internal/gen -out catalog/sample
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // the schedule uses Danish local time everywhere

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
)

// organisation is the JSON shape of catalog/sample/organisations.json.
type organisation struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Municipality string `json:"municipality"`
	Description  string `json:"description"`
	ContactName  string `json:"contact_name"`
	ContactRole  string `json:"contact_role"`
	Sample       bool   `json:"sample"`
}

var copenhagen = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Copenhagen")
	if err != nil {
		log.Fatal(err)
	}
	return loc
}()

func main() {
	out := flag.String("out", "catalog/sample", "directory to write organisations.json and opportunities.json to")
	flag.Parse()

	orgOut, opps, err := generate()
	if err != nil {
		log.Fatal(err)
	}
	for name, v := range map[string]any{"organisations.json": orgOut, "opportunities.json": opps} {
		b, err := encode(v)
		if err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("wrote %d organisations and %d opportunities to %s\n", len(orgOut), len(opps), *out)
}

// generate builds the whole sample catalog.
func generate() ([]organisation, []match.Opportunity, error) {
	all := slices.Concat(peopleArchetypes, greenArchetypes, cultureArchetypes)
	listed := slices.Concat(all, extraArchetypes, coverageArchetypes, classArchetypes)
	if err := checkArchetypes(listed); err != nil {
		return nil, nil, err
	}
	for key := range steps {
		if !slices.ContainsFunc(listed, func(a archetype) bool { return a.key == key }) {
			return nil, nil, fmt.Errorf("first step for unknown archetype %s", key)
		}
	}
	if err := checkPlaces(); err != nil {
		return nil, nil, err
	}
	if err := checkRoles(listed); err != nil {
		return nil, nil, err
	}
	g := &generator{
		rng:   rand.New(rand.NewPCG(20261205, 2027)),
		wayIn: rand.New(rand.NewPCG(20261204, 10)),
		all:   all,
		usage: map[string]int{},

		descriptions: map[string]bool{},
	}
	var orgOut []organisation
	var opps []match.Opportunity
	seenOrg := map[string]bool{}
	for i, o := range orgs {
		id := "org-" + slug(o.name)
		if seenOrg[id] {
			return nil, nil, fmt.Errorf("duplicate organisation id %s", id)
		}
		seenOrg[id] = true
		orgOut = append(orgOut, organisation{
			ID: id, Name: o.name, Municipality: o.municipality, Description: o.description,
			ContactName: o.contactName, ContactRole: o.contactRole, Sample: true,
		})
		opps = append(opps, g.opportunities(i, id, o)...)
	}
	for i, c := range slices.Concat(centres, coverageCentres) {
		id := "org-" + slug(c.name)
		if seenOrg[id] {
			return nil, nil, fmt.Errorf("duplicate organisation id %s", id)
		}
		seenOrg[id] = true
		orgOut = append(orgOut, organisation{
			ID: id, Name: c.name, Municipality: c.municipality, Description: c.description,
			ContactName: c.contactName, ContactRole: c.contactRole, Sample: true,
		})
		more, err := g.centreOpportunities(len(orgs)+i, id, c, listed, opps)
		if err != nil {
			return nil, nil, err
		}
		opps = append(opps, more...)
	}
	hosts, outings, err := g.classOutings()
	if err != nil {
		return nil, nil, err
	}
	for _, o := range hosts {
		id := "org-" + slug(o.name)
		if seenOrg[id] {
			return nil, nil, fmt.Errorf("duplicate organisation id %s", id)
		}
		seenOrg[id] = true
		orgOut = append(orgOut, organisation{
			ID: id, Name: o.name, Municipality: o.municipality, Description: o.description,
			ContactName: o.contactName, ContactRole: o.contactRole, Sample: true,
		})
	}
	opps = append(opps, outings...)
	var problems []error
	for _, o := range opps {
		if err := catalog.Validate(o); err != nil {
			problems = append(problems, err)
		}
	}
	if err := errors.Join(problems...); err != nil {
		return nil, nil, err
	}
	return orgOut, opps, nil
}

// encode renders v as indented JSON without HTML escaping, so Danish text and
// "&" stay readable.
func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type generator struct {
	rng *rand.Rand
	// wayIn draws the times of ways in. It is separate from rng so that
	// the choice of archetypes, and so every opportunity's id, stays as it
	// was before ways in existed.
	wayIn *rand.Rand
	all   []archetype
	usage map[string]int
	// descriptions holds the Danish descriptions written so far.
	descriptions map[string]bool
}

// address is one concrete street address in a neighbourhood.
type address struct {
	hood   neighbourhood
	street string
}

func (a address) full() string {
	return fmt.Sprintf("%s, %s %s", a.street, a.hood.postcode, a.hood.town)
}

func (g *generator) address(hood neighbourhood) address {
	street := hood.streets[g.rng.IntN(len(hood.streets))]
	return address{hood: hood, street: fmt.Sprintf("%s %d", street, 2+g.rng.IntN(118))}
}

func (g *generator) opportunities(index int, orgID string, o org) []match.Opportunity {
	hoods, ok := places[o.municipality]
	if !ok {
		log.Fatalf("no places for municipality %q", o.municipality)
	}
	home := g.address(hoods[index%len(hoods)])
	prefix := strings.TrimPrefix(orgID, "org-")
	var out []match.Opportunity
	for _, a := range g.choose(o) {
		addr := home
		if g.rng.IntN(10) >= 6 {
			addr = g.address(hoods[g.rng.IntN(len(hoods))])
		}
		out = append(out, g.build("opp-"+prefix+"-"+a.key, orgID, o, a, addr))
	}
	return out
}

// centreOpportunities builds a centre's hand-listed tasks.
//
// A title already used by another opportunity is swapped for one of the
// archetype's other titles when that one is still free, so that the
// listed tasks, which repeat archetypes on purpose, still read apart.
func (g *generator) centreOpportunities(index int, orgID string, c centre, all []archetype, before []match.Opportunity) ([]match.Opportunity, error) {
	used := map[string]bool{}
	for _, o := range before {
		used[o.Title] = true
	}
	hoods, ok := places[c.municipality]
	if !ok {
		return nil, fmt.Errorf("no places for municipality %q", c.municipality)
	}
	home := g.address(hoods[index%len(hoods)])
	prefix := strings.TrimPrefix(orgID, "org-")
	var out []match.Opportunity
	seen := map[string]int{}
	for _, task := range c.tasks {
		key, session, forced := strings.Cut(task, "@")
		i := slices.IndexFunc(all, func(a archetype) bool { return a.key == key })
		if i < 0 {
			return nil, fmt.Errorf("%s: unknown archetype %s", c.name, key)
		}
		a := all[i]
		if forced {
			if len(a.weekly) == 0 {
				return nil, fmt.Errorf("%s: %s has no weekly sessions to replace", c.name, key)
			}
			a.weekly = strings.Split(session, "|")
			a.sessions = len(a.weekly)
			for _, s := range a.weekly {
				ws := parseSession(s)
				if a.minAge < 15 && dayIndex(ws.Day) < 4 && ws.End > "20:00" {
					return nil, fmt.Errorf("%s: 13+ task %s ends late on a school night: %s", c.name, key, s)
				}
			}
		}
		o := org{name: c.name, municipality: c.municipality, description: c.description, contactName: c.contactName,
			contactRole: c.contactRole, themes: []string{a.interests[0]}}
		addr := home
		if g.rng.IntN(10) >= 6 {
			addr = g.address(hoods[g.rng.IntN(len(hoods))])
		}
		seen[key]++
		id := "opp-" + prefix + "-" + key
		if seen[key] > 1 {
			id += fmt.Sprintf("-%d", seen[key])
		}
		opp := g.build(id, orgID, o, a, addr)
		if used[opp.Title] {
			when := ""
			switch opp.Schedule.Kind {
			case match.ScheduleWeekly:
				when = weeklyWhen(opp.Schedule.Weekly)
			case match.ScheduleDated:
				when = datedWhen(opp.Schedule.Events)
			}
			area := addr.hood.area
			r := strings.NewReplacer("{when}", when, "{area}", area, "{in area}", inArea(area))
			for _, t := range a.titles {
				if t := capitalise(r.Replace(t)); !used[t] {
					opp.Title = t
					break
				}
			}
			// Every title taken (the same task in many towns): name the
			// organisation, so cards side by side still read apart.
			if t := opp.Title + " – " + c.name; used[opp.Title] && len([]rune(t)) <= 90 {
				opp.Title = t
			}
		}
		used[opp.Title] = true
		out = append(out, opp)
	}
	return out, nil
}

// choose picks o.count archetypes whose main interest is one of the
// organisation's themes, preferring archetypes that have been used the least
// so far.
func (g *generator) choose(o org) []archetype {
	pattern := []int{0, 1, 0, 2, 1, 0, 2, 1}
	picked := map[string]bool{}
	online := 0
	var out []archetype
	for step := 0; len(out) < o.count; step++ {
		if step > 200 {
			log.Fatalf("%s: not enough archetypes for themes %v", o.name, o.themes)
		}
		ti := pattern[step%len(pattern)]
		if ti >= len(o.themes) {
			continue
		}
		theme := o.themes[ti]
		best, bestScore := -1, 0.0
		for i, a := range g.all {
			if picked[a.key] || a.interests[0] != theme || slices.Contains(avoid[o.name], a.key) {
				continue
			}
			if o.onlineOnly != a.online && (o.onlineOnly || online >= 1) {
				continue
			}
			score := float64(g.usage[a.key])*2 + g.rng.Float64()
			if a.online && !o.onlineOnly {
				score += 2
			}
			if best < 0 || score < bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			continue
		}
		a := g.all[best]
		picked[a.key] = true
		g.usage[a.key]++
		if a.online {
			online++
		}
		out = append(out, a)
	}
	return out
}

// generalRoles can sensibly meet newcomers for any kind of task.
var generalRoles = []string{
	"frivilligkoordinator", "koordinator", "tovholder", "daglig leder", "formand",
	"projektleder", "frivilligansvarlig", "netværkskoordinator",
}

var firstNames = []string{
	"Sara", "Mads", "Amina", "Jonas", "Freja", "Ali", "Ida", "Emil", "Nora", "Mikkel",
	"Sofie", "Oliver", "Laura", "Tobias", "Maja", "Karim", "Clara", "Lucas", "Josefine", "Asger",
	"Yasmin", "Rasmus", "Emma", "Anders", "Hassan", "Signe", "Viktor", "Alma", "Noah", "Zainab",
	"Malthe", "Liv", "Omar", "Frederik", "Cecilie", "Magnus", "Astrid", "Jakob", "Mathilde", "Sebastian",
	"Lærke", "William", "Aya", "Kristian", "Ellen", "Bashir", "Mette", "Peter", "Hanne", "Søren",
}

func (g *generator) pick(options []string) string {
	return options[g.rng.IntN(len(options))]
}

func (g *generator) build(id, orgID string, o org, a archetype, addr address) match.Opportunity {
	sched, when, from, to := g.schedule(a)
	step := steps[a.key]

	// The organisation's own contact meets newcomers for its core tasks, or
	// when their role is a general one; otherwise the task's own role does.
	contact, role := g.pick(firstNames), a.role
	if (a.interests[0] == o.themes[0] || slices.Contains(generalRoles, o.contactRole)) && g.rng.IntN(2) == 0 {
		contact, role = strings.Fields(o.contactName)[0], o.contactRole
	}
	area, areaEn := addr.hood.area, addr.hood.area
	if a.online {
		area, areaEn = "hele landet", "all over Denmark"
	}
	r := strings.NewReplacer("{when}", when, "{area}", area, "{in area}", inArea(area), "{org}", o.name,
		"{contact}", contact, "{role}", role, "{addr}", addr.full())
	inEn := "in " + areaEn
	if a.online {
		inEn = areaEn
	}
	en := strings.NewReplacer("{area}", areaEn, "{in area}", inEn, "{org}", o.name, "{contact}", contact,
		"{role}", roleEn[role], "{addr}", addr.full())

	group := a.group[0]
	if a.group[1] > a.group[0] {
		group += g.rng.IntN(a.group[1] - a.group[0] + 1)
	}

	title := capitalise(r.Replace(g.pick(a.titles)))
	summary := r.Replace(g.pick(a.summaries))
	da, desc := g.description(a, group)
	// The same task in the same organisation can draw the same sentences;
	// draw again, so that every description is its own.
	for tries := 0; g.descriptions[r.Replace(da)] && tries < 20; tries++ {
		da, desc = g.description(a, group)
	}
	g.descriptions[r.Replace(da)] = true
	opp := match.Opportunity{
		ID:               id,
		OrganisationID:   orgID,
		Organisation:     o.name,
		Title:            title,
		Summary:          summary,
		Description:      r.Replace(da),
		Interests:        slices.Clone(a.interests),
		Schedule:         sched,
		Commitment:       a.commitment,
		MinAge:           a.minAge,
		MaxAge:           a.maxAge,
		GroupSize:        group,
		ChildCertificate: a.childCert,
		ActiveFrom:       from,
		ActiveTo:         to,
		Published:        true,
		Sample:           true,
	}
	if a.class {
		opp.MinGroupSize = classMinGroup
	}
	if a.online {
		opp.Place = match.Place{Online: true}
	} else {
		opp.Place = match.Place{Address: addr.street, Postcode: addr.hood.postcode, Municipality: o.municipality}
	}
	if n := g.placesLeft(a, group); n > 0 {
		opp.PlacesLeft = &n
	}
	g.pick(a.firstWhat) // drawn as before, so later draws stay the same; steps says the first step now
	spot := g.rng.IntN(len(a.spots))
	where, whereEn := r.Replace(a.spots[spot]), ""
	if a.online {
		where, whereEn = "Online – du får et link til videosnakken", "Online – you will get a link to the video chat"
	} else {
		whereEn = en.Replace(step.spots[spot])
	}
	// One draw picks the Danish line and its English, as g.pick would.
	lines := contactLines(a.online)
	if a.class {
		lines = classContactLines
	}
	line := lines[g.rng.IntN(len(lines))]
	opp.FirstStep = match.FirstStep{
		What:    step.da,
		Where:   where,
		Contact: r.Replace(line.da),
		WayIn:   g.wayInFor(a, step, sched),
	}
	opp.En = &match.Translation{
		Title:            step.title,
		Summary:          step.summary,
		Description:      en.Replace(desc),
		FirstStepWhat:    step.what,
		FirstStepWhere:   whereEn,
		FirstStepContact: en.Replace(line.en),
	}
	return opp
}

func (g *generator) placesLeft(a archetype, group int) int {
	if a.class {
		return 0 // a class outing takes one class at a time: its group size says it all
	}
	if a.places > 0 {
		return max(1, a.places-g.rng.IntN(a.places/2+1))
	}
	if g.rng.IntN(10) >= 3 {
		return 0
	}
	return min(40, 1+g.rng.IntN(group*3+4))
}

var welcomeAlone = []string{
	"Du behøver ingen erfaring – vi viser dig det hele første gang.",
	"Nye frivillige starter altid sammen med en, der har prøvet det før.",
	"Det er helt okay at være lidt nervøs første gang; du får en makker, indtil du føler dig tryg.",
	"Vi starter med en kort snak om, hvad du har lyst til, så du ikke bliver kastet ud i noget.",
	"Du bestemmer selv tempoet, og du kan altid sige fra, hvis noget ikke passer dig.",
	"Første gang er en prøvegang, hvor du mest kigger med og hjælper lidt.",
	"Vi er et blandet hold i alle aldre, og nye ansigter bliver taget godt imod.",
	"Mange af vores frivillige kom første gang uden at kende nogen – det kan du sagtens også.",
}

var welcomeFriend = []string{
	"Du kan sagtens tage en ven med, hvis det gør det nemmere at komme første gang.",
	"Tag gerne en ven med – I kan sagtens være på samme hold.",
	"Mange starter to og to, og det er helt fint med os.",
}

var welcomeGroup = []string{
	"Kom gerne flere sammen – hele klasser, hold og venneflokke er velkomne.",
	"Der er plads til både dig alene og til en hel flok, så spørg bare dine venner med.",
	"Vi elsker, når en klasse eller en vennegruppe melder sig sammen.",
}

var welcomeOnline = []string{
	"Du kan være med hjemmefra, og du behøver ingen erfaring for at starte.",
	"Alt foregår online, så du kan passe det ind, hvor du bor, og når det passer dig.",
	"Du får en grundig introduktion online, før du selv går i gang.",
}

var meetSentences = []string{
	"{contact}, som er {role}, tager imod dig og præsenterer dig for holdet.",
	"Det er {contact} ({role}), der møder dig og viser dig rundt.",
	"Du bliver taget imod af {contact}, som er {role} og har været med i flere år.",
	"{contact} er {role} og er din faste kontaktperson, hvis du har spørgsmål undervejs.",
	"Første gang er det {contact} ({role}), der står klar og forklarer, hvordan det hele foregår.",
}

var meetOnline = []string{
	"{contact}, som er {role}, tager en kort videosnak med dig, før du går i gang.",
	"Du får {contact} ({role}) som fast kontakt, og du kan altid skrive, hvis du er i tvivl.",
	"{contact} er {role} og sørger for, at du får en god start.",
}

// mentionsCompany finds body text that already invites friends or classes,
// so the welcome sentence does not say it again.
var mentionsCompany = regexp.MustCompile(`(?i)\bven\b|venner|klasse|hold med`)

const childCertSentence = "Fordi du er sammen med børn, indhenter vi en børneattest, før du starter – det kræver kun dit samtykke."

// description writes the Danish description and, with the same choices,
// the English one.
func (g *generator) description(a archetype, group int) (string, string) {
	step := steps[a.key]
	var extras, extrasEn []string
	if a.childCert && !strings.Contains(strings.ToLower(a.note), "børneattest") {
		extras = append(extras, childCertSentence)
		extrasEn = append(extrasEn, childCertSentenceEn)
	}
	if a.note != "" {
		extras = append(extras, a.note)
		extrasEn = append(extrasEn, step.note)
	}
	rest := a.body[1:]
	take := 1
	if len(extras) == 0 && len(rest) > 1 && g.rng.IntN(2) == 0 {
		take = 2
	}
	idx := g.rng.Perm(len(rest))[:take]
	sort.Ints(idx)
	parts := []string{a.body[0]}
	for _, i := range idx {
		parts = append(parts, rest[i])
	}
	partsEn := []string{step.body}
	if len(extras) < 2 {
		var pool, poolEn []string
		switch {
		case a.class:
			pool, poolEn = welcomeClass, welcomeClassEn
		case mentionsCompany.MatchString(strings.Join(parts, " ")):
			pool, poolEn = welcomeAlone, welcomeAloneEn
		case a.online:
			pool, poolEn = welcomeOnline, welcomeOnlineEn
		case group >= 5:
			pool, poolEn = slices.Concat(welcomeGroup, welcomeAlone[:3]), slices.Concat(welcomeGroupEn, welcomeAloneEn[:3])
		case group >= 2:
			pool, poolEn = slices.Concat(welcomeFriend, welcomeAlone), slices.Concat(welcomeFriendEn, welcomeAloneEn)
		default:
			pool, poolEn = welcomeAlone, welcomeAloneEn
		}
		i := g.rng.IntN(len(pool))
		parts, partsEn = append(parts, pool[i]), append(partsEn, poolEn[i])
	}
	meet, meetEn := meetSentences, meetSentencesEn
	switch {
	case a.online:
		meet, meetEn = meetOnline, meetOnlineEn
	case a.class:
		meet, meetEn = meetClass, meetClassEn
	}
	i := g.rng.IntN(len(meet))
	parts, partsEn = append(parts, meet[i]), append(partsEn, meetEn[i])
	parts, partsEn = append(parts, extras...), append(partsEn, extrasEn...)
	return strings.Join(parts, " "), strings.Join(partsEn, " ")
}

// schedule builds the schedule for a and returns it with the text for {when}
// and the optional active period.
func (g *generator) schedule(a archetype) (match.Schedule, string, time.Time, time.Time) {
	var from, to time.Time
	if len(a.period) > 0 {
		p := strings.Split(g.pick(a.period), "/")
		from = mustDate(p[0], "00:00")
		to = mustDate(p[1], "23:59")
	}
	switch {
	case len(a.weekly) > 0:
		n := max(1, a.sessions)
		if n == 1 && len(a.weekly) >= 3 && a.commitment == recurring && g.rng.IntN(4) == 0 {
			n = 2
		}
		var sessions []match.WeeklySession
		for _, s := range g.weightedSessions(a.weekly, n) {
			sessions = append(sessions, parseSession(s))
		}
		sort.Slice(sessions, func(i, j int) bool { return dayIndex(sessions[i].Day) < dayIndex(sessions[j].Day) })
		return match.Schedule{Kind: match.ScheduleWeekly, Weekly: sessions}, weeklyWhen(sessions), from, to
	case len(a.dates) > 0:
		var events []match.Event
		for _, e := range strings.Split(g.pick(a.dates), "|") {
			events = append(events, parseEvent(e))
		}
		return match.Schedule{Kind: match.ScheduleDated, Events: events}, datedWhen(events), from, to
	default:
		return match.Schedule{Kind: match.ScheduleFlexible}, "når det passer dig", from, to
	}
}

// weightedSessions picks n distinct sessions, favouring weekends, when most
// young volunteers have time.
func (g *generator) weightedSessions(slots []string, n int) []string {
	left := slices.Clone(slots)
	var out []string
	for range n {
		weights := make([]float64, len(left))
		total := 0.0
		for i, s := range left {
			w := 1.0
			switch parseSession(s).Day {
			case "sat", "sun":
				w = 2.5
			case "fri":
				w = 1.5
			}
			weights[i] = w
			total += w
		}
		x := g.rng.Float64() * total
		i := 0
		for ; i < len(left)-1 && x >= weights[i]; i++ {
			x -= weights[i]
		}
		out = append(out, left[i])
		left = slices.Delete(left, i, i+1)
	}
	return out
}

var days = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
var dayNames = map[string]string{"mon": "mandag", "tue": "tirsdag", "wed": "onsdag", "thu": "torsdag", "fri": "fredag", "sat": "lørdag", "sun": "søndag"}
var weekdayNames = []string{"søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"}
var monthNames = []string{"", "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"}

func dayIndex(d string) int { return slices.Index(days, d) }

func parseSession(s string) match.WeeklySession {
	day, span, ok := strings.Cut(s, " ")
	start, end, ok2 := strings.Cut(span, "-")
	if !ok || !ok2 || dayIndex(day) < 0 {
		log.Fatalf("bad weekly session %q", s)
	}
	return match.WeeklySession{Day: day, Start: start, End: end}
}

func partOfDay(start string) string {
	h, _ := strconv.Atoi(start[:2])
	switch {
	case h < 10:
		return "morgen"
	case h < 12:
		return "formiddag"
	case h < 17:
		return "eftermiddag"
	default:
		return "aften"
	}
}

func weeklyWhen(s []match.WeeklySession) string {
	if len(s) > 2 {
		// A task with a choice of shifts: the days are enough for a title.
		names := make([]string, len(s))
		for i, w := range s {
			names[i] = dayNames[w.Day]
		}
		return strings.Join(names[:len(names)-1], ", ") + " og " + names[len(names)-1]
	}
	if len(s) == 1 {
		return dayNames[s[0].Day] + " " + partOfDay(s[0].Start)
	}
	p0, p1 := partOfDay(s[0].Start), partOfDay(s[1].Start)
	if p0 == p1 {
		return dayNames[s[0].Day] + " og " + dayNames[s[1].Day] + " " + p0
	}
	return dayNames[s[0].Day] + " " + p0 + " og " + dayNames[s[1].Day] + " " + p1
}

func mustDate(day, clock string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+clock, copenhagen)
	if err != nil {
		log.Fatal(err)
	}
	return t
}

// parseEvent reads "2027-05-22 10:00-15:00" or "2027-07-05 10:00/2027-07-09 14:00".
func parseEvent(s string) match.Event {
	if a, b, ok := strings.Cut(s, "/"); ok {
		ad, ac, _ := strings.Cut(a, " ")
		bd, bc, _ := strings.Cut(b, " ")
		return match.Event{Start: mustDate(ad, ac), End: mustDate(bd, bc)}
	}
	day, span, _ := strings.Cut(s, " ")
	start, end, ok := strings.Cut(span, "-")
	if !ok {
		log.Fatalf("bad event %q", s)
	}
	st, en := mustDate(day, start), mustDate(day, end)
	if !en.After(st) {
		en = en.AddDate(0, 0, 1)
	}
	return match.Event{Start: st, End: en}
}

func datedWhen(ev []match.Event) string {
	first, last := ev[0].Start, ev[len(ev)-1].End
	if len(ev) == 1 && first.YearDay() == last.YearDay() {
		return fmt.Sprintf("%s den %d. %s", weekdayNames[first.Weekday()], first.Day(), monthNames[first.Month()])
	}
	if len(ev) > 1 {
		last = ev[len(ev)-1].Start
	}
	consecutive := true
	for i := 1; i < len(ev); i++ {
		if ev[i].Start.YearDay()-ev[i-1].Start.YearDay() != 1 {
			consecutive = false
		}
	}
	switch {
	case first.Month() == last.Month() && consecutive:
		return fmt.Sprintf("%d.–%d. %s", first.Day(), last.Day(), monthNames[first.Month()])
	case consecutive:
		return fmt.Sprintf("%d. %s–%d. %s", first.Day(), monthNames[first.Month()], last.Day(), monthNames[last.Month()])
	case first.Month() == last.Month():
		return "i " + monthNames[first.Month()]
	default:
		return "fra " + monthNames[first.Month()] + " til " + monthNames[last.Month()]
	}
}

// inArea puts the right preposition in front of a place name: Copenhagen's
// bridge districts and islands take "på", everything else "i".
func inArea(area string) string {
	switch area {
	case "Nørrebro", "Østerbro", "Vesterbro", "Amager", "Frederiksberg", "Trøjborg":
		return "på " + area
	}
	return "i " + area
}

func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func slug(s string) string {
	r := strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "ae", "Ø", "oe", "Å", "aa", "é", "e", "&", "og")
	s = r.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// checkArchetypes catches mistakes in the hand-written building blocks early.
func checkArchetypes(all []archetype) error {
	seen := map[string]bool{}
	for _, a := range all {
		switch {
		case seen[a.key]:
			return fmt.Errorf("duplicate archetype %s", a.key)
		case len(a.titles) == 0 || len(a.summaries) == 0 || len(a.body) < 2 || len(a.firstWhat) == 0 || len(a.spots) == 0 || a.role == "":
			return fmt.Errorf("%s: missing text", a.key)
		case len(a.interests) == 0 || len(a.interests) > 3:
			return fmt.Errorf("%s: needs 1-3 interests", a.key)
		case a.childCert && a.minAge < 15:
			return fmt.Errorf("%s: child certificate needs min age 15", a.key)
		case a.group[0] < 1 || a.group[1] < a.group[0]:
			return fmt.Errorf("%s: bad group size", a.key)
		case len(a.dates) > 0 && a.commitment == recurring:
			return fmt.Errorf("%s: dated tasks are not recurring", a.key)
		case len(a.weekly) > 0 && a.commitment == oneOff:
			return fmt.Errorf("%s: weekly tasks are not one-off", a.key)
		case len(a.weekly) > 0 && a.commitment == shortTerm && len(a.period) == 0:
			return fmt.Errorf("%s: short-term weekly tasks need a period", a.key)
		case a.class && (a.group[0] < 25 || a.minAge > 13 || a.childCert || a.commitment != oneOff || len(a.dates) == 0 || a.notice <= 0 || a.online):
			return fmt.Errorf("%s: a class outing takes a class of 25 or more from 13, without a child certificate, once, on dates booked with notice", a.key)
		}
		seen[a.key] = true
		st, ok := steps[a.key]
		switch {
		case !ok || st.da == "" || st.title == "" || st.summary == "" || st.body == "" || st.what == "":
			return fmt.Errorf("%s: missing first step or English text", a.key)
		case !a.online && len(st.spots) != len(a.spots):
			return fmt.Errorf("%s: %d English spots for %d Danish ones", a.key, len(st.spots), len(a.spots))
		case (a.note == "") != (st.note == ""):
			return fmt.Errorf("%s: the note and its English text go together", a.key)
		case st.infoDays > 0 && len(a.dates) == 0:
			return fmt.Errorf("%s: an information meeting needs dated events", a.key)
		}
		for _, t := range a.titles {
			if strings.Contains(t, "{when}") && len(a.weekly) == 0 && len(a.dates) == 0 {
				return fmt.Errorf("%s: {when} in title of flexible task", a.key)
			}
			if strings.Contains(t, "area}") && a.online {
				return fmt.Errorf("%s: {area} in title of online task", a.key)
			}
		}
		for _, s := range a.weekly {
			ws := parseSession(s)
			if ws.Start >= ws.End {
				return fmt.Errorf("%s: session %q ends before it starts", a.key, s)
			}
			if a.minAge < 15 && dayIndex(ws.Day) < 5 && ws.End > "20:00" {
				return fmt.Errorf("%s: 13+ session %q ends late on a school day", a.key, s)
			}
		}
		for _, s := range a.summaries {
			if n := len([]rune(s)); n > 140 {
				return fmt.Errorf("%s: summary is %d characters", a.key, n)
			}
		}
	}
	return nil
}

// checkPlaces makes sure every postcode in the place table exists, lies in the
// municipality it is listed under and has the postal town we print.
func checkPlaces() error {
	for muni, hoods := range places {
		if m, ok := geo.LookupMunicipality(muni); !ok || m.Name != muni {
			return fmt.Errorf("unknown municipality %q", muni)
		}
		for _, h := range hoods {
			pc, ok := geo.LookupPostcode(h.postcode)
			switch {
			case !ok:
				return fmt.Errorf("%s: unknown postcode %s", muni, h.postcode)
			case pc.Municipality != muni:
				return fmt.Errorf("postcode %s lies in %s, not %s", h.postcode, pc.Municipality, muni)
			case pc.Town != h.town:
				return fmt.Errorf("postcode %s is %s, not %s", h.postcode, pc.Town, h.town)
			}
		}
	}
	return nil
}
