package sql

import "testing"

// TestOneNonQuery pins which strings skip the lexer: only one statement whose first word
// is not a query's, so parseStatements answers as it would after lexing.
func TestOneNonQuery(t *testing.T) {
	for _, c := range []struct {
		query string
		want  bool
	}{
		{"UPDATE t SET a = a + 1 WHERE k = 2", false}, // INSERT, UPDATE and DELETE are parsed by sql/parser
		{"  insert into t values (1);  ;\n", false},
		{"  create index on t (a);  ;\n", false},  // CREATE and ALTER: the lexer tells whether the tree reads the object
		{"  vacuum t;  ;\n", false},               // session and transaction statements: sql/parser (utility_tree.go)
		{"  lock t;  ;\n", false},                 // LOCK: sql/parser (command_tree.go)
		{"  grant select on t to u;  ;\n", false}, // GRANT, REVOKE: sql/parser's 0A000
		{"  use db;  ;\n", true},                  // a word of no routing table: the dialect pass's 42601
		{"CREATE TABLE t (a int)", false},
		{"ALTER SEQUENCE s RESTART", false},
		{"ALTER TABLE t ADD b int", false},
		{"COMMENT ON TABLE t IS 'x'", false},
		{"CREATE UNIQUE INDEX i ON t (a)", false},
		{"CREATE /* c */ INDEX i ON t (a)", false},
		{"begin", false},
		{"COMMIT", false},
		{"set search_path = public", false},
		{"SHOW ALL", false},
		{"prepare p as select 1", false}, // PREPARE, EXECUTE, cursors: sql/parser (command_tree.go)
		{"SELECT 1", false},
		{"values (1)", false},
		{"values(1)", false},
		{"TABLE t", false},
		{"WITH x AS (SELECT 1) SELECT * FROM x", false},
		{"(SELECT 1)", false},
		{"-- c\nUPDATE t SET a = 1", false},
		{"/* c */ INSERT INTO t VALUES (1)", false},
		{"INSERT INTO t VALUES (1); SELECT 1", false},
		{"INSERT INTO t VALUES ('a;b')", false},
		{"", false},
		{";", false},
	} {
		if got := oneNonQuery(c.query); got != c.want {
			t.Errorf("oneNonQuery(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}
