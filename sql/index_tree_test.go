package sql

import (
	"context"
	"regexp"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestCreateIndexFromTree: every golden CREATE [UNIQUE] INDEX (a block of one statement) is
// read into sql/parser's tree, or refused by the parser with the SQLSTATE its block expects;
// the golden files check what each does. (While the hand-written parser lived, a both-ways
// run of every golden one found 56 alike, 16 failing with the same SQLSTATE, 1 refused alike
// at parsing, and cidx.sql's differences, PostgreSQL's answer the tree's.)
func TestCreateIndexFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*create\s+(unique\s+)?index\b`)
	read := goldenFromTree(t, re, []string{"index"}, func(st *Statement) (bool, string) {
		if _, ok := st.ddl.(*ast.CreateIndex); !ok {
			return false, "not read into the parser's tree"
		}
		return true, ""
	})
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
