package main

import (
	"fmt"
	"maps"
	"time"

	"github.com/brobygger/brobygger/match"
)

// steps holds every archetype's first step and English text, by key.
var steps = func() map[string]firstStep {
	all := map[string]firstStep{}
	for _, m := range []map[string]firstStep{peopleSteps, greenSteps, cultureSteps, extraSteps, coverageSteps, classSteps} {
		maps.Copy(all, m)
	}
	return all
}()

// today is the day the sample is written for: no way in lies before it.
var today = time.Date(2026, 12, 7, 0, 0, 0, 0, copenhagen)

// wayInFor says when a newcomer can take the first step:
//   - online tasks: short video calls the organisation offers, on a weekday
//     afternoon, a weekday evening and at the weekend;
//   - tasks without sessions: an intro meeting three times a month, one
//     on a weekday after school, one on a weekday evening (over by 20:00,
//     so 13-year-olds can come too) and one at the weekend;
//   - dated tasks with infoDays: an information meeting before each run;
//   - everything else: the task's own sessions or events.
func (g *generator) wayInFor(a archetype, step firstStep, sched match.Schedule) match.WayIn {
	switch {
	case a.online:
		afternoon := []string{"mon", "tue", "wed", "thu"}[g.wayIn.IntN(4)]
		start := []string{"16:00", "16:30", "17:00"}[g.wayIn.IntN(3)]
		evening := []string{"mon", "tue", "wed", "thu"}[g.wayIn.IntN(4)]
		late := []string{"19:00", "19:30"}[g.wayIn.IntN(2)]
		weekend := []match.WeeklySession{{Day: "sat", Start: "11:00", End: "11:30"}, {Day: "sun", Start: "13:00", End: "13:30"}}[g.wayIn.IntN(2)]
		return match.WayIn{Kind: match.WayInCall, Weekly: []match.WeeklySession{
			{Day: afternoon, Start: start, End: plus(start, 30)},
			{Day: evening, Start: late, End: plus(late, 30)},
			weekend,
		}}
	case sched.Kind == match.ScheduleFlexible:
		day := []string{"tue", "wed", "thu"}[g.wayIn.IntN(3)]
		start := []string{"16:00", "16:30"}[g.wayIn.IntN(2)]
		weekend := []match.MonthlySession{{Week: -1, Day: "sat", Start: "11:00", End: "12:00"}, {Week: 2, Day: "sun", Start: "13:00", End: "14:00"}}[g.wayIn.IntN(2)]
		evening := []string{"mon", "tue", "wed", "thu"}[g.wayIn.IntN(4)]
		late := []string{"18:00", "18:30", "19:00"}[g.wayIn.IntN(3)]
		return match.WayIn{Kind: match.WayInIntro, Monthly: []match.MonthlySession{
			{Week: 1, Day: day, Start: start, End: plus(start, 60)},
			{Week: 3, Day: evening, Start: late, End: plus(late, 60)},
			weekend,
		}}
	case sched.Kind == match.ScheduleDated && step.infoDays > 0:
		if dates := infoMeetings(sched.Events, step.infoDays); len(dates) > 0 {
			return match.WayIn{Kind: match.WayInIntro, Dates: dates}
		}
	}
	w := match.WayIn{Kind: match.WayInSession, NoticeHours: a.notice}
	w.Weekly = append(w.Weekly, sched.Weekly...)
	w.Dates = append(w.Dates, sched.Events...)
	return w
}

