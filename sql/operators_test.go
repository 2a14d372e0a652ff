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
	if testing.Short() {
		t.Skip("starts PostgreSQL")
	}
	url := pgtest.Start(t)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
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
