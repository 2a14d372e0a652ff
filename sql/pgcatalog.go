package sql

import (
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/types"
)

// The pg_catalog tables clients read, generated from drove's catalog: the database is the
// tablespace, its tables and indexes live in schema public, every object belongs to the
// superuser. Object ids are hashes of the objects' names, stable as long as the names are.
// Only the columns the common client queries read are here (psql's \dt, \di, \dn, \l, \du,
// and the pg_tables and pg_indexes views people query by hand).

const (
	oidPgCatalog    = 11
	oidPublic       = 2200
	oidInfoSchema   = 13000
	oidSuperuser    = 10
	oidAmHeap       = 2
	oidAmBtree      = 403
	oidAmHash       = 405
	encodingUTF8    = 6
	oidCollDefault  = 100
	firstNormalOID  = 16384
	oidSpaceForHash = 1<<31 - firstNormalOID
)

// objectOID is the id of a named object of a kind ("table", "index", "database", "role").
func objectOID(kind, name string) int64 {
	h := fnv.New32a()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(name))
	return firstNormalOID + int64(h.Sum32()%oidSpaceForHash)
}

func oidCol(name string) types.Column    { return types.Column{Name: name, Type: types.Int64} }
func vectorCol(name string) types.Column { return types.Column{Name: name, Type: types.Int2Vector} }

// aclCol is an access privileges column (aclitem[]): NULL, the owner's default privileges.
func aclCol(name string) types.Column   { return types.Column{Name: name, Type: types.TextArray} }
func floatCol(name string) types.Column { return types.Column{Name: name, Type: types.Float32} }

func text(s string) types.Value       { return types.NewText(s) }
func oidVal(o int64) types.Value      { return types.NewInt(types.Int64, o) }
func boolVal(b bool) types.Value      { return types.NewBool(b) }
func int32Val(i int) types.Value      { return types.NewInt(types.Int32, int64(i)) }
func nullOf(t types.Type) types.Value { return types.Value{T: t, Null: true} }

// catalogIndex is an index as pg_catalog shows it: the primary key's and the secondary ones.
type catalogIndex struct {
	name    string
	table   *types.Schema
	columns []int
	include []int // INCLUDE's columns, after the key's in pg_index.indkey
	unique  bool
	primary bool
	am      int64
	def     *types.Index // a secondary index's definition; nil for the primary key
}

func catalogIndexes(s *types.Schema) []catalogIndex {
	var out []catalogIndex
	if pk := pkeyName(s); pk != "" { // a hidden row id is no constraint
		out = append(out, catalogIndex{name: pk, table: s, columns: s.PK, include: s.PKInclude, unique: true, primary: true, am: oidAmHash})
	}
	for _, ix := range s.Indexes {
		am := int64(oidAmBtree)
		if ix.Hash {
			am = oidAmHash
		}
		out = append(out, catalogIndex{name: ix.Name, table: s, columns: indexPartColumns(s, &ix), include: ix.Include,
			unique: ix.Unique, am: am, def: &ix})
	}
	return out
}

// indexDef is the CREATE INDEX statement of an index, as pg_get_indexdef prints it: the
// table schema-qualified unless pretty (a temporary one's in pg_temp_N, or pg_temp when it
// is the session's own, ownTemp its tempID).
func (ix catalogIndex) indexDef(pretty bool, ownTemp string) string {
	names := make([]string, len(ix.columns))
	for i := range ix.columns {
		names[i] = ix.partText(i, false)
	}
	unique, method := "", "btree"
	if ix.unique {
		unique = "UNIQUE "
	}
	if ix.am == oidAmHash {
		method = "hash"
	}
	ns, table := relNamespace(ix.table.Name)
	if ownTemp != "" && strings.HasPrefix(ix.table.Name, ownTemp) {
		ns = "pg_temp" // PostgreSQL's name of the session's own temporary schema
	}
	schema := ns + "."
	if pretty && ns == "public" {
		schema = ""
	}
	return "CREATE " + unique + "INDEX " + types.QuoteIdent(shownTableName(ix.name)) + " ON " + schema + types.QuoteIdent(table) +
		" USING " + method + " (" + strings.Join(names, ", ") + ")" + includeText(ix.table, ix.include) + ix.defSuffix()
}

