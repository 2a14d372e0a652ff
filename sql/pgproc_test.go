package sql

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
)

// pg_proc's and pg_operator's rows are PostgreSQL 15's for the same oids: name, schema,
// kind, volatility, strictness, argument and result types, as the catalog and psql's \df and
// \do print them.
func TestCatalogFunctionsMatchPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test skipped in -short mode")
	}
	url := pgtest.Start(t)
	ctx := context.Background()
	pg, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close(ctx)
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()

	const procCols = `p.oid, p.proname, n.nspname, p.prokind, p.provolatile, p.proisstrict, p.proretset, p.pronargs,
		p.prorettype, p.proargtypes, p.provariadic, p.proallargtypes, p.proargmodes, p.proargnames,
		pg_catalog.pg_get_function_result(p.oid), pg_catalog.pg_get_function_arguments(p.oid),
		pg_catalog.pg_function_is_visible(p.oid)`
	compareCatalog(t, s, pg, procCols, "pg_proc p LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace", "p.oid",
		strings.Replace(procCols, "p.proargtypes", "p.proargtypes::text", 1))
	const opCols = `o.oid, o.oprname, n.nspname, o.oprkind, o.oprleft, o.oprright, o.oprresult,
		pg_catalog.format_type(o.oprresult, NULL), pg_catalog.pg_operator_is_visible(o.oid)`
	compareCatalog(t, s, pg, opCols+", o.oprcode", "pg_operator o LEFT JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace", "o.oid",
		opCols+", o.oprcode::oid")
}

// compareCatalog compares drove's rows of a catalog query with PostgreSQL's rows of the same
// oids.
func compareCatalog(t *testing.T, s *Session, pg *pgconn.PgConn, cols, from, oid, pgCols string) {
	t.Helper()
	drove := execOK(t, s, "SELECT "+cols+" FROM pg_catalog."+from+" ORDER BY "+oid).lines
	oids := make([]string, 0, len(drove))
	for _, row := range drove[:len(drove)-1] {
		o, _, _ := strings.Cut(row, "|")
		oids = append(oids, o)
	}
	want, code := runOnPostgres(context.Background(), pg, "SELECT "+pgCols+" FROM pg_catalog."+from+" WHERE "+oid+
		" IN ("+strings.Join(oids, ", ")+") ORDER BY "+oid)
	if code != "" {
		t.Fatalf("PostgreSQL: %s", code)
	}
	if len(drove) != len(want) {
		t.Errorf("%s: drove has %d rows, PostgreSQL %d of them", from, len(drove)-1, len(want)-1)
	}
	for i := range min(len(drove), len(want)) {
		if drove[i] != want[i] {
			t.Errorf("drove:      %s\nPostgreSQL: %s", drove[i], want[i])
		}
	}
}

// Every operator pg_operator lists compiles in drove, with the result type it lists.
func TestOperatorsCompile(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	words := map[string]string{"~~": "LIKE", "!~~": "NOT LIKE", "~~*": "ILIKE", "!~~*": "NOT ILIKE"}
	// A polymorphic argument (text || anynonarray) is tried with an integer.
	typeName := func(oid int64) string {
		switch pgTypeOf(oid).poly {
		case polyNone:
			return formatType(oid, -1)
		case polyCompatibleArray, polyArray:
			return "integer[]"
		}
		return "integer"
	}
	for _, o := range catalogOperators {
		op, right := o.name, "CAST(NULL AS "+typeName(o.right)+")"
		if w, ok := words[op]; ok {
			op = w
		}
		if strings.ContainsAny(o.name, "~") && o.kind == "b" {
			right = "'a'" // drove matches patterns that are constants
		}
		x := op + " " + right
		if o.kind == "b" {
			x = "CAST(NULL AS " + typeName(o.left) + ") " + x
		}
		q := "SELECT pg_typeof(" + x + ")"
		out, want := execOK(t, s, q).lines, typeName(o.result)
		if len(out) == 0 || out[0] != want {
			t.Errorf("%s: %v, want %s", q, out, want)
		}
	}
}

// psql's \do (describeOperators, as psql 15 -E prints it) for + and ||.
func TestPsqlDescribeOperators(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	q := `SELECT n.nspname as "Schema",
  o.oprname AS "Name",
  CASE WHEN o.oprkind='l' THEN NULL ELSE pg_catalog.format_type(o.oprleft, NULL) END AS "Left arg type",
  CASE WHEN o.oprkind='r' THEN NULL ELSE pg_catalog.format_type(o.oprright, NULL) END AS "Right arg type",
  pg_catalog.format_type(o.oprresult, NULL) AS "Result type",
  coalesce(pg_catalog.obj_description(o.oid, 'pg_operator'),
           pg_catalog.obj_description(o.oprcode, 'pg_proc')) AS "Description"
FROM pg_catalog.pg_operator o
     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
WHERE o.oprname OPERATOR(pg_catalog.~) '^(\|\||%)$' COLLATE pg_catalog.default
  AND pg_catalog.pg_operator_is_visible(o.oid)
ORDER BY 1, 2, 3, 4;`
	got := strings.Join(execOK(t, s, q).lines, "\n")
	want := strings.Join([]string{
		"pg_catalog|%|bigint|bigint|bigint|NULL",
		"pg_catalog|%|integer|integer|integer|NULL",
		"pg_catalog|%|numeric|numeric|numeric|NULL",
		"pg_catalog|%|smallint|smallint|smallint|NULL",
		// PostgreSQL also lists || of bit varying, tsvector and tsquery, types drove lacks.
		"pg_catalog||||anycompatible|anycompatiblearray|anycompatiblearray|NULL",
		"pg_catalog||||anycompatiblearray|anycompatible|anycompatiblearray|NULL",
		"pg_catalog||||anycompatiblearray|anycompatiblearray|anycompatiblearray|NULL",
		"pg_catalog||||anynonarray|text|text|NULL",
		"pg_catalog||||bytea|bytea|bytea|NULL",
		"pg_catalog||||jsonb|jsonb|jsonb|NULL",
		"pg_catalog||||text|anynonarray|text|NULL",
		"pg_catalog||||text|text|text|NULL",
		"tag: SELECT 12",
	}, "\n")
	if got != want {
		t.Fatalf("\\do:\n%s\nwant\n%s", got, want)
	}
}
