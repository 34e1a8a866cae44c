package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/brobygger/brobygger/api"
)

// The API tests check every request they send and every answer they get
// against openapi.json with kin-openapi, so the document mobile clients are
// generated from cannot drift from what the server does. TestMain puts a
// checking transport into http.DefaultClient, which every helper that calls
// the server uses; the transport files what it finds under an id in the
// answer's checkHeader, and checkAgainstOpenAPI reports it in the test that
// made the call. Findings no test reported fail the run at the end.

// checkHeader carries the id of an exchange's findings on the answer.
const checkHeader = "Openapi-Check"

// checking is off while benchmarking, so BenchmarkTurn measures the server
// and not the check.
var checking = true

func TestMain(m *testing.M) {
	flag.Parse()
	if b := flag.Lookup("test.bench"); b != nil && b.Value.String() != "" {
		checking = false
	}
	if checking {
		http.DefaultClient.Transport = checkingTransport{next: http.DefaultTransport}
	}
	code := m.Run()
	if lost := findings.unreported(); len(lost) > 0 {
		fmt.Fprintln(os.Stderr, "calls that disagree with the OpenAPI document and that no test reported:")
		for _, l := range lost {
			fmt.Fprintln(os.Stderr, "  "+l)
		}
		code = max(code, 1)
	}
	os.Exit(code)
}

// openAPIDocument is openapi.json, loaded and validated once: raw for
// reading extensions such as x-roles, and parsed for kin-openapi.
type openAPIDocument struct {
	raw    map[string]any
	doc    *openapi3.T
	router routers.Router
}

var (
	specOnce sync.Once
	spec     *openAPIDocument
	specErr  error
)

func loadOpenAPI() (*openAPIDocument, error) {
	specOnce.Do(func() {
		b, err := os.ReadFile("openapi.json")
		if err != nil {
			specErr = err
			return
		}
		d := &openAPIDocument{}
		if err := json.Unmarshal(b, &d.raw); err != nil {
			specErr = fmt.Errorf("openapi.json: %w", err)
			return
		}
		if d.doc, err = openapi3.NewLoader().LoadFromData(b); err != nil {
			specErr = fmt.Errorf("openapi.json: %w", err)
			return
		}
		// Validate also checks every example against its schema.
		if err := d.doc.Validate(context.Background()); err != nil {
			specErr = fmt.Errorf("openapi.json is not a valid OpenAPI document: %w", err)
			return
		}
		// The tests' servers listen on random ports: match paths on any host.
		d.doc.Servers = openapi3.Servers{{URL: "/"}}
		if d.router, err = gorillamux.NewRouter(d.doc); err != nil {
			specErr = fmt.Errorf("openapi.json: %w", err)
			return
		}
		spec = d
	})
	return spec, specErr
}

// openAPISpec is the document as plain JSON.
func openAPISpec(t *testing.T) map[string]any {
	t.Helper()
	d, err := loadOpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	return d.raw
}

// findOperation is the documented operation that answers method and path
// (a concrete path, such as /v1/leads/abc), or nil.
func findOperation(doc map[string]any, method, path string) map[string]any {
	d, err := loadOpenAPI()
	if err != nil {
		return nil
	}
	route, _, err := d.router.FindRoute(httptest.NewRequest(method, path, nil))
	if err != nil {
		return nil
	}
	item, _ := doc["paths"].(map[string]any)[route.Path].(map[string]any)
	op, _ := item[strings.ToLower(method)].(map[string]any)
	return op
}

func asList(v any) []string {
	var out []string
	xs, _ := v.([]any)
	for _, x := range xs {
		out = append(out, x.(string))
	}
	return out
}

// checkAgainstOpenAPI reports in t what the check found in the call that
// got res: its request and its answer. An answer read without
// http.DefaultClient (a raw connection) is checked here, by itself.
func checkAgainstOpenAPI(t *testing.T, method, path string, res response) {
	t.Helper()
	if !checking {
		return
	}
	var problems []string
	if id := res.Header.Get(checkHeader); id != "" {
		problems = findings.take(id)
	} else {
		req := httptest.NewRequest(method, path, nil)
		problems = checkExchange(req, nil, false, res)
	}
	for _, p := range problems {
		t.Errorf("%s %s: %s", method, path, p)
	}
}

