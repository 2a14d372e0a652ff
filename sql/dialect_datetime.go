package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
)

// The date/time syntax vitess does not parse: typed literals TYPE 'text' (INTERVAL '1 day',
// TIMESTAMPTZ '...', TIMESTAMP WITH TIME ZONE '...', TIMETZ '...', TIME WITH TIME ZONE '...',
// and the other types', VARCHAR(3) 'abc', NUMERIC(5,2) '1.2'), EXTRACT(field FROM
// x) with PostgreSQL's fields, and x AT TIME ZONE z.

// atZoneMarker stands between the operands of AT TIME ZONE, written x ^ marker ^ z: vitess's
// ^ binds tighter than * as AT does in PostgreSQL, and user text's ^ never reaches vitess
// (it is refused as an unsupported operator).
const atZoneMarker = markerStart + "at time zone"

func init() {
	for _, rule := range []struct {
		words string
		wordRule
	}{
		// DATE, TIMESTAMP and TIME too, though vitess parses them: its literal has no column
		// name, PostgreSQL's is the type's (date, timestamp, time).
		{"interval timestamptz timetz json jsonb jsonpath int2 int4 int8 smallint integer int bigint bool boolean text uuid date timestamp time",
			wordRule{"typed-literal", stringNext(0), emitTypedLiteral(0)}},
		{"timestamp time", wordRule{"typed-literal-tz", func(r *rewriter) bool {
			return zoneWords(r, 0) == 3 && stringNext(3)(r)
		}, emitTypedLiteral(3)}},
		{"interval timestamp timestamptz time timetz", wordRule{"typed-literal-precision", func(r *rewriter) bool {
			return r.nextIs("(") && r.peek(1).Kind == lexer.Integer && r.peek(2).IsPunct(")") && stringNext(3+zoneWords(r, 3))(r)
		}, emitTypedLiteral(-3)}},
		{"extract", wordRule{"extract", extractNext, emitExtract}},
		{"at", wordRule{"at-time-zone", followedBy("time", "zone"), emitAtTimeZone}},
	} {
		for _, w := range strings.Fields(rule.words) {
			wordRules[w] = append(wordRules[w], rule.wordRule)
		}
	}
	// The types whose name takes more words or a modifier (varchar(3) 'abc', double
	// precision '1.5', numeric(5,2) '1.2'): the match reads the whole name.
	for _, w := range strings.Fields("char character varchar bpchar bytea double float real float4 float8 numeric decimal dec") {
		wordRules[w] = append(wordRules[w], wordRule{"typed-literal-name", typedLiteralNext(w), emitTypedLiteralName})
	}
}

// typedLiteralNext matches the rest of a type's name starting with w, then a string
// constant; not an array type, which PostgreSQL's typed literals do not take.
func typedLiteralNext(w string) func(r *rewriter) bool {
	return func(r *rewriter) bool {
		name, n, err := r.typeNameFrom(w, 0)
		return err == nil && !strings.HasSuffix(name, "[]") && stringNext(n)(r)
	}
}

// emitTypedLiteralName writes TYPE 'text' as the cast ('text')::TYPE; a bare char or
// character is bpchar here, of any length (PostgreSQL's AexprConst gives it no length).
func emitTypedLiteralName(r *rewriter, w string) error {
	typ, n, err := r.typeNameFrom(w, 0)
	if err != nil {
		return err
	}
	if typ == "char" || typ == "character" {
		typ = "bpchar"
	}
	r.startOperand()
	r.skip(n)
	return r.writeTypedLiteral(typ)
}

// zoneWords is 3 when WITH TIME ZONE or WITHOUT TIME ZONE is n tokens after a time or
// timestamp, else 0.
func zoneWords(r *rewriter, n int) int {
	if w := r.peek(n); (w.Is("with") || w.Is("without")) && r.peek(n+1).Is("time") && r.peek(n+2).Is("zone") {
		return 3
	}
	return 0
}

// stringNext matches a string constant n tokens after the word.
func stringNext(n int) func(r *rewriter) bool {
	return func(r *rewriter) bool { return r.peek(n).Kind == lexer.String }
}

// emitTypedLiteral writes TYPE 'text' (skipping words more words of the type's name, or
// with -3 the (p) after it) as the cast ('text')::type. An interval's qualifier after the
// text (INTERVAL '1' DAY, '1.5' SECOND(2)) goes into the type.
func emitTypedLiteral(words int) func(r *rewriter, w string) error {
	return func(r *rewriter, w string) error {
		typ, skip := w, words
		switch {
		case words == 3 && r.peek(0).Is("with"):
			typ = w + "tz" // TIMESTAMP WITH TIME ZONE, TIME WITH TIME ZONE
		case words == -3: // TYPE(p) [WITH[OUT] TIME ZONE] 'text'
			zone := zoneWords(r, 3)
			if zone > 0 && w != "timestamp" && w != "time" {
				return r.syntaxErrorAt(r.peek(3))
			}
			if zone > 0 && r.peek(3).Is("with") {
				typ = w + "tz"
			}
			typ, skip = typ+"("+r.peek(1).Value+")", 3+zone
		}
		r.startOperand()
		r.skip(skip)
		return r.writeTypedLiteral(typ)
	}
}

// writeTypedLiteral writes the string constant next, of type typ, as ('text')::typ. An
// interval's qualifier after the text (INTERVAL '1' DAY, '1.5' SECOND(2)) goes into the type.
func (r *rewriter) writeTypedLiteral(typ string) error {
	t := r.peek(0)
	r.skip(1)
	if typ == "interval" {
		fields, n, err := r.intervalFields(0)
		if err != nil {
			return err
		}
		if n > 0 {
			mod, m, err := r.typeModifier(n)
			if err != nil {
				return err
			}
			typ += " " + fields + mod
			r.skip(n + m)
		}
	}
	r.b.WriteString("(" + vitessString(t.Value))
	writeCast(&r.b, typ)
	r.b.WriteString(")")
	r.lastWord = ""
	return nil
}

// extractNext matches EXTRACT(field FROM.
func extractNext(r *rewriter) bool {
	k := r.peek(1).Kind
	return r.nextIs("(") && (k == lexer.Ident || k == lexer.String) && r.peek(2).Is("from")
}

// EXTRACT(field FROM x) → drove_extract('field', x).
func emitExtract(r *rewriter, _ string) error {
	r.startOperand()
	field := r.peek(1).Value
	r.skip(3)
	r.b.WriteString("drove_extract(" + vitessString(field) + ", ")
	r.pushParen(true)
	r.depth++
	r.lastWord = ""
	return nil
}

// x AT TIME ZONE z → x ^ marker ^ z (see atZoneMarker).
func emitAtTimeZone(r *rewriter, _ string) error {
	r.skip(2)
	r.b.WriteString(" ^ " + markerLiteral(atZoneMarker) + " ^ ")
	r.lastWord = ""
	return nil
}

// atTimeZoneOperands reads x and z back from x ^ marker ^ z; ok is false for any other ^.
func atTimeZoneOperands(e *sqlparser.BinaryExpr) (x, zone sqlparser.Expr, ok bool) {
	l, isBin := e.Left.(*sqlparser.BinaryExpr)
	if !isBin || l.Operator != sqlparser.BitXorOp {
		return nil, nil, false
	}
	m, isLit := l.Right.(*sqlparser.Literal)
	if !isLit || m.Val != atZoneMarker {
		return nil, nil, false
	}
	return l.Left, e.Right, true
}
