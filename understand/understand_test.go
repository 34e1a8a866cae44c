package understand

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestInterests(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Hej! Jeg er 15 og elsker dyr", []string{"animals"}},
		{"jeg kunne godt tænke mig noget med hunde, fx hundeluftning", []string{"animals"}},
		{"dyreinternat i weekenden", []string{"animals"}},
		{"dyrinternat", []string{"animals"}},
		{"noget med heste eller katte", []string{"animals"}},
		{"I love animals and being outdoors", []string{"animals", "outdoor_scouting"}},
		{"jeg vil gerne arbejde på et plejehjem", []string{"elderly"}},
		{"hjaelpe aeldre paa plejehjem", []string{"elderly"}},
		{"hjalpe aldre", []string{"elderly"}},
		{"lektiecafé for børn", []string{"children_youth", "homework_help"}},
		{"lektiecafe", []string{"homework_help"}},
		{"jeg går op i madspild og klima", []string{"food", "climate"}},
		{"jeg er klimaaktivist", []string{"climate"}},
		{"vil gerne tage et førstehjælpskursus", []string{"health_firstaid"}},
		{"forstehjalp", []string{"health_firstaid"}},
		{"I want to learn first aid", []string{"health_firstaid"}},
		{"I'm into coding and gaming", []string{"digital_tech"}},
		{"helping homeless people with food", []string{"homeless_poverty", "food"}},
		{"I'd like to volunteer at a festival", []string{"events_festivals"}},
		{"jeg spiller guitar i et band", []string{"culture_arts"}},
		{"IT hjælp til ældre", []string{"elderly", "digital_tech"}},
		{"noget med flygtninge, måske lektiehjælp", []string{"homework_help", "refugees"}},
		{"jeg vil gerne være besøgsven for en ensom ældre", []string{"elderly", "loneliness"}},
		{"Røde Kors genbrugsbutik", []string{"charity_shop"}},
		{"indsamling for Kræftens Bekæmpelse", []string{"fundraising"}},
		{"unge med autisme", []string{"children_youth", "disability"}},
		{"mental sundhed", []string{"mental_health"}},
		{"sundhed", []string{"health_firstaid"}},
		{"ikke sport, men gerne dyr", []string{"animals"}},
		{"jeg ved ikke, måske noget med natur", []string{"nature"}},
		{"jeg har ingen erfaring med dyr men vil gerne", []string{"animals"}},
		{"hjælpe til i et suppekøkken", []string{"homeless_poverty", "food"}},
		{"jeg vil gerne hjælpe ukrainske flygtninge", []string{"refugees"}},
		{"frivillig i udlandet", []string{"international"}},
		{"samle skrald på stranden", []string{"nature"}},
		{"jeg dyrker meget sport", []string{"sports"}},
		{"hjælpe med at plante træer", []string{"nature"}},
		{"Jeg spiller fodbold og vil gerne træne nogle små børn", []string{"children_youth", "sports"}},
		{"fodbolt", []string{"sports"}},
		{"flygtige flygninge", []string{"refugees"}},
		{"beredskab og katastrofehjælp lyder fedt", []string{"emergency"}},
		{"udviklingslande", []string{"international"}},
		{"noget med kunstig intelligens", []string{"digital_tech"}},
		{"jeg vil gerne lære ældre at bruge deres mobil", []string{"elderly", "digital_tech"}},
		{"pigespejder", []string{"outdoor_scouting"}},
		{"frivillig på Roskilde Festival", []string{"events_festivals"}},
		{"sprogcafé for nye danskere", []string{"refugees"}},
		{"gå tur med ældre", []string{"elderly"}},
		{"kids and sports", []string{"children_youth", "sports"}},
		{"LGBT+ rettigheder", []string{"democracy_rights"}},
		{"musikfestival", []string{"events_festivals"}},
		{"ungdomspolitik", []string{"democracy_rights"}},
		{"jeg hader madspild", []string{"food"}},
		{"I hate racism", []string{"democracy_rights"}},
		{"jeg hader at dyr bliver behandlet dårligt", []string{"animals"}},
		{"hjælpe folk uden hjem", []string{"homeless_poverty"}},
		{"psykisk sundhed hos unge", []string{"children_youth", "mental_health"}},
		{"kunne godt tænke mig at være fodboldtræner for nogle drenge", []string{"children_youth", "sports"}},
		{"noget med mad til folk der ikke har råd", []string{"homeless_poverty", "food"}},
		{"jeg vil gerne redde mad fra skraldespanden", []string{"food"}},
		{"im 15 n i like helping old ppl", []string{"elderly"}},
		{"I'd love to help out with a food bank", []string{"homeless_poverty", "food"}},
		{"være noget for nogen der er alene", []string{"loneliness"}},
		{"dyrehospital", []string{"animals"}},
		{"noget med gamle", []string{"elderly"}},
	}
	for _, tt := range tests {
		got := Parse(tt.text).Interests
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q).Interests = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestInterestFalseFriends covers words that look like an interest stem
// but are something else.
func TestInterestFalseFriends(t *testing.T) {
	for _, text := range []string{
		"det er for dyrt for mig",
		"jeg har hundrede ting at lave",
		"naturligvis vil jeg gerne hjælpe",
		"i løbet af ugen",
		"eventuelt på tirsdag",
		"jeg trænger til en pause",
		"jeg ved ikke rigtig hvad jeg vil",
		"idk lol",
		"det er en katastrofe",
		"I want to help it grow",
		"jeg kan ikke lide børn",
		"I was born in 2008",
		"min skat",
		"det var tidsspild",
		"jeg hader sport",
		"I hate kids lol",
		"jeg går i gymnasiet",
		"I'm so mad at him",
		"skal man have børneattest?",
		"jeg arbejder i en butik",
	} {
		if got := Parse(text).Interests; len(got) != 0 {
			t.Errorf("Parse(%q).Interests = %v, want none", text, got)
		}
	}
}

