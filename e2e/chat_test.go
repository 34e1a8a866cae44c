package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

type greetingView struct {
	From    []string  `json:"from"`
	Texts   []string  `json:"texts"`
	Avatars []bool    `json:"avatars"`
	Gaps    []float64 `json:"gaps"`
	Chips   []string  `json:"chips"`
}

func TestGreetingInThreeBubbles(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	openApp(t, ctx, base, phone())

	g := eval[greetingView](t, ctx, `(() => {
		const msgs = [...document.querySelectorAll('#log .msg')];
		const bubble = (m) => m.querySelector('.bubble').getBoundingClientRect();
		return {
			from: msgs.map(m => m.classList.contains('msg--bot') ? 'bot' : 'user'),
			texts: msgs.map(m => m.querySelector('.bubble')?.textContent || ''),
			avatars: msgs.map(m => !!m.querySelector('.avatar') && getComputedStyle(m.querySelector('.avatar')).visibility === 'visible'),
			gaps: msgs.slice(1).map((m, i) => bubble(m).top - bubble(msgs[i]).bottom),
			chips: [...document.querySelectorAll('#quick-replies:not([hidden]) .chip')].map(b => b.dataset.choice),
		};
	})()`)
	if strings.Join(g.From, " ") != "bot bot bot" {
		t.Fatalf("greeting is %v, want three bot bubbles:\n%s", g.From, transcript(ctx))
	}
	if !strings.Contains(g.Texts[0], "Brobygger") {
		t.Errorf("the first bubble does not say who it is: %q", g.Texts[0])
	}
	for i, text := range g.Texts {
		if n := utf8.RuneCountInString(text); n > 220 {
			t.Errorf("greeting bubble %d is %d characters; a messenger bubble is short: %q", i, n, text)
		}
	}
	// One turn, as in a messenger: one avatar, by the last bubble, and the
	// bubbles close together.
	if fmt.Sprint(g.Avatars) != "[false false true]" {
		t.Errorf("avatars shown = %v, want only by the last bubble", g.Avatars)
	}
	for i, gap := range g.Gaps {
		if gap > 6 {
			t.Errorf("gap between greeting bubbles %d and %d is %.0f px; they should read as one group", i, i+1, gap)
		}
	}
	if strings.Join(g.Chips, " ") != "start stored lang_en" {
		t.Errorf("greeting buttons = %v, want start, stored and lang_en", g.Chips)
	}

	// The privacy details are one tap away.
	tap(t, ctx, "stored")
	last := eval[string](t, ctx, `[...document.querySelectorAll('#log .msg--bot .bubble')].pop().textContent`)
	if !strings.Contains(last, "gemmer jeg") || !strings.Contains(last, "slet mine data") {
		t.Errorf("'Hvad gemmer du?' answered %q, want the privacy notice", last)
	}
}

// ---------------------------------------------------------------- location

// Aarhus C, by the cathedral.
const aarhusLat, aarhusLon = 56.1567, 10.2108

func setPermission(t *testing.T, ctx context.Context, base string, setting browser.PermissionSetting) {
	t.Helper()
	if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
		Permission: &browser.PermissionDescriptor{Name: "geolocation"}, Setting: setting, Origin: base,
	}); err != nil {
		t.Fatalf("set the geolocation permission to %s: %v", setting, err)
	}
}

func setPosition(t *testing.T, ctx context.Context, lat, lon float64) {
	t.Helper()
	accuracy := 50.0
	if _, err := chromedp.Call(ctx, emulation.SetGeolocationOverride, emulation.SetGeolocationOverrideParams{
		Latitude: &lat, Longitude: &lon, Accuracy: &accuracy,
	}); err != nil {
		t.Fatalf("set the device's position: %v", err)
	}
}

// recordStorage keeps every value the page writes to localStorage or
// sessionStorage in window.__storageWrites, also values removed again at once.
func recordStorage(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `(() => {
			const writes = window.__storageWrites = [];
			const setItem = Storage.prototype.setItem;
			Storage.prototype.setItem = function (key, value) {
				writes.push(key + '=' + value);
				return setItem.call(this, key, value);
			};
		})()`,
	}); err != nil {
		t.Fatalf("record storage writes: %v", err)
	}
}

// reachPlaceQuestion says a first message with most answers in it, then taps
// through what is still asked until the bot asks where the user lives.
func reachPlaceQuestion(t *testing.T, ctx context.Context) {
	t.Helper()
	say(t, ctx, "jeg er 16 og elsker dyr og har tid i weekenden")
	place := fmt.Sprintf(chipSelector, "use_location")
	for range 5 {
		if eval[bool](t, ctx, fmt.Sprintf("!!document.querySelector(%q)", place)) {
			return
		}
		answered := false
		for _, choice := range []string{"age:15", "interest:animals", "when:weekends", "commitment:any"} {
			if eval[bool](t, ctx, fmt.Sprintf("!!document.querySelector(%q)", fmt.Sprintf(chipSelector, choice))) {
				tap(t, ctx, choice)
				answered = true
				break
			}
		}
		if !answered {
			break
		}
	}
	t.Fatalf("the bot never asked where I live with a 'use my location' button:\n%s", transcript(ctx))
}

const (
	locationBubbles = `[...document.querySelectorAll('#log .msg--user .bubble')].filter(b => b.textContent.startsWith('📍'))`
	hintText        = `document.getElementById('chat-hint').textContent`
)

