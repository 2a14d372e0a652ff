package sql

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
)

// pg_proc's rows are PostgreSQL 15's for the same oids: name, schema, kind, volatility,
// strictness, argument and result types, as the catalog and psql's \df print them.
func TestPgProcMatchesPostgres(t *testing.T) {
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

	const cols = `p.oid, p.proname, n.nspname, p.prokind, p.provolatile, p.proisstrict, p.proretset, p.pronargs,
		p.prorettype, p.proargtypes, p.provariadic, p.proallargtypes, p.proargmodes, p.proargnames,
		pg_catalog.pg_get_function_result(p.oid), pg_catalog.pg_get_function_arguments(p.oid),
		pg_catalog.pg_function_is_visible(p.oid)`
	const from = ` FROM pg_catalog.pg_proc p LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace`
	drove := execOK(t, s, "SELECT "+cols+from+" ORDER BY p.oid").lines
	oids := make([]string, 0, len(drove))
	for _, row := range drove[:len(drove)-1] {
		oid, _, _ := strings.Cut(row, "|")
		oids = append(oids, oid)
	}
	pgCols := strings.Replace(cols, "p.proargtypes", "p.proargtypes::text", 1)
	want, code := runOnPostgres(ctx, pg, "SELECT "+pgCols+from+" WHERE p.oid IN ("+strings.Join(oids, ", ")+") ORDER BY p.oid")
	if code != "" {
		t.Fatalf("PostgreSQL: %s", code)
	}
	if len(drove) != len(want) {
		t.Errorf("drove has %d functions, PostgreSQL %d of them", len(drove)-1, len(want)-1)
	}
	for i := range min(len(drove), len(want)) {
		if drove[i] != want[i] {
			t.Errorf("drove:      %s\nPostgreSQL: %s", drove[i], want[i])
		}
	}
}
