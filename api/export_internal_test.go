package api

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
)

// fill sets every field of v, however deep, to a value that is not zero, so
// that a field the export forgets shows up as a difference.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k)
		fill(e)
		m.SetMapIndex(k, e)
		v.Set(m)
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	}
}

func asJSON(t *testing.T, v any) any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestExportKeepsEveryFieldUnderItsOldName: the export has its own types,
// and they must say everything the conversation and the leads hold, under
// the names exports have always used.
func TestExportKeepsEveryFieldUnderItsOldName(t *testing.T) {
	var st bot.State
	fill(reflect.ValueOf(&st).Elem())
	if got, want := asJSON(t, toExportState(st)), asJSON(t, st); !reflect.DeepEqual(got, want) {
		t.Errorf("exported state differs from the conversation's state:\n got %v\nwant %v", got, want)
	}
	var l leads.Lead
	fill(reflect.ValueOf(&l).Elem())
	// A lead says how many friends joined, never who.
	want := asJSON(t, l).(map[string]any)
	delete(want, "friend_ids")
	want["friends"] = float64(len(l.FriendIDs))
	if got := asJSON(t, toExportLeads([]leads.Lead{l})[0]); !reflect.DeepEqual(got, any(want)) {
		t.Errorf("exported lead differs from the lead:\n got %v\nwant %v", got, want)
	}
	if got := asJSON(t, toExportState(bot.State{})); !reflect.DeepEqual(got, asJSON(t, bot.State{})) {
		t.Errorf("an empty state exports as %v, not as the state itself", got)
	}
}
