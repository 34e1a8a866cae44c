package geo

import (
	"math"
	"strings"
	"testing"
)

// near reports whether two points are within km of each other.
func near(lat1, lon1, lat2, lon2, km float64) bool {
	return DistanceKm(lat1, lon1, lat2, lon2) <= km
}

func TestIslandPostcodesResolveToTheirOwnTown(t *testing.T) {
	// The reference coordinates are the town centres (harbour square,
	// church or main street), independent of the data files.
	tests := []struct {
		code, town, land string
		lat, lon         float64
	}{
		{"3700", "Rønne", "bornholm", 55.100, 14.703},
		{"3720", "Aakirkeby", "bornholm", 55.071, 14.920},
		{"3730", "Nexø", "bornholm", 55.061, 15.131},
		{"3740", "Svaneke", "bornholm", 55.136, 15.142},
		{"3751", "Østermarie", "bornholm", 55.137, 15.001},
		{"3760", "Gudhjem", "bornholm", 55.211, 14.972},
		{"3770", "Allinge", "bornholm", 55.276, 14.802},
		{"3782", "Klemensker", "bornholm", 55.173, 14.810},
		{"3790", "Hasle", "bornholm", 55.182, 14.711},
		{"5960", "Marstal", "aeroe", 54.856, 10.517},
		{"5970", "Ærøskøbing", "aeroe", 54.888, 10.411},
		{"5985", "Søby Ærø", "aeroe", 54.941, 10.259},
		{"8305", "Samsø", "samsoe", 55.833, 10.597}, // Tranebjerg
		{"9940", "Læsø", "laesoe", 57.257, 10.997},  // Byrum
		{"6720", "Fanø", "fanoe", 55.446, 8.398},    // Nordby
		{"5900", "Rudkøbing", "langeland", 54.936, 10.710},
		{"5935", "Bagenkop", "langeland", 54.755, 10.675},
		{"8592", "Anholt", "anholt", 56.713, 11.557},
		{"7884", "Fur", "fur", 56.823, 9.013},
		{"4945", "Femø", "femoe", 54.975, 11.535},
		{"4944", "Fejø", "fejoe", 54.946, 11.405},
		{"4942", "Askø", "askoe", 54.888, 11.500},
		{"4245", "Omø", "omoe", 55.163, 11.140},
		{"4244", "Agersø", "agersoe", 55.209, 11.195},
		{"4592", "Sejerø", "sejeroe", 55.885, 11.155},
		{"8789", "Endelave", "endelave", 55.755, 10.260},
		{"5943", "Strynø", "strynoe", 54.905, 10.620},
		{"4305", "Orø", "oroe", 55.780, 11.825},
		{"6792", "Rømø", "roemoe", 55.145, 8.545},
		{"4780", "Stege", "moen", 54.987, 12.285},
		{"6400", "Sønderborg", "als", 54.910, 9.790},
		{"7900", "Nykøbing M", "mors", 56.795, 8.860},
		{"4800", "Nykøbing F", "falster", 54.766, 11.874},
		{"4990", "Sakskøbing", "lolland", 54.800, 11.630},
		{"9990", "Skagen", "jylland", 57.721, 10.584},
	}
	for _, tt := range tests {
		p, ok := LookupPostcode(tt.code)
		if !ok || p.Town != tt.town {
			t.Errorf("LookupPostcode(%s) = %+v, %v; want %s", tt.code, p, ok, tt.town)
			continue
		}
		if p.Landmass != tt.land {
			t.Errorf("%s %s lies on %q, want %q", p.Code, p.Town, p.Landmass, tt.land)
		}
		if !near(p.Lat, p.Lon, tt.lat, tt.lon, 2) {
			t.Errorf("%s %s at %.3f,%.3f is %.1f km from the town centre", p.Code, p.Town, p.Lat, p.Lon,
				DistanceKm(p.Lat, p.Lon, tt.lat, tt.lon))
		}
	}
	for code := 3700; code <= 3799; code++ {
		if p, ok := LookupPostcode(itoa4(code)); ok && p.Landmass != "bornholm" {
			t.Errorf("%s %s is a Bornholm postcode on %q", p.Code, p.Town, p.Landmass)
		}
	}
}

