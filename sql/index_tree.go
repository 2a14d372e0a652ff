package sql

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// CREATE INDEX runs from sql/parser's tree (ddl_tree.go routes it): bindIndexStmt checks the
// tree's clauses against what drove's indexes hold and gives execIndexStmt (index.go) the
// index's parts, each expression and the predicate as the ast printer spells them, which the
// schema keeps (index_computed.go).

// indexStmt is a CREATE INDEX bound from the tree.
type indexStmt struct {
	name    string
	table   string
	schema  string   // the table's qualifier, "" for none
	columns []string // per element, a column's name; "" for an expression
	exprs   []string // per element, an expression's PostgreSQL text; "" for a column
	// partNames are PostgreSQL's names of the elements (FigureIndexColname), which the
	// index's default name is made of.
	partNames   []string
	where       string   // a partial index's predicate, PostgreSQL text
	include     []string // INCLUDE's columns: stored, not keys
	nnd         bool     // NULLS NOT DISTINCT
	unique      bool
	hash        bool
	ifNotExists bool
}

// pgIndexMethods are PostgreSQL's index access methods; drove builds btree and hash ones.
var pgIndexMethods = map[string]bool{"btree": true, "hash": true, "gist": true, "gin": true, "spgist": true, "brin": true}

// execCreateIndex runs CREATE INDEX from the tree.
func (s *Session) execCreateIndex(ctx context.Context, n *ast.CreateIndex, out Output) error {
	if n.Concurrently && s.tx != nil { // PostgreSQL's PreventInTransactionBlock, first
		return Errorf("25001", "CREATE INDEX CONCURRENTLY cannot run inside a transaction block")
	}
	if q := n.Table.Schema; q != "" && q != "pg_temp" && !s.knownSchema(q) {
		return schemaMissing(q)
	}
	st, err := bindIndexStmt(n)
	if err != nil {
		return err
	}
	return s.execIndexStmt(ctx, st, out)
}

// bindIndexStmt binds CREATE INDEX's tree, refusing what PostgreSQL refuses (with its
// SQLSTATE) and what drove's indexes do not hold (0A000).
func bindIndexStmt(n *ast.CreateIndex) (*indexStmt, error) {
	st := &indexStmt{name: n.Name, table: n.Table.Name, schema: n.Table.Schema, unique: n.Unique,
		nnd: n.NullsNotDistinct, ifNotExists: n.IfNotExists}
	if err := st.bindMethod(n); err != nil {
		return nil, err
	}
	if len(n.With) > 0 {
		return nil, unsupported("index storage parameters (WITH)")
	}
	for _, e := range n.Elems {
		if err := st.bindElem(e); err != nil {
			return nil, err
		}
	}
	st.include = n.Include
	st.partNames = append(st.partNames, n.Include...) // ChooseIndexColumnNames names them too
	if n.Where != nil {
		st.where = ast.Print(n.Where, ast.SQL)
	}
	return st, nil
}

// bindMethod checks USING's access method as PostgreSQL's DefineIndex does.
func (st *indexStmt) bindMethod(n *ast.CreateIndex) error {
	method := n.Method
	switch {
	case method == "" || method == "btree":
		return nil
	case !pgIndexMethods[method]:
		return Errorf("42704", "access method %q does not exist", method)
	case method != "hash":
		return unsupported("index method %q (btree and hash are)", method)
	case n.Unique:
		return Errorf("0A000", "access method \"hash\" does not support unique indexes")
	case len(n.Elems) > 1:
		return Errorf("0A000", "access method \"hash\" does not support multicolumn indexes")
	case len(n.Include) > 0:
		return Errorf("0A000", "access method \"hash\" does not support included columns")
	}
	st.hash = true
	return nil
}

// bindElem binds one key of the index: a column (or a parenthesized column, which
// PostgreSQL takes as the column) or an expression.
func (st *indexStmt) bindElem(e ast.IndexElem) error {
	switch {
	case e.Collation != "":
		return unsupported("COLLATE in an index key")
	case e.Opclass != "":
		return unsupported("operator class %q", e.Opclass)
	}
	name, text := e.Name, ""
	if c, ok := e.Expr.(*ast.ColumnRef); ok && !c.Star && len(c.Names) == 1 {
		name = c.Names[0]
	} else if e.Expr != nil {
		text = ast.Print(e.Expr, ast.SQL)
	}
	// ASC/DESC and NULLS FIRST/LAST order the index in PostgreSQL; drove's scans order their
	// rows themselves, so the key keeps no direction.
	st.columns = append(st.columns, name)
	st.exprs = append(st.exprs, text)
	st.partNames = append(st.partNames, indexColname(e, name))
	return nil
}

// indexColname is PostgreSQL's FigureIndexColname: a column's name, a call's name, the
// name SELECT would give the expression, else "expr".
func indexColname(e ast.IndexElem, column string) string {
	if column != "" {
		return column
	}
	if name := columnName(e.Expr); name != "?column?" {
		return name
	}
	return "expr"
}

// defaultIndexName is PostgreSQL's ChooseIndexName for an index without a name: the table's
// and the parts' names (a part's name numbered past an earlier one's, as
// ChooseIndexColumnNames does), then "idx", numbered past a relation's name, all within a
// name's 63 bytes.
func defaultIndexName(table string, parts []string, used func(string) bool) string {
	var names []string
	for _, orig := range parts {
		name := orig
		for i := 1; slices.Contains(names, name); i++ {
			suffix := strconv.Itoa(i)
			name = clipName(orig, lexer.NameMax-len(suffix)) + suffix
		}
		names = append(names, name)
	}
	// ChooseIndexNameAddition: the names joined by "_", no longer once past a name's length.
	var b strings.Builder
	for _, name := range names {
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		b.WriteString(clipName(name, lexer.NameMax))
		if b.Len() >= lexer.NameMax+1 {
			break
		}
	}
	return chooseName(table, []string{b.String()}, "idx", used)
}
