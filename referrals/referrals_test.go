package referrals_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/referrals"
)

// TestStatus: what a referrer sees at each point of a young person's way,
// and that nothing past "not_shared" shows unless they share.
func TestStatus(t *testing.T) {
	created := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	opened := created.Add(48 * time.Hour)
	now := opened.Add(7 * 24 * time.Hour)
	waiting := referrals.Referral{CreatedAt: created, ExpiresAt: created.Add(referrals.CodeLife)}
	bound := waiting
	bound.ConversationID, bound.OpenedAt = "c1", &opened
	erased := bound
	erased.ConversationID = ""
	sharing := bot.ReferralProgress{Found: true, Share: true, UserID: "u1", OpenedAt: opened}
	with := func(f func(*bot.ReferralProgress)) bot.ReferralProgress {
		p := sharing
		f(&p)
		return p
	}
	lead := func(status, stage string, at time.Time) leads.Lead {
		return leads.Lead{Status: status, BridgeStage: stage, CreatedAt: at}
	}
	later := opened.Add(time.Hour)
	for _, tc := range []struct {
		name string
		r    referrals.Referral
		p    bot.ReferralProgress
		ls   []leads.Lead
		now  time.Time
		want string
	}{
		{"waiting for the young person", waiting, bot.ReferralProgress{}, nil, now, referrals.StatusNotOpened},
		{"never opened in 30 days", waiting, bot.ReferralProgress{}, nil, created.Add(referrals.CodeLife), referrals.StatusExpired},
		{"opened, not answered yet", bound, with(func(p *bot.ReferralProgress) { p.Share, p.UserID = false, "" }), nil, now, referrals.StatusNotShared},
		{"said no, far along", bound, bot.ReferralProgress{Found: true, Suggested: true, Chose: true, LeadSent: true}, nil, now, referrals.StatusNotShared},
		{"said no: leads are not even looked at", bound, bot.ReferralProgress{Found: true},
			[]leads.Lead{lead(leads.StatusStarted, leads.StageBelongs, later)}, now, referrals.StatusNotShared},
		{"the conversation holds another referral now", bound, bot.ReferralProgress{}, nil, now, referrals.StatusNotShared},
		{"erased", erased, sharing, nil, now, referrals.StatusNotShared},
		{"opened and sharing", bound, sharing, nil, now, referrals.StatusOpened},
		{"saw cards", bound, with(func(p *bot.ReferralProgress) { p.Suggested = true }), nil, now, referrals.StatusSuggestionsSeen},
		{"chose a first step", bound, with(func(p *bot.ReferralProgress) { p.Suggested, p.Chose = true, true }), nil, now, referrals.StatusFirstStepChosen},
		{"lead sent", bound, with(func(p *bot.ReferralProgress) { p.Suggested, p.Chose, p.LeadSent = true, true, true }), nil, now, referrals.StatusLeadSent},
		{"a lead stored, the chat not told yet", bound, sharing, []leads.Lead{lead(leads.StatusNew, leads.StageKnowsHow, later)}, now, referrals.StatusLeadSent},
		{"the organisation marked it started", bound, sharing,
			[]leads.Lead{lead(leads.StatusNew, leads.StageKnowsHow, later), lead(leads.StatusStarted, leads.StageKnowsHow, later)}, now, referrals.StatusStarted},
		{"welcomed, though nobody marked it started", bound, sharing, []leads.Lead{lead(leads.StatusContacted, leads.StageWelcomed, later)}, now, referrals.StatusWelcomed},
		{"belongs", bound, sharing,
			[]leads.Lead{lead(leads.StatusStarted, leads.StageBelongs, later), lead(leads.StatusDeclined, leads.StageKnowsHow, later)}, now, referrals.StatusBelongs},
		{"a lead from before the referral does not count", bound, sharing,
			[]leads.Lead{lead(leads.StatusStarted, leads.StageBelongs, opened.Add(-time.Hour))}, now, referrals.StatusOpened},
		{"an opened code never expires", bound, sharing, nil, created.Add(2 * referrals.CodeLife), referrals.StatusOpened},
	} {
		if got := referrals.Status(tc.r, tc.p, tc.ls, tc.now); got != tc.want {
			t.Errorf("%s: status %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestNewReferralValidate: a reason from the list, and a short note that
// identifies nobody.
func TestNewReferralValidate(t *testing.T) {
	for _, tc := range []struct {
		n    referrals.NewReferral
		want string // "" is accepted; otherwise a word of the refusal
	}{
		{referrals.NewReferral{Reason: referrals.ReasonLoneliness}, ""},
		{referrals.NewReferral{Reason: referrals.ReasonOther, NoteToYouth: "Godt at du vil prøve noget nyt – vi ses torsdag 16.30-17.00"}, ""},
		{referrals.NewReferral{Reason: "lonely"}, "reason must be one of"},
		{referrals.NewReferral{}, "reason must be one of"},
		{referrals.NewReferral{Reason: referrals.ReasonOther, NoteToYouth: "Ring til mig på 20 30 40 50"}, "a phone number"},
		{referrals.NewReferral{Reason: referrals.ReasonOther, NoteToYouth: "Skriv til mads@example.dk"}, "an e-mail address"},
		{referrals.NewReferral{Reason: referrals.ReasonOther, NoteToYouth: "Mads 010203-1234"}, "a CPR number"},
		{referrals.NewReferral{Reason: referrals.ReasonOther, NoteToYouth: strings.Repeat("å", referrals.MaxNote+1)}, "at most 300"},
		{referrals.NewReferral{Reason: referrals.ReasonOther, NoteToYouth: "hej\x00"}, "NUL"},
	} {
		got, err := tc.n.Validate()
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%+v refused: %v", tc.n, err)
		case tc.want != "" && (err == nil || !errors.Is(err, referrals.ErrInvalid) || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%+v: %v, want a refusal saying %q", tc.n, err, tc.want)
		case tc.want == "" && got.NoteToYouth != strings.TrimSpace(tc.n.NoteToYouth):
			t.Errorf("note cleaned to %q", got.NoteToYouth)
		}
	}
	if got, _ := (referrals.NewReferral{Reason: referrals.ReasonOther, NoteToYouth: "  hej\u200b  "}).Validate(); got.NoteToYouth != "hej" {
		t.Errorf("the note is not cleaned: %q", got.NoteToYouth)
	}
}

// TestCodes: eight characters of the look-alike-free alphabet, read as
// typed.
func TestCodes(t *testing.T) {
	code := referrals.NewCode()
	if len(code) != 8 || strings.Trim(code, leads.InviteAlphabet) != "" {
		t.Fatalf("code %q", code)
	}
	for in, want := range map[string]string{
		strings.ToLower(code[:4]) + "-" + code[4:]: code,
		code[:7]:      "",
		code + "A":    "",
		"AB3CD5E0":    "",
		" ab3c d5ef ": "AB3CD5EF",
	} {
		if got := referrals.NormaliseCode(in); got != want {
			t.Errorf("NormaliseCode(%q) = %q, want %q", in, got, want)
		}
	}
}
