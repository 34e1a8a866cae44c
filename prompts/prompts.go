// Package prompts owns the text Brobygger sends to a language model: one
// text/template file per prompt and language under da/ and en/, embedded in
// the binary, parsed once and rendered by name. Every file starts with a
// {{/* version: N */}} header; the version travels with each rendered
// prompt so every model call can be traced to the exact wording it used.
//
// Each file defines two templates: "system" (the instructions) and "user"
// (the data). Data is always written through the data function, which
// JSON-encodes it between clearly marked delimiters, so nothing a young
// person or an organisation wrote can read as an instruction. The package
// imports nothing else from the project.
package prompts

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/template"
)

//go:embed da/*.tmpl en/*.tmpl
var files embed.FS

// Languages every prompt is written in; the first is the fallback.
var Languages = []string{"da", "en"}

// Prompt names.
const (
	Understand = "understand"
	Phrase     = "phrase"
)

// Names are the prompts every language must have.
var Names = []string{Understand, Phrase}

// Rendered is one prompt ready to send: the instructions, the data and the
// version of the file they came from.
type Rendered struct {
	Name    string
	Lang    string
	Version int
	System  string
	User    string
}

// Set is the parsed prompt files.
type Set struct {
	prompts map[string]*prompt // by lang + "/" + name
}

type prompt struct {
	version int
	tmpl    *template.Template
}

var versionHeader = regexp.MustCompile(`^\{\{/\*\s*version:\s*(\d+)\s*\*/\}\}`)

// Load parses and checks the embedded prompt files: every name in every
// language, each with a version header and both templates.
func Load() (*Set, error) { return load(files) }

var loadOnce = sync.OnceValues(Load)

// Default returns the embedded prompts, parsed on first use only.
func Default() (*Set, error) { return loadOnce() }

func load(fsys fs.FS) (*Set, error) {
	s := &Set{prompts: map[string]*prompt{}}
	var errs []error
	for _, lang := range Languages {
		for _, name := range Names {
			file := path.Join(lang, name+".tmpl")
			p, err := parse(fsys, file)
			if err != nil {
				errs = append(errs, fmt.Errorf("prompt %s: %w", file, err))
				continue
			}
			s.prompts[lang+"/"+name] = p
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

func parse(fsys fs.FS, file string) (*prompt, error) {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, err
	}
	m := versionHeader.FindSubmatch(b)
	if m == nil {
		return nil, errors.New(`missing "{{/* version: N */}}" header on the first line`)
	}
	version, err := strconv.Atoi(string(m[1]))
	if err != nil || version < 1 {
		return nil, fmt.Errorf("bad version %q", m[1])
	}
	t, err := template.New(file).Option("missingkey=error").Funcs(funcs).Parse(string(b))
	if err != nil {
		return nil, err
	}
	for _, part := range []string{"system", "user"} {
		if t.Lookup(part) == nil {
			return nil, fmt.Errorf("no {{define %q}} template", part)
		}
	}
	return &prompt{version: version, tmpl: t}, nil
}

// Render fills the named prompt in lang (Danish when lang is unknown) with data.
func (s *Set) Render(name, lang string, data any) (Rendered, error) {
	if !slices.Contains(Languages, lang) {
		lang = Languages[0]
	}
	p, ok := s.prompts[lang+"/"+name]
	if !ok {
		return Rendered{}, fmt.Errorf("prompt %s/%s: unknown", lang, name)
	}
	r := Rendered{Name: name, Lang: lang, Version: p.version}
	for _, part := range []struct {
		name string
		out  *string
	}{{"system", &r.System}, {"user", &r.User}} {
		var b bytes.Buffer
		if err := p.tmpl.ExecuteTemplate(&b, part.name, data); err != nil {
			return Rendered{}, fmt.Errorf("prompt %s/%s: %w", lang, name, err)
		}
		*part.out = strings.TrimSpace(b.String())
	}
	return r, nil
}

// Version returns the version of the named prompt in lang, 0 when unknown.
func (s *Set) Version(name, lang string) int {
	if p, ok := s.prompts[lang+"/"+name]; ok {
		return p.version
	}
	return 0
}

var funcs = template.FuncMap{"data": encodeData}

// encodeData writes a value as JSON on one line. JSON keeps user text inside
// quotes, and the delimiter characters the prompts use are escaped, so data
// can neither end its block nor start a new one.
func encodeData(v any) (string, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	s := strings.TrimSpace(b.String())
	return strings.NewReplacer("<<<", `\u003c\u003c\u003c`, ">>>", `\u003e\u003e\u003e`).Replace(s), nil
}

// Interest is one taxonomy entry as the understanding prompt lists it.
type Interest struct {
	ID   string
	Name string
}

// UnderstandData fills the understanding prompt.
type UnderstandData struct {
	// Interests are the only ids the model may answer with.
	Interests []Interest
	// Message is the young person's message, already masked.
	Message string
}

// Purposes of a phrased message.
const (
	PurposeQuestion    = "question"
	PurposeSuggestions = "suggestions"
	PurposeDetails     = "details"
	PurposeConfirm     = "confirm"
)

// PhraseData fills the phrasing prompt.
type PhraseData struct {
	// Purpose is what the message does: one of the Purpose constants.
	Purpose string
	// Content is what the message must convey, as the flow wrote it.
	Content string
	// Question is what the young person wrote or tapped this turn.
	Question string
	// MaxChars bounds the answer's length.
	MaxChars int
	// Opportunity is set when the message is about one opportunity; its
	// fields are the only facts about it the model may use.
	Opportunity *Opportunity
}

// Opportunity is what the catalog says about one opportunity, as text.
type Opportunity struct {
	Title        string `json:"title"`
	Organisation string `json:"organisation"`
	Summary      string `json:"summary,omitempty"`
	Description  string `json:"description,omitempty"`
	When         string `json:"when,omitempty"`
	Place        string `json:"place,omitempty"`
	Ages         string `json:"ages,omitempty"`
	Contact      string `json:"contact,omitempty"`
}
