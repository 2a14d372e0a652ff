package sql

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/drovedb/drove/tablespace"
)

// The messages and details of computed indexes' errors, as PostgreSQL 15 words them.
func TestComputedIndexErrorMessages(t *testing.T) {
	setup := `CREATE TABLE users (id int PRIMARY KEY, email text, a int, b int, c int, d timestamp);
		CREATE UNIQUE INDEX users_email ON users (lower(email));
		CREATE UNIQUE INDEX users_ab ON users ((a + b));
		CREATE UNIQUE INDEX users_c ON users (c) WHERE d IS NULL;
		INSERT INTO users VALUES (1, 'A@b.c', 1, 1, 1, NULL), (5, 'w', 2, 2, 9, NULL), (6, 'v', 3, 3, 9, '2000-01-01');
		CREATE TABLE n (id int PRIMARY KEY, a int, b text, UNIQUE NULLS NOT DISTINCT (a, b));
		INSERT INTO n VALUES (1, NULL, NULL)`
	cases := []struct {
		sql, code, msg, detail string
	}{
		{"INSERT INTO users VALUES (2, 'a@B.C', 5, 5, 2, NULL)", "23505",
			`duplicate key value violates unique constraint "users_email"`, "Key (lower(email))=(a@b.c) already exists."},
		{"INSERT INTO users VALUES (3, 'z', 1, 1, 3, NULL)", "23505",
			`duplicate key value violates unique constraint "users_ab"`, "Key ((a + b))=(2) already exists."},
		{"INSERT INTO users VALUES (4, 'y', 7, 1, 1, NULL)", "23505",
			`duplicate key value violates unique constraint "users_c"`, "Key (c)=(1) already exists."},
		{"UPDATE users SET d = NULL WHERE id = 6", "23505",
			`duplicate key value violates unique constraint "users_c"`, "Key (c)=(9) already exists."},
		{"COPY users FROM STDIN", "23505",
			`duplicate key value violates unique constraint "users_email"`, "Key (lower(email))=(a@b.c) already exists."},
		{"INSERT INTO n VALUES (2, NULL, NULL)", "23505",
			`duplicate key value violates unique constraint "n_a_b_key"`, "Key (a, b)=(null, null) already exists."},
		{"CREATE INDEX ON users ((a + random()))", "42P17", "functions in index expression must be marked IMMUTABLE", ""},
		{"CREATE INDEX ON users (a) WHERE d < now()", "42P17", "functions in index predicate must be marked IMMUTABLE", ""},
		{"CREATE UNIQUE INDEX ON users ((a * 0))", "23505", `could not create unique index "users_expr_idx"`, "Key ((a * 0))=(0) is duplicated."},
		{"INSERT INTO users VALUES (7, 'u', 2147483647, 1, 7, NULL)", "22003", "integer out of range", ""},
	}
	for _, tc := range cases {
		t.Run(tc.sql, func(t *testing.T) {
			s := NewSession(openTestTablespace(t), nil)
			defer s.Close()
			execOK(t, s, setup)
			var err error
			if strings.HasPrefix(tc.sql, "COPY") {
				err = s.Exec(context.Background(), tc.sql, &copyIO{in: strings.NewReader("8\tq\t8\t8\t8\t\\N\n9\tA@B.C\t9\t9\t9\t\\N\n")})
			} else {
				err = s.Exec(context.Background(), tc.sql, &textOutput{})
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want %s", err, tc.code)
			}
			if e.Code != tc.code || e.Message != tc.msg || e.Detail != tc.detail {
				t.Errorf("got %s %q (detail %q), want %s %q (detail %q)", e.Code, e.Message, e.Detail, tc.code, tc.msg, tc.detail)
			}
		})
	}
}

