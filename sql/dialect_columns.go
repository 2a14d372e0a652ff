package sql

import (
	"encoding/hex"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// columnState follows the column definitions of CREATE TABLE and rewrites a column's type
// name; done says it did.
func (r *rewriter) columnState(w string) (done bool, err error) {
	switch r.colState {
	case 1:
		r.colState, r.colAuto = 2, 0
		if tableConstraintWords[w] {
			r.colState = 0
		}
	case 2:
		r.colState = 0
		typ, n, ok, err := r.columnTypeName(w)
		if err != nil || !ok {
			return false, err
		}
		if strings.HasSuffix(typ, " auto_increment") {
			r.colAuto = 's'
		}
		r.b.WriteString(typ)
		r.keep(w)
		r.skip(n)
		return true, nil
	}
	return false, nil
}

// tableConstraintWords start a table constraint where a column definition could be.
var tableConstraintWords = map[string]bool{"primary": true, "constraint": true, "unique": true,
	"foreign": true, "check": true, "exclude": true, "like": true}

// columnTypeName rewrites a PostgreSQL column type that vitess does not know, starting with
// word w; n is how many tokens after w it took, and ok is false when w needs no rewriting.
// SERIAL types become the integer type with AUTO_INCREMENT, which the binder reads as a
// serial column.
func (r *rewriter) columnTypeName(w string) (typ string, n int, ok bool, err error) {
	switch w {
	case "int2":
		return "smallint", 0, true, nil
	case "int4":
		return "int", 0, true, nil
	case "int8":
		return "bigint", 0, true, nil
	case "smallserial", "serial2":
		return "smallint auto_increment", 0, true, nil
	case "serial", "serial4":
		return "int auto_increment", 0, true, nil
	case "bigserial", "serial8":
		return "bigint auto_increment", 0, true, nil
	case "character":
		if r.followedBy("varying") {
			return "varchar", 1, true, nil
		}
		return "char", 0, true, nil
	case "timestamp", "time":
		return r.timeColumnType(w)
	case "timestamptz":
		return "datetime", 0, true, nil // vitess's stand-in, read back by columnType
	case "uuid": // vitess has no uuid or jsonb; MySQL-only types stand in (see columnType)
		return "binary(16)", 0, true, nil
	case "jsonb":
		return "mediumblob", 0, true, nil
	case "interval":
		return r.intervalColumnType()
	case "timetz":
		return "blob", 0, true, nil // vitess's stand-in, read back by columnType
	case "double":
		if !r.followedBy("precision") {
			return "", 0, false, Errorf("42704", "type \"double\" does not exist")
		}
	}
	if mysqlOnlyTypes[w] {
		return "", 0, false, Errorf("42704", "type %q does not exist", w)
	}
	return "", 0, false, nil
}

// timeColumnType rewrites timestamp and time, with an optional precision and WITH or
// WITHOUT TIME ZONE, into vitess's types that take a precision: timestamp, time, and
// datetime and blob standing in for timestamptz and timetz (read back by columnType).
func (r *rewriter) timeColumnType(w string) (typ string, n int, ok bool, err error) {
	mod, n, err := r.typeModifier(0)
	if err != nil {
		return "", 0, false, err
	}
	with := r.peek(n).Is("with") && r.peek(n+1).Is("time") && r.peek(n+2).Is("zone")
	without := r.peek(n).Is("without") && r.peek(n+1).Is("time") && r.peek(n+2).Is("zone")
	switch {
	case with && w == "timestamp":
		return "datetime" + mod, n + 3, true, nil
	case with:
		return "blob" + mod, n + 3, true, nil
	case without:
		return w + mod, n + 3, true, nil
	}
	return "", 0, false, nil
}

// intervalColumnType rewrites interval with its optional fields and precision into
// vitess's year(typmod + 1), or year without them (read back by columnType).
func (r *rewriter) intervalColumnType() (typ string, n int, ok bool, err error) {
	fields, n, err := r.intervalFields(0)
	if err != nil {
		return "", 0, false, err
	}
	mod, m, err := r.typeModifier(n)
	if err != nil {
		return "", 0, false, err
	}
	if fields == "" && mod == "" {
		return "year", 0, true, nil
	}
	c, err := intervalTypmod(types.Column{Type: types.Interval}, fields, strings.Trim(mod, "()"))
	if err != nil {
		return "", 0, false, err
	}
	return "year(" + strconv.Itoa(c.Length) + ")", n + m, true, nil
}

func (r *rewriter) storageParamsNext() bool {
	return r.depth == 0 && r.isCreateTable() && r.nextIs("(")
}

// CREATE TABLE's WITH (name = value, ...): fillfactor is accepted (pages are written full and
// never updated in place, so it has nothing to change); other parameters are refused.
func emitStorageParams(r *rewriter, _ string) error {
	n := 1
	for {
		name, eq, value, end := r.peek(n), r.peek(n+1), r.peek(n+2), r.peek(n+3)
		if name.Kind == lexer.EOF || eq.Kind == lexer.EOF || value.Kind == lexer.EOF || end.Kind == lexer.EOF {
			return syntaxErrorIn(r.q, len(r.q)) // unterminated
		}
		if name.Kind != lexer.Ident || !eq.IsPunct("=") || !end.IsPunct(",") && !end.IsPunct(")") {
			return unsupported("storage parameter %q", name.Text(r.q))
		}
		if name.Value != "fillfactor" {
			return unsupported("storage parameter %q", name.Value)
		}
		if v := value.Text(r.q); value.Kind != lexer.Integer || len(v) > 3 || atoi(v) < 10 || atoi(v) > 100 {
			return Errorf("22023", "value %s out of bounds for option \"fillfactor\"", v)
		}
		n += 4
		if end.IsPunct(")") {
			break
		}
	}
	r.skip(n)
	r.lastWord = ""
	return nil
}

// atoi is the value of a string of at most a few digits.
func atoi(s string) int {
	v := 0
	for _, c := range s {
		v = v*10 + int(c-'0')
	}
	return v
}

func (r *rewriter) identityNext() bool {
	return r.followedBy("always", "as", "identity") || r.followedBy("by", "default", "as", "identity")
}

// GENERATED ... AS IDENTITY: an identity column is a serial one here (see columnTypeName)
// whose kind, ALWAYS or BY DEFAULT, rides on a COMMENT option vitess keeps for the column
// (identityMarker; PostgreSQL has no column COMMENT clause, so none is the user's).
func emitIdentity(r *rewriter, _ string) error {
	n, kind := 3, "a"
	if r.followedBy("by") {
		n, kind = 4, "d"
	}
	r.skip(n)
	if r.colAuto != 0 {
		// A serial type or an identity clause before: the marker's kind says which, for
		// identityConflict's error (vitess keeps only the last COMMENT).
		kind = string(r.colAuto)
	}
	r.colAuto = 'i'
	if r.nextIs("(") {
		// The sequence options ride on the marker too, hex-encoded (no quote or backslash
		// vitess would read): CREATE TABLE read them before it moved to sql/parser's tree.
		opts, err := r.identityOptionsText()
		if err != nil {
			return err
		}
		kind += " " + hex.EncodeToString([]byte(opts))
	}
	r.b.WriteString("auto_increment comment '" + identityMarker + kind + "'")
	r.words = append(r.words, "auto_increment")
	r.lastWord = ""
	return nil
}

// identityOptionsText reads an identity column's parenthesized sequence options, the next
// tokens, and returns their text; an empty list is PostgreSQL's syntax error at ")".
func (r *rewriter) identityOptionsText() (string, error) {
	open := r.peek(0)
	depth := 0
	for k := 0; ; k++ {
		t := r.peek(k)
		switch {
		case t.Kind == lexer.EOF:
			return "", r.syntaxErrorAt(t)
		case t.IsPunct("("):
			depth++
		case t.IsPunct(")"):
			depth--
		}
		if depth > 0 {
			continue
		}
		if k == 1 {
			return "", r.syntaxErrorAt(t)
		}
		r.skip(k + 1)
		return r.q[open.End:t.Pos], nil
	}
}
