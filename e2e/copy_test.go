package e2e

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"
)

// TestCopyPgx drives COPY FROM STDIN and TO STDOUT through pgx's COPY support: formats,
// errors that name the input line, atomicity, and a connection that stays usable.
func TestCopyPgx(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	c, err := n.connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	mustExec(t, c, "CREATE TABLE items (id bigint PRIMARY KEY, name text, price double precision DEFAULT 1.5, note text)")

	steps := []struct {
		name     string
		copy     string
		data     string
		wantTag  string
		wantCode string
		wantWhr  string
	}{
		{"text", "COPY items (id, name, note) FROM STDIN", "1\tapple\t\\N\n2\ttab\\there\tx\n", "COPY 2", "", ""},
		{"csv with header", "COPY items FROM STDIN WITH (FORMAT csv, HEADER true)", "id,name,price,note\n3,\"pear, ripe\",2.25,\n4,\"\",,\"\"\n", "COPY 2", "", ""},
		{"legacy options", "COPY items FROM STDIN CSV DELIMITER ';' NULL 'NULL'", "5;plum;NULL;NULL\n", "COPY 1", "", ""},
		{"bad value names line and column", "COPY items (id, name) FROM STDIN", "6\tok\nseven\tbad\n", "", "22P02", "COPY items, line 2, column id"},
		{"duplicate key", "COPY items (id, name) FROM STDIN", "8\tnew\n1\tagain\n", "", "23505", "COPY items, line 2"},
		{"missing column", "COPY items (id, name) FROM STDIN", "9\n", "", "22P04", "COPY items, line 1"},
		{"extra column", "COPY items (id) FROM STDIN", "9\tx\n", "", "22P04", "COPY items, line 1"},
		{"unknown table", "COPY nope FROM STDIN", "1\n", "", "42P01", ""},
		{"server file refused", "COPY items FROM '/etc/passwd'", "", "", "0A000", ""},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			tag, err := c.CopyFrom(ctx, strings.NewReader(s.data), s.copy)
			if s.wantCode == "" {
				if err != nil {
					t.Fatal(err)
				}
				if tag.String() != s.wantTag {
					t.Fatalf("tag %q, want %q", tag, s.wantTag)
				}
				return
			}
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != s.wantCode || !strings.HasPrefix(pgErr.Where, s.wantWhr) {
				t.Fatalf("got %v (%+v), want %s at %q\n%s", err, pgErr, s.wantCode, s.wantWhr, n.log())
			}
		})
	}
	// Failed COPYs wrote nothing; the session is still usable.
	if got := mustExec(t, c, "SELECT count(*) FROM items"); got[0][0] != "5" {
		t.Fatalf("count after failed COPYs = %s, want 5", got[0][0])
	}

	// A client that gives up mid-stream (CopyFail) gets 57014 and nothing is written.
	_, err = c.CopyFrom(ctx, &failingReader{data: "10\tx\n"}, "COPY items (id, name) FROM STDIN")
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "57014" {
		t.Fatalf("CopyFail: %v", err)
	}

	// COPY joins an explicit transaction and rolls back with it.
	mustExec(t, c, "BEGIN")
	if _, err := c.CopyFrom(ctx, strings.NewReader("20\tin txn\n"), "COPY items (id, name) FROM STDIN"); err != nil {
		t.Fatal(err)
	}
	if got := mustExec(t, c, "SELECT name FROM items WHERE id = 20"); len(got) != 1 {
		t.Fatalf("transaction does not see its own COPY: %v", got)
	}
	mustExec(t, c, "ROLLBACK")

	tests := []struct {
		copy string
		want string
	}{
		{"COPY items TO STDOUT", "1\tapple\t1.5\t\\N\n2\ttab\\there\t1.5\tx\n3\tpear, ripe\t2.25\t\\N\n4\t\t\\N\t\n5\tplum\t\\N\t\\N\n"},
		{"COPY (SELECT id, name FROM items WHERE id >= 3 ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER)", "id,name\n3,\"pear, ripe\"\n4,\"\"\n5,plum\n"},
		{"COPY items (name) TO STDOUT (FORMAT csv, NULL 'NULL')", "\n\"pear, ripe\"\napple\nplum\ntab\there\n"}, // sorted; "" needs no quotes when NULL is 'NULL' ,
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if _, err := c.CopyTo(ctx, &buf, tt.copy); err != nil {
			t.Fatalf("%s: %v", tt.copy, err)
		}
		got := buf.String()
		if !strings.Contains(tt.copy, "ORDER BY") {
			got = sortLines(got)
		}
		if got != tt.want {
			t.Fatalf("%s:\ngot  %q\nwant %q", tt.copy, got, tt.want)
		}
	}
}

// failingReader returns its data, then an error, so pgx answers with CopyFail.
type failingReader struct{ data string }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, errors.New("client gave up")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func sortLines(s string) string {
	lines := strings.SplitAfter(s, "\n")
	for i := 1; i < len(lines); i++ {
		for j := i; j > 0 && lines[j] < lines[j-1]; j-- {
			lines[j], lines[j-1] = lines[j-1], lines[j]
		}
	}
	return strings.Join(lines, "")
}

// TestCopyPsql is psql's \copy in both directions, which is COPY ... FROM STDIN / TO STDOUT
// underneath.
func TestCopyPsql(t *testing.T) {
	requireTool(t, "psql")
	n := newNode(t)
	n.start()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	if err := os.WriteFile(in, []byte("id,name\n1,one\n2,\"two, too\"\n3,\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.csv")
	stdout, stderr := psql(t, n,
		"CREATE TABLE t (id integer PRIMARY KEY, name text)",
		`\copy t from '`+in+`' with (format csv, header)`,
		`\copy (select id, name from t order by id) to '`+out+`' with csv`,
		"SELECT count(*) FROM t WHERE name IS NULL")
	if stderr != "" {
		t.Fatalf("psql: %s", stderr)
	}
	if stdout != "1\n" {
		t.Fatalf("psql printed %q", stdout)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := "1,one\n2,\"two, too\"\n3,\n"; string(got) != want {
		t.Fatalf("\\copy out wrote %q, want %q", got, want)
	}
}
