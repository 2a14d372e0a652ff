package sql

import (
	"strings"

	"github.com/drovedb/drove/types"
)

// pg_attribute's rows, for tables and for indexes (psql's \d of an index lists its columns
// from there, with pg_index.indnkeyatts saying which are keys), with the storage columns
// \d+ shows.

// attributeRow is pg_attribute's row for column c, the n-th of relation rel.
func attributeRow(rel int64, c types.Column, n int, notNull, hasDef bool) []types.Value {
	typmod := c.Typmod()
	typ := columnTypeOID(c)
	return []types.Value{oidVal(rel), text(c.Name), oidVal(int64(typ)), int32Val(n), int32Val(int(c.Type.Size())),
		int32Val(typmod), boolVal(notNull), boolVal(hasDef), boolVal(false), text(""), text(""),
		oidVal(collationOf(c.Type)), text(typeStorage(typ)), text(""), int32Val(-1)}
}

// typeStorage is pg_type.typstorage of a column type: variable-length ones are TOASTable
// ('x', extended), numeric is 'm' (main), fixed-length ones 'p' (plain).
func typeStorage(oid uint32) string {
	switch oid {
	case 17, 25, 1042, 1043: // bytea, text, bpchar, varchar
		return "x"
	case 1700:
		return "m"
	}
	return "p"
}

// indexAttributeRows are pg_attribute's rows of every index's columns.
func (s *Session) indexAttributeRows() (rows [][]types.Value) {
	for _, t := range s.ts.Tables() {
		for _, ix := range catalogIndexes(t) {
			for i := range ix.columns {
				rows = append(rows, attributeRow(objectOID("index", ix.name), ix.partColumn(i), i+1, false, false))
			}
			for i, c := range ix.include {
				rows = append(rows, attributeRow(objectOID("index", ix.name), t.Columns[c], len(ix.columns)+i+1, false, false))
			}
		}
	}
	return rows
}

// castStringDefault writes a string-typed column's default that is a bare string literal
// with its type, as PostgreSQL stores it ('x'::text, 'x'::character varying, 'x'::bpchar):
// psql's \d shows pg_get_expr's text. Literals of other types are normalized by PostgreSQL
// to their type's output form, which is not done here.
func castStringDefault(def string, c types.Column) string {
	if c.Type != types.Text || len(def) < 2 || def[0] != '\'' || def[len(def)-1] != '\'' ||
		strings.Contains(strings.ReplaceAll(def[1:len(def)-1], "''", ""), "'") {
		return def
	}
	switch columnTypeOID(c) {
	case 1043:
		return def + "::character varying"
	case 1042:
		return def + "::bpchar"
	}
	return def + "::text"
}
