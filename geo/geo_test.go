package geo

import (
	"math"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func inDenmark(lat, lon float64) bool {
	return lat >= 54.5 && lat <= 57.8 && lon >= 8.0 && lon <= 15.2
}

func TestEmbeddedDataLoads(t *testing.T) {
	if _, err := load(dataFS); err != nil {
		t.Fatalf("embedded data does not load: %v", err)
	}
}

func TestMunicipalities(t *testing.T) {
	ms := Municipalities()
	if len(ms) != 98 {
		t.Fatalf("got %d municipalities, want 98", len(ms))
	}
	names := map[string]bool{}
	codes := map[int]bool{}
	regions := map[string]int{}
	for i, m := range ms {
		if names[m.Name] {
			t.Errorf("duplicate name %q", m.Name)
		}
		if codes[m.Code] {
			t.Errorf("duplicate code %d", m.Code)
		}
		names[m.Name], codes[m.Code] = true, true
		regions[m.Region]++
		if !inDenmark(m.Lat, m.Lon) {
			t.Errorf("%s at %.3f,%.3f lies outside Denmark", m.Name, m.Lat, m.Lon)
		}
		if i > 0 && danishSortKey(ms[i-1].Name) >= danishSortKey(m.Name) {
			t.Errorf("not sorted: %q before %q", ms[i-1].Name, m.Name)
		}
	}
	if last := ms[len(ms)-1].Name; last != "Ærø" {
		t.Errorf("last municipality is %q, want Ærø (æ sorts after z)", last)
	}
	wantRegions := map[string]int{
		"Region Hovedstaden": 29,
		"Region Sjælland":    17,
		"Region Syddanmark":  22,
		"Region Midtjylland": 19,
		"Region Nordjylland": 11,
	}
	for r, n := range wantRegions {
		if regions[r] != n {
			t.Errorf("%s has %d municipalities, want %d", r, regions[r], n)
		}
	}
	if names["Christiansø"] {
		t.Error("Christiansø is not a municipality")
	}

	ms[0].Name = "changed"
	if Municipalities()[0].Name == "changed" {
		t.Error("Municipalities returned shared storage")
	}
}

func TestMunicipalityByCode(t *testing.T) {
	tests := []struct {
		code int
		want string
	}{
		{101, "København"},
		{147, "Frederiksberg"},
		{169, "Høje-Taastrup"},
		{173, "Lyngby-Taarbæk"},
		{400, "Bornholm"},
		{461, "Odense"},
		{751, "Aarhus"},
		{760, "Ringkøbing-Skjern"},
		{851, "Aalborg"},
	}
	for _, tt := range tests {
		m, ok := MunicipalityByCode(tt.code)
		if !ok || m.Name != tt.want {
			t.Errorf("MunicipalityByCode(%d) = %q, %v; want %q", tt.code, m.Name, ok, tt.want)
		}
	}
	if _, ok := MunicipalityByCode(411); ok {
		t.Error("411 (Christiansø) must not be a municipality")
	}
}

func TestLookupMunicipality(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means not found
	}{
		{"København", "København"},
		{"københavn", "København"},
		{"KOEBENHAVN", "København"},
		{"Kobenhavn", "København"},
		{"Københavns Kommune", "København"},
		{"Aarhus", "Aarhus"},
		{"Århus", "Aarhus"},
		{"arhus", "Aarhus"},
		{"Aarhus Kommune", "Aarhus"},
		{"Aalborg", "Aalborg"},
		{"Ålborg", "Aalborg"},
		{"Aabenraa", "Aabenraa"},
		{"Abenra", "Aabenraa"},
		{"Høje-Taastrup", "Høje-Taastrup"},
		{"hoeje taastrup", "Høje-Taastrup"},
		{"Hoje-Tastrup", "Høje-Taastrup"},
		{"Lyngby-Taarbaek", "Lyngby-Taarbæk"},
		{"Ringkobing-Skjern", "Ringkøbing-Skjern"},
		{"  tårnby ", "Tårnby"},
		{"Nordfyn", "Nordfyns"},
		{"Nordfyns Kommune", "Nordfyns"},
		{"Vesthimmerland", "Vesthimmerlands"},
		{"Aeroe", "Ærø"},
		{"Faaborg-Midtfyn", "Faaborg-Midtfyn"},
		{"Christiansø", ""},
		{"Nørrebro", ""},
		{"Copenhagen", ""},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		m, ok := LookupMunicipality(tt.in)
		if tt.want == "" {
			if ok {
				t.Errorf("LookupMunicipality(%q) = %q, want not found", tt.in, m.Name)
			}
			continue
		}
		if !ok || m.Name != tt.want {
			t.Errorf("LookupMunicipality(%q) = %q, %v; want %q", tt.in, m.Name, ok, tt.want)
		}
	}
}