// infoMeetings puts an information meeting, 17:00–18:00 on the weekday
// days before the first day of each run of events (events more than a week
// apart start a new run), moved back to the Thursday before when that day
// is a weekend. None lies before today, and when the first lies more than
// earlyInfoWithin ahead, an early meeting comes first (see earlyMeeting).
func infoMeetings(events []match.Event, days int) []match.Event {
	var out []match.Event
	for i, e := range events {
		if i > 0 && e.Start.Sub(events[i-1].Start) < 7*24*time.Hour {
			continue
		}
		d := e.Start.In(copenhagen).AddDate(0, 0, -days)
		for d.Weekday() == time.Saturday || d.Weekday() == time.Sunday {
			d = d.AddDate(0, 0, -1)
		}
		start := time.Date(d.Year(), d.Month(), d.Day(), 17, 0, 0, 0, copenhagen)
		if start.Before(today) {
			continue
		}
		out = append(out, match.Event{Start: start, End: start.Add(time.Hour)})
	}
	if len(out) > 0 && out[0].Start.After(today.Add(earlyInfoWithin)) {
		early := earlyMeeting(out[0].Start)
		out = append([]match.Event{{Start: early, End: early.Add(time.Hour)}}, out...)
	}
	return out
}

// earlyInfoWithin is how soon the first information meeting must be: a
// newcomer who hears about a summer camp in December should not wait until
// June for the first step, so a far-off run also gets an early meeting
// (the "first information evening" organisations hold long before).
const earlyInfoWithin = 8 * 7 * 24 * time.Hour

// earlyMeeting moves a meeting back by whole four-week steps, so it keeps
// its weekday and hour, until it lies within earlyInfoWithin of today, and
// at least a week after it.
func earlyMeeting(t time.Time) time.Time {
	for t.After(today.Add(earlyInfoWithin)) {
		t = t.AddDate(0, 0, -28)
	}
	for t.Before(today.AddDate(0, 0, 7)) {
		t = t.AddDate(0, 0, 7)
	}
	return t
}

// plus adds minutes to a clock time "HH:MM".
func plus(clock string, minutes int) string {
	var h, m int
	fmt.Sscanf(clock, "%d:%d", &h, &m)
	t := h*60 + m + minutes
	return fmt.Sprintf("%02d:%02d", t/60, t%60)
}

// English versions of the shared sentences in the descriptions, parallel
// to the Danish ones so the same choice picks both.
var welcomeAloneEn = []string{
	"You don't need any experience – we show you everything the first time.",
	"New volunteers always start alongside someone who has done it before.",
	"It's fine to be a bit nervous the first time; you get a buddy until you feel at home.",
	"We start with a short chat about what you'd like to do, so you're never thrown in at the deep end.",
	"You set your own pace, and you can always say no if something doesn't suit you.",
	"The first time is a trial, where you mostly watch and help a little.",
	"We are a mixed team of all ages, and new faces are warmly welcomed.",
	"Many of our volunteers came the first time without knowing anyone – and so can you.",
}

var welcomeFriendEn = []string{
	"You're welcome to bring a friend if that makes the first time easier.",
	"Bring a friend if you like – you can easily be on the same team.",
	"Many start in pairs, and that's absolutely fine with us.",
}

var welcomeGroupEn = []string{
	"Come as a group – whole classes, teams and groups of friends are welcome.",
	"There's room for you on your own or for a whole group, so just ask your friends along.",
	"We love it when a class or a group of friends signs up together.",
}

var welcomeOnlineEn = []string{
	"You can take part from home, and you don't need any experience to start.",
	"Everything happens online, so you can fit it in wherever you live and whenever it suits you.",
	"You get a thorough introduction online before you start on your own.",
}

var meetSentencesEn = []string{
	"{contact} will welcome you and introduce you to the team.",
	"{contact} will meet you and show you around.",
	"You'll be welcomed by {contact}, who has been part of it for years.",
	"{contact} is your regular contact if you have questions along the way.",
	"The first time, {contact} will be there to explain how everything works.",
}

var meetOnlineEn = []string{
	"{contact} will have a short video chat with you before you start.",
	"{contact} is your regular contact, and you can always write if you're unsure.",
	"{contact} will make sure you get off to a good start.",
}

const childCertSentenceEn = "Because you will be with children, we obtain a child protection certificate (børneattest) before you start – it only takes your consent."