func TestTaxonomyNamesParse(t *testing.T) {
	for _, in := range Interests() {
		for _, name := range []string{in.Da, in.En, strings.ToLower(in.Da)} {
			if got := Parse(name).Interests; !slices.Contains(got, in.ID) {
				t.Errorf("Parse(%q).Interests = %v, want it to contain %s", name, got, in.ID)
			}
		}
	}
}

func TestTaxonomy(t *testing.T) {
	all := Interests()
	if len(all) != 23 {
		t.Fatalf("len(Interests()) = %d, want 23", len(all))
	}
	if all[0].ID != "children_youth" || all[22].ID != "fundraising" {
		t.Errorf("taxonomy order changed: first %s, last %s", all[0].ID, all[22].ID)
	}
	all[0].ID = "mutated"
	if Interests()[0].ID != "children_youth" {
		t.Error("Interests() must return a copy")
	}
	in, ok := InterestByID("animals")
	if !ok || in.Da != "Dyr" || in.En != "Animals" {
		t.Errorf("InterestByID(animals) = %+v, %v", in, ok)
	}
	if _, ok := InterestByID("nope"); ok {
		t.Error("InterestByID(nope) found something")
	}
}

func TestInterestWords(t *testing.T) {
	tests := []struct {
		text, id, want string
	}{
		{"jeg elsker dyr", "animals", "dyr"},
		{"Jeg elsker HUNDE og katte", "animals", "HUNDE, katte"},
		{"IT og teknologi", "digital_tech", "IT, teknologi"},
		{"hjaelpe aeldre", "elderly", "aeldre"},
		{"I love animals", "animals", "animals"},
	}
	for _, tt := range tests {
		got := Parse(tt.text).InterestWords[tt.id]
		if got != tt.want {
			t.Errorf("Parse(%q).InterestWords[%s] = %q, want %q", tt.text, tt.id, got, tt.want)
		}
	}
	if w := Parse("hej").InterestWords; w != nil {
		t.Errorf("InterestWords = %v, want nil without interests", w)
	}
}

