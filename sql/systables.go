package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/types"
)

// systemTable is a read-only table generated on each scan from the catalog (HerdDB's sys*
// tables). Its rows are small and few, so a scan builds them whole.
type systemTable struct {
	schema *types.Schema
	rows   func(s *Session) [][]types.Value
}

func sysSchema(name string, cols ...types.Column) *types.Schema {
	return &types.Schema{Name: name, Columns: cols}
}

func textCol(name string) types.Column { return types.Column{Name: name, Type: types.Text} }
func intCol(name string) types.Column  { return types.Column{Name: name, Type: types.Int32} }
func boolCol(name string) types.Column { return types.Column{Name: name, Type: types.Bool} }
func bigCol(name string) types.Column  { return types.Column{Name: name, Type: types.Int64} }

// systemTables are looked up before user tables; CREATE TABLE refuses their names.
var systemTables = map[string]*systemTable{
	"systablespaces": {
		schema: sysSchema("systablespaces", textCol("tablespace_name"), textCol("leader"),
			textCol("replica"), intCol("expectedreplicacount"), bigCol("maxleaderinactivitytime")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, info := range s.tablespaces() {
				rows = append(rows, []types.Value{types.NewText(info.Name), types.NewText(info.Leader),
					types.NewText(strings.Join(info.Replicas, ",")),
					types.NewInt(types.Int32, int64(info.ExpectedReplicas)),
					types.NewInt(types.Int64, info.MaxLeaderInactivity.Milliseconds())})
			}
			return rows
		},
	},
	"sysnodes": {
		schema: sysSchema("sysnodes", textCol("nodeid"), textCol("address"), textCol("clusteraddress"),
			boolCol("live"), types.Column{Name: "lastseen", Type: types.Timestamp}),
		rows: func(s *Session) (rows [][]types.Value) {
			if s.node == nil {
				return nil
			}
			for _, n := range s.node.Nodes() {
				seen := types.Value{T: types.Timestamp, Null: true}
				if !n.LastSeen.IsZero() {
					seen = types.NewTimestamp(n.LastSeen)
				}
				rows = append(rows, []types.Value{types.NewText(n.ID), types.NewText(n.Address),
					types.NewText(n.ClusterAddress), types.NewBool(n.Live), seen})
			}
			return rows
		},
	},
	"systablespacereplicastate": {
		schema: sysSchema("systablespacereplicastate", textCol("tablespace_name"), textCol("nodeid"),
			textCol("mode"), bigCol("appliedindex"), bigCol("lagentries"),
			types.Column{Name: "lagseconds", Type: types.Float64}),
		rows: func(s *Session) (rows [][]types.Value) {
			if s.node == nil {
				return nil
			}
			for _, info := range s.node.Tablespaces() {
				for _, r := range s.node.ReplicaStates(info.Name) {
					rows = append(rows, replicaStateRow(info.Name, r))
				}
			}
			return rows
		},
	},
	"syscolumns": {
		schema: sysSchema("syscolumns", textCol("tablespace"), textCol("table_name"), textCol("column_name"),
			intCol("ordinal_position"), textCol("data_type"), boolCol("is_nullable"),
			boolCol("is_primary_key"), textCol("default_value")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, sc := range s.ts.Tables() {
				for i, c := range sc.Columns {
					if c.Hidden {
						continue
					}
					def := types.NullValue
					if c.Default != "" {
						def = types.NewText(defaultText(c.Default))
					}
					rows = append(rows, []types.Value{types.NewText(s.ts.Name()), types.NewText(sc.Name),
						types.NewText(c.Name), types.NewInt(types.Int32, int64(i+1)),
						types.NewText(c.TypeName()), types.NewBool(!c.NotNull), types.NewBool(sc.IsPK(i)),
						def})
				}
			}
			return rows
		},
	},
}

