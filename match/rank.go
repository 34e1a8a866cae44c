package match

import (
	"math"
	"slices"
	"time"
)

// Score weights. Each component is a fit in [0, 1] times its weight, or a
// flat bonus or penalty. They live together so their balance can be judged
// at a glance:
//
//   - Interest decides first. wInterestAny is larger than every other bonus
//     together, so a task matching nothing the young person cares about
//     ranks far below any task that does, yet still shows up when nothing
//     else is left.
//   - Distance, time, group, commitment and age then order tasks within the
//     same interest band.
//   - Rejections and variety are penalties sized against those bands: a
//     "not my thing" on an interest the person never mentioned is enough to
//     drop a task out of its band, one on an interest they did mention only
//     nudges it below similar tasks.
const (
	wInterestAny   = 25.0 // any of the opportunity's interests is wanted
	wInterestShare = 3.0  // times the share of its interests that are wanted

	wDistance          = 3.0 // times exp(-km / decay)
	wDistanceTooFar    = 5.0 // replaces wDistance after a "too far": closer matters more now
	onlineDistanceFit  = 0.5 // an online task is as convenient as a moderately near one
	unknownDistanceFit = 0.5 // profile without location: no one is nearer

	wTime           = 2.0 // times the share of the task's slots the person is free in
	flexibleTimeFit = 0.75
	unknownTimeFit  = 0.5 // profile without slots: no task fits better

	wGroup           = 1.0 // task suits coming alone / with a friend / as a group
	wCommitmentMatch = 1.5 // task asks for exactly the commitment they want
	wCommitmentClash = 2.0 // one-off wanted but recurring asked, or the reverse
	wAge             = 0.5 // task is aimed at young people (has an upper age)

	wRejectedUnlisted = 12.0 // shares an interest, not one they asked for, with a "not my thing"
	wRejectedListed   = 8.0  // shares only interests they asked for with a "not my thing"
	wRejectedOrg      = 4.0  // same organisation as a "not my thing"
	wWrongTime        = 6.0  // its only fitting times are ones rejected as "wrong time"

	// wResponsive times an organisation's responsiveness boost (0–0.1)
	// gently favours organisations that answer young people: at most one
	// point, less than a group or commitment fit.
	wResponsive = 10.0

	wRepeatOrg      = 15.0 // per earlier suggestion from the same organisation
	wRepeatInterest = 2.0  // per earlier suggestion with the same first interest
)

const (
	// tooFarShrink sets the new distance limit, as a share of the distance
	// that was too far. Just below it would offer the same trip again.
	tooFarShrink = 0.6
	// minDistanceKm keeps a string of "too far" answers from filtering out
	// everything that is not online.
	minDistanceKm = 1.0
	// distanceDecayShare is the decay length of the distance fit as a share
	// of the distance limit, so the fit means the same at 5 and at 50 km.
	distanceDecayShare = 0.4
	// nearShare is the share of the distance limit within which distance is
	// worth mentioning as a reason; at the edge it is merely acceptable.
	nearShare = 0.5
	// aloneFriendlyMax is the largest group size that suits someone coming
	// alone: they work one-to-one or in a pair rather than join a team.
	aloneFriendlyMax = 2
	// childAge is the age from which the protections for children no longer
	// apply: børneattest tasks are allowed and late school nights are fine.
	childAge = 15

	earthRadiusKm = 6371.0088
	kmPerDegree   = earthRadiusKm * math.Pi / 180
)

// Commitment codes compared in the inner loop instead of strings.
const (
	commitUnknown uint8 = iota
	commitOneOff
	commitShortTerm
	commitRecurring
)

func commitmentCode(s string) uint8 {
	switch normKey(s) {
	case OneOff:
		return commitOneOff
	case ShortTerm:
		return commitShortTerm
	case Recurring:
		return commitRecurring
	}
	return commitUnknown
}

// Per-interest flags of one query.
const (
	flagWanted   uint8 = 1 << iota // in the profile's interests
	flagRejected                   // on an opportunity rejected as "not my thing"
)

// Rank returns up to limit suggestions for p among opps (DefaultLimit when
// limit <= 0), best first. It applies the hard filters (published, active,
// places left, age and child protection, availability, distance or online,
// group size, excluded and rejected ids), scores what is left, and picks the
// final list greedily so that organisations and first interests vary when
// there are alternatives. Equal scores are ordered by opportunity ID, so the
// result depends only on the arguments. Opportunities without an ID are
// ignored, and with duplicate IDs the last one wins.
//
// For repeated queries over a large catalog use an Index, which compiles
// the opportunities once.
func Rank(p Profile, opps []*Opportunity, now time.Time, limit int) []Suggestion {
	ix := NewIndex()
	for _, o := range opps {
		if o == nil || o.ID == "" {
			continue
		}
		ix.put(o, compileSchedule(o.Schedule))
	}
	return ix.rank(p, now, limit)
}

