package understand

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestZZRunner(t *testing.T) {
	path := os.Getenv("UFILE")
	if path == "" {
		t.Skip()
	}
	f, _ := os.Open(path)
	sc := bufio.NewScanner(f)
	out, _ := os.Create(path + ".out")
	for sc.Scan() {
		b, _ := json.Marshal(Parse(sc.Text()))
		fmt.Fprintln(out, string(b))
	}
	out.Close()
}
