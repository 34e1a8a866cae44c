// Package redact masks personal details — CPR numbers, Danish phone numbers
// and e-mail addresses — in text that leaves the young person's own view:
// text sent to a language model, written to a log, or shown to staff.
package redact

import "regexp"

// Placeholders that stand in for masked details.
const (
	MaskCPR   = "[CPR]"
	MaskPhone = "[PHONE]"
	MaskEmail = "[EMAIL]"
)

var (
	emailPattern = regexp.MustCompile(`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}`)
	// CPR numbers: DDMMYY-XXXX, DDMMYYXXXX or with a space. Any ten digits
	// written that way are masked; a false positive costs nothing.
	cprPattern = regexp.MustCompile(`(^|[^\d+])(\d{6}[- ]?\d{4})(\D|$)`)
	// Danish phone numbers: eight digits, written together or in the usual
	// groups, with or without +45 / 0045. The groupings are listed rather
	// than allowing any separator, so times like "16.30-18.00" survive.
	phonePattern = regexp.MustCompile(`(^|[^\d+])((?:(?:\+|00)\s?45[\s-]?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2}|\d{2}-\d{2}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{2}\.\d{2}|\d{4} \d{4}|\d{4}-\d{4}|\d{3} \d{2} \d{3}))(\D|$)`)
)

// Redact masks CPR numbers, Danish phone numbers and e-mail addresses, so
// the text can leave the process or go into a log.
func Redact(s string) string {
	s = emailPattern.ReplaceAllString(s, MaskEmail)
	// The patterns consume the character after a match, so two numbers
	// separated by one character need a second pass.
	for range 2 {
		s = cprPattern.ReplaceAllString(s, "${1}"+MaskCPR+"${3}")
		s = phonePattern.ReplaceAllString(s, "${1}"+MaskPhone+"${3}")
	}
	return s
}

// Emails returns the e-mail addresses in s, as written.
func Emails(s string) []string { return emailPattern.FindAllString(s, -1) }

// Phones returns the phone numbers in s, as written.
func Phones(s string) []string {
	var out []string
	for _, m := range phonePattern.FindAllStringSubmatch(s, -1) {
		out = append(out, m[2])
	}
	return out
}
