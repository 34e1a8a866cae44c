package api_test

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

var (
	specOnce sync.Once
	spec     map[string]any
)

func openAPISpec(t *testing.T) map[string]any {
	specOnce.Do(func() {
		b, err := os.ReadFile("openapi.json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &spec); err != nil {
			t.Fatal(err)
		}
	})
	return spec
}

// checkAgainstOpenAPI validates a real response against the documented
// schema for its path, method and status, so the document cannot drift.
func checkAgainstOpenAPI(t *testing.T, method, path string, res response) {
	t.Helper()
	doc := openAPISpec(t)
	path, _, _ = strings.Cut(path, "?")
	op := findOperation(doc, method, path)
	if op == nil {
		if strings.HasPrefix(path, "/v1/") && path != "/v1/openapi.json" {
			t.Errorf("%s %s is not in the OpenAPI document", method, path)
		}
		return
	}
	responses, _ := op["responses"].(map[string]any)
	r, ok := responses[strconv.Itoa(res.Status)].(map[string]any)
	if !ok {
		t.Errorf("%s %s answered %d, which the OpenAPI document does not list", method, path, res.Status)
		return
	}
	r = resolve(doc, r)
	content, _ := r["content"].(map[string]any)
	ct, _, _ := strings.Cut(res.Header.Get("Content-Type"), ";")
	if len(content) == 0 && len(res.Body) == 0 {
		return // documented without a body, such as a 204
	}
	media, ok := content[ct].(map[string]any)
	if !ok {
		t.Errorf("%s %s %d: content type %q is not documented", method, path, res.Status, ct)
		return
	}
	if ct != "application/json" && ct != "application/problem+json" {
		return // calendar files and event streams: the type is all there is to check
	}
	var body any
	if err := json.Unmarshal(res.Body, &body); err != nil {
		t.Errorf("%s %s: body is not JSON: %v", method, path, err)
		return
	}
	if err := validate(doc, media["schema"].(map[string]any), body, "$"); err != nil {
		t.Errorf("%s %s %d does not match the OpenAPI document: %v", method, path, res.Status, err)
	}
}

func findOperation(doc map[string]any, method, path string) map[string]any {
	paths := doc["paths"].(map[string]any)
	for tmpl, item := range paths {
		segs := strings.Split(tmpl, "/")
		for i, seg := range segs {
			if strings.HasPrefix(seg, "{") {
				segs[i] = `[^/]+`
			} else {
				segs[i] = regexp.QuoteMeta(seg)
			}
		}
		if !regexp.MustCompile("^" + strings.Join(segs, "/") + "$").MatchString(path) {
			continue
		}
		if op, ok := item.(map[string]any)[strings.ToLower(method)].(map[string]any); ok {
			return op
		}
	}
	return nil
}

func resolve(doc, schema map[string]any) map[string]any {
	for {
		ref, ok := schema["$ref"].(string)
		if !ok {
			return schema
		}
		var node any = doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			node = node.(map[string]any)[part]
		}
		schema = node.(map[string]any)
	}
}

// validate checks the subset of JSON Schema the document uses: type (one or
// several), required, properties, items, enum and pattern.
func validate(doc, schema map[string]any, v any, at string) error {
	schema = resolve(doc, schema)
	if ts, ok := schema["type"]; ok {
		var types []string
		switch x := ts.(type) {
		case string:
			types = []string{x}
		case []any:
			for _, s := range x {
				types = append(types, s.(string))
			}
		}
		if !hasType(v, types) {
			return fmt.Errorf("%s: %T is not %v", at, v, types)
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			if e == v {
				found = true
			}
		}
		if !found {
			return fmt.Errorf("%s: %v is not one of %v", at, v, enum)
		}
	}
	if p, ok := schema["pattern"].(string); ok {
		if s, isStr := v.(string); isStr && !regexp.MustCompile(p).MatchString(s) {
			return fmt.Errorf("%s: %q does not match %s", at, s, p)
		}
	}
	switch x := v.(type) {
	case map[string]any:
		for _, r := range asList(schema["required"]) {
			if _, ok := x[r]; !ok {
				return fmt.Errorf("%s: missing required %q", at, r)
			}
		}
		props, _ := schema["properties"].(map[string]any)
		for k, pv := range x {
			if ps, ok := props[k].(map[string]any); ok {
				if err := validate(doc, ps, pv, at+"."+k); err != nil {
					return err
				}
			}
		}
	case []any:
		if items, ok := schema["items"].(map[string]any); ok {
			for i, it := range x {
				if err := validate(doc, items, it, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func asList(v any) []string {
	var out []string
	xs, _ := v.([]any)
	for _, x := range xs {
		out = append(out, x.(string))
	}
	return out
}

func hasType(v any, types []string) bool {
	for _, t := range types {
		switch t {
		case "null":
			if v == nil {
				return true
			}
		case "object":
			if _, ok := v.(map[string]any); ok {
				return true
			}
		case "array":
			if _, ok := v.([]any); ok {
				return true
			}
		case "string":
			if _, ok := v.(string); ok {
				return true
			}
		case "boolean":
			if _, ok := v.(bool); ok {
				return true
			}
		case "number":
			if _, ok := v.(float64); ok {
				return true
			}
		case "integer":
			if f, ok := v.(float64); ok && f == float64(int64(f)) {
				return true
			}
		}
	}
	return false
}
