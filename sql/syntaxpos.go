package sql

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
)

// Syntax errors in PostgreSQL's shape: `syntax error at or near "X"` (X the token's text as
// the client wrote it) or `syntax error at end of input`, with Position the 1-based character
// offset of that token in the query string as the client sent it. Each part of the front end
// reads a different text (the dialect pass the query string, the statement parsers a
// statement's PostgreSQL text, vitess the rewritten text), so an error is raised with a byte
// offset into the text its parser read (Error.at) and parse (statement.go) maps that back to
// the query string, where the message is written from the original token.

// syntaxErrorIn is PostgreSQL's syntax error at the token that starts at or after byte offset
// off of q: the end of input when there is none.
func syntaxErrorIn(q string, off int) *Error {
	if off < len(q) {
		if t, err := lexer.At(q, off); err == nil && t.Kind != lexer.EOF {
			return &Error{Code: "42601", Message: `syntax error at or near "` + t.Text(q) + `"`,
				Position: charPosition(q, t.Pos)}
		}
	}
	return &Error{Code: "42601", Message: "syntax error at end of input", Position: utf8.RuneCountInString(q) + 1}
}

// charPosition is byte offset off of q as PostgreSQL's 1-based character position.
func charPosition(q string, off int) int {
	if off > len(q) {
		off = len(q)
	}
	return utf8.RuneCountInString(q[:off]) + 1
}

// isPGSyntaxMessage reports whether msg is one of PostgreSQL's syntax error messages, which
// always come with a position.
func isPGSyntaxMessage(msg string) bool {
	return strings.HasPrefix(msg, "syntax error at or near ") && !strings.HasSuffix(msg, jsonpathInput) ||
		msg == "syntax error at end of input"
}

// jsonpathInput ends the jsonpath parser's syntax errors, which name a token of a jsonpath
// literal's text, not of the query.
const jsonpathInput = " of jsonpath input"

// nearError is PostgreSQL's syntax error naming a token as written: Go's %q would escape
// some ("\x1f", a backslash), and locateNamed finds the token by the text the message names.
func nearError(tok string) *Error {
	return Errorf("42601", "syntax error at or near \"%s\"", tok)
}

// atEnd is the place of an error at the end of the text a statement parser read.
const atEnd = 1 << 30

// errorAt returns err with the byte offset off (0-based) of the text its parser read, for
// parse to map to the query string; an error that already has a place keeps it.
func errorAt(err error, off int) error {
	var e *Error
	if errors.As(err, &e) && e.at == 0 && e.Position == 0 {
		e.at = off + 1
	}
	return err
}

// locate maps the place an error of the dialect pass names (e.at, a byte offset into q) to
// the query string's character position, rewriting a PostgreSQL-shaped message from the
// original token. Errors without a place are returned as they are.
func locateIn(err error, q string) error {
	var e *Error
	if !errors.As(err, &e) || e.at == 0 || e.Position != 0 {
		return err
	}
	off := e.at - 1
	e.at = 0
	if e.Code == "42601" && strings.HasPrefix(e.Message, "syntax error") {
		// PostgreSQL's shape, at the token the error was found at, for drove's own wordings
		// too ("syntax error in USING list").
		pe := syntaxErrorIn(q, off)
		e.Message, e.Position = pe.Message, pe.Position
		return err
	}
	e.Position = charPosition(q, off)
	return err
}

// origError maps an error a statement parser raised at a byte offset of p.orig; one raised
// without a place goes to the first token it names.
func (p piece) origError(err error) error {
	var e *Error
	if !errors.As(err, &e) || e.Position != 0 {
		return err
	}
	if e.at == 0 && e.seek != nil {
		if off, ok := e.seek.find(p.q, p.origAt, p.origAt+len(p.orig)); ok {
			pe := syntaxErrorIn(p.q, off)
			e.Message, e.Position, e.seek = pe.Message, pe.Position, nil
		}
		return err
	}
	if e.at == 0 {
		return locateNamed(err, p.q, p.origAt, p.origAt+len(p.orig))
	}
	e.at += p.origAt
	if end := p.origAt + len(p.orig); e.at-1 > end {
		e.at = end + 1 // the statement's end: its ';' or the end of the query string
	}
	return locateIn(err, p.q)
}

// posMark ties a place in the dialect pass's output to the query string's token it came
// from: out is where the token's rewrite begins in the statement's output, in its offset in
// the query string.
type posMark struct{ out, in int }