// query is a Profile resolved against one Index at one moment.
type query struct {
	now time.Time
	win window
	// weeklySafe: an opportunity active until at least this time has every
	// weekly session inside the window, so slot masks answer availability
	// without computing dates.
	weeklySafe time.Time

	age      int
	ageKnown bool
	child    bool

	prof       slotMask // slots the person is free in (all when unknown)
	pref       slotMask // prof without the slots rejected as "wrong time"
	slotsKnown bool
	avoidSlots bool

	commitment uint8
	group      string
	need       int // group size the opportunity must allow
	onlineOnly bool

	hasLoc  bool
	latDeg  float64
	latRad  float64
	lonRad  float64
	cosLat  float64
	maxKm   float64
	decayKm float64
	wDist   float64

	flags        []uint8 // by interned interest id
	rejectedOrgs []uint32
	excluded     []int32 // sorted entry positions
	// orgBoost is the index's responsiveness boost per interned organisation.
	orgBoost []float64
}

func (ix *Index) newQuery(p Profile, now time.Time) *query {
	q := &query{now: now, win: newWindow(now), orgBoost: ix.orgBoost}
	q.weeklySafe = q.win.earliest.Add(8 * 24 * time.Hour)

	q.age, q.ageKnown = p.Age, p.Age > 0
	if !q.ageKnown {
		q.age = UnknownAge
	}
	q.child = q.age < childAge

	q.prof = parseSlots(p.Slots)
	q.slotsKnown = q.prof != 0
	if !q.slotsKnown {
		q.prof = anySlot
	}

	q.commitment = commitmentCode(p.Commitment)
	q.group = normKey(p.Group)
	q.need = 1
	switch q.group {
	case WithFriend:
		q.need = max(p.GroupSize, 2)
	case Group:
		q.need = DefaultGroupSize
		if p.GroupSize > 0 {
			q.need = max(p.GroupSize, 2)
		}
	}
	q.onlineOnly = p.Online

	q.hasLoc = p.HasLocation
	q.latDeg = p.Lat
	q.latRad = p.Lat * math.Pi / 180
	q.lonRad = p.Lon * math.Pi / 180
	q.cosLat = math.Cos(q.latRad)
	q.maxKm = p.MaxDistanceKm
	if q.maxKm <= 0 {
		q.maxKm = DefaultMaxDistanceKm
	}
	q.wDist = wDistance

	q.flags = make([]uint8, len(ix.interests))
	for _, name := range p.Interests {
		if id, ok := ix.interests[normKey(name)]; ok {
			q.flags[id] |= flagWanted
		}
	}

	for _, id := range p.Exclude {
		if pos, ok := ix.byID[id]; ok {
			q.excluded = append(q.excluded, pos)
		}
	}
	var avoid slotMask
	for _, r := range p.Rejections {
		var re *entry
		if pos, ok := ix.byID[r.OpportunityID]; ok {
			q.excluded = append(q.excluded, pos)
			re = &ix.entries[pos]
		}
		switch normKey(r.Reason) {
		case TooFar:
			q.applyTooFar(r, re)
		case WrongTime:
			avoid |= q.rejectedSlots(r, re, q.prof&^avoid)
		case NotMyThing:
			ix.applyNotMyThing(q, r, re)
		}
	}
	q.pref = q.prof &^ avoid
	q.avoidSlots = q.pref != q.prof
	q.maxKm = max(q.maxKm, minDistanceKm)
	q.decayKm = q.maxKm * distanceDecayShare

	slices.Sort(q.excluded)
	q.excluded = slices.Compact(q.excluded)
	return q
}

func (q *query) applyTooFar(r Rejection, re *entry) {
	if re != nil && re.online {
		return // distance was never the problem with an online task
	}
	q.wDist = wDistanceTooFar
	d := r.DistanceKm
	if d <= 0 && re != nil && re.hasPlace && q.hasLoc {
		d = q.distance(re)
	}
	if d > 0 {
		q.maxKm = min(q.maxKm, d*tooFarShrink)
	} else {
		q.maxKm *= tooFarShrink
	}
}

