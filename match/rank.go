package match

import (
	"math"
	"math/bits"
	"slices"
	"time"
)

// Suggestions come in tiers, and no score can lift a card into a better
// tier. With stated interests:
//
//  0. shares a stated interest and meets in the person's time;
//  1. shares a stated interest but meets at other times (OtherTime);
//  2. shares none but meets in the person's time (OffInterest).
//
// A card that neither shares an interest nor meets in the person's time is
// not offered. Without stated interests, tier 0 meets in their time and
// tier 1 at other times. Hard rules (published, active, places left, age and
// child protection, reach, group size, excluded and rejected ids) come
// before any tier: a card that breaks one is never offered.
const (
	tierFits        = 0
	tierOtherTime   = 1
	tierOffInterest = 2
	// tierGap separates the tiers in Suggestion.Score, far beyond what the
	// weights and penalties below can add up to.
	tierGap = 1000.0
)

// Score weights within a tier. Each component is a fit in [0, 1] times its
// weight, or a flat bonus or penalty. They live together so their balance
// can be judged at a glance:
//
//   - Distance, time, a dated first step in the person's time, group,
//     commitment and age order cards within a tier.
//   - Rejections, ruled-out interests and variety are penalties sized
//     against those: a "not my thing" on an interest the person never
//     mentioned drops a task well below its neighbours, one on an interest
//     they did mention only nudges it below similar tasks.
const (
	wInterestShare = 3.0 // times the share of its interests that are wanted

	wDistance          = 3.0 // times exp(-km / decay)
	wDistanceTooFar    = 5.0 // replaces wDistance after a "too far": closer matters more now
	onlineDistanceFit  = 0.5 // an online task is as convenient as a moderately near one
	unknownDistanceFit = 0.5 // profile without location: no one is nearer

	wTime           = 2.0 // times the share of the task's slots the person is free in
	flexibleTimeFit = 0.75
	unknownTimeFit  = 0.5 // profile without slots: no task fits better

	wStepSoon   = 2.0 // the first step has a date within Horizon
	wStepInTime = 1.5 // the first step is in the person's time

	wGroup           = 1.0 // task suits coming alone / with a friend / as a group
	wCommitmentMatch = 1.5 // task asks for exactly the commitment they want
	wCommitmentClash = 2.0 // one-off wanted but recurring asked, or the reverse
	wAge             = 0.5 // task is aimed at young people (has an upper age)

	wRejectedUnlisted = 12.0 // shares an interest, not one they asked for, with a "not my thing"
	wRejectedListed   = 8.0  // shares only interests they asked for with a "not my thing"
	wRejectedOrg      = 4.0  // same organisation as a "not my thing"
	wRuledOut         = 10.0 // shares an interest the person ruled out

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
	// bridgeDetour turns the straight line onto another, bridged landmass
	// into a conservative trip estimate: roads bend to reach the bridge.
	bridgeDetour = 1.3
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
	flagRuledOut                   // in the profile's NotInterests
)

// Rank returns up to limit suggestions for p among opps (DefaultLimit when
// limit <= 0), best first. It applies the hard filters (published, active,
// places left, age and child protection, reach: online, or on the person's
// own or a bridged landmass within MaxDistanceKm; group size, ruled-out
// interests, excluded and rejected ids), sorts what is left into tiers
// (interest first: see tierFits), scores within a tier, and picks the final
// list greedily so that organisations and first interests vary when there
// are alternatives. Equal scores are ordered by opportunity ID, so the
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
		ix.put(o, compileSchedule(o.Schedule), compileWayIn(o.FirstStep.WayIn))
	}
	return ix.rank(p, now, limit)
}

// query is a Profile resolved against one Index at one moment.
type query struct {
	now     time.Time
	win     window // after the default notice, within Horizon: for a first step soon
	winLong window // after the default notice, within activityHorizon
	// noticed caches win and winLong for the last organisation's own
	// notice seen, since most catalogs use only a few.
	noticed struct {
		hours     int
		win, long window
	}

	age      int
	ageKnown bool
	child    bool

	pref       slotMask // the person's time, without slots rejected as "wrong time"
	other      slotMask // any time, without slots rejected as "wrong time"
	slotsKnown bool

	hasInterests bool // the person stated an interest not ruled out

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

	landKnown bool
	land      uint32   // interned landmass; noLand when the index has none of it
	bridged   []uint32 // interned landmasses reachable by bridge

	flags []uint8 // by interned interest id
	// The flags of interest ids < 64 as bit sets, for entry.interestBits.
	wantedBits, rejectedBits, ruledOutBits uint64
	rejectedOrgs                           []uint32
	excluded                               []int32 // sorted entry positions
	// orgBoost is the index's responsiveness boost per interned organisation.
	orgBoost []float64
}

