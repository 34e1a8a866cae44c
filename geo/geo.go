// Package geo owns Brobygger's knowledge of Danish geography: the 98
// municipalities, the postcodes in use, the many names people use for
// where they live (districts, villages, islands, foreign names, slang such
// as "kbh"), the islands they lie on and the bridges between them, and how
// far a young person is expected to travel.
//
// The data lives in CSV files under data/, embedded in the binary and
// parsed once on first use. It is the project's own approximate data:
// every postal town and place has its own coordinates, good to a kilometre
// or two, which is all the matcher needs to tell near from far. The
// package uses only the standard library and imports nothing else from the
// project.
//
// Names are compared after folding (see [Fold]) so that "Nørrebro",
// "noerrebro" and "norrebro" all resolve to the same place.
package geo

import (
	"math"
	"slices"
	"strings"
)

// Municipality is one of Denmark's 98 municipalities (kommuner).
type Municipality struct {
	// Code is the official three-digit municipality code, e.g. 101 for
	// København and 751 for Aarhus.
	Code int
	// Name is the official short Danish name, e.g. "Høje-Taastrup".
	Name string
	// Region is the administrative region, e.g. "Region Midtjylland".
	Region string
	// Lat and Lon are the municipality's main town (its seat, or the
	// town it is named after), where most of its people live.
	Lat, Lon float64
	// Landmass is the id of the island the main town lies on (see
	// [Landmass]); parts of a municipality may lie on others, as Møn does
	// in Vordingborg.
	Landmass string
	// ReachKm is how far a young person here is expected to travel to a
	// weekly activity; see [ReachKm].
	ReachKm float64
}

// Postcode is a Danish postcode (postnummer) with its postal town.
type Postcode struct {
	// Code is the four-digit postcode, e.g. "8000".
	Code string
	// Town is the postal town (postdistrikt), e.g. "Aarhus C".
	Town string
	// Municipality is the name of the municipality the postcode mainly
	// lies in; postcodes that straddle a border map to the one holding
	// the postal town.
	Municipality string
	// Lat and Lon are the postal town's own centre (not its
	// municipality's): 9990 Skagen is 40 km from Frederikshavn.
	Lat, Lon float64
	// Landmass is the id of the island the postal town lies on, e.g.
	// "bornholm" for 3700 Rønne; see [Landmass].
	Landmass string
}

// Place is a name a person might write for where they live.
type Place struct {
	// Name is the place name as the data spells it, e.g. "Nørrebro" or
	// "cph".
	Name string
	// Municipality is the name of the municipality the place lies in.
	Municipality string
	// Lat and Lon are the place's own centre, to a kilometre or two.
	Lat, Lon float64
	// Landmass is the id of the island the place lies on; see [Landmass].
	Landmass string
}

// Municipalities returns all 98 municipalities in Danish alphabetical
// order (æ, ø and å after z). The slice is a fresh copy.
func Municipalities() []Municipality {
	return slices.Clone(data().munis)
}

// LookupMunicipality finds a municipality by its official name. Matching
// is case-insensitive and tolerant of how people type Danish letters:
// "Århus", "Aarhus" and "Arhus" all find Aarhus, "Koebenhavn" and
// "Kobenhavn" find København. A trailing "Kommune" and the genitive "s"
// of "Københavns Kommune" are ignored. Other place names (districts,
// towns, "Copenhagen") are the job of [ResolvePlace].
func LookupMunicipality(name string) (Municipality, bool) {
	d := data()
	k := trimKommune(Fold(name))
	if k == "" {
		return Municipality{}, false
	}
	// The official names include "Nordfyns" and "Vesthimmerlands", while
	// people often write "Københavns" for København, so try the name with
	// and without a final s.
	cands := []string{k, k + "s"}
	if t, ok := strings.CutSuffix(k, "s"); ok {
		cands = append(cands, t)
	}
	for _, c := range cands {
		if i, ok := d.muniByKey[c]; ok {
			return d.munis[i], true
		}
	}
	for _, c := range cands {
		if i, ok := d.muniByLoose[looseKey(c)]; ok {
			return d.munis[i], true
		}
	}
	return Municipality{}, false
}

// MunicipalityByCode finds a municipality by its official three-digit code.
func MunicipalityByCode(code int) (Municipality, bool) {
	d := data()
	i, ok := d.muniByCode[code]
	if !ok {
		return Municipality{}, false
	}
	return d.munis[i], true
}

