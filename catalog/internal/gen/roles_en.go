package main

import (
	"fmt"
	"slices"
)

// roleEn names every Danish role of a contact person in English, so that an
// English card says whom to ask for in words an English reader knows.
// checkRoles makes sure no role is left out.
var roleEn = map[string]string{
	"IT-café-ansvarlig":       "IT café lead",
	"aktivitetsleder":         "activity leader",
	"aktivitetsmedarbejder":   "activities worker",
	"besøgskoordinator":       "visiting coordinator",
	"bibliotekar":             "librarian",
	"bodansvarlig":            "stall manager",
	"brevkoordinator":         "letters coordinator",
	"butiksansvarlig":         "shop manager",
	"byggeleder":              "build leader",
	"børnebibliotekar":        "children's librarian",
	"caféansvarlig":           "café manager",
	"chatkoordinator":         "chat coordinator",
	"cheftræner":              "head coach",
	"daglig leder":            "manager",
	"datakoordinator":         "data coordinator",
	"depotchef":               "depot manager",
	"dirigent":                "conductor",
	"dyrepasser":              "animal keeper",
	"dyreplejer":              "animal carer",
	"eventkoordinator":        "events coordinator",
	"feriekoordinator":        "holiday coordinator",
	"festivalkoordinator":     "festival coordinator",
	"festkoordinator":         "party coordinator",
	"formand":                 "chair",
	"formidler":               "museum educator",
	"formidlingskoordinator":  "outreach coordinator",
	"friluftsvejleder":        "outdoor guide",
	"frivilligansvarlig":      "volunteer lead",
	"frivilligkoordinator":    "volunteer coordinator",
	"fællesskabsansvarlig":    "community lead",
	"gadeidrætsleder":         "street sports leader",
	"gruppeleder":             "group leader",
	"haveansvarlig":           "garden lead",
	"haveleder":               "head gardener",
	"holdleder":               "team leader",
	"hundetræner":             "dog trainer",
	"husansvarlig":            "house manager",
	"indsamlingsansvarlig":    "fundraising lead",
	"indsamlingskoordinator":  "fundraising coordinator",
	"indsamlingsleder":        "fundraising manager",
	"instruktør":              "instructor",
	"julehjælpskoordinator":   "Christmas aid coordinator",
	"kampagneansvarlig":       "campaign lead",
	"klubformand":             "club chair",
	"klubleder":               "club leader",
	"klubpædagog":             "club youth worker",
	"kok":                     "cook",
	"kommunikationsansvarlig": "communications lead",
	"koordinator":             "coordinator",
	"kulturkoordinator":       "culture coordinator",
	"kunstner":                "artist",
	"køkkenansvarlig":         "kitchen lead",
	"lageransvarlig":          "stock manager",
	"lejrchef":                "camp leader",
	"lektiecafé-ansvarlig":    "homework café lead",
	"lektiekoordinator":       "homework coordinator",
	"læsevejleder":            "reading coach",
	"løbsleder":               "race director",
	"makkerkoordinator":       "buddy coordinator",
	"markedsansvarlig":        "market manager",
	"matchkoordinator":        "matching coordinator",
	"mentorkoordinator":       "mentor coordinator",
	"naturvejleder":           "nature guide",
	"netværkskoordinator":     "network coordinator",
	"oversætterkoordinator":   "translator coordinator",
	"pilotansvarlig":          "pilot coordinator",
	"projektkoordinator":      "project coordinator",
	"projektleder":            "project manager",
	"pædagog":                 "social educator",
	"redaktør":                "editor",
	"rideinstruktør":          "riding instructor",
	"ruteansvarlig":           "route lead",
	"samaritinstruktør":       "first-aid instructor",
	"sejlerinstruktør":        "sailing instructor",
	"skolekoordinator":        "schools coordinator",
	"stiformand":              "trail team leader",
	"stævneleder":             "tournament director",
	"svømmetræner":            "swimming coach",
	"teamleder":               "team lead",
	"tovholder":               "organiser",
	"træner":                  "coach",
	"uddelingsansvarlig":      "distribution lead",
	"ungdomsmedarbejder":      "youth worker",
	"ungekoordinator":         "youth coordinator",
	"ungerådgiver":            "youth counsellor",
	"ungetræner":              "youth coach",
	"vagtansvarlig":           "shift lead",
	"vagtleder":               "shift supervisor",
	"vagtplanlægger":          "rota planner",
	"værkstedsleder":          "workshop leader",
	"øvelsesleder":            "exercise director",
}

// contactLine is one way of saying whom to ask for, in Danish and in
// English, so that the one draw picks a true translation.
type contactLine struct {
	da, en string
}

func contactLines(online bool) []contactLine {
	if online {
		return []contactLine{
			{"Skriv til {contact} ({role}), som svarer inden for et par dage", "Write to {contact} ({role}), who answers within a couple of days"},
			{"{contact} ({role}) holder videosnakken med dig", "{contact} ({role}) holds the video chat with you"},
			{"Send en besked til {contact} ({role})", "Send a message to {contact} ({role})"},
		}
	}
	return []contactLine{
		{"Spørg efter {contact} ({role})", "Ask for {contact} ({role})"},
		{"Spørg efter {contact} ({role}) ved indgangen", "Ask for {contact} ({role}) at the entrance"},
		{"{contact} ({role}) tager imod dig", "{contact} ({role}) will welcome you"},
	}
}

// checkRoles makes sure every role a contact can have, the archetypes' own
// and the organisations', has an English name.
func checkRoles(archetypes []archetype) error {
	var roles []string
	for _, a := range archetypes {
		roles = append(roles, a.role)
	}
	for _, o := range orgs {
		roles = append(roles, o.contactRole)
	}
	for _, c := range slices.Concat(centres, coverageCentres) {
		roles = append(roles, c.contactRole)
	}
	for _, r := range roles {
		if roleEn[r] == "" {
			return fmt.Errorf("role %q has no English name in roleEn", r)
		}
	}
	return nil
}
