package sql

import (
	"regexp"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestCreateTableAsFromTree: every golden CREATE TABLE AS and SELECT INTO (a block of one
// statement) is read into sql/parser's tree as the ctasStmt it runs as, or refused by the
// parser with the SQLSTATE its block expects; the golden files check what each does. (While
// the pass's parsers lived, every one ran both ways: 41 alike, 21 failing with the same
// SQLSTATE, 3 refused alike at parsing; ctastree.sql records where they differed from
// PostgreSQL.)
func TestCreateTableAsFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?is)^\s*(create\s+((local|global)\s+)?((temp|temporary|unlogged)\s+)?table\s+[^(]*?(\([^()]*\))?\s*(with\s*\([^()]*\)\s*)?(on\s+commit\s+\w+(\s+rows)?\s+)?as\b|(with\b.*|\(?\s*)select\b.*\binto\b)`)
	read := goldenFromTree(t, re, []string{"into", " as "}, func(st *Statement) (bool, string) {
		switch {
		case st.ctas == nil && st.query == nil && st.dml == nil:
			return false, "not read into the parser's tree"
		case st.ctas == nil:
			return false, "" // INTO in a string literal, an INSERT ... INTO after WITH
		case st.ctas.text == "" || st.ctas.name == "":
			return false, "read without its text or name"
		}
		return true, ""
	})
	if read < 45 {
		t.Errorf("only %d golden CREATE TABLE AS and SELECT INTO statements read into the tree", read)
	}
}

// TestSelectIntoParserRefusal: a SELECT INTO the parser refuses with 0A000 (TABLESAMPLE) keeps
// the parser's error; it is not handed to the dialect pass, which no longer reads SELECT INTO.
func TestSelectIntoParserRefusal(t *testing.T) {
	_, err := parseStatements("SELECT a INTO st1 FROM t TABLESAMPLE SYSTEM (10)", func() error { return nil })
	if code := sqlstateOf(err); code != "0A000" {
		t.Errorf("SELECT INTO with TABLESAMPLE: %v (%s), want the parser's 0A000", err, code)
	}
}

// TestCreateLikeFromTree: every golden CREATE TABLE with a LIKE element is read into
// sql/parser's tree with the element (ast.ColumnDef.Like), which create_like.go writes out.
func TestCreateLikeFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?is)^\s*create\s+((local|global)\s+)?((temp|temporary|unlogged)\s+)?table\s+[^(]*\(\s*([^()]*,\s*)?like\s`)
	read := goldenFromTree(t, re, []string{"like"}, func(st *Statement) (bool, string) {
		if ct, ok := st.ddl.(*ast.CreateTable); !ok || !hasLike(ct) {
			return false, "not read into the parser's tree with its LIKE"
		}
		return true, ""
	})
	if read < 12 {
		t.Errorf("only %d golden CREATE TABLE ... LIKE statements read into the tree", read)
	}
}
