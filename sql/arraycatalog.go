package sql

import "github.com/drovedb/drove/types"

// columnArrayTypes are the array types a column can have, in pg_type's order of their OIDs.
var columnArrayTypes = []types.Type{types.BoolArray, types.ByteaArray, types.Int16Array, types.Int32Array,
	types.TextArray, types.Int64Array, types.Float32Array, types.Float64Array, types.TimestampArray,
	types.DateArray, types.TimeArray, types.TimestamptzArray, types.IntervalArray, types.NumericArray,
	types.TimeTZArray, types.UUIDArray, types.JSONBArray}

// arrayTypeRows are pg_type's rows of the array types: _int4 and the others, named after
// their element type with an underscore, as PostgreSQL names them.
func arrayTypeRows() [][]types.Value {
	rows := make([][]types.Value, 0, len(columnArrayTypes))
	for _, t := range columnArrayTypes {
		rows = append(rows, []types.Value{oidVal(int64(t.OID())), text(typeNameOf(t.OID())), oidVal(oidPgCatalog),
			int32Val(-1), text("b"), boolVal(false), int32Val(-1), oidVal(0), oidVal(collationOf(t.Elem()))})
	}
	return rows
}

// typeNameOf is pg_type.typname of a type OID: int4, varchar, _text.
func typeNameOf(oid uint32) string {
	switch oid {
	case 1043:
		return "varchar"
	case 1042:
		return "bpchar"
	}
	if t := types.FromOID(oid); t.IsArray() && t != types.Int2Vector && t.OID() == oid {
		return "_" + typeNameOf(t.Elem().OID())
	}
	for name, t := range pgTypes {
		if t.oid == int64(oid) && t.cat != 'P' {
			return name
		}
	}
	return types.FromOID(oid).String()
}
