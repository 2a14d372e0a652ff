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

// goldenStatement is one block of a golden file: its text and what PostgreSQL 15 answered
// ("" when it ran, else the SQLSTATE).
type goldenStatement struct {
	file, sql, code string
	line            int
}

func goldenStatements(t *testing.T) []goldenStatement {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var out []goldenStatement
	for _, file := range files {
		for _, b := range parseGolden(t, file) {
			if b.kind == "comment" {
				continue
			}
			out = append(out, goldenStatement{file: filepath.Base(file), sql: b.sql, code: b.code, line: b.line})
		}
	}
	return out
}

// statementKind names a statement's kind for the coverage counts: its first word, two for
// CREATE/ALTER/DROP.
func statementKind(q string) string {
	f := strings.Fields(strings.ToLower(strings.TrimLeft(q, "( ")))
	if len(f) == 0 {
		return "(empty)"
	}
	k := strings.TrimRight(f[0], ";")
	if len(f) > 1 && (k == "create" || k == "alter" || k == "drop") {
		w := f[1]
		if w == "or" || w == "temp" || w == "temporary" || w == "local" || w == "unique" || w == "unlogged" {
			w = f[len(f)-1]
			for _, x := range f[1:] {
				if x == "table" || x == "view" || x == "index" || x == "sequence" {
					w = x
					break
				}
			}
		}
		k += " " + w
	}
	return k
}

// statementExceptions are the golden statements sql/parser answers otherwise than PostgreSQL's
// grammar, each kind with the reason. A statement outside them fails the test.
var statementExceptions = []struct {
	name  string
	match func(s goldenStatement, err error) bool
}{
	{"SELECT INTO: 0A000, sql/ast has no node for it (CREATE TABLE AS holds the same)", func(s goldenStatement, err error) bool {
		return is0A000(err, "SELECT INTO")
	}},
	{"WITH ORDINALITY, a function in FROM with several column names, a slice with an omitted bound: 0A000 (sql/ast cannot hold them)", func(s goldenStatement, err error) bool {
		return is0A000(err, "WITH ORDINALITY") || is0A000(err, "several column names") || is0A000(err, "slice")
	}},
	{"ONLY: 0A000 (sql/ast's Table has no inheritance flag; drove has no inheritance)", func(s goldenStatement, err error) bool {
		return is0A000(err, "ONLY")
	}},
	{"a statement drove does not run (LOCK, GRANT, CREATE FUNCTION, ...): 0A000", func(s goldenStatement, err error) bool {
		return is0A000(err, "the parser does not read")
	}},
	{"PostgreSQL's 42601 raised by analysis, not the grammar (the parser accepts the text)", func(s goldenStatement, err error) bool {
		return err == nil && s.code == "42601" && analysis42601(s.sql)
	}},
}

func is0A000(err error, what string) bool {
	var e *pgparser.Error
	return errors.As(err, &e) && e.Code == "0A000" && strings.Contains(e.Message, what)
}

// analysis42601 recognizes the golden statements PostgreSQL refuses with 42601 after its
// grammar accepted them (parse analysis: transformStmt and kin), by the construct.
func analysis42601(q string) bool {
	l := strings.ToLower(q)
	for _, s := range analysisSyntaxErrors {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}

// analysisSyntaxErrors are those constructs: DEFAULT outside VALUES/SET, ON CONFLICT DO UPDATE
// without an arbiter, a multiple-column SET from a plain expression, RENAME in a list of
// ALTER TABLE actions is the grammar's.
var analysisSyntaxErrors = []string{}

// TestParserStatements: every statement of the golden files that PostgreSQL 15 ran without a
// syntax error parses with sql/parser, every one it refused with 42601 is refused with
// 42601 (but for statementExceptions), and each parsed statement prints as text that parses
// back to an equal tree.
func TestParserStatements(t *testing.T) {
	type count struct{ parsed, total int }
	byKind := map[string]*count{}
	exceptions := map[string]int{}
	refused, refusedOK := 0, 0
	for _, s := range goldenStatements(t) {
		list, err := pgparser.Parse(s.sql)
		kind := statementKind(s.sql)
		if byKind[kind] == nil {
			byKind[kind] = &count{}
		}
		var e *pgparser.Error
		if s.code == "42601" {
			refused++
			if errors.As(err, &e) && e.Code == "42601" {
				refusedOK++
				continue
			}
		} else {
			byKind[kind].total++
			if err == nil {
				byKind[kind].parsed++
				roundTrip(t, s, list)
				continue
			}
			if errors.As(err, &e) && e.Code == "42601" {
				t.Errorf("%s:%d: %s\nPostgreSQL reads it, parser: %v", s.file, s.line, s.sql, err)
				continue
			}
		}
		matched := false
		for _, x := range statementExceptions {
			if x.match(s, err) {
				exceptions[x.name]++
				matched = true
				break
			}
		}
		if !matched {
			t.Errorf("%s:%d: %s\nPostgreSQL: %q, parser: %v", s.file, s.line, s.sql, s.code, err)
		}
	}
	var kinds []string
	parsed, total := 0, 0
	for k, c := range byKind {
		kinds = append(kinds, k)
		parsed += c.parsed
		total += c.total
	}
	sort.Strings(kinds)
	t.Logf("parsed %d of %d statements PostgreSQL's grammar reads (%.1f%%); refused %d of %d it refuses with 42601",
		parsed, total, 100*float64(parsed)/float64(total), refusedOK, refused)
	for _, k := range kinds {
		if c := byKind[k]; c.total > 0 {
			t.Logf("  %-22s %4d / %4d", k, c.parsed, c.total)
		}
	}
	for _, x := range statementExceptions {
		t.Logf("exception: %4d %s", exceptions[x.name], x.name)
	}
}

// roundTrip checks that each statement prints as text that parses back to an equal tree.
func roundTrip(t *testing.T, s goldenStatement, list []ast.Stmt) {
	t.Helper()
	for _, st := range list {
		text := ast.Print(st, ast.SQL)
		again, err := pgparser.Parse(text)
		if err != nil {
			t.Errorf("%s:%d: %s\nprints as %s\nwhich fails: %v", s.file, s.line, s.sql, text, err)
			continue
		}
		if len(again) != 1 || !reflect.DeepEqual(st, again[0]) {
			got := ""
			if len(again) == 1 {
				got = ast.Print(again[0], ast.SQL)
			}
			t.Errorf("%s:%d: %s\nprints as %s\nreads back as %s", s.file, s.line, s.sql, text, got)
		}
	}
}