// includeText is " INCLUDE (cols)" as pg_get_indexdef and pg_get_constraintdef print it, ""
// for none.
func includeText(s *types.Schema, cols []int) string {
	if len(cols) == 0 {
		return ""
	}
	return " INCLUDE (" + colNames(s, cols) + ")"
}

// natts is pg_index.indnatts: the key's columns and the included ones.
func (ix catalogIndex) natts() int { return len(ix.columns) + len(ix.include) }

func visibleColumnCount(s *types.Schema) int {
	n := 0
	for _, c := range s.Columns {
		if !c.Hidden {
			n++
		}
	}
	return n
}

func init() {
	add := func(name string, schema *types.Schema, rows func(s *Session) [][]types.Value) {
		schema.Name = name
		systemTables["pg_catalog."+name] = &systemTable{schema: schema, rows: rows}
	}
	add("pg_namespace", sysSchema("", oidCol("oid"), textCol("nspname"), oidCol("nspowner"), aclCol("nspacl")),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			for _, ns := range fixedNamespaces {
				rows = append(rows, []types.Value{oidVal(ns.oid), text(ns.name), oidVal(oidSuperuser), nullOf(types.TextArray)})
			}
			return append(rows, s.tempNamespaceRows()...)
		})
	add("pg_am", sysSchema("", oidCol("oid"), textCol("amname"), textCol("amtype")),
		func(*Session) [][]types.Value {
			return [][]types.Value{
				{oidVal(oidAmHeap), text("heap"), text("t")},
				{oidVal(oidAmBtree), text("btree"), text("i")},
				{oidVal(oidAmHash), text("hash"), text("i")},
			}
		})
	add("pg_class", sysSchema("", oidCol("oid"), textCol("relname"), oidCol("relnamespace"), oidCol("reltype"),
		oidCol("relowner"), oidCol("relam"), textCol("relkind"), textCol("relpersistence"), floatCol("reltuples"),
		intCol("relpages"), intCol("relnatts"), intCol("relchecks"), boolCol("relhasindex"), boolCol("relhasrules"),
		boolCol("relhastriggers"), boolCol("relrowsecurity"), boolCol("relforcerowsecurity"), boolCol("relispartition"),
		oidCol("reltablespace"), oidCol("reloftype"), oidCol("reltoastrelid"), textCol("relreplident"),
		aclCol("relacl"), aclCol("reloptions"), textCol("relpartbound")),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			stats := make(map[string]int)
			for _, st := range s.ts.TableStats() {
				stats[st.Name] = st.Rows
			}
			rel := func(oid int64, name string, am int64, kind string, tuples, natts int) []types.Value {
				return []types.Value{oidVal(oid), text(name), oidVal(oidPublic), oidVal(0), oidVal(oidSuperuser),
					oidVal(am), text(kind), text("p"), types.NewFloat(types.Float32, float64(tuples)), int32Val(0),
					int32Val(natts), int32Val(0), boolVal(kind == "r"), boolVal(false), boolVal(false), boolVal(false),
					boolVal(false), boolVal(false), oidVal(0), oidVal(0), oidVal(0), text("d"), nullOf(types.TextArray),
					nullOf(types.TextArray), nullOf(types.Text)}
			}
			tables := s.ts.Tables()
			referenced := referencedTables(tables)
			matviews := s.matviewNames()
			for _, t := range tables {
				kind := "r"
				if _, ok := matviews[t.Name]; ok {
					kind = "m"
				}
				r := rel(objectOID("table", t.Name), t.Name, oidAmHeap, kind, stats[t.Name], visibleColumnCount(t))
				markTempClass(r, t.Name)                            // a temporary table, by its own name in its pg_temp_N
				r[11], r[14] = s.constraintClassInfo(t, referenced) // relchecks, relhastriggers
				rows = append(rows, r)
				for _, ix := range catalogIndexes(t) {
					r := rel(objectOID("index", ix.name), ix.name, ix.am, "i", stats[t.Name], ix.natts())
					markTempClass(r, ix.name)
					rows = append(rows, r)
				}
			}
			rows = append(rows, s.viewClassRows(rel)...)
			return append(rows, s.sequenceClassRows(rel)...)
		})
	add("pg_index", sysSchema("", oidCol("indexrelid"), oidCol("indrelid"), intCol("indnatts"), intCol("indnkeyatts"), boolCol("indisunique"),
		boolCol("indisprimary"), boolCol("indisclustered"), boolCol("indisvalid"), boolCol("indisreplident"),
		boolCol("indimmediate"), boolCol("indnullsnotdistinct"),
		vectorCol("indkey"), vectorCol("indoption"), textCol("indexprs"), textCol("indpred")),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			for _, t := range s.ts.Tables() {
				for _, ix := range catalogIndexes(t) {
					keys := make([]types.Value, ix.natts())
					options := make([]types.Value, len(ix.columns)) // no DESC or NULLS FIRST columns
					for i, c := range slices.Concat(ix.columns, ix.include) {
						keys[i] = types.NewInt(types.Int16, 0) // an expression
						if c >= 0 {
							keys[i] = types.NewInt(types.Int16, int64(attnum(t, c)))
						}
					}
					for i := range options {
						options[i] = types.NewInt(types.Int16, 0)
					}
					nnd, exprs, pred := ix.nodeTrees()
					rows = append(rows, []types.Value{oidVal(objectOID("index", ix.name)), oidVal(objectOID("table", t.Name)),
						int32Val(ix.natts()), int32Val(len(ix.columns)), boolVal(ix.unique), boolVal(ix.primary), boolVal(false), boolVal(true),
						boolVal(false), boolVal(true), boolVal(nnd), types.NewArray(types.Int2Vector, keys), types.NewArray(types.Int2Vector, options),
						exprs, pred})
				}
			}
			return rows
		})
	add("pg_constraint", pgConstraintSchema(), (*Session).pgConstraintRows) // constraints_catalog.go
	add("pg_collation", sysSchema("", oidCol("oid"), textCol("collname"), oidCol("collnamespace"), textCol("collprovider"),
		intCol("collencoding"), textCol("collcollate"), textCol("collctype")),
		func(*Session) [][]types.Value {
			return [][]types.Value{
				{oidVal(oidCollDefault), text("default"), oidVal(oidPgCatalog), text("d"), int32Val(-1), nullOf(types.Text), nullOf(types.Text)},
				{oidVal(950), text("C"), oidVal(oidPgCatalog), text("c"), int32Val(-1), text("C"), text("C")},
				{oidVal(951), text("POSIX"), oidVal(oidPgCatalog), text("c"), int32Val(-1), text("POSIX"), text("POSIX")},
			}
		})
	// What drove has none of: row-level security policies, extended statistics, publications
	// and table inheritance. Clients join these while describing a table.
	none := func(*Session) [][]types.Value { return nil }
	add("pg_policy", sysSchema("", oidCol("oid"), textCol("polname"), oidCol("polrelid"), textCol("polcmd"),
		boolCol("polpermissive"), types.Column{Name: "polroles", Type: types.Int64Array}, textCol("polqual"),
		textCol("polwithcheck")), none)
	add("pg_statistic_ext", sysSchema("", oidCol("oid"), oidCol("stxrelid"), textCol("stxname"), oidCol("stxnamespace"),
		oidCol("stxowner"), intCol("stxstattarget"), vectorCol("stxkeys"), types.Column{Name: "stxkind", Type: types.TextArray},
		textCol("stxexprs")), none)
	add("pg_publication", sysSchema("", oidCol("oid"), textCol("pubname"), oidCol("pubowner"), boolCol("puballtables"),
		boolCol("pubinsert"), boolCol("pubupdate"), boolCol("pubdelete"), boolCol("pubtruncate"), boolCol("pubviaroot")), none)
	add("pg_publication_namespace", sysSchema("", oidCol("oid"), oidCol("pnpubid"), oidCol("pnnspid")), none)
	add("pg_publication_rel", sysSchema("", oidCol("oid"), oidCol("prpubid"), oidCol("prrelid"), textCol("prqual"),
		vectorCol("prattrs")), none)
	add("pg_inherits", sysSchema("", oidCol("inhrelid"), oidCol("inhparent"), intCol("inhseqno"),
		boolCol("inhdetachpending")), none)
	// drove enforces foreign keys itself, not with PostgreSQL's internal triggers, and has no
	// user triggers; psql's \d lists a table's triggers once relhastriggers is true.
	add("pg_trigger", sysSchema("", oidCol("oid"), oidCol("tgrelid"), oidCol("tgparentid"), textCol("tgname"),
		oidCol("tgfoid"), intCol("tgtype"), textCol("tgenabled"), boolCol("tgisinternal"), oidCol("tgconstrrelid"),
		oidCol("tgconstrindid"), oidCol("tgconstraint"), boolCol("tgdeferrable"), boolCol("tginitdeferred"),
		intCol("tgnargs"), vectorCol("tgattr"), textCol("tgqual")), none)
	add("pg_attribute", sysSchema("", oidCol("attrelid"), textCol("attname"), oidCol("atttypid"), intCol("attnum"),
		intCol("attlen"), intCol("atttypmod"), boolCol("attnotnull"), boolCol("atthasdef"), boolCol("attisdropped"),
		textCol("attidentity"), textCol("attgenerated"), oidCol("attcollation"), textCol("attstorage"),
		textCol("attcompression"), intCol("attstattarget")),
		func(s *Session) (rows [][]types.Value) {
			s.visibleColumns(func(t *types.Schema, c types.Column, n int) {
				row := attributeRow(objectOID("table", t.Name), c, n, c.NotNull, attrdefText(c) != "")
				row[9] = text(identityCode(c)) // attidentity
				if c.Generated != "" {
					row[10] = text("s") // attgenerated
				}
				rows = append(rows, row)
			})
			return append(rows, s.indexAttributeRows()...)
		})
	add("pg_type", sysSchema("", oidCol("oid"), textCol("typname"), oidCol("typnamespace"), intCol("typlen"),
		textCol("typtype"), boolCol("typnotnull"), intCol("typtypmod"), oidCol("typbasetype"), oidCol("typcollation")),
		func(*Session) [][]types.Value {
			var rows [][]types.Value
			for _, t := range []struct {
				oid  int64
				name string
				len  int
			}{{16, "bool", 1}, {17, "bytea", -1}, {20, "int8", 8}, {21, "int2", 2}, {23, "int4", 4}, {25, "text", -1},
				{114, "json", -1}, {700, "float4", 4}, {701, "float8", 8}, {1042, "bpchar", -1}, {1043, "varchar", -1}, {1082, "date", 4},
				{1114, "timestamp", 8}, {1700, "numeric", -1}, {2950, "uuid", 16}, {1083, "time", 8}, {1184, "timestamptz", 8}, {1186, "interval", 16}, {1266, "timetz", 12},
				{3802, "jsonb", -1}} {
				rows = append(rows, []types.Value{oidVal(t.oid), text(t.name), oidVal(oidPgCatalog), int32Val(t.len), text("b"),
					boolVal(false), int32Val(-1), oidVal(0), oidVal(collationOf(types.FromOID(uint32(t.oid))))})
			}
			return append(rows, arrayTypeRows()...)
		})
	add("pg_database", sysSchema("", oidCol("oid"), textCol("datname"), oidCol("datdba"), intCol("encoding"),
		textCol("datlocprovider"), textCol("datcollate"), textCol("datctype"), textCol("daticulocale"), aclCol("datacl"),
		boolCol("datistemplate"), boolCol("datallowconn"), oidCol("dattablespace")),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			for _, ts := range s.tablespaces() {
				rows = append(rows, []types.Value{oidVal(objectOID("database", ts.Name)), text(ts.Name), oidVal(oidSuperuser),
					int32Val(encodingUTF8), text("c"), text("C"), text("C"), nullOf(types.Text), nullOf(types.TextArray),
					boolVal(false), boolVal(true), oidVal(oidDefaultTablespace)})
			}
			return rows
		})
	add("pg_roles", sysSchema("", oidCol("oid"), textCol("rolname"), boolCol("rolsuper"), boolCol("rolinherit"),
		boolCol("rolcreaterole"), boolCol("rolcreatedb"), boolCol("rolcanlogin"), boolCol("rolreplication"),
		intCol("rolconnlimit"), types.Column{Name: "rolvaliduntil", Type: types.Timestamp}, boolCol("rolbypassrls")),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			for _, name := range s.userNames() {
				oid := objectOID("role", name)
				if name == s.set.user {
					oid = oidSuperuser
				}
				// A superuser has CREATEROLE and CREATEDB; nobody else does (see users.go).
				super := s.node == nil || s.node.Superuser(name)
				rows = append(rows, []types.Value{oidVal(oid), text(name), boolVal(super), boolVal(true), boolVal(super),
					boolVal(super), boolVal(true), boolVal(false), int32Val(-1), nullOf(types.Timestamp), boolVal(false)})
			}
			return rows
		})
	add("pg_user", sysSchema("", textCol("usename"), oidCol("usesysid"), boolCol("usecreatedb"), boolCol("usesuper"),
		boolCol("userepl"), boolCol("usebypassrls"), textCol("passwd"), types.Column{Name: "valuntil", Type: types.Timestamp},
		types.Column{Name: "useconfig", Type: types.TextArray}),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			for _, name := range s.userNames() {
				oid := objectOID("role", name)
				if name == s.set.user {
					oid = oidSuperuser
				}
				super := s.node == nil || s.node.Superuser(name)
				rows = append(rows, []types.Value{text(name), oidVal(oid), boolVal(super), boolVal(super), boolVal(false),
					boolVal(false), text("********"), nullOf(types.Timestamp), nullOf(types.TextArray)})
			}
			return rows
		})
	add("pg_attrdef", sysSchema("", oidCol("oid"), oidCol("adrelid"), intCol("adnum"), textCol("adbin")),
		func(s *Session) (rows [][]types.Value) {
			// adbin holds the default's SQL text: pg_get_expr prints it back.
			s.visibleColumns(func(t *types.Schema, c types.Column, n int) {
				if d := attrdefText(c); d != "" {
					rows = append(rows, []types.Value{oidVal(objectOID("default", t.Name+"."+c.Name)),
						oidVal(objectOID("table", t.Name)), int32Val(n), text(d)})
				}
			})
			return rows
		})
	add("pg_description", sysSchema("", oidCol("objoid"), oidCol("classoid"), intCol("objsubid"), textCol("description")),
		(*Session).descriptionRows) // comment.go
	add("pg_auth_members", sysSchema("", oidCol("roleid"), oidCol("member"), oidCol("grantor"), boolCol("admin_option")),
		func(*Session) [][]types.Value { return nil }) // no role is a member of another
	add("pg_tables", sysSchema("", textCol("schemaname"), textCol("tablename"), textCol("tableowner"), textCol("tablespace"),
		boolCol("hasindexes"), boolCol("hasrules"), boolCol("hastriggers"), boolCol("rowsecurity")),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			matviews := s.matviewNames()
			for _, t := range s.ts.Tables() {
				if _, ok := matviews[t.Name]; ok {
					continue
				}
				ns, name := relNamespace(t.Name)
				rows = append(rows, []types.Value{text(ns), text(name), text(s.ownerName()), nullOf(types.Text),
					boolVal(len(catalogIndexes(t)) > 0), boolVal(false), boolVal(false), boolVal(false)})
			}
			return rows
		})
	add("pg_indexes", sysSchema("", textCol("schemaname"), textCol("tablename"), textCol("indexname"),
		textCol("tablespace"), textCol("indexdef")),
		func(s *Session) [][]types.Value {
			var rows [][]types.Value
			for _, t := range s.ts.Tables() {
				ns, name := relNamespace(t.Name)
				for _, ix := range catalogIndexes(t) {
					rows = append(rows, []types.Value{text(ns), text(name), text(shownTableName(ix.name)), nullOf(types.Text), text(ix.indexDef(false, s.tempID))})
				}
			}
			return rows
		})
}

