//go:build devshot

package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func main() {
	base := os.Args[1]
	steps := strings.Split(os.Args[2], ",")
	out := os.Args[3]
	w, h := int64(390), int64(844)
	if len(os.Args) > 4 && os.Args[4] == "desktop" {
		w, h = 1280, 800
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(must(os.MkdirTemp("", "shot"))))
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	defer c1()
	ctx, c2 := chromedp.NewContext(actx, chromedp.WithBrowserOption(chromedp.WithConsolef(func(f string, a ...any) { fmt.Printf("console: "+f+"\n", a...) })))
	defer c2()
	ctx, c3 := context.WithTimeout(ctx, 60*time.Second)
	defer c3()
	check(chromedp.Do(ctx, chromedp.EmulateViewport(w, h, chromedp.EmulateScale(1), chromedp.EmulateMobile), chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return err
	}), chromedp.Navigate(base)))
	chromedp.Do(ctx, chromedp.Sleep(1500*time.Millisecond))
	for _, s := range steps {
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "say:") {
			check(chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("composer-input"), s[4:]+kb.Enter)))
		} else if strings.HasPrefix(s, "js:") {
			check(chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](s[3:])))
		} else {
			check(chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`button[data-choice="`+s+`"]`))))
		}
		chromedp.Do(ctx, chromedp.Sleep(1500*time.Millisecond))
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	check(err)
	os.WriteFile(out, png, 0o644)
	txt, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('log').innerText.slice(-1500)`))
	fmt.Println(txt)
}
func must(s string, err error) string { check(err); return s }
func check(err error) {
	if err != nil {
		panic(err)
	}
}
