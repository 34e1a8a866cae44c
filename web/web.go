// Package web is the reference chat client: static files embedded in the
// binary and served at / by the API server.
package web

import (
	"embed"
	"io/fs"
)

//go:generate go run gen_icons.go

//go:embed static
var static embed.FS

// FS returns the client's files, rooted at the folder that holds index.html.
func FS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded folder is part of the binary
	}
	return sub
}