func TestLookupPostcode(t *testing.T) {
	tests := []struct {
		code, town, muni string
	}{
		{"8000", "Aarhus C", "Aarhus"},
		{"8200", "Aarhus N", "Aarhus"},
		{"2300", "København S", "København"},
		{"2100", "København Ø", "København"},
		{"2200", "København N", "København"},
		{"2400", "København NV", "København"},
		{"2450", "København SV", "København"},
		{"2500", "Valby", "København"},
		{"2000", "Frederiksberg", "Frederiksberg"},
		{"5000", "Odense C", "Odense"},
		{"9000", "Aalborg", "Aalborg"},
		{"6700", "Esbjerg", "Esbjerg"},
		{"7100", "Vejle", "Vejle"},
		{"2800", "Kongens Lyngby", "Lyngby-Taarbæk"},
		{"3400", "Hillerød", "Hillerød"},
		{"4000", "Roskilde", "Roskilde"},
		{"2630", "Taastrup", "Høje-Taastrup"},
		{"2650", "Hvidovre", "Hvidovre"},
		{"2860", "Søborg", "Gladsaxe"},
		{"8700", "Horsens", "Horsens"},
		{"7400", "Herning", "Herning"},
		{"8900", "Randers C", "Randers"},
		{"6000", "Kolding", "Kolding"},
		{"2600", "Glostrup", "Glostrup"},
		{"2770", "Kastrup", "Tårnby"},
		{"3700", "Rønne", "Bornholm"},
		{"4800", "Nykøbing F", "Guldborgsund"},
		{"7900", "Nykøbing M", "Morsø"},
		{"9990", "Skagen", "Frederikshavn"},
		{"1050", "København K", "København"},
		{"1100", "København K", "København"},
		{"1620", "København V", "København"},
		{"1799", "København V", "København"},
		{"1850", "Frederiksberg C", "Frederiksberg"},
		{" 8000 ", "Aarhus C", "Aarhus"},
		{"DK-8000", "Aarhus C", "Aarhus"},
	}
	for _, tt := range tests {
		p, ok := LookupPostcode(tt.code)
		if !ok || p.Town != tt.town || p.Municipality != tt.muni {
			t.Errorf("LookupPostcode(%q) = %+v, %v; want %s in %s", tt.code, p, ok, tt.town, tt.muni)
			continue
		}
		if want := strings.TrimPrefix(strings.TrimSpace(tt.code), "DK-"); p.Code != want {
			t.Errorf("LookupPostcode(%q).Code = %q, want %q", tt.code, p.Code, want)
		}
		if !inDenmark(p.Lat, p.Lon) {
			t.Errorf("LookupPostcode(%q) at %.3f,%.3f lies outside Denmark", tt.code, p.Lat, p.Lon)
		}
	}
	for _, bad := range []string{"", "800", "80000", "abcd", "8 00", "0999", "0800", "2001", "9999", "8000x"} {
		if p, ok := LookupPostcode(bad); ok {
			t.Errorf("LookupPostcode(%q) = %+v, want not found", bad, p)
		}
	}
}

