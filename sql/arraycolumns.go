package sql

import (
	"errors"

	"strings"
	"time"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// Array columns. vitess has no array types, so the dialect pass writes a column type's
// brackets (int[], text[][], varchar(10)[3]) as a COLLATE clause naming arrayColumnMarker
// after the element type; ALTER TABLE ADD COLUMN reads it back as the array of that type (CREATE TABLE reads
// sql/parser's tree, create_tree.go). PostgreSQL
// neither checks an array column's declared dimensions nor its sizes, and neither does drove:
// int[][] and int[3] are int[].

// arrayTypeWords are the words a column type can end with: ARRAY after one of them (or after
// a type's closing parenthesis) makes the column an array, as [] does.
var arrayTypeWords = map[string]bool{"int": true, "integer": true, "int2": true, "int4": true, "int8": true,
	"smallint": true, "bigint": true, "real": true, "float": true, "float4": true, "float8": true, "precision": true,
	"boolean": true, "bool": true, "text": true, "varchar": true, "char": true, "character": true, "varying": true,
	"numeric": true, "decimal": true, "date": true, "time": true, "timestamp": true, "timestamptz": true,
	"timetz": true, "zone": true, "uuid": true, "bytea": true, "json": true, "jsonb": true, "interval": true}

// arrayColumnWord matches ARRAY after a column type in CREATE TABLE or ALTER TABLE: int ARRAY,
// int ARRAY[4].
func (r *rewriter) arrayColumnWord() bool {
	if !r.isCreateTable() && (len(r.words) == 0 || r.words[0] != "alter") {
		return false
	}
	return r.prev.Kind == lexer.Ident && arrayTypeWords[r.prev.Value] || r.prev.IsPunct(")")
}

// emitArrayColumnWord writes ARRAY [n] after a column type as the array marker.
func emitArrayColumnWord(r *rewriter, _ string) error {
	if !r.nextIs("[") {
		r.b.WriteString(" collate '\\0[]'")
		return nil
	}
	r.skip(1)
	return r.arrayColumnType()
}

// arrayColumnType rewrites the brackets after a column type, at r's "[", into the COLLATE
// marker: every [] or [n] that follows.
func (r *rewriter) arrayColumnType() error {
	k := 0
	for {
		if r.peek(k).Kind == lexer.Integer {
			k++
		}
		if !r.peek(k).IsPunct("]") {
			return r.syntaxErrorAt(r.peek(k))
		}
		k++
		if !r.peek(k).IsPunct("[") {
			break
		}
		k++
	}
	r.b.WriteString(` collate '\0[]'`)
	r.skip(k)
	return nil
}

// arrayColumn turns c, read from a column type followed by the array marker, into the
// array column of c's type.
func arrayColumn(c types.Column) (types.Column, error) {
	at := types.ArrayOf(c.Type)
	if at == types.Null {
		return c, unsupported("arrays of type %s", c.Type)
	}
	if c.Length != 0 || c.Fixed {
		return c, unsupported("arrays of %s with a length", c.Type)
	}
	return types.Column{Name: c.Name, Type: at}, nil
}

// parseArrayIn reads the text form of an array of type t, each element as parseTextAt reads
// it (so an element's error is its type's: 22003 for an int2 out of range), a timestamptz
// without a zone in loc. A malformed array is 22P02; a multi-dimensional one 0A000.
func parseArrayIn(s string, t types.Type, loc *time.Location) (types.Value, error) {
	return parseArrayAt(s, t, loc, time.Now(), types.DateOrderMDY)
}

// parseArrayAt is parseArrayIn with now as what an element 'now' or 'today' means.
func parseArrayAt(s string, t types.Type, loc *time.Location, now time.Time, order types.DateOrder) (types.Value, error) {
	if inner := strings.TrimLeft(s, " \t\n\r\v\f"); strings.HasPrefix(inner, "{") &&
		strings.HasPrefix(strings.TrimLeft(inner[1:], " \t\n\r\v\f"), "{") {
		return types.Value{}, Errorf("0A000", "multidimensional arrays are not supported: %q", s)
	}
	var elemErr error
	v, err := types.ParseArrayWith(s, t, func(e string) (types.Value, error) {
		v, err := parseTextAt(e, t.Elem(), loc, now, order)
		elemErr = err
		return v, err
	})
	switch {
	case elemErr != nil:
		return v, elemErr
	case errors.Is(err, types.ErrArrayTooLarge):
		return v, Errorf("54000", "%v", err)
	case errors.Is(err, types.ErrArrayBounds):
		return v, Errorf("2202E", "%v", err)
	case err != nil:
		return v, Errorf("22P02", "%v", err)
	}
	return v, nil
}

// assignArray stores an array in an array column of another element type, element by
// element as assignment converts them (int[] into a smallint[] column, range-checked). An
// element type that does not convert is the caller's 42804 for the whole array.
func assignArray(v types.Value, c *types.Column) (types.Value, error) {
	elems, err := arrayElems(v)
	if err != nil {
		return types.Value{}, err
	}
	ec := types.Column{Name: c.Name, Type: c.Type.Elem()}
	for i, e := range elems {
		if e.IsNull() {
			continue
		}
		if elems[i], err = assign(e, e.T, false, &ec); err != nil {
			return types.Value{}, err
		}
	}
	return types.NewArrayAt(c.Type, v.ArrayLower(), elems), nil
}

// isCode reports whether err is a SQL error with SQLSTATE code.
func isCode(err error, code string) bool {
	e, ok := err.(*Error)
	return ok && e.Code == code
}
