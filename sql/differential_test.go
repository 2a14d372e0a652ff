package sql

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/drovedb/drove/internal/pgtest"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestDifferentialPostgres runs every golden file against a real PostgreSQL 15 and checks
// that it answers as drove does: same rows and tags, same SQLSTATEs. A block preceded by a
// comment starting "# deviation:" is a documented, deliberate difference and is skipped
// on both sides of the comparison.
func TestDifferentialPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test skipped in -short mode")
	}
	url := pgtest.Start(t)
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	files, _ := filepath.Glob("testdata/*.sql")
	for i, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			db := fmt.Sprintf("golden%d", i)
			if _, err := admin.Exec(ctx, "CREATE DATABASE "+db).ReadAll(); err != nil {
				t.Fatal(err)
			}
			c, err := pgconn.Connect(ctx, pgtest.Database(url, db))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			deviation := false
			compared := 0
			for _, b := range parseGolden(t, file) {
				if b.kind == "comment" {
					deviation = deviation || strings.HasPrefix(b.sql, "# deviation:")
					continue
				}
				if deviation {
					// Not run on PostgreSQL either: a statement drove refuses but PostgreSQL
					// accepts would leave the two databases with different contents.
					deviation = false
					continue
				}
				lines, code := runOnPostgres(ctx, c, b.sql)
				compared++
				switch b.kind {
				case "ok":
					if code != "" {
						t.Errorf("%s:%d: PostgreSQL fails with %s where drove succeeds:\n%s", file, b.line, code, b.sql)
					}
				case "error":
					if code != b.code {
						t.Errorf("%s:%d: PostgreSQL answers %q where drove fails with %s:\n%s", file, b.line, code, b.code, b.sql)
					}
				case "query":
					got := strings.Join(lines, "\n")
					if code != "" {
						got = "error " + code
					}
					want := strings.Join(b.expect, "\n")
					if strings.HasPrefix(want, "error ") {
						want = want[:len("error ")+5]
					}
					if got != want {
						t.Errorf("%s:%d: %s\nPostgreSQL:\n%s\ndrove:\n%s", file, b.line, b.sql, got, want)
					}
				}
			}
			t.Logf("%d blocks compared with PostgreSQL", compared)
		})
	}
}

// runOnPostgres runs sql with the simple protocol and renders results as golden files do.
func runOnPostgres(ctx context.Context, c *pgconn.PgConn, sql string) ([]string, string) {
	results, err := c.Exec(ctx, sql).ReadAll()
	var lines []string
	for _, r := range results {
		for _, row := range r.Rows {
			parts := make([]string, len(row))
			for i, v := range row {
				if v == nil {
					parts[i] = "NULL"
				} else {
					parts[i] = string(v)
				}
			}
			lines = append(lines, strings.Join(parts, "|"))
		}
		if r.Err == nil {
			lines = append(lines, "tag: "+r.CommandTag.String())
		}
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return lines, pgErr.Code
	}
	if err != nil {
		return lines, "client error: " + err.Error()
	}
	return lines, ""
}
