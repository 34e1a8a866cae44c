package match

import (
	"math"
	"slices"
	"strings"
	"sync"
	"time"
)

// Index is a concurrency-safe in-memory catalog of opportunities, kept in
// sync with the database by its owner. Opportunities are compiled when they
// are upserted (interests interned, times and slots parsed) so that ranking a
// whole catalog is a tight loop over plain numbers.
//
// The *Opportunity values it hands out are shared and must not be modified;
// Upsert stores a fresh copy, so earlier pointers stay valid snapshots.
type Index struct {
	mu        sync.RWMutex
	entries   []entry // dense; Remove swaps the last entry into the hole
	byID      map[string]int32
	interests map[string]uint32 // interned interest ids
	orgs      map[string]uint32 // interned organisation keys
	lands     map[string]uint32 // interned landmasses, from 1; 0 is unknown
	orgBoost  []float64         // responsiveness boost by interned organisation
	scratch   sync.Pool         // *scratch, reused between queries
}

// entry is an Opportunity with everything ranking needs precomputed. The
// fields the hard filters read for every entry come first, so that most
// entries are rejected after touching one cache line.
type entry struct {
	published  bool
	online     bool
	hasPlace   bool // has coordinates
	childCert  bool
	commitment uint8
	minAge     int
	maxAge     int
	groupSize  int
	minGroup   int
	placesLeft int // -1 when unlimited
	latDeg     float64
	latRad     float64
	lonRad     float64
	cosLat     float64
	land       uint32 // interned landmass; 0 when unknown
	org        uint32
	// interestBits has bit id set for each interned interest id < 64, so
	// that the inner loop need not follow the interests slice; bitsOK
	// tells that it holds them all.
	interestBits uint64
	bitsOK       bool
	activeFrom   time.Time
	activeTo     time.Time

	interests     []uint32 // interned, deduplicated, in the opportunity's order
	interestNames []string // parallel to interests, for Reasons
	sched         schedule
	way           *schedule // the way in's own times; nil: the first step is a session
	notice        int       // hours of notice the organisation needs; 0: MinNotice
	opp           *Opportunity
	id            string
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{
		byID:      make(map[string]int32),
		interests: make(map[string]uint32),
		orgs:      make(map[string]uint32),
		lands:     make(map[string]uint32),
	}
}

// Upsert adds o, replacing any opportunity with the same ID. The Index keeps
// its own copy, so the caller may reuse o. Opportunities without an ID are
// ignored: they could never be replaced or removed.
func (ix *Index) Upsert(o Opportunity) {
	if o.ID == "" {
		return
	}
	c := cloneOpportunity(o)
	// Parsing happens outside the lock; only interning needs it.
	sched, way := compileSchedule(c.Schedule), compileWayIn(c.FirstStep.WayIn)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.put(c, sched, way)
}

// put stores o, compiled with sched and way. The caller holds the write lock.
func (ix *Index) put(o *Opportunity, sched, way schedule) {
	e := ix.compile(o, sched, way)
	if pos, ok := ix.byID[o.ID]; ok {
		ix.entries[pos] = e
		return
	}
	ix.byID[o.ID] = int32(len(ix.entries))
	ix.entries = append(ix.entries, e)
}

// Remove deletes the opportunity with the given id, if present.
func (ix *Index) Remove(id string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	pos, ok := ix.byID[id]
	if !ok {
		return
	}
	last := int32(len(ix.entries) - 1)
	if pos != last {
		ix.entries[pos] = ix.entries[last]
		ix.byID[ix.entries[pos].id] = pos
	}
	ix.entries[last] = entry{} // drop references for the garbage collector
	ix.entries = ix.entries[:last]
	delete(ix.byID, id)
}

// Get returns the stored opportunity with the given id. It must not be modified.
func (ix *Index) Get(id string) (*Opportunity, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	pos, ok := ix.byID[id]
	if !ok {
		return nil, false
	}
	return ix.entries[pos].opp, true
}

// Len returns the number of opportunities in the index.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.entries)
}

// Rank ranks the indexed opportunities for p; see the package-level Rank.
func (ix *Index) Rank(p Profile, now time.Time, limit int) []Suggestion {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.rank(p, now, limit)
}