// LookupPostcode finds a four-digit Danish postcode, e.g. "8000" gives
// Aarhus C in Aarhus municipality. Surrounding space and a "DK-" prefix
// are allowed. Every code in the central Copenhagen street ranges
// (1000-1499 København K, 1500-1799 København V, 1800-1999 Frederiksberg C)
// is accepted, since those districts hand out one code per street.
func LookupPostcode(code string) (Postcode, bool) {
	c := strings.TrimSpace(code)
	if len(c) > 3 && strings.EqualFold(c[:3], "dk-") {
		c = c[3:]
	}
	n, ok := postcodeNumber(c)
	if !ok {
		return Postcode{}, false
	}
	d := data()
	if p, ok := d.postcodes[c]; ok {
		return p, true
	}
	for _, r := range d.ranges {
		if n >= r.lo && n <= r.hi {
			p := r.pc
			p.Code = c
			return p, true
		}
	}
	return Postcode{}, false
}

// ResolvePlace finds the place a person means by name: a municipality, a
// postal town, a district such as "Nørrebro" or "Trøjborg", a foreign name
// such as "Copenhagen", or slang such as "kbh" or "cph". A postcode, alone
// or in front of the town ("8000 Aarhus C"), resolves to its postal town.
//
// Names are compared after [Fold], and if that finds nothing, on a looser
// key where æ/ae, ø/oe and å/aa all collapse to a single a or o. So
// "Nørrebro", "noerrebro" and "norrebro" all work, as do "Aabenraa" and
// "Abenra". The exact key is tried first because the loose one can make
// different names meet; when it does, municipalities win over curated
// places, which win over postal towns.
func ResolvePlace(name string) (Place, bool) {
	d := data()
	k := Fold(name)
	if k == "" {
		return Place{}, false
	}
	if p, ok := d.placeFor(k); ok {
		return p, true
	}
	if t := trimKommune(k); t != k {
		if p, ok := d.placeFor(t); ok {
			return p, true
		}
		if t, ok := strings.CutSuffix(t, "s"); ok {
			if p, ok := d.placeFor(t); ok {
				return p, true
			}
		}
	}
	// A leading postcode is more precise than whatever town name follows.
	if code, _, _ := strings.Cut(strings.TrimPrefix(k, "dk "), " "); len(code) == 4 {
		if pc, ok := LookupPostcode(code); ok {
			return pc.place(), true
		}
	}
	return Place{}, false
}

// PlaceNames returns every name [ResolvePlace] knows, longest first, for
// scanning free text: trying longer names first lets "Brøndby Strand" win
// over "Brøndby". Each name appears once. The slice is a fresh copy.
// Some postal towns are also everyday words ("Give", "Them", "Ry");
// [IsCommonWord] tells which, so a scanner can ask for more context.
func PlaceNames() []Place {
	return slices.Clone(data().places)
}

// DistanceKm returns the great-circle (haversine) distance in kilometres
// between two points given in decimal degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earthRadiusKm = 6371.0088
	rad := func(deg float64) float64 { return deg * math.Pi / 180 }
	dLat := rad(lat2 - lat1)
	dLon := rad(lon2 - lon1)
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(rad(lat1))*math.Cos(rad(lat2))*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadiusKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

// DefaultReachKm is the travel radius for a municipality that is not
// known: the one for towns and cities.
const DefaultReachKm = 25

// ReachKm returns how far a young person living in the municipality is
// expected to travel to a weekly activity, in kilometres: 25 in the
// capital area and the cities, 30 in market-town and commuter
// municipalities, 40 in rural ones, and on the islands without a bridge
// (Fanø, Læsø, Samsø, Ærø) about the island's own size. It is data (the
// reach_km column of data/municipalities.csv), not a rule in code. The
// name is matched as [LookupMunicipality] does; an unknown name gets
// [DefaultReachKm].
func ReachKm(municipality string) float64 {
	if m, ok := LookupMunicipality(municipality); ok {
		return m.ReachKm
	}
	return DefaultReachKm
}

// nearestMaxKm is how far from every postal town a point may be and still
// count as in Denmark: any Danish address is well within it, while the
// open sea and Sweden's and Germany's hinterland are not.
const nearestMaxKm = 30

