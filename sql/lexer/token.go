package lexer

import (
	"fmt"
	"unicode/utf8"
)

// Kind is what a token is.
type Kind uint8

// The kinds of token.
const (
	EOF         Kind = iota
	Ident            // an unquoted identifier or keyword; Value is folded and truncated
	QuotedIdent      // "..." or U&"..."; Value is the decoded name
	String           // '...', E'...', N'...', U&'...' or $tag$...$tag$; Value is decoded
	BitString        // B'...'; Value is the text between the quotes
	HexString        // X'...'; Value is the text between the quotes
	Integer          // digits only; Value is the text
	Numeric          // digits with a decimal point or an exponent; Value is the text
	Param            // $n; Value is the digits
	Op               // an operator, one character or several; Value is the text
	Punct            // , ( ) [ ] ; : . :: := ..; Value is the text
	Other            // any other character, which PostgreSQL's grammar refuses
)

var kindNames = [...]string{"EOF", "Ident", "QuotedIdent", "String", "BitString", "HexString",
	"Integer", "Numeric", "Param", "Op", "Punct", "Other"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Token is one token: its kind, its value and the bytes [Pos, End) of the text it came from.
type Token struct {
	Kind     Kind
	Pos, End int
	Value    string
}

// Text returns the token's source text in src, the text it was lexed from.
func (t Token) Text(src string) string { return src[t.Pos:t.End] }

// Is reports whether the token is the keyword (or unquoted identifier) kw, given in lower case.
func (t Token) Is(kw string) bool { return t.Kind == Ident && t.Value == kw }

// IsPunct reports whether the token is the punctuation or operator p.
func (t Token) IsPunct(p string) bool { return (t.Kind == Punct || t.Kind == Op) && t.Value == p }

// Error is a lexical error as PostgreSQL reports it.
type Error struct {
	Code    string // SQLSTATE: 42601 for syntax, 22021 for encoding, 22025 for escapes
	Message string // without the "at or near" suffix
	// Near is the text PostgreSQL quotes after "at or near"; empty when the message has no
	// such suffix, unless AtEnd.
	Near  string
	AtEnd bool   // the message ends "at end of input"
	Hint  string // PostgreSQL's HINT, if any
	Pos   int    // byte offset PostgreSQL reports as the error's position; negative: none
}

func (e *Error) Error() string {
	switch {
	case e.AtEnd:
		return e.Message + " at end of input"
	case e.Near != "":
		return e.Message + ` at or near "` + e.Near + `"`
	}
	return e.Message
}

// Position is the error's position as PostgreSQL reports it: 1-based, in characters of src.
func (e *Error) Position(src string) int {
	if e.Pos < 0 {
		return 0
	}
	if e.Pos > len(src) {
		return utf8.RuneCountInString(src) + 1
	}
	return utf8.RuneCountInString(src[:e.Pos]) + 1
}

func syntaxError(msg string, pos int, near string) *Error {
	return &Error{Code: "42601", Message: msg, Near: near, Pos: pos}
}
