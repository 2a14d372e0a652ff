package parser

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// goldenCorpus is the text of every block of sql's golden files (the statements drove's
// tests run, as PostgreSQL 15 answered them).
func goldenCorpus(f *testing.F) []string {
	files, err := filepath.Glob("../testdata/*.sql")
	if err != nil {
		f.Fatal(err)
	}
	var out []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var cur []string
		inBlock, inExpect := false, false
		for _, line := range strings.Split(string(data), "\n") {
			switch {
			case strings.TrimSpace(line) == "":
				if len(cur) > 0 {
					out = append(out, strings.Join(cur, "\n"))
				}
				cur, inBlock, inExpect = nil, false, false
			case !inBlock && strings.HasPrefix(line, "#"):
			case !inBlock:
				inBlock = true // the block's header: statement ok, statement error X, query
			case line == "----":
				inExpect = true
			case !inExpect:
				cur = append(cur, line)
			}
		}
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
		}
	}
	return out
}

// FuzzParser: any text gives a tree or an error in PostgreSQL's shape (a syntax error or
// another SQLSTATE the parser or lexer raises, with a position inside the text), never a
// panic or a hang; a tree prints (ast's SQL style) as text that parses back to an equal tree.
func FuzzParser(f *testing.F) {
	for _, c := range errorCases {
		f.Add(c.in)
	}
	for _, c := range statementCases {
		f.Add(c.in)
	}
	for _, q := range goldenCorpus(f) {
		f.Add(q)
	}
	for _, s := range []string{
		"SELECT a, count(*) FILTER (WHERE b > 1) OVER (PARTITION BY c ORDER BY d ROWS 2 PRECEDING) FROM t GROUP BY a",
		"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r ORDER BY n DESC LIMIT 3",
		"SELECT * FROM a LEFT JOIN b USING (k) CROSS JOIN LATERAL (SELECT a.x) s(y) WHERE a.k IN (SELECT 1) AND NOT EXISTS (SELECT 2)",
		"SELECT CASE WHEN x BETWEEN SYMMETRIC 1 AND 2 THEN ARRAY[1, 2][1:2] ELSE NULL END, x::numeric(10, 2), INTERVAL '1' DAY",
		"SELECT substring(a FROM 1 FOR 2), trim(BOTH 'x' FROM a), position('a' IN b), EXTRACT(epoch FROM t), (r).f, $1[2]",
		"VALUES (1, 'a'), (2, DEFAULT) ORDER BY 1 OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY",
		"(SELECT 1) UNION (SELECT 2 INTERSECT SELECT 3) EXCEPT TABLE t FOR UPDATE",
		"SELECT a LIKE ANY (ARRAY['x']), b NOT SIMILAR TO 'y' ESCAPE '!', c IS NOT DISTINCT FROM d, e ISNULL, f IS UNKNOWN",
		"SELECT - 1 ^ 2 * 3 || 'x' COLLATE \"C\" AT TIME ZONE 'UTC', @ -1, a OPERATOR(pg_catalog.+) b",
		"select ((((select 1)))) + (((1)))",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		list, err := Parse(src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%q: %T %v", src, err, err)
			}
			switch e.Code {
			case "42601", "54001", "0A000", "22P02", "22021", "22025", "42P02":
			default:
				t.Fatalf("%q: unexpected SQLSTATE %s: %v", src, e.Code, err)
			}
			if e.Pos < -1 || e.Pos > len(src) { // -1: an error PostgreSQL reports without a position
				t.Fatalf("%q: position %d outside the text", src, e.Pos)
			}
			return
		}
		for _, s := range list {
			text := ast.Print(s, ast.SQL)
			again, err := Parse(text)
			if err != nil {
				t.Fatalf("%q\nprints as %s\nwhich fails: %v", src, text, err)
			}
			if len(again) != 1 {
				t.Fatalf("%q\nprints as %s\nwhich is %d statements", src, text, len(again))
			}
			if !reflect.DeepEqual(s, again[0]) && ast.Print(again[0], ast.SQL) != text {
				t.Fatalf("%q\nprints as %s\nreads back as %s", src, text, ast.Print(again[0], ast.SQL))
			}
		}
	})
}
