package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"time"
)

// runLoad plays whole onboarding conversations against a running server and
// prints how long one turn takes. It only talks to the address it is given,
// sends a bounded number of requests and stops by itself.
func runLoad(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	base := fs.String("url", "http://localhost:8080", "server to measure")
	conversations := fs.Int("conversations", 50, "conversations to play")
	parallel := fs.Int("parallel", 4, "conversations at a time")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if _, err := url.Parse(*base); err != nil {
		return fmt.Errorf("url: %w", err)
	}
	if *conversations < 1 || *conversations > 10000 || *parallel < 1 || *parallel > 64 {
		return fmt.Errorf("conversations must be 1–10000 and parallel 1–64")
	}
	script := []map[string]string{
		{"text": "hej"},
		{"choice": "age:15"},
		{"text": "jeg elsker dyr og natur"},
		{"choice": "when:weekends"},
		{"choice": "commitment:any"},
		{"text": "8000"},
		{"choice": "group:with_friend"},
		{"choice": "show_more"},
	}
	var (
		mu        sync.Mutex
		durations []time.Duration
		failures  int
	)
	jobs := make(chan int)
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 30 * time.Second}
	started := time.Now()
	for range *parallel {
		wg.Go(func() {
			for n := range jobs {
				ds, err := playConversation(client, *base, n, script)
				mu.Lock()
				durations = append(durations, ds...)
				if err != nil {
					failures++
				}
				mu.Unlock()
			}
		})
	}
	for n := range *conversations {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	if len(durations) == 0 {
		return fmt.Errorf("no turn succeeded (%d conversations failed)", failures)
	}
	slices.Sort(durations)
	pct := func(p float64) time.Duration { return durations[int(p*float64(len(durations)-1))] }
	fmt.Fprintf(out, "turns: %d in %d conversations (%d failed), %d at a time, %.1f turns/s\n",
		len(durations), *conversations, failures, *parallel, float64(len(durations))/time.Since(started).Seconds())
	fmt.Fprintf(out, "turn latency: p50 %s  p95 %s  p99 %s  max %s\n",
		pct(0.50).Round(time.Microsecond), pct(0.95).Round(time.Microsecond), pct(0.99).Round(time.Microsecond),
		durations[len(durations)-1].Round(time.Microsecond))
	return nil
}

func playConversation(client *http.Client, base string, n int, script []map[string]string) ([]time.Duration, error) {
	var tokens struct {
		AccessToken string `json:"access_token"`
	}
	if err := postJSON(client, base+"/v1/auth/guest", "", map[string]string{"locale": "da"}, &tokens); err != nil {
		return nil, err
	}
	var conv struct {
		ConversationID string `json:"conversation_id"`
	}
	if err := postJSON(client, base+"/v1/conversations", tokens.AccessToken, nil, &conv); err != nil {
		return nil, err
	}
	var ds []time.Duration
	for i, turn := range script {
		body := map[string]string{"client_message_id": fmt.Sprintf("load-%d-%d", n, i)}
		for k, v := range turn {
			body[k] = v
		}
		start := time.Now()
		if err := postJSON(client, base+"/v1/conversations/"+conv.ConversationID+"/messages", tokens.AccessToken, body, nil); err != nil {
			return ds, err
		}
		ds = append(ds, time.Since(start))
	}
	return ds, nil
}

func postJSON(client *http.Client, url, token string, body, into any) error {
	var rd io.Reader = http.NoBody
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(http.MethodPost, url, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode >= 300 {
		return fmt.Errorf("%s: %s", url, res.Status)
	}
	if into == nil {
		_, err = io.Copy(io.Discard, res.Body)
		return err
	}
	return json.NewDecoder(res.Body).Decode(into)
}
