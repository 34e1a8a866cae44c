package followups_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brobygger/brobygger/bot"
	"github.com/brobygger/brobygger/catalog"
	"github.com/brobygger/brobygger/followups"
	"github.com/brobygger/brobygger/leads"
	"github.com/brobygger/brobygger/match"
	"github.com/brobygger/brobygger/store"
	"github.com/brobygger/brobygger/store/storetest"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// world is everything a check-in touches, on the real embedded database:
// the chat, the lead service, the check-ins and a lead worker, all on one
// settable clock.
type world struct {
	t      *testing.T
	ctx    context.Context
	clock  *clock
	st     *store.Store
	chat   *bot.Service
	leads  *leads.Service
	fu     *followups.Service
	worker *leads.Worker
	ix     *match.Index
	ids    int
	pushes map[string]int
}

var (
	sampleOnce sync.Once
	sampleOpps []match.Opportunity
)

func newWorld(t *testing.T, start time.Time) *world {
	t.Helper()
	sampleOnce.Do(func() {
		_, opps, err := catalog.Sample()
		if err != nil {
			panic(err)
		}
		sampleOpps = opps
	})
	ix := match.NewIndex()
	for _, o := range sampleOpps {
		ix.Upsert(o)
	}
	e, err := bot.NewEngine(ix)
	if err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, ctx: context.Background(), clock: &clock{t: start}, st: storetest.Open(t, "followups"), ix: ix,
		pushes: map[string]int{}}
	newID := func() string { w.ids++; return fmt.Sprintf("id%03d", w.ids) }
	w.chat = bot.NewService(e, w.st, w.clock.Now, newID)
	w.leads = leads.NewService(w.st, w.clock.Now, newID)
	var mu sync.Mutex
	w.fu = followups.NewService(w.st, w.leads, w.chat, w.clock.Now).OnSaid(func(_ context.Context, userID string) {
		mu.Lock()
		w.pushes[userID]++
		mu.Unlock()
	})
	w.chat.WithCheckIns(w.fu)
	w.worker = w.newWorker("w0")
	return w
}

func (w *world) newWorker(owner string) *leads.Worker {
	return leads.NewWorker(leads.WorkerConfig{Owner: owner, Jobs: w.st, Leads: w.st, Webhooks: w.st,
		Handlers: map[string]leads.Handler{followups.Kind: w.fu.Run}, Now: w.clock.Now})
}

// youth is a young person with a conversation who sent a lead for a
// weekly task near Nørrebro.
type youth struct {
	w      *world
	id     string
	conv   string
	leadID string
	n      int
}

func (w *world) youth(name string, age int) *youth {
	w.t.Helper()
	y := &youth{w: w, id: name}
	if err := w.st.CreateUser(w.ctx, store.User{ID: name, Role: "youth"}); err != nil {
		w.t.Fatal(err)
	}
	c, _, err := w.chat.Start(w.ctx, name, "da")
	if err != nil {
		w.t.Fatal(err)
	}
	y.conv = c.ID
	y.send(bot.Input{Text: fmt.Sprintf("jeg er %d, bor i 2200, vil gerne hjælpe med lektier, har tid om eftermiddagen, noget fast, alene", age)})
	return y
}

func (y *youth) send(in bot.Input) []bot.Message {
	y.w.t.Helper()
	y.n++
	replies, err := y.w.chat.Send(y.w.ctx, y.id, y.conv, fmt.Sprintf("%s-c%d", y.id, y.n), in)
	if err != nil {
		y.w.t.Fatalf("turn %d: %v", y.n, err)
	}
	return replies
}