// vitessError turns an error of vitess's parser on p's rewritten text (after the first skip
// bytes of its RETURNING list's "select " when returning) into PostgreSQL's syntax error at
// the query string's token that the failing one was written for.
func (p piece) vitessError(err error, text string, returning bool) error {
	var pe sqlparser.PositionedErr
	if !errors.As(err, &pe) || p.q == "" {
		return syntaxError(err) // refused after parsing (too deep), or a parser panic
	}
	// pe.Pos-1 is the end of the token vitess failed at; at the end of the text it is also
	// where vitess's end of input is, which parsing the text with a space more tells apart.
	end := pe.Pos - 1
	if end >= len(text) {
		if _, err2 := parseStatement(text + " "); err2 != nil && errors.As(err2, &pe) && pe.Pos-1 > len(text) {
			return p.endError()
		}
		end = len(text)
	}
	marks, lead, retLead := rewriteMarks(p)
	if returning {
		end += retLead - len("select ")
	} else {
		end += lead
	}
	in := -1
	for _, m := range marks {
		if m.out >= end {
			break
		}
		in = m.in
	}
	if in < 0 {
		return syntaxError(err)
	}
	// The message is written from the query string's token (locateIn).
	e := &Error{Code: "42601", Message: "syntax error at end of input", at: in + 1}
	if pe.Err != "syntax error" {
		e.Message = pe.Err // a message of vitess's own, at its place
	}
	return locateIn(e, p.q)
}

// endError is PostgreSQL's syntax error at the end of p: its ';', or the end of input.
func (p piece) endError() error {
	return syntaxErrorIn(p.q, p.origAt+len(p.orig))
}

// rewriteMarks runs the dialect pass over p's query string again, recording where each token's
// rewrite begins in p's output, and how many bytes of that output TrimSpace cut from the front
// of p.sql and of p.returning. It runs only for an error, so the pass itself records nothing.
func rewriteMarks(p piece) (marks []posMark, lead, retLead int) {
	r := &rewriter{q: p.q, returningAt: -1, fullJoinAt: -1, aheadAt: -1, track: true}
	if _, err := r.run(); err != nil || p.index >= len(r.out) {
		return nil, 0, 0
	}
	got := r.out[p.index]
	return got.marks, got.lead, got.retLead
}

// locateBindError places a syntax error the binder found (which reads vitess's tree, without
// positions) at the first token of the statement's text it names: `syntax error at or near
// "NULLS"` at the statement's NULLS. The dialect pass refuses what it can see at its place;
// this is for what only the tree shows.
func (st *Statement) locateBindError(err error) error {
	if st.src == "" {
		return err
	}
	return locateNamed(err, st.src, st.srcAt, st.srcEnd)
}

// locateNamed gives a PostgreSQL-shaped syntax error without a place the position of the
// first token of q[from:to] it names.
func locateNamed(err error, q string, from, to int) error {
	var e *Error
	if !errors.As(err, &e) || e.Code != "42601" || e.Position != 0 || e.at != 0 {
		return err
	}
	near, ok := strings.CutPrefix(e.Message, "syntax error at or near ")
	if !ok || strings.HasSuffix(near, jsonpathInput) {
		return err
	}
	for off := from; off < to; {
		t, lexErr := lexer.At(q, off)
		if lexErr != nil || t.Kind == lexer.EOF || t.Pos >= to {
			break
		}
		if strings.EqualFold(`"`+t.Text(q)+`"`, near) {
			e.Position = charPosition(q, t.Pos)
			return err
		}
		off = t.End
	}
	// vitess names a string literal by its contents ("0" for '0'): the first string token
	// with them, named as written.
	for off := from; off < to; {
		t, lexErr := lexer.At(q, off)
		if lexErr != nil || t.Kind == lexer.EOF || t.Pos >= to {
			break
		}
		if t.Kind == lexer.String && `"`+t.Value+`"` == near {
			e.Message, e.Position = nearError(t.Text(q)).Message, charPosition(q, t.Pos)
			return err
		}
		off = t.End
	}
	return err
}

// invalidUTF8 is PostgreSQL's error for the first invalid UTF-8 sequence of q: its bytes as
// far as its first byte says it goes (pg_utf_mblen), as report_invalid_encoding prints them.
func invalidUTF8(q string) error {
	i := 0
	for i < len(q) {
		r, size := utf8.DecodeRuneInString(q[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	n := 1
	switch c := q[min(i, len(q)-1)]; {
	case c&0xe0 == 0xc0:
		n = 2
	case c&0xf0 == 0xe0:
		n = 3
	case c&0xf8 == 0xf0:
		n = 4
	}
	var hex []string
	for k := i; k < len(q) && k < i+n; k++ {
		hex = append(hex, fmt.Sprintf("0x%02x", q[k]))
	}
	return Errorf("22021", "invalid byte sequence for encoding \"UTF8\": %s", strings.Join(hex, " "))
}

// seekWords places an error found in a parsed tree in the text: the first place where one of
// seqs (folded words) starts, at its word at.
type seekWords struct {
	seqs [][]string
	at   int
}

// find returns the byte offset in q of the word the error is at, searching q[from:to].
func (s *seekWords) find(q string, from, to int) (int, bool) {
	var toks []lexer.Token
	for off := from; off < to; {
		t, err := lexer.At(q, off)
		if err != nil || t.Kind == lexer.EOF || t.Pos >= to {
			break
		}
		toks = append(toks, t)
		off = t.End
	}
	for i := range toks {
		for _, seq := range s.seqs {
			if i+len(seq) > len(toks) {
				continue
			}
			match := true
			for k, w := range seq {
				if !toks[i+k].Is(w) {
					match = false
					break
				}
			}
			if match {
				return toks[i+min(s.at, len(seq)-1)].Pos, true
			}
		}
	}
	return 0, false
}
