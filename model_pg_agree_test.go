package drove_test

import (
	"errors"
	"fmt"
	"testing"

	drovesql "github.com/drovedb/drove/sql"
)

// The comparison with PostgreSQL tells apart what it must: rows, their order when the query
// fixes it, NULL from the text "NULL", changed-row counts, and SQLSTATEs.
func TestModelPGAgree(t *testing.T) {
	s := func(v string) *string { return &v }
	code := func(c string) error { return fmt.Errorf("wrapped: %w", &drovesql.Error{Code: c, Message: "m"}) }
	ab := [][]*string{{s("1"), s("a")}, {s("2"), nil}}
	ba := [][]*string{{s("2"), nil}, {s("1"), s("a")}}
	rowCases := []struct {
		name    string
		rows    [][]*string
		err     error
		pg      pgAnswer
		ordered bool
		agree   bool
	}{
		{"same rows", ab, nil, pgAnswer{rows: ab}, true, true},
		{"order differs where fixed", ab, nil, pgAnswer{rows: ba}, true, false},
		{"order differs where free", ab, nil, pgAnswer{rows: ba}, false, true},
		{"a row missing", ab[:1], nil, pgAnswer{rows: ab}, false, false},
		{"a row twice", append(ab, ab[0]), nil, pgAnswer{rows: append(ab, ab[1])}, false, false},
		{"NULL is not the text NULL", [][]*string{{s("NULL")}}, nil, pgAnswer{rows: [][]*string{{nil}}}, true, false},
		{"values differ", [][]*string{{s("1|a")}}, nil, pgAnswer{rows: [][]*string{{s("1"), s("a")}}}, true, false},
		{"no rows, both", nil, nil, pgAnswer{}, true, true},
		{"same error", nil, code("42703"), pgAnswer{code: "42703"}, true, true},
		{"other error", nil, code("42703"), pgAnswer{code: "42P01"}, true, false},
		{"only drove fails", nil, code("42702"), pgAnswer{}, true, false},
		{"only PostgreSQL fails", nil, nil, pgAnswer{code: "42702"}, true, false},
		{"drove fails without a SQLSTATE", nil, errors.New("boom"), pgAnswer{code: ""}, true, false},
	}
	for _, c := range rowCases {
		if ok, d, p := agreeRows(c.rows, c.err, c.pg, c.ordered); ok != c.agree {
			t.Errorf("%s: agree = %v, want %v (drove %q, PostgreSQL %q)", c.name, ok, c.agree, d, p)
		}
	}
	execCases := []struct {
		name  string
		n     int64
		err   error
		pg    pgAnswer
		agree bool
	}{
		{"same count", 2, nil, pgAnswer{tag: "UPDATE 2"}, true},
		{"other count", 1, nil, pgAnswer{tag: "UPDATE 2"}, false},
		{"insert count", 1, nil, pgAnswer{tag: "INSERT 0 1"}, true},
		{"insert of none", 1, nil, pgAnswer{tag: "INSERT 0 0"}, false},
		{"delete count", 0, nil, pgAnswer{tag: "DELETE 0"}, true},
		{"DDL", 0, nil, pgAnswer{tag: "CREATE TABLE"}, true},
		{"same error", 0, code("23505"), pgAnswer{code: "23505"}, true},
		{"only drove refuses", 0, code("23505"), pgAnswer{tag: "INSERT 0 1"}, false},
		{"only PostgreSQL refuses", 1, nil, pgAnswer{code: "23505"}, false},
	}
	for _, c := range execCases {
		if ok := agreeExec(c.n, c.err, c.pg); ok != c.agree {
			t.Errorf("%s: agree = %v, want %v", c.name, ok, c.agree)
		}
	}
}