// sendLead sends a lead for opportunity id with its next first step, as
// the chat does after consent, and plans its check-ins.
func (y *youth) sendLead(id string, band string) leads.Lead {
	w := y.w
	w.t.Helper()
	o, ok := w.ix.Get(id)
	if !ok {
		w.t.Fatalf("no opportunity %s", id)
	}
	step, ok, err := w.chat.NextFirstStep(w.ctx, y.id, id, w.clock.Now())
	if err != nil || !ok {
		w.t.Fatalf("no first step for %s: %v", id, err)
	}
	w.ids++
	y.leadID = fmt.Sprintf("lead%03d", w.ids)
	req := leads.Request{ID: y.leadID, Lang: "da", Shared: leads.Shared{Nickname: "Sofie", AgeBand: band},
		FirstStep: &leads.FirstStep{What: step.What, Where: step.Where, Contact: step.Whom, StartsAt: step.StartsAt, EndsAt: step.EndsAt}}
	if _, _, err := w.leads.Send(w.ctx, leads.NewLead(*o, y.id, y.conv, req, w.clock.Now())); err != nil {
		w.t.Fatal(err)
	}
	l := y.lead()
	if err := w.fu.Schedule(w.ctx, l); err != nil {
		w.t.Fatal(err)
	}
	return l
}

func (y *youth) lead() leads.Lead {
	y.w.t.Helper()
	l, err := y.w.leads.Get(y.w.ctx, y.leadID, leads.Caller{Actor: leads.Youth, UserID: y.id})
	if err != nil {
		y.w.t.Fatal(err)
	}
	return l
}

// planned is the young person's planned check-ins, by kind.
func (y *youth) planned() map[string]time.Time {
	y.w.t.Helper()
	s, err := y.w.fu.Of(y.w.ctx, y.id)
	if err != nil {
		y.w.t.Fatal(err)
	}
	out := map[string]time.Time{}
	for _, p := range s.Planned {
		out[p.Kind] = p.DueAt
	}
	return out
}

// checkIns are the check-in messages in the chat, oldest first.
func (y *youth) checkIns() []bot.Message {
	y.w.t.Helper()
	c, err := y.w.chat.WithHistory(y.w.ctx, y.id, y.conv)
	if err != nil {
		y.w.t.Fatal(err)
	}
	var out []bot.Message
	for _, m := range c.Messages {
		if m.Kind == "checkin" {
			out = append(out, m)
		}
	}
	return out
}

func (y *youth) lastCheckIn() bot.Message {
	y.w.t.Helper()
	cs := y.checkIns()
	if len(cs) == 0 {
		y.w.t.Fatal("no check-in in the chat")
	}
	return cs[len(cs)-1]
}

// at moves the clock and lets the worker run what fell due.
func (w *world) at(t time.Time) {
	w.t.Helper()
	w.clock.Set(t)
	for {
		ran, err := w.worker.RunOnce(w.ctx)
		if err != nil {
			w.t.Fatal(err)
		}
		if ran == 0 {
			return
		}
	}
}

func replyIDs(m bot.Message) []string {
	var ids []string
	for _, q := range m.QuickReplies {
		ids = append(ids, q.ID)
	}
	return ids
}

func said(ms []bot.Message) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Text + "\n")
	}
	return b.String()
}

// weeklyTask is a sample weekly homework-help task near Nørrebro open to
// 16-year-olds, one at a time or with a friend.
const weeklyTask = "opp-lektiebroen-noerrebro-lektie-nyankomne"

