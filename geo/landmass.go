package geo

import (
	"fmt"
	"io/fs"
	"math"
	"slices"
)

// Landmass is an island (or Jylland's peninsula) that Danish towns lie on.
// Two places on different landmasses are near each other only if bridges
// join them: Bornholm is 150 km from Copenhagen and out of reach for a
// weekly activity, and Nakskov is 30 km from Rudkøbing over the water but
// nearly 200 km by road.
type Landmass struct {
	// ID is the Danish name folded to the letters a-z, e.g. "sjaelland",
	// "moen", "aeroe". Postcodes, places and municipalities name their
	// landmass by it.
	ID string
	// Name is the Danish name, e.g. "Sjælland".
	Name string
	// NameEN is the English name, e.g. "Zealand"; most islands have none
	// and repeat the Danish one.
	NameEN string
}

// LookupLandmass finds a landmass by its id, e.g. "bornholm".
func LookupLandmass(id string) (Landmass, bool) {
	l, ok := data().lands[id]
	return l, ok
}

// Bridged reports whether one can travel between landmasses a and b over
// land, bridges, tunnels and causeways alone, with no ferry: Jylland, Fyn,
// Sjælland, Lolland, Falster, Møn, Langeland, Tåsinge, Als, Mors and Rømø
// are all joined; Bornholm, Ærø, Samsø, Læsø, Fanø, Anholt, Fur and the
// small islands are joined only to themselves. A landmass is always
// bridged to itself. An empty id means the landmass is unknown (an
// opportunity stored before landmasses existed) and is taken to be
// reachable, so that missing data never hides anything; an id that is not
// in the data is bridged only to itself.
func Bridged(a, b string) bool {
	if a == b || a == "" || b == "" {
		return true
	}
	n := data().bridge
	i, ok1 := n.landIndex[a]
	j, ok2 := n.landIndex[b]
	return ok1 && ok2 && n.component[i] == n.component[j]
}

// TravelKm estimates how far one travels between two points, each given
// with its landmass. On one landmass it is the straight-line distance.
// Across landmasses it is the shortest chain of straight lines over the
// fixed links (Storebælt, Lillebælt, the Farø bridges, …), which is what
// makes Korsør–Nyborg about 25 km but Nakskov–Rudkøbing nearly 200. When
// no fixed link joins the two landmasses, ok is false and km is the
// straight-line distance, for an explanation such as "over the water".
// Empty landmasses count as unknown and give the straight line with ok
// true, as in [Bridged].
//
// It does not allocate and does at most a few dozen distance
// computations, so it can be called for every candidate while ranking.
func TravelKm(lat1, lon1 float64, land1 string, lat2, lon2 float64, land2 string) (km float64, ok bool) {
	straight := DistanceKm(lat1, lon1, lat2, lon2)
	if land1 == land2 || land1 == "" || land2 == "" {
		return straight, true
	}
	n := data().bridge
	i, ok1 := n.landIndex[land1]
	j, ok2 := n.landIndex[land2]
	if !ok1 || !ok2 || n.component[i] != n.component[j] {
		return straight, false
	}
	// The distance from the second point to each link end on its
	// landmass, computed once rather than once per end on the first.
	var toEnd [maxEndsPerLand]float64
	ends2 := n.ends[j]
	for k, e := range ends2 {
		toEnd[k] = DistanceKm(n.nodes[e].lat, n.nodes[e].lon, lat2, lon2)
	}
	best := math.Inf(1)
	for _, a := range n.ends[i] {
		from := DistanceKm(lat1, lon1, n.nodes[a].lat, n.nodes[a].lon)
		for k, b := range ends2 {
			if d := from + n.dist[a][b] + toEnd[k]; d < best {
				best = d
			}
		}
	}
	return best, true
}

// maxEndsPerLand bounds the link ends on one landmass, so that TravelKm
// can keep its scratch space on the stack. The loader rejects data that
// exceeds it.
const maxEndsPerLand = 8

// network is the graph of fixed links: its nodes are the link ends, joined
// by the links themselves and, on each landmass, by straight lines between
// every two ends. The shortest distance between every two ends is worked
// out once at load (Floyd-Warshall over a few dozen nodes), so a query only
// adds the legs from its two points to the nearest ends.
type network struct {
	landIndex map[string]int // landmass id -> index
	component []int          // per landmass: which group of joined landmasses it is in
	nodes     []linkEnd
	ends      [][]int     // per landmass: its link ends (indexes into nodes)
	dist      [][]float64 // shortest distance between two link ends, +Inf if none
}

