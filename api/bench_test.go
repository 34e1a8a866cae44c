package api_test

import (
	"fmt"
	"testing"
)

// BenchmarkTurn measures one chat turn through the real server on the
// embedded database: HTTP, auth, engine, matching and the document update.
func BenchmarkTurn(b *testing.B) {
	t := &testing.T{}
	script := []map[string]any{
		{"text": "hej"}, {"choice": "age:15"}, {"text": "jeg elsker dyr og natur"}, {"choice": "when:weekends"},
		{"choice": "commitment:any"}, {"text": "8000"}, {"choice": "group:with_friend"}, {"choice": "show_more"},
	}
	var c *client
	var conv string
	for i := 0; b.Loop(); i++ {
		if i%len(script) == 0 {
			c, conv = guest(t)
			c.t = t
		}
		body := map[string]any{"client_message_id": fmt.Sprint(i)}
		for k, v := range script[i%len(script)] {
			body[k] = v
		}
		if res := c.do("POST", "/v1/conversations/"+conv+"/messages", body); res.Status != 200 {
			b.Fatalf("turn %d: %d %s", i, res.Status, res.Body)
		}
	}
}
