package main

// centre is an organisation added after the first sample catalog: its tasks
// are listed by hand rather than drawn, so that every interest is within
// reach in the big towns at varied times, and the islands and rural areas
// get something honest nearby. Centres come after orgs, so the draws that
// give the older organisations their tasks (and ids) are untouched.
type centre struct {
	name         string
	municipality string
	description  string
	contactName  string
	contactRole  string
	// tasks are archetype keys, each with optional weekly sessions that
	// replace the archetype's candidates: "key@sat 10:00-13:00", or a
	// choice of shifts "key@tue 15:00-17:00|thu 17:30-19:30|sat 10:00-13:00".
	tasks []string
}

var centres = []centre{
	{"Frivilligcentralen København", "København", "Byens frivilligcentral, der samler små foreninger og giver nye frivillige et sted at starte.", "Lærke Dahl", "frivilligkoordinator",
		ss("handicapridning@sat 09:00-12:00", "svoemmehjaelper@wed 16:30-17:30", "plejehjemscafe@sun 14:00-16:00", "faellesspisning-vaert@sun 16:00-19:00",
			"sprogcafe@mon 17:00-19:00", "minitraener@tue 16:00-17:00", "klubaften-udviklingshaemning@wed 18:00-21:00")},
	{"Frivilligcentralen Aarhus", "Aarhus", "Aarhus' frivilligcentral: en dør ind til byens foreninger for alle, der vil give en hånd.", "Jens Overgaard", "frivilligkoordinator",
		ss("reparationscafe@tue 18:00-21:00", "gaamakker@sun 14:00-15:30", "it-seniorer@thu 15:00-17:00", "soeskendegruppe@sat 10:00-13:00",
			"eftersoegning@wed 19:00-21:30", "forsyningshold@tue 18:30-21:00", "svoemmehjaelper@sun 10:00-11:30", "minitraener@mon 16:00-17:00")},
	{"Frivilligcentralen Odense", "Odense", "Odenses frivilligcentral, hvor foreninger og nye frivillige finder hinanden.", "Rikke Holm", "frivilligkoordinator",
		ss("landsindsamling", "loppemarked", "kreativt-vaerksted@sat 11:00-14:00", "gaa-snak@wed 16:30-18:00", "hundeluftning@sat 10:00-13:00",
			"kattepasning@thu 15:30-17:30", "international-cafe@thu 19:00-22:00", "genbrug-ekspedient@sat 10:00-14:00", "genbrug-sortering@tue 15:00-17:30")},
	{"Frivilligcentralen Aalborg", "Aalborg", "Aalborgs frivilligcentral: små og store opgaver i alle byens foreninger.", "Mette Kjærgaard", "frivilligkoordinator",
		ss("minitraener@wed 16:00-17:00", "minitraener@mon 16:30-17:30", "lektiecafe@tue 15:00-17:00", "klubaften-udviklingshaemning@fri 18:00-21:30",
			"sprogcafe@wed 17:00-19:00", "foerstehjaelp-kursus", "eftersoegning@mon 19:00-21:30", "kodeklub@thu 15:30-17:00",
			"international-cafe@wed 19:00-22:00", "spejderleder@tue 17:30-19:30", "ungepanel@wed 17:00-19:00", "svoemmehjaelper@sat 09:00-10:30")},
	{"Frivilligcentralen Esbjerg", "Esbjerg", "Esbjergs frivilligcentral, der hjælper nye frivillige godt i gang i byens foreninger.", "Kristina Bach", "frivilligkoordinator",
		ss("it-seniorer@tue 15:00-17:00", "it-seniorer@sat 10:00-12:00", "folkekoekken@wed 15:30-19:30", "madbank-uddeling@thu 15:00-17:30",
			"lektiecafe@mon 15:00-17:00", "gaamakker@wed 15:30-17:00", "loebemakker@mon 17:00-18:00", "sprogcafe@tue 16:30-18:30",
			"hundeluftning@sun 10:00-13:00", "forsyningshold@thu 18:30-21:00", "kodeklub@wed 16:00-17:30", "international-cafe@fri 18:00-22:00")},
	{"Frivilligcentralen Vejle", "Vejle", "Vejles frivilligcentral: en samlet indgang til frivilligt arbejde i byen og oplandet.", "Bente Lund", "frivilligkoordinator",
		ss("genbrug-ekspedient@sat 10:00-14:00", "lektiecafe@wed 14:30-16:30", "plejehjemscafe@sat 14:00-16:00", "ungecafe@fri 18:00-21:00",
			"gaa-snak@mon 16:30-18:00", "handicapridning@tue 16:00-18:00", "sprogcafe@thu 17:00-19:00", "gadeteam@thu 19:00-22:00",
			"folkekoekken@tue 15:00-19:00", "bydyrepark@sun 08:30-11:30", "foerstehjaelp-kursus", "eftersoegning@wed 19:00-21:30",
			"debatcafe@tue 16:30-18:30", "international-cafe@wed 19:00-22:00")},
	{"Frivilligcentralen Frederiksberg", "Frederiksberg", "Frederiksbergs frivilligcentral, der finder den rette forening til dig.", "Anne Mørch", "frivilligkoordinator",
		ss("kulturcafe@thu 18:30-22:30", "gaa-snak@sun 11:00-12:30", "klubaften-udviklingshaemning@mon 18:00-21:00", "sprogcafe@wed 17:00-19:00",
			"faelleshave@sat 10:00-12:30", "reparationscafe@sun 12:00-15:00", "hvalpe-socialisering@sat 13:00-15:00", "loebemakker@wed 17:00-18:00",
			"spejderleder@wed 17:00-19:00", "foerstehjaelp-kursus", "forsyningshold@tue 18:30-21:00", "genbrug-sortering@sat 09:30-12:00", "landsindsamling")},

	// Islands and rural areas: a few tasks close by, so a young person there
	// is not sent across the water.
	{"Bornholms Frivilligcenter", "Bornholm", "Frivilligcentret i Rønne, der samler øens foreninger om fællesskab, natur og gode formål.", "Sofie Kofoed", "frivilligkoordinator",
		ss("strandrydning", "plejehjemscafe@sat 14:00-16:00", "lektiecafe@tue 15:00-17:00", "genbrug-ekspedient@sat 10:00-14:00", "hundeluftning@sun 10:00-13:00")},
	{"Ærø Frivillige", "Ærø", "Små og store frivillige opgaver på Ærø – fra strandrydning til kaffe med øens ældre.", "Niels Ærbo", "formand",
		ss("strandrydning", "plejehjemscafe@sun 14:00-16:00", "genbrug-ekspedient@thu 15:00-18:00")},
	{"Samsø Fællesskab", "Samsø", "Øens frivillige fællesskab om mad, natur og naboskab.", "Karen Tranberg", "tovholder",
		ss("faelleshave@sat 10:00-12:30", "plejehjemscafe@wed 15:00-17:00", "madbank-uddeling@fri 14:00-16:30")},
	{"Lolland Frivilligcenter", "Lolland", "Frivilligcentret på Lolland med opgaver i Nakskov, Maribo og omegn.", "Tina Friis", "frivilligkoordinator",
		ss("madbank-uddeling@thu 15:00-17:30", "lektie-nyankomne@mon 15:00-17:00", "genbrug-sortering@sat 09:30-12:00", "hundeluftning@sat 10:00-13:00",
			"minitraener@wed 16:00-17:00", "plejehjemscafe@sun 14:00-16:00")},
	{"Thy Frivillige", "Thisted", "Frivillige i Thy, der passer på naturen ved Vesterhavet og på hinanden.", "Poul Kirk", "tovholder",
		ss("strandrydning", "gaamakker@sat 13:00-14:30", "spejderleder@wed 17:00-19:00", "genbrug-ekspedient@fri 14:00-17:30")},
}

