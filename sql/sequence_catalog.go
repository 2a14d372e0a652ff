package sql

import (
	"strconv"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Sequences in the catalogs: pg_class rows of relkind 'S' (psql's \ds), pg_sequence, the
// pg_sequences view, information_schema.sequences, and SELECT * FROM a sequence.

func int64Val(i int64) types.Value { return types.NewInt(types.Int64, i) }

// sequences lists the tablespace's sequences for a catalog; an error reads as none.
func (s *Session) sequences() []tablespace.SequenceState {
	seqs, err := s.ts.Sequences()
	if err != nil {
		s.ts.Logger().Warn("could not list sequences", "err", err)
	}
	return seqs
}

// sequenceClassRows are pg_class's rows for the sequences, made by rel (pg_class's row
// builder: oid, name, access method, relkind, tuples, attributes).
func (s *Session) sequenceClassRows(rel func(oid int64, name string, am int64, kind string, tuples, natts int) []types.Value) [][]types.Value {
	var rows [][]types.Value
	for _, sq := range s.sequences() {
		rows = append(rows, rel(sequenceOID(sq.Name), sq.Name, 0, "S", 1, 3))
	}
	return rows
}

// sequenceRelation is a sequence read as a table: one row of last_value, log_cnt and
// is_called; nil if name is no sequence.
func (s *Session) sequenceRelation(name string) *systemTable {
	if _, ok, _ := s.ts.SequenceByName(name); !ok {
		return nil
	}
	return &systemTable{
		schema: sysSchema(name, bigCol("last_value"), bigCol("log_cnt"), boolCol("is_called")),
		rows: func(s *Session) [][]types.Value {
			sq, ok, err := s.ts.SequenceByName(name)
			if err != nil || !ok {
				return nil
			}
			return [][]types.Value{{int64Val(sq.Last), int64Val(sq.LogCount), boolVal(sq.Called)}}
		},
	}
}

func init() {
	// pg_depend holds what psql's \d of a sequence reads: the column that owns it.
	systemTables["pg_catalog.pg_depend"] = &systemTable{
		schema: sysSchema("pg_depend", oidCol("classid"), oidCol("objid"), intCol("objsubid"), oidCol("refclassid"),
			oidCol("refobjid"), intCol("refobjsubid"), textCol("deptype")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, sq := range s.sequences() {
				t, ok := s.ts.Schema(sq.OwnedTable)
				if sq.OwnedTable == "" || !ok || t.ColumnIndex(sq.OwnedColumn) < 0 {
					continue
				}
				rows = append(rows, []types.Value{oidVal(catalogOIDs["pg_class"]), oidVal(sequenceOID(sq.Name)), int32Val(0),
					oidVal(catalogOIDs["pg_class"]), oidVal(objectOID("table", t.Name)),
					int32Val(attnum(t, t.ColumnIndex(sq.OwnedColumn))), text(depType(s.identitySequence(sq)))})
			}
			return rows
		},
	}
	systemTables["pg_catalog.pg_sequence"] = &systemTable{
		schema: sysSchema("pg_sequence", oidCol("seqrelid"), oidCol("seqtypid"), bigCol("seqstart"),
			bigCol("seqincrement"), bigCol("seqmax"), bigCol("seqmin"), bigCol("seqcache"), boolCol("seqcycle")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, sq := range s.sequences() {
				rows = append(rows, []types.Value{oidVal(sequenceOID(sq.Name)), oidVal(int64(sq.Type.OID())),
					int64Val(sq.Start), int64Val(sq.Increment), int64Val(sq.Max), int64Val(sq.Min), int64Val(sq.Cache),
					boolVal(sq.Cycle)})
			}
			return rows
		},
	}
	systemTables["pg_catalog.pg_sequences"] = &systemTable{
		schema: sysSchema("pg_sequences", textCol("schemaname"), textCol("sequencename"), textCol("sequenceowner"),
			textCol("data_type"), bigCol("start_value"), bigCol("min_value"), bigCol("max_value"),
			bigCol("increment_by"), boolCol("cycle"), bigCol("cache_size"), bigCol("last_value")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, sq := range s.sequences() {
				last := int64Val(sq.Last)
				if !sq.Called {
					last = nullOf(types.Int64)
				}
				rows = append(rows, []types.Value{text("public"), text(sq.Name), text(s.ownerName()),
					text(seqTypeName(sq.Type)), int64Val(sq.Start), int64Val(sq.Min), int64Val(sq.Max),
					int64Val(sq.Increment), boolVal(sq.Cycle), int64Val(sq.Cache), last})
			}
			return rows
		},
	}
	systemTables["information_schema.sequences"] = &systemTable{
		schema: sysSchema("sequences", textCol("sequence_catalog"), textCol("sequence_schema"), textCol("sequence_name"),
			textCol("data_type"), intCol("numeric_precision"), intCol("numeric_precision_radix"), intCol("numeric_scale"),
			textCol("start_value"), textCol("minimum_value"), textCol("maximum_value"), textCol("increment"),
			textCol("cycle_option")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, sq := range s.sequences() {
				if s.identitySequence(sq) {
					continue // PostgreSQL leaves an identity column's sequence out
				}
				bits := map[types.Type]int{types.Int16: 16, types.Int32: 32}[sq.Type]
				if bits == 0 {
					bits = 64
				}
				str := func(i int64) types.Value { return text(strconv.FormatInt(i, 10)) }
				rows = append(rows, []types.Value{text(s.set.database), text("public"), text(sq.Name),
					text(seqTypeName(sq.Type)), int32Val(bits), int32Val(2), int32Val(0), str(sq.Start), str(sq.Min),
					str(sq.Max), str(sq.Increment), text(yesNo(sq.Cycle))})
			}
			return rows
		},
	}
}

// identitySequence reports whether sq is an identity column's own sequence (the one its
// DEFAULT draws from inside drove), not one merely OWNED BY the column.
func (s *Session) identitySequence(sq tablespace.SequenceState) bool {
	t, ok := s.ts.Schema(sq.OwnedTable)
	if sq.OwnedTable == "" || !ok {
		return false
	}
	i := t.ColumnIndex(sq.OwnedColumn)
	if i < 0 || t.Columns[i].Identity == 0 || !isSerialDefault(t.Columns[i].Default) {
		return false
	}
	name, _, err := serialSequence(t.Columns[i].Default)
	return err == nil && name == sq.Name
}

// depType is pg_depend.deptype of a sequence on its column: 'i' (internal) for an identity
// column's, 'a' (auto) for a serial or OWNED BY one.
func depType(identity bool) string {
	if identity {
		return "i"
	}
	return "a"
}
