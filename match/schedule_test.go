package match

import (
	"testing"
	"time"
)

func TestNextSession(t *testing.T) {
	sun10 := WeeklySession{Day: "sun", Start: "10:00", End: "12:00"}
	sat10 := WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}
	mon18 := WeeklySession{Day: "mon", Start: "18:00", End: "20:00"}

	tests := []struct {
		name      string
		o         *Opportunity
		slots     []string
		now       time.Time
		wantStart time.Time
		wantEnd   time.Time
	}{
		{
			name:      "across the autumn DST change",
			o:         opp("a", weekly(sun10)),
			now:       cph(2026, 10, 20, 12, 0),
			wantStart: time.Date(2026, 10, 25, 9, 0, 0, 0, time.UTC), // 10:00 CET
			wantEnd:   time.Date(2026, 10, 25, 11, 0, 0, 0, time.UTC),
		},
		{
			name:      "across the spring DST change",
			o:         opp("a", weekly(sun10)),
			now:       cph(2026, 3, 24, 12, 0),
			wantStart: time.Date(2026, 3, 29, 8, 0, 0, 0, time.UTC), // 10:00 CEST
			wantEnd:   time.Date(2026, 3, 29, 10, 0, 0, 0, time.UTC),
		},
		{
			name:      "now given in UTC",
			o:         opp("a", weekly(sun10)),
			now:       time.Date(2026, 10, 20, 10, 0, 0, 0, time.UTC),
			wantStart: cph(2026, 10, 25, 10, 0),
			wantEnd:   cph(2026, 10, 25, 12, 0),
		},
		{
			name:      "same day is too short notice",
			o:         opp("a", weekly(sat10)),
			now:       cph(2026, 5, 9, 9, 0), // Saturday
			wantStart: cph(2026, 5, 16, 10, 0),
			wantEnd:   cph(2026, 5, 16, 12, 0),
		},
		{
			name:      "tomorrow is fine",
			o:         opp("a", weekly(sun10)),
			now:       cph(2026, 5, 9, 9, 0),
			wantStart: cph(2026, 5, 10, 10, 0),
			wantEnd:   cph(2026, 5, 10, 12, 0),
		},
		{
			name:      "only sessions in the person's slots",
			o:         opp("a", weekly(mon18, sat10)),
			slots:     []string{"sat_morning"},
			now:       now,
			wantStart: cph(2026, 5, 9, 10, 0),
			wantEnd:   cph(2026, 5, 9, 12, 0),
		},
		{
			name:      "any slot when slots are unknown",
			o:         opp("a", weekly(sat10, mon18)),
			now:       now,
			wantStart: cph(2026, 5, 9, 10, 0),
			wantEnd:   cph(2026, 5, 9, 12, 0),
		},
		{
			name:      "long day names and Danish clock",
			o:         opp("a", weekly(WeeklySession{Day: "Saturday", Start: "9.30", End: "11.00"})),
			now:       now,
			wantStart: cph(2026, 5, 9, 9, 30),
			wantEnd:   cph(2026, 5, 9, 11, 0),
		},
		{
			name:      "runs past midnight",
			o:         opp("a", weekly(WeeklySession{Day: "fri", Start: "22:00", End: "02:00"})),
			now:       now,
			wantStart: cph(2026, 5, 8, 22, 0),
			wantEnd:   cph(2026, 5, 9, 2, 0),
		},
		{
			name: "first event in the slots after the notice",
			o: opp("a", events(
				Event{Start: cph(2026, 5, 4, 18, 0), End: cph(2026, 5, 4, 20, 0)},   // past
				Event{Start: cph(2026, 5, 5, 10, 0), End: cph(2026, 5, 5, 12, 0)},   // tomorrow, asked after 18:00
				Event{Start: cph(2026, 5, 12, 10, 0), End: cph(2026, 5, 12, 12, 0)}, // tue morning
				Event{Start: cph(2026, 5, 7, 18, 0), End: cph(2026, 5, 7, 20, 0)},   // thu evening
				Event{Start: cph(2026, 5, 14, 18, 0), End: cph(2026, 5, 14, 20, 0)}, // thu evening, later
			)),
			slots:     []string{"thu_evening", "tue_morning"},
			now:       cph(2026, 5, 4, 19, 0),
			wantStart: cph(2026, 5, 7, 18, 0),
			wantEnd:   cph(2026, 5, 7, 20, 0),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustSession(t, tt.o, tt.slots, tt.now)
			if !s.Start.Equal(tt.wantStart) || !s.End.Equal(tt.wantEnd) {
				t.Errorf("got %v – %v, want %v – %v", s.Start, s.End, tt.wantStart, tt.wantEnd)
			}
			if s.Start.Location() != copenhagen {
				t.Errorf("start in %v, want Europe/Copenhagen", s.Start.Location())
			}
			if tt.o.Schedule.Kind == ScheduleWeekly {
				// Wall clock must be what the organisation wrote, whatever the offset.
				if got, want := s.Start.Format("15:04"), tt.wantStart.In(copenhagen).Format("15:04"); got != want {
					t.Errorf("wall clock %s, want %s", got, want)
				}
			}
		})
	}
}

func TestNextSessionNone(t *testing.T) {
	tests := []struct {
		name  string
		o     *Opportunity
		slots []string
	}{
		{"flexible", opp("a"), nil},
		{"no session in the slots", opp("a", weekly(WeeklySession{Day: "mon", Start: "18:00", End: "20:00"})), []string{"sat_morning"}},
		{"ends before the next session", opp("a",
			weekly(WeeklySession{Day: "sat", Start: "10:00", End: "12:00"}),
			func(o *Opportunity) { o.ActiveTo = cph(2026, 5, 9, 9, 0) }), nil},
		{"only events beyond the horizon", opp("a", events(Event{Start: cph(2026, 9, 1, 10, 0)})), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if s, ok := NextSession(tt.o, tt.slots, now); ok {
				t.Errorf("got %v, want none", s)
			}
		})
	}
}

func TestSlotOf(t *testing.T) {
	tests := []struct {
		t    time.Time
		want string
	}{
		{cph(2026, 5, 9, 11, 59), "sat_morning"},
		{cph(2026, 5, 9, 12, 0), "sat_afternoon"},
		{cph(2026, 5, 9, 16, 59), "sat_afternoon"},
		{cph(2026, 5, 9, 17, 0), "sat_evening"},
		{cph(2026, 5, 4, 0, 30), "mon_morning"},
		{cph(2026, 5, 10, 23, 59), "sun_evening"},
		// 10:30 UTC is 12:30 in Copenhagen in summer: afternoon, not morning.
		{time.Date(2026, 7, 1, 10, 30, 0, 0, time.UTC), "wed_afternoon"},
		{time.Date(2026, 12, 2, 10, 30, 0, 0, time.UTC), "wed_morning"},
	}
	for _, tt := range tests {
		if got := SlotOf(tt.t); got != tt.want {
			t.Errorf("SlotOf(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}
