package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"github.com/brobygger/brobygger/accounts"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Stream timing: how often a stream looks for messages written elsewhere
// (another instance, a background job), how often it says it is alive, and
// how long one stream lasts before the client reconnects with Last-Event-ID.
const (
	streamPoll      = 2 * time.Second
	streamHeartbeat = 20 * time.Second
	streamMaxAge    = 30 * time.Minute
)

// hub tells the event streams of a conversation that this instance wrote to
// it, and passes on the tokens of a reply while it is being phrased.
type hub struct {
	mu   sync.Mutex
	subs map[string]map[chan streamSignal]bool
}

// streamSignal is a wake-up (Token empty: look for new messages) or one
// token of a reply being written.
type streamSignal struct {
	MessageID string `json:"message_id"`
	Token     string `json:"token"`
}

// signalBuffer bounds how far a slow stream may fall behind; tokens beyond
// it are dropped, since the final message follows anyway.
const signalBuffer = 64

func (h *hub) subscribe(conv string) (chan streamSignal, func()) {
	ch := make(chan streamSignal, signalBuffer)
	h.mu.Lock()
	if h.subs == nil {
		h.subs = map[string]map[chan streamSignal]bool{}
	}
	if h.subs[conv] == nil {
		h.subs[conv] = map[chan streamSignal]bool{}
	}
	h.subs[conv][ch] = true
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		delete(h.subs[conv], ch)
		if len(h.subs[conv]) == 0 {
			delete(h.subs, conv)
		}
		h.mu.Unlock()
	}
}

func (h *hub) publish(conv string) { h.send(conv, streamSignal{}) }

func (h *hub) token(conv, messageID, token string) {
	h.send(conv, streamSignal{MessageID: messageID, Token: token})
}

func (h *hub) send(conv string, sig streamSignal) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[conv] {
		select {
		case ch <- sig:
		default:
		}
	}
}

// events streams a conversation's new messages as server-sent events. Each
// event's id is the message id, so a client resumes with Last-Event-ID.
// While a reply is being phrased, its words arrive first as "token" events
// (without an id: they are provisional); the stored message follows as a
// "message" event and replaces them.
func (s *Server) events(c *fiber.Ctx) error {
	userID, convID, sessionID := caller(c).UserID, c.Params("id"), caller(c).SessionID
	conv, err := s.conv.Get(c.UserContext(), userID, convID)
	if err != nil {
		return err
	}
	last := c.Get("Last-Event-ID")
	if last == "" {
		last = c.Query("after")
	}
	if last == "" && len(conv.Messages) > 0 {
		last = conv.Messages[len(conv.Messages)-1].ID
	}
	c.Set(fiber.HeaderContentType, "text/event-stream")
	c.Set(fiber.HeaderCacheControl, "no-cache")
	c.Set("X-Accel-Buffering", "no")
	wake, unsubscribe := s.hub.subscribe(convID)
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		defer unsubscribe()
		poll := time.NewTicker(streamPoll)
		defer poll.Stop()
		deadline := time.After(streamMaxAge)
		lastWrite := time.Now()
		fmt.Fprintf(w, "retry: 3000\n\n")
		for {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			// A stream outlives the request that opened it: after a sign-out
			// or an erasure it ends at its next wake, on every instance.
			if err := accounts.CheckSession(ctx, s.accounts, sessionID, userID); err != nil {
				cancel()
				return
			}
			ms, err := s.conv.Messages(ctx, userID, convID, last)
			cancel()
			if err != nil {
				return
			}
			for _, m := range toMessages(ms) {
				data, _ := json.Marshal(m)
				fmt.Fprintf(w, "id: %s\nevent: message\ndata: %s\n\n", m.ID, data)
				last = m.ID
				lastWrite = time.Now()
			}
			if time.Since(lastWrite) >= streamHeartbeat {
				fmt.Fprintf(w, ": alive\n\n")
				lastWrite = time.Now()
			}
			if err := w.Flush(); err != nil {
				return // the client went away
			}
			if !waitForNews(w, wake, poll.C, deadline, s.stopping) {
				return
			}
		}
	})
	return nil
}

// waitForNews passes tokens of a reply being phrased straight to the client
// and returns when there may be new stored messages (true) or the stream
// must end (false).
func waitForNews(w *bufio.Writer, wake <-chan streamSignal, poll <-chan time.Time, deadline <-chan time.Time, stopping <-chan struct{}) bool {
	for {
		select {
		case sig := <-wake:
			if sig.Token == "" {
				return true
			}
			data, _ := json.Marshal(sig)
			fmt.Fprintf(w, "event: token\ndata: %s\n\n", data)
			if err := w.Flush(); err != nil {
				return false
			}
		case <-poll:
			return true
		case <-deadline:
			return false
		case <-stopping:
			return false
		}
	}
}
