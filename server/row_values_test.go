package server

import (
	"context"
	"reflect"
	"testing"

	"github.com/jackc/pgx/v5"
)

// A ROW(...) value reaches pgx as a record: in binary (pgx's default for results), decoded
// field by field, and in text as PostgreSQL prints it.
func TestRowValuesThroughPgx(t *testing.T) {
	s := startedServer(t)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, "postgres://drove@"+s.PGAddr().String()+"/drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	const q = "SELECT ROW(1, 'a b', NULL::int), (2, 3) = (SELECT 2, 3)"
	var fields any // pgx decodes a binary record as []any
	var eq bool
	if err := c.QueryRow(ctx, q).Scan(&fields, &eq); err != nil {
		t.Fatal(err)
	}
	if want := []any{int32(1), "a b", nil}; !reflect.DeepEqual(fields, want) || !eq {
		t.Errorf("binary: %#v, %v; want %#v, true", fields, eq, want)
	}
	var text string
	if err := c.QueryRow(ctx, q, pgx.QueryExecModeSimpleProtocol).Scan(&text, &eq); err != nil {
		t.Fatal(err)
	}
	if text != `(1,"a b",)` || !eq {
		t.Errorf("text: %s, %v; want (1,\"a b\",), true", text, eq)
	}
}
