// Package llmtest is a fake OpenAI chat-completions server for tests. Each
// request takes the next scripted Reply (or the default once the script
// runs out): a JSON or text answer, a stream of chunks, a stall, an HTTP
// error, a broken body, or an echo of the request. It answers streamed
// requests as server-sent events and plain ones as JSON, and records every
// request body so tests can check what left the process.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// Reply is one scripted answer.
type Reply struct {
	// Status, when not 200, answers with an OpenAI error body.
	Status int
	// Content is the assistant's message; a streamed request gets it in
	// word-sized chunks.
	Content string
	// Chunks, when set, are the exact stream chunks.
	Chunks []string
	// Respond computes the content from the request, e.g. to echo it.
	Respond func(Request) string
	// Stall hangs after the chunks (or before anything, for a plain
	// request) until the client gives up.
	Stall bool
	// Delay waits before answering.
	Delay time.Duration
	// Body, when set, is sent as is with status 200: a broken answer.
	Body string
	// PromptTokens and CompletionTokens are the usage reported; zero
	// reports an estimate of four characters a token.
	PromptTokens, CompletionTokens int
	// NoUsage leaves the usage out, as some servers do.
	NoUsage bool
}

// Text answers with content.
func Text(content string) Reply { return Reply{Content: content} }

// JSON answers with v encoded as the message content.
func JSON(v any) Reply {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return Reply{Content: string(b)}
}

// Chunks streams exactly these chunks.
func Chunks(chunks ...string) Reply { return Reply{Chunks: chunks} }

// Stall sends nothing and waits for the client to give up.
func Stall() Reply { return Reply{Stall: true} }

// StallAfter streams chunks and then stops sending without ending the stream.
func StallAfter(chunks ...string) Reply { return Reply{Chunks: chunks, Stall: true} }

// Status answers with an HTTP error such as 429 or 500.
func Status(code int) Reply { return Reply{Status: code} }

// Broken answers 200 with a body that is not JSON.
func Broken() Reply { return Reply{Body: "{this is not json"} }

// Echo answers with the last user message of the request, as a model that
// does whatever its input says would.
func Echo() Reply { return Reply{Respond: func(r Request) string { return r.LastUser() }} }

// Faithful is a model that changes nothing: structured (understanding)
// requests get an empty JSON object, and phrasing requests get back the
// text they were asked to convey — the first JSON string in a <<< block.
func Faithful() Reply {
	return Reply{Respond: func(r Request) string {
		if r.Parsed.ResponseFormat != nil {
			return "{}"
		}
		return r.FirstData()
	}}
}

// Request is one request the server received.
type Request struct {
	Path   string
	Header http.Header
	Body   []byte
	// Parsed is the body decoded, with the fields tests look at.
	Parsed struct {
		Model    string `json:"model"`
		Stream   bool   `json:"stream"`
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
		ResponseFormat *struct {
			Type string `json:"type"`
		} `json:"response_format"`
	}
}

// LastUser is the content of the last user message.
func (r Request) LastUser() string {
	for i := len(r.Parsed.Messages) - 1; i >= 0; i-- {
		if r.Parsed.Messages[i].Role == "user" {
			return r.Parsed.Messages[i].Content
		}
	}
	return ""
}

// FirstData decodes the first JSON string that opens a <<< block in the
// last user message, or returns "".
func (r Request) FirstData() string {
	lines := strings.Split(r.LastUser(), "\n")
	for i := 0; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i], "<<<") {
			var s string
			if json.Unmarshal([]byte(lines[i+1]), &s) == nil {
				return s
			}
		}
	}
	return ""
}

// System is the content of the first system message.
func (r Request) System() string {
	for _, m := range r.Parsed.Messages {
		if m.Role == "system" {
			return m.Content
		}
	}
	return ""
}

// Server is the fake endpoint. Point the client's base URL at URL().
type Server struct {
	srv      *httptest.Server
	mu       sync.Mutex
	script   []Reply
	fallback Reply
	requests []Request
	stop     chan struct{}
}

// maxStall bounds a stall, so a test that forgot its deadline still ends.
const maxStall = 20 * time.Second

