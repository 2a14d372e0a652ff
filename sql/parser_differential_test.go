package sql

import (
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// TestParserMatchesConverter: for every golden query the current front end (dialect pass,
// vitess, converter) converts, drove's own parser (sql/parser) builds an equal tree, or one
// that differs only where the converter's tree loses what PostgreSQL's raw parse tree keeps
// (converterLosses). Any other difference fails.
func TestParserMatchesConverter(t *testing.T) {
	queries, asts, _ := goldenQueries(t)
	refused := goldenErrorCodes(t)
	same := 0
	categories := map[string]int{}
	for i, q := range queries {
		got, err := pgparser.ParseSelect(q)
		want := refused[goldenKey(q)]
		if err != nil {
			var e *pgparser.Error
			switch c := refusedCategory(err); {
			case errors.As(err, &e) && e.Code == "42601" && want == "42601":
				categories["PostgreSQL refuses it (42601), the converter reads it"]++
			case c != "":
				categories[c]++
			default:
				t.Errorf("%s\nparser: %v", q, err)
			}
			continue
		}
		desugarFuncFroms(got)
		if reflect.DeepEqual(got, asts[i]) || astDiff(asts[i], got) == "" {
			same++
			continue
		}
		cat := ""
		for _, l := range converterLosses {
			if l.normalize != nil {
				l.normalize(got)
				l.normalize(asts[i])
			}
			d := astDiff(asts[i], got)
			if d == "" || l.match != nil && l.match(q, d) {
				cat = l.name
				break
			}
		}
		if cat == "" {
			t.Errorf("%s\nconverter: %s\nparser:    %s\ndiff: %s", q, ast.Print(asts[i], ast.SQL), ast.Print(got, ast.SQL), astDiff(asts[i], got))
			continue
		}
		categories[cat]++
	}
	t.Logf("%d of %d golden queries (%.1f%%) parse to the converter's tree exactly", same, len(queries), 100*float64(same)/float64(len(queries)))
	var names []string
	for c := range categories {
		names = append(names, c)
	}
	sort.Strings(names)
	for _, c := range names {
		t.Logf("differ: %4d %s", categories[c], c)
	}
}

// goldenErrorCodes maps the golden queries PostgreSQL refuses to the SQLSTATE it answers.
func goldenErrorCodes(t *testing.T) map[string]string {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, file := range files {
		for _, b := range parseGolden(t, file) {
			if b.kind == "error" {
				out[goldenKey(b.sql)] = b.code
			}
		}
	}
	return out
}

func goldenKey(q string) string { return strings.TrimRight(strings.TrimSpace(q), "; \n") }

// refusedCategory names a construct the parser refuses with 0A000 because sql/ast cannot hold
// it while the converter represents it some other way ("" for any other error).
func refusedCategory(err error) string {
	e, ok := err.(*pgparser.Error)
	if !ok || e.Code != "0A000" {
		return ""
	}
	return "parser 0A000: " + e.Message
}

// converterLosses are the ways the converter's tree (built from vitess's reading of the
// dialect pass's MySQL) differs from PostgreSQL's raw parse tree, which the parser builds.
// Each either normalizes both trees (then they must be equal) or matches the difference.
var converterLosses = []struct {
	name      string
	normalize func(*ast.Select)
	match     func(query, diff string) bool
}{
	{name: "ROW(a, b) read as (a, b): the dialect pass drops ROW", normalize: func(s *ast.Select) {
		walkAll(s, func(n any) {
			if r, ok := n.(*ast.Row); ok {
				r.Explicit = false
			}
		})
	}},
	{name: "substring(a, b, c) read as SUBSTRING(a FROM b FOR c): vitess has one node for both", normalize: func(s *ast.Select) {
		walkAll(s, func(n any) {
			if f, ok := n.(*ast.FuncCall); ok && len(f.Name) == 1 && f.Name[0] == "substring" && f.Syntax == "" && len(f.Args) >= 2 && len(f.Args) <= 3 {
				f.Syntax = "substring"
			}
		})
	}},
	{name: "a set-returning function's output columns in FROM, which the converter expands from the catalog", match: func(q, d string) bool {
		return strings.Contains(d, `\x01out:`) || strings.Contains(d, ".Select.Targets: len")
	}},
	{name: "a function in FROM with WITH ORDINALITY or several column names: the converter's subquery selects its columns, the parser's ast.FuncFrom is PostgreSQL's RangeFunction", match: func(q, d string) bool {
		return strings.Contains(d, "*ast.SubqueryFrom vs *ast.FuncFrom")
	}},
	{name: "CURRENT_TIME(0) and its kin: vitess reads a precision of 0 as none", match: func(q, d string) bool {
		return strings.HasSuffix(d, ".Precision: -1 vs 0")
	}},
	{name: "FROM dual: vitess gives it an alias", match: func(q, d string) bool {
		return strings.Contains(strings.ToLower(q), "dual") && strings.HasSuffix(d, ".Alias: nil false vs nil true")
	}},
	{name: "LIMIT 9223372036854775807 read as no LIMIT: the dialect pass writes OFFSET alone with it", match: func(q, d string) bool {
		return strings.Contains(q, "9223372036854775807") && strings.HasSuffix(d, ".Limit: nil true vs nil false")
	}},
	{name: "x LIKE ANY (subquery) read as LIKE ANY (ARRAY(subquery))", match: func(q, d string) bool {
		return strings.HasSuffix(d, "*ast.AnyAll vs *ast.SubLink")
	}},
	{name: "x ~ ANY (ARRAY[...]) read as a call any(...): the converter has no regex ANY over an array constructor", match: func(q, d string) bool {
		return strings.HasSuffix(d, "*ast.BinaryOp vs *ast.AnyAll")
	}},
	{name: "f(*) read as f() for a window function: the dialect pass drops the *", match: func(q, d string) bool {
		return strings.HasSuffix(d, ".Star: false vs true")
	}},
	{name: "a quoted type name called as a function (\"numeric\"(x)): the dialect pass qualifies it with pg_catalog", match: func(q, d string) bool {
		return strings.HasSuffix(d, ".Name: len 2 vs 1")
	}},
	{name: "count(*) FILTER (...) OVER read as count(1): the window filter's rewrite", match: func(q, d string) bool {
		return strings.Contains(q, "FILTER") && strings.HasSuffix(d, ".Args: len 1 vs 0")
	}},
	{name: "x COLLATE c: the dialect pass drops the COLLATE", match: func(q, d string) bool {
		return strings.Contains(d, "vs *ast.Collate")
	}},
	{name: "CUBE (b) inside ROLLUP or CUBE read as a grouping construct: PostgreSQL's grammar calls a function cube (both 42883)", normalize: func(s *ast.Select) {
		walkAll(s, func(n any) {
			if g, ok := n.(*ast.GroupingSet); ok && (g.Kind == ast.GroupingRollup || g.Kind == ast.GroupingCube) {
				for i, e := range g.Content {
					if in, ok := e.(*ast.GroupingSet); ok && (in.Kind == ast.GroupingRollup || in.Kind == ast.GroupingCube) {
						g.Content[i] = &ast.FuncCall{Name: []string{map[ast.GroupingKind]string{ast.GroupingRollup: "rollup", ast.GroupingCube: "cube"}[in.Kind]}, Args: in.Content}
					}
				}
			}
		})
	}},
}

// walkAll calls f on every pointer reachable from v, the trees' nodes among them.
func walkAll(v any, f func(any)) { walkValue(reflect.ValueOf(v), f) }

func walkValue(v reflect.Value, f func(any)) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		f(v.Interface())
		walkValue(v.Elem(), f)
	case reflect.Interface:
		if !v.IsNil() {
			walkValue(v.Elem(), f)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				walkValue(v.Field(i), f)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkValue(v.Index(i), f)
		}
	}
}