func itoa4(n int) string {
	return string([]byte{byte('0' + n/1000), byte('0' + n/100%10), byte('0' + n/10%10), byte('0' + n%10)})
}

func TestIslandPlacesResolve(t *testing.T) {
	tests := []struct{ name, muni, land string }{
		{"Byrum", "Læsø", "laesoe"},
		{"Vesterø Havn", "Læsø", "laesoe"},
		{"Nordby", "Fanø", "fanoe"},
		{"Sønderho", "Fanø", "fanoe"},
		{"Tranebjerg", "Samsø", "samsoe"},
		{"Ballen", "Samsø", "samsoe"},
		{"Marstal", "Ærø", "aeroe"},
		{"Søby", "Ærø", "aeroe"},
		{"Tåsinge", "Svendborg", "taasinge"},
		{"Troense", "Svendborg", "taasinge"},
		{"Thurø", "Svendborg", "thuroe"},
		{"Mandø", "Esbjerg", "mandoe"},
		{"Møn", "Vordingborg", "moen"},
		{"Nyord", "Vordingborg", "moen"},
		{"Als", "Sønderborg", "als"},
		{"Mors", "Morsø", "mors"},
		{"Falster", "Guldborgsund", "falster"},
		{"Lolland", "Lolland", "lolland"},
		{"Bornholm", "Bornholm", "bornholm"},
		{"Snogebæk", "Bornholm", "bornholm"},
		{"Sandvig", "Bornholm", "bornholm"},
		{"Havneby", "Tønder", "roemoe"},
		{"Amager", "København", "sjaelland"},
		{"Hellerup", "Gentofte", "sjaelland"},
	}
	for _, tt := range tests {
		p, ok := ResolvePlace(tt.name)
		if !ok || p.Municipality != tt.muni || p.Landmass != tt.land {
			t.Errorf("ResolvePlace(%q) = %+v, %v; want in %s on %s", tt.name, p, ok, tt.muni, tt.land)
		}
	}
}

// TestTownsHaveTheirOwnCoordinates guards against the fault that made
// Skagen "0 km" from Frederikshavn: a town given its municipality's
// coordinates.
func TestTownsHaveTheirOwnCoordinates(t *testing.T) {
	d := data()
	type point struct{ lat, lon float64 }
	townAt := map[point]string{}
	for _, pc := range d.towns {
		at := point{pc.Lat, pc.Lon}
		if other, dup := townAt[at]; dup && other != pc.Town {
			t.Errorf("%s %s has the same coordinates as %s", pc.Code, pc.Town, other)
		}
		townAt[at] = pc.Town
	}

	// Each municipality's coordinates are those of one town, its main one.
	for _, m := range d.munis {
		var shared []string
		for _, pc := range d.towns {
			if pc.Municipality == m.Name && pc.Lat == m.Lat && pc.Lon == m.Lon {
				shared = append(shared, pc.Town)
			}
		}
		if len(shared) > 1 {
			t.Errorf("%s: postal towns %v all sit at the municipality's coordinates", m.Name, shared)
		}
	}

	// A place at its municipality's exact coordinates must be another
	// name for the main town, not a town of its own.
	mainTownNames := map[string]bool{}
	for _, n := range []string{
		"Copenhagen", "Kopenhagen", "Köpenhamn", "Copenhague", "kbh", "cph", "frb",
		"Elsinore", "Apenrade", "Hadersleben", "Sonderburg", "Tondern", "Lyngby", "Kgs. Lyngby",
		"Tåstrup", "Nykøbing Falster", "Nykøbing Mors", "Nykøbing Sjælland", "Aalborg C", "Thy",
		"Nordfyn", "Vesthimmerland", "Byrum", "Tranebjerg", "Nordby", "Greve Strand",
	} {
		mainTownNames[Fold(n)] = true
	}
	for _, p := range d.places {
		m, _ := d.municipality(p.Municipality)
		if p.Lat != m.Lat || p.Lon != m.Lon || Fold(p.Name) == Fold(m.Name) {
			continue
		}
		if _, isTown := townAt[point{p.Lat, p.Lon}]; isTown && Fold(townAt[point{p.Lat, p.Lon}]) == Fold(p.Name) {
			continue // the main town itself
		}
		if !mainTownNames[Fold(p.Name)] {
			t.Errorf("%s sits exactly at %s's main town; give it its own coordinates", p.Name, m.Name)
		}
	}
}

