package flows

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // opening hours must be read in Danish time on any machine
)

// Helpline is a place to get help that the bot points to when a young person
// is in crisis. The list is reviewed by people, never generated, and each
// entry says when it was last verified.
type Helpline struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Contact is how to reach it, in each language ("ring 116 111" /
	// "call 116 111"): an English answer must be English throughout.
	Contact  Text   `json:"contact"`
	For      Text   `json:"for"`
	Verified string `json:"last_verified"`
	// Kinds are the crisis kinds the line is especially for (see
	// understand's Kind constants); a line without kinds belongs in every
	// crisis answer.
	Kinds []string `json:"kinds"`
	// Concern marks the lines offered when a young person seems to be
	// struggling without a clear sign of crisis.
	Concern bool `json:"concern"`
	// AlwaysOpen is true for services open around the clock.
	AlwaysOpen bool `json:"always_open"`
	// Hours are weekly opening hours in Danish local time; with neither
	// AlwaysOpen nor Hours the bot never claims the service is open.
	Hours []OpeningHours `json:"hours,omitempty"`
}

// OpeningHours is one daily opening window. Close before Open means it
// closes after midnight.
type OpeningHours struct {
	Days  []string `json:"days"`
	Open  string   `json:"open"`
	Close string   `json:"close"`
}

// LoadHelplines parses and validates the embedded helplines.
func LoadHelplines() ([]Helpline, error) {
	b, err := files.ReadFile("data/helplines.json")
	if err != nil {
		return nil, fmt.Errorf("helplines: %w", err)
	}
	var hs []Helpline
	if err := json.Unmarshal(b, &hs); err != nil {
		return nil, fmt.Errorf("helplines: %w", err)
	}
	for _, h := range hs {
		if h.ID == "" || h.Name == "" {
			return nil, fmt.Errorf("helpline %q: id and name are required", h.ID)
		}
		if _, err := time.Parse("2006-01-02", h.Verified); err != nil {
			return nil, fmt.Errorf("helpline %s: last_verified must be a date: %w", h.ID, err)
		}
		for _, l := range Languages {
			if h.For[l] == "" {
				return nil, fmt.Errorf("helpline %s: missing %q text", h.ID, l)
			}
			if h.Contact[l] == "" {
				return nil, fmt.Errorf("helpline %s: missing %q contact", h.ID, l)
			}
		}
		for _, oh := range h.Hours {
			if _, _, err := clockRange(oh); err != nil {
				return nil, fmt.Errorf("helpline %s: %w", h.ID, err)
			}
		}
	}
	return hs, nil
}

var weekdays = []string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func clockRange(oh OpeningHours) (int, int, error) {
	parse := func(s string) (int, error) {
		t, err := time.Parse("15:04", s)
		if err != nil {
			return 0, fmt.Errorf("opening time %q: %w", s, err)
		}
		return t.Hour()*60 + t.Minute(), nil
	}
	open, err := parse(oh.Open)
	if err != nil {
		return 0, 0, err
	}
	closeAt, err := parse(oh.Close)
	if err != nil {
		return 0, 0, err
	}
	for _, d := range oh.Days {
		if !slices.Contains(weekdays, d) {
			return 0, 0, fmt.Errorf("unknown day %q", d)
		}
	}
	return open, closeAt, nil
}

// OpenAt reports whether the helpline is known to be open at t, given in
// Danish time (the zone opening hours are written in; flows loads no zone of
// its own, the caller passes its clock's time in Danish time). Unknown
// hours count as not open, so the bot never promises what it can't know.
func (h Helpline) OpenAt(t time.Time) bool {
	if h.AlwaysOpen {
		return true
	}
	minute := t.Hour()*60 + t.Minute()
	today := weekdays[t.Weekday()]
	yesterday := weekdays[(int(t.Weekday())+6)%7]
	for _, oh := range h.Hours {
		open, closeAt, err := clockRange(oh)
		if err != nil {
			continue
		}
		if closeAt > open {
			if slices.Contains(oh.Days, today) && minute >= open && minute < closeAt {
				return true
			}
			continue
		}
		// Open past midnight: late today, or early after yesterday's opening.
		if (slices.Contains(oh.Days, today) && minute >= open) || (slices.Contains(oh.Days, yesterday) && minute < closeAt) {
			return true
		}
	}
	return false
}

// Describe is one line about the helpline, saying "open now" only when true.
func (h Helpline) Describe(lang string, now time.Time) string {
	var b strings.Builder
	b.WriteString(h.Name)
	b.WriteString(": ")
	b.WriteString(h.Contact.In(lang))
	b.WriteString(" – ")
	b.WriteString(h.For.In(lang))
	if h.OpenAt(now) {
		if lang == "en" {
			b.WriteString(" (open now)")
		} else {
			b.WriteString(" (åben nu)")
		}
	}
	return b.String()
}

// ForKinds reports whether the line belongs in a crisis answer for the given
// kinds: general lines always do, the others when one of their kinds is there.
func (h Helpline) ForKinds(kinds []string) bool {
	if len(h.Kinds) == 0 {
		return true
	}
	for _, k := range kinds {
		if slices.Contains(h.Kinds, k) {
			return true
		}
	}
	return false
}
