package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/brobygger/brobygger/match"
)

// classArchetypes are class outings: tasks a whole school class (25–30
// pupils of 13–16 with their teacher) can do together on one school
// morning or afternoon, so a teacher's class plan has something near the
// school with a date to book. They are one-off, open to 13-year-olds
// without a child certificate, and their dates are the weekdays the
// organisation takes a class, with notice to book. Between them they
// cover every interest. Like extraArchetypes they are never drawn for
// other organisations; classOutings gives them their own.
var classArchetypes = asClassOutings([]archetype{
	{
		key: "naturrydning", interests: ss("nature", "climate", "outdoor_scouting"),
		titles:    ss("Ryd op i naturen {in area} med hele klassen", "Affaldsjagt i naturen for en hel klasse {in area}"),
		summaries: ss("Saml plastik og skrald på strande, stier og søbredder en formiddag – hele klassen på én gang.", "En skoleformiddag i naturen, hvor klassen samler affald og tæller, hvad I finder."),
		body: ss("Langs strande, stier og søbredder {in area} ligger der plastik, dåser og cigaretskod, som skader fugle og fisk.",
			"Klassen bliver delt i hold med sække og griberstænger, og hvert hold får sit eget stykke at rydde.",
			"Alt, I finder, bliver vejet og registreret, så I kan se, hvad der flyder mest rundt.",
			"Til sidst samles vi om bålet, hvor naturvejlederen fortæller, hvor affaldet kommer fra."),
		firstWhat: ss("Book en formiddag til klassen hos naturlauget"),
		spots:     ss("Ved P-pladsen ved naturstien, {addr}", "Ved naturlaugets skur, {addr}"),
		role:      "naturvejleder",
		dates:     classDates("09:00-12:30", ss("tue", "wed", "thu"), 2, ss("2027-01-11/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Vi har sække, handsker og griberstænger til 30, så I skal bare have tøj på til vejret.",
	},
	{
		key: "klasseskov", interests: ss("climate", "nature"),
		titles:    ss("Plant træer med hele klassen {in area}", "Klassen planter skov {in area}"),
		summaries: ss("Plant hundredvis af små træer på en skoleformiddag og gør byen grønnere – hele klassen sammen.", "En formiddag med spade og støvler, hvor klassen planter en ny skov."),
		body: ss("{org} planter ny skov og læhegn på marker og grønne arealer {in area}, og hvert træ binder CO2 i mange år.",
			"Vi viser jer, hvordan man planter, og så arbejder I to og to med en spade og et bundt små træer.",
			"En skoleklasse kan nå at plante 500-800 træer på en formiddag.",
			"Når I kommer tilbage om et par år, kan I se jeres egen skov vokse."),
		firstWhat: ss("Book en planteformiddag til klassen"),
		spots:     ss("Ved plantepladsen, mødested ved P-pladsen, {addr}", "Ved foreningens container, {addr}"),
		role:      "projektleder",
		// Trees are planted in the frost-free months of late autumn and spring.
		dates: classDates("08:30-12:30", ss("tue", "thu"), 1, ss("2026-12-08/2026-12-18", "2027-03-01/2027-04-30", "2027-10-25/2027-11-26")),
		note:  "Vi har spader og handsker til alle; I skal bare have gummistøvler og varmt tøj på.",
	},
	{
		key: "kagesalg", interests: ss("fundraising", "food", "children_youth"),
		titles:    ss("Bag og sælg kager for {org} med hele klassen", "Kagesalg {in area}: klassen samler ind til sommerlejre"),
		summaries: ss("Klassen bager og sælger kager på torvet – pengene sender børn fra familier med få penge på sommerlejr.", "Bag, sælg og saml ind, så flere børn kommer på sommerlejr."),
		body: ss("{org} sender hvert år børn fra familier med få penge på en uges sommerlejr, og en stor del af pengene kommer fra kagesalg.",
			"Klassen bager hjemme dagen før, og på dagen står I i boden på torvet {in area} og sælger på skift.",
			"Vi har bod, skilte og indsamlingsbøsser, så I skal kun tage kagerne med.",
			"En klasse samler typisk 3.000-5.000 kroner ind på en formiddag, og det er nok til at sende et par børn af sted."),
		firstWhat: ss("Book en salgsdag til klassen"),
		spots:     ss("Ved boden på torvet, {addr}", "Ved fondens lokale, hvor boden hentes, {addr}"),
		role:      "indsamlingsansvarlig",
		dates:     classDates("10:00-13:30", ss("thu", "fri"), 2, ss("2026-12-08/2026-12-18", "2027-03-01/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Fonden står for tilladelsen til at stå på torvet, så I skal ikke søge om noget selv.",
		notice:    10 * 24,
	},
	{
		key: "plejecenter-spil", interests: ss("elderly", "loneliness"),
		titles:    ss("Spileftermiddag på plejecentret {in area} for hele klassen", "Klassen holder spil og hygge for de ældre {in area}"),
		summaries: ss("Spil kort, banko og kroket med beboerne på et plejecenter – en eftermiddag, hvor hele klassen er med.", "Tag klassen med på plejecenter og giv de ældre en eftermiddag med spil og snak."),
		body: ss("Mange af beboerne på plejecentret {in area} får sjældent besøg, og en eftermiddag med unge mennesker bliver der talt om i ugevis.",
			"I sidder i små grupper med beboerne og spiller kort, ludo, banko eller kroket i haven, når vejret er til det.",
			"Nogle klasser synger et par sange eller tager billeder med fra skolen, som beboerne kan se.",
			"I behøver ikke være gode til at snakke med ældre, for spillene gør det nemt, og personalet hjælper jer i gang."),
		firstWhat: ss("Book en spileftermiddag til klassen"),
		spots:     ss("I plejecentrets fælleshus, {addr}", "Ved hovedindgangen til plejecentret, {addr}"),
		role:      "aktivitetsleder",
		dates:     classDates("12:30-14:30", ss("mon", "tue", "wed", "thu"), 2, ss("2026-12-08/2026-12-18", "2027-01-04/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Nogle beboere har demens, så personalet fortæller jer kort, hvordan I bedst snakker med dem, før I går i gang.",
	},
	{
		key: "genbrug-lager", interests: ss("charity_shop", "climate"),
		titles:    ss("Sortér donationer på genbrugslageret {in area} med klassen", "Klassen sorterer tøj og ting til genbrugsbutikkerne {in area}"),
		summaries: ss("Pak kasser ud og sortér tøj, legetøj og køkkenting til butikkerne – en skoleformiddag for hele klassen.", "Giv tøj og ting et nyt liv: klassen sorterer donationer på lageret."),
		body: ss("Hver uge kommer der hundredvis af kasser med tøj, bøger, legetøj og køkkenting ind på genbrugslageret {in area}.",
			"Klassen bliver delt ud på stationer med tøj, bøger, legetøj og porcelæn, og ved hver station er der en fast frivillig.",
			"Det, der kan sælges, får en pris og bliver sendt ud i butikkerne, og resten går til genanvendelse.",
			"Overskuddet fra butikkerne går til velgørende formål, og på tavlen kan I se, hvor meget I har sorteret."),
		firstWhat: ss("Book en sorteringsformiddag til klassen"),
		spots:     ss("Ved lagerets port i gården, {addr}", "I sorteringshallen bag butikken, {addr}"),
		role:      "lageransvarlig",
		dates:     classDates("09:00-12:30", ss("mon", "wed", "fri"), 2, ss("2026-12-08/2026-12-18", "2027-01-04/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Vi har handsker til alle, og ingen skal løfte tunge kasser – dem klarer de faste frivillige.",
	},
	{
		key: "boernesportsdag", interests: ss("sports", "children_youth", "events_festivals"),
		titles:    ss("Stå for en sportsdag for børnehavebørn {in area} med klassen", "Klassen laver sportsdag for de mindste {in area}"),
		summaries: ss("Byg forhindringsbaner, styr boldlege og hep på børnehavebørn, når idrætsklubben holder sportsdag.", "Hele klassen hjælper, når de mindste prøver kræfter med sport."),
		body: ss("Idrætsklubben {in area} inviterer byens børnehaver til sportsdag, og de mindste elsker at blive vist rundt af store børn.",
			"Klassen deler sig ud på poster med forhindringsbane, boldkast, sækkeløb og dans, og hver post har et par elever som ansvarlige.",
			"Dagen slutter med medaljer til alle børnene, og dem deler I selv ud.",
			"Trænerne fra klubben viser jer posterne om morgenen, før børnehaverne kommer."),
		firstWhat: ss("Book en sportsdag til klassen"),
		spots:     ss("Ved klubhuset ved banerne, {addr}", "I idrætshallens forhal, {addr}"),
		role:      "stævneleder",
		dates:     classDates("09:00-12:30", ss("tue", "wed", "thu"), 2, ss("2027-01-11/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Børnehavernes pædagoger og jeres lærer er med hele tiden, så I er aldrig alene med børnene, og til en enkelt dag beder klubben ikke om børneattest.",
	},
	{
		key: "madbank-pakkedag", interests: ss("food", "homeless_poverty"),
		titles:    ss("Pak madkasser i madbanken {in area} med hele klassen", "Klassen pakker madkasser til familier med få penge"),
		summaries: ss("Sortér overskudsmad fra butikker og pak madkasser til familier med få penge – en skoleformiddag for hele klassen.", "Red god mad fra skraldespanden og pak den til dem, der har brug for den."),
		body: ss("Madbanken {in area} henter overskudsmad hos butikker og grossister og pakker den i kasser til familier, der har svært ved at få pengene til at slå til.",
			"Klassen sorterer frugt, grønt og tørvarer, tjekker datoer og pakker kasserne efter en liste.",
			"Om eftermiddagen bliver kasserne hentet af de familier, der er tilmeldt, og I kan se, hvor mange I har pakket.",
			"I lærer samtidig en masse om madspild, og om hvor meget god mad der ellers ville blive smidt ud."),
		firstWhat: ss("Book en pakkeformiddag til klassen"),
		spots:     ss("Ved madbankens lager, indgang fra gården, {addr}", "Ved læsserampen bag madbanken, {addr}"),
		role:      "uddelingsansvarlig",
		dates:     classDates("09:00-12:30", ss("mon", "tue", "wed"), 2, ss("2026-12-08/2026-12-18", "2027-01-04/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Ingen af jer møder de familier, der får kasserne, så ingen behøver at være bange for at se nogen, de kender.",
	},
	{
		key: "laeseeftermiddag", interests: ss("children_youth", "homework_help", "culture_arts"),
		titles:    ss("Læseeftermiddag på biblioteket {in area}: klassen læser for de yngste", "Læs højt for de yngste elever på biblioteket med hele klassen"),
		summaries: ss("Læs billedbøger og tegneserier højt for børn fra 0.–2. klasse på biblioteket – en eftermiddag for hele klassen.", "Klassen læser højt for de små og får dem til at glæde sig til at læse selv."),
		body: ss("Biblioteket {in area} inviterer de yngste elever fra byens skoler til læseeftermiddag, hvor store elever læser højt for dem.",
			"I sidder to og to med en lille gruppe børn, læser højt og snakker om bøgerne, og bibliotekarerne hjælper jer med at vælge.",
			"Bagefter kan børnene låne de bøger, I har læst, med hjem.",
			"Mange klasser slutter af med en lille oplæsning eller et skuespil for alle børnene."),
		firstWhat: ss("Book en læseeftermiddag til klassen"),
		spots:     ss("I børnebiblioteket, {addr}", "Ved bibliotekets hovedindgang, {addr}"),
		role:      "læsevejleder",
		dates:     classDates("12:30-14:30", ss("tue", "wed", "thu"), 2, ss("2026-12-08/2026-12-18", "2027-01-11/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Bibliotekarerne og lærerne er med hele tiden, så I er aldrig alene med børnene, og til en enkelt eftermiddag beder biblioteket ikke om børneattest.",
	},
	{
		key: "toejdepot", interests: ss("refugees", "international", "charity_shop"),
		titles:    ss("Klassen sorterer tøj til nyankomne flygtninge {in area}", "Tøjdepotet for flygtninge {in area}: en formiddag for hele klassen"),
		summaries: ss("Sortér tøj, sko og vinterjakker efter størrelse, så nyankomne familier kan finde det, de mangler.", "Hjælp nyankomne familier med tøj, sko og varme vinterjakker – hele klassen sammen."),
		body: ss("{org} har et tøjdepot {in area}, hvor familier, der er flygtet til Danmark, gratis kan få tøj, sko og sengetøj.",
			"Klassen pakker donationer ud, sorterer efter størrelse og årstid og hænger tøjet op, så det er nemt at finde.",
			"Nogle gange kommer der familier forbi, mens I er der, og så hjælper I dem med at finde den rigtige størrelse.",
			"Til sidst får I en kop te og hører fra en af de frivillige, der selv kom til Danmark som flygtning."),
		firstWhat: ss("Book en formiddag i tøjdepotet til klassen"),
		spots:     ss("Ved indgangen til tøjdepotet, {addr}", "I gården bag velkomsthuset, {addr}"),
		role:      "depotchef",
		dates:     classDates("09:00-12:30", ss("tue", "wed", "thu"), 2, ss("2026-12-08/2026-12-18", "2027-01-04/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Vi fortæller jer på forhånd, hvordan I møder familierne med respekt, og ingen af dem bliver fotograferet.",
	},
	{
		key: "bondegaard-arbejdsdag", interests: ss("animals", "nature"),
		titles:    ss("Arbejdsdag på bondegården {in area} for hele klassen", "Klassen muger ud og fodrer dyr på bondegården {in area}"),
		summaries: ss("Fodr geder og høns, mug ud hos grisene og reparér hegn på en lille bondegård – en skoleformiddag for hele klassen.", "En formiddag med dyr, møg og gummistøvler på byens bondegård."),
		body: ss("{org} har en lille bondegård {in area} med geder, grise, høns og kaniner, som byens børn kan besøge.",
			"Klassen bliver delt i hold, der skiftes til at fodre dyrene, muge ud, strø halm og reparere hegn.",
			"Dyrepasserne fortæller om dyrene undervejs, og I får lov at holde kaninerne og kæle for gederne.",
			"Om vinteren er der ekstra meget at lave, fordi dyrene står mere inde."),
		firstWhat: ss("Book en arbejdsdag på bondegården til klassen"),
		spots:     ss("Ved gårdens port, {addr}", "Ved staldene, {addr}"),
		role:      "dyrepasser",
		dates:     classDates("09:00-12:30", ss("mon", "tue", "thu", "fri"), 2, ss("2027-01-04/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Tag tøj og støvler på, der må blive beskidte, og sig til på forhånd, hvis nogen i klassen er allergiske over for dyr.",
	},
	{
		key: "figurant-oevelse", interests: ss("emergency", "health_firstaid"),
		titles:    ss("Førstehjælp og figurant ved beredskabsøvelse {in area} for hele klassen", "Klassen spiller tilskadekomne ved en beredskabsøvelse {in area}"),
		summaries: ss("Lær hjertelungeredning om morgenen, og spil sminkede tilskadekomne, når beredskabet øver – en dag for hele klassen.", "Lær førstehjælp, og hjælp beredskabet med at øve sig på rigtige mennesker."),
		body: ss("Når {org} øver redning efter ulykker {in area}, har de brug for figuranter, altså mennesker, der spiller tilskadekomne.",
			"Om morgenen lærer klassen hjertelungeredning og aflåst sideleje på dukker, og bagefter bliver I sminket med sår og skrammer.",
			"Under øvelsen spiller I jeres roller, mens redningsfolkene øver sig i at finde, hjælpe og bære jer.",
			"Mange synes, det er den mest spændende skoledag, de har haft, og alle går hjem med et kursusbevis i hjertelungeredning."),
		firstWhat: ss("Book en øvelsesdag til klassen"),
		spots:     ss("Ved beredskabets øvelsesplads, {addr}", "Ved undervisningslokalet på brandstationen, {addr}"),
		role:      "øvelsesleder",
		// Exercises are planned weeks ahead, about once a month.
		dates:  classDates("08:30-13:00", ss("tue", "wed", "thu"), 4, ss("2027-01-11/2027-06-18", "2027-08-16/2027-11-26")),
		note:   "Sminken kan vaskes af, ingen kommer til skade, og en instruktør holder øje med hele klassen under øvelsen.",
		notice: 14 * 24,
	},
	{
		key: "it-cafe-klasse", interests: ss("digital_tech", "elderly"),
		titles:    ss("IT-café for seniorer {in area}: klassen hjælper med mobil og tablet", "Klassen holder IT-café for de ældre {in area}"),
		summaries: ss("Hjælp ældre med at sende billeder, ringe video og bruge apps på mobil og tablet – en formiddag for hele klassen.", "Vær tålmodig IT-hjælper for en senior en hel formiddag."),
		body: ss("Mange ældre {in area} har fået en smartphone eller en tablet, men har ingen at spørge, når den driller.",
			"Hver elev eller hvert par får en senior ved bordet og hjælper med det, seniorerne gerne vil lære: billeder, videoopkald, beskeder eller bibliotekets app.",
			"Det vigtigste er tålmodighed, altså at vise det i et roligt tempo og lade seniorerne selv trykke.",
			"Seniorerne har tit historier med, så det bliver lige så meget en snak som en IT-time."),
		firstWhat: ss("Book en IT-café til klassen"),
		spots:     ss("I IT-caféen på biblioteket, {addr}", "I aktivitetscentrets café, {addr}"),
		role:      "IT-café-ansvarlig",
		dates:     classDates("10:00-12:00", ss("mon", "tue", "wed", "thu"), 2, ss("2026-12-08/2026-12-18", "2027-01-04/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "For at passe på seniorerne hjælper I aldrig med MitID, netbank eller adgangskoder – det tager de faste frivillige sig af.",
	},
	{
		key: "tilgaengelighed", interests: ss("disability", "democracy_rights", "digital_tech"),
		titles:    ss("Kortlæg tilgængeligheden {in area} med hele klassen", "Klassen tester byen i kørestol og kortlægger trapper og ramper {in area}"),
		summaries: ss("Gå byen igennem med kørestolsbrugere, registrér trapper, ramper og tunge døre i en app, og giv resultatet til kommunen.", "Find ud af, hvor byen spærrer for mennesker med handicap, og sig det til dem, der bestemmer."),
		body: ss("{org} arbejder for en by, hvor alle kan komme ind i butikker, biografer og på biblioteket – også i kørestol, med rollator eller med dårligt syn.",
			"Klassen går rundt i hold sammen med foreningens medlemmer og registrerer trapper, ramper, kantsten og tunge døre i en app på jeres telefoner.",
			"Nogle af jer prøver selv at komme rundt i kørestol eller med bind for øjnene, så I mærker, hvor det er svært.",
			"Resultaterne bliver til et kort, som foreningen fremlægger for kommunens handicapråd, og klassen kan være med, når det sker."),
		firstWhat: ss("Book en kortlægningsdag til klassen"),
		spots:     ss("Ved foreningens lokale, {addr}", "I foreningens mødelokale, {addr}"),
		role:      "projektkoordinator",
		dates:     classDates("09:00-13:00", ss("tue", "wed", "thu"), 2, ss("2027-01-11/2027-06-18", "2027-08-16/2027-11-26")),
		note:      "Alle hold går sammen med en fra foreningen, og appen gemmer kun steder, aldrig navne eller billeder af mennesker.",
	},
	{
		key: "trivselsloeb", interests: ss("mental_health", "events_festivals", "sports"),
		titles:    ss("Hjælp til Trivselsløbet {in area} med hele klassen", "Klassen passer poster og hepper ved et løb for trivsel {in area}"),
		summaries: ss("Sæt ruten op, pas væskeposter og hep på løberne, når {org} holder løb for åbenhed om psykisk trivsel.", "Løb, hep og snak om trivsel – en dag for hele klassen."),
		body: ss("{org} holder Trivselsløbet {in area} for skoler, foreninger og alle, der vil sætte psykisk trivsel på dagsordenen.",
			"Klassen sætter ruten op, passer væskeposter og en heppezone og løber eller går selv den sidste runde.",
			"Ved målet står foreningens frivillige, som selv har prøvet at have det svært, og fortæller, hvad der hjalp dem.",
			"Alt, der bliver samlet ind på dagen, går til foreningens samtalegrupper for unge."),
		firstWhat: ss("Book en løbsdag til klassen"),
		spots:     ss("Ved start og mål i parken, {addr}", "Ved foreningens telt ved startområdet, {addr}"),
		role:      "eventkoordinator",
		// The run is held about once a month, with a few schools each time.
		dates:  classDates("09:00-13:00", ss("wed", "thu", "fri"), 4, ss("2027-02-01/2027-06-18", "2027-08-16/2027-11-26")),
		note:   "Ingen skal fortælle om sig selv, og hvis snakken om trivsel vækker noget, står foreningens frivillige klar bagefter.",
		notice: 14 * 24,
	},
})

// asClassOutings fills in what every class outing shares: a whole class
// of up to 30, from 13 with no child certificate, once, and a week's
// notice to book unless the archetype asks for more.
// classMinGroup is the smallest group a class outing takes: a small
// class is welcome, a young person alone or a few friends are not, since
// the task is planned, staffed and written for a class.
const classMinGroup = 10

func asClassOutings(list []archetype) []archetype {
	for i := range list {
		a := &list[i]
		a.class = true
		a.commitment = oneOff
		a.minAge = 13
		// A Danish class has at most 28 pupils (30 by exception), so an
		// outing that takes 30 takes any class with its teachers.
		a.group = g(30, 30)
		if a.notice == 0 {
			a.notice = 7 * 24
		}
	}
	return list
}

var classSteps = map[string]firstStep{
	"naturrydning": {
		da:      "Book en formiddag, hvor klassen rydder op i naturen – jeres lærer aftaler dagen med naturvejlederen",
		title:   "Nature clean-up for the whole class",
		summary: "Pick up plastic and litter on beaches, paths and lake shores one morning – the whole class at once.",
		body:    "Along the beaches, paths and lake shores {in area} there are plastic, cans and cigarette butts that harm birds and fish. The class is split into teams with bags and litter pickers, and each team gets its own stretch to clear.",
		what:    "Book a morning when the class clears up nature – your teacher agrees the day with the nature guide",
		spots:   ss("At the car park by the nature trail, {addr}", "By the nature association's shed, {addr}"),
		note:    "We have bags, gloves and litter pickers for 30, so all you need is clothes for the weather.",
	},
	"klasseskov": {
		da:      "Book en planteformiddag til klassen – jeres lærer aftaler dagen med projektlederen",
		title:   "Plant trees with your whole class",
		summary: "Plant hundreds of small trees on a school morning and make the area greener – the whole class together.",
		body:    "{org} plants new woodland and shelterbelts on fields and green spaces {in area}, and every tree stores CO2 for many years. We show you how to plant, and then you work in pairs with a spade and a bundle of saplings.",
		what:    "Book a planting morning for the class – your teacher agrees the day with the project manager",
		spots:   ss("At the planting site, meeting point by the car park, {addr}", "By the association's container, {addr}"),
		note:    "We have spades and gloves for everyone; just wear wellies and warm clothes.",
	},
	"kagesalg": {
		da:      "Book en salgsdag til klassen – jeres lærer aftaler dagen og antallet af kager med fonden",
		title:   "Bake and sell cakes for summer camps with your class",
		summary: "The class bakes and sells cakes in the square – the money sends children from low-income families to summer camp.",
		body:    "{org} sends children from low-income families on a week of summer camp every year, and much of the money comes from bake sales. The class bakes at home the day before, and on the day you take turns selling at the stall in the square {in area}.",
		what:    "Book a sale day for the class – your teacher agrees the day and the number of cakes with the fund",
		spots:   ss("At the stall in the square, {addr}", "At the fund's premises, where the stall is collected, {addr}"),
		note:    "The fund takes care of the permit to stand in the square, so you don't need to apply for anything yourselves.",
	},
	"plejecenter-spil": {
		da:      "Book en spileftermiddag på plejecentret til klassen – jeres lærer aftaler dagen med aktivitetslederen",
		title:   "Games afternoon at a care home for the whole class",
		summary: "Play cards, bingo and croquet with the residents of a care home – an afternoon the whole class takes part in.",
		body:    "Many residents of the care home {in area} rarely have visitors, and an afternoon with young people is talked about for weeks. You sit in small groups with the residents and play cards, ludo, bingo or croquet in the garden when the weather allows.",
		what:    "Book a games afternoon at the care home for the class – your teacher agrees the day with the activity leader",
		spots:   ss("In the care home's common house, {addr}", "At the main entrance of the care home, {addr}"),
		note:    "Some residents have dementia, so the staff briefly tell you how best to talk with them before you start.",
	},
	"genbrug-lager": {
		da:      "Book en sorteringsformiddag på lageret til klassen – jeres lærer aftaler dagen med den lageransvarlige",
		title:   "Sort donations at the second-hand warehouse with your class",
		summary: "Unpack boxes and sort clothes, toys and kitchenware for the shops – a school morning for the whole class.",
		body:    "Every week hundreds of boxes of clothes, books, toys and kitchenware arrive at the second-hand warehouse {in area}. The class is split across stations for clothes, books, toys and china, and each station has a regular volunteer.",
		what:    "Book a sorting morning at the warehouse for the class – your teacher agrees the day with the stock manager",
		spots:   ss("At the warehouse gate in the courtyard, {addr}", "In the sorting hall behind the shop, {addr}"),
		note:    "We have gloves for everyone, and nobody has to lift heavy boxes – the regular volunteers handle those.",
	},
	"boernesportsdag": {
		da:      "Book en sportsdag, hvor klassen står for posterne – jeres lærer aftaler dagen med stævnelederen",
		title:   "Run a sports day for kindergarten children with your class",
		summary: "Build obstacle courses, lead ball games and cheer on kindergarten children at the sports club's sports day.",
		body:    "The sports club {in area} invites the town's kindergartens to a sports day, and the little ones love being shown around by big kids. The class spreads out over stations with an obstacle course, ball throwing, sack races and dance, with a few pupils in charge of each.",
		what:    "Book a sports day where the class runs the stations – your teacher agrees the day with the tournament director",
		spots:   ss("At the clubhouse by the pitches, {addr}", "In the sports hall lobby, {addr}"),
		note:    "The kindergartens' staff and your teacher are there the whole time, so you are never alone with the children, and for a single day the club does not ask for a child protection certificate (børneattest).",
	},
	"madbank-pakkedag": {
		da:      "Book en pakkeformiddag i madbanken til klassen – jeres lærer aftaler dagen med den uddelingsansvarlige",
		title:   "Pack food boxes at the food bank with your class",
		summary: "Sort surplus food from shops and pack boxes for low-income families – a school morning for the whole class.",
		body:    "The food bank {in area} collects surplus food from shops and wholesalers and packs it into boxes for families who struggle to make ends meet. The class sorts fruit, vegetables and dry goods, checks dates and packs the boxes from a list.",
		what:    "Book a packing morning at the food bank for the class – your teacher agrees the day with the distribution lead",
		spots:   ss("At the food bank's store, entrance from the courtyard, {addr}", "At the loading bay behind the food bank, {addr}"),
		note:    "None of you meet the families who receive the boxes, so nobody has to worry about seeing someone they know.",
	},
	"laeseeftermiddag": {
		da:      "Book en læseeftermiddag på biblioteket til klassen – jeres lærer aftaler dagen med læsevejlederen",
		title:   "Reading afternoon at the library: read to younger children with your class",
		summary: "Read picture books and comics aloud to children from reception to year 2 at the library – an afternoon for the whole class.",
		body:    "The library {in area} invites the youngest pupils from local schools to reading afternoons, where older pupils read aloud to them. You sit in pairs with a small group of children, read aloud and talk about the books, and the librarians help you choose.",
		what:    "Book a reading afternoon at the library for the class – your teacher agrees the day with the reading coach",
		spots:   ss("In the children's library, {addr}", "At the library's main entrance, {addr}"),
		note:    "The librarians and teachers are there the whole time, so you are never alone with the children, and for a single afternoon the library does not ask for a child protection certificate (børneattest).",
	},
	"toejdepot": {
		da:      "Book en formiddag i tøjdepotet til klassen – jeres lærer aftaler dagen med depotchefen",
		title:   "Sort clothes for newly arrived refugees with your class",
		summary: "Sort clothes, shoes and winter coats by size, so newly arrived families can find what they need.",
		body:    "{org} has a clothing depot {in area} where families who have fled to Denmark can get clothes, shoes and bedding for free. The class unpacks donations, sorts them by size and season and hangs the clothes up so they are easy to find.",
		what:    "Book a morning at the clothing depot for the class – your teacher agrees the day with the depot manager",
		spots:   ss("At the entrance to the clothing depot, {addr}", "In the courtyard behind the welcome house, {addr}"),
		note:    "We tell you beforehand how to meet the families with respect, and none of them are photographed.",
	},
	"bondegaard-arbejdsdag": {
		da:      "Book en arbejdsdag på bondegården til klassen – jeres lærer aftaler dagen med dyrepasseren",
		title:   "Work day at the city farm for the whole class",
		summary: "Feed goats and hens, muck out the pigs and mend fences at a small farm – a school morning for the whole class.",
		body:    "{org} runs a small farm {in area} with goats, pigs, hens and rabbits that local children can visit. The class is split into teams that take turns feeding the animals, mucking out, spreading straw and mending fences.",
		what:    "Book a work day at the farm for the class – your teacher agrees the day with the animal keeper",
		spots:   ss("At the farm gate, {addr}", "By the stables, {addr}"),
		note:    "Wear clothes and boots that can get dirty, and tell us beforehand if anyone in the class is allergic to animals.",
	},
	"figurant-oevelse": {
		da:      "Book en øvelsesdag til klassen – jeres lærer aftaler dagen med øvelseslederen",
		title:   "First aid and playing casualties in an emergency exercise – for the whole class",
		summary: "Learn CPR in the morning, then play made-up casualties when the emergency volunteers train – a day for the whole class.",
		body:    "When {org} trains rescues after accidents {in area}, they need casualty actors: people who play the injured. In the morning the class learns CPR and the recovery position on dummies, and then you get made up with cuts and bruises.",
		what:    "Book an exercise day for the class – your teacher agrees the day with the exercise director",
		spots:   ss("At the emergency service's training ground, {addr}", "At the classroom in the fire station, {addr}"),
		note:    "The make-up washes off, nobody gets hurt, and an instructor keeps an eye on the whole class during the exercise.",
	},
	"it-cafe-klasse": {
		da:      "Book en IT-café til klassen – jeres lærer aftaler dagen med den IT-café-ansvarlige",
		title:   "IT café for seniors: your class helps with phones and tablets",
		summary: "Help older people send photos, make video calls and use apps on phones and tablets – a morning for the whole class.",
		body:    "Many older people {in area} have a smartphone or tablet but nobody to ask when it plays up. Each pupil or pair gets a senior at the table and helps with what they want to learn: photos, video calls, messages or the library app.",
		what:    "Book an IT café for the class – your teacher agrees the day with the IT café lead",
		spots:   ss("In the IT café at the library, {addr}", "In the activity centre's café, {addr}"),
		note:    "To protect the seniors, you never help with MitID, online banking or passwords – the regular volunteers take care of that.",
	},
	"tilgaengelighed": {
		da:      "Book en kortlægningsdag til klassen – jeres lærer aftaler dagen med projektkoordinatoren",
		title:   "Map how accessible your town is with your class",
		summary: "Walk the town with wheelchair users, log steps, ramps and heavy doors in an app, and hand the results to the council.",
		body:    "{org} works for a town where everyone can get into shops, cinemas and the library – in a wheelchair, with a walker or with poor eyesight too. The class walks around in teams with the association's members and logs steps, ramps, kerbs and heavy doors in an app on your phones.",
		what:    "Book a mapping day for the class – your teacher agrees the day with the project coordinator",
		spots:   ss("At the association's premises, {addr}", "In the association's meeting room, {addr}"),
		note:    "Every team walks with someone from the association, and the app only stores places, never names or pictures of people.",
	},
	"trivselsloeb": {
		da:      "Book en løbsdag til klassen – jeres lærer aftaler dagen med eventkoordinatoren",
		title:   "Help at a run for mental wellbeing with your class",
		summary: "Set up the route, run drink stations and cheer on the runners at a run for openness about mental health.",
		body:    "{org} holds a wellbeing run {in area} for schools, clubs and anyone who wants to put mental health on the agenda. The class sets up the route, runs drink stations and a cheering zone, and runs or walks the last lap themselves.",
		what:    "Book a run day for the class – your teacher agrees the day with the events coordinator",
		spots:   ss("At the start and finish in the park, {addr}", "By the association's tent at the start area, {addr}"),
		note:    "Nobody has to share anything about themselves, and if the talk about wellbeing stirs something up, the association's volunteers are there afterwards.",
	},
}

// classHosts names, per class archetype, the fictional organisation that
// takes classes in each town ({town} is the municipality) and says what
// it is.
var classHosts = map[string]struct{ name, description string }{
	"naturrydning":          {"Naturlauget {town}", "En lille naturforening, der passer på strande, skove og stier i og omkring {town}."},
	"klasseskov":            {"Klimaskoven {town}", "En forening, der planter skov og læhegn sammen med lodsejere og kommunen i {town}."},
	"kagesalg":              {"Ferielejrfonden {town}", "En lokal fond, der sender børn fra familier med få penge i {town} på sommerlejr."},
	"plejecenter-spil":      {"Aktivitetsvennerne {town}", "Frivillige, der laver aktiviteter og fællesskab på plejecentrene i {town}."},
	"genbrug-lager":         {"Genbrugslageret {town}", "Et velgørende genbrugslager, hvor donationer bliver sorteret til genbrugsbutikkerne i {town}."},
	"boernesportsdag":       {"Børneidrætten {town}", "En idrætsforening, der holder sportsdage og stævner for de mindste børn i {town}."},
	"madbank-pakkedag":      {"Madbanken {town}", "En madbank, der redder overskudsmad og pakker den til familier med få penge i {town}."},
	"laeseeftermiddag":      {"Læselyst {town}", "Frivillige, der sammen med bibliotekerne i {town} giver børn lyst til at læse."},
	"toejdepot":             {"Velkomsthuset {town}", "Et velkomststed for flygtninge og nyankomne familier i {town} med tøjdepot, sprogcafé og rådgivning."},
	"bondegaard-arbejdsdag": {"Bondegårdslauget {town}", "Foreningen bag en lille bondegård i {town}, hvor byens børn kan komme tæt på dyrene."},
	"figurant-oevelse":      {"Frivilligt Beredskab {town}", "Frivillige, der træner førstehjælp og redning og stiller op, når {town} holder beredskabsøvelse."},
	"it-cafe-klasse":        {"IT-vennerne {town}", "Frivillige, der hjælper ældre i {town} med mobil, tablet og computer."},
	"tilgaengelighed":       {"Adgang for Alle {town}", "Mennesker med og uden handicap, der kortlægger og arbejder for et {town}, hvor alle kan komme rundt."},
	"trivselsloeb":          {"Åbent Sind {town}", "En forening for mennesker med psykisk sårbarhed og deres pårørende, der arbejder for åbenhed om psykisk trivsel i {town}."},
}

// classRotation is the order classOutings hands the class outings out in:
// neighbours in it are about different things, so three outings in a row,
// as a town gets them, rarely share even a second interest.
var classRotation = ss(
	"naturrydning", "plejecenter-spil", "boernesportsdag", "toejdepot", "it-cafe-klasse", "figurant-oevelse", "bondegaard-arbejdsdag",
	"kagesalg", "tilgaengelighed", "klasseskov", "laeseeftermiddag", "madbank-pakkedag", "trivselsloeb", "genbrug-lager",
)

// classOutingsIn is how many class outings a municipality gets: three
// everywhere, so a teacher's class plan always has its three, and more in
// the largest cities, whose schools lie far apart.
func classOutingsIn(municipality string) int {
	switch municipality {
	case "København":
		return 6
	case "Aarhus", "Odense", "Aalborg":
		return 4
	}
	return 3
}

var surnames = []string{
	"Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
	"Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
	"Johansen", "Møller", "Mortensen", "Knudsen", "Jakobsen", "Mikkelsen", "Ahmadi", "Yilmaz",
}

// classOutings builds the class outings of every municipality the sample
// has places in, with the organisation that hosts each. The archetypes are
// handed out in turn (classRotation) over the municipalities in name order, so each
// municipality gets outings with different main interests and every
// archetype is used in many towns. They come after every other
// organisation, so no older opportunity changes.
func (g *generator) classOutings() ([]org, []match.Opportunity, error) {
	var rotation []archetype
	for _, key := range classRotation {
		i := slices.IndexFunc(classArchetypes, func(a archetype) bool { return a.key == key })
		if i < 0 {
			return nil, nil, fmt.Errorf("class rotation names unknown class outing %s", key)
		}
		rotation = append(rotation, classArchetypes[i])
	}
	if len(rotation) != len(classArchetypes) || len(slices.Compact(slices.Sorted(slices.Values(classRotation)))) != len(classArchetypes) {
		return nil, nil, fmt.Errorf("class rotation must name every class outing once")
	}
	var hosts []org
	var opps []match.Opportunity
	next := 0
	for _, muni := range slices.Sorted(maps.Keys(places)) {
		hoods := places[muni]
		for j := range classOutingsIn(muni) {
			a := rotation[next%len(rotation)]
			next++
			host, ok := classHosts[a.key]
			if !ok {
				return nil, nil, fmt.Errorf("class outing %s has no host", a.key)
			}
			town := strings.NewReplacer("{town}", muni)
			o := org{
				name: town.Replace(host.name), municipality: muni, description: town.Replace(host.description),
				contactName: g.pick(firstNames) + " " + g.pick(surnames), contactRole: a.role,
				themes: []string{a.interests[0]},
			}
			hosts = append(hosts, o)
			addr := g.address(hoods[j%len(hoods)])
			id := "opp-" + slug(o.name) + "-" + a.key
			opps = append(opps, g.build(id, "org-"+slug(o.name), o, a, addr))
		}
	}
	return hosts, opps, nil
}

// schoolHolidays are the days Danish schools are closed between December
// 2026 and November 2027 (winter holiday is week 7 in some municipalities
// and week 8 in others, so both are left out).
var schoolHolidays = [][2]string{
	{"2026-12-19", "2027-01-03"}, // Christmas
	{"2027-02-13", "2027-02-28"}, // winter holiday, weeks 7 and 8
	{"2027-03-20", "2027-03-29"}, // Easter
	{"2027-05-06", "2027-05-07"}, // Ascension Day and the Friday after
	{"2027-05-17", "2027-05-17"}, // Whit Monday
	{"2027-06-19", "2027-08-10"}, // summer holiday
	{"2027-10-16", "2027-10-24"}, // autumn holiday, week 42
}

func schoolHoliday(day string) bool {
	for _, h := range schoolHolidays {
		if day >= h[0] && day <= h[1] {
			return true
		}
	}
	return false
}

// classDates writes the candidate dated schedules of a class outing: for
// each of the weekdays, and for each start within the cycle, every
// every-th school week's day in the seasons ("2027-01-11/2027-06-18"),
// at span ("09:00-12:30"). Holidays are skipped without counting.
func classDates(span string, weekdays []string, every int, seasons []string) []string {
	var out []string
	for _, day := range weekdays {
		wd := time.Weekday((dayIndex(day) + 1) % 7)
		for offset := range every {
			var events []string
			n := 0
			for _, season := range seasons {
				from, to, _ := strings.Cut(season, "/")
				for d := mustDate(from, "12:00"); d.Format("2006-01-02") <= to; d = d.AddDate(0, 0, 1) {
					date := d.Format("2006-01-02")
					if d.Weekday() != wd || schoolHoliday(date) {
						continue
					}
					if n%every == offset {
						events = append(events, date+" "+span)
					}
					n++
				}
			}
			out = append(out, strings.Join(events, "|"))
		}
	}
	return out
}

// classContactLines say whom the class books with and who meets it.
var classContactLines = []contactLine{
	{"Jeres lærer booker dagen hos {contact} ({role})", "Your teacher books the day with {contact} ({role})"},
	{"Book dagen hos {contact} ({role})", "Book the day with {contact} ({role})"},
	{"{contact} ({role}) tager imod klassen", "{contact} ({role}) will welcome the class"},
}

// welcomeClass and meetClass replace the welcome and meeting sentences in
// a class outing's description: they speak to a class, not to one
// newcomer.
var welcomeClass = []string{
	"Hele klassen kan være med på én gang, og ingen behøver erfaring.",
	"Vi deler klassen i små hold, så alle har noget at lave hele tiden.",
	"Dagen er lagt til rette, så den passer ind i en almindelig skoledag.",
	"Alle kan være med, også dem, der aldrig har været frivillige før.",
}

var welcomeClassEn = []string{
	"The whole class can take part at once, and nobody needs any experience.",
	"We split the class into small teams, so everyone has something to do the whole time.",
	"The day is planned to fit into an ordinary school day.",
	"Everyone can join in, including those who have never volunteered before.",
}

var meetClass = []string{
	"{contact}, som er {role}, tager imod jer og fortæller, hvad dagen går ud på.",
	"Det er {contact} ({role}), der møder klassen og viser jer rundt.",
	"{contact} er {role} og aftaler dagen med jeres lærer, så I ved, hvad I skal, når I kommer.",
}

var meetClassEn = []string{
	"{contact} will welcome you and explain what the day is about.",
	"{contact} will meet the class and show you around.",
	"{contact} agrees the day with your teacher, so you know what to do when you arrive.",
}
