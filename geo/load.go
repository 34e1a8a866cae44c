package geo

import (
	"cmp"
	"embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/*.csv
var dataFS embed.FS

// Denmark's bounding box, Bornholm and Gedser included. Every coordinate in
// the data must fall inside it, which catches swapped or mistyped values.
const (
	minLat, maxLat = 54.5, 57.8
	minLon, maxLon = 8.0, 15.2
)

// db is the parsed, indexed data. It is built once and never changed, so
// it is safe for concurrent readers.
type db struct {
	lands  map[string]Landmass // by id
	bridge *network            // fixed links between landmasses

	munis       []Municipality // Danish alphabetical order
	muniByCode  map[int]int
	muniByKey   map[string]int // folded name -> index into munis
	muniByLoose map[string]int

	postcodes map[string]Postcode // single four-digit codes
	ranges    []postcodeRange     // central Copenhagen street ranges
	towns     []Postcode          // every postcode row, a range by its first code, in code order

	places       []Place          // longest name first
	placeByKey   map[string]Place // folded name
	placeByLoose map[string]Place
}

type postcodeRange struct {
	lo, hi int
	pc     Postcode
}

// data parses the embedded files on first use. A parse error means the
// files shipped with the binary are broken, which tests catch, so it
// panics rather than burdening every lookup with an error.
var data = sync.OnceValue(func() *db {
	d, err := load(dataFS)
	if err != nil {
		panic("geo: embedded data: " + err.Error())
	}
	return d
})

// load parses and cross-checks the data files in fsys.
func load(fsys fs.FS) (*db, error) {
	d := &db{
		lands:        map[string]Landmass{},
		muniByCode:   map[int]int{},
		muniByKey:    map[string]int{},
		muniByLoose:  map[string]int{},
		postcodes:    map[string]Postcode{},
		placeByKey:   map[string]Place{},
		placeByLoose: map[string]Place{},
	}
	if err := d.loadLandmasses(fsys); err != nil {
		return nil, err
	}
	if err := d.loadBridges(fsys); err != nil {
		return nil, err
	}
	if err := d.loadMunicipalities(fsys); err != nil {
		return nil, err
	}
	if err := d.loadPostcodes(fsys); err != nil {
		return nil, err
	}
	extra, err := d.loadPlaces(fsys)
	if err != nil {
		return nil, err
	}
	if err := d.indexPlaces(extra); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *db) loadMunicipalities(fsys fs.FS) error {
	const file = "data/municipalities.csv"
	rows, err := readCSV(fsys, file, "code", "name", "region", "lat", "lon", "landmass", "reach_km")
	if err != nil {
		return err
	}
	seenName := map[string]bool{}
	for _, r := range rows {
		code, err := strconv.Atoi(r.f[0])
		if err != nil || code < 101 || code > 999 {
			return r.errorf("bad municipality code %q", r.f[0])
		}
		if _, dup := d.muniByCode[code]; dup {
			return r.errorf("duplicate municipality code %d", code)
		}
		name, region := r.f[1], r.f[2]
		if name == "" || region == "" {
			return r.errorf("empty name or region")
		}
		if seenName[Fold(name)] {
			return r.errorf("duplicate municipality %q", name)
		}
		seenName[Fold(name)] = true
		lat, lon, err := r.coords(3)
		if err != nil {
			return err
		}
		land, err := d.landmass(r, 5)
		if err != nil {
			return err
		}
		reach, err := strconv.ParseFloat(r.f[6], 64)
		if err != nil || reach < 5 || reach > 100 {
			return r.errorf("reach_km %q must be a number of kilometres between 5 and 100", r.f[6])
		}
		d.munis = append(d.munis, Municipality{Code: code, Name: name, Region: region, Lat: lat, Lon: lon, Landmass: land, ReachKm: reach})
		d.muniByCode[code] = -1 // placeholder until sorted
	}
	slices.SortFunc(d.munis, func(a, b Municipality) int {
		return cmp.Compare(danishSortKey(a.Name), danishSortKey(b.Name))
	})
	for i, m := range d.munis {
		d.muniByCode[m.Code] = i
		d.muniByKey[Fold(m.Name)] = i
		if _, taken := d.muniByLoose[looseKey(Fold(m.Name))]; !taken {
			d.muniByLoose[looseKey(Fold(m.Name))] = i
		}
	}
	return nil
}

func (d *db) loadPostcodes(fsys fs.FS) error {
	const file = "data/postcodes.csv"
	rows, err := readCSV(fsys, file, "code", "town", "municipality", "lat", "lon", "landmass")
	if err != nil {
		return err
	}
	for _, r := range rows {
		town, muni := r.f[1], r.f[2]
		if town == "" {
			return r.errorf("empty town")
		}
		if !d.isMunicipality(muni) {
			return r.errorf("unknown municipality %q", muni)
		}
		lat, lon, err := r.coords(3)
		if err != nil {
			return err
		}
		land, err := d.landmass(r, 5)
		if err != nil {
			return err
		}
		pc := Postcode{Code: r.f[0], Town: town, Municipality: muni, Lat: lat, Lon: lon, Landmass: land}
		if first, last, isRange := strings.Cut(r.f[0], "-"); isRange {
			lo, ok1 := postcodeNumber(first)
			hi, ok2 := postcodeNumber(last)
			if !ok1 || !ok2 || lo > hi {
				return r.errorf("bad postcode range %q", r.f[0])
			}
			pc.Code = first
			d.ranges = append(d.ranges, postcodeRange{lo: lo, hi: hi, pc: pc})
			d.towns = append(d.towns, pc)
			continue
		}
		if _, ok := postcodeNumber(pc.Code); !ok {
			return r.errorf("bad postcode %q", pc.Code)
		}
		if _, dup := d.postcodes[pc.Code]; dup {
			return r.errorf("duplicate postcode %s", pc.Code)
		}
		d.postcodes[pc.Code] = pc
		d.towns = append(d.towns, pc)
	}
	slices.SortFunc(d.towns, func(a, b Postcode) int { return cmp.Compare(a.Code, b.Code) })
	// A code must mean one thing: no overlap between ranges, nor between a
	// range and a single code.
	for i, a := range d.ranges {
		for _, b := range d.ranges[i+1:] {
			if a.lo <= b.hi && b.lo <= a.hi {
				return fmt.Errorf("%s: postcode ranges %d-%d and %d-%d overlap", file, a.lo, a.hi, b.lo, b.hi)
			}
		}
		for code := range d.postcodes {
			if n, _ := postcodeNumber(code); n >= a.lo && n <= a.hi {
				return fmt.Errorf("%s: postcode %s lies inside range %d-%d", file, code, a.lo, a.hi)
			}
		}
	}
	return nil
}

// loadPlaces reads the curated extra names. Every row needs its own
// coordinates: falling back to the municipality's is how a village 40 km
// from the main town used to be shown as "0 km" from it.
func (d *db) loadPlaces(fsys fs.FS) ([]Place, error) {
	const file = "data/places.csv"
	rows, err := readCSV(fsys, file, "name", "municipality", "lat", "lon", "landmass")
	if err != nil {
		return nil, err
	}
	var out []Place
	for _, r := range rows {
		name, muni := r.f[0], r.f[1]
		if Fold(name) == "" {
			return nil, r.errorf("empty place name")
		}
		if !d.isMunicipality(muni) {
			return nil, r.errorf("unknown municipality %q", muni)
		}
		lat, lon, err := r.coords(2)
		if err != nil {
			return nil, err
		}
		land, err := d.landmass(r, 4)
		if err != nil {
			return nil, err
		}
		out = append(out, Place{Name: name, Municipality: muni, Lat: lat, Lon: lon, Landmass: land})
	}
	return out, nil
}

// indexPlaces builds the resolvable names from all three sources. They are
// added in order of trust (municipalities, curated places, postal towns),
// which decides who keeps a loose key that two names share. Two names
// that fold alike must agree on the municipality, since there would be no
// way to choose between them.
func (d *db) indexPlaces(extra []Place) error {
	var all []Place
	for _, m := range d.munis {
		all = append(all, Place{Name: m.Name, Municipality: m.Name, Lat: m.Lat, Lon: m.Lon, Landmass: m.Landmass})
	}
	all = append(all, extra...)
	for _, pc := range d.towns {
		all = append(all, pc.place())
	}

	for _, p := range all {
		k := Fold(p.Name)
		if prev, seen := d.placeByKey[k]; seen {
			if prev.Municipality != p.Municipality {
				return fmt.Errorf("place %q is in both %s and %s", p.Name, prev.Municipality, p.Municipality)
			}
			continue
		}
		d.placeByKey[k] = p
		if _, taken := d.placeByLoose[looseKey(k)]; !taken {
			d.placeByLoose[looseKey(k)] = p
		}
		d.places = append(d.places, p)
	}
	// Longest first, so a free-text scanner tries "Brøndby Strand" before
	// "Brøndby".
	slices.SortFunc(d.places, func(a, b Place) int {
		if c := cmp.Compare(utf8.RuneCountInString(b.Name), utf8.RuneCountInString(a.Name)); c != 0 {
			return c
		}
		return cmp.Compare(danishSortKey(a.Name), danishSortKey(b.Name))
	})
	return nil
}

// landmass reads the landmass id at field i, which must be in landmasses.csv.
func (d *db) landmass(r csvRow, i int) (string, error) {
	id := r.f[i]
	if _, ok := d.lands[id]; !ok {
		return "", r.errorf("unknown landmass %q", id)
	}
	return id, nil
}

func (d *db) isMunicipality(name string) bool {
	_, ok := d.municipality(name)
	return ok
}

// municipality finds a municipality by its exact official name, as the
// data files must spell it.
func (d *db) municipality(name string) (Municipality, bool) {
	i, ok := d.muniByKey[Fold(name)]
	if !ok || d.munis[i].Name != name {
		return Municipality{}, false
	}
	return d.munis[i], true
}

// danishSortKey maps æ, ø and å past z, so that plain string order becomes
// Danish alphabetical order.
func danishSortKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'æ':
			return 'z' + 1
		case 'ø':
			return 'z' + 2
		case 'å':
			return 'z' + 3
		}
		return r
	}, strings.ToLower(s))
}

