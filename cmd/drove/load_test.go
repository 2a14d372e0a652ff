package main

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/drovedb/drove/server"
)

func startServer(t *testing.T) string {
	t.Helper()
	srv, err := server.Start(server.Config{DataDir: t.TempDir(), PGAddr: "127.0.0.1:0",
		CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return "postgres://drove@" + srv.PGAddr().String() + "/drove?sslmode=disable"
}

func runCLI(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	root := rootCmd()
	root.SetOut(&out)
	root.SetErr(&errOut)
	root.SetIn(strings.NewReader(stdin))
	root.SetArgs(args)
	err := root.Execute()
	return out.String(), errOut.String(), err
}

func queryInt(t *testing.T, url, sql string) int {
	t.Helper()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, sql).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestLoadMillionRows loads a 1M-row CSV (bigint, 100-byte text) with a few bad rows: they
// are reported by line and skipped, everything else is loaded.
func TestLoadMillionRows(t *testing.T) {
	url := startServer(t)
	if _, _, err := runCLI(t, "", "sql", "--url", url, "-c", "CREATE TABLE big (id bigint PRIMARY KEY, payload text NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	const rows = 1_000_000
	var f bytes.Buffer
	f.WriteString("id,payload\n")
	payload := strings.Repeat("x", 100)
	for i := 1; i <= rows; i++ {
		switch i { // file line = i + 1
		case 1000:
			f.WriteString("ten hundred," + payload + "\n")
		case 500_001:
			f.WriteString("7," + payload + "\n") // duplicate of an earlier id
		case 900_000:
			f.WriteString("900000\n")
		default:
			fmt.Fprintf(&f, "%d,%s\n", i, payload)
		}
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, f.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCLI(t, "", "load", "--url", url, "--table", "big", "--header", "--max-errors", "10", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.HasPrefix(out, "loaded 999997 rows into big in ") || !strings.HasSuffix(out, ", 3 bad\n") {
		t.Fatalf("summary: %q", out)
	}
	for _, want := range []string{
		`line 1001: column id: invalid input syntax for type bigint: "ten hundred" (SQLSTATE 22P02)`,
		`line 500002: duplicate key value violates unique constraint "big_pkey" (Key (id)=(7) already exists.) (SQLSTATE 23505)`,
		`line 900001: missing data for column "payload" (SQLSTATE 22P04)`,
	} {
		if !strings.Contains(errOut, want+"\n") {
			t.Errorf("bad-row report lacks %q:\n%s", want, errOut)
		}
	}
	if n := queryInt(t, url, "SELECT count(*) FROM big"); n != rows-3 {
		t.Fatalf("%d rows in the table, want %d", n, rows-3)
	}
}

// TestLoadStops checks --max-errors: the load stops at the bad row, batches before it stay,
// the batch holding it is not half applied.
func TestLoadStops(t *testing.T) {
	url := startServer(t)
	if _, _, err := runCLI(t, "", "sql", "--url", url, "-c", "CREATE TABLE t (id integer PRIMARY KEY, name text)"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		input   string
		wantErr string
		wantOut string
		rows    int // rows in t afterwards
	}{
		{"text from stdin", []string{"--format", "text", "-"}, "1\tone\n2\t\\N\n", "", "loaded 2 rows", 2},
		{"stop at first bad row", []string{"--batch-rows", "2", "--workers", "1"}, "3,a\n4,b\n5,c\nbad,d\n7,e\n8,f\n",
			"load stopped: too many bad rows: 1, more than --max-errors 0", "loaded 2 rows", 4},
		{"columns flag and delimiter", []string{"--columns", "name,id", "--delimiter", "|"}, "nine|9\n", "", "loaded 1 rows", 5},
		{"unknown table", []string{"--table", "nope"}, "1\n", `relation "nope" does not exist`, "loaded 0 rows", 5},
		{"unknown format", []string{"--format", "xml"}, "", `--format "xml": csv, text or mutations`, "", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"load", "--url", url, "--table", "t"}, tt.args...)
			out, _, err := runCLI(t, tt.input, args...)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
			if !strings.HasPrefix(out, tt.wantOut) {
				t.Fatalf("output %q, want it to start with %q", out, tt.wantOut)
			}
			if n := queryInt(t, url, "SELECT count(*) FROM t"); n != tt.rows {
				t.Fatalf("%d rows, want %d", n, tt.rows)
			}
		})
	}
}

// TestLoadMutations loads three delta files in every order, and one of them twice: the
// tables end the same, as last-writer-wins by logical commit time says.
func TestLoadMutations(t *testing.T) {
	url := startServer(t)
	dir := t.TempDir()
	deltas := []string{
		"key,mutation_type,logical_commit_time,price\n" +
			"1,UPDATE,10,1.5\n" +
			"2,UPDATE,10,2.5\n" +
			"3,UPDATE,10,3.5\n" +
			"5,DELETE,12,\n", // a delete before any update of 5
		"key,mutation_type,logical_commit_time,price\n" +
			"1,UPDATE,20,1.75\n" +
			"2,DELETE,20,\n" +
			"4,UPDATE,20,4.5\n" +
			"3,update,15,3.25\n" +
			"5,UPDATE,11,5.5\n", // older than the delete of 5
		"key,mutation_type,logical_commit_time,price\n" +
			"1,UPDATE,15,9.99\n" + // older than the update at 20
			"2,UPDATE,19,2.75\n" + // older than the delete at 20
			"4,DELETE,20,\n" + // ties with the update at 20: delete wins
			"3,UPDATE,15,3.0\n", // ties with 3.25: the greater row wins
	}
	files := make([]string, len(deltas))
	for i, d := range deltas {
		files[i] = filepath.Join(dir, fmt.Sprintf("delta%d.csv", i))
		if err := os.WriteFile(files[i], []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	orders := [][]int{{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}, {2, 1, 0, 1, 2}}
	const want = "1|1.75|20\n3|3.25|15\n"
	for n, order := range orders {
		table := fmt.Sprintf("prices%d", n)
		if _, _, err := runCLI(t, "", "sql", "--url", url, "-c",
			"CREATE TABLE "+table+" (id bigint PRIMARY KEY, price double precision, logical_commit_time bigint)"); err != nil {
			t.Fatal(err)
		}
		for _, i := range order {
			if _, errOut, err := runCLI(t, "", "load", "--url", url, "--table", table, "--format", "mutations", files[i]); err != nil {
				t.Fatalf("order %v, file %d: %v\n%s", order, i, err, errOut)
			}
		}
		got, _, err := runCLI(t, "", "sql", "--url", url, "--format", "tsv", "-c",
			"SELECT id, price, logical_commit_time FROM "+table+" ORDER BY id")
		if err != nil {
			t.Fatal(err)
		}
		if got = strings.ReplaceAll(got, "\t", "|"); !strings.HasSuffix(got, want) {
			t.Fatalf("order %v: table holds\n%s\nwant\n%s", order, got, want)
		}
		if n := queryInt(t, url, "SELECT count(*) FROM "+table+"__tombstones"); n != 3 {
			t.Fatalf("order %v: %d tombstones, want 3 (keys 2, 4, 5)", order, n)
		}
	}

	// A bad record is reported by line; the rest of its file loads.
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("key,mutation_type,logical_commit_time,price\n7,UPSERT,1,1\n8,UPDATE,1,8\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runCLI(t, "", "load", "--url", url, "--table", "prices0", "--format", "mutations", "--max-errors", "5", bad)
	if err != nil || !strings.Contains(errOut, `line 2: invalid mutation type "UPSERT": UPDATE or DELETE (SQLSTATE 22P02)`) {
		t.Fatalf("bad record: %v\n%s", err, errOut)
	}
	if n := queryInt(t, url, "SELECT count(*) FROM prices0 WHERE id = 8"); n != 1 {
		t.Fatal("the good record of the file was not loaded")
	}
}
