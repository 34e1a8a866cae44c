// Package geo owns Brobygger's knowledge of Danish geography: the 98
// municipalities, the postcodes in use, and the many names people use for
// where they live (districts, towns, foreign names, slang such as "kbh").
//
// The data lives in CSV files under data/, embedded in the binary and
// parsed once on first use. It is the project's own approximate data:
// coordinates are good to a kilometre or two, which is all the matcher
// needs to tell near from far. The package uses only the standard library
// and imports nothing else from the project.
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
	// Lat and Lon approximate the municipality's main town or centre.
	Lat, Lon float64
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
	// Lat and Lon approximate the postal town's centre.
	Lat, Lon float64
}

// Place is a name a person might write for where they live.
type Place struct {
	// Name is the place name as the data spells it, e.g. "Nørrebro" or
	// "cph".
	Name string
	// Municipality is the name of the municipality the place lies in.
	Municipality string
	// Lat and Lon approximate the place's centre.
	Lat, Lon float64
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
			return Place{Name: pc.Town, Municipality: pc.Municipality, Lat: pc.Lat, Lon: pc.Lon}, true
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