// csvRow is one data row with its position, for error messages.
type csvRow struct {
	file string
	line int
	f    []string
}

func (r csvRow) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", r.file, r.line, fmt.Sprintf(format, args...))
}

// coords parses the latitude and longitude at fields i and i+1 and checks
// that they lie in Denmark.
func (r csvRow) coords(i int) (lat, lon float64, err error) {
	lat, err1 := strconv.ParseFloat(r.f[i], 64)
	lon, err2 := strconv.ParseFloat(r.f[i+1], 64)
	if err := errors.Join(err1, err2); err != nil {
		return 0, 0, r.errorf("bad coordinates: %v", err)
	}
	if lat < minLat || lat > maxLat || lon < minLon || lon > maxLon {
		return 0, 0, r.errorf("coordinates %.3f,%.3f lie outside Denmark", lat, lon)
	}
	return lat, lon, nil
}

// readCSV reads a comma-separated file whose first non-comment line must be
// the given header. Lines starting with # are comments.
func readCSV(fsys fs.FS, file string, header ...string) ([]csvRow, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	cr.FieldsPerRecord = len(header)
	first, err := cr.Read()
	if err != nil || !slices.Equal(first, header) {
		return nil, fmt.Errorf("%s: header must be %s", file, strings.Join(header, ","))
	}
	var rows []csvRow
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		for j := range rec {
			rec[j] = strings.TrimSpace(rec[j])
		}
		rows = append(rows, csvRow{file: file, line: line, f: rec})
	}
}
