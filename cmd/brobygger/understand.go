package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/brobygger/brobygger/understand"
)

// runUnderstand reads one utterance per line and writes one JSON object per
// line with what the deterministic understanding step found in it.
func runUnderstand(in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	w := bufio.NewWriter(out)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for sc.Scan() {
		if err := enc.Encode(understand.Parse(sc.Text())); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	return sc.Err()
}
