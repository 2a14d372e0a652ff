package sql

import (
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

// systemTables are looked up before user tables; CREATE TABLE refuses their names.
var systemTables = map[string]*systemTable{
	"systablespaces": {
		schema: sysSchema("systablespaces", textCol("tablespace_name"), textCol("leader"),
			textCol("replica"), intCol("expectedreplicacount")),
		rows: func(s *Session) (rows [][]types.Value) {
			for _, info := range s.tablespaces() {
				rows = append(rows, []types.Value{types.NewText(info.Name), types.NewText(info.Leader),
					types.NewText(strings.Join(info.Replicas, ",")),
					types.NewInt(types.Int32, int64(info.ExpectedReplicas))})
			}
			return rows
		},
	},
	"sysnodes": {
		schema: sysSchema("sysnodes", textCol("nodeid"), textCol("address")),
		rows: func(s *Session) (rows [][]types.Value) {
			if s.node == nil {
				return nil
			}
			return [][]types.Value{{types.NewText(s.node.ID()), types.NewText(s.node.Address())}}
		},
	},
	"systables": {
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
						def = types.NewText(c.Default)
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

func systemTableNames() []string {
	return []string{"syscolumns", "sysnodes", "systables", "systablespaces"}
}

// tablespaces lists the node's tablespaces, or only the session's own without a node.
func (s *Session) tablespaces() []TablespaceInfo {
	if s.node != nil {
		return s.node.Tablespaces()
	}
	return []TablespaceInfo{{Name: s.ts.Name(), ExpectedReplicas: 1}}
}
