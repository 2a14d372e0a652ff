package sql

import (
	"slices"
	"strconv"

	"github.com/drovedb/drove/checkpoint"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// The size functions psql's \dt+, \di+, \ds+ and \l+ call. A table's size is what its rows
// take in the tablespace: the checkpoint pages holding some of them (whole pages, so an upper
// bound) plus its changed records not yet in a page. Indexes and sequences are kept in memory
// and rebuilt at start: they take no space on disk, so their size is 0 (PostgreSQL's are at
// least a page). A database's size is its tables'. An object that does not exist has a NULL
// size, as in PostgreSQL.

func init() {
	const v = 'v'
	register([]builtin{
		{name: "pg_size_pretty", vol: 'i', strict: true, procs: []string{"2288: int8 -> text"}, build: buildSizePretty},
		{name: "pg_relation_size", vol: v, strict: true, session: true, procs: []string{"2325: regclass -> int8",
			"2332: regclass, text -> int8"}, build: relationSizeFunc(sizeRelation)},
		{name: "pg_table_size", vol: v, strict: true, session: true, procs: []string{"2997: regclass -> int8"},
			build: relationSizeFunc(sizeRelation)},
		{name: "pg_indexes_size", vol: v, strict: true, session: true, procs: []string{"2998: regclass -> int8"},
			build: relationSizeFunc(sizeIndexes)},
		{name: "pg_total_relation_size", vol: v, strict: true, session: true, procs: []string{"2286: regclass -> int8"},
			build: relationSizeFunc(sizeTotal)},
		{name: "pg_database_size", vol: v, strict: true, session: true, procs: []string{"2168: name -> int8",
			"2324: oid -> int8"}, build: buildDatabaseSize},
	})
}

type sizeKind int

const (
	sizeRelation sizeKind = iota // the relation itself
	sizeIndexes                  // a table's indexes
	sizeTotal                    // a table with its indexes
)

// relationSizes maps the oid of every table, index and sequence to its size.
func (s *Session) relationSizes() map[int64]int64 {
	sizes := map[int64]int64{}
	for _, st := range s.ts.TableStats() {
		sizes[objectOID("table", st.Name)] = tableDiskSize(st)
	}
	for _, t := range s.ts.Tables() {
		for _, ix := range catalogIndexes(t) {
			sizes[objectOID("index", ix.name)] = 0
		}
	}
	for _, sq := range s.sequences() {
		sizes[sequenceOID(sq.Name)] = 0
	}
	return sizes
}

// tableDiskSize is the bytes a table's rows take: the pages holding some of them, and its
// changed records not yet in a page.
func tableDiskSize(st tablespace.TableStats) int64 {
	return int64(st.Pages)*checkpoint.DefaultPageSize + st.DirtyBytes
}

// relationSizeFunc compiles a size function of a relation (regclass) argument.
func relationSizeFunc(kind sizeKind) func(c *funcCall) (*expr, error) {
	return func(c *funcCall) (*expr, error) {
		s, a := c.sc.params.sess, c.args[0]
		null := types.Value{T: types.Int64, Null: true}
		return &expr{typ: types.Int64, eval: func(row []types.Value) (types.Value, error) {
			v, err := a.eval(row)
			if err != nil || v.IsNull() {
				return null, err
			}
			size, ok := s.relationSizes()[v.I]
			if !ok {
				return null, nil
			}
			if kind == sizeIndexes {
				size = 0 // indexes take no space on disk; a table's total is its own size
			}
			return types.NewInt(types.Int64, size), nil
		}}, nil
	}
}

// buildDatabaseSize is pg_database_size(name | oid): the size of the session's tablespace's
// tables; another tablespace's is not known on this session (NULL).
func buildDatabaseSize(c *funcCall) (*expr, error) {
	s, a := c.sc.params.sess, c.args[0]
	null := types.Value{T: types.Int64, Null: true}
	return &expr{typ: types.Int64, eval: func(row []types.Value) (types.Value, error) {
		v, err := a.eval(row)
		if err != nil || v.IsNull() {
			return null, err
		}
		name, found := "", false
		for _, ts := range s.tablespaces() {
			if v.T == types.Text && ts.Name == v.S || v.T != types.Text && objectOID("database", ts.Name) == v.I {
				name, found = ts.Name, true
			}
		}
		switch {
		case !found && v.T == types.Text:
			return null, Errorf("3D000", "database %q does not exist", v.S)
		case name != s.ts.Name():
			return null, nil
		}
		var total int64
		for _, st := range s.ts.TableStats() {
			total += tableDiskSize(st)
		}
		return types.NewInt(types.Int64, total), nil
	}}, nil
}

// buildSizePretty is pg_size_pretty(bigint), PostgreSQL 15's: bytes below 10 kB, then kB,
// MB, GB, TB and PB, each below 20,480 of its unit, rounded half away from zero.
func buildSizePretty(c *funcCall) (*expr, error) {
	return textOf(c, func(v types.Value) types.Value { return types.NewText(sizePretty(v.I)) })
}

func sizePretty(size int64) string {
	units := []struct {
		name  string
		limit int64
		round bool
		bits  uint
	}{{"bytes", 10 * 1024, false, 0}, {"kB", 20*1024 - 1, true, 10}, {"MB", 20*1024 - 1, true, 20},
		{"GB", 20*1024 - 1, true, 30}, {"TB", 20*1024 - 1, true, 40}, {"PB", 20*1024 - 1, true, 50}}
	abs := func(x int64) int64 {
		if x < 0 {
			return -x
		}
		return x
	}
	for i, u := range units {
		if i == len(units)-1 || abs(size) < u.limit {
			if u.round {
				if size < 0 {
					size = (size - 1) / 2
				} else {
					size = (size + 1) / 2
				}
			}
			return strconv.FormatInt(size, 10) + " " + u.name
		}
		next := units[i+1]
		bits := next.bits - u.bits
		if next.round {
			bits--
		}
		if u.round {
			bits++
		}
		size /= int64(1) << bits
	}
	return ""
}

// oidDefaultTablespace is PostgreSQL's pg_default. drove's tablespaces are its databases, so
// pg_tablespace has only the place where every one of them lives, as \l+ shows it.
const oidDefaultTablespace = 1663

func init() {
	schema := sysSchema("pg_tablespace", oidCol("oid"), textCol("spcname"), oidCol("spcowner"), aclCol("spcacl"),
		aclCol("spcoptions"))
	systemTables["pg_catalog.pg_tablespace"] = &systemTable{schema: schema, rows: func(*Session) [][]types.Value {
		return [][]types.Value{{oidVal(oidDefaultTablespace), text("pg_default"), oidVal(oidSuperuser),
			nullOf(types.TextArray), nullOf(types.TextArray)}}
	}}
}

// regclassLiterals turns the untyped literals a call passes for regclass parameters into
// the relations' oids, as PostgreSQL reads pg_total_relation_size('items'): a name that is
// no relation is 42P01; digits are an oid (psql passes '16384').
func regclassLiterals(p *funcProc, args []*expr, sc *scope) ([]*expr, error) {
	var out []*expr
	for i, a := range args {
		if !a.unknown || a.param != 0 || p.argType(i).oid != 2205 || sc.params == nil || sc.params.sess == nil {
			continue
		}
		name := mustConst(a).S
		oid, err := strconv.ParseInt(name, 10, 64) // a number is an oid, as regclassin reads it
		if err != nil || oid < 0 {
			if oid, err = sc.params.sess.relationOID(name); err != nil {
				return nil, err
			}
		}
		if out == nil {
			out = slices.Clone(args)
		}
		out[i] = constExpr(types.NewInt(types.Int64, oid), false)
	}
	if out == nil {
		return args, nil
	}
	return out, nil
}