func (ix *Index) compile(o *Opportunity, sched, way schedule) entry {
	e := entry{
		opp:        o,
		id:         o.ID,
		org:        ix.internOrg(orgKey(o)),
		sched:      sched,
		notice:     max(o.FirstStep.WayIn.NoticeHours, 0),
		activeFrom: o.ActiveFrom,
		activeTo:   o.ActiveTo,
		minAge:     o.MinAge,
		maxAge:     o.MaxAge,
		// An unknown group size is read as "one at a time": promising room
		// for friends the organisation never offered would be worse.
		groupSize:  max(o.GroupSize, 1),
		minGroup:   max(o.MinGroupSize, 1),
		placesLeft: -1,
		commitment: commitmentCode(o.Commitment),
		published:  o.Published,
		online:     o.Place.Online,
		childCert:  o.ChildCertificate,
	}
	if o.PlacesLeft != nil {
		e.placesLeft = max(*o.PlacesLeft, 0)
	}
	if !way.empty() {
		e.way = &way
	}
	if !e.online && (o.Place.Lat != 0 || o.Place.Lon != 0) {
		e.hasPlace = true
		e.latDeg = o.Place.Lat
		e.latRad = o.Place.Lat * math.Pi / 180
		e.lonRad = o.Place.Lon * math.Pi / 180
		e.cosLat = math.Cos(e.latRad)
		e.land = ix.internLand(o.Place.Landmass)
	}
	for _, name := range o.Interests {
		key := normKey(name)
		if key == "" {
			continue
		}
		id, ok := ix.interests[key]
		if !ok {
			id = uint32(len(ix.interests))
			ix.interests[key] = id
		}
		if !slices.Contains(e.interests, id) {
			e.interests = append(e.interests, id)
			e.interestNames = append(e.interestNames, key)
		}
	}
	e.bitsOK = true
	for _, id := range e.interests {
		if id >= 64 {
			e.bitsOK = false
			break
		}
		e.interestBits |= 1 << id
	}
	return e
}

// orgKey identifies the organisation for variety and rejections. Without an
// id the name will do; without either, the opportunity stands alone rather
// than being lumped together with every other anonymous one.
func orgKey(o *Opportunity) string {
	switch {
	case o.OrganisationID != "":
		return "id:" + o.OrganisationID
	case o.Organisation != "":
		return "name:" + normKey(o.Organisation)
	}
	return "opp:" + o.ID
}

func (ix *Index) internOrg(key string) uint32 {
	id, ok := ix.orgs[key]
	if !ok {
		id = uint32(len(ix.orgs))
		ix.orgs[key] = id
	}
	return id
}

// internLand returns the id of a landmass, 0 for an empty one.
func (ix *Index) internLand(name string) uint32 {
	key := normKey(name)
	if key == "" {
		return 0
	}
	id, ok := ix.lands[key]
	if !ok {
		id = uint32(len(ix.lands) + 1)
		ix.lands[key] = id
	}
	return id
}

func normKey(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// cloneOpportunity deep-copies o so later changes by the caller cannot race
// with ranking.
func cloneOpportunity(o Opportunity) *Opportunity {
	o.Interests = slices.Clone(o.Interests)
	o.Schedule.Weekly = slices.Clone(o.Schedule.Weekly)
	o.Schedule.Events = slices.Clone(o.Schedule.Events)
	o.FirstStep.WayIn.Weekly = slices.Clone(o.FirstStep.WayIn.Weekly)
	o.FirstStep.WayIn.Monthly = slices.Clone(o.FirstStep.WayIn.Monthly)
	o.FirstStep.WayIn.Dates = slices.Clone(o.FirstStep.WayIn.Dates)
	if o.En != nil {
		en := *o.En
		o.En = &en
	}
	if o.PlacesLeft != nil {
		n := *o.PlacesLeft
		o.PlacesLeft = &n
	}
	return &o
}

// SetResponsiveness sets how much each organisation's answering of young
// people favours its opportunities, by organisation id; each boost is in
// [0, 0.1], and organisations left out (no history yet) get fallback.
// Organisations added later get no boost until the next call.
func (ix *Index) SetResponsiveness(boost map[string]float64, fallback float64) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	b := make([]float64, len(ix.orgs))
	for i := range b {
		b[i] = min(max(fallback, 0), 0.1)
	}
	for orgID, v := range boost {
		if id, ok := ix.orgs["id:"+orgID]; ok {
			b[id] = min(max(v, 0), 0.1)
		}
	}
	ix.orgBoost = b
}