func TestOutlyingTownsAreFarFromTheMainTown(t *testing.T) {
	tests := []struct {
		town, muni string
		minKm      float64
	}{
		// Skagen is 31 km from Frederikshavn as the crow flies (40 by road).
		{"Skagen", "Frederikshavn", 30},
		{"Hirtshals", "Hjørring", 12},
		{"Nexø", "Bornholm", 25},
		{"Svaneke", "Bornholm", 25},
		{"Marstal", "Ærø", 7},
		{"Nakskov", "Lolland", 20},
		{"Gedser", "Guldborgsund", 20},
		{"Bagenkop", "Langeland", 18},
		{"Hvide Sande", "Ringkøbing-Skjern", 9},
		{"Skjern", "Ringkøbing-Skjern", 15},
		{"Grindsted", "Billund", 10},
		{"Thyborøn", "Lemvig", 15},
		{"Hanstholm", "Thisted", 15},
		{"Ribe", "Esbjerg", 25},
		{"Stege", "Vordingborg", 20},
		{"Sønderho", "Fanø", 10},
	}
	for _, tt := range tests {
		p, ok1 := ResolvePlace(tt.town)
		m, ok2 := LookupMunicipality(tt.muni)
		if !ok1 || !ok2 || p.Municipality != m.Name {
			t.Errorf("%s in %s: ResolvePlace = %+v, %v", tt.town, tt.muni, p, ok1)
			continue
		}
		if km := DistanceKm(p.Lat, p.Lon, m.Lat, m.Lon); km < tt.minKm {
			t.Errorf("%s is %.1f km from %s's main town, want at least %.0f", tt.town, km, tt.muni, tt.minKm)
		}
	}
}

// TestLandmassesAreWhereTheyShouldBe catches a town put on the wrong island:
// the big landmasses lie within rough boxes, and each small island's towns
// lie close together.
func TestLandmassesAreWhereTheyShouldBe(t *testing.T) {
	boxes := map[string][4]float64{ // min lat, max lat, min lon, max lon
		"jylland":   {54.80, 57.75, 8.05, 10.95},
		"fyn":       {54.95, 55.65, 9.65, 10.90},
		"sjaelland": {54.95, 56.15, 10.95, 12.75},
		"lolland":   {54.60, 54.95, 10.95, 11.86}, // Guldborgsund runs
		"falster":   {54.55, 54.97, 11.84, 12.20}, // past Nykøbing F at 11.86
		"bornholm":  {54.98, 55.31, 14.68, 15.16},
		"moen":      {54.90, 55.10, 12.10, 12.60},
		"als":       {54.80, 55.10, 9.58, 10.05},
		"mors":      {56.65, 56.95, 8.50, 9.00},
	}
	var all []Place
	for _, pc := range data().towns {
		all = append(all, pc.place())
	}
	all = append(all, PlaceNames()...)
	spread := map[string][]Place{}
	for _, p := range all {
		if _, ok := LookupLandmass(p.Landmass); !ok {
			t.Errorf("%s lies on unknown landmass %q", p.Name, p.Landmass)
			continue
		}
		if b, ok := boxes[p.Landmass]; ok {
			if p.Lat < b[0] || p.Lat > b[1] || p.Lon < b[2] || p.Lon > b[3] {
				t.Errorf("%s at %.3f,%.3f is said to lie on %s", p.Name, p.Lat, p.Lon, p.Landmass)
			}
			continue
		}
		spread[p.Landmass] = append(spread[p.Landmass], p)
	}
	for land, ps := range spread {
		max := 20.0 // the small islands, Tåsinge and Thurø
		switch land {
		case "langeland", "samsoe", "aeroe", "laesoe", "fanoe", "roemoe":
			max = 55
		}
		for i, a := range ps {
			for _, b := range ps[i+1:] {
				if km := DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon); km > max {
					t.Errorf("%s and %s are %.0f km apart yet both said to lie on %s", a.Name, b.Name, km, land)
				}
			}
		}
	}
	// Every municipality lies where its main town does.
	for _, m := range Municipalities() {
		for _, pc := range data().towns {
			if pc.Lat == m.Lat && pc.Lon == m.Lon && pc.Landmass != m.Landmass {
				t.Errorf("%s lies on %s but its main town %s on %s", m.Name, m.Landmass, pc.Town, pc.Landmass)
			}
		}
	}
}

