package llm

import (
	"strings"

	"github.com/brobygger/brobygger/redact"
)

// Redact masks CPR numbers, phone numbers and e-mail addresses before text
// is sent to a model.
func Redact(s string) string { return redact.Redact(s) }

// Mask placeholders, as redact writes them.
const (
	MaskCPR   = redact.MaskCPR
	MaskPhone = redact.MaskPhone
	MaskEmail = redact.MaskEmail
)

// hasMask reports whether text contains a placeholder, which a model must
// never hand back to a young person.
func hasMask(text string) bool {
	return strings.Contains(text, MaskCPR) || strings.Contains(text, MaskPhone) || strings.Contains(text, MaskEmail)
}
