package sql

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestCreateIndexFromTree: every golden CREATE [UNIQUE] INDEX (a block of one statement) is
// read into sql/parser's tree, or refused by the parser with the SQLSTATE its block expects;
// the golden files check what each does. (While the hand-written parser lived, a both-ways
// run of every golden one found 56 alike, 16 failing with the same SQLSTATE, 1 refused alike
// at parsing, and cidx.sql's differences, PostgreSQL's answer the tree's.)
func TestCreateIndexFromTree(t *testing.T) {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`(?i)^\s*create\s+(unique\s+)?index\b`)
	none := func() error { return nil }
	read := 0
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.ToLower(string(text)), "index") {
			continue
		}
		for _, b := range parseGolden(t, file) {
			if (b.kind != "ok" && b.kind != "error") || !re.MatchString(b.sql) || strings.Contains(strings.TrimRight(b.sql, "; \n"), ";") {
				continue
			}
			sts, err := parseStatements(b.sql, none)
			switch {
			case err != nil && b.kind == "error" && sqlstateOf(err) == b.code:
			case err != nil:
				t.Errorf("%s:%d: %s: %v", filepath.Base(file), b.line, b.sql, err)
			case len(sts) != 1:
				t.Errorf("%s:%d: %s: %d statements", filepath.Base(file), b.line, b.sql, len(sts))
			default:
				if _, ok := sts[0].ddl.(*ast.CreateIndex); !ok {
					t.Errorf("%s:%d: %s: not read into the parser's tree", filepath.Base(file), b.line, b.sql)
				}
				read++
			}
		}
	}
	t.Logf("%d golden CREATE INDEX statements read into the tree", read)
	if read < 100 {
		t.Errorf("only %d golden CREATE INDEX statements read into the tree", read)
	}
}

// TestCreateIndexConcurrentlyBatch: CREATE INDEX CONCURRENTLY first in an extended batch runs
// alone, outside a transaction block, as in PostgreSQL; after another statement of the batch
// it is 25001 (batch.go's outsideBlock).
func TestCreateIndexConcurrentlyBatch(t *testing.T) {
	ctx := context.Background()
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE cic (a int PRIMARY KEY, b int)")
	create, err := s.Prepare(ctx, "CREATE INDEX CONCURRENTLY cic_b ON cic (b)", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExecBatched(ctx, create, nil, &textOutput{}, false); err != nil {
		t.Fatalf("CREATE INDEX CONCURRENTLY first in a batch: %v", err)
	}
	if err := s.SyncBatch(ctx); err != nil {
		t.Fatal(err)
	}
	execOK(t, s, "DROP INDEX cic_b")
	ins, err := s.Prepare(ctx, "INSERT INTO cic VALUES (1, 1)", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExecBatched(ctx, ins, nil, &textOutput{}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExecBatched(ctx, create, nil, &textOutput{}, false); sqlState(err) != "25001" {
		t.Fatalf("CREATE INDEX CONCURRENTLY after an INSERT of the batch: %v, want 25001", err)
	}
	if got := rowsOf(execOK(t, s, "SELECT count(*) FROM pg_indexes WHERE indexname = 'cic_b'")); got != "0" {
		t.Fatalf("the index made by a refused CREATE: %s", got)
	}
}
