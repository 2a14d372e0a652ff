package sql

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// TestBinderConvertsQueries: the binder binds queries from sql/ast (bindQuery): the
// converter's binder mode converts WITH's queries, set operations' operands, VALUES and the
// subqueries of expressions into ast.Select, once, and a plain
// SELECT's FROM and WHERE too (FROM items, WHERE and ON as ast nodes, no foreign node).
// Each query the walk meets is listed, outermost first; a subquery left unconverted, or a
// foreign node, fails it.
func TestBinderConvertsQueries(t *testing.T) {
	q := "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), " +
		"v AS MATERIALIZED (VALUES (1), (2)) " +
		"SELECT (SELECT 1 + (SELECT 2)), EXISTS (SELECT 1 FROM t), a IN (SELECT 1 UNION SELECT 2), " +
		"a = ANY (ARRAY[1]), ARRAY(SELECT 1), (a, b) < ALL (SELECT 1, 2) FROM r WHERE a IN (SELECT 5) " +
		"UNION ALL (SELECT 3 INTERSECT VALUES (4))"
	st := mustParseOne(t, q)
	tree, err := queryTree(st.ast.(sqlparser.TableStatement))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ast.Walk(tree, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			if n.Select == nil {
				got = append(got, "unconverted subquery")
			}
		case *ast.Foreign:
			got = append(got, fmt.Sprintf("foreign %T", n.Node))
		case *ast.Select:
			got = append(got, queryShape(n))
		}
		return true
	})
	want := []string{
		"union with r v",
		"union", "select 1", "select 1 from where",
		"values 2",
		"select 6 from where",
		"select 1", "select 1", // (SELECT 1 + (SELECT 2))
		"select 1 from", // EXISTS (SELECT 1 FROM t)
		"union", "select 1", "select 1",
		"select 1", // ARRAY(SELECT 1)
		"select 2",
		"select 1", // WHERE a IN (SELECT 5)
		"intersect", "select 1", "values 1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// queryShape describes a query of the binder's tree for TestBinderConvertsQueries.
func queryShape(s *ast.Select) string {
	var out string
	switch {
	case s.Op == ast.Union:
		out = "union"
	case s.Op == ast.Intersect:
		out = "intersect"
	case s.Op == ast.Except:
		out = "except"
	case s.Values != nil:
		out = fmt.Sprintf("values %d", len(s.Values))
	default:
		out = fmt.Sprintf("select %d", len(s.Targets))
	}
	if s.With != nil {
		out += " with"
		for _, c := range s.With.CTEs {
			out += " " + c.Name
		}
	}
	if len(s.From) > 0 {
		out += " from"
	}
	if s.Where != nil {
		out += " where"
	}
	return out
}

// bindTree binds a query tree in session s as a query statement binds it: its columns, its
// plan as EXPLAIN prints it, or the SQLSTATE binding refuses it with.
func bindTree(s *Session, q *ast.Select) (cols []Column, plan []string, code string) {
	root, cols, err := s.bindQuery(q, &params{sess: s}, nil)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return nil, nil, e.Code
		}
		return nil, nil, "non-SQL error: " + err.Error()
	}
	ex := &explainer{}
	ex.root(root)
	return cols, ex.textLines(), ""
}

// converterTree is the binder's tree of a query as a query statement converts it; nil when
// the text is not one query vitess reads.
func converterTree(t *testing.T, q string) *ast.Select {
	pieces, err := splitAndRewrite(q)
	if err != nil || len(pieces) != 1 {
		return nil
	}
	st, err := parse(pieces[0])
	if err != nil {
		return nil
	}
	ts, ok := st.ast.(sqlparser.TableStatement)
	if !ok {
		return nil
	}
	tree, err := queryTree(ts)
	if err != nil {
		return nil
	}
	return tree
}

