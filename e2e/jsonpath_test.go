package e2e

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// TestPgxJSONPath round-trips jsonpath through pgx in each query mode (pgx has no jsonpath
// codec: it sends and reads the text), then through pgconn in the binary format: a version
// byte, 1, then the text, both ways.
func TestPgxJSONPath(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	for _, mode := range pgxModes {
		t.Run(mode.String(), func(t *testing.T) {
			c := connectPgxMode(t, n.url(), mode)
			var path, found string
			err := c.QueryRow(ctx, "SELECT $1::jsonpath, jsonb_path_query_array($2::jsonb, $1::jsonpath)::text",
				"$.a[*] ? (@ > 1)", `{"a": [1, 2, 3]}`).Scan(&path, &found)
			if err != nil {
				t.Fatal(err)
			}
			if path != `$."a"[*]?(@ > 1)` || found != "[2, 3]" {
				t.Errorf("got %q and %q", path, found)
			}
		})
	}
	c, err := pgx.Connect(ctx, n.url())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	param := []byte("\x01strict $.a ? (@ like_regex \"x\" flag \"i\")")
	res := c.PgConn().ExecParams(ctx, "SELECT $1::jsonpath, $1::jsonpath::text", [][]byte{param}, []uint32{4072}, []int16{1}, []int16{1, 0}).Read()
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	want := `strict $."a"?(@ like_regex "x" flag "i")`
	if len(res.Rows) != 1 || string(res.Rows[0][0]) != "\x01"+want || string(res.Rows[0][1]) != want {
		t.Errorf("binary jsonpath: got %q and %q, want \\x01%s", res.Rows[0][0], res.Rows[0][1], want)
	}
	if oid := res.FieldDescriptions[0].DataTypeOID; oid != 4072 {
		t.Errorf("described as oid %d, want 4072", oid)
	}
	bad := c.PgConn().ExecParams(ctx, "SELECT $1::jsonpath", [][]byte{[]byte("\x02$")}, []uint32{4072}, []int16{1}, nil).Read()
	var pgErr *pgconn.PgError
	if !errors.As(bad.Err, &pgErr) || pgErr.Message != "unsupported jsonpath version number: 2" {
		t.Errorf("version 2: got %v", bad.Err)
	}
}