func TestLandmassData(t *testing.T) {
	used := map[string]bool{}
	for _, pc := range data().towns {
		used[pc.Landmass] = true
	}
	for _, p := range PlaceNames() {
		used[p.Landmass] = true
	}
	for _, n := range data().bridge.nodes {
		for id, i := range data().bridge.landIndex {
			if i == n.land {
				used[id] = true
			}
		}
	}
	for id, l := range data().lands {
		if want := strings.ReplaceAll(Fold(l.Name), " ", ""); id != want {
			t.Errorf("landmass %s should have the id %q, its folded name", l.Name, want)
		}
		if !used[id] {
			t.Errorf("landmass %s is not used by any town, place or link", id)
		}
	}
	for _, id := range []string{"jylland", "fyn", "sjaelland", "lolland", "falster", "moen", "langeland",
		"taasinge", "als", "bornholm", "aeroe", "samsoe", "laesoe", "fanoe", "anholt", "fur", "mors"} {
		if _, ok := LookupLandmass(id); !ok {
			t.Errorf("LookupLandmass(%q) found nothing", id)
		}
	}
	if l, _ := LookupLandmass("sjaelland"); l.Name != "Sjælland" || l.NameEN != "Zealand" {
		t.Errorf("LookupLandmass(sjaelland) = %+v", l)
	}
}

