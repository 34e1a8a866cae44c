package main

// org is one fictional organisation and the interests its tasks are drawn from.
type org struct {
	name         string
	municipality string
	description  string
	contactName  string
	contactRole  string
	themes       []string // interest ids, most important first
	count        int      // how many opportunities it offers
	onlineOnly   bool     // all its tasks happen online
}

// avoid lists, per organisation name, archetypes that match its themes but
// not what it actually does.
var avoid = map[string][]string{
	"Seniorhjertet Østerbro":         seniorsOnly,
	"Seniorvennerne Odense":          seniorsOnly,
	"Silkeborg Seniorvenner":         seniorsOnly,
	"Hellerup Seniorcafé":            seniorsOnly,
	"Kaffe & Kontakt Frederiksberg":  seniorsOnly,
	"Klimaværkstedet Aarhus":         {"discord-moderator", "kodeklub", "mitid-hjaelp", "fjernsupport"},
	"Festivalfolket Aarhus":          {"blodkampagne"},
	"Festivalholdet Horsens":         {"blodkampagne"},
	"Køge Bugt Beredskabsvenner":     {"blodkampagne"},
	"Ungehuset Randers":              {"retshjaelp"},
	"Rettighedsrummet":               {"paaskevaerksted", "juniorklub", "familiedag", "sommerlejr-leder", "hoejtlaesning"},
	"Tryghedsnettet Aarhus":          {"haandboldstaevne", "hjaelpetraener-fodbold"},
	"Spejderkredsen Marselis":        {"hoejtlaesning"},
	"Havnelauget Svendborg":          {"koncertgarderobe", "kulturnat", "kulturcafe", "demokratifestival"},
	"Sportsbroen Esbjerg":            {"hoejtlaesning"},
	"Idrætsfællesskabet Bispebjerg":  {"hoejtlaesning"},
	"Strandholdet Esbjerg":           outdoorNotScouts,
	"Søhøjlandets Friluftsvenner":    {"haandboldstaevne", "vaeskedepot", "sponsorloeb", "hjaelpetraener-fodbold"},
	"Midtjyske Idrætsvenner Herning": {"kulturnat"},
	"Holstebro Kunstfrivillige":      {"sommerlejr-leder"},
	"Voldenes Naturlaug Fredericia":  outdoorNotScouts,
	"Grejsdalens Naturlaug":          outdoorNotScouts,
	"Roskilde Fjordlaug":             outdoorNotScouts,
	"Fjordvennerne Aalborg":          outdoorNotScouts,
	"Kystholdet Helsingør":           outdoorNotScouts,
}

// seniorsOnly keeps organisations for the elderly away from digital tasks
// aimed at children and young people.
var seniorsOnly = []string{"kodeklub", "discord-moderator", "hjemmeside-forening", "ungecafe", "undertekster"}

// outdoorNotScouts keeps nature groups away from running scout troops.
var outdoorNotScouts = []string{"spejderlejr", "spejderleder"}

