package sql

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestRecordGoldenFromPostgres writes the expected rows of the golden file named by
// DROVE_RECORD_GOLDEN (e.g. testdata/interval.sql) from a real PostgreSQL 15, so a new file's
// expectations are PostgreSQL's, not drove's. Blocks after a "# deviation:" comment are left
// as they are. It is a tool, skipped unless the variable is set.
func TestRecordGoldenFromPostgres(t *testing.T) {
	file := os.Getenv("DROVE_RECORD_GOLDEN")
	if file == "" {
		t.Skip("set DROVE_RECORD_GOLDEN=testdata/<file>.sql to record its expected output from PostgreSQL")
	}
	url := pgtest.Start(t)
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE DATABASE record").ReadAll(); err != nil {
		t.Fatal(err)
	}
	c, err := pgconn.Connect(ctx, pgtest.Database(url, "record"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var out strings.Builder
	deviation := false
	for _, b := range parseGolden(t, file) {
		if b.kind == "comment" {
			deviation = deviation || strings.HasPrefix(b.sql, "# deviation:")
			out.WriteString(b.sql + "\n")
			continue
		}
		switch b.kind {
		case "ok":
			out.WriteString("statement ok\n" + b.sql + "\n\n")
		case "error":
			out.WriteString("statement error " + b.code + "\n" + b.sql + "\n\n")
		case "query":
			lines := b.expect
			if !deviation {
				var code string
				lines, code = runOnPostgres(ctx, c, b.sql)
				if code != "" {
					t.Errorf("%s:%d: PostgreSQL fails with %s:\n%s", file, b.line, code, b.sql)
				}
			}
			out.WriteString("query\n" + b.sql + "\n----\n" + strings.Join(lines, "\n") + "\n\n")
		}
		if b.kind != "query" && !deviation {
			if _, code := runOnPostgres(ctx, c, b.sql); (code != "") != (b.kind == "error") || b.kind == "error" && code != b.code {
				t.Errorf("%s:%d: PostgreSQL answers %q:\n%s", file, b.line, code, b.sql)
			}
		}
		deviation = false
	}
	if err := os.WriteFile(file, []byte(strings.TrimRight(out.String(), "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