// catalogOIDs are PostgreSQL's fixed ids of the catalog tables clients name as regclass.
var catalogOIDs = map[string]int64{"pg_class": 1259, "pg_namespace": 2615, "pg_attribute": 1249, "pg_type": 1247,
	"pg_index": 2610, "pg_attrdef": 2604, "pg_description": 2609, "pg_database": 1262, "pg_am": 2601,
	"pg_authid": 1260, "pg_auth_members": 1261, "pg_constraint": 2606, "pg_collation": 3456, "pg_policy": 3256,
	"pg_statistic_ext": 3381, "pg_publication": 6104, "pg_publication_namespace": 6237, "pg_publication_rel": 6106,
	"pg_inherits": 2611, "pg_trigger": 2620}

// attnum is the 1-based position clients know column i of t by: hidden columns do not count.
func attnum(t *types.Schema, i int) int {
	n := 0
	for _, c := range t.Columns[:i+1] {
		if !c.Hidden {
			n++
		}
	}
	return n
}

// collationOf is the collation of a column or type: the default one for text.
func collationOf(t types.Type) int64 {
	if t == types.Text {
		return oidCollDefault
	}
	return 0
}

// relationOID is 'name'::regclass: the id of a table, index or catalog table.
func (s *Session) relationOID(name string) (int64, error) {
	if strings.ContainsRune(name, '"') { // a quoted identifier, as psql writes "Mixed": regclassin's reading
		n, err := seqNameFromText(name)
		if err != nil {
			return 0, err
		}
		name = n
	}
	q, bare, qualified := strings.Cut(name, ".")
	if hidden, ok := s.tempTableName(bare); ok && q == "pg_temp" {
		return objectOID("table", hidden), nil
	} else if hidden, ok := s.tempFound(name); ok && !qualified { // where search_path puts pg_temp
		return objectOID("table", hidden), nil
	}
	if hidden := s.tempIndexName(name); hidden != name {
		return objectOID("index", hidden), nil // temp_index.go
	}
	if _, system := catalogOIDs[name]; !qualified && !system && !s.publicSearched() {
		return 0, relationMissing(name)
	}
	name = strings.TrimPrefix(strings.TrimPrefix(name, "pg_catalog."), "public.")
	if oid, ok := catalogOIDs[name]; ok {
		return oid, nil
	}
	for _, t := range s.ts.Tables() {
		if t.Name == name {
			return objectOID("table", name), nil
		}
		for _, ix := range catalogIndexes(t) {
			if ix.name == name {
				return objectOID("index", name), nil
			}
		}
	}
	if oid, ok := s.sequenceRelationOID(name); ok {
		return oid, nil
	}
	if s.isView(name) {
		return objectOID("table", name), nil
	}
	return 0, relationMissing(name)
}