// TestAWelcomedVolunteerCrossesTheBridge: lead → the day before (what,
// when, where, whom to ask for) → the day after ("they made me welcome")
// → four weeks in ("I belong") — each check-in said once, each answer
// moving the lead along the bridge with its time, and the organisation
// told without a word of the young person's.
func TestAWelcomedVolunteerCrossesTheBridge(t *testing.T) {
	w := newWorld(t, cph("2027-03-01 10:00"))
	y := w.youth("sofie", 16)
	l := y.sendLead(weeklyTask, match.Band15to17)
	if l.BridgeStage != leads.StageKnowsHow || len(l.BridgeStages) != 2 {
		t.Fatalf("a sent lead is at %s %v, want knows_how after knows_it_exists", l.BridgeStage, l.BridgeStages)
	}
	start := *l.FirstStep.StartsAt
	plan := y.planned()
	if len(plan) != 3 {
		t.Fatalf("planned %v, want before, after and belong", plan)
	}
	t.Logf("first step %s; planned: before %s, after %s, belong %s", start.In(match.Copenhagen).Format("Mon 2 Jan 15:04"),
		plan["before"].In(match.Copenhagen).Format("Mon 2 Jan 15:04"), plan["after"].In(match.Copenhagen).Format("Mon 2 Jan 15:04"),
		plan["belong"].In(match.Copenhagen).Format("Mon 2 Jan 15:04"))

	// Nothing before it is due.
	w.at(plan["before"].Add(-time.Minute))
	if n := len(y.checkIns()); n != 0 {
		t.Fatalf("%d check-ins before the first was due", n)
	}
	w.at(plan["before"])
	before := y.lastCheckIn()
	o, _ := w.ix.Get(weeklyTask)
	for _, want := range []string{"I morgen", o.Organisation, l.FirstStep.What, l.FirstStep.Where, l.FirstStep.Contact} {
		if !strings.Contains(before.Text, want) {
			t.Errorf("the day-before check-in does not say %q:\n%s", want, before.Text)
		}
	}
	if ids := replyIDs(before); !slices.Equal(ids, []string{"checkin_going:" + y.leadID, "checkin_cannot:" + y.leadID}) {
		t.Errorf("the day-before check-in offers %v", ids)
	}
	if w.pushes[y.id] != 1 {
		t.Errorf("%d pushes for the check-in, want 1", w.pushes[y.id])
	}
	// The worker running again says nothing new.
	w.at(plan["before"].Add(time.Minute))
	if n := len(y.checkIns()); n != 1 {
		t.Fatalf("%d check-ins after running again, want 1", n)
	}
	if got := said(y.send(bot.Input{Choice: "checkin_going:" + y.leadID})); !strings.Contains(got, "Fedt") {
		t.Errorf("\"Jeg kommer\" is answered with:\n%s", got)
	}

	w.at(plan["after"])
	after := y.lastCheckIn()
	if !strings.Contains(after.Text, "Hvordan gik det") || !slices.Contains(replyIDs(after), "checkin_welcomed:"+y.leadID) {
		t.Fatalf("the day-after check-in: %q %v", after.Text, replyIDs(after))
	}
	if got := said(y.send(bot.Input{Choice: "checkin_welcomed:" + y.leadID})); !strings.Contains(got, "godt at høre") {
		t.Errorf("\"de tog godt imod mig\" is answered with:\n%s", got)
	}
	l = y.lead()
	if l.BridgeStage != leads.StageWelcomed || l.FirstVisit != leads.VisitWelcomed {
		t.Fatalf("after a welcome the lead is at %s (%s)", l.BridgeStage, l.FirstVisit)
	}
	if at, _ := l.StageAt(leads.StageWelcomed); !at.Equal(plan["after"]) {
		t.Errorf("welcomed at %s, want when they said so (%s)", at, plan["after"])
	}
	// The organisation hears it as events it can act on, with no words.
	var kinds []string
	for _, e := range l.Events {
		if e.By == "youth" && e.Type != leads.EventCreated {
			kinds = append(kinds, e.Type+":"+e.Visit+e.Stage)
			if e.Text != "" {
				t.Errorf("event %s carries the young person's words %q", e.Type, e.Text)
			}
		}
	}
	if !slices.Equal(kinds, []string{"lead.first_visit:welcomed", "lead.bridge_stage:welcomed"}) {
		t.Errorf("the organisation hears %v", kinds)
	}

	w.at(plan["belong"])
	belong := y.lastCheckIn()
	if !strings.Contains(belong.Text, "en del af det") || len(y.checkIns()) != 3 {
		t.Fatalf("the belonging check-in: %q (%d check-ins)", belong.Text, len(y.checkIns()))
	}
	y.send(bot.Input{Choice: "checkin_belongs:" + y.leadID})
	l = y.lead()
	var stages []string
	for _, c := range l.BridgeStages {
		stages = append(stages, c.Stage)
	}
	if l.BridgeStage != leads.StageBelongs || !slices.Equal(stages, leads.Stages) {
		t.Errorf("at the end the lead is at %s, through %v", l.BridgeStage, stages)
	}
	if p := y.planned(); len(p) != 0 {
		t.Errorf("still planned at the end: %v", p)
	}
}

