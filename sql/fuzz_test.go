package sql

import (
	"context"
	"errors"
	"testing"
)

// FuzzExec runs arbitrary text through the dialect pass, the parser, the planner and the
// executor against a small table: errors are fine, panics and non-SQL errors are not.
func FuzzExec(f *testing.F) {
	for _, s := range []string{
		"SELECT * FROM t WHERE id = 1", "INSERT INTO t VALUES (9, 'x', 1.5)",
		"UPDATE t SET v = v || 'a' WHERE id IN (1, 2)", "DELETE FROM t WHERE n > 1 OR v LIKE '%_'",
		`SELECT "id", -n, n / 0 FROM t ORDER BY 1 DESC LIMIT 2 OFFSET 1`, "BEGIN; ROLLBACK",
		"CREATE TABLE x (a int PRIMARY KEY, b bytea DEFAULT '\\x00')", "SELECT E'\\'' /* c */",
		"SELECT a.v, count(*) FROM t a LEFT JOIN t b ON a.id = b.id + 1 GROUP BY a.v HAVING sum(a.n) > 0 ORDER BY 2 NULLS FIRST",
		"SELECT * FROM t x FULL JOIN t y USING (id) WHERE x.n IS NULL",
		"SELECT id FROM t WHERE EXISTS (SELECT 1 FROM t u WHERE u.id = t.id) AND v NOT IN (SELECT v FROM t)",
		"SELECT (SELECT max(n) FROM t), id::text || 'x', CAST(n AS int) FROM t UNION ALL SELECT 1, 'a', 2",
		"EXPLAIN SELECT DISTINCT v FROM (SELECT v FROM t WHERE v ILIKE 'A%') s LIMIT 1",
		"INSERT INTO t VALUES (3, 'c', 2) ON CONFLICT (id) DO UPDATE SET n = excluded.n + t.n RETURNING *",
		"UPSERT INTO t VALUES (1, 'z', 0); TRUNCATE t; SELECT * FROM t FOR UPDATE",
		"SELECT CASE WHEN n > 1 THEN substring(v, 2, 3) ELSE trim(both 'a' from v) END, greatest(n, 1), concat(v, id) FROM t",
		"SELECT position('a' in v), replace(v, 'a', 'b'), round(n, 1), mod(id, 2), nullif(v, 'a')::text FROM t",
		"DELETE FROM t WHERE id IN (SELECT id FROM t WHERE n IS NULL) RETURNING id",
		"SET statement_timeout = '1s'; SHOW ALL; RESET ALL; SET LOCAL x.y TO 'z', 2; SHOW TIME ZONE",
		"BEGIN ISOLATION LEVEL READ COMMITTED, READ WRITE; SELECT set_config('a.b', 'c', true); COMMIT",
		"VACUUM (VERBOSE, ANALYZE) t; ANALYZE t (v); SELECT current_setting('DateStyle')",
		"CREATE TABLE s (id serial PRIMARY KEY, d date, c char(3)) WITH (fillfactor = 90); INSERT INTO s (d, c) VALUES ('2024-01-01', 'a') RETURNING *",
		"CREATE TABLE h (a int, b text); ALTER TABLE h ADD PRIMARY KEY (a); ALTER TABLE h RENAME COLUMN b TO c; ALTER TABLE h RENAME TO h2",
		"CREATE UNIQUE INDEX ti ON t USING btree (v DESC NULLS LAST); SELECT * FROM t WHERE v = 'a' AND id BETWEEN 1 AND 9; DROP INDEX IF EXISTS ti",
		"WITH w (x) AS (SELECT id FROM t) SELECT * FROM w NATURAL JOIN (SELECT 1 AS x) y WHERE x ~* '^1' ",
		"SELECT ARRAY(SELECT relname FROM pg_class), pg_get_userbyid(10) FROM pg_catalog.pg_namespace WHERE nspname OPERATOR(pg_catalog.!~) '^pg_' COLLATE pg_catalog.default",
		"INSERT INTO t AS x VALUES (5, 'e', 1) ON CONFLICT (id) DO UPDATE SET n = x.n + 1; TRUNCATE TABLE ONLY t, t CONTINUE IDENTITY",
		"CREATE USER u WITH PASSWORD 'p'; SELECT DATE '2024-02-29' + 1, current_date - DATE '2000-01-01'",
		"WITH RECURSIVE r (n) AS (SELECT 1 UNION SELECT n + 1 FROM r WHERE n < 4) SELECT * FROM r, t WHERE r.n = t.id",
		"SELECT id FROM t WHERE n > ALL (SELECT n FROM t u WHERE u.id < t.id) AND v = ANY (SELECT v FROM t)",
		"SELECT lag(v, 2, 'x') OVER (ORDER BY id), lead(n) OVER (), ntile(3) OVER (PARTITION BY v), first_value(id) OVER (ORDER BY n) FROM t",
		"SELECT v, sum(n), rank() OVER (ORDER BY count(*) DESC), sum(sum(n)) OVER () FROM t GROUP BY v HAVING count(*) > 0",
		"SELECT sum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING), last_value(v) OVER (RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM t",
		"SELECT id, rank() OVER (PARTITION BY v ORDER BY n DESC NULLS LAST), sum(n) OVER (ORDER BY id) FROM t ORDER BY row_number() OVER ()",
		"SELECT (ARRAY[id, 2])[1], '{1,NULL}'::int[], i.indkey[0] & 1, 1 << 2, n = ANY (ARRAY[1.0]) FROM t, pg_index i",
		"SELECT generate_series(1, id), unnest(ARRAY['a', v]), (information_schema._pg_expandarray(ARRAY[3])).n FROM t",
		"SELECT s, string_agg(v, ', ') FROM pg_catalog.generate_series(0, 2) AS g(s), t GROUP BY s",
		"SELECT r.k, (r.e).x FROM (SELECT 1 AS k, information_schema._pg_expandarray(ARRAY[5]) AS e) r WHERE (r.e).n = 1",
		"CREATE TABLE m (a int PRIMARY KEY, b numeric(5,2)); INSERT INTO m VALUES (1, 1.005), (2, '-3e2'); SELECT b / 3, round(b, 1), sum(b), avg(a) FROM m GROUP BY b",
		"SELECT 1e-3 % 0.7, 'NaN'::numeric * 2, 12345678901234567890 + 1, 2.5::int, trunc(-1.99::numeric(4,1)), n::numeric(3,1) FROM t",
		"SELECT id FROM t a WHERE EXISTS (SELECT 1 FROM t b WHERE b.v = a.v AND b.n > 0) AND id IN (1, 2, $1) OR id = ANY ('{3}')",
	} {
		f.Add(s)
	}
	ts := openTestTablespace(f)
	setup := NewSession(ts, nil)
	if err := setup.Exec(context.Background(),
		"CREATE TABLE t (id int PRIMARY KEY, v text, n double precision); INSERT INTO t VALUES (1, 'a', 1), (2, NULL, NULL)",
		&textOutput{}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		s := NewSession(ts, nil)
		defer s.Close()
		err := s.Exec(context.Background(), q, &textOutput{})
		var e *Error
		if err != nil && !errors.As(err, &e) {
			t.Fatalf("%q: error without SQLSTATE: %v", q, err)
		}
		if e != nil && e.Code == "XX000" {
			t.Fatalf("%q: internal error: %v", q, err)
		}
	})
}
