package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
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

// hub wakes the event streams of a conversation when this instance writes to it.
type hub struct {
	mu   sync.Mutex
	subs map[string]map[chan struct{}]bool
}

func (h *hub) subscribe(conv string) (chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	h.mu.Lock()
	if h.subs == nil {
		h.subs = map[string]map[chan struct{}]bool{}
	}
	if h.subs[conv] == nil {
		h.subs[conv] = map[chan struct{}]bool{}
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

func (h *hub) publish(conv string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[conv] {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// events streams a conversation's new messages as server-sent events. Each
// event's id is the message id, so a client resumes with Last-Event-ID.
func (s *Server) events(c *fiber.Ctx) error {
	userID, convID := caller(c).UserID, c.Params("id")
	conv, err := s.conv.Get(c.Context(), userID, convID)
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
			select {
			case <-wake:
			case <-poll.C:
			case <-deadline:
				return
			case <-s.stopping:
				return
			}
		}
	})
	return nil
}