// Nearest returns the postcode whose postal town lies nearest to a point,
// e.g. the browser's location, so that "use my location" becomes a town
// the conversation can name ("8000 Aarhus C"). It reports false for a
// point outside Denmark: in the sea more than 30 km from any town, or
// across the border in Germany or over the Øresund in Sweden (a coarse
// border, good to a few kilometres). The point itself is not kept.
func Nearest(lat, lon float64) (Postcode, bool) {
	if math.IsNaN(lat) || math.IsNaN(lon) || outsideDenmark(lat, lon) {
		return Postcode{}, false
	}
	// Over Denmark's few hundred kilometres a flat map with longitude
	// scaled by cos(latitude) orders distances as the sphere does, at a
	// fraction of the cost; only the winner gets the exact distance.
	scale := math.Cos(lat * math.Pi / 180)
	best, bestSq := -1, math.Inf(1)
	towns := data().towns
	for i := range towns {
		dLat, dLon := towns[i].Lat-lat, (towns[i].Lon-lon)*scale
		if sq := dLat*dLat + dLon*dLon; sq < bestSq {
			best, bestSq = i, sq
		}
	}
	if best < 0 || DistanceKm(lat, lon, towns[best].Lat, towns[best].Lon) > nearestMaxKm {
		return Postcode{}, false
	}
	return towns[best], true
}

// outsideDenmark rules out the neighbours that lie within 30 km of a
// Danish town: Germany south of the Jutland border and the Flensburg
// fjord, Fehmarn, and Skåne east of the Øresund. It is a coarse line, not
// the legal border.
func outsideDenmark(lat, lon float64) bool {
	if lat < minLat || lat > maxLat || lon < minLon || lon > maxLon {
		return true
	}
	// Fehmarn and the German Baltic coast lie south of Gedser (54.57).
	if lat < 54.55 {
		return true
	}
	if lon <= germanBorder[len(germanBorder)-1][0] && lat < interpolate(germanBorder, lon) {
		return true
	}
	// Skåne; further east lies the sea between Sweden and Bornholm, which
	// the 30 km rule already leaves out, and Christiansø.
	if lat >= oresund[0][0] && lat <= oresund[len(oresund)-1][0] && lon < 13.5 && lon > interpolate(oresund, lat) {
		return true
	}
	return false
}

// germanBorder is a line of (lon, lat) points, west to east, south of
// which lies Germany: between Rømø and Sylt, along the land border, and
// down the Flensburg fjord to the Baltic.
var germanBorder = [][2]float64{
	{8.00, 55.06}, {8.55, 55.06}, {8.63, 54.97}, {8.70, 54.925}, {9.00, 54.905},
	{9.20, 54.86}, {9.30, 54.82}, {9.38, 54.805}, {9.42, 54.81}, {9.50, 54.83}, {9.58, 54.845},
	{9.65, 54.845}, {9.75, 54.81}, {10.00, 54.74}, {10.30, 54.60},
}

// oresund is a line of (lat, lon) points, south to north, east of which
// lies Sweden: down the middle of the Øresund, east of Saltholm and
// Helsingør, and on to the Kullen peninsula.
var oresund = [][2]float64{
	{55.30, 12.72}, {55.55, 12.74}, {55.62, 12.80}, {55.70, 12.82}, {55.90, 12.74},
	{56.00, 12.66}, {56.05, 12.64}, {56.10, 12.58}, {56.20, 12.45}, {56.50, 12.30},
}

// interpolate reads a polyline of (x, y) points sorted by x and returns y
// at x, held level beyond the ends.
func interpolate(line [][2]float64, x float64) float64 {
	if x <= line[0][0] {
		return line[0][1]
	}
	for i := 1; i < len(line); i++ {
		a, b := line[i-1], line[i]
		if x <= b[0] {
			return a[1] + (x-a[0])/(b[0]-a[0])*(b[1]-a[1])
		}
	}
	return line[len(line)-1][1]
}

// place is the postcode's postal town as a [Place].
func (pc Postcode) place() Place {
	return Place{Name: pc.Town, Municipality: pc.Municipality, Lat: pc.Lat, Lon: pc.Lon, Landmass: pc.Landmass}
}

// placeFor looks a folded name up on the exact key, then the loose one.
func (d *db) placeFor(k string) (Place, bool) {
	if p, ok := d.placeByKey[k]; ok {
		return p, true
	}
	p, ok := d.placeByLoose[looseKey(k)]
	return p, ok
}

// trimKommune drops a "kommune" word that people add around a name, as in
// "Aarhus Kommune" or "Kommune Aarhus".
func trimKommune(k string) string {
	k = strings.TrimSuffix(k, " kommune")
	k = strings.TrimPrefix(k, "kommune ")
	return k
}

// postcodeNumber reports whether s is exactly four ASCII digits, and its
// value.
func postcodeNumber(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	n := 0
	for i := range len(s) {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n >= 1000
}
