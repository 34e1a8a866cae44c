package safeguarding_test

import (
	"errors"
	"testing"
	"time"

	"github.com/brobygger/brobygger/safeguarding"
)

// TestCaseGoesOpenAcknowledgedClosedAndRetriesChangeNothing walks the state
// machine: each change is allowed from one status only, and the same
// officer repeating it (a retried request) changes nothing.
func TestCaseGoesOpenAcknowledgedClosedAndRetriesChangeNothing(t *testing.T) {
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	ack := func(staff string) func(*safeguarding.Case) error {
		return func(c *safeguarding.Case) error { return c.Acknowledge(staff, at) }
	}
	closeAs := func(staff, outcome string) func(*safeguarding.Case) error {
		return func(c *safeguarding.Case) error { return c.Close(staff, outcome, at) }
	}
	for _, tc := range []struct {
		name   string
		from   safeguarding.Case
		change func(*safeguarding.Case) error
		want   error
		status string
	}{
		{"acknowledge open", safeguarding.Case{Status: safeguarding.StatusOpen}, ack("ann"), nil, safeguarding.StatusAcknowledged},
		{"acknowledge again", safeguarding.Case{Status: safeguarding.StatusAcknowledged, AcknowledgedBy: "ann"}, ack("ann"), safeguarding.ErrUnchanged, safeguarding.StatusAcknowledged},
		{"take over another's", safeguarding.Case{Status: safeguarding.StatusAcknowledged, AcknowledgedBy: "ann"}, ack("bo"), safeguarding.ErrStatus, safeguarding.StatusAcknowledged},
		{"acknowledge closed", safeguarding.Case{Status: safeguarding.StatusClosed}, ack("ann"), safeguarding.ErrStatus, safeguarding.StatusClosed},
		{"close open", safeguarding.Case{Status: safeguarding.StatusOpen}, closeAs("ann", "no_action"), safeguarding.ErrStatus, safeguarding.StatusOpen},
		{"close acknowledged", safeguarding.Case{Status: safeguarding.StatusAcknowledged}, closeAs("ann", "no_action"), nil, safeguarding.StatusClosed},
		{"close again", safeguarding.Case{Status: safeguarding.StatusClosed, ClosedBy: "ann", Outcome: "no_action"}, closeAs("ann", "no_action"), safeguarding.ErrUnchanged, safeguarding.StatusClosed},
		{"close with another outcome", safeguarding.Case{Status: safeguarding.StatusClosed, ClosedBy: "ann", Outcome: "no_action"}, closeAs("ann", "police"), safeguarding.ErrStatus, safeguarding.StatusClosed},
	} {
		c := tc.from
		err := tc.change(&c)
		if !errors.Is(err, tc.want) || (tc.want == nil && err != nil) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
		if c.Status != tc.status {
			t.Errorf("%s: status %q, want %q", tc.name, c.Status, tc.status)
		}
	}
	closed := safeguarding.Case{Status: safeguarding.StatusClosed}
	closed.AddNote("ann", "the municipality answered", at)
	if len(closed.Notes) != 1 {
		t.Error("a closed case takes no more notes; what the municipality answers often comes later")
	}
}
