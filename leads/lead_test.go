package leads

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestTransition(t *testing.T) {
	tests := []struct {
		from, to string
		by       Actor
		want     error  // nil, ErrTransition or ErrUnchanged
		reason   string // part of the TransitionError's reason
	}{
		{StatusNew, StatusContacted, Staff, nil, ""},
		{StatusNew, StatusMeetingPlanned, Staff, nil, ""},
		{StatusContacted, StatusMeetingPlanned, Staff, nil, ""},
		{StatusMeetingPlanned, StatusStarted, Staff, nil, ""},
		{StatusContacted, StatusStarted, Staff, nil, ""},
		{StatusNew, StatusDeclined, Staff, nil, ""},
		{StatusMeetingPlanned, StatusDeclined, Staff, nil, ""},
		{StatusNew, StatusWithdrawn, Youth, nil, ""},
		{StatusContacted, StatusWithdrawn, Youth, nil, ""},
		{StatusMeetingPlanned, StatusWithdrawn, Youth, nil, ""},
		{StatusNew, StatusNoResponse, System, nil, ""},

		{StatusContacted, StatusContacted, Staff, ErrUnchanged, ""},
		{StatusNew, StatusWithdrawn, Staff, ErrTransition, "only the young person can withdraw"},
		{StatusContacted, StatusNoResponse, Staff, ErrTransition, "Brobygger sets no_response"},
		{StatusMeetingPlanned, StatusContacted, Staff, ErrTransition, "cannot go back"},
		{StatusContacted, StatusNew, Staff, ErrTransition, "cannot go back"},
		{StatusNew, StatusContacted, Youth, ErrTransition, "can only withdraw"},
		{StatusNew, StatusDeclined, Youth, ErrTransition, "can only withdraw"},
		{StatusStarted, StatusWithdrawn, Youth, ErrTransition, "is closed"},
		{StatusDeclined, StatusContacted, Staff, ErrTransition, "is closed"},
		{StatusNoResponse, StatusContacted, Staff, ErrTransition, "is closed"},
		{StatusWithdrawn, StatusContacted, Staff, ErrTransition, "is closed"},
		{StatusContacted, StatusNoResponse, System, ErrTransition, "only marks unanswered new leads"},
		{StatusNew, StatusDeclined, System, ErrTransition, "only marks unanswered new leads"},
		{StatusNew, StatusContacted, Actor{}, ErrTransition, "no actor"},
		{StatusNew, "accepted", Staff, ErrTransition, "not a status"},
		{"", StatusNew, Staff, ErrTransition, "not a status"},
	}
	for _, tt := range tests {
		name := tt.from + "→" + tt.to + " by " + tt.by.String()
		t.Run(name, func(t *testing.T) {
			err := Transition(tt.from, tt.to, tt.by)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("err = %v, want allowed", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var te *TransitionError
			if tt.reason != "" && (!errors.As(err, &te) || !strings.Contains(te.Reason, tt.reason)) {
				t.Fatalf("err = %v, want a reason with %q", err, tt.reason)
			}
		})
	}
}

func TestAgeBand(t *testing.T) {
	for age, want := range map[int]string{12: "", 13: "13-14", 14: "13-14", 15: "15-17", 17: "15-17",
		18: "18-24", 24: "18-24", 25: "25-30", 30: "25-30", 31: ""} {
		if got := AgeBand(age); got != want {
			t.Errorf("AgeBand(%d) = %q, want %q", age, got, want)
		}
	}
}

func newLead() Lead {
	return Lead{ID: "l1", OrganisationID: "org-dyr", OrganisationName: "Dyreværnet", OpportunityID: "opp-1",
		YouthID: "u1", Lang: "da", MaxFriends: 1,
		Shared: Shared{Nickname: "Mia", AgeBand: Band15to17, Interests: []string{"animals"}}}
}

func TestOpenChecksWhatIsShared(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	l := newLead()
	if err := l.Open(at); err != nil {
		t.Fatal(err)
	}
	if l.Status != StatusNew || l.Shared.ContactMethod != ContactInApp || l.LastSeq() != 1 || l.Events[0].Type != EventCreated {
		t.Fatalf("opened lead = %+v", l)
	}
	bad := []func(*Lead){
		func(l *Lead) { l.Shared.Nickname = " " },
		func(l *Lead) { l.Shared.AgeBand = "16" },
		func(l *Lead) { l.Shared.ContactMethod = "fax" },
		func(l *Lead) { l.Shared.ContactMethod, l.Shared.Contact = ContactPhone, "12345678" }, // not agreed
		func(l *Lead) { l.Shared.Contact = "12345678" },                                       // in_app with a number
		func(l *Lead) { l.Shared.ContactMethod = ContactEmail },                               // no address
		func(l *Lead) { l.YouthID = "" },
	}
	for i, spoil := range bad {
		l := newLead()
		spoil(&l)
		if err := l.Open(at); !errors.Is(err, ErrInvalid) {
			t.Errorf("case %d: err = %v, want ErrInvalid", i, err)
		}
	}
	l = newLead()
	l.Shared.ContactMethod, l.Shared.Contact, l.ContactAgreedAt = ContactPhone, "12345678", &at
	if err := l.Open(at); err != nil {
		t.Fatalf("agreed phone: %v", err)
	}
}

func TestStaffReplyAnswersTheLead(t *testing.T) {
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	l := newLead()
	if err := l.Open(at); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Post(Youth, "", "Hej, kan jeg komme på lørdag?", at); err != nil {
		t.Fatal(err)
	}
	if !l.Untouched() {
		t.Fatal("a youth message touched the lead")
	}
	events, err := l.Post(Staff, "Sara", "Ja, kom bare kl. 10", at.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if l.Status != StatusContacted || len(events) != 2 || l.FirstAnsweredAt == nil || l.Untouched() {
		t.Fatalf("after staff reply: status %s, %d events, answered %v", l.Status, len(events), l.FirstAnsweredAt)
	}
	if got := l.Notice(events[1]); got != "Sara fra Dyreværnet har skrevet til dig:\n\nJa, kom bare kl. 10" {
		t.Errorf("notice = %q", got)
	}
	if _, err := l.Remind(at); !errors.Is(err, ErrUnchanged) {
		t.Errorf("remind a touched lead: err = %v", err)
	}
	if _, err := l.GiveUp(at); !errors.Is(err, ErrUnchanged) {
		t.Errorf("give up a touched lead: err = %v", err)
	}
}

func TestFriends(t *testing.T) {
	at := time.Now()
	l := newLead()
	if err := l.Open(at); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddFriend("u1", at); !errors.Is(err, ErrInvalid) {
		t.Errorf("joining one's own lead: err = %v", err)
	}
	if _, err := l.AddFriend("u2", at); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddFriend("u2", at); !errors.Is(err, ErrUnchanged) {
		t.Errorf("joining twice: err = %v", err)
	}
	if _, err := l.AddFriend("u3", at); !errors.Is(err, ErrInvalid) {
		t.Errorf("joining a full lead: err = %v", err)
	}
}

func TestStatusTexts(t *testing.T) {
	if got := StatusText(StatusContacted, "Sara", "Dyreværnet", "da"); got != "Sara fra Dyreværnet har svaret dig." {
		t.Errorf("da = %q", got)
	}
	if got := StatusText(StatusContacted, "Sara", "Dyreværnet", "en"); got != "Sara from Dyreværnet has replied to you." {
		t.Errorf("en = %q", got)
	}
	if got := StatusText(StatusContacted, "", "Dyreværnet", "da"); got != "Dyreværnet har svaret dig." {
		t.Errorf("no staff name = %q", got)
	}
	for _, s := range Statuses {
		for _, lang := range []string{"da", "en"} {
			if txt := StatusText(s, "Sara", "Dyreværnet", lang); !strings.Contains(txt, "Dyreværnet") {
				t.Errorf("%s/%s: %q does not name the organisation", s, lang, txt)
			}
		}
	}
	for _, s := range []string{StatusDeclined, StatusNoResponse} {
		if !strings.Contains(StatusText(s, "", "X", "da"), "ikke din skyld") || !strings.Contains(StatusText(s, "", "X", "en"), "not your fault") {
			t.Errorf("%s does not say it is not the young person's fault", s)
		}
	}
}

func TestResponsiveness(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	lead := func(i int, answeredAfter time.Duration, status string) Lead {
		l := Lead{ID: "l", CreatedAt: base.Add(time.Duration(i) * time.Hour), Status: status}
		if answeredAfter >= 0 {
			a := l.CreatedAt.Add(answeredAfter)
			l.FirstAnsweredAt = &a
		}
		return l
	}
	var ls []Lead
	for i := range 40 { // the oldest 10 were never answered and fall outside the window
		switch {
		case i < 10:
			ls = append(ls, lead(i, -1, StatusNoResponse))
		case i%3 == 0:
			ls = append(ls, lead(i, -1, StatusNoResponse))
		default:
			ls = append(ls, lead(i, time.Duration(i)*time.Hour, StatusContacted))
		}
	}
	ls = append(ls, lead(50, -1, StatusNew), lead(51, -1, StatusWithdrawn)) // too early, not theirs to answer
	s := Responsiveness(ls)
	if s.Leads != 30 || s.Answered != 20 {
		t.Fatalf("score = %+v, want 20 of 30 answered", s)
	}
	if s.MedianFirstAnswer != 24*time.Hour { // between 23h and 25h
		t.Errorf("median = %s, want 24h", s.MedianFirstAnswer)
	}

	none := Score{}.Boost()
	if none != 0.05 {
		t.Errorf("no history boost = %v, want the middle 0.05", none)
	}
	fast := Score{Leads: 30, Answered: 30, MedianFirstAnswer: time.Hour}.Boost()
	silent := Score{Leads: 30}.Boost()
	slow := Score{Leads: 30, Answered: 30, MedianFirstAnswer: 10 * 24 * time.Hour}.Boost()
	if !(fast > slow && slow > silent && fast <= MaxBoost && silent >= 0) {
		t.Errorf("boosts fast %v slow %v silent %v", fast, slow, silent)
	}
	if one := (Score{Leads: 1}).Boost(); one < 0.03 {
		t.Errorf("one unanswered lead sinks a new organisation to %v", one)
	}
	welcoming := Score{Leads: 30, Answered: 30, MedianFirstAnswer: time.Hour, Welcome: WelcomeRate{Visits: 10, Welcomed: 10}}.Boost()
	cold := Score{Leads: 30, Answered: 30, MedianFirstAnswer: time.Hour, Welcome: WelcomeRate{Visits: 10}}.Boost()
	if !(welcoming > fast && fast > cold && welcoming <= MaxBoost) || welcoming-cold > MaxBoost/4 {
		t.Errorf("welcome moves the boost from %v (cold) through %v to %v (welcoming); want a gentle, ordered effect", cold, fast, welcoming)
	}
	var visits []Lead
	for i := range 8 {
		l := Lead{CreatedAt: base.Add(-time.Duration(i) * time.Hour), FirstVisit: VisitWelcomed}
		if i%4 == 0 {
			l.FirstVisit = VisitNotWelcomed
		}
		visits = append(visits, l, Lead{CreatedAt: l.CreatedAt, FirstVisit: VisitMissed})
	}
	if w := Responsiveness(visits).Welcome; w.Visits != 8 || w.Welcomed != 6 {
		t.Errorf("welcome over 8 visits (2 not welcomed) and 8 missed = %+v", w)
	}
	if share, ok := (WelcomeRate{Visits: 4, Welcomed: 4}).Share(); ok || share != 0 {
		t.Error("a welcome rate over 4 visits is shown")
	}
}

func TestInviteCodes(t *testing.T) {
	seen := map[string]bool{}
	for range 2000 {
		c := NewInviteCode()
		if len(c) != InviteCodeLength || NormaliseInviteCode(c) != c {
			t.Fatalf("bad code %q", c)
		}
		if strings.ContainsAny(c, "01OIL") {
			t.Fatalf("code %q has a look-alike character", c)
		}
		seen[c] = true
	}
	// The chat takes a code typed bare only when it holds a digit; every
	// code of every length must, or one in eleven referral codes (and one
	// in six invite codes) could not be typed without "kode".
	for _, n := range []int{InviteCodeLength, 7, 8} {
		for range 2000 {
			if c := NewCode(n); len(c) != n || !strings.ContainsAny(c, "23456789") {
				t.Fatalf("code %q of %d has no digit", c, n)
			}
		}
	}
	if len(seen) < 1990 {
		t.Errorf("only %d distinct codes of 2000", len(seen))
	}
	if got := NormaliseInviteCode(" abc-d2e "); got != "ABCD2E" {
		t.Errorf("normalise = %q", got)
	}
	for _, bad := range []string{"ABC", "ABCD0E", "ABCDEFG", "ÆBCDEF"} {
		if NormaliseInviteCode(bad) != "" {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestBackoff(t *testing.T) {
	want := []time.Duration{30 * time.Second, 2 * time.Minute, 10 * time.Minute, time.Hour, 6 * time.Hour}
	for i, w := range want {
		if got, ok := Backoff(i + 1); !ok || got != w {
			t.Errorf("Backoff(%d) = %s, %v", i+1, got, ok)
		}
	}
	if _, ok := Backoff(len(want) + 1); ok {
		t.Error("no give-up after the schedule")
	}
}

func TestYouthContactDetailsStayMaskedUnlessShared(t *testing.T) {
	at := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	l := &Lead{ID: "l1", OrganisationID: "o", OrganisationName: "Org", YouthID: "u", OpportunityID: "opp", OpportunityTitle: "T", ConversationID: "c",
		Shared: Shared{Nickname: "Ali", AgeBand: Band18to24, ContactMethod: ContactInApp}}
	if err := l.Open(at); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Post(Youth, "", "ring på 12345678 eller skriv til ali@example.dk", at); err != nil {
		t.Fatal(err)
	}
	if got := l.Thread[len(l.Thread)-1].Text; strings.Contains(got, "12345678") || strings.Contains(got, "ali@example.dk") {
		t.Errorf("contact details passed without being shared: %q", got)
	}
}
