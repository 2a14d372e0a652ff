package sql

import (
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// CREATE TABLE AS and SELECT INTO are read by sql/parser (ddl_tree.go and statement_tree.go
// route them): the tree's ast.CreateTable with its Query, or the ast.Select whose INTO makes
// the table, becomes the ctasStmt ctas.go runs. The query is bound from the tree of the
// statement's text, parsed again for each binding (binding annotates the tree it binds).

// ctasOfTree is the Statement of a CREATE TABLE AS sql/parser read from toks.
func ctasOfTree(n *ast.CreateTable, query string, toks []lexer.Token) (*Statement, error) {
	if selectsInto(n.Query) {
		return nil, Errorf("42601", "SELECT ... INTO is not allowed here")
	}
	c := &ctasStmt{qualifier: n.Table.Schema, name: n.Table.Name, cols: n.AsColumns, noData: n.NoData,
		ifNotExists: n.IfNotExists, persistence: n.Persistence, onCommit: strings.ToLower(n.OnCommit), with: n.With}
	c.temp = n.Persistence == ast.Temporary || c.qualifier == "pg_temp"
	st := treeStatement(query, toks, nil)
	st.ctas = c
	c.text = st.src[st.srcAt:st.srcEnd]
	return st, nil
}

// selectIntoOfTree is the Statement of a SELECT ... INTO sql/parser read from toks, or
// PostgreSQL's 42601 for an INTO it refuses: one in a set operation's later query, or below
// the statement's top level.
func selectIntoOfTree(sel *ast.Select, query string, toks []lexer.Token) (*Statement, error) {
	first := firstSelect(sel)
	if first.Into == nil {
		if selectsInto(sel.Left) || selectsInto(sel.Right) {
			return nil, Errorf("42601", "INTO is only allowed on first SELECT of UNION/INTERSECT/EXCEPT")
		}
		return nil, Errorf("42601", "SELECT ... INTO is not allowed here")
	}
	into := first.Into
	first.Into = nil
	nested := selectsInto(sel)
	first.Into = into
	if nested {
		return nil, Errorf("42601", "SELECT ... INTO is not allowed here")
	}
	c := &ctasStmt{qualifier: into.Table.Schema, name: into.Table.Name, into: true, persistence: into.Persistence}
	c.temp = into.Persistence == ast.Temporary || c.qualifier == "pg_temp"
	st := treeStatement(query, toks, nil)
	st.ctas = c
	c.text = st.src[st.srcAt:st.srcEnd]
	return st, nil
}

// firstSelect is the query of a set operation whose INTO is the statement's (its leftmost),
// the query itself without one.
func firstSelect(sel *ast.Select) *ast.Select {
	for sel.Op != ast.NoSetOp && sel.Left != nil {
		sel = sel.Left
	}
	return sel
}

// queryTree is the query that fills the new table, from a fresh parse of the statement's text:
// CREATE TABLE AS's query, or the SELECT without its INTO.
func (st *ctasStmt) queryTree() (*ast.Select, error) {
	sts, err := pgparser.Parse(st.text)
	if err != nil {
		return nil, parserError(err, st.text)
	}
	switch n := oneStmt(sts).(type) {
	case *ast.CreateTable:
		if n.Query != nil {
			return n.Query, nil
		}
	case *ast.Select:
		firstSelect(n).Into = nil
		return n, nil
	}
	return nil, Errorf("XX000", "%s is not read from its text again", st.command())
}

// checkTableAsTarget refuses what PostgreSQL refuses of the new table of a CREATE TABLE AS or
// SELECT INTO from the tree (or drove does not make): UNLOGGED, storage parameters but
// fillfactor, a schema that does not exist (3F000), ON COMMIT of a table that is not
// temporary (42P16). A table named in pg_temp is temporary, as in PostgreSQL; a temporary one
// in another schema is newTempName's 42P16.
func (s *Session) checkTableAsTarget(st *ctasStmt) error {
	if st.persistence == ast.Unlogged {
		return unsupported("unlogged tables")
	}
	if err := storageParams(st.with); err != nil {
		return err
	}
	if st.qualifier == "" && !st.temp {
		q, err := s.creationSchema()
		if err != nil {
			return err
		}
		st.qualifier, st.temp = q, q == "pg_temp" // made temporary in pg_temp, as CREATE TABLE
	}
	switch q := st.qualifier; {
	case q == "pg_catalog" && !st.temp:
		return catalogCreateError(st.name)
	case q == "" || q == "pg_temp":
	case !s.knownSchema(q):
		return schemaMissing(q)
	case st.temp:
	case q != "public" && q != s.ts.Name():
		return Errorf("0A000", "cross-schema reference %s.%s is not supported", q, st.name)
	}
	if st.onCommit != "" && !st.temp {
		return Errorf("42P16", "ON COMMIT can only be used on temporary tables")
	}
	return nil
}
