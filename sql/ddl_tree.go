package sql

import (
	"context"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/tablespace"
)

// The DDL statements sql/parser reads and the session runs from its tree (sql/DESIGN.md,
// step 4): DROP TABLE, VIEW, MATERIALIZED VIEW, INDEX and SEQUENCE, TRUNCATE, CREATE
// TABLE's column-definition form (create_tree.go), CREATE [UNIQUE] INDEX (index_tree.go),
// CREATE/ALTER SEQUENCE (sequence_tree.go), CREATE [MATERIALIZED] VIEW (view_tree.go),
// ALTER TABLE (alter_tree.go) and ALTER VIEW, MATERIALIZED VIEW and INDEX
// (alter_object_tree.go); CREATE TABLE AS (ctas_tree.go, run by ctas.go); CREATE TABLE's
// LIKE elements are written out as it runs (create_like.go). Another DROP (USER, TABLESPACE,
// ...) and every other DDL statement take the dialect pass.

// treeDDLWords are the first words of the DDL statements read into sql/parser's tree; DROP's
// object must be one of treeDropObjects too, CREATE's and ALTER's one of treeCreateObjects
// and treeAlterObjects (sequence_tree.go).
var treeDDLWords = map[string]bool{"drop": true, "truncate": true, "create": true, "alter": true}

// treeDropObjects are the words after DROP of the objects dropped from the tree.
var treeDropObjects = map[string]bool{"table": true, "view": true, "materialized": true, "index": true, "sequence": true,
	"tablespace": true, "node": true, "user": true, "role": true}

// treeCreateObjects are the objects whose CREATE runs from the tree, by the word after CREATE
// [OR REPLACE] [TEMP|UNLOGGED] [RECURSIVE]; treeAlterObjects those whose ALTER does.
var (
	treeCreateObjects = map[string]bool{"sequence": true, "table": true, "index": true, "unique": true, "view": true, "materialized": true,
		"tablespace": true, "user": true, "role": true}
	treeAlterObjects = map[string]bool{"sequence": true, "table": true, "view": true, "materialized": true, "index": true,
		"tablespace": true, "user": true, "role": true}
)

// treeObject reports whether a DDL statement's tokens (its first word one of treeDDLWords)
// act on an object the tree runs the statement for.
func treeObject(toks []lexer.Token) bool {
	i := 1
	objects := treeDropObjects
	switch toks[0].Value {
	case "truncate":
		return true
	case "alter":
		objects = treeAlterObjects
	case "create":
		objects = treeCreateObjects
		for _, w := range []string{"or", "replace", "global", "local", "temp", "temporary", "unlogged", "recursive"} {
			if i < len(toks) && toks[i].Is(w) {
				i++
			}
		}
	}
	return i < len(toks) && toks[i].Kind == lexer.Ident && objects[toks[i].Value]
}

// parseDDLSpan parses one statement's tokens with sql/parser when it is a DDL statement run
// from the tree; nil (and no error) otherwise, for the dialect pass.
func parseDDLSpan(query string, toks []lexer.Token) (*Statement, error) {
	t := toks[0]
	if t.Kind != lexer.Ident || !treeDDLWords[t.Value] {
		if st, err := parseUtilitySpan(query, toks); st != nil || err != nil {
			return st, err // utility_tree.go
		}
		return parseCommandSpan(query, toks) // command_tree.go
	}
	if !treeObject(toks) {
		return nil, nil
	}
	stmt, err := pgparser.ParseTokens(query, toks)
	if err != nil {
		return nil, parserError(err, query) // DROP's and TRUNCATE's 0A000 too: only the tree runs them
	}
	if n, ok := stmt.(*ast.TablespaceStmt); ok {
		ts, err := tablespaceOfTree(n) // tablespace_stmt.go: drove's own
		if err != nil {
			return nil, err
		}
		st := treeStatement(query, toks, nil)
		st.tsStmt = ts
		return st, nil
	}
	if n, ok := stmt.(*ast.RoleStmt); ok {
		u, err := userOfTree(n) // users.go
		if err != nil {
			return nil, err
		}
		st := treeStatement(query, toks, nil)
		st.user = u
		return st, nil
	}
	if ct, ok := stmt.(*ast.CreateTable); ok && ct.Query != nil {
		return ctasOfTree(ct, query, toks) // CREATE TABLE AS (ctas_tree.go)
	}
	end := toks[len(toks)-1]
	if end.IsPunct(";") && len(toks) > 1 {
		end = toks[len(toks)-2]
	}
	st := &Statement{first: t.Value, ddl: stmt, src: query, srcAt: t.Pos, srcEnd: end.End}
	if v, ok := stmt.(*ast.CreateView); ok {
		st.view = viewStmtOfTree(v, query, toks) // view_tree.go: the query's text
	}
	return st, nil
}