// TestEachAnswerTheDayAfterHasItsNextStep: "Jeg var der, men…" and "Jeg
// nåede det ikke" each get a fitting next step, and the organisation a
// signal without words.
func TestEachAnswerTheDayAfterHasItsNextStep(t *testing.T) {
	t.Run("not welcomed", func(t *testing.T) {
		w := newWorld(t, cph("2027-03-01 10:00"))
		y := w.youth("ali", 17)
		y.sendLead(weeklyTask, match.Band15to17)
		plan := y.planned()
		w.at(plan["after"])
		replies := y.send(bot.Input{Choice: "checkin_not_welcomed:" + y.leadID})
		if len(replies) != 1 || !slices.Equal(replyIDs(replies[0]), []string{"lead_reply:" + y.leadID, "show_more"}) ||
			!strings.Contains(replies[0].Text, "ikke din skyld") {
			t.Fatalf("\"Jeg var der, men…\" is answered with %q %v", said(replies), replyIDs(replies[0]))
		}
		l := y.lead()
		if l.FirstVisit != leads.VisitNotWelcomed || l.BridgeStage != leads.StageKnowsHow {
			t.Errorf("the lead is %s at %s", l.FirstVisit, l.BridgeStage)
		}
		last := l.Events[len(l.Events)-1]
		if d := leads.NewDelivery(l, last); d.Type != leads.EventVisit || d.Event.Visit != leads.VisitNotWelcomed || d.Event.Text != "" {
			t.Errorf("the organisation is told %+v", d.Event)
		}
		// No "do you belong?" after a visit that went wrong.
		if _, ok := y.planned()["belong"]; ok {
			t.Error("a belonging check-in is still planned after a bad first visit")
		}
		w.at(plan["belong"])
		if n := len(y.checkIns()); n != 1 {
			t.Errorf("%d check-ins, want only the day-after one", n)
		}
	})

	t.Run("missed, another day", func(t *testing.T) {
		w := newWorld(t, cph("2027-03-01 10:00"))
		y := w.youth("noah", 16)
		sent := y.sendLead(weeklyTask, match.Band15to17)
		first := *sent.FirstStep.StartsAt
		// The organisation answered, so the lead is alive a week on.
		if _, err := w.leads.SetStatus(w.ctx, y.leadID, leads.Caller{Actor: leads.Staff, OrgID: sent.OrganisationID, Name: "Line"}, leads.StatusContacted); err != nil {
			t.Fatal(err)
		}
		plan := y.planned()
		w.at(plan["after"])
		replies := y.send(bot.Input{Choice: "checkin_missed:" + y.leadID})
		if ids := replyIDs(replies[0]); !slices.Equal(ids, []string{"checkin_next:" + y.leadID, "checkin_friend:" + y.leadID, "show_more"}) {
			t.Fatalf("\"Jeg nåede det ikke\" offers %v", ids)
		}
		replies = y.send(bot.Input{Choice: "checkin_next:" + y.leadID})
		l := y.lead()
		if l.Reschedules != 1 || !l.FirstStep.StartsAt.After(w.clock.Now()) || !l.FirstStep.StartsAt.After(first) {
			t.Fatalf("after \"En anden dag\" the first step is %v (was %v), rescheduled %d times", l.FirstStep.StartsAt, first, l.Reschedules)
		}
		if got := said(replies); !strings.Contains(got, "i stedet") || !strings.Contains(got, l.FirstStep.What) {
			t.Errorf("the new date is said as:\n%s", got)
		}
		if l.Events[len(l.Events)-1].Type != leads.EventRescheduled {
			t.Errorf("the organisation is not told the new date: %s", l.Events[len(l.Events)-1].Type)
		}
		again := y.planned()
		if !again["before"].After(plan["after"]) || !again["after"].After(*l.FirstStep.StartsAt) {
			t.Errorf("check-ins for the new date: %v", again)
		}
		w.at(again["before"])
		w.at(again["after"])
		if got := y.lastCheckIn(); !strings.Contains(got.Text, "Hvordan gik det") || len(y.checkIns()) != 3 {
			t.Errorf("after the new date: %d check-ins, last %q", len(y.checkIns()), got.Text)
		}
	})

	t.Run("missed, with a friend", func(t *testing.T) {
		w := newWorld(t, cph("2027-03-01 10:00"))
		y := w.youth("maja", 16)
		y.sendLead(weeklyTask, match.Band15to17)
		w.at(y.planned()["after"])
		y.send(bot.Input{Choice: "checkin_missed:" + y.leadID})
		got := said(y.send(bot.Input{Choice: "checkin_friend:" + y.leadID}))
		if !strings.Contains(got, "koden") {
			t.Errorf("\"Tage en ven med\" is answered with:\n%s", got)
		}
	})

	t.Run("cannot come", func(t *testing.T) {
		w := newWorld(t, cph("2027-03-01 10:00"))
		y := w.youth("ida", 16)
		y.sendLead(weeklyTask, match.Band15to17)
		plan := y.planned()
		w.at(plan["before"])
		replies := y.send(bot.Input{Choice: "checkin_cannot:" + y.leadID})
		if !strings.Contains(said(replies), "venlig besked") || !slices.Contains(replyIDs(replies[0]), "checkin_next:"+y.leadID) {
			t.Fatalf("\"Jeg kan ikke alligevel\" is answered with %q %v", said(replies), replyIDs(replies[0]))
		}
		if l := y.lead(); l.FirstVisit != leads.VisitCannotCome {
			t.Errorf("the organisation is not told: %q", l.FirstVisit)
		}
		w.at(plan["after"])
		if n := len(y.checkIns()); n != 1 {
			t.Errorf("%d check-ins: \"how did it go?\" was asked after \"I can't come\"", n)
		}
	})
}