func days(ds string, parts ...string) []string {
	var out []string
	for _, d := range strings.Split(ds, ",") {
		for _, p := range parts {
			out = append(out, d+"_"+p)
		}
	}
	return out
}

var (
	allParts3 = []string{"morning", "afternoon", "evening"}
	week      = "mon,tue,wed,thu,fri,sat,sun"
	workWeek  = "mon,tue,wed,thu,fri"
)

func TestSlots(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"måske lørdag", days("sat", allParts3...)},
		{"har tid i weekenden", days("sat,sun", allParts3...)},
		{"weekender", days("sat,sun", allParts3...)},
		{"i weekenderne", days("sat,sun", allParts3...)},
		{"lørdag og søndag", days("sat,sun", allParts3...)},
		{"på hverdagene", days(workWeek, allParts3...)},
		{"weekdays", days(workWeek, allParts3...)},
		{"kun tirsdag aften", days("tue", "evening")},
		{"hverdage efter skole", days(workWeek, "afternoon")},
		{"I'm free on Saturday mornings", days("sat", "morning")},
		{"onsdag og torsdag eftermiddag", days("wed,thu", "afternoon")},
		{"fredag eftermiddag og søndag formiddag", []string{"fri_afternoon", "sun_morning"}},
		{"om aftenen nogle gange", days(week, "evening")},
		{"evenings", days(week, "evening")},
		{"om eftermiddagen", days(week, "afternoon")},
		{"free weekday evenings", days(workWeek, "evening")},
		{"tirsdage og torsdage", days("tue,thu", allParts3...)},
		{"man-fre", days(workWeek, allParts3...)},
		{"mandag til fredag om aftenen", days(workWeek, "evening")},
		{"tirs og tors", days("tue,thu", allParts3...)},
		{"lør", days("sat", allParts3...)},
		{"mon and wed", days("mon,wed", allParts3...)},
		{"lørdag eftermiddag og aften", days("sat", "afternoon", "evening")},
		{"om aftenen og i weekenden", append(days("mon,tue,wed,thu,fri", "evening"), days("sat,sun", allParts3...)...)},
		{"fredagsaften", days("fri", "evening")},
		{"hele tiden", days(week, allParts3...)},
		{"når som helst", days(week, allParts3...)},
		{"anytime", days(week, allParts3...)},
		{"whenever", days(week, allParts3...)},
		{"efter skole", days(workWeek, "afternoon")},
		{"kl 16-18 på tirsdage", days("tue", "afternoon", "evening")},
		{"onsdag efter kl. 17", days("wed", "evening")},
		{"lordag", days("sat", allParts3...)},
		{"sondag eftermidag", days("sun", "afternoon")},
		{"onsdg aften", days("wed", "evening")},
		{"I can do tuesday nights", days("tue", "evening")},
		{"afternoons on weekdays", days(workWeek, "afternoon")},
		{"om aftenen på hverdage", days(workWeek, "evening")},
		{"ikke i weekenden", days(workWeek, allParts3...)},
		{"alle dage undtagen fredag", days("mon,tue,wed,thu,sat,sun", allParts3...)},
		{"tirsdag og torsdag eftermiddag, lørdag formiddag", []string{"tue_afternoon", "thu_afternoon", "sat_morning"}},
		{"fra 17 til 20 på torsdage", days("thu", "evening")},
		{"tirsdag 15-17", days("tue", "afternoon")},
		{"after 6pm on weekdays", days(workWeek, "evening")},
		{"weekends and weekday evenings", append(days(workWeek, "evening"), days("sat,sun", allParts3...)...)},
		{"jeg kan tirsdag, men kun om aftenen", days("tue", "evening")},
		{"lørdage fra morgen til aften", days("sat", allParts3...)},
		{"gerne i weekenden men ikke søndag", days("sat", allParts3...)},
		{"søn", days("sun", allParts3...)},
		{"Mon, Wed, Fri", days("mon,wed,fri", allParts3...)},
		{"mandag-onsdag", days("mon,tue,wed", allParts3...)},
	}
	for _, tt := range tests {
		got := Parse(tt.text).Slots
		want := sortSlots(tt.want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Parse(%q).Slots = %v, want %v", tt.text, got, want)
		}
	}
}