// New starts a server answering with replies in order, then with Text("ok").
// It closes when the test ends.
func New(t testing.TB, replies ...Reply) *Server {
	s := &Server{script: replies, fallback: Text("ok"), stop: make(chan struct{})}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		close(s.stop)
		s.srv.Close()
	})
	return s
}

// URL is the base URL for the client, ending in /v1.
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Client is an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Push adds replies to the end of the script.
func (s *Server) Push(replies ...Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script = append(s.script, replies...)
}

// Default sets the reply used once the script is empty.
func (s *Server) Default(r Reply) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fallback = r
}

// Requests returns every request received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Count is how many requests arrived.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.requests)
}

func (s *Server) next(req Request) Reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, req)
	if len(s.script) == 0 {
		return s.fallback
	}
	r := s.script[0]
	s.script = s.script[1:]
	return r
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	req := Request{Path: r.URL.Path, Header: r.Header.Clone(), Body: body}
	_ = json.Unmarshal(body, &req.Parsed)
	reply := s.next(req)
	if !strings.HasSuffix(r.URL.Path, "/chat/completions") {
		http.Error(w, `{"error":{"message":"not found","type":"invalid_request_error"}}`, http.StatusNotFound)
		return
	}
	if reply.Delay > 0 && !s.wait(r, reply.Delay) {
		return
	}
	switch {
	case reply.Status != 0 && reply.Status != http.StatusOK:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(reply.Status)
		fmt.Fprintf(w, `{"error":{"message":"scripted %d","type":"server_error","code":null}}`, reply.Status)
		return
	case reply.Body != "":
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, reply.Body)
		return
	}
	content := reply.Content
	if reply.Respond != nil {
		content = reply.Respond(req)
	}
	if req.Parsed.Stream {
		s.stream(w, r, req, reply, content)
		return
	}
	if reply.Stall {
		s.wait(r, maxStall)
		return
	}
	resp := map[string]any{
		"id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": req.Parsed.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": content}}},
	}
	if !reply.NoUsage {
		resp["usage"] = usage(req, reply, content)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(resp)
}

func (s *Server) stream(w http.ResponseWriter, r *http.Request, req Request, reply Reply, content string) {
	chunks := reply.Chunks
	if chunks == nil && !reply.Stall {
		chunks = words(content)
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	flusher, _ := w.(http.Flusher)
	send := func(v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "data: %s\n\n", b)
		if flusher != nil {
			flusher.Flush()
		}
	}
	for _, c := range chunks {
		send(map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": req.Parsed.Model,
			"choices": []any{map[string]any{"index": 0, "delta": map[string]any{"content": c}, "finish_reason": nil}}})
	}
	if reply.Stall {
		s.wait(r, maxStall)
		return
	}
	send(map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": req.Parsed.Model,
		"choices": []any{map[string]any{"index": 0, "delta": map[string]any{}, "finish_reason": "stop"}}})
	if !reply.NoUsage && strings.Contains(string(req.Body), `"include_usage":true`) {
		send(map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": req.Parsed.Model,
			"choices": []any{}, "usage": usage(req, reply, strings.Join(chunks, ""))})
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
	if flusher != nil {
		flusher.Flush()
	}
}

// wait blocks for d or until the client goes away or the server closes,
// and reports whether the full time passed.
func (s *Server) wait(r *http.Request, d time.Duration) bool {
	select {
	case <-time.After(d):
		return true
	case <-r.Context().Done():
	case <-s.stop:
	}
	return false
}

func usage(req Request, reply Reply, content string) map[string]int {
	p, c := reply.PromptTokens, reply.CompletionTokens
	if p == 0 && c == 0 {
		n := 0
		for _, m := range req.Parsed.Messages {
			n += len([]rune(m.Content))
		}
		p, c = (n+3)/4, (len([]rune(content))+3)/4
	}
	return map[string]int{"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}
}

// words splits text into chunks that end after a space, as models stream.
func words(text string) []string {
	var out []string
	for text != "" {
		i := strings.IndexByte(text, ' ')
		if i < 0 {
			out = append(out, text)
			break
		}
		out = append(out, text[:i+1])
		text = text[i+1:]
	}
	return out
}
