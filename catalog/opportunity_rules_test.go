package catalog_test

import (
	"errors"
	"testing"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/match"
)

func TestOpportunityIDsCarryTheOrganisationsPrefix(t *testing.T) {
	for _, tc := range []struct {
		given, title, want, wrong string
	}{
		{given: "lektiecafe", want: "opp-naboerne-lektiecafe"},
		{given: "opp-naboerne-lektiecafe", want: "opp-naboerne-lektiecafe"},
		{title: "Lektiecafé på Nørrebro", want: "opp-naboerne-lektiecafe-paa-noerrebro"},
		{given: "Lektiecafe", wrong: `id: "Lektiecafe" may only hold a-z, 0-9 and single dashes; "lektiecafe" would do`},
		{wrong: "id: give the row an id or a title"},
	} {
		got, err := catalog.OpportunityID("org-naboerne", tc.given, tc.title)
		var fe *catalog.FieldError
		switch {
		case tc.wrong != "" && (!errors.As(err, &fe) || fe.Field+": "+fe.Problem != tc.wrong):
			t.Errorf("OpportunityID(%q, %q) = %q, %v; want the problem %q", tc.given, tc.title, got, err, tc.wrong)
		case tc.wrong == "" && (err != nil || got != tc.want):
			t.Errorf("OpportunityID(%q, %q) = %q, %v; want %q", tc.given, tc.title, got, err, tc.want)
		}
		if tc.want != "" && !catalog.ValidNewOpportunityID("org-naboerne", tc.want) {
			t.Errorf("%q is not a valid new id for the organisation that made it", tc.want)
		}
	}
	if catalog.ValidNewOpportunityID("org-andre", "opp-naboerne-lektiecafe") {
		t.Error("an organisation may name a new opportunity with another organisation's prefix")
	}
}

func TestResolvePlaceFillsMunicipalityPositionAndIslandFromThePostcode(t *testing.T) {
	p := match.Place{Postcode: "8000"}
	if err := catalog.ResolvePlace(&p); err != nil || p.Municipality != "Aarhus" || p.Lat == 0 || p.Lon == 0 {
		t.Errorf("8000: %+v, %v", p, err)
	}
	given := match.Place{Postcode: "8000", Lat: 56.1, Lon: 10.2}
	if err := catalog.ResolvePlace(&given); err != nil || given.Lat != 56.1 || given.Lon != 10.2 {
		t.Errorf("a position the organisation gave was not kept: %+v, %v", given, err)
	}
	online := match.Place{Online: true}
	if err := catalog.ResolvePlace(&online); err != nil || online.Municipality != "" {
		t.Errorf("online: %+v, %v", online, err)
	}
	for _, tc := range []struct {
		place match.Place
		field string
	}{
		{match.Place{Postcode: "0001"}, "place.postcode"},
		{match.Place{Postcode: "8000", Municipality: "Odense"}, "place.municipality"},
		{match.Place{Postcode: "8000", Municipality: "Atlantis"}, "place.municipality"},
	} {
		var fe *catalog.FieldError
		if err := catalog.ResolvePlace(&tc.place); !errors.As(err, &fe) || fe.Field != tc.field {
			t.Errorf("%+v: err = %v, want a problem with %s", tc.place, err, tc.field)
		}
	}
}