// TestTwoUnansweredCheckInsThenSilence: the day before and the day after
// go unanswered, so the four-week check-in is not said; once the young
// person writes, check-ins may speak again.
func TestTwoUnansweredCheckInsThenSilence(t *testing.T) {
	w := newWorld(t, cph("2027-03-01 10:00"))
	y := w.youth("emil", 16)
	y.sendLead(weeklyTask, match.Band15to17)
	plan := y.planned()
	w.at(plan["before"])
	w.at(plan["after"])
	w.at(plan["belong"])
	if n := len(y.checkIns()); n != 2 {
		t.Fatalf("%d check-ins after two went unanswered, want 2", n)
	}
	y.send(bot.Input{Text: "hej igen"})
	y.sendLead(weeklyTask, match.Band15to17)
	w.at(y.planned()["before"])
	if n := len(y.checkIns()); n != 3 {
		t.Errorf("%d check-ins after the young person wrote again, want 3", n)
	}
}

// TestCheckInsCanBeTurnedOff: "stop påmindelser" in the chat (or PUT
// {"enabled": false}) stops them; on again, what is still due is said.
func TestCheckInsCanBeTurnedOff(t *testing.T) {
	w := newWorld(t, cph("2027-03-01 10:00"))
	y := w.youth("lea", 16)
	y.sendLead(weeklyTask, match.Band15to17)
	plan := y.planned()
	// Turned off in the chat, in the young person's own words.
	if got := said(y.send(bot.Input{Text: "stop påmindelser"})); !strings.Contains(got, "skriver ikke til dig") {
		t.Errorf("\"stop påmindelser\" is answered with:\n%s", got)
	}
	if s, _ := w.fu.Of(w.ctx, y.id); s.Enabled || len(s.Planned) != 0 {
		t.Errorf("turned off, yet %+v", s)
	}
	w.at(plan["before"])
	if n := len(y.checkIns()); n != 0 {
		t.Fatalf("%d check-ins while turned off", n)
	}
	if err := w.fu.SetEnabled(w.ctx, y.id, true); err != nil {
		t.Fatal(err)
	}
	if s, _ := w.fu.Of(w.ctx, y.id); !s.Enabled || len(s.Planned) != 2 {
		t.Errorf("on again: %+v, want after and belong still planned", s)
	}
	w.at(plan["after"])
	if n := len(y.checkIns()); n != 1 {
		t.Errorf("%d check-ins on again, want the day-after one", n)
	}
}