// rejectedSlots guesses which slots a "wrong time" answer was about: the one
// named in the rejection, else the slot of the session the person was most
// likely offered, else every slot of the opportunity they are free in.
func (q *query) rejectedSlots(r Rejection, re *entry, pref slotMask) slotMask {
	if bit, ok := parseSlot(r.Slot); ok {
		return bit
	}
	if re == nil {
		return 0
	}
	w := q.win.until(re.activeTo)
	for _, m := range [2]slotMask{pref, q.prof} {
		if s, ok := re.sched.next(m, q.child, w); ok {
			return 1 << uint(slotIndex(s.Start))
		}
	}
	if m := re.sched.allMask & q.prof; m != 0 {
		return m
	}
	return re.sched.allMask
}

func (ix *Index) applyNotMyThing(q *query, r Rejection, re *entry) {
	names := r.Interests
	if len(names) == 0 && re != nil {
		names = re.interestNames
	}
	for _, name := range names {
		if id, ok := ix.interests[normKey(name)]; ok {
			q.flags[id] |= flagRejected
		}
	}
	org, ok := uint32(0), false
	switch {
	case r.OrganisationID != "":
		org, ok = ix.orgs["id:"+r.OrganisationID]
	case re != nil:
		org, ok = re.org, true
	}
	if ok && !slices.Contains(q.rejectedOrgs, org) {
		q.rejectedOrgs = append(q.rejectedOrgs, org)
	}
}

func (q *query) distance(e *entry) float64 {
	s1 := math.Sin((e.latRad - q.latRad) / 2)
	s2 := math.Sin((e.lonRad - q.lonRad) / 2)
	h := s1*s1 + q.cosLat*e.cosLat*s2*s2
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(min(h, 1)))
}

// eval applies the hard filters to e and scores it. dist is -1 when it is
// online or the profile has no location. It is the inner loop of ranking:
// no allocations, no strings, no dates unless an end date forces it.
func (q *query) eval(e *entry) (score, dist float64, ok bool) {
	if !e.published || e.placesLeft == 0 ||
		e.minAge > q.age || e.maxAge > 0 && q.age > e.maxAge ||
		e.childCert && q.age < childAge ||
		e.groupSize < q.need ||
		q.onlineOnly && !e.online ||
		!e.activeFrom.IsZero() && e.activeFrom.After(q.now) ||
		!e.activeTo.IsZero() && e.activeTo.Before(q.now) {
		return 0, 0, false
	}

	dist = -1
	switch {
	case e.online:
		score += q.wDist * onlineDistanceFit
	case q.hasLoc:
		if !e.hasPlace || math.Abs(e.latDeg-q.latDeg)*kmPerDegree > q.maxKm {
			return 0, 0, false
		}
		dist = q.distance(e)
		if !(dist <= q.maxKm) { // also rejects NaN from broken coordinates
			return 0, 0, false
		}
		score += q.wDist * math.Exp(-dist/q.decayKm)
	default:
		score += q.wDist * unknownDistanceFit
	}

	t, ok := q.timeFit(e)
	if !ok {
		return 0, 0, false
	}
	score += t

	matches, rejected, rejectedUnlisted := 0, false, false
	for _, id := range e.interests {
		f := q.flags[id]
		if f&flagWanted != 0 {
			matches++
		}
		if f&flagRejected != 0 {
			rejected = true
			rejectedUnlisted = rejectedUnlisted || f&flagWanted == 0
		}
	}
	if matches > 0 {
		score += wInterestAny + wInterestShare*float64(matches)/float64(len(e.interests))
	}
	switch {
	case rejectedUnlisted:
		score -= wRejectedUnlisted
	case rejected:
		score -= wRejectedListed
	}
	if slices.Contains(q.rejectedOrgs, e.org) {
		score -= wRejectedOrg
	}

	if q.groupFits(e) {
		score += wGroup
	}
	if q.commitment != commitUnknown && e.commitment != commitUnknown {
		switch {
		case q.commitment == e.commitment:
			score += wCommitmentMatch
		case q.commitment != commitShortTerm && e.commitment != commitShortTerm:
			// Both known, different, neither short-term: one-off against recurring.
			score -= wCommitmentClash
		}
	}
	if q.ageKnown && e.maxAge > 0 {
		score += wAge
	}
	if int(e.org) < len(q.orgBoost) {
		score += wResponsive * q.orgBoost[e.org]
	}
	return score, dist, true
}

