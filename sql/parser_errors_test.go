package sql

import (
	"errors"
	"strings"
	"testing"

	pgparser "github.com/drovedb/drove/sql/parser"
)

// queryOnly reports whether every statement of q starts as a query would (or with a word
// that is no statement): the cases sql/parser, which reads queries only, answers as
// PostgreSQL does.
func queryOnly(q string) bool {
	for _, piece := range strings.Split(q, ";") {
		f := strings.Fields(strings.ToLower(piece))
		if len(f) == 0 {
			continue
		}
		switch f[0] {
		case "insert", "update", "delete", "create", "alter", "drop", "set", "show", "savepoint", "rollback",
			"begin", "truncate", "copy", "prepare", "execute", "deallocate", "replace", "use", "explain", "lock":
			return false
		}
	}
	return true
}

// The syntax errors of syntaxPositionCases in queries: sql/parser gives PostgreSQL's
// message at PostgreSQL's position.
func TestParserSyntaxPositions(t *testing.T) {
	n := 0
	for _, c := range syntaxPositionCases {
		if !queryOnly(c.sql) || c.pg == "ok" {
			continue
		}
		n++
		_, err := pgparser.Parse(c.sql)
		var e *pgparser.Error
		if !errors.As(err, &e) || e.Code != "42601" || e.Error() != c.msg || e.Position(c.sql) != c.pos {
			got := 0
			if e != nil {
				got = e.Position(c.sql)
			}
			t.Errorf("%q: got %v at %d, want %s at %d", c.sql, err, got, c.msg, c.pos)
		}
	}
	if n < 50 {
		t.Fatalf("only %d cases", n)
	}
}

// The MySQL constructs in queries that PostgreSQL's grammar refuses are 42601 for
// sql/parser too.
func TestParserRefusesMySQL(t *testing.T) {
	n := 0
	for _, c := range mysqlSyntaxCases {
		pg := c.code
		if c.pg != "" {
			pg = c.pg // PostgreSQL's own answer, where drove's differs
		}
		// ORDER BY 'constant' is PostgreSQL's 42601 from analysis, not from its grammar.
		if pg != "42601" || !queryOnly(c.sql) || strings.Contains(c.sql, "ORDER BY x, '") {
			continue
		}
		n++
		_, err := pgparser.Parse(c.sql)
		var e *pgparser.Error
		if !errors.As(err, &e) || e.Code != "42601" {
			t.Errorf("%q: got %v, want 42601", c.sql, err)
		}
	}
	if n < 10 {
		t.Fatalf("only %d cases", n)
	}
}
