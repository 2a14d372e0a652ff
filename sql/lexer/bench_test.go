package lexer

import "testing"

// pgbench's statements (the TPC-B-like script).
var pgbench = []string{
	`UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2;`,
	`SELECT abalance FROM pgbench_accounts WHERE aid = $1;`,
	`UPDATE pgbench_tellers SET tbalance = tbalance + $1 WHERE tid = $2;`,
	`UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2;`,
	`INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES ($1, $2, $3, $4, CURRENT_TIMESTAMP);`,
}

func BenchmarkLexPgbench(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, q := range pgbench {
			if _, err := Lex(q); err != nil {
				b.Fatal(err)
			}
		}
	}
}