// checkingTransport checks each call against the document on its way
// through and files what it found.
type checkingTransport struct{ next http.RoundTripper }

func (c checkingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	var reqBody []byte
	if req.Body != nil && req.Body != http.NoBody {
		var err error
		reqBody, err = io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req = req.Clone(req.Context())
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(reqBody)), nil }
	}
	httpRes, err := c.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	res := response{Status: httpRes.StatusCode, Header: httpRes.Header}
	// An event stream goes on for as long as the test reads it; only its
	// status and type can be checked.
	if !isEventStream(httpRes.Header) {
		res.Body, err = io.ReadAll(httpRes.Body)
		httpRes.Body.Close()
		if err != nil {
			return nil, err
		}
		httpRes.Body = io.NopCloser(bytes.NewReader(res.Body))
	}
	checked := req.Clone(req.Context())
	checked.Body = io.NopCloser(bytes.NewReader(reqBody))
	id := findings.add(req.Method+" "+req.URL.RequestURI(), checkExchange(checked, reqBody, true, res))
	httpRes.Header.Set(checkHeader, id)
	return httpRes, nil
}

func isEventStream(h http.Header) bool {
	ct, _, _ := strings.Cut(h.Get("Content-Type"), ";")
	return strings.TrimSpace(ct) == "text/event-stream"
}

// checkExchange lists how a call disagrees with the document. A request the
// document does not allow must be refused with a 4xx; it is how the tests
// send bad input on purpose. Every answer, refusals and problem details
// included, must be documented for its status and match its schema.
func checkExchange(req *http.Request, reqBody []byte, requestKnown bool, res response) []string {
	d, err := loadOpenAPI()
	if err != nil {
		return []string{err.Error()}
	}
	route, params, err := d.router.FindRoute(req)
	if err != nil {
		if p := req.URL.Path; strings.HasPrefix(p, "/v1/") && p != "/v1/openapi.json" || p == "/healthz" || p == "/readyz" {
			return []string{"not in the OpenAPI document"}
		}
		return nil // the chat app's and the staff page's files
	}
	ctx := context.Background()
	opts := &openapi3filter.Options{
		AuthenticationFunc:    credentialsPresent,
		IncludeResponseStatus: true,
		MultiError:            true,
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	var problems []string
	if requestKnown {
		if err := openapi3filter.ValidateRequest(ctx, in); err != nil && res.Status < 400 {
			problems = append(problems, fmt.Sprintf("answered %d to a request the document does not allow: %v\nrequest body: %s",
				res.Status, err, clip(reqBody)))
		}
	}
	documented := route.Operation.Responses.Status(res.Status)
	if documented == nil || documented.Value == nil {
		return append(problems, fmt.Sprintf("answered %d, which the document does not list: %s", res.Status, clip(res.Body)))
	}
	ct := res.Header.Get("Content-Type")
	content := documented.Value.Content
	switch {
	case len(content) == 0 && len(res.Body) > 0:
		return append(problems, fmt.Sprintf("%d has a body (%s) the document does not describe", res.Status, ct))
	case len(content) > 0 && content.Get(ct) == nil:
		return append(problems, fmt.Sprintf("%d: content type %q is not documented", res.Status, ct))
	}
	if isEventStream(res.Header) {
		return problems
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.Status, Header: res.Header, Options: opts}
	out.SetBodyBytes(res.Body)
	if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
		problems = append(problems, fmt.Sprintf("the %d answer does not match the document: %v\nbody: %s", res.Status, err, clip(res.Body)))
	}
	return problems
}

// credentialsPresent checks that a secured call carries credentials the way
// the document says; whether they are valid is the server's to decide.
func credentialsPresent(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	req := in.RequestValidationInput.Request
	s := in.SecurityScheme
	switch {
	case s.Type == "http" && strings.EqualFold(s.Scheme, "bearer"):
		if auth := req.Header.Get("Authorization"); len(auth) > 7 && strings.EqualFold(auth[:7], "Bearer ") {
			return nil
		}
	case s.Type == "apiKey" && s.In == "query":
		if req.URL.Query().Get(s.Name) != "" {
			return nil
		}
	case s.Type == "apiKey" && s.In == "header":
		if req.Header.Get(s.Name) != "" {
			return nil
		}
	}
	return in.NewError(nil)
}

func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

