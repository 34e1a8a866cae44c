package match

import (
	"encoding/json"
	"errors"
	"hash/fnv"
	"io/fs"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

// sampleCatalog reads the shipped sample catalog. Its places carry
// postcodes but no coordinates (the catalog package fills those in from
// geo, which match must not import), so each postcode gets a made-up
// position in the right part of Denmark, and a landmass, from its leading
// digits: distances are rough, but reach, islands and every other rule
// work on real shapes of data.
func sampleCatalog(t *testing.T) []*Opportunity {
	t.Helper()
	b, err := os.ReadFile("../catalog/sample/opportunities.json")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no sample catalog")
	}
	if err != nil {
		t.Fatal(err)
	}
	var opps []*Opportunity
	if err := json.Unmarshal(b, &opps); err != nil {
		t.Fatalf("sample catalog: %v", err)
	}
	for _, o := range opps {
		if !o.Place.Online && o.Place.Lat == 0 {
			o.Place.Lat, o.Place.Lon, o.Place.Landmass = fakePosition(o.Place.Postcode)
		}
	}
	return opps
}

// fakePosition places a postcode near the middle of its region.
func fakePosition(postcode string) (lat, lon float64, land string) {
	type region struct {
		prefix   string
		lat, lon float64
		land     string
	}
	regions := []region{ // longest prefix first
		{"37", 55.10, 14.90, "bornholm"},
		{"1", 55.68, 12.56, "sjaelland"}, {"2", 55.68, 12.50, "sjaelland"},
		{"3", 55.95, 12.30, "sjaelland"}, {"4", 55.40, 11.80, "sjaelland"},
		{"5", 55.35, 10.40, "fyn"}, {"6", 55.50, 9.00, "jylland"},
		{"7", 56.20, 9.20, "jylland"}, {"8", 56.15, 10.10, "jylland"},
		{"9", 57.05, 9.90, "jylland"},
	}
	h := fnv.New32a()
	h.Write([]byte(postcode))
	v := h.Sum32()
	jlat := (float64(v%1000)/1000 - 0.5) * 0.3
	jlon := (float64(v/1000%1000)/1000 - 0.5) * 0.5
	for _, r := range regions {
		if strings.HasPrefix(postcode, r.prefix) {
			return r.lat + jlat, r.lon + jlon, r.land
		}
	}
	return 56.0, 10.0, ""
}

// bridges joins Zealand, Funen and Jutland; Bornholm has only ferries.
var bridges = map[string][]string{
	"sjaelland": {"fyn", "jylland"},
	"fyn":       {"sjaelland", "jylland"},
	"jylland":   {"fyn", "sjaelland"},
}

// withinRules is an independent reading of the hard rules that do not
// depend on time: what a suggestion must never break.
func withinRules(o *Opportunity, p Profile, now time.Time) bool {
	age := p.Age
	if age == 0 {
		age = UnknownAge
	}
	need := 1
	if p.Group == WithFriend {
		need = 2
	}
	switch {
	case !o.Published, o.MinAge > age, o.MaxAge > 0 && age > o.MaxAge,
		o.ChildCertificate && age < 15, o.PlacesLeft != nil && *o.PlacesLeft <= 0,
		max(o.GroupSize, 1) < need, p.Online && !o.Place.Online,
		!o.ActiveFrom.IsZero() && o.ActiveFrom.After(now), !o.ActiveTo.IsZero() && o.ActiveTo.Before(now),
		slices.Contains(p.Exclude, o.ID):
		return false
	case o.Place.Online || !p.HasLocation:
		return true
	}
	factor := 1.0
	if p.Landmass != "" && o.Place.Landmass != "" && o.Place.Landmass != p.Landmass {
		if !slices.Contains(p.Bridged, o.Place.Landmass) {
			return false
		}
		factor = bridgeDetour
	}
	// Equirectangular distance: independent of the haversine in rank.go
	// and within metres of it at these scales.
	x := (o.Place.Lon - p.Lon) * math.Cos((o.Place.Lat+p.Lat)/2*math.Pi/180)
	y := o.Place.Lat - p.Lat
	km := math.Hypot(x, y) * kmPerDegree * factor
	limit := p.MaxDistanceKm
	if limit == 0 {
		limit = DefaultMaxDistanceKm
	}
	return km <= limit*0.999
}

