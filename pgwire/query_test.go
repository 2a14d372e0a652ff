package pgwire

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"

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

func TestExtendedProtocol(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)

	sd, err := c.Prepare(ctx, "s1", "echo $1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sd.ParamOIDs) != 1 || sd.ParamOIDs[0] != 20 || len(sd.Fields) != 1 || sd.Fields[0].DataTypeOID != 20 {
		t.Fatalf("statement description %+v", sd)
	}
	cases := []struct {
		name         string
		param        []byte
		paramFormat  int16
		resultFormat int16
		want         []byte
	}{
		{"text in, text out", []byte("42"), 0, 0, []byte("42")},
		{"binary in, text out", []byte{0, 0, 0, 0, 0, 0, 0, 7}, 1, 0, []byte("7")},
		{"text in, binary out", []byte("-2"), 0, 1, []byte{255, 255, 255, 255, 255, 255, 255, 254}},
	}
	for _, tc := range cases {
		res := c.ExecPrepared(ctx, "s1", [][]byte{tc.param}, []int16{tc.paramFormat}, []int16{tc.resultFormat}).Read()
		if res.Err != nil {
			t.Fatalf("%s: %v", tc.name, res.Err)
		}
		if string(res.Rows[0][0]) != string(tc.want) {
			t.Fatalf("%s: got %v, want %v", tc.name, res.Rows[0][0], tc.want)
		}
	}
	// An error skips to Sync and leaves the connection usable.
	res := c.ExecPrepared(ctx, "s1", [][]byte{[]byte("not a number")}, nil, nil).Read()
	var pgErr *pgconn.PgError
	if !errors.As(res.Err, &pgErr) || pgErr.Code != "22P02" {
		t.Fatalf("bad parameter: %v, want 22P02", res.Err)
	}
	if _, err := c.Prepare(ctx, "", "nonsense", nil); !errors.As(err, &pgErr) || pgErr.Code != "42601" {
		t.Fatalf("bad statement: %v, want 42601", err)
	}
	if _, err := c.Prepare(ctx, "s1", "rows", nil); !errors.As(err, &pgErr) || pgErr.Code != "42P05" {
		t.Fatalf("duplicate statement name: %v, want 42P05", err)
	}
	r := c.ExecParams(ctx, "rows", nil, nil, nil, nil).Read()
	if r.Err != nil || len(r.Rows) != 2 || r.CommandTag.String() != "SELECT 2" {
		t.Fatalf("unnamed statement: %+v", r)
	}
	if err := c.Deallocate(ctx, "s1"); err != nil {
		t.Fatal(err)
	}
	if res := c.ExecPrepared(ctx, "s1", nil, nil, nil).Read(); !errors.As(res.Err, &pgErr) || pgErr.Code != "26000" {
		t.Fatalf("closed statement: %v, want 26000", res.Err)
	}
}

// A portal executed with a row limit hands its rows out in batches with PortalSuspended; as
// in PostgreSQL, the tag counts the last Execute's rows.
func TestPortalRowLimit(t *testing.T) {
	_, url := startServer(t)
	_, fe := rawConn(t, url)
	fe.Send(&pgproto3.Parse{Query: "many"})
	fe.Send(&pgproto3.Bind{})
	fe.Send(&pgproto3.Execute{MaxRows: 2000})
	fe.Send(&pgproto3.Execute{MaxRows: 2000})
	fe.Send(&pgproto3.Execute{MaxRows: 2000})
	fe.Send(&pgproto3.Sync{})
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, suspended := 0, 0
	for {
		msg, err := fe.Receive()
		if err != nil {
			t.Fatal(err)
		}
		switch m := msg.(type) {
		case *pgproto3.DataRow:
			rows++
		case *pgproto3.PortalSuspended:
			suspended++
		case *pgproto3.CommandComplete:
			if string(m.CommandTag) != "SELECT 1000" {
				t.Fatalf("tag %q", m.CommandTag)
			}
		case *pgproto3.ErrorResponse:
			t.Fatal(m.Message)
		case *pgproto3.ReadyForQuery:
			if rows != 5000 || suspended != 2 {
				t.Fatalf("%d rows, %d suspensions; want 5000 and 2", rows, suspended)
			}
			return
		}
	}
}