var orgs = []org{
	// København
	{"Lektiebroen Nørrebro", "København", "Frivillige unge og studerende hjælper børn og unge på Nørrebro med lektier, læsning og skolelyst.", "Sara Jensen", "frivilligkoordinator", []string{"homework_help", "children_youth", "refugees"}, 6, false},
	{"Potefællesskabet København", "København", "Et lille internat i Sydhavnen, hvor hunde og katte får pleje, motion og hjælp til et nyt hjem.", "Mikkel Andersen", "dyreplejer", []string{"animals", "fundraising"}, 5, false},
	{"Morgenkaffen Vesterbro", "København", "En varmestue og et fællesskab for mennesker uden fast bolig, hvor der altid er kaffe, mad og nogen at tale med.", "Hanne Lauridsen", "daglig leder", []string{"homeless_poverty", "food", "loneliness"}, 6, false},
	{"Lyttepunktet", "København", "En landsdækkende chat og telefonlinje, hvor unge kan skrive anonymt med en frivillig om alt det, der fylder.", "Jonas Bech", "chatkoordinator", []string{"mental_health", "loneliness"}, 6, true},
	{"Klimakollektivet Amager", "København", "Unge på Amager, der reparerer, redder mad og rydder strande for at gøre klimaindsatsen konkret.", "Freja Lind", "tovholder", []string{"climate", "nature", "food"}, 6, false},
	{"Sprogbroen Nordvest", "København", "Sprogcaféer, lektiehjælp og venskaber mellem nye og gamle beboere i Nordvest.", "Amina Hassan", "frivilligkoordinator", []string{"refugees", "international", "homework_help"}, 6, false},
	{"Kulturkvarteret Sydhavn", "København", "Et beboerdrevet kulturhus med koncerter, teater og værksteder for alle i Sydhavnen.", "Oliver Kragh", "kulturkoordinator", []string{"culture_arts", "events_festivals", "children_youth"}, 6, false},
	{"Beredskabsvennerne Hovedstaden", "København", "Frivillige, der træner førstehjælp og beredskab og rykker ud, når byen har brug for en ekstra hånd.", "Rasmus Vestergaard", "holdleder", []string{"emergency", "health_firstaid"}, 6, false},
	{"Seniorhjertet Østerbro", "København", "Besøgsvenner, caféer og IT-hjælp, der bringer unge og ældre sammen på Østerbro.", "Birthe Holm", "aktivitetsleder", []string{"elderly", "loneliness", "digital_tech"}, 6, false},
	{"Genbrugsgården Amager", "København", "En genbrugsbutik og et værksted, hvor overskuddet går til lokale børnefamilier med få penge.", "Nadia Frost", "butiksansvarlig", []string{"charity_shop", "fundraising", "climate"}, 5, false},
	{"Idrætsfællesskabet Bispebjerg", "København", "Gratis fodbold, basket og bevægelse for børn og unge i Bispebjerg og Nordvest.", "Karim Ahmadi", "ungetræner", []string{"sports", "children_youth", "refugees"}, 6, false},
	{"Demokrativærkstedet", "København", "Workshops, debatter og kampagner, der giver unge lyst og mod til at blande sig.", "Clara Møller", "projektleder", []string{"democracy_rights", "international", "digital_tech"}, 6, false},
	{"Skærmvennerne", "København", "Et netværk af digitale frivillige, der hjælper foreninger og borgere med alt fra hjemmesider til MitID.", "Tobias Johansen", "frivilligkoordinator", []string{"digital_tech", "democracy_rights", "international"}, 5, true},

	// Aarhus
	{"Potefællesskabet Aarhus", "Aarhus", "Et dyreinternat i Viby, der tager sig af hunde, katte og kaniner, indtil de finder et nyt hjem.", "Line Kjær", "frivilligkoordinator", []string{"animals", "fundraising"}, 6, false},
	{"Lektiehjørnet Gellerup", "Aarhus", "Lektiecaféer og læsemakkere for børn og unge i Gellerup og Hasle.", "Yasmin Ali", "koordinator", []string{"homework_help", "children_youth", "refugees"}, 6, false},
	{"Madbroen Aarhus", "Aarhus", "Redder overskudsmad fra butikker og kantiner og deler den ud til dem, der har brug for den.", "Anders Skov", "vagtplanlægger", []string{"food", "homeless_poverty", "climate"}, 6, false},
	{"Spejderkredsen Marselis", "Aarhus", "En åben spejderkreds i det sydlige Aarhus med bål, ture og lejre for børn og unge.", "Ida Christensen", "gruppeleder", []string{"outdoor_scouting", "nature", "children_youth"}, 6, false},
	{"Festivalfolket Aarhus", "Aarhus", "Frivillige, der får byens festivaler, koncerter og kulturnætter til at køre.", "Mads Nielsen", "frivilligansvarlig", []string{"events_festivals", "culture_arts", "health_firstaid"}, 6, false},
	{"Klimaværkstedet Aarhus", "Aarhus", "Reparationscaféer, træplantning og kampagner for en grønnere by.", "Josefine Bak", "tovholder", []string{"climate", "nature", "digital_tech"}, 6, false},
	{"Tryghedsnettet Aarhus", "Aarhus", "Samtalegrupper, gåture og fællesskaber for unge, der har det svært.", "Emil Sørensen", "ungekoordinator", []string{"mental_health", "loneliness", "sports"}, 6, false},
	{"Globalbutikken Aarhus", "Aarhus", "En genbrugs- og fair trade-butik i midtbyen, hvis overskud går til skoleprojekter i Østafrika.", "Grethe Dahl", "butiksansvarlig", []string{"charity_shop", "international", "fundraising"}, 5, false},

	// Odense
	{"Grøn Gade Odense", "Odense", "Naboer og studerende, der gør Odenses gader, parker og åer grønnere.", "Laura Poulsen", "tovholder", []string{"climate", "nature"}, 6, false},
	{"Naboskabet Vollsmose", "Odense", "Fællesspisning, lektiehjælp og sprogcafé for familier i Vollsmose.", "Hamid Rahimi", "frivilligkoordinator", []string{"refugees", "food", "homework_help"}, 6, false},
	{"Seniorvennerne Odense", "Odense", "Unge og ældre mødes over kaffe, gåture, spil og IT-hjælp.", "Sofie Madsen", "aktivitetsleder", []string{"elderly", "loneliness", "digital_tech"}, 6, false},
	{"Eventyrscenen Odense", "Odense", "En lille scene for teater, musik og fortælling for børn og unge i Odense.", "Viktor Brandt", "kulturkoordinator", []string{"culture_arts", "events_festivals", "children_youth"}, 5, false},
	{"Alle Med Idræt Odense", "Odense", "Idræt og bevægelse for børn og unge med og uden handicap – på samme hold.", "Maja Thomsen", "træner", []string{"disability", "sports", "children_youth"}, 6, false},
	{"Fynsk Beredskabsforening", "Odense", "Frivillige, der øver førstehjælp og beredskab og hjælper ved store arrangementer på Fyn.", "Jesper Vinther", "holdleder", []string{"emergency", "health_firstaid"}, 5, false},

	// Aalborg
	{"Fjordvennerne Aalborg", "Aalborg", "Passer på Limfjorden og de grønne områder med naturpleje, strandrydning og fugletællinger.", "Kasper Nørgaard", "naturvejleder", []string{"nature", "climate", "outdoor_scouting"}, 6, false},
	{"Ungebroen Aalborg", "Aalborg", "Et fællesskab for unge mellem 15 og 30, der føler sig ensomme eller pressede.", "Nora Rasmussen", "ungekoordinator", []string{"mental_health", "loneliness", "children_youth"}, 6, false},
	{"Nordjysk Madfællesskab", "Aalborg", "Folkekøkken og madbank, der laver mad af overskudsvarer til alle, der vil spise med.", "Per Ravn", "køkkenansvarlig", []string{"food", "homeless_poverty", "loneliness"}, 6, false},
	{"Lejrbålet Aalborg", "Aalborg", "Spejderarbejde, friluftsliv og ture for børn og unge i Aalborg og omegn.", "Sigrid Holt", "gruppeleder", []string{"outdoor_scouting", "children_youth", "nature"}, 6, false},
	{"Kulturvognen Aalborg", "Aalborg", "Bringer koncerter, værksteder og byfester ud i alle Aalborgs bydele.", "Lucas Olsen", "frivilligansvarlig", []string{"events_festivals", "culture_arts", "fundraising"}, 5, false},
	{"Dyrehjemmet Nordlys", "Aalborg", "Et dyrehjem, der tager sig af hittekatte, hunde og smådyr i Nordjylland.", "Trine Bøgh", "dyreplejer", []string{"animals", "charity_shop"}, 5, false},

	// Esbjerg
	{"Strandholdet Esbjerg", "Esbjerg", "Rydder strande, tæller fugle og passer klitterne langs Vestkysten.", "Søren Hvid", "tovholder", []string{"climate", "nature", "outdoor_scouting"}, 6, false},
	{"Havnens Varmestue Esbjerg", "Esbjerg", "Et varmt sted med mad, bad og samtale for mennesker uden bolig i Esbjerg.", "Lene Kock", "daglig leder", []string{"homeless_poverty", "food"}, 5, false},
	{"Sportsbroen Esbjerg", "Esbjerg", "Bygger bro mellem foreningsidræt og de børn og unge, der ellers ikke kommer afsted.", "Ahmad Karimi", "ungetræner", []string{"sports", "children_youth", "disability"}, 6, false},
	{"Festivalvenner Vestjylland", "Esbjerg", "Frivillige, der hjælper ved koncerter, byfester og indsamlinger i Sydvestjylland.", "Malene Hjort", "frivilligansvarlig", []string{"events_festivals", "fundraising", "culture_arts"}, 5, false},

	// Frederiksberg
	{"Læsevennerne Frederiksberg", "Frederiksberg", "Læsemakkere og lektiehjælp for børn i samarbejde med skoler og biblioteker på Frederiksberg.", "Katrine Wulff", "frivilligkoordinator", []string{"homework_help", "children_youth", "culture_arts"}, 6, false},
	{"Kaffe & Kontakt Frederiksberg", "Frederiksberg", "Besøgsvenner og caféeftermiddage, der skaber kontakt mellem generationer.", "Henrik Falk", "aktivitetsleder", []string{"elderly", "loneliness"}, 5, false},
	{"Rettighedsrummet", "Frederiksberg", "Oplyser unge om deres rettigheder og kæmper for børn og unges stemme i samfundet.", "Signe Aagaard", "kampagneansvarlig", []string{"democracy_rights", "international", "children_youth"}, 5, false},

	// Other municipalities
	{"Fjordbyens Genbrug Vejle", "Vejle", "Genbrugsbutik og loppemarkeder, hvor alt overskud går til lokale børn og unge.", "Jytte Bundgaard", "butiksansvarlig", []string{"charity_shop", "fundraising"}, 5, false},
	{"Grejsdalens Naturlaug", "Vejle", "Plejer stier, enge og skov i Grejsdalen og tager børn og unge med ud i naturen.", "Morten Ager", "naturvejleder", []string{"nature", "outdoor_scouting", "climate"}, 5, false},
	{"Gudenåvennerne Randers", "Randers", "Passer åen, dyrene og de grønne områder langs Gudenåen i Randers.", "Camilla Ebbesen", "tovholder", []string{"nature", "animals", "climate"}, 5, false},
	{"Ungehuset Randers", "Randers", "Et ungehus, hvor unge selv skaber arrangementer, debatter og fællesskaber.", "Nikolaj Winther", "ungekoordinator", []string{"children_youth", "democracy_rights", "events_festivals"}, 5, false},
	{"Horsens Madfællesskab", "Horsens", "Fællesspisning og madbank, hvor alle kan spise med for få kroner.", "Dorthe Sand", "køkkenansvarlig", []string{"food", "loneliness", "homeless_poverty"}, 5, false},
	{"Festivalholdet Horsens", "Horsens", "Frivillige, der står bag koncerter, middelalderfest og byens kulturarrangementer.", "Simon Kirk", "frivilligansvarlig", []string{"events_festivals", "culture_arts", "health_firstaid"}, 5, false},
	{"Trekantens Sprogvenner", "Kolding", "Sprogcaféer, venskabsfamilier og oversættelse for nye borgere i Trekantområdet.", "Leyla Demir", "frivilligkoordinator", []string{"refugees", "international"}, 5, false},
	{"Kolding Sundhedsfrivillige", "Kolding", "Førstehjælp, hjertestartere og trygge rammer ved byens arrangementer.", "Helle Mortensen", "holdleder", []string{"health_firstaid", "emergency", "elderly"}, 5, false},
	{"Musicon Ungekollektiv", "Roskilde", "Unge, der laver koncerter, værksteder og street art i Roskildes kreative bydel.", "Alberte Juhl", "projektleder", []string{"culture_arts", "events_festivals", "climate"}, 5, false},
	{"Roskilde Fjordlaug", "Roskilde", "Naturpleje, kajakture og strandrydning ved Roskilde Fjord.", "Bjarne Friis", "formand", []string{"nature", "outdoor_scouting", "climate"}, 4, false},
	{"Midtjyske Idrætsvenner Herning", "Herning", "Frivillige, der skaber idræt for alle – også dem med handicap – og hjælper ved store stævner.", "Pernille Toft", "frivilligansvarlig", []string{"sports", "disability", "events_festivals"}, 5, false},
	{"Søhøjlandets Friluftsvenner", "Silkeborg", "Kanoture, bål og friluftsliv for børn og unge omkring søerne ved Silkeborg.", "Anton Kruse", "friluftsvejleder", []string{"outdoor_scouting", "nature", "sports"}, 5, false},
	{"Silkeborg Seniorvenner", "Silkeborg", "Besøgsvenner, IT-café og udflugter for ældre i Silkeborg.", "Inge Lykke", "aktivitetsleder", []string{"elderly", "digital_tech", "loneliness"}, 4, false},
	{"Poteværnet Næstved", "Næstved", "Et lille dyreværn, der genhuser katte og hunde og samler ind til foder og dyrlæge.", "Marianne Bruun", "frivilligkoordinator", []string{"animals", "fundraising", "charity_shop"}, 5, false},
	{"Nabohjælpen Holbæk", "Holbæk", "Madbank, tøjbank og genbrug for familier i Holbæk, der har det stramt.", "Gitte Mølgaard", "daglig leder", []string{"homeless_poverty", "charity_shop", "food"}, 5, false},
	{"Kystholdet Helsingør", "Helsingør", "Rydder kyster, planter træer og laver naturprojekter langs Øresund.", "Emma Frandsen", "tovholder", []string{"nature", "climate"}, 4, false},
	{"Værftets Kulturfrivillige", "Helsingør", "Frivillige, der hjælper med koncerter, udstillinger og børneværksteder på havnen i Helsingør.", "Thomas Lerche", "frivilligansvarlig", []string{"culture_arts", "events_festivals", "children_youth"}, 5, false},
	{"Ungeværket Hillerød", "Hillerød", "Et fællesskab for unge med gåture, fysisk træning og samtaler om det, der er svært.", "Rikke Storm", "ungekoordinator", []string{"mental_health", "sports", "children_youth"}, 5, false},
	{"Havnelauget Svendborg", "Svendborg", "Sejlads, bådebyggeri og havnefester, hvor unge lærer af de erfarne.", "Ole Fynbo", "formand", []string{"outdoor_scouting", "events_festivals", "nature"}, 5, false},
	{"Viborg Læsenetværk", "Viborg", "Læsemakkere og lektiehjælp for børn og nye danskere i Viborg.", "Anne Bisgaard", "koordinator", []string{"homework_help", "refugees", "children_youth"}, 5, false},
	{"Madbroen Slagelse", "Slagelse", "Redder overskudsmad og pakker madkasser til familier i Slagelse, der har det svært.", "Bo Kristoffersen", "vagtplanlægger", []string{"food", "homeless_poverty", "fundraising"}, 5, false},
	{"Grænselandets Sprogcafé", "Sønderborg", "Sprogcaféer på dansk, tysk og engelsk for nye borgere, studerende og alle andre i Sønderborg.", "Julia Petersen", "frivilligkoordinator", []string{"international", "refugees"}, 4, false},
	{"Als Genbrug & Velgørenhed", "Sønderborg", "Genbrugsbutik og indsamlinger, hvor overskuddet går til børn og unge på Als.", "Karen Iversen", "butiksansvarlig", []string{"charity_shop", "fundraising"}, 4, false},
	{"Hellerup Seniorcafé", "Gentofte", "En café og et mødested, hvor ældre i Gentofte får besøg, hjælp til IT og selskab.", "Lone Gram", "aktivitetsleder", []string{"elderly", "digital_tech", "loneliness"}, 5, false},
	{"Alle Kan Gladsaxe", "Gladsaxe", "Fritidsaktiviteter for børn og unge med handicap og deres søskende.", "Mette Lykkegaard", "frivilligkoordinator", []string{"disability", "sports", "children_youth"}, 5, false},
	{"Køge Bugt Beredskabsvenner", "Køge", "Frivillige, der øver beredskab, førstehjælp og hjælper, når vandet stiger i Køge Bugt.", "Claus Damgaard", "holdleder", []string{"emergency", "health_firstaid", "nature"}, 5, false},
	{"Voldenes Naturlaug Fredericia", "Fredericia", "Passer voldanlæggene og naturen i Fredericia og tager børnefamilier med på tur.", "Lise Overgaard", "naturvejleder", []string{"nature", "outdoor_scouting", "climate"}, 4, false},
	{"Holstebro Kunstfrivillige", "Holstebro", "Frivillige, der åbner kunst, musik og værksteder for børn og unge i Holstebro.", "Frida Kjeldsen", "kulturkoordinator", []string{"culture_arts", "children_youth", "events_festivals"}, 4, false},
	{"Vendsyssel Dyrehjælp", "Hjørring", "Hjælper forladte og syge dyr i Vendsyssel med pleje, foder og nye hjem.", "Gustav Østergaard", "dyreplejer", []string{"animals", "fundraising"}, 4, false},
	{"Frivilligcentret Toppen", "Frederikshavn", "Et lille frivilligcenter, der samler byens foreninger om ældre, børn og fællesskaber.", "Vibeke Laursen", "frivilligkoordinator", []string{"elderly", "children_youth", "charity_shop"}, 4, false},
	{"Oversætternetværket", "Aarhus", "Frivillige oversættere, der gør vigtige oplysninger tilgængelige for dem, der endnu ikke taler dansk.", "Mira Said", "netværkskoordinator", []string{"international", "refugees", "democracy_rights"}, 5, true},
}
