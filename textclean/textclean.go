// Package textclean makes text that people type safe to store, show and
// export. It owns three rules the rest of Brobygger applies at its edges:
// a NUL character is never accepted (HasNUL, for the caller to refuse);
// names lose the invisible characters that can make one name pass for
// another — bidi overrides and marks, zero-width characters — and every
// control character (Name); free text loses the same invisible characters
// but keeps its lines and the joiners inside emoji (Text). CSVCell keeps a
// cell of an exported spreadsheet from being read as a formula.
//
// Invisible characters matter here because a young person's nickname, an
// organisation's name and a staff member's name are shown to other people:
// a right-to-left override (U+202E) shows the letters after it in
// another order, and a zero-width space makes two names that look alike
// compare different. In a chat message they also hide words from the
// crisis reading ("selv\u200bmord").
package textclean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// HasNUL reports whether s holds a NUL character. No text field accepts
// one: it truncates strings in C libraries, logs and terminals, so a NUL is
// a client's bug or an attack, refused rather than silently dropped.
func HasNUL(s string) bool { return strings.IndexByte(s, 0) >= 0 }

// zeroWidthJoiner joins emoji into one picture (woman, joiner, fire engine:
// a firefighter); Text keeps it there.
const zeroWidthJoiner = '\u200D'

// IsInvisible reports whether r is a bidi control — the embeddings and
// overrides U+202A–U+202E, the isolates U+2066–U+2069, the marks U+200E,
// U+200F and U+061C — or a zero-width character: U+200B–U+200D, the word
// joiner U+2060 and the byte order mark U+FEFF used as a zero-width
// no-break space.
func IsInvisible(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069,
		r == 0x200E, r == 0x200F, r == 0x061C,
		r >= 0x200B && r <= 0x200D, r == 0x2060, r == 0xFEFF:
		return true
	}
	return false
}

// Name cleans a name — a nickname, an organisation's or a staff member's
// name, an opportunity's title: it removes invisible characters (see
// [IsInvisible]) and control characters, writes any run of white space
// (line breaks and tabs included) as one space, and trims the ends.
// A NUL is removed too; callers that must refuse one check [HasNUL] first.
func Name(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case IsInvisible(r), unicode.IsControl(r):
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Text cleans free text — a chat message, a note, an opportunity's
// description: it removes invisible characters (see [IsInvisible]) except a
// zero-width joiner between two parts of an emoji, removes control
// characters except line breaks and tabs, writes CR LF and a lone CR as one
// line break, and trims white space from the ends. A NUL is removed too;
// callers that must refuse one check [HasNUL] first.
func Text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(-1)
	for i, r := range s {
		keep := true
		switch {
		case r == '\r':
			r = '\n'
		case r == zeroWidthJoiner:
			next, size := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			keep = size > 0 && emojiPart(prev) && emojiPart(next)
		case IsInvisible(r):
			keep = false
		case r == '\n', r == '\t':
		case unicode.IsControl(r):
			keep = false
		}
		if keep {
			b.WriteRune(r)
		}
		prev = r
	}
	return strings.TrimSpace(b.String())
}

// emojiPart reports whether r can stand on either side of the zero-width
// joiner inside an emoji sequence: a pictograph or symbol, the emoji
// presentation selector, or a skin-tone modifier. Letters and digits
// cannot, so a joiner inside a word is always removed.
func emojiPart(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	return unicode.Is(unicode.So, r) || r == 0xFE0F || r >= 0x1F3FB && r <= 0x1F3FF
}

// Control returns the first control character in s that a field may not
// hold: any, or with multiline any but line breaks (LF, CR) and tabs. It is
// for validating text that is refused rather than cleaned.
func Control(s string, multiline bool) (rune, bool) {
	for _, r := range s {
		if !unicode.IsControl(r) {
			continue
		}
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		return r, true
	}
	return 0, false
}

// CSVCell neutralises a cell of an exported CSV file: a cell starting with
// =, +, -, @, a tab or a carriage return is read as a formula by Excel,
// LibreOffice and Google Sheets (CSV injection), so it gets a leading
// single quote, which those programs show as text. Every other cell is
// returned as it is.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// CSVRecord applies [CSVCell] to every cell of a record, in place, and
// returns it, for writing with encoding/csv.
func CSVRecord(cells []string) []string {
	for i, c := range cells {
		cells[i] = CSVCell(c)
	}
	return cells
}
