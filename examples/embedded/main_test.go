package main

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/drovedb/drove"
)

// TestEmbeddedExample runs the example and checks what it prints; a pgx client reads the
// same rows over the PostgreSQL protocol the program serves.
func TestEmbeddedExample(t *testing.T) {
	ctx := context.Background()
	var out strings.Builder
	dir := t.TempDir()
	if err := run(ctx, dir, "", &out); err != nil {
		t.Fatal(err)
	}
	if want := "1 ada 70\n2 grace 130\n3 linus 100\n"; out.String() != want {
		t.Fatalf("printed:\n%s\nwant:\n%s", out.String(), want)
	}
	// A second run finds the accounts it created and moves money again: the data persisted.
	out.Reset()
	if err := run(ctx, dir, "", &out); err != nil {
		t.Fatal(err)
	}
	if want := "1 ada 40\n2 grace 160\n3 linus 100\n"; out.String() != want {
		t.Fatalf("second run printed:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestEmbeddedServesPostgres(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var out strings.Builder
	if err := run(ctx, dir, "", &out); err != nil {
		t.Fatal(err)
	}
	// Reopen with the protocol served, and read from another client while it runs.
	engine, err := drove.Open(dir, drove.WithPGAddr("127.0.0.1:0"))
	if err != nil {
		t.Fatal(err)
	}
	defer engine.Close()
	conn, err := pgx.Connect(ctx, "postgres://drove@"+engine.Server().PGAddr().String()+"/drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var total int64
	if err := conn.QueryRow(ctx, "SELECT balance FROM accounts WHERE id = 2").Scan(&total); err != nil {
		t.Fatal(err)
	}
	if total != 130 {
		t.Fatalf("balance over pgwire %d, want 130", total)
	}
}