func TestUseMyLocation(t *testing.T) {
	t.Parallel()
	ctx := newBrowser(t)
	base := startServer(t)
	setPermission(t, ctx, base, browser.PermissionSettingGranted)
	setPosition(t, ctx, aarhusLat, aarhusLon)
	recordStorage(t, ctx)
	openApp(t, ctx, base, phone())
	reachPlaceQuestion(t, ctx)

	// By keyboard: focus the button and press Enter.
	before := eval[int](t, ctx, botCount)
	do(t, ctx, "focus 'Brug min placering'", chromedp.Focus(chromedp.CSS(fmt.Sprintf(chipSelector, "use_location"))))
	if label := eval[string](t, ctx, `document.activeElement.textContent`); !strings.Contains(label, "Brug min placering") {
		t.Errorf("the place question's location button reads %q", label)
	}
	do(t, ctx, "press Enter", chromedp.KeyEvent(kb.Enter))
	waitForReply(t, ctx, before)
	waitFor(t, ctx, "the place the server found, in my bubble", locationBubbles+
		`.some(b => b.textContent.includes('8000') && b.textContent.includes('Aarhus'))`)
	waitFor(t, ctx, "the next question", fmt.Sprintf("document.querySelector(%q)", fmt.Sprintf(chipSelector, "group:with_friend")))
	if v := eval[string](t, ctx, `document.activeElement.id`); v != "composer-input" {
		t.Errorf("focus after choosing by keyboard = %q, want the message box", v)
	}
	if n := eval[int](t, ctx, locationBubbles+`.length`); n != 1 {
		t.Errorf("%d location bubbles, want 1:\n%s", n, transcript(ctx))
	}

	// The coordinates went to the server once and were kept nowhere, not
	// even for a moment while sending.
	stored := eval[string](t, ctx, `window.__storageWrites.join('\n') + '\n' +
		Object.keys(localStorage).map(k => k + '=' + localStorage.getItem(k)).join('\n')`)
	if !strings.Contains(stored, "brobygger.pending=") {
		t.Errorf("recorded no writes of the send queue; is the recording working?\n%s", stored)
	}
	for _, coord := range []string{"56.15", "10.21"} {
		if strings.Contains(stored, coord) {
			t.Errorf("the page stored the coordinates (%s):\n%s", coord, stored)
		}
	}
	var places []string
	for _, m := range serverMessages(t, base, pageSession(t, ctx)) {
		if m.From == "user" && strings.HasPrefix(m.Text, "📍") {
			places = append(places, m.Text)
		}
		if strings.Contains(m.Text, "56.15") || strings.Contains(m.Text, "10.21") {
			t.Errorf("the conversation holds the coordinates: %q", m.Text)
		}
	}
	if len(places) != 1 || !strings.Contains(places[0], "8000 Aarhus") {
		t.Errorf("the server stored the location as %q, want one \"📍 8000 Aarhus C\"", places)
	}

	// The place counts: the suggestions are measured from Aarhus.
	tap(t, ctx, "group:with_friend")
	waitFor(t, ctx, "suggestion cards", `document.querySelectorAll('#log .msg--bot.has-cards').length > 0`)
}

func TestUseMyLocationWhenItCannot(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		setting  browser.PermissionSetting
		lat, lon float64
		hint     string
	}{
		{"denied", browser.PermissionSettingDenied, aarhusLat, aarhusLon,
			"Jeg kunne ikke se din placering. Skriv dit postnummer eller din by i stedet."},
		// Berlin: the server answers 422, and the app says why in the chat's language.
		{"outside Denmark", browser.PermissionSettingGranted, 52.5200, 13.4050, "ligger ikke i Danmark"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := newBrowser(t)
			base := startServer(t)
			setPermission(t, ctx, base, tc.setting)
			setPosition(t, ctx, tc.lat, tc.lon)
			openApp(t, ctx, base, phone())
			reachPlaceQuestion(t, ctx)
			asked := eval[int](t, ctx, botCount)

			do(t, ctx, "tap 'Brug min placering'", chromedp.Tap(chromedp.CSS(fmt.Sprintf(chipSelector, "use_location"))))
			waitFor(t, ctx, "a hint in the chat", fmt.Sprintf(`%s.includes(%q)`, hintText, tc.hint))
			waitFor(t, ctx, "the location bubble gone", locationBubbles+`.length === 0 &&
				!document.querySelector('#log .msg--user:not([data-state="sent"])')`)
			if v := eval[string](t, ctx, `document.activeElement.id`); v != "composer-input" {
				t.Errorf("focus after the hint = %q, want the message box", v)
			}
			if n := eval[int](t, ctx, botCount); n != asked {
				t.Errorf("the bot answered something (%d bot messages, had %d):\n%s", n, asked, transcript(ctx))
			}
			// Still on the place question, with its buttons.
			waitFor(t, ctx, "the place question's buttons", fmt.Sprintf("document.querySelector(%q)",
				fmt.Sprintf(chipSelector, "use_location")))
			for _, m := range serverMessages(t, base, pageSession(t, ctx)) {
				if m.From == "user" && strings.HasPrefix(m.Text, "📍") {
					t.Errorf("the server stored a location: %q", m.Text)
				}
			}

			// Typing the town instead goes on, and the hint goes away.
			say(t, ctx, "8000")
			waitFor(t, ctx, "the next question", fmt.Sprintf("document.querySelector(%q)",
				fmt.Sprintf(chipSelector, "group:with_friend")))
			if h := eval[string](t, ctx, hintText); h != "" {
				t.Errorf("the hint stayed after answering: %q", h)
			}
		})
	}
}
