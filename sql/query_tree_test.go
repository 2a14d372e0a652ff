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
	pieces, err := splitAndRewrite(q)
	if err != nil {
		t.Fatal(err)
	}
	st, err := parse(pieces[0])
	if err != nil {
		t.Fatal(err)
	}
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
		"select 1", // a = ANY (ARRAY[1]): the dialect pass's SELECT drove_unnest(...)
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

// TestBindQueryFromParser: bindQuery binds a query of sql/parser's tree as it binds the
// converter's, when the tree has no FROM or WHERE (which the binder reads from vitess's tree
// until where16's change): the same columns and plan; a FROM is 0A000, not a panic.
func TestBindQueryFromParser(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	bind := func(q *ast.Select) ([]Column, []string, error) {
		root, cols, err := s.bindQuery(q, &params{sess: s}, nil)
		if err != nil {
			return nil, nil, err
		}
		ex := &explainer{}
		root.explain(ex)
		return cols, ex.lines, nil
	}
	for _, q := range []string{
		"SELECT 1 + 2 AS x, (SELECT 3), EXISTS (SELECT 1 UNION SELECT 2), 'a' || 'b'",
		"VALUES (1, 'a'), (2, 'b') ORDER BY 1 DESC",
		"SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 2 ORDER BY 1 LIMIT 1",
		"SELECT ARRAY(SELECT 1 UNION SELECT 2), 1 IN (SELECT 1), 2 > ALL (SELECT 1), (SELECT count(*))",
		"WITH w AS MATERIALIZED (SELECT 1) SELECT (SELECT 2) FOR UPDATE",
	} {
		pieces, err := splitAndRewrite(q)
		if err != nil {
			t.Fatal(err)
		}
		st, err := parse(pieces[0])
		if err != nil {
			t.Fatal(err)
		}
		conv, err := queryTree(st.ast.(sqlparser.TableStatement))
		if err != nil {
			t.Fatal(err)
		}
		wantCols, wantPlan, err := bind(conv)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		parsed, err := pgparser.ParseSelect(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, plan, err := bind(parsed)
		if err != nil {
			t.Fatalf("%s: parser's tree: %v", q, err)
		}
		if !reflect.DeepEqual(cols, wantCols) || !reflect.DeepEqual(plan, wantPlan) {
			t.Errorf("%s:\n parser's tree %v\n%s\nconverter's %v\n%s", q, cols, strings.Join(plan, "\n"), wantCols, strings.Join(wantPlan, "\n"))
		}
	}
	parsed, err := pgparser.ParseSelect("SELECT 1 FROM t")
	if err != nil {
		t.Fatal(err)
	}
	var e *Error
	if _, _, err := bind(parsed); !errors.As(err, &e) || e.Code != "0A000" {
		t.Errorf("FROM of the parser's tree: got %v, want 0A000", err)
	}
}
