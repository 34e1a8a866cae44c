package textclean_test

import (
	"testing"

	"github.com/brobygger/brobygger/textclean"
)

// The invisible characters the probe found kept in names, by code point.
const (
	rlo  = "\u202E" // right-to-left override
	lri  = "\u2066" // left-to-right isolate
	pdi  = "\u2069" // pop directional isolate
	lrm  = "\u200E" // left-to-right mark
	rlm  = "\u200F" // right-to-left mark
	zwsp = "\u200B" // zero-width space
	zwnj = "\u200C" // zero-width non-joiner
	zwj  = "\u200D" // zero-width joiner
	wj   = "\u2060" // word joiner
	bom  = "\uFEFF" // zero-width no-break space
)

func TestName(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "Sara", "Sara"},
		{"danish letters", "  Søren Ærø-Åberg ", "Søren Ærø-Åberg"},
		{"right-to-left override", "Sara" + rlo + "nimda", "Saranimda"},
		{"isolates and marks", lri + "Ali" + pdi + lrm + rlm, "Ali"},
		{"zero-width characters", "Ma" + zwsp + "ja" + zwnj + zwj + wj + bom, "Maja"},
		{"every embedding and override", "\u202A\u202B\u202C\u202D\u202EOle\u2067\u2068", "Ole"},
		{"arabic letter mark", "Noor\u061C", "Noor"},
		{"line breaks and tabs fold", "Mette\n\tHansen\r\n", "Mette Hansen"},
		{"controls go", "Ib\x00\x07\x1b[31m", "Ib[31m"},
		{"C1 control", "Bo\u0085\u009bX", "Bo X"},
		{"only invisible", rlo + zwsp + bom, ""},
		{"emoji kept, joiner goes", "👩" + zwj + "🚒 Lea", "👩🚒 Lea"},
		{"arabic script kept", "نور", "نور"},
	}
	for _, c := range cases {
		if got := textclean.Name(c.in); got != c.want {
			t.Errorf("%s: Name(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "jeg er 16 og bor i 8000", "jeg er 16 og bor i 8000"},
		{"lines kept", "hej\nmed dig\n\tok", "hej\nmed dig\n\tok"},
		{"CR LF and CR", "a\r\nb\rc", "a\nb\nc"},
		{"override removed", "hej " + rlo + "dlrow", "hej dlrow"},
		{"zero-width inside a word", "selv" + zwsp + "mord", "selvmord"},
		{"joiner inside a word", "selv" + zwj + "mord", "selvmord"},
		{"joiner between letter and emoji", "a" + zwj + "🚒", "a🚒"},
		{"family emoji kept", "👨" + zwj + "👩" + zwj + "👧", "👨" + zwj + "👩" + zwj + "👧"},
		{"skin tone and selector", "🧑🏽" + zwj + "💻 og ❤️" + zwj + "🔥", "🧑🏽" + zwj + "💻 og ❤️" + zwj + "🔥"},
		{"joiner at the ends", zwj + "🚒" + zwj, "🚒"},
		{"controls go, NUL too", "hej\x00 \x1b[2Jdu\x7f", "hej [2Jdu"},
		{"byte order mark", bom + "hej", "hej"},
		{"trimmed", "  \n hej \n ", "hej"},
	}
	for _, c := range cases {
		if got := textclean.Text(c.in); got != c.want {
			t.Errorf("%s: Text(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestHasNUL(t *testing.T) {
	for in, want := range map[string]bool{"": false, "hej": false, "he\x00j": true, "\x00": true, "hej\u2400": false} {
		if got := textclean.HasNUL(in); got != want {
			t.Errorf("HasNUL(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestControl(t *testing.T) {
	cases := []struct {
		in        string
		multiline bool
		want      rune
		found     bool
	}{
		{"Lektiecafé", false, 0, false},
		{"to\nlinjer", false, '\n', true},
		{"to\nlinjer\tog\r\n", true, 0, false},
		{"nul\x00", true, 0, true},
		{"bell\x07", true, 7, true},
		{"next line\u0085", true, 0x85, true},
		{"invisible" + rlo, false, 0, false}, // a format character, not a control: Name and Text remove it
	}
	for _, c := range cases {
		r, found := textclean.Control(c.in, c.multiline)
		if r != c.want || found != c.found {
			t.Errorf("Control(%q, %v) = %U, %v; want %U, %v", c.in, c.multiline, r, found, c.want, c.found)
		}
	}
}

func TestCSVCell(t *testing.T) {
	cases := map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+45 12 34 56 78":          "'+45 12 34 56 78",
		"-2+3":                     "'-2+3",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\t=1":                     "'\t=1",
		"\r=1":                     "'\r=1",
		"Sara":                     "Sara",
		"":                         "",
		"2+2":                      "2+2",
		" =1":                      " =1",
	}
	for in, want := range cases {
		if got := textclean.CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
	rec := textclean.CSVRecord([]string{"=1", "ok"})
	if rec[0] != "'=1" || rec[1] != "ok" {
		t.Errorf("CSVRecord = %q", rec)
	}
}