// visibleColumns calls fn for every column clients see (not a hidden row id), with its
// 1-based position among them, table by table.
func (s *Session) visibleColumns(fn func(t *types.Schema, c types.Column, n int)) {
	for _, t := range append(s.ts.Tables(), s.viewSchemas()...) {
		n := 0
		for _, c := range t.Columns {
			if !c.Hidden {
				n++
				fn(t, c, n)
			}
		}
	}
}

// columnTypeOID is the type OID pg_attribute gives a column: varchar and char have their own.
func columnTypeOID(c types.Column) uint32 {
	if c.Type == types.Text && c.Length > 0 {
		if c.Fixed {
			return 1042
		}
		return 1043
	}
	return c.Type.OID()
}

// userNames are the roles pg_roles lists: the node's password users and the session's user.
func (s *Session) userNames() []string {
	var names []string
	if s.node != nil {
		names = s.node.Users()
	}
	for _, n := range names {
		if n == s.set.user {
			return names
		}
	}
	return append(names, s.set.user)
}

// ownerName is who pg_catalog says owns every object: the superuser, whose oid is 10.
func (s *Session) ownerName() string { return s.set.user }

// catalogIndex finds an index by the oid of its constraint (a primary key's) or by its own.
func (s *Session) catalogIndex(constraint, index int64) (catalogIndex, bool) {
	for _, t := range s.ts.Tables() {
		for _, ix := range catalogIndexes(t) {
			if objectOID("index", ix.name) == index || ix.primary && objectOID("constraint", ix.name) == constraint {
				return ix, true
			}
		}
	}
	return catalogIndex{}, false
}

// formatType is format_type(oid, typmod): the SQL name of a type, with its length.
func formatType(oid, typmod int64) string {
	switch oid {
	case 1043:
		if typmod > 4 {
			return "character varying(" + strconv.FormatInt(typmod-4, 10) + ")"
		}
		return "character varying"
	case 1042:
		if typmod > 4 {
			return "character(" + strconv.FormatInt(typmod-4, 10) + ")"
		}
		return "bpchar"
	case 1700:
		if p, s, ok := types.NumericPrecisionScale(int(typmod - 4)); ok && typmod > 4 {
			return "numeric(" + strconv.Itoa(p) + "," + strconv.Itoa(s) + ")"
		}
		return "numeric"
	case 26:
		return "oid"
	case 19:
		return "name"
	case 1083, 1114, 1184, 1186, 1266:
		return types.Column{Type: types.FromOID(uint32(oid))}.WithTypmod(int(typmod)).TypeName()
	}
	if t := types.FromOID(uint32(oid)); t != types.Null && uint32(oid) == t.OID() {
		return t.String()
	}
	for _, t := range pgTypes { // the pseudo-types signatures name: anynonarray, anyelement, ...
		if t.oid == oid && t.cat == 'P' {
			return t.name
		}
	}
	return "???"
}