type linkEnd struct {
	land     int
	lat, lon float64
}

func (d *db) loadLandmasses(fsys fs.FS) error {
	const file = "data/landmasses.csv"
	rows, err := readCSV(fsys, file, "id", "name", "name_en")
	if err != nil {
		return err
	}
	for _, r := range rows {
		l := Landmass{ID: r.f[0], Name: r.f[1], NameEN: r.f[2]}
		if !isLandmassID(l.ID) {
			return r.errorf("landmass id %q must be lower-case a-z only", l.ID)
		}
		if l.Name == "" || l.NameEN == "" {
			return r.errorf("landmass %s needs a Danish and an English name", l.ID)
		}
		if _, dup := d.lands[l.ID]; dup {
			return r.errorf("duplicate landmass %s", l.ID)
		}
		d.lands[l.ID] = l
	}
	return nil
}

func isLandmassID(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// loadBridges reads the fixed links and works out the network. Landmasses
// must already be loaded.
func (d *db) loadBridges(fsys fs.FS) error {
	const file = "data/bridges.csv"
	rows, err := readCSV(fsys, file, "name", "from", "from_lat", "from_lon", "to", "to_lat", "to_lon")
	if err != nil {
		return err
	}
	n := &network{landIndex: map[string]int{}}
	ids := make([]string, 0, len(d.lands))
	for id := range d.lands {
		ids = append(ids, id)
	}
	// Sorted so that the index, and with it every tie, is the same on each run.
	slices.Sort(ids)
	for i, id := range ids {
		n.landIndex[id] = i
	}
	n.ends = make([][]int, len(ids))
	type link struct{ a, b int }
	var links []link
	for _, r := range rows {
		if r.f[0] == "" {
			return r.errorf("link without a name")
		}
		var end [2]int
		for k, at := range [2]int{1, 4} {
			land, err := d.landmass(r, at)
			if err != nil {
				return err
			}
			lat, lon, err := r.coords(at + 1)
			if err != nil {
				return err
			}
			li := n.landIndex[land]
			if len(n.ends[li]) == maxEndsPerLand {
				return r.errorf("landmass %s has more than %d link ends", land, maxEndsPerLand)
			}
			end[k] = len(n.nodes)
			n.ends[li] = append(n.ends[li], end[k])
			n.nodes = append(n.nodes, linkEnd{land: li, lat: lat, lon: lon})
		}
		if r.f[1] == r.f[4] {
			return r.errorf("link %s joins %s to itself", r.f[0], r.f[1])
		}
		links = append(links, link{end[0], end[1]})
	}

	size := len(n.nodes)
	n.dist = make([][]float64, size)
	for a := range size {
		n.dist[a] = make([]float64, size)
		for b := range size {
			switch na, nb := n.nodes[a], n.nodes[b]; {
			case a == b:
			case na.land == nb.land:
				n.dist[a][b] = DistanceKm(na.lat, na.lon, nb.lat, nb.lon)
			default:
				n.dist[a][b] = math.Inf(1)
			}
		}
	}
	for _, l := range links {
		na, nb := n.nodes[l.a], n.nodes[l.b]
		km := DistanceKm(na.lat, na.lon, nb.lat, nb.lon)
		if km > 30 {
			return fmt.Errorf("%s: a link of %.0f km is longer than any Danish bridge; check its points", file, km)
		}
		n.dist[l.a][l.b], n.dist[l.b][l.a] = km, km
	}
	for k := range size {
		for a := range size {
			for b := range size {
				if v := n.dist[a][k] + n.dist[k][b]; v < n.dist[a][b] {
					n.dist[a][b] = v
				}
			}
		}
	}

	// Landmasses are joined when any of their ends are; the rest stand
	// alone.
	n.component = make([]int, len(ids))
	for i := range n.component {
		n.component[i] = i
	}
	for a := range size {
		for b := range size {
			if !math.IsInf(n.dist[a][b], 1) {
				la, lb := n.nodes[a].land, n.nodes[b].land
				if ca, cb := n.component[la], n.component[lb]; ca != cb {
					for i, c := range n.component {
						if c == cb {
							n.component[i] = ca
						}
					}
				}
			}
		}
	}
	d.bridge = n
	return nil
}