// timeFit scores availability and reports false when a scheduled task has
// no session the person can attend within the horizon.
func (q *query) timeFit(e *entry) (float64, bool) {
	c := &e.sched
	w := q.win.until(e.activeTo)
	total, fit := 0, 0
	hasFit, hasPref := false, false
	if len(c.weekly) > 0 {
		fits := c.weeklyMask
		if q.child {
			fits = c.childMask
		}
		fm := fits & q.prof
		total += popcount(c.weeklyMask)
		fit += popcount(fm)
		if e.activeTo.IsZero() || !e.activeTo.Before(q.weeklySafe) {
			hasFit, hasPref = fm != 0, fm&q.pref != 0
		} else {
			// Ends within about a week: some weekly sessions may not happen again.
			_, hasPref = c.nextWeekly(q.pref, q.child, w)
			hasFit = hasPref
			if !hasFit && q.avoidSlots {
				_, hasFit = c.nextWeekly(q.prof, q.child, w)
			}
		}
	}
	if len(c.events) > 0 {
		t, f, pf := c.scanEvents(q.prof, q.pref, q.child, w)
		total += t
		fit += f
		hasFit = hasFit || f > 0
		hasPref = hasPref || pf
	}

	var s float64
	switch {
	case c.flexible:
		return wTime * flexibleTimeFit, true
	case !hasFit:
		return 0, false
	case !q.slotsKnown:
		s = wTime * unknownTimeFit
	default:
		s = wTime * float64(fit) / float64(total)
	}
	if q.avoidSlots && !hasPref {
		s -= wWrongTime
	}
	return s, true
}

// groupFits reports whether e suits how the person wants to come; the hard
// filter has already made sure a friend or group can come at all.
func (q *query) groupFits(e *entry) bool {
	switch q.group {
	case WithFriend, Group:
		return true
	case Alone:
		return e.groupSize <= aloneFriendlyMax
	}
	return false
}

// cand is a scored candidate; pos indexes Index.entries.
type cand struct {
	score float64
	dist  float64
	pos   int32
}

// better reports whether a ranks before b: higher score, then lower ID.
func better(es []entry, a, b cand) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return es[a.pos].id < es[b.pos].id
}

// topK keeps the k best candidates seen, in a heap with the worst on top so
// that most candidates are rejected with a single comparison.
type topK struct {
	k  int
	c  []cand
	es []entry
}

func (h *topK) offer(x cand) {
	if len(h.c) < h.k {
		h.c = append(h.c, x)
		h.up(len(h.c) - 1)
		return
	}
	if !better(h.es, x, h.c[0]) {
		return
	}
	h.c[0] = x
	h.down(0)
}

// worse reports whether the candidate at i ranks after the one at j.
func (h *topK) worse(i, j int) bool { return better(h.es, h.c[j], h.c[i]) }

func (h *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !h.worse(i, p) {
			return
		}
		h.c[i], h.c[p] = h.c[p], h.c[i]
		i = p
	}
}

func (h *topK) down(i int) {
	n := len(h.c)
	for {
		w := i
		if l := 2*i + 1; l < n && h.worse(l, w) {
			w = l
		}
		if r := 2*i + 2; r < n && h.worse(r, w) {
			w = r
		}
		if w == i {
			return
		}
		h.c[i], h.c[w] = h.c[w], h.c[i]
		i = w
	}
}

// scratch holds per-query buffers reused across queries.
type scratch struct {
	orgBest []cand // by interned organisation; pos -1 when unset
	touched []uint32
	top     []cand
	orgTop  []cand
}

func (ix *Index) getScratch() *scratch {
	s, _ := ix.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	for len(s.orgBest) < len(ix.orgs) {
		s.orgBest = append(s.orgBest, cand{pos: -1})
	}
	return s
}

