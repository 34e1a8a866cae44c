package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSampleUpToDate fails when the shipped JSON no longer matches what the
// generator produces; run `go generate ./catalog` to fix it.
func TestSampleUpToDate(t *testing.T) {
	orgs, opps, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]any{"organisations.json": orgs, "opportunities.json": opps} {
		want, err := encode(v)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join("..", "..", "sample", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("sample/%s is out of date: run go generate ./catalog", name)
		}
	}
}

func TestInArea(t *testing.T) {
	for area, want := range map[string]string{"Nørrebro": "på Nørrebro", "Valby": "i Valby", "Frederiksberg": "på Frederiksberg", "Aarhus": "i Aarhus"} {
		if got := inArea(area); got != want {
			t.Errorf("inArea(%q) = %q, want %q", area, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Potefællesskabet Aarhus":       "potefaellesskabet-aarhus",
		"Kaffe & Kontakt Frederiksberg": "kaffe-og-kontakt-frederiksberg",
		"Søhøjlandets Friluftsvenner":   "soehoejlandets-friluftsvenner",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}