// execDDLTree runs a DDL statement sql/parser read.
func (s *Session) execDDLTree(ctx context.Context, st *Statement, out Output) error {
	ctx = tablespace.WithLockTimeout(ctx, s.set.lockTimeout)
	switch n := st.ddl.(type) {
	case *ast.Truncate:
		return s.truncate(ctx, n.Tables, n.RestartIdentity, n.Behavior == "CASCADE", out)
	case *ast.Drop:
		return s.execDrop(ctx, n, out)
	case *ast.CreateSequence:
		return s.execCreateSequence(ctx, n, out) // sequence_tree.go
	case *ast.CreateView:
		return s.execCreateView(ctx, n, st.view, out) // view_tree.go
	case *ast.AlterSequence:
		return s.execAlterSequence(ctx, n, out)
	case *ast.AlterTable:
		return s.execAlterObject(ctx, n, out) // alter_object_tree.go
	case *ast.CreateTable:
		return s.createTableTree(ctx, n, out) // create_tree.go
	case *ast.CreateIndex:
		return s.execCreateIndex(ctx, n, out) // index_tree.go
	}
	return Errorf("XX000", "statement %T is not run from the tree", st.ddl)
}

// execDrop runs DROP TABLE, VIEW, MATERIALIZED VIEW, INDEX or SEQUENCE.
func (s *Session) execDrop(ctx context.Context, d *ast.Drop, out Output) error {
	cascade := d.Behavior == "CASCADE"
	switch d.Kind {
	case ast.ObjTable:
		return s.dropTable(ctx, d.Names, d.IfExists, cascade, out)
	case ast.ObjView:
		if err := s.dropViews(ctx, d.Names, d.IfExists, cascade); err != nil {
			return err
		}
		return out.Complete("DROP VIEW")
	case ast.ObjMatView:
		return s.dropMatviews(ctx, d.Names, d.IfExists, cascade, out)
	case ast.ObjIndex:
		if d.Concurrently && s.tx != nil { // PostgreSQL's PreventInTransactionBlock, first
			return Errorf("25001", "DROP INDEX CONCURRENTLY cannot run inside a transaction block")
		}
		if cascade {
			return unsupported("DROP INDEX ... CASCADE")
		}
		if d.Concurrently && len(d.Names) > 1 {
			return Errorf("0A000", "DROP INDEX CONCURRENTLY does not support dropping multiple objects")
		}
		return s.dropIndexes(ctx, d.Names, d.IfExists, out)
	case ast.ObjSequence:
		if cascade {
			return unsupported("DROP SEQUENCE ... CASCADE")
		}
		return s.dropSequenceStmt(ctx, d.Names, d.IfExists, out)
	}
	return Errorf("XX000", "DROP %s is not run from the tree", d.Kind)
}

// ddlCommandName names a DDL statement of the tree as PostgreSQL's CreateCommandName does.
func ddlCommandName(n ast.Stmt) string {
	switch n := n.(type) {
	case *ast.Truncate:
		return "TRUNCATE TABLE"
	case *ast.Drop:
		return "DROP " + string(n.Kind)
	case *ast.CreateSequence:
		return "CREATE SEQUENCE"
	case *ast.CreateView:
		if n.Materialized {
			return "CREATE MATERIALIZED VIEW"
		}
		return "CREATE VIEW"
	case *ast.AlterTable:
		return "ALTER " + string(n.Kind)
	case *ast.AlterSequence:
		return "ALTER SEQUENCE"
	case *ast.CreateTable:
		return "CREATE TABLE"
	case *ast.CreateIndex:
		return "CREATE INDEX"
	}
	return "???"
}

// dropNameOf is the name a DROP looks for: public. (or the tablespace's name) comes off; a
// schema drove does not have is 3F000, or with IF EXISTS a NOTICE and "" (skip the name), as
// in PostgreSQL. A system schema or pg_temp stays in the name.
func (s *Session) dropNameOf(t *ast.Table, ifExists bool) (string, error) {
	q := t.Schema
	switch {
	case q == "":
		return t.Name, nil
	case q == "pg_catalog" || q == "information_schema" || q == "pg_temp":
		return q + "." + t.Name, nil
	case s.knownSchema(q):
		return t.Name, nil
	case ifExists:
		s.noticef("NOTICE", "00000", "schema %q does not exist, skipping", q)
		return "", nil
	}
	return "", schemaMissing(q)
}

// schemaMissing is PostgreSQL's error for a schema that does not exist.
func schemaMissing(q string) error {
	return Errorf("3F000", "schema %q does not exist", q)
}