// noLand stands for a landmass no opportunity in the index is on.
const noLand = math.MaxUint32

func (ix *Index) newQuery(p Profile, now time.Time) *query {
	q := &query{
		now:      now,
		win:      newWindow(now),
		winLong:  noticeWindow(now, 0, activityHorizon),
		orgBoost: ix.orgBoost,
	}

	q.age, q.ageKnown = p.Age, p.Age > 0
	if !q.ageKnown {
		q.age = UnknownAge
	}
	q.child = q.age < childAge

	prof := parseSlots(p.Slots)
	q.slotsKnown = prof != 0
	if !q.slotsKnown {
		prof = anySlot
	}
	q.pref, q.other = prof, anySlot

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
	if key := normKey(p.Landmass); key != "" {
		q.landKnown = true
		q.land = noLand
		if id, ok := ix.lands[key]; ok {
			q.land = id
		}
		for _, name := range p.Bridged {
			if id, ok := ix.lands[normKey(name)]; ok && !slices.Contains(q.bridged, id) {
				q.bridged = append(q.bridged, id)
			}
		}
	}

	q.flags = make([]uint8, len(ix.interests))
	for _, name := range p.NotInterests {
		if id, ok := ix.interests[normKey(name)]; ok {
			q.flags[id] |= flagRuledOut
		}
	}
	for _, name := range p.Interests {
		key := normKey(name)
		if key == "" || slices.ContainsFunc(p.NotInterests, func(n string) bool { return normKey(n) == key }) {
			continue
		}
		q.hasInterests = true
		if id, ok := ix.interests[key]; ok {
			q.flags[id] |= flagWanted
		}
	}

	for id, f := range q.flags[:min(len(q.flags), 64)] {
		bit := uint64(1) << id
		if f&flagWanted != 0 {
			q.wantedBits |= bit
		}
		if f&flagRuledOut != 0 {
			q.ruledOutBits |= bit
		}
	}

	for _, id := range p.Exclude {
		if pos, ok := ix.byID[id]; ok {
			q.excluded = append(q.excluded, pos)
		}
	}
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
			avoid := q.rejectedSlots(r, re)
			q.pref &^= avoid
			q.other &^= avoid
		case NotMyThing:
			ix.applyNotMyThing(q, r, re)
		}
	}
	for id, f := range q.flags[:min(len(q.flags), 64)] {
		if f&flagRejected != 0 {
			q.rejectedBits |= uint64(1) << id
		}
	}
	q.maxKm = max(q.maxKm, minDistanceKm)
	q.decayKm = q.maxKm * distanceDecayShare

	slices.Sort(q.excluded)
	q.excluded = slices.Compact(q.excluded)
	return q
}

// applyTooFar narrows the reach so every card after a "too far" is strictly
// nearer than the rejected one; the interests stay as they were.
func (q *query) applyTooFar(r Rejection, re *entry) {
	if re != nil && re.online {
		return // distance was never the problem with an online task
	}
	q.wDist = wDistanceTooFar
	d := r.DistanceKm
	if d <= 0 && re != nil && re.hasPlace && q.hasLoc {
		if km, ok := q.travel(re); ok {
			d = km
		}
	}
	if d > 0 {
		q.maxKm = min(q.maxKm, d*tooFarShrink)
	} else {
		q.maxKm *= tooFarShrink
	}
}

