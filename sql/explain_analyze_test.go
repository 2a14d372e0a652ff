package sql

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
)

// EXPLAIN's options: costs by default, ANALYZE's timed counts and summary, JSON, and the
// options drove refuses.
func TestExplainOptions(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE a (id int PRIMARY KEY, b_id int, v text);
		CREATE TABLE b (id int PRIMARY KEY, w text);
		CREATE TABLE d (n int DEFAULT 7);
		INSERT INTO a SELECT g, g % 4, 'v' || g FROM generate_series(1, 40) g;
		INSERT INTO b SELECT g, 'w' || g FROM generate_series(0, 3) g`, &textOutput{}); err != nil {
		t.Fatal(err)
	}
	explain := func(q string) []string {
		t.Helper()
		out := &textOutput{}
		if err := s.Exec(ctx, q, out); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return out.lines[:len(out.lines)-1]
	}
	cost := `\(cost=\d+\.\d\d\.\.\d+\.\d\d rows=\d+ width=\d+\)`
	actual := `\(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=%s loops=1\)`
	checks := []struct {
		query string
		lines []string // regular expressions, one per line
	}{
		{"EXPLAIN SELECT * FROM a", []string{`^Seq Scan on a  \(cost=0\.00\.\.\d+\.\d\d rows=40 width=40\)$`}},
		{"EXPLAIN SELECT * FROM a WHERE id = 3", []string{`^Index Scan using a_pkey on a  ` + cost + `$`, `^  Index Cond: \(id = 3\)$`}},
		{"EXPLAIN ANALYZE SELECT * FROM a JOIN b ON a.b_id = b.id", []string{
			`^Hash Join  ` + cost + ` ` + strings.Replace(actual, "%s", "40", 1) + `$`,
			`^  Hash Cond: \(a\.b_id = b\.id\)$`,
			`^  ->  Seq Scan on a  ` + cost + ` ` + strings.Replace(actual, "%s", "40", 1) + `$`,
			`^  ->  Hash  ` + cost + ` ` + strings.Replace(actual, "%s", "4", 1) + `$`,
			`^        ->  Seq Scan on b  ` + cost + ` ` + strings.Replace(actual, "%s", "4", 1) + `$`,
			`^Planning Time: \d+\.\d{3} ms$`,
			`^Execution Time: \d+\.\d{3} ms$`}},
		{"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*) FROM a WHERE v LIKE 'v1%'", []string{
			`^Aggregate \(actual rows=1 loops=1\)$`,
			`^  ->  Seq Scan on a \(actual rows=11 loops=1\)$`,
			`^        Filter: \(v ~~ 'v1%'\)$`,
			`^        Rows Removed by Filter: 29$`,
			`^Planning Time: \d+\.\d{3} ms$`,
			`^Execution Time: \d+\.\d{3} ms$`}},
		{"EXPLAIN (SUMMARY, COSTS OFF) SELECT 1", []string{`^Result$`, `^Planning Time: \d+\.\d{3} ms$`}},
		// The inner side of a lateral join opens once per outer row: its loops.
		{"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM b, LATERAL (SELECT * FROM a WHERE a.b_id = b.id LIMIT 2) x", []string{
			`^Nested Loop \(actual rows=8 loops=1\)$`,
			`^  ->  Seq Scan on b \(actual rows=4 loops=1\)$`,
			`^  ->  Limit \(actual rows=2 loops=4\)$`,
			`^        ->  Seq Scan on a \(actual rows=\d+ loops=4\)$`,
			`^              Filter: \(b_id = b\.id\)$`,
			`^              Rows Removed by Filter: 4$`}}, // 6, 3, 4 and 5 over the 4 loops
		// A filter node's removed rows are its input's it did not return.
		{"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT * FROM (SELECT DISTINCT v FROM a) s WHERE v > 'v3'", []string{
			`^Filter \(actual rows=17 loops=1\)$`,
			`^  Filter: \(v > 'v3'\)$`,
			`^  Rows Removed by Filter: 23$`,
			`^  ->  HashAggregate \(actual rows=40 loops=1\)$`,
			`^        Group Key: v$`,
			`^        ->  Seq Scan on a \(actual rows=40 loops=1\)$`}},
		{"EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT b_id, count(*) FROM a GROUP BY b_id HAVING count(*) > 10", []string{
			`^HashAggregate \(actual rows=0 loops=1\)$`,
			`^  Group Key: b_id$`,
			`^  Filter: \(count\(\*\) > 10\)$`,
			`^  Rows Removed by Filter: 4$`,
			`^  ->  Seq Scan on a \(actual rows=40 loops=1\)$`}},
	}
	for _, c := range checks {
		got := explain(c.query)
		if len(got) != len(c.lines) {
			t.Fatalf("%s:\n%s", c.query, strings.Join(got, "\n"))
		}
		for i, re := range c.lines {
			if !regexp.MustCompile(re).MatchString(got[i]) {
				t.Fatalf("%s: line %d %q does not match %s\n%s", c.query, i, got[i], re, strings.Join(got, "\n"))
			}
		}
	}

	// FORMAT JSON is one document with PostgreSQL's keys.
	doc := explain("EXPLAIN (FORMAT JSON, ANALYZE, TIMING OFF) SELECT * FROM a JOIN b ON a.b_id = b.id")
	var plans []struct {
		Plan struct {
			NodeType   string  `json:"Node Type"`
			PlanRows   float64 `json:"Plan Rows"`
			ActualRows float64 `json:"Actual Rows"`
			HashCond   string  `json:"Hash Cond"`
			Plans      []struct {
				NodeType     string `json:"Node Type"`
				RelationName string `json:"Relation Name"`
			}
		}
		ExecutionTime *float64 `json:"Execution Time"`
	}
	if len(doc) != 1 {
		t.Fatalf("JSON: %d rows", len(doc))
	}
	if err := json.Unmarshal([]byte(doc[0]), &plans); err != nil {
		t.Fatalf("JSON: %v\n%s", err, doc[0])
	}
	p := plans[0].Plan
	if p.NodeType != "Hash Join" || p.ActualRows != 40 || p.HashCond != "(a.b_id = b.id)" || len(p.Plans) != 2 ||
		p.Plans[0].RelationName != "a" || p.Plans[1].NodeType != "Hash" || plans[0].ExecutionTime == nil {
		t.Fatalf("JSON: %+v\n%s", plans, doc[0])
	}

	for q, code := range map[string]string{
		"EXPLAIN (FORMAT YAML) SELECT 1":      "0A000",
		"EXPLAIN (FORMAT XML) SELECT 1":       "0A000",
		"EXPLAIN (TIMING) SELECT 1":           "22023",
		"EXPLAIN (COSTS maybe) SELECT 1":      "42601",
		"EXPLAIN (FORMAT csv) SELECT 1":       "22023",
		"EXPLAIN (nosuch) SELECT 1":           "42601",
		"EXPLAIN (ANALYZE, WAL) SELECT 1":     "",
		"EXPLAIN VERBOSE SELECT 1":            "",
		"EXPLAIN ANALYZE VERBOSE SELECT 1":    "",
		"EXPLAIN ANALYSE SELECT 1":            "",
		"EXPLAIN (BUFFERS, SETTINGS) TABLE a": "",
	} {
		err := s.Exec(ctx, q, &textOutput{})
		var e *Error
		got := ""
		if err != nil {
			if !errors.As(err, &e) {
				t.Fatalf("%s: %v", q, err)
			}
			got = e.Code
		}
		if got != code {
			t.Fatalf("%s: code %q, want %q (%v)", q, got, code, err)
		}
	}

	// ANALYZE of a write runs it; an EXPLAIN without ANALYZE does not.
	explain("EXPLAIN INSERT INTO b VALUES (10, 'x')")
	if lines := explain("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) UPDATE b SET w = 'y' WHERE id = 1"); lines[0] != "Update on b (actual rows=0 loops=1)" {
		t.Fatalf("UPDATE: %q", lines)
	}
	rows := explain("SELECT count(*) FILTER (WHERE id = 10), count(*) FILTER (WHERE w = 'y') FROM b")
	if rows[0] != "0|1" {
		t.Fatalf("after EXPLAIN ANALYZE UPDATE: %q", rows)
	}

	// So does ANALYZE of a write sql/parser reads (ON CONFLICT, RETURNING, DEFAULT VALUES,
	// UPDATE ... FROM), in the user's transaction: its rollback undoes the writes.
	explain("BEGIN")
	lines := explain("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) INSERT INTO b VALUES (1, 'z') ON CONFLICT (id) DO UPDATE SET w = excluded.w RETURNING w")
	if len(lines) < 3 || lines[0] != "Insert on b (actual rows=1 loops=1)" || lines[1] != "  Conflict Resolution: UPDATE" || lines[2] != "  Conflict Arbiter Indexes: b_pkey" {
		t.Fatalf("INSERT ... ON CONFLICT: %q", lines)
	}
	explain("EXPLAIN ANALYZE UPDATE b SET w = w || '!' FROM a WHERE a.id = b.id + 10")
	explain("EXPLAIN ANALYZE INSERT INTO d DEFAULT VALUES")
	if rows := explain("SELECT string_agg(w, ',' ORDER BY id), (SELECT sum(n) FROM d) FROM b"); rows[0] != "w0!,z!,w2!,w3!|7" {
		t.Fatalf("after EXPLAIN ANALYZE in a transaction: %q", rows)
	}
	explain("ROLLBACK")
	explain("BEGIN READ ONLY")
	explain("EXPLAIN INSERT INTO b VALUES (1, 'z') ON CONFLICT (id) DO NOTHING")
	if err := s.Exec(ctx, "EXPLAIN ANALYZE INSERT INTO b VALUES (1, 'z') ON CONFLICT (id) DO NOTHING", &textOutput{}); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("EXPLAIN ANALYZE INSERT in a read-only transaction: %v", err)
	}
	explain("ROLLBACK")
	if rows := explain("SELECT string_agg(w, ',' ORDER BY id), (SELECT count(*) FROM d) FROM b"); rows[0] != "w0,y,w2,w3|0" {
		t.Fatalf("after ROLLBACK: %q", rows)
	}
}

// Under ANALYZE a shared WITH query's plan is counted (the references read the instrumented
// plan), and an UPDATE's scan, which the statement runs itself, shows no counts.
func TestExplainAnalyzeSubplans(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE a (id int PRIMARY KEY, v text);
		INSERT INTO a SELECT g, 'v' || g FROM generate_series(1, 10) g`, &textOutput{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ query, plan string }{
		{"WITH x AS MATERIALIZED (SELECT * FROM a) SELECT count(*) FROM x", `
Aggregate (actual rows=1 loops=1)
  CTE x
    ->  Seq Scan on a (actual rows=10 loops=1)
  ->  CTE Scan on x (actual rows=10 loops=1)`},
		{"UPDATE a SET v = 'y' WHERE id = 3", `
Update on a (actual rows=0 loops=1)
  ->  Index Scan using a_pkey on a
        Index Cond: (id = 3)`},
	} {
		out := &textOutput{}
		if err := s.Exec(ctx, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "+c.query, out); err != nil {
			t.Fatal(err)
		}
		got := strings.Join(out.lines[:len(out.lines)-1], "\n")
		if want := strings.TrimPrefix(c.plan, "\n"); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.query, got, want)
		}
	}
}

// FORMAT JSON names a CTE Scan's CTE, a subplan's name and a Values Scan's alias with
// PostgreSQL's keys.
func TestExplainJSONSubplans(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE a (id int PRIMARY KEY, v text)`, &textOutput{}); err != nil {
		t.Fatal(err)
	}
	for q, wants := range map[string][]string{
		"WITH x AS MATERIALIZED (SELECT * FROM a) SELECT * FROM x": {
			`"Node Type": "CTE Scan"`, `"CTE Name": "x"`, `"Alias": "x"`, `"Subplan Name": "CTE x"`, `"Relation Name": "a"`},
		"VALUES (1), (2)": {`"Node Type": "Values Scan"`, `"Alias": "*VALUES*"`},
	} {
		out := &textOutput{}
		if err := s.Exec(ctx, "EXPLAIN (FORMAT JSON, COSTS OFF) "+q, out); err != nil {
			t.Fatal(err)
		}
		doc := strings.Join(out.lines[:len(out.lines)-1], "\n")
		var v any
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatalf("%s: %v\n%s", q, err, doc)
		}
		for _, w := range wants {
			if !strings.Contains(doc, w) {
				t.Errorf("%s: no %s in\n%s", q, w, doc)
			}
		}
	}
}
