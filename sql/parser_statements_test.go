package sql

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/jackc/pgx/v5/pgconn"
)

// goldenStatement is one block of a golden file: its text and what PostgreSQL 15 answered
// ("" when it ran, else the SQLSTATE).
type goldenStatement struct {
	file, sql, code string
	msg             string // PostgreSQL's message, where the golden file records it
	line            int
}

func goldenStatements(t *testing.T) []goldenStatement {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var out []goldenStatement
	for _, file := range files {
		deviation := false
		for _, b := range parseGolden(t, file) {
			if b.kind == "comment" {
				deviation = deviation || strings.HasPrefix(b.sql, "# deviation")
				continue
			}
			if deviation {
				deviation = false // drove's answer is recorded, not PostgreSQL's
				continue
			}
			code, msg := b.code, ""
			if b.kind == "query" && len(b.expect) > 0 && strings.HasPrefix(b.expect[0], "error ") {
				code, msg, _ = strings.Cut(strings.TrimPrefix(b.expect[0], "error "), ": ")
			}
			out = append(out, goldenStatement{file: filepath.Base(file), sql: b.sql, code: code, msg: msg, line: b.line})
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
	{"a statement drove does not run (LOCK, GRANT, CREATE FUNCTION, ...): 0A000", func(s goldenStatement, err error) bool {
		return is0A000(err, "the parser does not read")
	}},
	{"CREATE TABLE (LIKE ...), which sql/ast cannot hold yet (drove runs it: create_like.go): 0A000", func(s goldenStatement, err error) bool {
		return is0A000(err, "LIKE in CREATE TABLE")
	}},
	{"MERGE in WITH, which PostgreSQL 15's parse analysis refuses with 0A000 too (its grammar reads it)", func(s goldenStatement, err error) bool {
		return s.code == "0A000" && is0A000(err, "MERGE in WITH")
	}},
}

func is0A000(err error, what string) bool {
	var e *pgparser.Error
	return errors.As(err, &e) && e.Code == "0A000" && strings.Contains(e.Message, what)
}

// TestParserStatements: every statement of the golden files that PostgreSQL 15 ran without a
// syntax error parses with sql/parser, every one it refused with 42601 is refused with
// 42601 (but for statementExceptions), and each parsed statement prints as text that parses
// back to an equal tree.
func TestParserStatements(t *testing.T) {
	type count struct{ parsed, total int }
	byKind := map[string]*count{}
	exceptions := map[string]int{}
	refused, refusedOK, sameError, messages := 0, 0, 0, 0
	var accepted []goldenStatement // PostgreSQL's 42601 the parser does not raise
	var refusedList []refusal
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
				refusedList = append(refusedList, refusal{s, e})
				if s.msg != "" {
					messages++
					if e.Error() != s.msg {
						t.Errorf("%s:%d: %s\nPostgreSQL: %s\nparser:     %s", s.file, s.line, s.sql, s.msg, e.Error())
					}
				}
				continue
			}
			if err == nil {
				accepted = append(accepted, s)
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
			if errors.As(err, &e) && e.Code == s.code && e.Code != "0A000" {
				sameError++ // the lexer's error PostgreSQL's lexer raises too (22021, 22P02, ...)
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
	analysis := grammarAccepts(t, accepted)
	samePlace := sameSyntaxErrors(t, refusedList)
	var kinds []string
	parsed, total := 0, 0
	for k, c := range byKind {
		kinds = append(kinds, k)
		parsed += c.parsed
		total += c.total
	}
	sort.Strings(kinds)
	t.Logf("parsed %d of %d statements PostgreSQL's grammar reads (%.1f%%), %d more refused with PostgreSQL's SQLSTATE; "+
		"refused %d of %d it refuses with 42601, the other %d are analysis's 42601 (PostgreSQL's grammar reads them)",
		parsed, total, 100*float64(parsed)/float64(total), sameError, refusedOK, refused, analysis)
	t.Logf("%d of the refused have PostgreSQL's message recorded: the parser's is the same; "+
		"%d of the %d refused have PostgreSQL's message and position (asked of PostgreSQL)", messages, samePlace, len(refusedList))
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

// grammarAccepts checks on PostgreSQL 15 that its grammar reads each statement it refused
// with 42601 and the parser accepts: the 42601 came from parse analysis (VALUES lists of
// different lengths, a row comparison's sizes, a to_char pattern, ...), which needs the
// catalog and is the binder's. PostgreSQL parses a whole simple-query string before it runs
// any of it, so after `SELECT 1/0;` a statement its grammar refuses answers 42601 and one it
// reads answers 22012. It returns how many are analysis's.
func grammarAccepts(t *testing.T, list []goldenStatement) int {
	if len(list) == 0 {
		return 0
	}
	c := pgtest.Connect(t)
	n := 0
	for _, s := range list {
		_, err := c.Exec(context.Background(), "SELECT 1/0;\n"+s.sql).ReadAll()
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "22012" {
			n++
			continue
		}
		t.Errorf("%s:%d: %s\nPostgreSQL's grammar refuses it (%v), the parser reads it", s.file, s.line, s.sql, err)
	}
	return n
}

// pgbenchDML are pgbench's (TPC-B-like) writes, with constants and with parameters.
var pgbenchDML = []string{
	"UPDATE pgbench_accounts SET abalance = abalance + -4242 WHERE aid = 42",
	"UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2",
	"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (7, 1, 42, -4242, CURRENT_TIMESTAMP)",
	"INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP)",
}

// BenchmarkDMLFrontEnd compares reading pgbench's UPDATE and INSERT: the current front end
// (dialect pass and vitess, whose tree the binder reads for DML) with sql/parser's tree.
func BenchmarkDMLFrontEnd(b *testing.B) {
	for i, q := range pgbenchDML {
		name := strconv.Itoa(i) + "_" + strings.Fields(q)[0] + "_" + strconv.Itoa(len(q))
		b.Run("dialect+vitess/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				pieces, err := splitAndRewrite(q)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := parse(pieces[0]); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("parser/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				if _, err := pgparser.Parse(q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type refusal struct {
	s goldenStatement
	e *pgparser.Error
}

// sameSyntaxErrors asks PostgreSQL 15 for its syntax error on each statement both refuse
// (after `SELECT 1/0;`, as grammarAccepts does) and counts those where the parser's message
// and position are PostgreSQL's; a difference is reported.
func sameSyntaxErrors(t *testing.T, list []refusal) int {
	c := pgtest.Connect(t)
	const prefix = "SELECT 1/0;\n"
	n := 0
	for _, r := range list {
		_, err := c.Exec(context.Background(), prefix+r.s.sql).ReadAll()
		var pe *pgconn.PgError
		offset := len([]rune(prefix))
		if errors.As(err, &pe) && pe.Code == "22012" {
			// PostgreSQL's grammar reads it and its analysis refuses it (a misplaced
			// DEFERRABLE on a column); the parser, whose tree cannot hold it, refuses it
			// alike: same message, same place.
			_, err = c.Exec(context.Background(), "BEGIN; "+r.s.sql+"; ROLLBACK").ReadAll()
			c.Exec(context.Background(), "ROLLBACK").ReadAll()
			offset = len("BEGIN; ")
		}
		if errors.As(err, &pe) && pe.Code == "42P01" && offset == len("BEGIN; ") && strings.HasSuffix(r.e.Message, "must specify unqualified relation names") {
			// FOR UPDATE OF s.t: analysis's 42601 after FROM's tables are found, which the
			// golden file creates and this database has not; ast.Locking holds bare names, so
			// the parser raises it (TestErrorsOnPostgres checks it on pg_class).
			n++
			continue
		}
		if !errors.As(err, &pe) || pe.Code != "42601" {
			t.Errorf("%s:%d: %s\nPostgreSQL answers %v", r.s.file, r.s.line, r.s.sql, err)
			continue
		}
		pos := int(pe.Position) - offset
		if pe.Position == 0 {
			pos = 0 // PostgreSQL gives none (WITH TIES without ORDER BY)
		}
		if pe.Message == r.e.Error() && pos == r.e.Position(r.s.sql) {
			n++
			continue
		}
		t.Errorf("%s:%d: %s\nPostgreSQL: %s at %d\nparser:     %s at %d", r.s.file, r.s.line, r.s.sql, pe.Message, pos, r.e.Error(), r.e.Position(r.s.sql))
	}
	return n
}