// sortSlots orders slots the way Result does: by day, then part.
func sortSlots(in []string) []string {
	order := map[string]int{}
	for i, d := range dayCodes {
		for j, p := range partCodes {
			order[d+"_"+p] = i*3 + j
		}
	}
	out := slices.Clone(in)
	slices.SortFunc(out, func(a, b string) int { return order[a] - order[b] })
	return out
}

func TestNoSlots(t *testing.T) {
	for _, text := range []string{
		"man kan jo prøve", "min søn er 5", "I sat down", "i morgen", "godmorgen",
		"2 timer om dagen", "jeg har fri", "hej", "jeg er 16", "god aften",
		"jeg har altid elsket dyr", "en gang i ugen", "13-17 år",
	} {
		if got := Parse(text).Slots; len(got) != 0 {
			t.Errorf("Parse(%q).Slots = %v, want none", text, got)
		}
	}
}

func TestCommitment(t *testing.T) {
	tests := []struct{ text, want string }{
		{"bare en enkelt dag, ikke noget fast", "one_off"},
		{"bare én gang", "one_off"},
		{"engang", "one_off"},
		{"ikke noget fast", "one_off"},
		{"nothing regular please", "one_off"},
		{"one-off", "one_off"},
		{"one time thing", "one_off"},
		{"just once", "one_off"},
		{"en dag", "one_off"},
		{"gerne noget fast hver uge", "recurring"},
		{"ugentligt", "recurring"},
		{"every week", "recurring"},
		{"regularly", "recurring"},
		{"weekly", "recurring"},
		{"en gang om ugen", "recurring"},
		{"en dag om ugen", "recurring"},
		{"once a week", "recurring"},
		{"i sommerferien har jeg tid et par uger", "short_term"},
		{"for a few weeks", "short_term"},
		{"over the summer", "short_term"},
		{"en måned", "short_term"},
		{"kort tid", "short_term"},
		{"hver uge i sommerferien", "short_term"},
		{"kun en dag i sommerferien", "one_off"},
		{"ikke noget fast, måske et par uger i sommer", "short_term"},
		{"en lørdag om måneden", "recurring"},
		{"every other week", "recurring"},
		{"jeg sidder fast", ""},
		{"nogle gange", ""},
		{"I learn fast", ""},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Commitment; got != tt.want {
			t.Errorf("Parse(%q).Commitment = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestGroup(t *testing.T) {
	tests := []struct{ text, want string }{
		{"jeg vil gerne gøre det alene", "alone"},
		{"selv", "alone"},
		{"by myself", "alone"},
		{"on my own", "alone"},
		{"for mig selv", "alone"},
		{"Kan jeg tage min veninde med?", "with_friend"},
		{"min bedste ven vil også", "with_friend"},
		{"tage en ven med", "with_friend"},
		{"with a friend", "with_friend"},
		{"my friend wants to join", "with_friend"},
		{"mig og min kammerat", "with_friend"},
		{"vil helst være sammen med min klasse", "group"},
		{"sammen med mine venner", "group"},
		{"klimaet er vigtigt for mig og jeg vil gerne være aktiv med mine venner", "group"},
		{"flere venner", "group"},
		{"vi er 4", "group"},
		{"with my friends", "group"},
		{"my class", "group"},
		{"our team", "group"},
		{"vores spejdertrop", "group"},
		{"vennegruppe", "group"},
		{"jeg går i 9. klasse", ""},
		{"jeg vil ikke være alene", ""},
		{"mental sundhed, fordi jeg selv har haft det svært", ""},
		{"jeg har tænkt på at skade mig selv", ""},
		{"jeg vil gerne få nye venner", ""},
		{"alene eller med en ven", "with_friend"},
		{"min kæreste og jeg", "with_friend"},
		{"jeg tager ikke nogen med", "alone"},
		{"me and 3 friends", "group"},
		{"vi er 4 venner", "group"},
		{"jeg vil gerne være træner for et fodboldhold", ""},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Group; got != tt.want {
			t.Errorf("Parse(%q).Group = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestAge(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"jeg er 16", 16},
		{"16 år", 16},
		{"16", 16},
		{"16!", 16},
		{"I'm 19", 19},
		{"im 19", 19},
		{"I am 19 years old", 19},
		{"19 years old", 19},
		{"jeg fylder 15", 15},
		{"jeg er 12", 12},
		{"jeg er 13", 13},
		{"jeg er kun 14", 14},
		{"jeg er femten", 15},
		{"16år", 16},
		{"jeg er en 16-årig pige", 16},
		{"age 22", 22},
		{"dyr og natur, weekender, jeg er 14", 14},
		{"Hej! Jeg er 15 og elsker dyr", 15},
		{"jeg er 17 år og bor på Nørrebro i København", 17},
		{"kl 16", 0},
		{"kl. 16.30", 0},
		{"16:30", 0},
		{"2 timer", 0},
		{"2300", 0},
		{"jeg har spillet fodbold i 10 år", 0},
		{"min bror er 12", 0},
		{"for 5 år siden", 0},
		{"I'm 5 minutes away", 0},
		{"vi er 4", 0},
		{"jeg går i 9. klasse", 0},
		{"børn på 6-10 år", 0},
		{"er det okay at jeg kun er 12?", 12},
		{"min lillesøster er 10 og jeg er 14", 14},
		{"tirsdag 15-17", 0},
		{"jeg har en hund på 5 år", 0},
		{"jeg bor i Esbjerg og er 16", 16},
		{"min bror bor i Esbjerg og er 12", 0},
		{"min bror fylder 12", 0},
		{"jeg bliver 14 i næste uge", 14},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Age; got != tt.want {
			t.Errorf("Parse(%q).Age = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestPlace(t *testing.T) {
	tests := []struct{ text, postcode, muni string }{
		{"Jeg bor i 8000 Aarhus C", "8000", "Aarhus"},
		{"2300", "2300", "København"},
		{"jeg er 16 og bor i 2300", "2300", "København"},
		{"bor i odense", "", "Odense"},
		{"jeg er 17 år og bor på Nørrebro i København", "", "København"},
		{"I'm 19, live in Aalborg", "", "Aalborg"},
		{"Copenhagen", "", "København"},
		{"kbh", "", "København"},
		{"jeg bor i kobenhavn", "", "København"},
		{"norrebro", "", "København"},
		{"bor i Valby", "", "København"},
		{"fra Vejle", "", "Vejle"},
		{"jeg bor i Ry", "", "Skanderborg"},
		{"jeg bor tæt på Odense", "", "Odense"},
		{"I'm from Aarhus", "", "Aarhus"},
		{"8000 men bor nu i Odense", "8000", "Aarhus"},
		{"jeg er fra Aarhus men bor i Odense", "", "Odense"},
		{"I live in 2000", "2000", "Frederiksberg"},
		// ordinary words that are also town names
		{"jeg er træt af at være i vejen", "", ""},
		{"jeg vil give dig noget", "", ""},
		{"I want to help them", "", ""},
		{"jeg kom til skade", "", ""},
		{"festivaler!! roskilde eller smukfest", "", ""},
		{"frivillig på Roskilde Festival", "", ""},
		// numbers that are not postcodes
		{"født i 2008", "", ""},
		{"jeg er født i 1998", "", ""},
		{"bor i 1999", "1999", "Frederiksberg"},
		{"jeg har 1000 kr", "", ""},
		{"kl 1600", "", ""},
		{"0123", "", ""},
		{"1234", "1234", "København"},
	}
	for _, tt := range tests {
		r := Parse(tt.text)
		if r.Postcode != tt.postcode || r.Municipality != tt.muni {
			t.Errorf("Parse(%q) = postcode %q municipality %q, want %q %q", tt.text, r.Postcode, r.Municipality, tt.postcode, tt.muni)
		}
	}
}

func TestCrisis(t *testing.T) {
	tests := []struct{ text, kind string }{
		{"jeg har tænkt på at skade mig selv", "self_harm"},
		{"jeg vil skaede mig selv", "self_harm"},
		{"jeg skade mig sev", "self_harm"},
		{"jeg cutter", "self_harm"},
		{"jeg har cuttet mig", "self_harm"},
		{"jeg skærer i mig selv", "self_harm"},
		{"I want to hurt myself", "self_harm"},
		{"I've been self harming", "self_harm"},
		{"selvskade", "self_harm"},
		{"nogle gange har jeg ikke lyst til at leve mere", "suicide"},
		{"jeg har ik lyst til at leve", "suicide"},
		{"jeg vil dø", "suicide"},
		{"jeg vil doe", "suicide"},
		{"jeg vil slå mig selv ihjel", "suicide"},
		{"slaa mig selv ihjel", "suicide"},
		{"tænker på at tage mit eget liv", "suicide"},
		{"jeg tænker på selvmord", "suicide"},
		{"selvmor", "suicide"},
		{"jeg har selvmordstanker", "suicide"},
		{"jeg vil ikke være her mere", "suicide"},
		{"I want to end my life", "suicide"},
		{"I want to kill myself", "suicide"},
		{"I don't want to live anymore", "suicide"},
		{"dont want to be alive", "suicide"},
		{"I want to die", "suicide"},
		{"i wanna die", "suicide"},
		{"kms", "suicide"},
		{"suicidal", "suicide"},
		{"livet er ikke værd at leve", "suicide"},
		{"jeg har det fint, ikke selvmordstanker", "suicide"},
		{"min far slår mig når han er fuld", "violence"},
		{"min stedfar slår mig", "violence"},
		{"mor slaar mig", "violence"},
		{"min kæreste slår mig", "violence"},
		{"hun slog mig", "violence"},
		{"min stedfar rører ved mig", "sexual_abuse"},
		{"jeg bliver misbrugt", "sexual_abuse"},
		{"my dad hits me", "violence"},
		{"my boyfriend abuses me", "abuse"},
		{"jeg bliver slået derhjemme", "violence"},
		{"der er vold derhjemme", "violence"},
		{"min far slår min mor", "violence"},
		{"I get beaten at home", "violence"},
		{"jeg er i fare", "danger"},
		{"nogen vil skade mig", "danger"},
		{"jeg er bange for at han gør mig noget", "danger"},
		{"I'm in danger", "danger"},
		{"jeg tør ikke gå hjem", "danger"},
		{"I'm scared to go home", "danger"},
		{"jeg tænker tit på at dø", "suicide"},
		{"jeg er træt af livet", "suicide"},
		{"ingen vil savne mig", "suicide"},
		{"jeg har taget en masse piller", "suicide"},
		{"min far drikker og slår", "violence"},
		{"jeg får tæsk af min far", "violence"},
		{"my uncle touches me and I don't like it", "sexual_abuse"},
		{"jeg bliver afpresset", "danger"},
		{"nogle gange har jeg lyst til at forsvinde", "suicide"},
		{"I feel like ending it", "suicide"},
		{"jeg skærer i mine arme", "self_harm"},
	}
	for _, tt := range tests {
		r := Parse(tt.text)
		if !r.Crisis || r.CrisisKind != tt.kind {
			t.Errorf("Parse(%q) crisis = %v %q, want true %q", tt.text, r.Crisis, r.CrisisKind, tt.kind)
		}
	}
}

// TestNoCrisis holds everyday idioms and interest talk that mention
// death, hitting or harm without any danger.
func TestNoCrisis(t *testing.T) {
	for _, text := range []string{
		"jeg er dødtræt af skolen haha",
		"jeg er dødtræt",
		"jeg keder mig ihjel derhjemme",
		"død af grin",
		"jeg dør af grin",
		"jeg døde af grin",
		"vi griner os ihjel",
		"jeg griner mig ihjel",
		"det er dræbende kedeligt",
		"vi slår tiden ihjel",
		"mine forældre slår sig ned i Jylland",
		"jeg slog op med min kæreste",
		"vil slå et slag for klimaet",
		"det slår mig at der er mange ensomme",
		"min bror slår mig altid i fifa",
		"han slår mig i skak",
		"jeg er ved at dø af sult",
		"det er ved at slå mig ihjel",
		"this homework is killing me",
		"I'm dead lol",
		"you're killing it",
		"I could die laughing",
		"I'm dying to try it",
		"I want to die of embarrassment",
		"mental sundhed, fordi jeg selv har haft det svært",
		"jeg vil gerne hjælpe på Livslinien",
		"jeg cutter videoer til youtube",
		"jeg skar mig på en kniv",
		"jeg vil gerne hjælpe børn der bliver mobbet",
		"hjælpe kvinder der har været udsat for vold",
		"jeg er bange for at han ikke kan lide mig",
		"jeg er bange for edderkopper",
		"dyr i fare",
		"min mor bakker mig op",
		"jeg vil ikke være alene",
		"I hurt myself playing football",
		"jeg er 16 og bor i Aarhus",
		"kan jeg skabe noget selv",
		"haha du slår mig ihjel",
		"my mom is gonna kill me lol",
		"I'm cutting vegetables",
		"jeg er ved at dø af kedsomhed",
		"this class is killing me",
		"I want to die laughing",
		"min mor bakker mig op",
		"my parents forced me to do my homework",
		"jeg har ikke noget sted at være kreativ",
		"skolen slår mig ihjel",
		"mine forældre tvinger mig til at gå til fodbold",
		"min mor skubber mig til at søge frivilligt arbejde",
	} {
		if r := Parse(text); r.Crisis {
			t.Errorf("Parse(%q) flagged crisis %q", text, r.CrisisKind)
		}
	}
}

func TestIntents(t *testing.T) {
	tests := []struct{ text, want string }{
		{"start forfra", "restart"},
		{"kan vi starte forfra?", "restart"},
		{"restart", "restart"},
		{"skift tid", "change_time"},
		{"change time", "change_time"},
		{"skift sted", "change_place"},
		{"jeg er flyttet", "change_place"},
		{"change location", "change_place"},
		{"skift interesser", "change_interests"},
		{"andre interesser", "change_interests"},
		{"ændre alder", "change_age"},
		{"jeg vil ændre hvem jeg kommer med", "change_group"},
		{"hvad ved du om mig", "what_stored"},
		{"hvad gemmer du", "what_stored"},
		{"what do you store", "what_stored"},
		{"slet mine data", "delete_data"},
		{"delete my data", "delete_data"},
		{"tilbage til frivillighed", "back_to_volunteering"},
		{"ja", "yes"},
		{"jep", "yes"},
		{"jaaaa", "yes"},
		{"ok", "yes"},
		{"klart", "yes"},
		{"yeah", "yes"},
		{"sure", "yes"},
		{"gerne", "yes"},
		{"lad os gøre det", "yes"},
		{"hej, ja det vil jeg gerne", "yes"},
		{"nej", "no"},
		{"nope", "no"},
		{"ikke nu", "no"},
		{"vis flere", "more"},
		{"flere", "more"},
		{"show more", "more"},
		{"hjælp", "help"},
		{"hvad kan du", "help"},
		{"?", "help"},
		{"hej", "greeting"},
		{"heyyy", "greeting"},
		{"godmorgen", "greeting"},
		{"yo", "greeting"},
		{"ved ikke", "dont_know"},
		{"idk", "dont_know"},
		{"aner det ikke", "dont_know"},
		{"ingen idé", "dont_know"},
		{"don't know", "dont_know"},
		{"no idea", "dont_know"},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Intents; !slices.Contains(got, tt.want) {
			t.Errorf("Parse(%q).Intents = %v, want %s", tt.text, got, tt.want)
		}
	}
	for _, tt := range []struct{ text, not string }{
		{"jeg vil gerne hjælpe ældre", "help"},
		{"flere venner", "more"},
		{"no idea", "no"},
		{"jeg er ret sikker", "yes"},
		{"det er jo fedt", "yes"},
	} {
		if got := Parse(tt.text).Intents; slices.Contains(got, tt.not) {
			t.Errorf("Parse(%q).Intents = %v, must not contain %s", tt.text, got, tt.not)
		}
	}
}

func TestLang(t *testing.T) {
	tests := []struct{ text, want string }{
		{"I'm free on Saturday mornings", "en"},
		{"I want to learn first aid", "en"},
		{"jeg vil gerne hjælpe ældre", "da"},
		{"musik og teater", "da"},
		{"hjælpe ældre på plejehjem", "da"},
		{"2300", ""},
		{"16", ""},
		{"ok", ""},
	}
	for _, tt := range tests {
		if got := Parse(tt.text).Lang; got != tt.want {
			t.Errorf("Parse(%q).Lang = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestOnline(t *testing.T) {
	for text, want := range map[string]bool{
		"gerne noget online":          true,
		"jeg vil helst hjemmefra":     true,
		"remote volunteering":         true,
		"ikke online, hellere fysisk": false,
		"jeg vil gerne hjælpe ældre":  false,
	} {
		if got := Parse(text).Online; got != want {
			t.Errorf("Parse(%q).Online = %v, want %v", text, got, want)
		}
	}
}

// TestNeverNil checks the JSON contract: lists are never null and come in
// a stable order.
func TestNeverNil(t *testing.T) {
	for _, text := range []string{"", "   ", "😀", "?", "16", "dyr", "weekend", strings.Repeat("a ", 500)} {
		r := Parse(text)
		if r.Interests == nil || r.Slots == nil {
			t.Errorf("Parse(%q): nil Interests or Slots", text)
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `"interests":null`) || strings.Contains(string(b), `"slots":null`) {
			t.Errorf("Parse(%q) marshals null lists: %s", text, b)
		}
	}
}

func TestStableOrder(t *testing.T) {
	text := "natur, dyr, børn og musik, søndag aften og mandag morgen, fredag eftermiddag"
	r := Parse(text)
	if want := []string{"children_youth", "nature", "animals", "culture_arts"}; !reflect.DeepEqual(r.Interests, want) {
		t.Errorf("Interests = %v, want taxonomy order %v", r.Interests, want)
	}
	if want := []string{"mon_morning", "fri_afternoon", "sun_evening"}; !reflect.DeepEqual(r.Slots, want) {
		t.Errorf("Slots = %v, want %v", r.Slots, want)
	}
	for range 20 {
		if again := Parse(text); !reflect.DeepEqual(again, r) {
			t.Fatalf("Parse is not deterministic: %+v vs %+v", again, r)
		}
	}
}

func TestJSONFieldNames(t *testing.T) {
	b, err := json.Marshal(Parse("Hej, jeg er 16, bor i 2300 og vil gerne noget med dyr lørdag"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"interests", "slots", "commitment", "group", "age", "postcode", "municipality", "crisis", "lang", "intents", "interest_words"} {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q: %s", k, b)
		}
	}
}

// FuzzParse checks that any input parses without panicking and keeps the
// result's invariants.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"Hej! Jeg er 15 og elsker dyr", "kl. 16.30-18", "man-fre", "8000 Aarhus C", "?", "",
		"jeg vil skade mig selv", "9. klasse", "’’''--..", "æøå ÆØÅ", "5pm-8pm sat",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := Parse(s)
		if r.Interests == nil || r.Slots == nil {
			t.Fatalf("nil lists for %q", s)
		}
		if !slices.Equal(r.Slots, sortSlots(r.Slots)) {
			t.Fatalf("slots out of order for %q: %v", s, r.Slots)
		}
		if r.Crisis != (r.CrisisKind != "") {
			t.Fatalf("crisis %v with kind %q for %q", r.Crisis, r.CrisisKind, s)
		}
		for _, id := range r.Interests {
			if _, ok := InterestByID(id); !ok {
				t.Fatalf("unknown interest %q for %q", id, s)
			}
		}
	})
}
