package match

import "time"

// OpenTo reports whether a young person of the given age may be offered the
// opportunity at now: it is published, running, has places left, and is open
// to their age, with the børneattest rule for under-15s. An unknown age (0)
// counts as UnknownAge. These are the hard rules Rank applies; callers use
// them again when a young person acts on an opportunity by its id.
func OpenTo(o *Opportunity, age int, now time.Time) bool {
	if age <= 0 {
		age = UnknownAge
	}
	switch {
	case o == nil || !o.Published:
		return false
	case o.PlacesLeft != nil && *o.PlacesLeft <= 0:
		return false
	case !o.ActiveFrom.IsZero() && o.ActiveFrom.After(now), !o.ActiveTo.IsZero() && o.ActiveTo.Before(now):
		return false
	case age < o.MinAge, o.MaxAge > 0 && age > o.MaxAge:
		return false
	case o.ChildCertificate && age < childAge:
		return false
	}
	return true
}
