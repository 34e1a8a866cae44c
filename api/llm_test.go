package api_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/brobygger/brobygger/app"
	"github.com/brobygger/brobygger/llm"
	"github.com/brobygger/brobygger/llm/llmtest"
)

// TestPhrasedReplyStreamsOverTheEventStream runs the server with a language
// model (a fake that speaks the OpenAI API): the words of a phrased reply
// reach the open event stream as tokens, and the stored message follows once.
func TestPhrasedReplyStreamsOverTheEventStream(t *testing.T) {
	fake := llmtest.New(t)
	fake.Default(llmtest.Faithful())
	a, err := app.New(context.Background(), app.Config{
		DataDir:   t.TempDir(),
		Database:  fmt.Sprintf("llmtest_%d", time.Now().UnixNano()),
		JWTSecret: strings.Repeat("k", 40),
		Logger:    slog.New(slog.NewTextHandler(io.Discard, nil)),
		LLM:       &llm.Config{APIKey: "test-key", BaseURL: fake.URL(), Model: "test-model", Timeout: 5 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _ = a.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		_ = a.Close(context.Background())
	})
	c := &client{t: t, base: "http://" + ln.Addr().String()}
	res := c.do("POST", "/v1/auth/guest", nil)
	c.token = res.json(t)["access_token"].(string)
	conv := c.do("POST", "/v1/conversations", nil).json(t)["conversation_id"].(string)

	req, _ := http.NewRequest("GET", c.base+"/v1/conversations/"+conv+"/events?access_token="+c.token, nil)
	stream, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Body.Close()
	lines := make(chan string, 1000)
	go func() {
		sc := bufio.NewScanner(stream.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	time.Sleep(200 * time.Millisecond) // let the stream subscribe

	sent := c.do("POST", "/v1/conversations/"+conv+"/messages", map[string]any{"client_message_id": "s1", "choice": "start"})
	if sent.Status != 200 {
		t.Fatalf("send: %d %s", sent.Status, sent.Body)
	}
	var tokens, stored int
	timeout := time.After(5 * time.Second)
	for stored < 2 {
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatal("stream ended")
			}
			switch l {
			case "event: token":
				tokens++
			case "event: message":
				stored++
			}
		case <-timeout:
			t.Fatalf("saw %d tokens and %d stored messages before timing out", tokens, stored)
		}
	}
	if tokens == 0 {
		t.Error("no tokens streamed while the reply was phrased")
	}
	if fake.Count() == 0 {
		t.Error("the model was never called")
	}
}