func init() {
	// Calendar files are text, and so, to the document, is an import's CSV
	// file: kin-openapi's CSV decoder knows only commas, and the import
	// takes the semicolons a Danish spreadsheet saves too.
	openapi3filter.RegisterBodyDecoder("text/calendar", openapi3filter.PlainBodyDecoder)
	openapi3filter.RegisterBodyDecoder("text/csv", openapi3filter.PlainBodyDecoder)
	openapi3filter.RegisterBodyDecoder("image/svg+xml", openapi3filter.PlainBodyDecoder)
}

// findings keeps what the transport found until a test reports it.
var findings = &findingLog{open: map[string]finding{}}

type findingLog struct {
	mu   sync.Mutex
	next int
	open map[string]finding
}

type finding struct {
	call     string
	problems []string
}

// add files the problems of one call and returns its id.
func (l *findingLog) add(call string, problems []string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.next++
	id := strconv.Itoa(l.next)
	if len(problems) > 0 {
		l.open[id] = finding{call: call, problems: problems}
	}
	return id
}

// take hands the problems of a call to the test that reports them.
func (l *findingLog) take(id string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.open[id]
	delete(l.open, id)
	return f.problems
}

func (l *findingLog) unreported() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, f := range l.open {
		for _, p := range f.problems {
			out = append(out, f.call+": "+p)
		}
	}
	slices.Sort(out)
	return out
}

// TestOpenAPIDocumentIsValid: the document loads, is valid OpenAPI 3.1 and
// its examples match their schemas.
func TestOpenAPIDocumentIsValid(t *testing.T) {
	if _, err := loadOpenAPI(); err != nil {
		t.Fatal(err)
	}
}

var operationID = regexp.MustCompile(`^[a-z][a-zA-Z0-9]+$`)

// TestOpenAPIDocumentsEveryRouteAndNoOther: every route the server serves
// is an operation of the document with a camelCase operationId (client
// generators name methods after it), a declared tag and the route's roles
// (x-roles and bearer security, or security: [] for a public one); and the
// document describes no operation the server does not serve.
func TestOpenAPIDocumentsEveryRouteAndNoOther(t *testing.T) {
	d, err := loadOpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	tags := map[string]bool{}
	for _, tag := range d.doc.Tags {
		tags[tag.Name] = tag.Description != ""
	}
	served := map[string]bool{}
	ids := map[string]string{}
	for _, r := range api.Routes() {
		path := fiberParam.ReplaceAllString(r.Path, "{$1}")
		key := r.Method + " " + path
		served[key] = true
		var op *openapi3.Operation
		if item := d.doc.Paths.Value(path); item != nil {
			op = item.GetOperation(r.Method)
		}
		if op == nil {
			t.Errorf("%s is served but not in the OpenAPI document", key)
			continue
		}
		if !operationID.MatchString(op.OperationID) {
			t.Errorf("%s: operationId %q is not camelCase", key, op.OperationID)
		} else if other, dup := ids[op.OperationID]; dup {
			t.Errorf("%s and %s share operationId %q", key, other, op.OperationID)
		}
		ids[op.OperationID] = key
		if len(op.Tags) == 0 {
			t.Errorf("%s has no tag", key)
		}
		for _, tag := range op.Tags {
			if described, ok := tags[tag]; !ok || !described {
				t.Errorf("%s: tag %q is not declared with a description", key, tag)
			}
		}
		roles := asList(op.Extensions["x-roles"])
		if r.Public {
			if op.Security == nil || len(*op.Security) != 0 || len(roles) > 0 {
				t.Errorf("%s is public: it must say security: [] and name no x-roles", key)
			}
			continue
		}
		if !sameSet(roles, r.Roles) {
			t.Errorf("%s: x-roles %v, served roles %v", key, roles, r.Roles)
		}
		if op.Security == nil || !slices.ContainsFunc(*op.Security, func(s openapi3.SecurityRequirement) bool {
			_, bearer := s["bearer"]
			return bearer
		}) {
			t.Errorf("%s is secured but the document does not say it takes a bearer token", key)
		}
	}
	for path, item := range d.doc.Paths.Map() {
		for method := range item.Operations() {
			if !served[method+" "+path] {
				t.Errorf("the document describes %s %s, which the server does not serve", method, path)
			}
		}
	}
}