// extraArchetypes are only ever listed by hand in centres, never drawn.
var extraArchetypes = []archetype{
	{
		key: "minitraener", interests: ss("sports", "children_youth"),
		titles:    ss("Hjælpetræner for de mindste {when}", "Boldleg for de mindste: vær hjælpetræner"),
		summaries: ss("Sæt bolde og kegler frem og leg med de 5–7-årige på klubbens mini-hold sammen med træneren.", "Hjælp træneren med boldlege for de mindste."),
		body: ss("På mini-holdet leger børn på 5–7 år med bolde, og træneren har brug for et par ekstra hænder.",
			"Du sætter kegler frem, viser legene og hepper, og træneren har altid ansvaret.",
			"Mange af vores hjælpetrænere startede selv på holdet som små.",
			"Træningen slutter tidligt, så du er hjemme til aftensmad."),
		firstWhat:  ss("Kom til en træning og hjælp med boldene"),
		spots:      ss("Klubhuset ved banerne, {addr}", "Hallens indgang, {addr}"),
		role:       "træner",
		weekly:     ss("mon 16:00-17:00", "wed 16:00-17:00", "thu 16:30-17:30"),
		commitment: recurring, minAge: 13, group: g(1, 3),
	},
}

var extraSteps = map[string]firstStep{
	"minitraener": {
		da:      "Kom til en træning og hjælp med boldene sammen med træneren",
		title:   "Assistant coach for the youngest",
		summary: "Set out balls and cones and play with the club's 5–7-year-olds together with the coach.",
		body:    "On the mini team, children aged 5–7 play ball games, and the coach needs a couple of extra hands. You set out cones, show the games and cheer, and the coach is always in charge.",
		what:    "Come to a training session and help with the balls together with the coach",
		spots:   ss("The clubhouse by the pitches, {addr}", "The sports hall entrance, {addr}"),
	},
}
