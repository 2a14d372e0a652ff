package pgwire

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestSimpleQuery(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)

	res, err := c.Exec(ctx, "rows").ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	r := res[0]
	if got := r.CommandTag.String(); got != "SELECT 2" {
		t.Fatalf("tag %q", got)
	}
	wantOIDs := []uint32{23, 25, 16}
	for i, f := range r.FieldDescriptions {
		if f.DataTypeOID != wantOIDs[i] {
			t.Fatalf("field %s oid %d, want %d", f.Name, f.DataTypeOID, wantOIDs[i])
		}
	}
	if string(r.Rows[0][0]) != "1" || string(r.Rows[0][1]) != "a" || string(r.Rows[0][2]) != "t" {
		t.Fatalf("row 0 = %q", r.Rows[0])
	}
	if r.Rows[1][1] == nil || len(r.Rows[1][1]) != 0 {
		t.Fatalf("empty string came back as %q (nil means NULL)", r.Rows[1][1])
	}
	if r.Rows[1][2] != nil {
		t.Fatalf("NULL came back as %q", r.Rows[1][2])
	}

	cases := []struct {
		query   string
		code    string // expected SQLSTATE, "" for success
		tags    []string
		txAfter byte
	}{
		{"insert", "", []string{"INSERT 0 1"}, 'I'},
		{"insert; insert", "", []string{"INSERT 0 1", "INSERT 0 1"}, 'I'},
		{"bogus", "42601", nil, 'I'},
		{"internal", "XX000", nil, 'I'},
		{"begin", "", []string{"BEGIN"}, 'T'},
		{"fail", "42P01", nil, 'E'},
		{"rollback", "", []string{"ROLLBACK"}, 'I'},
		{"many", "", []string{"SELECT 5000"}, 'I'},
	}
	for _, tc := range cases {
		res, err := c.Exec(ctx, tc.query).ReadAll()
		var pgErr *pgconn.PgError
		switch {
		case tc.code == "" && err != nil:
			t.Fatalf("%q: %v", tc.query, err)
		case tc.code != "" && !errors.As(err, &pgErr):
			t.Fatalf("%q: got %v, want SQLSTATE %s", tc.query, err, tc.code)
		case tc.code != "" && pgErr.Code != tc.code:
			t.Fatalf("%q: SQLSTATE %s, want %s", tc.query, pgErr.Code, tc.code)
		}
		for i, tag := range tc.tags {
			if got := res[i].CommandTag.String(); got != tag {
				t.Fatalf("%q: tag %d = %q, want %q", tc.query, i, got, tag)
			}
		}
		if got := c.TxStatus(); got != tc.txAfter {
			t.Fatalf("%q: tx status %c, want %c", tc.query, got, tc.txAfter)
		}
	}
	if len(res) != 1 {
		t.Fatalf("%d results", len(res))
	}
}

func TestEmptyQuery(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, " ; ").ReadAll(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, "insert").ReadAll(); err != nil {
		t.Fatal("connection unusable after an empty query:", err)
	}
}

func TestExtendedProtocolRefusedCleanly(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	res := c.ExecParams(ctx, "rows", nil, nil, nil, nil).Read()
	var pgErr *pgconn.PgError
	if !errors.As(res.Err, &pgErr) || pgErr.Code != "0A000" {
		t.Fatalf("extended query: %v, want 0A000", res.Err)
	}
	if _, err := c.Exec(ctx, "insert").ReadAll(); err != nil {
		t.Fatal("connection unusable after refusing the extended protocol:", err)
	}
}
