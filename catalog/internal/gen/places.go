package main

// neighbourhood is one postcode area inside a municipality with a few real
// street names that lie in it.
type neighbourhood struct {
	postcode string
	town     string // postal town, as written after the postcode
	area     string // what locals call the area
	streets  []string
}

// places lists, per official municipality name, the postcode areas the
// sample opportunities are spread over.
var places = map[string][]neighbourhood{
	"København": {
		{"2200", "København N", "Nørrebro", []string{"Nørrebrogade", "Blågårdsgade", "Guldbergsgade", "Rantzausgade", "Griffenfeldsgade"}},
		{"2100", "København Ø", "Østerbro", []string{"Østerbrogade", "Strandboulevarden", "Classensgade", "Nordre Frihavnsgade"}},
		{"2300", "København S", "Amager", []string{"Amagerbrogade", "Holmbladsgade", "Englandsvej", "Amager Strandvej"}},
		{"2400", "København NV", "Nordvest", []string{"Frederikssundsvej", "Rentemestervej", "Lygten", "Bisiddervej"}},
		{"2450", "København SV", "Sydhavnen", []string{"Mozartsvej", "P. Knudsens Gade", "Borgbjergsvej", "Sydhavnsgade"}},
		{"2500", "Valby", "Valby", []string{"Valby Langgade", "Toftegårds Allé", "Gammel Køge Landevej"}},
		{"1620", "København V", "Vesterbro", []string{"Vesterbrogade"}},
		{"2720", "Vanløse", "Vanløse", []string{"Jernbane Allé", "Ålekistevej", "Vanløse Allé"}},
		{"2700", "Brønshøj", "Brønshøj", []string{"Frederikssundsvej", "Krabbesholmvej", "Brønshøjvej"}},
	},
	"Aarhus": {
		{"8000", "Aarhus C", "Aarhus", []string{"Mejlgade", "Jægergårdsgade", "Nørre Allé", "Frederiks Allé", "Vestergade"}},
		{"8200", "Aarhus N", "Trøjborg", []string{"Randersvej", "Trøjborgvej", "Herredsvej", "Finlandsgade"}},
		{"8220", "Brabrand", "Gellerup", []string{"Gudrunsvej", "Dortesvej", "Karen Blixens Boulevard", "Edwin Rahrs Vej"}},
		{"8260", "Viby J", "Viby", []string{"Skanderborgvej", "Viby Torv", "Kongsgårdsvej"}},
		{"8210", "Aarhus V", "Hasle", []string{"Silkeborgvej", "Bispehavevej", "Hasle Torv"}},
		{"8270", "Højbjerg", "Højbjerg", []string{"Oddervej", "Rundhøj Allé", "Holme Byvej"}},
	},
	"Odense": {
		{"5000", "Odense C", "Odense", []string{"Vestergade", "Kongensgade", "Overgade", "Thomas B. Thriges Gade"}},
		{"5240", "Odense NØ", "Vollsmose", []string{"Vollsmose Allé", "Bøgeparken", "Egeparken"}},
		{"5230", "Odense M", "Hunderup", []string{"Campusvej", "Hunderupvej", "Munkebjergvej"}},
		{"5200", "Odense V", "Bolbro", []string{"Middelfartvej", "Stadionvej"}},
		{"5250", "Odense SV", "Dalum", []string{"Dalumvej", "Sanderumvej"}},
	},
	"Aalborg": {
		{"9000", "Aalborg", "Aalborg", []string{"Boulevarden", "Vesterbro", "Algade", "Kastetvej", "Jomfru Ane Gade"}},
		{"9220", "Aalborg Øst", "Aalborg Øst", []string{"Fredrik Bajers Vej", "Fyrkildevej"}},
		{"9400", "Nørresundby", "Nørresundby", []string{"Lindholmsvej", "Østergade", "Torvet"}},
		{"9200", "Aalborg SV", "Skalborg", []string{"Hobrovej"}},
	},
	"Esbjerg": {
		{"6700", "Esbjerg", "Esbjerg centrum", []string{"Kongensgade", "Torvegade", "Skolegade", "Englandsgade"}},
		{"6705", "Esbjerg Ø", "Esbjerg Øst", []string{"Spangsbjerg Møllevej", "Stengårdsvej"}},
		{"6710", "Esbjerg V", "Sædding", []string{"Sædding Strandvej", "Sædding Ringvej"}},
	},
	"Frederiksberg": {
		{"2000", "Frederiksberg", "Frederiksberg", []string{"Falkoner Allé", "Godthåbsvej", "Howitzvej", "Smallegade", "Nordre Fasanvej"}},
		{"1850", "Frederiksberg C", "Frederiksberg", []string{"Gammel Kongevej"}},
	},
	"Vejle":         {{"7100", "Vejle", "Vejle", []string{"Nørregade", "Dæmningen", "Søndergade", "Vestergade", "Grejsdalsvej"}}},
	"Randers":       {{"8900", "Randers C", "Randers", []string{"Østervold", "Brødregade", "Middelgade", "Vestergade"}}},
	"Horsens":       {{"8700", "Horsens", "Horsens", []string{"Søndergade", "Åboulevarden", "Sundvej", "Fussingsvej"}}},
	"Kolding":       {{"6000", "Kolding", "Kolding", []string{"Jernbanegade", "Låsbybanke", "Haderslevvej", "Skovvangen"}}},
	"Roskilde":      {{"4000", "Roskilde", "Roskilde", []string{"Algade", "Køgevej", "Rabalderstræde", "Hestetorvet"}}},
	"Herning":       {{"7400", "Herning", "Herning", []string{"Bredgade", "Fredensgade", "Østergade", "Dalgasgade"}}},
	"Silkeborg":     {{"8600", "Silkeborg", "Silkeborg", []string{"Vestergade", "Hostrupsgade", "Papirfabrikken", "Christian 8.s Vej"}}},
	"Næstved":       {{"4700", "Næstved", "Næstved", []string{"Axeltorv", "Ringstedgade", "Farimagsvej", "Kindhestegade"}}},
	"Holbæk":        {{"4300", "Holbæk", "Holbæk", []string{"Ahlgade", "Jernbanevej", "Kanalstræde", "Smedelundsgade"}}},
	"Helsingør":     {{"3000", "Helsingør", "Helsingør", []string{"Stengade", "Bramstræde", "Allégade", "Kronborgvej"}}},
	"Hillerød":      {{"3400", "Hillerød", "Hillerød", []string{"Slotsgade", "Helsingørsgade", "Milnersvej", "Carlsbergvej"}}},
	"Svendborg":     {{"5700", "Svendborg", "Svendborg", []string{"Gerritsgade", "Møllergade", "Jessens Mole", "Brogade"}}},
	"Viborg":        {{"8800", "Viborg", "Viborg", []string{"Sct. Mathias Gade", "Gravene", "Vestergade", "Banegårdspladsen"}}},
	"Slagelse":      {{"4200", "Slagelse", "Slagelse", []string{"Løvegade", "Nytorv", "Jernbanegade", "Slotsgade"}}},
	"Sønderborg":    {{"6400", "Sønderborg", "Sønderborg", []string{"Perlegade", "Rådhustorvet", "Jernbanegade", "Alsion"}}},
	"Gentofte":      {{"2900", "Hellerup", "Hellerup", []string{"Strandvejen", "Hellerupvej", "Bernstorffsvej"}}, {"2820", "Gentofte", "Gentofte", []string{"Gentoftegade", "Baunegårdsvej"}}},
	"Gladsaxe":      {{"2860", "Søborg", "Søborg", []string{"Søborg Hovedgade", "Gladsaxe Møllevej", "Vandtårnsvej"}}, {"2880", "Bagsværd", "Bagsværd", []string{"Bagsværd Hovedgade", "Aldershvilevej"}}},
	"Køge":          {{"4600", "Køge", "Køge", []string{"Nørregade", "Brogade", "Torvet", "Vestergade"}}},
	"Fredericia":    {{"7000", "Fredericia", "Fredericia", []string{"Gothersgade", "Prinsessegade", "Danmarksgade", "Jyllandsgade"}}},
	"Holstebro":     {{"7500", "Holstebro", "Holstebro", []string{"Nørregade", "Kirkestræde", "Sønderbrogade"}}},
	"Hjørring":      {{"9800", "Hjørring", "Hjørring", []string{"Østergade", "Springvandspladsen", "Jernbanegade", "Frederikshavnsvej"}}},
	"Frederikshavn": {{"9900", "Frederikshavn", "Frederikshavn", []string{"Danmarksgade", "Havnegade", "Søndergade"}}},
	"Bornholm":      {{"3700", "Rønne", "Rønne", []string{"Store Torvegade", "Snellemark", "Søndergade", "Østergade"}}, {"3770", "Allinge", "Allinge", []string{"Havnegade", "Storegade"}}},
	"Ærø":           {{"5970", "Ærøskøbing", "Ærøskøbing", []string{"Vestergade", "Søndergade", "Havnen"}}, {"5960", "Marstal", "Marstal", []string{"Kirkestræde", "Havnegade"}}},
	"Samsø":         {{"8305", "Samsø", "Tranebjerg", []string{"Langgade", "Søtofte"}}},
	"Lolland":       {{"4900", "Nakskov", "Nakskov", []string{"Søndergade", "Axeltorv", "Nybrogade"}}, {"4930", "Maribo", "Maribo", []string{"Torvet", "Vestergade"}}},
	"Thisted":       {{"7700", "Thisted", "Thisted", []string{"Storegade", "Vestergade", "Frederiksgade"}}},
}