// rank implements Rank; the caller holds at least the read lock.
func (ix *Index) rank(p Profile, now time.Time, limit int) []Suggestion {
	if limit <= 0 {
		limit = DefaultLimit
	}
	if len(ix.entries) == 0 {
		return nil
	}
	q := ix.newQuery(p, now)
	sc := ix.getScratch()
	defer ix.scratch.Put(sc)

	// The variety pass needs more than limit candidates to choose from. The
	// overall best are not enough when one big organisation fills them all,
	// so the best candidate of every organisation is kept as well.
	k := max(4*limit, limit+16)
	top := topK{k: k, c: sc.top[:0], es: ix.entries}
	excluded := q.excluded
	for i := range ix.entries {
		if len(excluded) > 0 && excluded[0] == int32(i) {
			excluded = excluded[1:]
			continue
		}
		e := &ix.entries[i]
		score, dist, ok := q.eval(e)
		if !ok {
			continue
		}
		c := cand{score: score, dist: dist, pos: int32(i)}
		top.offer(c)
		b := &sc.orgBest[e.org]
		if b.pos < 0 {
			sc.touched = append(sc.touched, e.org)
			*b = c
		} else if better(ix.entries, c, *b) {
			*b = c
		}
	}
	orgTop := topK{k: k, c: sc.orgTop[:0], es: ix.entries}
	for _, org := range sc.touched {
		orgTop.offer(sc.orgBest[org])
		sc.orgBest[org] = cand{pos: -1}
	}
	sc.touched = sc.touched[:0]
	sc.orgTop = orgTop.c

	pool := append(top.c, orgTop.c...)
	sc.top = pool
	slices.SortFunc(pool, func(a, b cand) int {
		if better(ix.entries, a, b) {
			return -1
		}
		if better(ix.entries, b, a) {
			return 1
		}
		return 0
	})
	pool = slices.CompactFunc(pool, func(a, b cand) bool { return a.pos == b.pos })

	picks := ix.pickVaried(pool, limit)
	out := make([]Suggestion, 0, len(picks))
	for _, c := range picks {
		e := &ix.entries[c.pos]
		next := q.nextFor(e)
		out = append(out, Suggestion{
			Opportunity: e.opp,
			Score:       c.score,
			DistanceKm:  c.dist,
			Next:        next,
			Reasons:     q.reasons(e, c.dist, next),
		})
	}
	return out
}

// pickVaried chooses up to limit candidates from pool (sorted best first),
// each time taking the best after penalising organisations and first
// interests already chosen. The returned scores include those penalties,
// so they never increase down the list.
func (ix *Index) pickVaried(pool []cand, limit int) []cand {
	picks := make([]cand, 0, min(limit, len(pool)))
	used := make([]bool, len(pool))
	orgCount := make(map[uint32]int, limit)
	firstCount := make(map[uint32]int, limit)
	for len(picks) < limit {
		best, bestAdj := -1, 0.0
		for i, c := range pool {
			if used[i] {
				continue
			}
			e := &ix.entries[c.pos]
			adj := c.score - wRepeatOrg*float64(orgCount[e.org])
			if len(e.interests) > 0 {
				adj -= wRepeatInterest * float64(firstCount[e.interests[0]])
			}
			if best < 0 || adj > bestAdj || adj == bestAdj && e.id < ix.entries[pool[best].pos].id {
				best, bestAdj = i, adj
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		c := pool[best]
		c.score = bestAdj
		picks = append(picks, c)
		e := &ix.entries[c.pos]
		orgCount[e.org]++
		if len(e.interests) > 0 {
			firstCount[e.interests[0]]++
		}
	}
	return picks
}

// nextFor is the session to offer: preferably outside the slots rejected as
// "wrong time", otherwise any the person is free for.
func (q *query) nextFor(e *entry) Session {
	w := q.win.until(e.activeTo)
	if s, ok := e.sched.next(q.pref, q.child, w); ok {
		return s
	}
	if q.avoidSlots {
		if s, ok := e.sched.next(q.prof, q.child, w); ok {
			return s
		}
	}
	return Session{}
}

// reasons explains a suggestion in a fixed order of persuasiveness: what it
// is about, where, when, with whom, how much, for whom.
func (q *query) reasons(e *entry, dist float64, next Session) []Reason {
	rs := make([]Reason, 0, len(e.interests)+5)
	for i, id := range e.interests {
		if q.flags[id]&flagWanted != 0 {
			rs = append(rs, Reason{Kind: ReasonInterest, Interest: e.interestNames[i]})
		}
	}
	switch {
	case e.online:
		rs = append(rs, Reason{Kind: ReasonOnline})
	case dist >= 0 && dist <= q.maxKm*nearShare:
		rs = append(rs, Reason{Kind: ReasonNear, DistanceKm: dist})
	}
	if q.slotsKnown {
		switch {
		case !next.IsZero() && q.pref&(1<<uint(slotIndex(next.Start))) != 0:
			rs = append(rs, Reason{Kind: ReasonTime, Slot: SlotOf(next.Start)})
		case e.sched.flexible:
			rs = append(rs, Reason{Kind: ReasonTime})
		}
	}
	if q.groupFits(e) {
		rs = append(rs, Reason{Kind: ReasonGroup})
	}
	if q.commitment != commitUnknown && q.commitment == e.commitment {
		rs = append(rs, Reason{Kind: ReasonCommitment})
	}
	if q.ageKnown && e.maxAge > 0 {
		rs = append(rs, Reason{Kind: ReasonAge})
	}
	return rs
}
