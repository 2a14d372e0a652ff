package lexer

import (
	"strings"
	"testing"
)

// FuzzLex checks that lexing never panics, that tokens are slices of the input in order, and
// that re-lexing the tokens' source texts joined by single spaces gives the same tokens.
func FuzzLex(f *testing.F) {
	for _, s := range []string{`select 1`, `'a''b' E'\n\x41\u00e9' $q$x$q$ "Q""i"`, "a+-b -- c\n/* /* */ */",
		`1.5e3 .5 $1 :: := .. U&'\0041' uescape '!' B'1' X'f'`, "'a'\n'b'", `a@-b <=> ~~*`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		toks, err := Lex(in)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v", err, err)
			}
			return
		}
		prev := 0
		var texts []string
		for _, tk := range toks {
			if tk.Pos < prev || tk.End <= tk.Pos || tk.End > len(in) {
				t.Fatalf("token %+v out of order after %d", tk, prev)
			}
			if len(tk.Value) > tk.End-tk.Pos {
				t.Fatalf("value of %+v longer than its text", tk)
			}
			prev = tk.End
			texts = append(texts, tk.Text(in))
		}
		again, err := Lex(strings.Join(texts, " "))
		if err != nil {
			t.Fatalf("re-lex: %v", err)
		}
		if show(again) != show(toks) {
			t.Fatalf("re-lex:\n got %s\nwant %s", show(again), show(toks))
		}
	})
}
