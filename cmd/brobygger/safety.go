package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/brobygger/brobygger/understand"
)

// safetyLine is one labelled line of a safety set.
type safetyLine struct {
	Text   string `json:"text"`
	Expect struct {
		Crisis  *bool `json:"crisis"`
		Concern bool  `json:"concern"`
	} `json:"expect"`
}

// runSafety scores the crisis reader on labelled safety sets: crisis recall
// (every line labelled crisis must be caught), false alarms on every other
// line, and concern recall. With -v it lists every miss.
func runSafety(args []string, out io.Writer) error {
	verbose := false
	var files []string
	for _, a := range args {
		if a == "-v" {
			verbose = true
			continue
		}
		files = append(files, a)
	}
	if len(files) == 0 {
		files = []string{"understand/testdata/safety.jsonl"}
	}
	var crisis, caught, others, alarms, concern, checkedIn int
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(fh)
		for n := 1; sc.Scan(); n++ {
			var l safetyLine
			if len(sc.Bytes()) == 0 {
				continue
			}
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				fh.Close()
				return fmt.Errorf("%s:%d: %w", f, n, err)
			}
			r := understand.Parse(l.Text)
			switch {
			case l.Expect.Crisis != nil && *l.Expect.Crisis:
				crisis++
				if r.Crisis {
					caught++
				} else if verbose {
					fmt.Fprintf(out, "missed crisis: %s\n", l.Text)
				}
			default:
				others++
				if r.Crisis {
					alarms++
					if verbose {
						fmt.Fprintf(out, "false alarm: %s %v\n", l.Text, r.CrisisKinds)
					}
				}
				if l.Expect.Concern {
					concern++
					if r.Concern {
						checkedIn++
					} else if verbose {
						fmt.Fprintf(out, "missed concern: %s\n", l.Text)
					}
				}
			}
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	fmt.Fprintf(out, "crisis recall: %.3f (%d/%d)\nfalse alarms: %.3f (%d/%d)\nconcern recall: %.3f (%d/%d)\n",
		ratio(caught, crisis), caught, crisis, ratio(alarms, others), alarms, others, ratio(checkedIn, concern), checkedIn, concern)
	return nil
}
