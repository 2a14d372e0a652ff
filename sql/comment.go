package sql

import (
	"context"
	"slices"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// COMMENT ON TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | INDEX | COLUMN | CONSTRAINT ...
// IS 'text' | NULL, which pg_dump writes after the objects. The tablespace stores each as a
// row of its hidden comment table (tablespace/comment.go), under the relation it belongs
// to (a column's, constraint's and index's under their table), so DROP of the relation
// drops them; pg_description, obj_description and col_description read them back.

// commentStmt is one COMMENT ON.
type commentStmt struct {
	kind string // "table", "view", "materialized view", "sequence", "index", "column", "constraint"
	qual string
	name string // the relation (COLUMN: its relation; CONSTRAINT: its table)
	sub  string // COLUMN's column, CONSTRAINT's constraint
	text string // "" for NULL (and '', which PostgreSQL treats as NULL)
}

// commentOfTree is the commentStmt execCommentStmt runs for the COMMENT ON sql/parser read,
// with PostgreSQL's errors for a name of the wrong shape (42601, as its analysis gives).
func commentOfTree(n *ast.Comment) (*commentStmt, error) {
	st := &commentStmt{kind: strings.ToLower(n.Kind), sub: n.Constraint}
	names := n.Name
	if st.kind == "column" {
		if len(names) < 2 {
			return nil, Errorf("42601", "column name must be qualified")
		}
		st.sub, names = names[len(names)-1], names[:len(names)-1]
	}
	if len(names) > 2 {
		return nil, Errorf("42601", "improper qualified name (too many dotted names): %s", strings.Join(names, "."))
	}
	if st.name = names[len(names)-1]; len(names) == 2 {
		st.qual = names[0]
	}
	if n.Text != nil {
		st.text = *n.Text
	}
	return st, nil
}

func (s *Session) execCommentStmt(ctx context.Context, st *commentStmt, out Output) error {
	name, err := s.tableName(sqlparser.TableName{Qualifier: sqlparser.NewIdentifierCS(st.qual), Name: sqlparser.NewIdentifierCS(st.name)})
	if hidden := s.tempIndexName(st.name); (st.qual == "" || st.qual == "pg_temp") && hidden != st.name {
		name, err = hidden, nil // the session's temporary index (temp_index.go)
	}
	if err != nil {
		return err
	}
	c, err := s.commentTarget(st, name)
	if err != nil {
		return err
	}
	c.Text = st.text
	if err := s.ts.SetCommentIn(ctx, s.tx, c); err != nil {
		return err
	}
	return out.Complete("COMMENT")
}

// commentTarget checks the object exists as PostgreSQL does and returns its key.
func (s *Session) commentTarget(st *commentStmt, name string) (tablespace.Comment, error) {
	kind := s.relKind(name)
	if kind == "" {
		return tablespace.Comment{}, relationMissing(name)
	}
	switch st.kind {
	case "column":
		if kind == "index" || kind == "sequence" {
			break // PostgreSQL allows it; drove keeps it simple: no comment on their columns
		}
		if s.relColumnNumber(name, kind, st.sub) == 0 {
			return tablespace.Comment{}, Errorf("42703", "column %q of relation %q does not exist", st.sub, name)
		}
		return tablespace.Comment{Rel: name, Kind: "column", Sub: st.sub}, nil
	case "constraint":
		if kind != "table" {
			return tablespace.Comment{}, Errorf("42809", "%q is not a table", name)
		}
		if _, ok := s.constraintOID(name, st.sub); !ok {
			return tablespace.Comment{}, Errorf("42704", "constraint %q for table %q does not exist", st.sub, name)
		}
		return tablespace.Comment{Rel: name, Kind: "constraint", Sub: st.sub}, nil
	case "index":
		if kind == "index" {
			return tablespace.Comment{Rel: s.indexTable(name), Kind: "index", Sub: name}, nil
		}
	default:
		if st.kind == kind {
			return tablespace.Comment{Rel: name, Kind: "rel"}, nil
		}
	}
	article := "a "
	if st.kind == "index" {
		article = "an "
	}
	return tablespace.Comment{}, Errorf("42809", "%q is not %s%s", name, article, st.kind)
}

// followComments makes the comments of table old (its own, its columns', indexes' and
// constraints') follow a schema change to next, whose column j comes from old's sources[j]:
// renamed with their object, dropped with it, so a new object of an old name has none.
func (s *Session) followComments(ctx context.Context, old, next *types.Schema, sources []int) error {
	cols := make(map[string]string, len(old.Columns)) // old name → new, "" when dropped
	for _, c := range old.Columns {
		cols[c.Name] = ""
	}
	for j, src := range sources {
		if src >= 0 && src < len(old.Columns) && j < len(next.Columns) {
			cols[old.Columns[src].Name] = next.Columns[j].Name
		}
	}
	indexes := followNames(old.Indexes, next.Indexes, func(ix types.Index) string { return ix.Name })
	cons := followNames(old.Constraints, next.Constraints, func(c types.Constraint) string { return c.Name })
	if pk := pkeyName(old); pk != "" {
		indexes[pk], cons[pk] = pkeyName(next), pkeyName(next) // renamed, or "" when dropped
	}
	return s.ts.EditCommentsIn(ctx, s.tx, func(c tablespace.Comment) (tablespace.Comment, bool) {
		if c.Rel != old.Name {
			return c, false
		}
		n := c
		n.Rel = next.Name
		names := map[string]map[string]string{"column": cols, "index": indexes, "constraint": cons}[c.Kind]
		if to, ok := names[c.Sub]; ok {
			n.Sub = to
			if to == "" {
				n.Text = ""
			}
		}
		return n, n != c
	})
}

// followNames maps the names of old's objects to those of next's: kept, renamed (an object
// gone from the same place of a list as long, another name there) or dropped ("").
func followNames[T any](old, next []T, name func(T) string) map[string]string {
	out := make(map[string]string, len(old))
	kept := make(map[string]bool, len(next))
	for _, n := range next {
		kept[name(n)] = true
	}
	for i, o := range old {
		switch on := name(o); {
		case kept[on]:
			out[on] = on
		case len(old) == len(next) && !slices.ContainsFunc(old, func(x T) bool { return name(x) == name(next[i]) }):
			out[on] = name(next[i])
		default:
			out[on] = ""
		}
	}
	return out
}

// relColumnNumber is column col's attnum in relation name of kind (a table's visible
// columns or a view's), 0 when there is none.
func (s *Session) relColumnNumber(name, kind, col string) int {
	if kind == "view" {
		if v, ok, _ := s.ts.ViewByNameIn(s.tx, name); ok {
			for i, c := range v.Columns {
				if c.Name == col {
					return i + 1
				}
			}
		}
		return 0
	}
	num := 0
	s.visibleColumns(func(t *types.Schema, c types.Column, n int) {
		if t.Name == name && c.Name == col {
			num = n
		}
	})
	return num
}

// indexTable is the table index name belongs to ("" if none).
func (s *Session) indexTable(name string) string {
	for _, t := range s.ts.Tables() {
		for _, ix := range catalogIndexes(t) {
			if ix.name == name {
				return t.Name
			}
		}
	}
	return ""
}

// constraintOID is pg_constraint.oid of table's constraint name.
func (s *Session) constraintOID(table, name string) (int64, bool) {
	for _, c := range s.catalogConstraints() {
		if c.table.Name == table && c.name == name {
			return c.oid(), true
		}
	}
	return 0, false
}

// pgClassOID is pg_class.oid of relation name of kind (relKind's words).
func pgClassOID(kind, name string) int64 {
	switch kind {
	case "index":
		return objectOID("index", name)
	case "sequence":
		return sequenceOID(name)
	}
	return objectOID("table", name)
}

// descriptionRows are pg_description's rows: every comment whose object still exists.
func (s *Session) descriptionRows() [][]types.Value {
	all, err := s.ts.CommentsIn(s.tx)
	if err != nil {
		return nil
	}
	var rows [][]types.Value
	for _, c := range all {
		obj, class, sub := int64(0), catalogOIDs["pg_class"], 0
		switch c.Kind {
		case "rel":
			if k := s.relKind(c.Rel); k != "" {
				obj = pgClassOID(k, c.Rel)
			}
		case "index":
			obj = objectOID("index", c.Sub)
		case "column":
			if k := s.relKind(c.Rel); k != "" {
				obj, sub = pgClassOID(k, c.Rel), s.relColumnNumber(c.Rel, k, c.Sub)
			}
		case "constraint":
			obj, _ = s.constraintOID(c.Rel, c.Sub)
			class = catalogOIDs["pg_constraint"]
		}
		if obj != 0 {
			rows = append(rows, []types.Value{oidVal(obj), oidVal(class), int32Val(sub), text(c.Text)})
		}
	}
	return rows
}

// buildDescription is obj_description(oid [, catalog]) and col_description(oid, attnum):
// the comment pg_description holds for the object, NULL when none. Not folded: a cached
// statement must see comments as they are when it runs.
func buildDescription(c *funcCall) (*expr, error) {
	s, args := c.sc.params.sess, c.args
	column := c.name == "col_description"
	return &expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		null := types.Value{T: types.Text, Null: true}
		vals := make([]types.Value, len(args))
		if isNull, err := evalStrict(row, args, vals); err != nil || isNull {
			return null, err
		}
		class, sub := int64(-1), int64(0)
		switch {
		case column:
			class, sub = catalogOIDs["pg_class"], vals[1].I
		case len(vals) == 2:
			oid, ok := catalogOIDs[strings.TrimPrefix(vals[1].S, "pg_catalog.")]
			if !ok {
				return null, nil
			}
			class = oid
		}
		for _, r := range s.descriptionRows() {
			if r[0].I == vals[0].I && (class < 0 || r[1].I == class) && r[2].I == sub {
				return r[3], nil
			}
		}
		return null, nil
	}}, nil
}
