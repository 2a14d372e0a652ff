package sql

import (
	"context"
	"errors"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/jackc/pgx/v5/pgconn"
)

// operatorResolutionCases are operator expressions with the type PostgreSQL 15 resolves them
// to (pg_typeof) or its SQLSTATE: the binder finds operators through the registry
// (operators.go), with PostgreSQL's resolution. TestOperatorResolutionOnPostgres checks the
// table on PostgreSQL. pg is PostgreSQL's answer where drove's differs (it lacks an
// operator PostgreSQL has).
var operatorResolutionCases = []struct {
	expr, want, pg string
}{
	{"1::float8 % 2", "error 42883", ""},      // no float %: numeric's needs an assignment cast
	{"1.5::real % 1", "error 42883", ""},      //
	{"'1' + '2'", "error 42725", ""},          // unknown + unknown
	{"NULL + NULL", "error 42725", ""},        //
	{"1::int8 << 2::int8", "error 42883", ""}, // a shift count is an integer
	{"current_date + 1::int8", "error 42883", ""},
	{"'a'::text = 1", "error 42883", ""},
	{"true = 1", "error 42883", ""},
	{"NULL + 1", "integer", ""},
	{"1 + 1.5", "numeric", ""},
	{"1::int2 + 1::int8", "bigint", ""},
	{"1::real + 1", "double precision", ""}, // float8 is the preferred type
	{"1::real + 1.5", "double precision", ""},
	{"1::real + 1::real", "real", ""},
	{"1.5 + 1::float8", "double precision", ""},
	{"1::int8 * 1::real", "double precision", ""},
	{"1 / 2::numeric", "numeric", ""},
	{"2 - '1'", "integer", ""},
	{"'a' = 'b'", "boolean", ""},
	{"true < false", "boolean", ""},
	{"current_date = now()::timestamp", "boolean", ""},
	{"'x'::bytea < 'y'", "boolean", ""},
	{"1::int2 & 1::int8", "bigint", ""},
	{"1::int8 >> 1", "bigint", ""},
	{"current_date - current_date", "integer", ""},
	{"1 + current_date", "date", ""},
	{"1 = '1.5'", "error 22P02", ""},
	// date + interval makes this ambiguous in PostgreSQL; drove has no interval yet.
	{"'2024-01-01'::date + '1'", "error 42725", ""},
}

func TestOperatorResolution(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, c := range operatorResolutionCases {
		out := &textOutput{}
		err := s.Exec(context.Background(), "SELECT pg_typeof("+c.expr+")", out)
		got := ""
		var e *Error
		switch {
		case errors.As(err, &e):
			got = "error " + e.Code
		case err != nil:
			got = err.Error()
		case len(out.lines) > 0:
			got = out.lines[0]
		}
		if got != c.want {
			t.Errorf("%s: got %s, want %s", c.expr, got, c.want)
		}
	}
}

func TestOperatorResolutionOnPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	ctx := context.Background()
	for _, tc := range operatorResolutionCases {
		want := tc.want
		if tc.pg != "" {
			want = tc.pg
		}
		lines, code := runOnPostgres(ctx, c, "SELECT pg_typeof("+tc.expr+")")
		got := "error " + code
		if code == "" && len(lines) > 0 {
			got = lines[0]
		}
		if got != want {
			t.Errorf("%s: PostgreSQL answers %s, the table says %s", tc.expr, got, want)
		}
	}
}

// operatorErrorCases are operator calls PostgreSQL 15 refuses, with its message and hint
// (TestOperatorErrorsOnPostgres checks them there): the registry's 42883 and 42725.
var operatorErrorCases = []struct{ expr, code, message, hint string }{
	{"1 || 2", "42883", "operator does not exist: integer || integer", hintNoOperator},
	{"- true", "42883", "operator does not exist: - boolean", hintNoPrefixOperator},
	{`'{"a":1}'::json ? 'a'`, "42883", "operator does not exist: json ? unknown", hintNoOperator},
	{"date '2024-02-28' + date '2024-02-28'", "42883", "operator does not exist: date + date", hintNoOperator},
	{"1 LIKE 'a'", "42883", "operator does not exist: integer ~~ unknown", hintNoOperator},
	{"1 ~ 'a'", "42883", "operator does not exist: integer ~ unknown", hintNoOperator},
	{"'[1]'::jsonb -> 1::int8", "42883", "operator does not exist: jsonb -> bigint", hintNoOperator},
	{"interval '1 day' * interval '1 day'", "42883", "operator does not exist: interval * interval", hintNoOperator},
	{"timestamptz 'now' + timestamptz 'now'", "42883",
		"operator does not exist: timestamp with time zone + timestamp with time zone", hintNoOperator},
	{"NULL + NULL", "42725", "operator is not unique: unknown + unknown", hintNotUnique},
	{"-'1'", "42725", "operator is not unique: - unknown", hintNotUnique},
	{"'{}' @> '{}'", "42725", "operator is not unique: unknown @> unknown", hintNotUnique},
	{"'{}' -> 'a'", "42725", "operator is not unique: unknown -> unknown", hintNotUnique},
	{"date '2024-02-28' + '1'", "42725", "operator is not unique: date + unknown", hintNotUnique},
}

const (
	hintNoOperator       = "No operator matches the given name and argument types. You might need to add explicit type casts."
	hintNoPrefixOperator = "No operator matches the given name and argument type. You might need to add an explicit type cast."
	hintNotUnique        = "Could not choose a best candidate operator. You might need to add explicit type casts."
)

func TestOperatorErrors(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, c := range operatorErrorCases {
		err := s.Exec(context.Background(), "SELECT "+c.expr, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code || e.Message != c.message || e.Hint != c.hint {
			t.Errorf("%s: got %v, want %s %s (hint %q)", c.expr, err, c.code, c.message, c.hint)
		}
	}
}

func TestOperatorErrorsOnPostgres(t *testing.T) {
	c := pgtest.Connect(t)
	ctx := context.Background()
	for _, tc := range operatorErrorCases {
		_, err := c.Exec(ctx, "SELECT "+tc.expr).ReadAll()
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != tc.code || pe.Message != tc.message || pe.Hint != tc.hint {
			t.Errorf("%s: PostgreSQL answers %v (hint %q)", tc.expr, err, pgHint(pe))
		}
	}
}

func pgHint(e *pgconn.PgError) string {
	if e == nil {
		return ""
	}
	return e.Hint
}