// TestQuietHoursHoldACheckInUntilMorning: a check-in that falls due in the
// evening waits until 08:00 for a 16-year-old (quiet from 20) and is said
// at 20:30 to a 25-year-old (quiet from 21).
func TestQuietHoursHoldACheckInUntilMorning(t *testing.T) {
	for _, c := range []struct {
		age  int
		band string
		said string
	}{{16, match.Band15to17, "2027-03-03 08:00"}, {25, match.Band25to30, "2027-03-02 20:30"}} {
		w := newWorld(t, cph("2027-03-02 20:30"))
		y := w.youth(fmt.Sprintf("u%d", c.age), c.age)
		// A job due now, as a retried or late check-in would be.
		y.sendLead(weeklyTask, c.band)
		j := leads.Job{ID: "checkin:late:" + y.leadID, Kind: followups.Kind, DueAt: w.clock.Now(),
			Payload: leads.Payload{LeadID: y.leadID, UserID: y.id, Step: followups.Before}}
		if err := w.st.EnqueueJob(w.ctx, j); err != nil {
			t.Fatal(err)
		}
		for _, at := range []string{"2027-03-02 20:30", "2027-03-02 23:00", "2027-03-03 07:59", "2027-03-03 08:00"} {
			w.at(cph(at))
			if n := len(y.checkIns()); n > 0 {
				if at != c.said {
					t.Errorf("%d-year-old: the check-in was said at %s, want %s", c.age, at, c.said)
				}
				break
			}
		}
		if len(y.checkIns()) == 0 {
			t.Errorf("%d-year-old: the check-in was never said", c.age)
		}
	}
}

// TestCheckInsAreSaidOnceBySeveralWorkers: six workers share the outbox;
// every check-in of twenty young people is said exactly once.
func TestCheckInsAreSaidOnceBySeveralWorkers(t *testing.T) {
	w := newWorld(t, cph("2027-03-01 10:00"))
	var ys []*youth
	for i := range 20 {
		y := w.youth(fmt.Sprintf("p%02d", i), 16)
		y.sendLead(weeklyTask, match.Band15to17)
		ys = append(ys, y)
	}
	w.clock.Set(ys[0].planned()["before"])
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Add(1)
		go func(wk *leads.Worker) {
			defer wg.Done()
			for {
				ran, err := wk.RunOnce(w.ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if ran == 0 {
					return
				}
			}
		}(w.newWorker(fmt.Sprintf("w%d", i+1)))
	}
	wg.Wait()
	for _, y := range ys {
		if n := len(y.checkIns()); n != 1 {
			t.Errorf("%s: %d check-ins, want exactly 1", y.id, n)
		}
		if w.pushes[y.id] != 1 {
			t.Errorf("%s: %d pushes, want 1", y.id, w.pushes[y.id])
		}
	}
}

// TestTypedAnswersToCheckIns: a short typed answer right after a check-in
// counts as its button — "not so good" is not "good" — and words written
// later are read as the chat reads any.
func TestTypedAnswersToCheckIns(t *testing.T) {
	for _, c := range []struct {
		typed, visit string
	}{
		{"det gik rigtig godt!", leads.VisitWelcomed},
		{"Det var ikke så godt", leads.VisitNotWelcomed},
		{"ingen tog imod mig", leads.VisitNotWelcomed},
		{"jeg nåede det ikke", leads.VisitMissed},
		{"great, loved it", leads.VisitWelcomed},
		{"hvad laver man egentlig på sådan et værested om aftenen?", ""},
		// How they feel is not how the visit went: the chat listens instead.
		{"jeg har det ikke så godt for tiden", ""},
	} {
		w := newWorld(t, cph("2027-03-01 10:00"))
		y := w.youth("freja", 16)
		y.sendLead(weeklyTask, match.Band15to17)
		w.at(y.planned()["after"])
		y.send(bot.Input{Text: c.typed})
		if got := y.lead().FirstVisit; got != c.visit {
			t.Errorf("%q after \"Hvordan gik det?\" is read as %q, want %q", c.typed, got, c.visit)
		}
		// Once answered or moved past, the same words are no answer.
		y.send(bot.Input{Text: "det gik godt"})
		if c.visit == "" {
			if got := y.lead().FirstVisit; got != "" {
				t.Errorf("a later \"det gik godt\" is read as %q", got)
			}
		}
	}
}