// rejectedSlots guesses which slots a "wrong time" answer was about: the one
// named in the rejection, else those of the first step and the session the
// person was most likely shown, else every slot of the opportunity they are
// free in.
func (q *query) rejectedSlots(r Rejection, re *entry) slotMask {
	if bit, ok := parseSlot(r.Slot); ok {
		return bit
	}
	if re == nil {
		return 0
	}
	var m slotMask
	if st, ok := firstStep(&re.sched, re.way, q.pref, q.other, q.child, q.now, re.notice, re.activeTo); ok {
		m |= 1 << uint(slotIndex(st.Start))
	}
	for _, mask := range [2]slotMask{q.pref, q.other} {
		if s, ok := re.sched.next(mask, q.child, q.sessionWindow(re)); ok {
			m |= 1 << uint(slotIndex(s.Start))
			break
		}
	}
	if m != 0 {
		return m
	}
	if m := re.sched.allMask & q.pref; m != 0 {
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

// travel estimates the trip to e, which has a place, and reports false when
// it needs a ferry: e is on another known landmass without a bridge.
func (q *query) travel(e *entry) (float64, bool) {
	if !q.landKnown || e.land == 0 || e.land == q.land {
		return q.distance(e), true
	}
	if !slices.Contains(q.bridged, e.land) {
		return 0, false
	}
	return q.distance(e) * bridgeDetour, true
}

// windows returns win and winLong for an organisation that needs notice
// hours of notice (0: the default).
func (q *query) windows(notice int) (soon, long window) {
	if notice <= 0 {
		return q.win, q.winLong
	}
	if q.noticed.hours != notice {
		q.noticed.hours = notice
		q.noticed.win = noticeWindow(q.now, notice, Horizon)
		q.noticed.long = noticeWindow(q.now, notice, activityHorizon)
	}
	return q.noticed.win, q.noticed.long
}

// sessionWindow is where e's own sessions are looked for: within a year,
// after the notice.
func (q *query) sessionWindow(e *entry) window {
	_, long := q.windows(e.notice)
	return long.until(e.activeTo)
}

// eval applies the hard filters to e and scores it within its tier. The
// returned cand has no pos. It is the inner loop of ranking: no
// allocations, no strings, no dates unless an end date forces it.
func (q *query) eval(e *entry) (c cand, ok bool) {
	if !e.published || e.placesLeft == 0 ||
		e.minAge > q.age || e.maxAge > 0 && q.age > e.maxAge ||
		e.childCert && q.age < childAge ||
		e.groupSize < q.need || q.need < e.minGroup ||
		q.onlineOnly && !e.online ||
		!e.activeFrom.IsZero() && e.activeFrom.After(q.now) ||
		!e.activeTo.IsZero() && e.activeTo.Before(q.now) {
		return c, false
	}

	var score float64
	c.dist = -1
	switch {
	case e.online:
		score += q.wDist * onlineDistanceFit
	case q.hasLoc:
		if !e.hasPlace || math.Abs(e.latDeg-q.latDeg)*kmPerDegree > q.maxKm {
			return c, false
		}
		d, ok := q.travel(e)
		if !ok || !(d <= q.maxKm) { // also rejects NaN from broken coordinates
			return c, false
		}
		c.dist = d
		score += q.wDist * math.Exp(-d/q.decayKm)
	default:
		score += q.wDist * unknownDistanceFit
	}

	matches, ruledOut, rejected, rejectedUnlisted := q.interestFit(e)
	if ruledOut > 0 && ruledOut == len(e.interests) {
		return c, false
	}

	t, fits, ok := q.timeFit(e)
	interest := matches > 0 || !q.hasInterests
	switch {
	case !ok:
		return c, false
	case interest && fits:
		c.tier = tierFits
	case interest:
		c.tier = tierOtherTime
	case fits:
		c.tier = tierOffInterest
	default:
		return c, false // neither what they like nor when they can
	}
	score += t + q.stepFit(e)

	if matches > 0 {
		score += wInterestShare * float64(matches) / float64(len(e.interests))
	}
	switch {
	case rejectedUnlisted:
		score -= wRejectedUnlisted
	case rejected:
		score -= wRejectedListed
	}
	if ruledOut > 0 {
		score -= wRuledOut
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
	c.score = score
	return c, true
}

// interestFit counts e's interests the person wants and has ruled out, and
// reports whether one was on a "not my thing", and one they never asked for.
func (q *query) interestFit(e *entry) (matches, ruledOut int, rejected, rejectedUnlisted bool) {
	if e.bitsOK {
		rej := e.interestBits & q.rejectedBits
		return bits.OnesCount64(e.interestBits & q.wantedBits), bits.OnesCount64(e.interestBits & q.ruledOutBits),
			rej != 0, rej&^q.wantedBits != 0
	}
	for _, id := range e.interests {
		f := q.flags[id]
		if f&flagWanted != 0 {
			matches++
		}
		if f&flagRuledOut != 0 {
			ruledOut++
		}
		if f&flagRejected != 0 {
			rejected = true
			rejectedUnlisted = rejectedUnlisted || f&flagWanted == 0
		}
	}
	return matches, ruledOut, rejected, rejectedUnlisted
}

// timeFit scores availability. fits reports a session in the person's time
// (always for a flexible task); ok reports a session at any time not turned
// down, within the window, so that the task can be offered at all.
func (q *query) timeFit(e *entry) (score float64, fits, ok bool) {
	c := &e.sched
	if c.flexible {
		return wTime * flexibleTimeFit, true, true
	}
	var w window
	if len(c.events) > 0 || !e.activeTo.IsZero() {
		w = q.sessionWindow(e)
	}
	total, fit := 0, 0
	hasFit, hasOther := false, false
	if len(c.weekly) > 0 {
		m := c.weeklyMask
		if q.child {
			m = c.childMask
		}
		total += popcount(c.weeklyMask)
		fit += popcount(m & q.pref)
		if e.activeTo.IsZero() || !e.activeTo.Before(w.earliest.Add(8*24*time.Hour)) {
			// Every weekly session happens again inside the window, so the
			// slot masks answer without computing dates.
			hasFit, hasOther = m&q.pref != 0, m&q.other != 0
		} else {
			// Ends within about a week: some weekly sessions may not happen again.
			_, hasFit = c.nextWeekly(q.pref, q.child, w)
			hasOther = hasFit
			if !hasOther && q.other != q.pref {
				_, hasOther = c.nextWeekly(q.other, q.child, w)
			}
		}
	}
	if len(c.events) > 0 {
		t, f, of := c.scanEvents(q.pref, q.other, q.child, w)
		total += t
		fit += f
		hasFit = hasFit || f > 0
		hasOther = hasOther || of
	}
	switch {
	case !hasOther:
		return 0, false, false
	case !hasFit:
		return 0, false, true
	case !q.slotsKnown:
		return wTime * unknownTimeFit, true, true
	}
	return wTime * float64(fit) / float64(total), true, true
}

// stepFit favours a first step with a date soon, and one in the person's
// time. It mirrors firstStep cheaply: weekly and monthly times are judged
// by their slots alone, and only dated ones need a window.
func (q *query) stepFit(e *entry) float64 {
	var soon, long window
	haveWindows := false
	for i := range 2 {
		bonus := 0.0
		if i == 0 {
			bonus = wStepSoon
		}
		for _, src := range [2]*schedule{e.way, &e.sched} {
			if src == nil {
				continue
			}
			var w window
			if len(src.events) > 0 {
				if !haveWindows {
					soon, long = q.windows(e.notice)
					soon, long, haveWindows = soon.until(e.activeTo), long.until(e.activeTo), true
				}
				w = soon
				if i == 1 {
					w = long
				}
			}
			switch {
			case src.hasIn(q.pref, q.child, w):
				return bonus + wStepInTime
			case src.hasIn(q.other, q.child, w):
				return bonus
			}
		}
	}
	return 0
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
	tier  uint8
}

// better reports whether a ranks before b: better tier, higher score, then
// lower ID.
func better(es []entry, a, b cand) bool {
	if a.tier != b.tier {
		return a.tier < b.tier
	}
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
		c, ok := q.eval(e)
		if !ok {
			continue
		}
		c.pos = int32(i)
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
		other := c.tier == tierOtherTime
		mask := q.pref
		if other {
			mask = q.other
		}
		next, _ := e.sched.next(mask, q.child, q.sessionWindow(e))
		step, _ := firstStep(&e.sched, e.way, q.pref, q.other, q.child, q.now, e.notice, e.activeTo)
		out = append(out, Suggestion{
			Opportunity:        e.opp,
			Score:              c.score - tierGap*float64(c.tier),
			DistanceKm:         c.dist,
			Next:               next,
			OtherTime:          other,
			OffInterest:        c.tier == tierOffInterest,
			FirstStep:          step.Session,
			FirstStepOtherTime: step.OtherTime,
			NoticeDelayed:      step.NoticeDelayed,
			CommitmentClash: q.commitment == commitOneOff &&
				(e.commitment == commitRecurring || e.commitment == commitShortTerm),
			Reasons: q.reasons(e, c, next),
		})
	}
	return out
}

// pickVaried chooses up to limit candidates from pool (sorted best first),
// each time taking the best of the best tier left after penalising
// organisations and first interests already chosen. The returned scores
// include those penalties, so they never increase down a tier.
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
			if best < 0 {
				best, bestAdj = i, adj
				continue
			}
			b := pool[best]
			if c.tier < b.tier || c.tier == b.tier &&
				(adj > bestAdj || adj == bestAdj && e.id < ix.entries[b.pos].id) {
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

// reasons explains a suggestion in a fixed order of persuasiveness: what it
// is about, where, when, with whom, how much, for whom. It names only fits
// that are there: time not for a card at another time, nearness only with a
// real distance.
func (q *query) reasons(e *entry, c cand, next Session) []Reason {
	rs := make([]Reason, 0, len(e.interests)+5)
	for i, id := range e.interests {
		if q.flags[id]&flagWanted != 0 {
			rs = append(rs, Reason{Kind: ReasonInterest, Interest: e.interestNames[i]})
		}
	}
	switch {
	case e.online:
		rs = append(rs, Reason{Kind: ReasonOnline})
	case c.dist >= 0 && c.dist <= q.maxKm*nearShare:
		rs = append(rs, Reason{Kind: ReasonNear, DistanceKm: c.dist})
	}
	if q.slotsKnown && c.tier != tierOtherTime {
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