// Computed indexes are schema: after a checkpoint and a restart they are rebuilt from the
// rows (those in pages and those replayed from the log) and still enforced.
func TestComputedIndexesSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	open := func() *tablespace.Tablespace {
		ts, err := tablespace.Open(tablespace.Options{Dir: dir, Name: "drove", CheckpointInterval: -1,
			Logger: slog.New(slog.DiscardHandler)})
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	ts := open()
	s := NewSession(ts, nil)
	execOK(t, s, `CREATE TABLE u (id int PRIMARY KEY, email text, sku text, gone bool, a int, b int);
		CREATE UNIQUE INDEX u_email ON u (lower(email));
		CREATE UNIQUE INDEX u_sku ON u (sku) WHERE NOT gone;
		INSERT INTO u VALUES (1, 'A@x', 's1', false, 1, 1), (2, 'B@x', 's1', true, 2, NULL)`)
	execOK(t, s, "CHECKPOINT")
	execOK(t, s, `INSERT INTO u VALUES (3, 'C@x', 's3', false, 3, NULL);
		CREATE UNIQUE INDEX u_ab ON u (a, b) NULLS NOT DISTINCT`) // after the checkpoint: from the log
	s.Close()
	if err := ts.Close(); err != nil {
		t.Fatal(err)
	}
	ts = open()
	defer ts.Close()
	s = NewSession(ts, nil)
	defer s.Close()
	for _, tc := range []struct{ sql, code string }{
		{"INSERT INTO u VALUES (10, 'a@X', 'n', false, 10, 10)", "23505"}, // a row of the checkpoint
		{"INSERT INTO u VALUES (10, 'c@X', 'n', false, 10, 10)", "23505"}, // a row of the log
		{"INSERT INTO u VALUES (10, 'n@x', 's1', false, 10, 10)", "23505"},
		{"INSERT INTO u VALUES (10, 'n@x', 's3', false, 10, 10)", "23505"},
		{"INSERT INTO u VALUES (10, 'n@x', 's1', true, 10, 10)", ""},
		{"INSERT INTO u VALUES (11, 'm@x', 'm', false, 3, NULL)", "23505"},
		{"INSERT INTO u VALUES (11, 'm@x', 'm', false, 2, NULL)", "23505"},
		{"INSERT INTO u VALUES (11, 'm@x', 'm', false, 4, NULL)", ""},
	} {
		if err := s.Exec(context.Background(), tc.sql, &textOutput{}); sqlState(err) != tc.code {
			t.Errorf("after restart, %s: %v, want %q", tc.sql, err, tc.code)
		}
	}
	out := execOK(t, s, "SELECT indexdef FROM pg_indexes WHERE tablename = 'u' AND indexname <> 'u_pkey' ORDER BY 1")
	want := "CREATE UNIQUE INDEX u_ab ON public.u USING btree (a, b) NULLS NOT DISTINCT," +
		"CREATE UNIQUE INDEX u_email ON public.u USING btree (lower(email))," +
		"CREATE UNIQUE INDEX u_sku ON public.u USING btree (sku) WHERE (NOT gone),tag: SELECT 3"
	if got := strings.Join(out.lines, ","); got != want {
		t.Errorf("pg_indexes after restart:\n%s\nwant\n%s", got, want)
	}
}

// WHERE lower(email) = $1 reads the index on lower(email); a query whose WHERE has a partial
// index's predicate reads that index; one without it does not.
func TestComputedIndexLookups(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	execOK(t, s, `CREATE TABLE users (id int PRIMARY KEY, email text);
		CREATE UNIQUE INDEX users_email ON users (lower(email));
		CREATE TABLE items (id int PRIMARY KEY, sku text, deleted_at timestamp, a int, b int);
		CREATE UNIQUE INDEX items_live ON items (sku) WHERE deleted_at IS NULL;
		CREATE INDEX items_ab ON items ((a + b));
		INSERT INTO users VALUES (1, 'A@b.c'), (2, 'x@y.z');
		INSERT INTO items VALUES (1, 's', NULL, 1, 2), (2, 's', '2020-01-01', 2, 1), (3, 't', NULL, 0, 0)`)
	for _, tc := range []struct {
		query, index, rows string
	}{
		{"SELECT id FROM users WHERE lower(email) = 'a@b.c'", "users_email", "1"},
		{"SELECT id FROM users WHERE 'x@y.z' = lower(email)", "users_email", "2"},
		{"SELECT id FROM users WHERE lower(email) = lower('X@Y.Z')", "users_email", "2"},
		{"SELECT id FROM items WHERE sku = 's' AND deleted_at IS NULL", "items_live", "1"},
		{"SELECT id FROM items WHERE sku = 's'", "", "1,2"},
		{"SELECT id FROM items WHERE a + b = 3", "items_ab", "1,2"},
	} {
		out := execOK(t, s, "EXPLAIN "+tc.query)
		plan := strings.Join(out.lines, "\n")
		if used := strings.Contains(plan, "Index Scan using "); tc.index == "" && used || tc.index != "" && !strings.Contains(plan, "Index Scan using "+tc.index+" ") {
			t.Errorf("%s: plan\n%s\nwant index %q", tc.query, plan, tc.index)
		}
		out = execOK(t, s, tc.query+" ORDER BY id")
		if got := strings.Join(out.lines[:len(out.lines)-1], ","); got != tc.rows {
			t.Errorf("%s: %s, want %s", tc.query, got, tc.rows)
		}
	}
	// A prepared lookup by a parameter.
	execOK(t, s, "PREPARE byemail(text) AS SELECT id FROM users WHERE lower(email) = lower($1)")
	if out := execOK(t, s, "EXECUTE byemail('A@B.C')"); out.lines[0] != "1" {
		t.Errorf("prepared lookup: %v", out.lines)
	}
}
