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
	for _, w := range []string{"Give", "them", "Ry", "Vejen", "vrå"} {
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
		munis = "code,name,region,lat,lon\n" +
			"101,København,Region Hovedstaden,55.676,12.568\n" +
			"751,Aarhus,Region Midtjylland,56.157,10.211\n"
		postcodes = "code,town,municipality,lat,lon\n" +
			"1000-1499,København K,København,55.679,12.577\n" +
			"8000,Aarhus C,Aarhus,56.157,10.211\n"
		places = "name,municipality,lat,lon\n" +
			"Nørrebro,København,55.694,12.549\n" +
			"Trøjborg,Aarhus,,\n"
	)
	fsOf := func(m, pc, pl string) fstest.MapFS {
		return fstest.MapFS{
			"data/municipalities.csv": {Data: []byte(m)},
			"data/postcodes.csv":      {Data: []byte(pc)},
			"data/places.csv":         {Data: []byte(pl)},
		}
	}
	if _, err := load(fsOf(munis, postcodes, places)); err != nil {
		t.Fatalf("valid sample rejected: %v", err)
	}
	tests := []struct {
		name              string
		munis, pcs, place string
	}{
		{"bad header", "code,name\n", postcodes, places},
		{"wrong field count", munis + "147,Frederiksberg\n", postcodes, places},
		{"bad municipality code", munis + "x,Frederiksberg,Region Hovedstaden,55.7,12.5\n", postcodes, places},
		{"duplicate municipality code", munis + "101,Frederiksberg,Region Hovedstaden,55.7,12.5\n", postcodes, places},
		{"duplicate municipality name", munis + "147,københavn,Region Hovedstaden,55.7,12.5\n", postcodes, places},
		{"coordinates outside Denmark", munis + "147,Frederiksberg,Region Hovedstaden,12.5,55.7\n", postcodes, places},
		{"unparsable coordinates", munis, postcodes + "8200,Aarhus N,Aarhus,north,10.2\n", places},
		{"unknown municipality", munis, postcodes + "5000,Odense C,Odense,55.4,10.4\n", places},
		{"municipality misspelt", munis, postcodes + "8200,Aarhus N,Århus,56.2,10.2\n", places},
		{"duplicate postcode", munis, postcodes + "8000,Aarhus C,Aarhus,56.157,10.211\n", places},
		{"bad postcode", munis, postcodes + "800,Aarhus C,Aarhus,56.157,10.211\n", places},
		{"bad range", munis, postcodes + "1999-1500,København V,København,55.67,12.55\n", places},
		{"overlapping ranges", munis, postcodes + "1400-1599,København V,København,55.67,12.55\n", places},
		{"code inside range", munis, postcodes + "1050,København K,København,55.67,12.55\n", places},
		{"place in two municipalities", munis, postcodes, places + "Noerrebro,Aarhus,,\n"},
		{"place with unknown municipality", munis, postcodes, places + "Vollsmose,Odense,,\n"},
		{"place with half coordinates", munis, postcodes, places + "Viby,Aarhus,56.1,\n"},
		{"missing file", munis, "", places},
	}
	for _, tt := range tests {
		fsys := fsOf(tt.munis, tt.pcs, tt.place)
		if tt.pcs == "" {
			delete(fsys, "data/postcodes.csv")
		}
		if _, err := load(fsys); err == nil {
			t.Errorf("%s: load succeeded, want an error", tt.name)
		}
	}
}