func TestBridged(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"jylland", "fyn", true},
		{"fyn", "sjaelland", true},
		{"jylland", "sjaelland", true},
		{"sjaelland", "falster", true},
		{"falster", "lolland", true},
		{"sjaelland", "lolland", true},
		{"sjaelland", "moen", true},
		{"falster", "bogoe", true},
		{"fyn", "taasinge", true},
		{"taasinge", "langeland", true},
		{"lolland", "langeland", true}, // over land the long way round, see TestTravelKm
		{"jylland", "als", true},
		{"jylland", "mors", true},
		{"jylland", "roemoe", true},
		{"fyn", "thuroe", true},
		{"bornholm", "bornholm", true},
		{"bornholm", "sjaelland", false},
		{"aeroe", "fyn", false},
		{"samsoe", "jylland", false},
		{"laesoe", "jylland", false},
		{"fanoe", "jylland", false},
		{"anholt", "jylland", false},
		{"fur", "jylland", false},
		{"mandoe", "jylland", false},
		{"femoe", "lolland", false},
		{"strynoe", "langeland", false},
		{"aeroe", "langeland", false},
		{"als", "fyn", true},
		{"", "bornholm", true}, // unknown: never hide anything
		{"atlantis", "jylland", false},
		{"atlantis", "atlantis", true},
	}
	for _, tt := range tests {
		if got := Bridged(tt.a, tt.b); got != tt.want {
			t.Errorf("Bridged(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Bridged(tt.b, tt.a); got != tt.want {
			t.Errorf("Bridged(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestTravelKm(t *testing.T) {
	pc := func(code string) Postcode {
		p, ok := LookupPostcode(code)
		if !ok {
			t.Fatalf("no postcode %s", code)
		}
		return p
	}
	tests := []struct {
		name         string
		from, to     string
		ok           bool
		minKm, maxKm float64
	}{
		{"Odense-Nyborg, one island", "5000", "5800", true, 25, 29},
		{"Korsør-Nyborg over Storebælt", "4220", "5800", true, 22, 30},
		{"Nakskov-Rudkøbing has no short land route", "4900", "5900", true, 150, 250},
		{"Rønne-København: no bridge", "3700", "1050", false, 140, 160},
		{"Fur-Skive: ferry only", "7884", "7800", false, 0, 40},
		{"Marstal-Svendborg: ferry only", "5960", "5700", false, 0, 40},
		{"Sønderborg-Odense round Lillebælt", "6400", "5000", true, 100, 140},
		{"Stege-Vordingborg over Møn's bridge", "4780", "4760", true, 22, 35},
		{"Aarhus-København over both belts", "8000", "2100", true, 250, 320},
		{"Rudkøbing-Svendborg over Tåsinge", "5900", "5700", true, 15, 20},
		{"Nykøbing M-Skive over Sallingsund", "7900", "7800", true, 25, 40},
	}
	for _, tt := range tests {
		a, b := pc(tt.from), pc(tt.to)
		km, ok := TravelKm(a.Lat, a.Lon, a.Landmass, b.Lat, b.Lon, b.Landmass)
		if ok != tt.ok || km < tt.minKm || km > tt.maxKm {
			t.Errorf("%s: TravelKm = %.1f, %v; want %v within %.0f-%.0f km", tt.name, km, ok, tt.ok, tt.minKm, tt.maxKm)
		}
		back, okBack := TravelKm(b.Lat, b.Lon, b.Landmass, a.Lat, a.Lon, a.Landmass)
		if okBack != ok || math.Abs(back-km) > 1e-9 {
			t.Errorf("%s: not symmetric: %.3f, %v back", tt.name, back, okBack)
		}
		if straight := DistanceKm(a.Lat, a.Lon, b.Lat, b.Lon); km < straight-1e-9 {
			t.Errorf("%s: %.1f km is shorter than the straight line %.1f", tt.name, km, straight)
		}
	}
	// A place and its own postal town are close, and the distance is the
	// straight line.
	p, _ := ResolvePlace("Frederiksbjerg")
	c := pc("8000")
	if km, ok := TravelKm(p.Lat, p.Lon, p.Landmass, c.Lat, c.Lon, c.Landmass); !ok || km > 2 {
		t.Errorf("Frederiksbjerg to Aarhus C: %.1f km, %v", km, ok)
	}
	// An unknown landmass gives the straight line.
	if km, ok := TravelKm(c.Lat, c.Lon, "", 55.1, 14.7, "bornholm"); !ok || math.Abs(km-DistanceKm(c.Lat, c.Lon, 55.1, 14.7)) > 1e-9 {
		t.Errorf("unknown landmass: %.1f, %v", km, ok)
	}
}

func TestTravelKmDoesNotAllocate(t *testing.T) {
	a, _ := LookupPostcode("4900")
	b, _ := LookupPostcode("5900")
	if n := testing.AllocsPerRun(100, func() {
		TravelKm(a.Lat, a.Lon, a.Landmass, b.Lat, b.Lon, b.Landmass)
		Bridged(a.Landmass, "bornholm")
	}); n != 0 {
		t.Errorf("TravelKm allocates %.0f times per call", n)
	}
}

func BenchmarkNearest(b *testing.B) {
	for b.Loop() {
		Nearest(56.1572, 10.2107)
	}
}

func BenchmarkTravelKm(b *testing.B) {
	from, _ := LookupPostcode("4900")
	to, _ := LookupPostcode("8000")
	for b.Loop() {
		TravelKm(from.Lat, from.Lon, from.Landmass, to.Lat, to.Lon, to.Landmass)
	}
}

func TestReachKm(t *testing.T) {
	tests := []struct {
		muni     string
		min, max float64
	}{
		{"København", 25, 25},
		{"Aarhus", 25, 25},
		{"Odense", 25, 25},
		{"Frederiksberg", 25, 25},
		{"Esbjerg", 25, 30},
		{"Lolland", 35, 40},
		{"Thisted", 35, 40},
		{"Ringkøbing-Skjern", 35, 40},
		{"Bornholm", 35, 45},
		{"Læsø", 15, 25},
		{"Fanø", 15, 25},
		{"Samsø", 20, 30},
		{"Ærø", 20, 30},
		{"Koebenhavn", 25, 25},
		{"Atlantis", DefaultReachKm, DefaultReachKm},
	}
	for _, tt := range tests {
		if got := ReachKm(tt.muni); got < tt.min || got > tt.max {
			t.Errorf("ReachKm(%q) = %.0f, want %.0f-%.0f", tt.muni, got, tt.min, tt.max)
		}
	}
	for _, m := range Municipalities() {
		if got := ReachKm(m.Name); got != m.ReachKm || got < 20 || got > 45 {
			t.Errorf("ReachKm(%s) = %.0f, Municipality.ReachKm = %.0f", m.Name, got, m.ReachKm)
		}
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		name     string
		lat, lon float64
		want     string // "" means outside Denmark
	}{
		{"Aarhus, Store Torv", 56.1572, 10.2107, "8000"},
		{"Aarhus city hall", 56.1527, 10.2039, "8000"},
		{"Rønne harbour", 55.101, 14.699, "3700"},
		{"Skagen", 57.722, 10.590, "9990"},
		{"Marstal", 54.855, 10.519, "5960"},
		{"Christiansø (in 3760 Gudhjem)", 55.320, 15.187, "3760"},
		{"Gedser", 54.577, 11.929, "4874"},
		{"Padborg", 54.826, 9.362, "6330"},
		{"Frøslev, by the border", 54.825, 9.335, "6330"},
		{"Kruså", 54.845, 9.400, "6340"},
		{"Højer", 54.960, 8.705, "6280"},
		{"Havneby, Rømø", 55.085, 8.567, "6792"},
		{"Dragør harbour", 55.593, 12.672, "2791"},
		{"Helsingør, Kronborg", 56.039, 12.621, "3000"},
		{"North Sea", 56.0, 7.5, ""},
		{"North Sea off Thy", 56.9, 7.9, ""},
		{"Skagerrak", 57.5, 8.6, ""},
		{"Kattegat", 56.95, 11.3, ""},
		{"Malmö", 55.605, 13.000, ""},
		{"Helsingborg", 56.045, 12.694, ""},
		{"Flensburg", 54.782, 9.435, ""},
		{"Harrislee", 54.797, 9.380, ""},
		{"Süderlügum", 54.875, 8.910, ""},
		{"Sylt, List", 55.018, 8.432, ""},
		{"Fehmarn, Puttgarden", 54.500, 11.220, ""},
		{"Berlin", 52.52, 13.40, ""},
		{"not a number", math.NaN(), 10, ""},
	}
	for _, tt := range tests {
		p, ok := Nearest(tt.lat, tt.lon)
		if tt.want == "" {
			if ok {
				t.Errorf("Nearest(%s) = %s %s, want outside Denmark", tt.name, p.Code, p.Town)
			}
			continue
		}
		if !ok || p.Code != tt.want {
			t.Errorf("Nearest(%s) = %q %s, %v; want %s", tt.name, p.Code, p.Town, ok, tt.want)
		}
	}
	// Every town and place is in Denmark, and a postal town's own centre
	// gives its own postcode.
	for _, pc := range data().towns {
		if got, ok := Nearest(pc.Lat, pc.Lon); !ok || got != pc {
			t.Errorf("Nearest(%s %s) = %s %s, %v", pc.Code, pc.Town, got.Code, got.Town, ok)
		}
	}
	for _, p := range PlaceNames() {
		if _, ok := Nearest(p.Lat, p.Lon); !ok {
			t.Errorf("%s at %.3f,%.3f is not found in Denmark", p.Name, p.Lat, p.Lon)
		}
	}
}

// postcodesInUse are the postcodes in use outside the central Copenhagen
// street ranges, as in the postal register (PostNord's postcode list),
// less the codes kept for single companies and post boxes.
const postcodesInUse = `
2000 2100 2150 2200 2300 2400 2450 2500 2600 2605 2610 2620 2625 2630 2635 2640
2650 2660 2665 2670 2680 2690 2700 2720 2730 2740 2750 2760 2765 2770 2791 2800
2820 2830 2840 2850 2860 2870 2880 2900 2920 2930 2942 2950 2960 2970 2980 2990
3000 3050 3060 3070 3080 3100 3120 3140 3150 3200 3210 3220 3230 3250 3300 3310
3320 3330 3360 3370 3390 3400 3450 3460 3480 3490 3500 3520 3540 3550 3600 3630
3650 3660 3670 3700 3720 3730 3740 3751 3760 3770 3782 3790 4000 4030 4040 4050
4060 4070 4100 4130 4140 4160 4171 4173 4174 4180 4190 4200 4220 4230 4241 4242
4243 4244 4245 4250 4261 4262 4270 4281 4291 4293 4295 4296 4300 4305 4320 4330
4340 4350 4360 4370 4390 4400 4420 4440 4450 4460 4470 4480 4490 4500 4520 4532
4534 4540 4550 4560 4571 4572 4573 4581 4583 4591 4592 4593 4600 4621 4622 4623
4632 4640 4652 4653 4654 4660 4671 4672 4673 4681 4682 4683 4684 4690 4700 4720
4733 4735 4736 4750 4760 4771 4772 4773 4780 4791 4792 4793 4800 4840 4850 4862
4863 4871 4872 4873 4874 4880 4891 4892 4894 4895 4900 4912 4913 4920 4930 4941
4942 4943 4944 4945 4951 4952 4953 4960 4970 4983 4990 5000 5200 5210 5220 5230
5240 5250 5260 5270 5290 5300 5320 5330 5350 5370 5380 5390 5400 5450 5462 5463
5464 5466 5471 5474 5485 5491 5492 5500 5540 5550 5560 5580 5591 5592 5600 5601
5602 5603 5610 5620 5631 5642 5672 5683 5690 5700 5750 5762 5771 5772 5792 5800
5853 5854 5856 5863 5871 5874 5881 5882 5883 5884 5892 5900 5932 5935 5943 5953
5960 5965 5970 5985 6000 6040 6051 6052 6064 6070 6091 6092 6093 6094 6100 6200
6210 6230 6240 6261 6270 6280 6300 6310 6320 6330 6340 6360 6372 6392 6400 6430
6440 6470 6500 6510 6520 6534 6535 6541 6560 6580 6600 6621 6622 6623 6630 6640
6650 6660 6670 6682 6683 6690 6700 6705 6710 6715 6720 6731 6740 6752 6753 6760
6771 6780 6792 6800 6818 6823 6830 6840 6851 6852 6853 6854 6855 6857 6862 6870
6880 6893 6900 6920 6933 6940 6950 6960 6971 6973 6980 6990 7000 7080 7100 7120
7130 7140 7150 7160 7171 7173 7182 7183 7184 7190 7200 7250 7260 7270 7280 7300
7321 7323 7330 7361 7362 7400 7430 7441 7442 7451 7470 7480 7490 7500 7540 7550
7560 7570 7600 7620 7650 7660 7673 7680 7700 7730 7741 7742 7752 7755 7760 7770
7790 7800 7830 7840 7850 7860 7870 7884 7900 7950 7960 7970 7980 7990 8000 8200
8210 8220 8230 8240 8245 8250 8260 8270 8300 8305 8310 8320 8330 8340 8350 8355
8361 8362 8370 8380 8381 8382 8400 8410 8420 8444 8450 8462 8464 8471 8472 8500
8520 8530 8541 8543 8544 8550 8560 8570 8581 8585 8586 8592 8600 8620 8632 8641
8643 8653 8654 8660 8670 8680 8700 8721 8722 8723 8732 8740 8751 8752 8762 8763
8765 8766 8781 8783 8789 8799 8800 8830 8831 8832 8840 8850 8860 8870 8881 8882
8883 8900 8920 8930 8940 8950 8960 8961 8963 8970 8981 8983 8990 9000 9200 9210
9220 9230 9240 9260 9270 9280 9293 9300 9310 9320 9330 9340 9352 9362 9370 9380
9381 9382 9400 9430 9440 9460 9480 9490 9492 9493 9500 9510 9520 9530 9541 9550
9560 9574 9575 9600 9610 9620 9631 9632 9640 9670 9681 9690 9700 9740 9750 9760
9800 9830 9850 9870 9881 9900 9940 9970 9981 9982 9990
`

func TestEveryPostcodeInUseResolves(t *testing.T) {
	codes := strings.Fields(postcodesInUse)
	for _, code := range codes {
		p, ok := LookupPostcode(code)
		if !ok {
			t.Errorf("postcode %s does not resolve", code)
			continue
		}
		if p.Landmass == "" || p.Town == "" {
			t.Errorf("postcode %s: %+v", code, p)
		}
	}
	if n := len(data().postcodes); n != len(codes) {
		t.Errorf("the data has %d single postcodes, the register %d", n, len(codes))
	}
	for _, code := range []string{"1000", "1499", "1500", "1799", "1800", "1999"} {
		if _, ok := LookupPostcode(code); !ok {
			t.Errorf("central Copenhagen postcode %s does not resolve", code)
		}
	}
}

// TestPlacesInATownAreCloseToItsPostcode: a young person in Nørrebro and an
// opportunity in 2200 København N are a short walk apart, not "0 km" and
// not across the city.
func TestPlacesInATownAreCloseToItsPostcode(t *testing.T) {
	tests := []struct {
		place, code string
		maxKm       float64
	}{
		{"Nørrebro", "2200", 1.5},
		{"Vesterbro", "1620", 1},
		{"Østerbro", "2100", 1},
		{"Frederiksbjerg", "8000", 1.5},
		{"Trøjborg", "8000", 2},
		{"Byrum", "9940", 0.5},
		{"Tranebjerg", "8305", 0.5},
		{"Nordby", "6720", 0.5},
		{"Troense", "5700", 6}, // over Svendborgsund
		{"Vollsmose", "5000", 4},
		{"Nykøbing Falster", "4800", 0.5},
	}
	for _, tt := range tests {
		p, ok1 := ResolvePlace(tt.place)
		pc, ok2 := LookupPostcode(tt.code)
		if !ok1 || !ok2 {
			t.Errorf("%s or %s does not resolve", tt.place, tt.code)
			continue
		}
		km, ok := TravelKm(p.Lat, p.Lon, p.Landmass, pc.Lat, pc.Lon, pc.Landmass)
		if !ok || km > tt.maxKm {
			t.Errorf("%s to %s %s: %.1f km, %v; want within %.1f km", tt.place, pc.Code, pc.Town, km, ok, tt.maxKm)
		}
	}
}