func sharesInterest(o *Opportunity, p Profile) bool {
	return slices.ContainsFunc(o.Interests, func(i string) bool { return slices.Contains(p.Interests, i) })
}

// TestSampleCatalogInterestFirst checks, for many young people over the
// shipped catalog, that no card is off their interests while an interest
// match within reach and open to their age is left out, and that no card
// breaks a hard rule.
func TestSampleCatalogInterestFirst(t *testing.T) {
	opps := sampleCatalog(t)
	var interestSets [][]string
	seen := map[string]bool{}
	for _, o := range opps {
		for _, i := range o.Interests {
			if !seen[i] {
				seen[i] = true
				interestSets = append(interestSets, []string{i})
			}
		}
	}
	slices.SortFunc(interestSets, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	interestSets = append(interestSets, []string{"nature", "animals"}, []string{"climate", "democracy_rights"},
		[]string{"homeless_poverty", "food"}, []string{"something_unknown"})

	type place struct {
		name     string
		postcode string // "" for no location
		online   bool
	}
	places := []place{
		{"Copenhagen", "2200", false}, {"Aarhus", "8000", false}, {"Odense", "5000", false},
		{"Aalborg", "9000", false}, {"Nakskov", "4900", false}, {"Bornholm", "3700", false},
		{"Esbjerg", "6700", false}, {"unknown place", "", false}, {"online only", "", true},
	}
	slotSets := [][]string{nil, {"sat_morning", "sat_afternoon", "sun_morning", "sun_afternoon"},
		{"tue_evening"}, {"mon_evening", "tue_evening", "wed_evening", "thu_evening"}}
	nows := []time.Time{cph(2026, 12, 4, 12, 0), cph(2026, 12, 5, 21, 0)}

	// One index for the catalog and one per opportunity, compiled once.
	ix, alone := NewIndex(), map[string]*Index{}
	for _, o := range opps {
		ix.Upsert(*o)
		alone[o.ID] = NewIndex()
		alone[o.ID].Upsert(*o)
	}

	var profiles, cardsShown, interestCards, possible, dated, inTime int
	for _, now := range nows {
		for _, age := range []int{14, 16, 22} {
			for _, pl := range places {
				for _, slots := range slotSets {
					for _, in := range interestSets {
						p := Profile{Age: age, Interests: in, Slots: slots, Online: pl.online}
						if pl.postcode != "" {
							p.HasLocation = true
							p.Lat, p.Lon, p.Landmass = fakePosition(pl.postcode)
							p.Bridged = bridges[p.Landmass]
						}
						got := ix.Rank(p, now, 3)
						profiles++

						// What the catalog makes possible: interest matches
						// within the rules that Rank would show on their own
						// (which judges their sessions).
						eligible := 0
						for _, o := range opps {
							if sharesInterest(o, p) && withinRules(o, p, now) && len(alone[o.ID].Rank(p, now, 1)) == 1 {
								eligible++
							}
						}
						shared := 0
						for _, s := range got {
							o := s.Opportunity
							if !withinRules(o, p, now) {
								t.Errorf("%+v: %s breaks a hard rule", p, o.ID)
							}
							if sharesInterest(o, p) {
								shared++
								if s.OffInterest {
									t.Errorf("%v: %s shares an interest but is marked off-interest", in, o.ID)
								}
							} else if !s.OffInterest {
								t.Errorf("%v: %s shares no interest but is not marked off-interest", in, o.ID)
							}
							if !s.FirstStep.IsZero() {
								dated++
								if !s.FirstStepOtherTime {
									inTime++
								}
							}
						}
						if want := min(eligible, 3); shared != want {
							t.Errorf("age %d in %s, %v, slots %v, %s: %d of %d cards share an interest, want %d (%d possible): %v",
								age, pl.name, in, slots, now.Format(time.DateTime), shared, len(got), want, eligible, ids(got))
						}
						cardsShown += len(got)
						interestCards += shared
						possible += min(eligible, 3)
					}
				}
			}
		}
	}
	t.Logf("%d profiles, %d cards: %d share an interest of %d possible; %d with a dated first step, %d of them in the person's time",
		profiles, cardsShown, interestCards, possible, dated, inTime)
}
