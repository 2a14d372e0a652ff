package sql

import (
	"strconv"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Identity columns in the catalogs, as PostgreSQL shows them: pg_attribute.attidentity 'a'
// or 'd' and no pg_attrdef row (psql's \d prints "generated always as identity" for it),
// information_schema.columns' column_default NULL and its identity_* columns read from the
// column's sequence. The sequence is still the column's DEFAULT inside drove.

// identityCode is pg_attribute.attidentity of column c.
func identityCode(c types.Column) string {
	switch c.Identity {
	case types.IdentityAlways:
		return "a"
	case types.IdentityByDefault:
		return "d"
	}
	return ""
}

// catalogDefault is the DEFAULT the catalogs show for column c: none for an identity column.
func catalogDefault(c types.Column) string {
	if c.Identity != 0 {
		return ""
	}
	return c.Default
}

// attrdefText is pg_attrdef's expression of column c, as pg_get_expr prints it: its
// generation expression or its DEFAULT; "" for none.
func attrdefText(c types.Column) string {
	if c.Generated != "" {
		return defaultText(c.Generated)
	}
	if d := catalogDefault(c); d != "" {
		return castStringDefault(defaultText(d), c)
	}
	return ""
}

// generationInfo is information_schema.columns' is_generated and generation_expression of
// column c, printed as PostgreSQL's non-pretty deparser does (catalogExprText).
func generationInfo(c types.Column) []types.Value {
	if c.Generated == "" {
		return []types.Value{text("NEVER"), nullOf(types.Text)}
	}
	return []types.Value{text("ALWAYS"), text(catalogExprText(c.Generated))}
}

// identityInfo is information_schema.columns' identity_generation, identity_start,
// identity_increment, identity_maximum, identity_minimum and identity_cycle of column c of
// table t; seqs are the session's sequences (ownedSequence finds c's).
func identityInfo(t string, c types.Column, seqs []tablespace.SequenceState) []types.Value {
	null := nullOf(types.Text)
	out := []types.Value{null, null, null, null, null, text("NO")}
	if c.Identity == 0 {
		return out
	}
	out[0] = text("ALWAYS")
	if c.Identity == types.IdentityByDefault {
		out[0] = text("BY DEFAULT")
	}
	for _, sq := range seqs {
		if sq.OwnedTable == t && sq.OwnedColumn == c.Name {
			out[1], out[2] = text(strconv.FormatInt(sq.Start, 10)), text(strconv.FormatInt(sq.Increment, 10))
			out[3], out[4] = text(strconv.FormatInt(sq.Max, 10)), text(strconv.FormatInt(sq.Min, 10))
			out[5] = text(yesNo(sq.Cycle))
		}
	}
	return out
}