func TestPostcodeData(t *testing.T) {
	d := data()
	if n := len(d.postcodes); n < 550 {
		t.Errorf("only %d postcodes, want at least 550", n)
	}
	has := map[string]bool{}
	for code, p := range d.postcodes {
		has[p.Municipality] = true
		if _, ok := LookupMunicipality(p.Municipality); !ok {
			t.Errorf("postcode %s: unknown municipality %q", code, p.Municipality)
		}
		if !inDenmark(p.Lat, p.Lon) {
			t.Errorf("postcode %s %s at %.3f,%.3f lies outside Denmark", code, p.Town, p.Lat, p.Lon)
		}
	}
	for _, m := range Municipalities() {
		if !has[m.Name] {
			t.Errorf("municipality %s has no postcode", m.Name)
		}
	}
}

func TestResolvePlace(t *testing.T) {
	tests := []struct {
		in, muni string // muni "" means not found
		name     string // expected Place.Name, if set
	}{
		{"Nørrebro", "København", "Nørrebro"},
		{"norrebro", "København", "Nørrebro"},
		{"noerrebro", "København", "Nørrebro"},
		{"NØRREBRO", "København", "Nørrebro"},
		{"Vesterbro", "København", ""},
		{"Østerbro", "København", ""},
		{"osterbro", "København", ""},
		{"Amager", "København", ""},
		{"Valby", "København", "Valby"},
		{"Vanløse", "København", ""},
		{"Brønshøj", "København", ""},
		{"Christianshavn", "København", ""},
		{"Indre By", "København", ""},
		{"Sydhavnen", "København", ""},
		{"Nordvest", "København", ""},
		{"Bispebjerg", "København", ""},
		{"Ørestad", "København", ""},
		{"orestad", "København", ""},
		{"Copenhagen", "København", ""},
		{"copenhagen", "København", ""},
		{"cph", "København", ""},
		{"kbh", "København", ""},
		{"KBH K", "København", ""},
		{"København K", "København", "København K"},
		{"kobenhavn n", "København", "København N"},
		{"København", "København", "København"},
		{"Frederiksberg", "Frederiksberg", "Frederiksberg"},
		{"Frederiksberg C", "Frederiksberg", ""},
		{"Århus", "Aarhus", "Aarhus"},
		{"Aarhus", "Aarhus", "Aarhus"},
		{"aarhus c", "Aarhus", "Aarhus C"},
		{"Århus C", "Aarhus", "Aarhus C"},
		{"Trøjborg", "Aarhus", ""},
		{"Frederiksbjerg", "Aarhus", ""},
		{"Viby", "Aarhus", ""},
		{"Viby J", "Aarhus", ""},
		{"Brabrand", "Aarhus", ""},
		{"Risskov", "Aarhus", ""},
		{"Åbyhøj", "Aarhus", ""},
		{"abyhoj", "Aarhus", ""},
		{"Vollsmose", "Odense", ""},
		{"Odense C", "Odense", ""},
		{"Aalborg Øst", "Aalborg", ""},
		{"Nørresundby", "Aalborg", ""},
		{"Ålborg", "Aalborg", ""},
		{"Lyngby", "Lyngby-Taarbæk", ""},
		{"Kgs. Lyngby", "Lyngby-Taarbæk", ""},
		{"Kongens Lyngby", "Lyngby-Taarbæk", ""},
		{"Elsinore", "Helsingør", ""},
		{"Nykøbing Falster", "Guldborgsund", ""},
		{"Nykøbing F", "Guldborgsund", ""},
		{"Nykøbing Mors", "Morsø", ""},
		{"Rønne", "Bornholm", ""},
		{"Kastrup", "Tårnby", ""},
		{"Taastrup", "Høje-Taastrup", ""},
		{"Hellerup", "Gentofte", ""},
		{"Charlottenlund", "Gentofte", ""},
		{"Birkerød", "Rudersdal", ""},
		{"Holte", "Rudersdal", ""},
		{"Brøndby Strand", "Brøndby", "Brøndby Strand"},
		{"Greve Strand", "Greve", ""},
		{"Aabenraa", "Aabenraa", ""},
		{"Sønderborg", "Sønderborg", ""},
		{"sonderborg", "Sønderborg", ""},
		{"Høje Taastrup", "Høje-Taastrup", ""},
		{"Haderslev Kommune", "Haderslev", ""},
		{"Københavns Kommune", "København", ""},
		{"8000", "Aarhus", "Aarhus C"},
		{"2200 København N", "København", "København N"},
		{"1620", "København", "København V"},
		{"DK-8000", "Aarhus", "Aarhus C"},
		{"Viby Sj", "Roskilde", ""},
		{"Christiansø", "", ""},
		{"Atlantis", "", ""},
		{"Berlin", "", ""},
		{"9999", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		p, ok := ResolvePlace(tt.in)
		if tt.muni == "" {
			if ok {
				t.Errorf("ResolvePlace(%q) = %+v, want not found", tt.in, p)
			}
			continue
		}
		if !ok || p.Municipality != tt.muni {
			t.Errorf("ResolvePlace(%q) = %+v, %v; want in %s", tt.in, p, ok, tt.muni)
			continue
		}
		if tt.name != "" && p.Name != tt.name {
			t.Errorf("ResolvePlace(%q).Name = %q, want %q", tt.in, p.Name, tt.name)
		}
		if !inDenmark(p.Lat, p.Lon) {
			t.Errorf("ResolvePlace(%q) at %.3f,%.3f lies outside Denmark", tt.in, p.Lat, p.Lon)
		}
	}
}

func TestPlaceNames(t *testing.T) {
	ps := PlaceNames()
	if len(ps) < 98+550 {
		t.Fatalf("only %d place names", len(ps))
	}
	seen := map[string]bool{}
	for i, p := range ps {
		if i > 0 && utf8.RuneCountInString(ps[i-1].Name) < utf8.RuneCountInString(p.Name) {
			t.Errorf("not longest first: %q before %q", ps[i-1].Name, p.Name)
		}
		k := Fold(p.Name)
		if seen[k] {
			t.Errorf("name %q listed twice", p.Name)
		}
		seen[k] = true
		got, ok := ResolvePlace(p.Name)
		if !ok || got != p {
			t.Errorf("ResolvePlace(%q) = %+v, %v; want %+v", p.Name, got, ok, p)
		}
		if !inDenmark(p.Lat, p.Lon) {
			t.Errorf("%s at %.3f,%.3f lies outside Denmark", p.Name, p.Lat, p.Lon)
		}
	}
	for _, name := range []string{"København", "Ærø", "Nørrebro", "Copenhagen", "cph", "Aarhus C", "Skagen", "København K"} {
		if !seen[Fold(name)] {
			t.Errorf("PlaceNames lacks %q", name)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nørrebro", "noerrebro"},
		{"noerrebro", "noerrebro"},
		{"NØRREBRO", "noerrebro"},
		{"Århus", "aarhus"},
		{"Ærø", "aeroe"},
		{"Høje-Taastrup", "hoeje taastrup"},
		{"  Kgs.  Lyngby ", "kgs lyngby"},
		{"Köpenhamn", "koepenhamn"},
		{"Café Éden", "cafe eden"},
		{"2200 København N", "2200 koebenhavn n"},
		{"Dragør's", "dragoers"},
		{"", ""},
		{" - ", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The loose key is what makes people who skip æøå understood.
	for _, pair := range [][2]string{{"Nørrebro", "norrebro"}, {"Aabenraa", "Abenra"}, {"Næstved", "Nastved"}, {"Tårnby", "Tarnby"}} {
		if a, b := looseKey(Fold(pair[0])), looseKey(Fold(pair[1])); a != b {
			t.Errorf("loose keys differ: %q -> %q, %q -> %q", pair[0], a, pair[1], b)
		}
	}
}

func TestIsCommonWord(t *testing.T) {
	for _, w := range []string{"Give", "them", "Ry", "Vejen", "vrå", "stilling", "Byrum", "kloster"} {
		if !IsCommonWord(w) {
			t.Errorf("IsCommonWord(%q) = false, want true", w)
		}
		if _, ok := ResolvePlace(w); !ok {
			t.Errorf("common word %q does not resolve as a place", w)
		}
	}
	for _, w := range []string{"Aarhus", "Nørrebro", "Skagen", ""} {
		if IsCommonWord(w) {
			t.Errorf("IsCommonWord(%q) = true, want false", w)
		}
	}
}

func TestDistanceKm(t *testing.T) {
	kbh, _ := LookupMunicipality("København")
	aar, _ := LookupMunicipality("Aarhus")
	aal, _ := LookupMunicipality("Aalborg")
	tests := []struct {
		name      string
		a, b      Municipality
		want, tol float64
	}{
		{"København-Aarhus", kbh, aar, 157, 15},
		{"Aarhus-Aalborg", aar, aal, 100, 15},
		{"same point", kbh, kbh, 0, 1e-9},
	}
	for _, tt := range tests {
		got := DistanceKm(tt.a.Lat, tt.a.Lon, tt.b.Lat, tt.b.Lon)
		if math.Abs(got-tt.want) > tt.tol {
			t.Errorf("%s: DistanceKm = %.1f, want %.0f±%.0f", tt.name, got, tt.want, tt.tol)
		}
		if back := DistanceKm(tt.b.Lat, tt.b.Lon, tt.a.Lat, tt.a.Lon); math.Abs(back-got) > 1e-9 {
			t.Errorf("%s: not symmetric: %.6f vs %.6f", tt.name, got, back)
		}
	}
}

func TestLoadRejectsMalformedData(t *testing.T) {
	const (
		lands = "id,name,name_en\n" +
			"sjaelland,Sjælland,Zealand\n" +
			"jylland,Jylland,Jutland\n" +
			"fyn,Fyn,Funen\n"
		bridges = "name,from,from_lat,from_lon,to,to_lat,to_lon\n" +
			"Storebælt,fyn,55.297,10.862,sjaelland,55.344,11.110\n"
		munis = "code,name,region,lat,lon,landmass,reach_km\n" +
			"101,København,Region Hovedstaden,55.676,12.568,sjaelland,25\n" +
			"751,Aarhus,Region Midtjylland,56.157,10.211,jylland,25\n"
		postcodes = "code,town,municipality,lat,lon,landmass\n" +
			"1000-1499,København K,København,55.679,12.577,sjaelland\n" +
			"8000,Aarhus C,Aarhus,56.157,10.211,jylland\n"
		places = "name,municipality,lat,lon,landmass\n" +
			"Nørrebro,København,55.694,12.549,sjaelland\n" +
			"Trøjborg,Aarhus,56.170,10.210,jylland\n"
	)
	type files struct{ lands, bridges, munis, pcs, places string }
	fsOf := func(f files) fstest.MapFS {
		fsys := fstest.MapFS{}
		for name, text := range map[string]string{
			"landmasses": f.lands, "bridges": f.bridges, "municipalities": f.munis,
			"postcodes": f.pcs, "places": f.places,
		} {
			if text != "" {
				fsys["data/"+name+".csv"] = &fstest.MapFile{Data: []byte(text)}
			}
		}
		return fsys
	}
	valid := files{lands, bridges, munis, postcodes, places}
	if _, err := load(fsOf(valid)); err != nil {
		t.Fatalf("valid sample rejected: %v", err)
	}
	tests := []struct {
		name   string
		change func(*files)
	}{
		{"bad header", func(f *files) { f.munis = "code,name\n" }},
		{"old header without landmass", func(f *files) {
			f.pcs = "code,town,municipality,lat,lon\n8000,Aarhus C,Aarhus,56.157,10.211\n"
		}},
		{"wrong field count", func(f *files) { f.munis += "147,Frederiksberg\n" }},
		{"bad municipality code", func(f *files) { f.munis += "x,Frederiksberg,Region Hovedstaden,55.7,12.5,sjaelland,25\n" }},
		{"duplicate municipality code", func(f *files) { f.munis += "101,Frederiksberg,Region Hovedstaden,55.7,12.5,sjaelland,25\n" }},
		{"duplicate municipality name", func(f *files) { f.munis += "147,københavn,Region Hovedstaden,55.7,12.5,sjaelland,25\n" }},
		{"coordinates outside Denmark", func(f *files) { f.munis += "147,Frederiksberg,Region Hovedstaden,12.5,55.7,sjaelland,25\n" }},
		{"municipality on unknown landmass", func(f *files) { f.munis += "147,Frederiksberg,Region Hovedstaden,55.7,12.5,amager,25\n" }},
		{"reach not a number", func(f *files) { f.munis += "147,Frederiksberg,Region Hovedstaden,55.7,12.5,sjaelland,far\n" }},
		{"reach out of range", func(f *files) { f.munis += "147,Frederiksberg,Region Hovedstaden,55.7,12.5,sjaelland,500\n" }},
		{"unparsable coordinates", func(f *files) { f.pcs += "8200,Aarhus N,Aarhus,north,10.2,jylland\n" }},
		{"unknown municipality", func(f *files) { f.pcs += "5000,Odense C,Odense,55.4,10.4,fyn\n" }},
		{"municipality misspelt", func(f *files) { f.pcs += "8200,Aarhus N,Århus,56.2,10.2,jylland\n" }},
		{"postcode on unknown landmass", func(f *files) { f.pcs += "8200,Aarhus N,Aarhus,56.2,10.2,Jylland\n" }},
		{"postcode without landmass", func(f *files) { f.pcs += "8200,Aarhus N,Aarhus,56.2,10.2,\n" }},
		{"duplicate postcode", func(f *files) { f.pcs += "8000,Aarhus C,Aarhus,56.157,10.211,jylland\n" }},
		{"bad postcode", func(f *files) { f.pcs += "800,Aarhus C,Aarhus,56.157,10.211,jylland\n" }},
		{"bad range", func(f *files) { f.pcs += "1999-1500,København V,København,55.67,12.55,sjaelland\n" }},
		{"overlapping ranges", func(f *files) { f.pcs += "1400-1599,København V,København,55.67,12.55,sjaelland\n" }},
		{"code inside range", func(f *files) { f.pcs += "1050,København K,København,55.67,12.55,sjaelland\n" }},
		{"place in two municipalities", func(f *files) { f.places += "Noerrebro,Aarhus,56.1,10.2,jylland\n" }},
		{"place with unknown municipality", func(f *files) { f.places += "Vollsmose,Odense,55.41,10.43,fyn\n" }},
		{"place with half coordinates", func(f *files) { f.places += "Viby,Aarhus,56.1,,jylland\n" }},
		{"place without coordinates", func(f *files) { f.places += "Viby,Aarhus,,,jylland\n" }},
		{"place on unknown landmass", func(f *files) { f.places += "Viby,Aarhus,56.125,10.160,mars\n" }},
		{"landmass id not a-z", func(f *files) { f.lands += "moen,Møn,Møn\nmøn,Møn,Møn\n" }},
		{"landmass without English name", func(f *files) { f.lands += "moen,Møn,\n" }},
		{"duplicate landmass", func(f *files) { f.lands += "fyn,Fyn,Funen\n" }},
		{"link to unknown landmass", func(f *files) { f.bridges += "Lillebælt,jylland,55.522,9.712,fynn,55.510,9.735\n" }},
		{"link joining a landmass to itself", func(f *files) { f.bridges += "Limfjord,jylland,57.06,9.92,jylland,57.05,9.92\n" }},
		{"link longer than any bridge", func(f *files) { f.bridges += "Kattegat,jylland,56.15,10.21,sjaelland,55.68,12.57\n" }},
		{"link without a name", func(f *files) { f.bridges += ",jylland,55.522,9.712,fyn,55.510,9.735\n" }},
		{"missing postcodes file", func(f *files) { f.pcs = "" }},
		{"missing bridges file", func(f *files) { f.bridges = "" }},
		{"missing landmasses file", func(f *files) { f.lands = "" }},
	}
	for _, tt := range tests {
		f := valid
		tt.change(&f)
		if _, err := load(fsOf(f)); err == nil {
			t.Errorf("%s: load succeeded, want an error", tt.name)
		}
	}
}
