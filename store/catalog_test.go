package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// TestSeedCatalogKeepsEditsAndRefreshesTheSample: seeding twice writes
// nothing the second time; a changed sample opportunity is brought up to
// date, one an organisation edited is left alone; and two instances seeding
// an empty database at once both succeed.
func TestSeedCatalogKeepsEditsAndRefreshesTheSample(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t, "seed")
	sampleOrgs, opps, err := catalog.Sample()
	if err != nil {
		t.Fatal(err)
	}
	orgs := make([]store.Organisation, len(sampleOrgs))
	for i, o := range sampleOrgs {
		orgs[i] = store.Organisation{ID: o.ID, Name: o.Name, Municipality: o.Municipality, Sample: true}
	}
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)

	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = st.SeedCatalog(ctx, orgs, opps, now)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatalf("seeding at once: %v", err)
		}
	}
	if n, err := st.SeedCatalog(ctx, orgs, opps, now); err != nil || n != 0 {
		t.Fatalf("seeding again wrote %d opportunities (%v), want 0", n, err)
	}

	// An organisation edits one sample opportunity; the sample changes two.
	edited := opps[0]
	edited.Title, edited.Sample = "Vores egen titel", false
	if err := st.UpsertOpportunity(ctx, edited, now); err != nil {
		t.Fatal(err)
	}
	newer := append(opps[:0:0], opps...)
	newer[0].Title = "Ny eksempeltitel"
	newer[1].Title = "Ny eksempeltitel to"
	if n, err := st.SeedCatalog(ctx, orgs, newer, now.Add(time.Hour)); err != nil || n != 1 {
		t.Fatalf("refreshing wrote %d (%v), want only the unedited one", n, err)
	}
	all, err := st.Opportunities(ctx, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, o := range all {
		titles[o.ID] = o.Title
	}
	if titles[opps[0].ID] != "Vores egen titel" {
		t.Errorf("the organisation's edit was overwritten: %q", titles[opps[0].ID])
	}
	if titles[opps[1].ID] != "Ny eksempeltitel to" {
		t.Errorf("the sample was not refreshed: %q", titles[opps[1].ID])
	}
}
