package sql

import (
	"context"
	"regexp"
	"testing"

	"github.com/drovedb/drove/sql/ast"
)

// TestDropFromTree: every golden DROP TABLE, VIEW, MATERIALIZED VIEW, INDEX, SEQUENCE and
// TRUNCATE (a block of one statement) is read into sql/parser's tree, or refused by the parser
// with the SQLSTATE its block expects; the golden files check what each does. (The dialect
// pass's parsers of these statements are gone; while they lived, TestBindDropFromParser ran
// every one both ways: 107 alike, 38 failing with the same SQLSTATE, 4 refused alike, and
// droptree.sql's 8 differences, PostgreSQL's answer the tree's.)
func TestDropFromTree(t *testing.T) {
	re := regexp.MustCompile(`(?i)^\s*(drop\s+(table|view|materialized|index|sequence)|truncate)\b`)
	read := goldenFromTree(t, re, []string{"drop", "truncate"}, func(st *Statement) (bool, string) {
		switch st.ddl.(type) {
		case *ast.Drop, *ast.Truncate:
			return true, ""
		}
		return false, "not read into the parser's tree"
	})
	if read < 140 {
		t.Errorf("only %d golden DROP and TRUNCATE statements read into the tree", read)
	}
}

// TestDropIndexConcurrentlyBatch: DROP INDEX CONCURRENTLY first in an extended batch runs
// alone, outside a transaction block, as in PostgreSQL (the batch's implicit transaction is
// not a block for it); after another statement of the batch it is 25001, as is any statement
// PreventInTransactionBlock refuses there.
func TestDropIndexConcurrentlyBatch(t *testing.T) {
	ctx := context.Background()
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, "CREATE TABLE dic (a int PRIMARY KEY, b int); CREATE INDEX dic_b ON dic (b)")
	drop, err := s.Prepare(ctx, "DROP INDEX CONCURRENTLY dic_b", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExecBatched(ctx, drop, nil, &textOutput{}, false); err != nil {
		t.Fatalf("DROP INDEX CONCURRENTLY first in a batch: %v", err)
	}
	if err := s.SyncBatch(ctx); err != nil {
		t.Fatal(err)
	}
	execOK(t, s, "CREATE INDEX dic_b ON dic (b)")
	ins, err := s.Prepare(ctx, "INSERT INTO dic VALUES (1, 1)", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExecBatched(ctx, ins, nil, &textOutput{}, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ExecBatched(ctx, drop, nil, &textOutput{}, false); sqlState(err) != "25001" {
		t.Fatalf("DROP INDEX CONCURRENTLY after an INSERT of the batch: %v, want 25001", err)
	}
	if got := rowsOf(execOK(t, s, "SELECT count(*) FROM dic")); got != "0" {
		t.Fatalf("the batch's INSERT was kept: %s rows", got)
	}
	if got := rowsOf(execOK(t, s, "SELECT count(*) FROM pg_indexes WHERE indexname = 'dic_b'")); got != "1" {
		t.Fatalf("the index dropped by a refused DROP: %s", got)
	}
}
