package catalog

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/brobygger/brobygger/geo"
	"github.com/brobygger/brobygger/match"
)

// Errors of the catalog; the store translates its driver's errors into these.
var (
	// ErrNotFound means there is no such organisation or opportunity, or
	// the opportunity is another organisation's.
	ErrNotFound = errors.New("not in the catalog")
	// ErrConflict means an organisation or opportunity with that id exists
	// already.
	ErrConflict = errors.New("catalog conflict")
	// ErrOtherOrganisation means an opportunity id belongs to another
	// organisation.
	ErrOtherOrganisation = fmt.Errorf("the opportunity belongs to another organisation: %w", ErrConflict)
	// ErrInvalid means a change to an opportunity is not acceptable, such
	// as a negative number of places.
	ErrInvalid = errors.New("invalid")
)

// Store keeps organisations and their opportunities; package store
// implements it. Changes to opportunities are stamped with now, so every
// server's catalog sync picks them up.
type Store interface {
	// CreateOrganisation stores a new organisation named name, with an id
	// of "org-" and random hex.
	CreateOrganisation(ctx context.Context, name string, now time.Time) (Organisation, error)
	Organisation(ctx context.Context, id string) (Organisation, error)
	// OpportunitiesOf lists an organisation's opportunities, published or
	// not, by id.
	OpportunitiesOf(ctx context.Context, orgID string) ([]match.Opportunity, error)
	Opportunity(ctx context.Context, id string) (match.Opportunity, error)
	// UpsertOpportunity stores o, which the caller has validated; an id
	// another organisation uses is ErrOtherOrganisation.
	UpsertOpportunity(ctx context.Context, o match.Opportunity, now time.Time) error
	// SetPublished and SetPlacesLeft change one of orgID's opportunities;
	// anyone else's is ErrNotFound.
	SetPublished(ctx context.Context, orgID, id string, published bool, now time.Time) (match.Opportunity, error)
	SetPlacesLeft(ctx context.Context, orgID, id string, places *int, now time.Time) (match.Opportunity, error)
}

// MaxOpportunityID is the longest id an opportunity may have.
const MaxOpportunityID = 100

// opportunityIDPattern is what an opportunity id may look like: words of
// a-z and 0-9 joined by single dashes.
var opportunityIDPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// OpportunityPrefix starts the id of every opportunity an organisation
// creates: "opp-", the organisation's id without "org-", and a dash, so that
// two organisations' "lektiecafe" never meet.
func OpportunityPrefix(orgID string) string { return "opp-" + strings.TrimPrefix(orgID, "org-") + "-" }

// ValidNewOpportunityID reports whether id may name a new opportunity of
// orgID's: it has the organisation's prefix, goes on in a-z, 0-9 and
// single dashes, and is at most MaxOpportunityID long.
func ValidNewOpportunityID(orgID, id string) bool {
	return len(id) <= MaxOpportunityID && opportunityIDPattern.MatchString(id) && strings.HasPrefix(id, OpportunityPrefix(orgID))
}

// OpportunityID is the id an organisation's opportunity is stored under:
// OpportunityPrefix and the id the organisation gave — or, when it gave
// none, the title in lower-case ASCII ("Lektiecafé på Nørrebro" →
// "lektiecafe-paa-noerrebro"). A given id that already carries the prefix
// keeps it once. The error, a *FieldError on "id", says what to write instead.
func OpportunityID(orgID, given, title string) (string, error) {
	prefix := OpportunityPrefix(orgID)
	given = strings.TrimPrefix(given, prefix)
	local := slug(given)
	if given == "" {
		local = slug(title)
	} else if local != given {
		return "", &FieldError{Field: "id", Problem: fmt.Sprintf("%q may only hold a-z, 0-9 and single dashes; %q would do", given, local)}
	}
	if local == "" {
		return "", &FieldError{Field: "id", Problem: "give the row an id or a title"}
	}
	return prefix + local, nil
}

// slug spells s in lower-case ASCII words joined by dashes, at most 60
// bytes, or "" when s holds letters Fold cannot spell in ASCII.
func slug(s string) string {
	out := strings.Join(strings.Fields(geo.Fold(s)), "-")
	const maxLen = 60
	if len(out) > maxLen {
		out = strings.TrimRight(out[:maxLen], "-")
	}
	for _, r := range out {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return "" // a letter Fold keeps as it is, such as Greek or Cyrillic
		}
	}
	return out
}

// ResolvePlace fills an offline place's municipality, coordinates and
// landmass (the island) from its postcode, the one way the API, the import
// and the sample place an opportunity. A municipality the place names must
// be the postcode's; coordinates it gives are kept, since an organisation
// may know the door better than the postcode's centre. An online place, or
// one without a postcode, is left for Validate to judge. The error is a
// *FieldError on place.postcode or place.municipality.
func ResolvePlace(p *match.Place) error {
	if p.Online || p.Postcode == "" {
		return nil
	}
	pc, ok := geo.LookupPostcode(p.Postcode)
	if !ok {
		return &FieldError{Field: "place.postcode", Problem: fmt.Sprintf("%q is not a Danish postcode", p.Postcode)}
	}
	p.Postcode = pc.Code
	if p.Municipality != "" {
		m, ok := geo.LookupMunicipality(p.Municipality)
		if !ok {
			return &FieldError{Field: "place.municipality", Problem: fmt.Sprintf("%q is not a Danish municipality", p.Municipality)}
		}
		if m.Name != pc.Municipality {
			return &FieldError{Field: "place.municipality",
				Problem: fmt.Sprintf("postcode %s %s lies in %s, not %s", pc.Code, pc.Town, pc.Municipality, m.Name)}
		}
	}
	p.Municipality = pc.Municipality
	if p.Lat == 0 && p.Lon == 0 {
		p.Lat, p.Lon = pc.Lat, pc.Lon
	}
	p.Landmass = pc.Landmass
	return nil
}