// TestBindQueryFromParser: bindQuery binds a query of sql/parser's tree as it binds the
// converter's, FROM and WHERE too: the same columns and plan (EXPLAIN's text). The golden
// corpus's queries are compared by TestBindFromParser (compareQueryBinding).
func TestBindQueryFromParser(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, q := range []string{
		"SELECT 1 + 2 AS x, (SELECT 3), EXISTS (SELECT 1 UNION SELECT 2), 'a' || 'b'",
		"VALUES (1, 'a'), (2, 'b') ORDER BY 1 DESC",
		"SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 2 ORDER BY 1 LIMIT 1",
		"SELECT ARRAY(SELECT 1 UNION SELECT 2), 1 IN (SELECT 1), 2 > ALL (SELECT 1), (SELECT count(*))",
		"WITH w AS MATERIALIZED (SELECT 1) SELECT (SELECT 2) FOR UPDATE",
		"SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid > 0 AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid) LIMIT ALL",
	} {
		conv := converterTree(t, q)
		if conv == nil {
			t.Fatalf("%s: the converter does not read it", q)
		}
		wantCols, wantPlan, wantCode := bindTree(s, conv)
		if wantCode != "" {
			t.Fatalf("%s: %s", q, wantCode)
		}
		parsed, err := pgparser.ParseSelect(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, plan, code := bindTree(s, parsed)
		if code != "" || !reflect.DeepEqual(cols, wantCols) || !reflect.DeepEqual(plan, wantPlan) {
			t.Errorf("%s:\n parser's tree %s %v\n%s\nconverter's %v\n%s", q, code, cols, strings.Join(plan, "\n"), wantCols, strings.Join(wantPlan, "\n"))
		}
	}
}

// compareQueryBinding binds one golden query both ways, if sql/parser reads it to the
// converter's tree, and compares (TestBindFromParser).
func compareQueryBinding(t *testing.T, s *Session, file string, b goldenBlock, st *parserBindStats) {
	if b.kind != "query" {
		return
	}
	q := dropCallAll(b.sql)
	parsed, err := pgparser.ParseSelect(q)
	if err != nil {
		return
	}
	plain, err := astQueryText(q)
	desugared, _ := pgparser.ParseSelect(q)
	desugarFuncFroms(desugared)
	if err != nil || !reflect.DeepEqual(desugared, plain) && astDiff(plain, desugared) != "" {
		return // not read alike (TestParserMatchesConverter's categories)
	}
	conv := converterTree(t, q)
	if conv == nil {
		return
	}
	wantCols, wantPlan, wantCode := bindTree(s, conv)
	// A function in FROM is bound as funcFromQuery's derived table, but EXPLAIN prints a
	// subquery holding one as written: the plans are compared on the derived table.
	cols, plan, code := bindTree(s, desugared)
	switch {
	case code != wantCode || !reflect.DeepEqual(cols, wantCols) || !reflect.DeepEqual(plan, wantPlan):
		t.Errorf("%s:%d: %s\n parser's tree %s %v\n%s\nconverter's %s %v\n%s", file, b.line, q, code, cols, strings.Join(plan, "\n"),
			wantCode, wantCols, strings.Join(wantPlan, "\n"))
	case code != "":
		st.sameError++
	default:
		st.same++
		if hasFromOrWhere(parsed) {
			st.withFrom++
		}
		if hasAnyAllArray(parsed) {
			st.anyArray++
		}
	}
}

// parserBindStats counts TestBindFromParser's golden queries: bound alike (with a FROM
// or WHERE somewhere; with x op ANY|ALL (array)) and refused alike. Any difference fails.
type parserBindStats struct{ same, withFrom, sameError, anyArray int }

// hasAnyAllArray reports whether the tree holds x op ANY|ALL (array).
func hasAnyAllArray(q *ast.Select) bool {
	found := false
	ast.Walk(q, func(n ast.Node) bool {
		_, ok := n.(*ast.AnyAll)
		found = found || ok
		return !found
	})
	return found
}

// astQueryText is the converter's plain tree of a query's text (TestParserMatchesConverter's).
func astQueryText(q string) (*ast.Select, error) {
	pieces, err := splitAndRewrite(q)
	if err != nil {
		return nil, err
	}
	if len(pieces) != 1 {
		return nil, errors.New("not one statement")
	}
	st, err := parse(pieces[0])
	if err != nil {
		return nil, err
	}
	ts, ok := st.ast.(sqlparser.TableStatement)
	if !ok {
		return nil, errors.New("not a query")
	}
	return astQuery(ts)
}

// hasFromOrWhere reports whether some query of the tree has a FROM or a WHERE.
func hasFromOrWhere(q *ast.Select) bool {
	found := false
	ast.Walk(q, func(n ast.Node) bool {
		if s, ok := n.(*ast.Select); ok && (len(s.From) > 0 || s.Where != nil) {
			found = true
		}
		return !found
	})
	return found
}

// mustParseOne runs one statement's text through the dialect pass and vitess, as a session
// parses it.
func mustParseOne(t testing.TB, q string) *Statement {
	t.Helper()
	pieces, err := splitAndRewrite(q)
	if err != nil {
		t.Fatal(err)
	}
	st, err := parse(pieces[0])
	if err != nil {
		t.Fatal(err)
	}
	return st
}
