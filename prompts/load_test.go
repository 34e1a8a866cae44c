package prompts

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadRejectsBrokenFiles(t *testing.T) {
	good := "{{/* version: 1 */}}{{define \"system\"}}s{{end}}{{define \"user\"}}u{{end}}"
	cases := map[string]string{
		"no version":   `{{define "system"}}s{{end}}{{define "user"}}u{{end}}`,
		"no user":      `{{/* version: 2 */}}{{define "system"}}s{{end}}`,
		"bad syntax":   `{{/* version: 2 */}}{{define "system"}}{{.X{{end}}`,
		"zero version": `{{/* version: 0 */}}{{define "system"}}s{{end}}{{define "user"}}u{{end}}`,
	}
	for name, broken := range cases {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, l := range Languages {
				for _, n := range Names {
					fsys[l+"/"+n+".tmpl"] = &fstest.MapFile{Data: []byte(good)}
				}
			}
			fsys["en/phrase.tmpl"] = &fstest.MapFile{Data: []byte(broken)}
			_, err := load(fsys)
			if err == nil || !strings.Contains(err.Error(), "en/phrase.tmpl") {
				t.Errorf("got %v, want an error naming en/phrase.tmpl", err)
			}
		})
	}
}
