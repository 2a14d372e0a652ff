package lexer

import (
	"strings"
	"testing"
)

// tok is a token's kind and value, written as "Kind:value".
func show(toks []Token) string {
	var parts []string
	for _, t := range toks {
		parts = append(parts, t.Kind.String()+":"+t.Value)
	}
	return strings.Join(parts, " ")
}

// The expectations were checked against PostgreSQL 15 (psql on a throwaway server).
func TestLex(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		// identifiers
		{`Foo bar_1 x$y _z`, `Ident:foo Ident:bar_1 Ident:x$y Ident:_z`},
		{`ÄBC`, `Ident:Äbc`}, // only ASCII folds in UTF-8
		{`"Foo ""x"""`, `QuotedIdent:Foo "x"`},
		{strings.Repeat("a", 70), `Ident:` + strings.Repeat("a", 63)},
		{`"` + strings.Repeat("é", 40) + `"`, `QuotedIdent:` + strings.Repeat("é", 31)},
		{`U&"\0061b" u&"d!0061t" UESCAPE '!'`, `QuotedIdent:ab QuotedIdent:dat`},
		{`u &'x'`, `Ident:u Op:& String:x`},
		// strings
		{`'a''b' 'it\s'`, `String:a'b String:it\s`},
		{`E'a\'b\n\t\x41\101\q\\' e'\u00e9\U0001F600\ud83d\ude00'`, "String:a'b\n\tAAq\\ String:é😀😀"},
		{`N'x' B'101' X'1f' b'12'`, `String:x BitString:101 HexString:1f BitString:12`},
		{"'a' -- c\n  'b'", `String:ab`},
		{"'a'\n/* */ 'b'", `String:a String:b`},
		{"'a' 'b'", `String:a String:b`},
		{"E'a'\n'\\n'", "String:a\n"},
		{`U&'\0041\\' U&'!0041' uescape '!'`, `String:A\ String:A`},
		{`$$a'b$$ $q$c$r$ $q$ $q$$q$`, `String:a'b String:c$r$  String:`},
		// numbers and parameters
		{`1 12.5 .5 5. 1e5 1.e5 1E-3 1..2 1.5.3`, `Integer:1 Numeric:12.5 Numeric:.5 Numeric:5. Numeric:1e5 Numeric:1.e5 Numeric:1E-3 Integer:1 Punct:.. Integer:2 Numeric:1.5 Numeric:.3`},
		{`$1 $23::int $1.5 $1$ 1$`, `Param:1 Param:23 Punct::: Ident:int Param:1 Numeric:.5 Param:1 Other:$ Integer:1 Other:$`},
		// operators and punctuation
		{`a+-b`, `Ident:a Op:+ Op:- Ident:b`},
		{`a*-b a@-b a<=-b a<>b a!=b a=>b`, `Ident:a Op:* Op:- Ident:b Ident:a Op:@- Ident:b Ident:a Op:<= Op:- Ident:b Ident:a Op:<> Ident:b Ident:a Op:!= Ident:b Ident:a Op:=> Ident:b`},
		{"1 +-- c\n2", `Integer:1 Op:+ Integer:2`},
		{`a+/*c*/b a?|b a|/b ~~* %-`, `Ident:a Op:+ Ident:b Ident:a Op:?| Ident:b Ident:a Op:|/ Ident:b Op:~~* Op:%-`},
		{`( ) [ ] , ; : . :: := ..`, `Punct:( Punct:) Punct:[ Punct:] Punct:, Punct:; Punct:: Punct:. Punct::: Punct::= Punct:..`},
		{"a\\b{}\v", `Ident:a Other:\ Ident:b Other:{ Other:} Other:` + "\v"},
		// comments
		{"/* a /* b */ c */ x -- y\nz", `Ident:x Ident:z`},
		{"/*/ */ x", `Ident:x`},
	} {
		toks, err := Lex(c.in)
		if err != nil {
			t.Errorf("Lex(%q): %v", c.in, err)
			continue
		}
		if got := show(toks); got != c.want {
			t.Errorf("Lex(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

// TestLexErrors checks messages, SQLSTATEs and positions against PostgreSQL 15's.
func TestLexErrors(t *testing.T) {
	for _, c := range errorCases {
		_, err := Lex(c.in)
		e, ok := err.(*Error)
		if !ok {
			t.Errorf("Lex(%q) = %v, want %s %s", c.in, err, c.code, c.msg)
			continue
		}
		if e.Code != c.code || e.Error() != c.msg || e.Position(c.in) != c.pos {
			t.Errorf("Lex(%q) = %s %s at %d, want %s %s at %d", c.in, e.Code, e.Error(), e.Position(c.in), c.code, c.msg, c.pos)
		}
	}
}

var errorCases = []struct {
	in, code, msg string
	pos           int // PostgreSQL's 1-based character position
}{
	{`select 0x41`, "42601", `trailing junk after numeric literal at or near "0x41"`, 8},
	{`select 1_000`, "42601", `trailing junk after numeric literal at or near "1_000"`, 8},
	{`select 0o7`, "42601", `trailing junk after numeric literal at or near "0o7"`, 8},
	{`select 1e`, "42601", `trailing junk after numeric literal at or near "1e"`, 8},
	{`select 1e+x`, "42601", `trailing junk after numeric literal at or near "1e+"`, 8},
	{`select 1ex`, "42601", `trailing junk after numeric literal at or near "1ex"`, 8},
	{`select 1.2abc`, "42601", `trailing junk after numeric literal at or near "1.2abc"`, 8},
	{`select .5x`, "42601", `trailing junk after numeric literal at or near ".5x"`, 8},
	{`select 1e5x`, "42601", `trailing junk after numeric literal at or near "1e5x"`, 8},
	{`select $1abc`, "42601", `trailing junk after parameter at or near "$1abc"`, 8},
	{`select 'abc`, "42601", `unterminated quoted string at or near "'abc"`, 8},
	{`select é, e'abc`, "42601", `unterminated quoted string at or near "e'abc"`, 11},
	{`select /* a /* b */`, "42601", `unterminated /* comment at or near "/* a /* b */"`, 8},
	{`select "abc`, "42601", `unterminated quoted identifier at or near ""abc"`, 8},
	{`select ""`, "42601", `zero-length delimited identifier at or near """"`, 8},
	{`select $a$ x`, "42601", `unterminated dollar-quoted string at or near "$a$ x"`, 8},
	{`select e'\0'`, "22021", `invalid byte sequence for encoding "UTF8": 0x00`, 8},
	{`select e'\xff'`, "22021", `invalid byte sequence for encoding "UTF8": 0xff`, 8},
	{`select e'\777'`, "22021", `invalid byte sequence for encoding "UTF8": 0xff`, 8},
	{`select e'\u0000'`, "42601", `invalid Unicode escape value at or near "\u0000"`, 10},
	{`select e'\u12'`, "22025", `invalid Unicode escape`, 10},
	{`select e'\ud83d'`, "42601", `invalid Unicode surrogate pair at or near "'"`, 16},
	{`select u&'\zz'`, "42601", `invalid Unicode escape`, 11},
	{`select u&'ab\d83d'`, "42601", `invalid Unicode surrogate pair`, 18},
	{`select u&'x\0000'`, "42601", `invalid Unicode escape value`, 12},
	{`select u&'x' uescape`, "42601", `UESCAPE must be followed by a simple string literal at end of input`, 21},
	{`select u&'x' uescape 'ab'`, "42601", `invalid Unicode escape character at or near "'ab'"`, 22},
	{`select 1 ` + strings.Repeat("<", 64), "42601", `operator too long at or near "` + strings.Repeat("<", 64) + `"`, 10},
}

// TestPositions checks that tokens are slices of the input, in order.
func TestPositions(t *testing.T) {
	in := "SELECT \"A\", E'x' /* c */ FROM t WHERE a>=$1 -- e\n;"
	toks, err := Lex(in)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, tk := range toks {
		texts = append(texts, tk.Text(in))
	}
	want := `SELECT|"A"|,|E'x'|FROM|t|WHERE|a|>=|$1|;`
	if got := strings.Join(texts, "|"); got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestAt(t *testing.T) {
	in := "x <-1 E'a\\tb'\n'c' 1.5e3"
	for _, c := range []struct {
		pos     int
		kind    Kind
		value   string
		wantEnd int
	}{
		{2, Op, "<", 3},
		{3, Op, "-", 4},
		{6, String, "a\tbc", 17},
		{18, Numeric, "1.5e3", 23},
	} {
		tk, err := At(in, c.pos)
		if err != nil || tk.Kind != c.kind || tk.Value != c.value || tk.Pos != c.pos || tk.End != c.wantEnd {
			t.Errorf("At(%d) = %+v, %v; want %s %q ending at %d", c.pos, tk, err, c.kind, c.value, c.wantEnd)
		}
	}
}