// systemTableNames lists HerdDB's sys* tables (not information_schema's), sorted.
func systemTableNames() []string {
	var names []string
	for name := range systemTables {
		if !strings.Contains(name, ".") {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

func init() {
	// Declared here rather than in the map literal: systables's rows read systemTables.
	systemTables["systables"] = &systemTable{
		schema: sysSchema("systables", textCol("tablespace"), textCol("table_name"), boolCol("systemtable")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, sc := range s.ts.Tables() {
				rows = append(rows, []types.Value{types.NewText(s.ts.Name()), types.NewText(sc.Name),
					types.NewBool(false)})
			}
			for _, name := range systemTableNames() {
				rows = append(rows, []types.Value{types.NewText(s.ts.Name()), types.NewText(name),
					types.NewBool(true)})
			}
			return rows
		},
	}
	systemTables["sysindexes"] = &systemTable{
		schema: sysSchema("sysindexes", textCol("tablespace"), textCol("table_name"), textCol("index_name"),
			textCol("index_type"), textCol("columns"), boolCol("is_unique")),
		rows: func(s *Session) (rows [][]types.Value) {
			// The primary key is the tablespace's hash map of rows; secondary indexes follow.
			for _, sc := range s.ts.Tables() {
				rows = append(rows, []types.Value{types.NewText(s.ts.Name()), types.NewText(sc.Name),
					types.NewText(sc.PKConstraintName()), types.NewText("hash"), types.NewText(strings.Join(keyColumns(sc), ",")),
					types.NewBool(true)})
				for _, ix := range sc.Indexes {
					names := make([]string, len(ix.Columns))
					for i, c := range ix.Columns {
						names[i] = sc.Columns[c].Name
					}
					kind := "btree"
					if ix.Hash {
						kind = "hash"
					}
					rows = append(rows, []types.Value{types.NewText(s.ts.Name()), types.NewText(sc.Name),
						types.NewText(ix.Name), types.NewText(kind), types.NewText(strings.Join(names, ",")),
						types.NewBool(ix.Unique)})
				}
			}
			return rows
		},
	}
	systemTables["systransactions"] = &systemTable{
		schema: sysSchema("systransactions", textCol("tablespace"), bigCol("txid"),
			types.Column{Name: "creationtimestamp", Type: types.Timestamp}),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, tx := range s.ts.ActiveTransactions() {
				rows = append(rows, []types.Value{types.NewText(s.ts.Name()), types.NewInt(types.Int64, int64(tx.ID)),
					types.NewTimestamp(tx.Started)})
			}
			return rows
		},
	}
	systemTables["systablestats"] = &systemTable{
		schema: sysSchema("systablestats", textCol("tablespace"), textCol("table_name"), bigCol("tablesize"),
			bigCol("dirtybytes"), intCol("pages"), bigCol("oldversionbytes")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, st := range s.ts.TableStats() {
				rows = append(rows, []types.Value{types.NewText(s.ts.Name()), types.NewText(st.Name),
					types.NewInt(types.Int64, int64(st.Rows)), types.NewInt(types.Int64, st.DirtyBytes),
					types.NewInt(types.Int32, int64(st.Pages)), types.NewInt(types.Int64, st.OldBytes)})
			}
			return rows
		},
	}
	systemTables["information_schema.tables"] = &systemTable{
		schema: sysSchema("tables", textCol("table_catalog"), textCol("table_schema"), textCol("table_name"),
			textCol("table_type"), textCol("is_insertable_into"), textCol("is_typed")),
		rows: func(s *Session) (rows [][]types.Value) {
			matviews := s.matviewNames() // not in information_schema, as PostgreSQL's
			for _, sc := range s.ts.Tables() {
				if _, ok := matviews[sc.Name]; ok {
					continue
				}
				rows = append(rows, []types.Value{types.NewText(s.set.database), types.NewText("public"),
					types.NewText(sc.Name), types.NewText("BASE TABLE"), types.NewText("YES"), types.NewText("NO")})
			}
			return append(rows, s.viewTableRows()...)
		},
	}
	systemTables["information_schema.columns"] = &systemTable{
		schema: sysSchema("columns", textCol("table_catalog"), textCol("table_schema"), textCol("table_name"),
			textCol("column_name"), intCol("ordinal_position"), textCol("column_default"), textCol("is_nullable"),
			textCol("data_type"), intCol("character_maximum_length"), intCol("character_octet_length"),
			intCol("numeric_precision"), intCol("numeric_precision_radix"), intCol("numeric_scale"),
			intCol("datetime_precision"), textCol("is_identity"),
			textCol("identity_generation"), textCol("identity_start"), textCol("identity_increment"),
			textCol("identity_maximum"), textCol("identity_minimum"), textCol("identity_cycle"), textCol("udt_name"),
			textCol("is_generated"), textCol("generation_expression")),
		rows: func(s *Session) (rows [][]types.Value) {
			matviews := s.matviewNames()
			seqs := s.sequences()
			s.visibleColumns(func(sc *types.Schema, c types.Column, n int) {
				if _, ok := matviews[sc.Name]; ok {
					return
				}
				def, maxLen := types.NullValue, types.Value{T: types.Int32, Null: true}
				if d := catalogDefault(c); d != "" {
					def = types.NewText(castStringDefault(catalogExprText(d), c))
				}
				if c.Length > 0 && c.Type == types.Text {
					maxLen = types.NewInt(types.Int32, int64(c.Length))
				}
				row := []types.Value{types.NewText(s.set.database), types.NewText("public"),
					types.NewText(sc.Name), types.NewText(c.Name), types.NewInt(types.Int32, int64(n)), def,
					types.NewText(yesNo(!c.NotNull)), types.NewText(sqlTypeName(c)), maxLen}
				row = append(append(row, typeInfo(c)...), types.NewText(yesNo(c.Identity != 0)))
				row = append(row, identityInfo(sc.Name, c, seqs)...)
				row = append(row, types.NewText(typeNameOf(columnTypeOID(c))))
				rows = append(rows, append(row, generationInfo(c)...))
			})
			return rows
		},
	}
}

func yesNo(b bool) string {
	if b {
		return "YES"
	}
	return "NO"
}

// sqlTypeName is a column's type as information_schema.columns.data_type names it.
func sqlTypeName(c types.Column) string {
	switch c.Type {
	case types.Int16:
		return "smallint"
	case types.Int32:
		return "integer"
	case types.Int64:
		return "bigint"
	case types.Float32:
		return "real"
	case types.Float64:
		return "double precision"
	case types.Bool:
		return "boolean"
	case types.Timestamp:
		return "timestamp without time zone"
	case types.Bytea:
		return "bytea"
	case types.Date:
		return "date"
	case types.Numeric:
		return "numeric"
	case types.UUID, types.JSON, types.JSONB, types.Timestamptz, types.Interval, types.Time, types.TimeTZ:
		return c.Type.String()
	case types.Text:
		switch {
		case c.Fixed:
			return "character"
		case c.Length > 0:
			return "character varying"
		}
	}
	if c.Type.IsArray() {
		return "ARRAY"
	}
	return "text"
}

func keyColumns(s *types.Schema) []string {
	names := make([]string, len(s.PK))
	for i, p := range s.PK {
		names[i] = s.Columns[p].Name
	}
	return names
}

// replicaStateRow is one row of systablespacereplicastate; lagseconds is NULL when the lag
// in time is not known.
func replicaStateRow(tablespace string, r ReplicaState) []types.Value {
	lagSeconds := types.Value{T: types.Float64, Null: true}
	if r.LagKnown {
		lagSeconds = types.NewFloat(types.Float64, r.Lag.Seconds())
	}
	return []types.Value{types.NewText(tablespace), types.NewText(r.NodeID), types.NewText(string(r.Role)),
		types.NewInt(types.Int64, int64(r.AppliedIndex)), types.NewInt(types.Int64, int64(r.LagEntries)), lagSeconds}
}

// tablespaces lists the node's tablespaces, or only the session's own without a node.
func (s *Session) tablespaces() []TablespaceInfo {
	if s.node != nil {
		return s.node.Tablespaces()
	}
	return []TablespaceInfo{{Name: s.ts.Name(), ExpectedReplicas: 1}}
}
