package store

import (
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/brobygger/brobygger/leads"
)

// TestLeadDocumentsKeepTheirFieldNames: the store's own lead documents must
// name every field as leads were stored before they had their own types
// (the JSON names, with the id as _id), or stored leads would not load.
func TestLeadDocumentsKeepTheirFieldNames(t *testing.T) {
	for _, tc := range []struct {
		domain, doc any
	}{
		{leads.Lead{}, leadDoc{}},
		{leads.Invite{}, inviteDoc{}},
		{leads.Job{}, jobDoc{}},
		{leads.Webhook{}, webhookDoc{}},
	} {
		want := jsonNames(t, tc.domain)
		got := bsonNames(t, tc.doc)
		if !slices.Equal(got, want) {
			t.Errorf("%T is stored as %v, want %v", tc.doc, got, want)
		}
	}
}

// jsonNames are the top-level names of v's fields in JSON, the id as _id.
func jsonNames(t *testing.T, v any) []string {
	t.Helper()
	var names []string
	rt := reflect.TypeOf(v)
	for i := range rt.NumField() {
		name, _, _ := cutComma(rt.Field(i).Tag.Get("json"))
		if i == 0 {
			name = "_id"
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// bsonNames are the names v's fields are stored under, every field set.
func bsonNames(t *testing.T, v any) []string {
	t.Helper()
	rv := reflect.New(reflect.TypeOf(v)).Elem()
	fill(rv)
	b, err := bson.Marshal(rv.Interface())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := bson.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return slices.Sorted(maps.Keys(m))
}

func cutComma(tag string) (string, string, bool) {
	for i := range len(tag) {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:], true
		}
	}
	return tag, "", false
}

// fill makes every optional field present: pointers set, strings and
// numbers non-zero.
func fill(v reflect.Value) {
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Int, reflect.Int64:
			f.SetInt(1)
		case reflect.Pointer:
			p := reflect.New(f.Type().Elem())
			if t, ok := p.Interface().(*time.Time); ok {
				*t = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
			}
			f.Set(p)
		}
	}
}
