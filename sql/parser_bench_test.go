package sql

import (
	"strconv"
	"strings"
	"testing"

	"vitess.io/vitess/go/vt/sqlparser"

	pgparser "github.com/drovedb/drove/sql/parser"
)

// parserBenchQueries are pgbench's SELECTs and a few golden queries of the kinds the corpus
// has most: a join with grouping, a window, a CTE with a set operation.
var parserBenchQueries = []string{
	"SELECT abalance FROM pgbench_accounts WHERE aid = 42",
	"SELECT abalance FROM pgbench_accounts WHERE aid = $1",
	"SELECT c.name, count(*), sum(o.amount) FROM customers c JOIN orders o ON o.cid = c.id WHERE o.amount > 10 GROUP BY c.name HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT 5",
	"SELECT id, x, sum(x) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), rank() OVER w FROM t WINDOW w AS (ORDER BY x DESC NULLS LAST)",
	"WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n, CASE WHEN n % 2 = 0 THEN 'even' ELSE 'odd' END, n::text || 'x' FROM r WHERE n IN (1, 2, 3) OR n BETWEEN 5 AND 7",
}

// BenchmarkSelectFrontEnd compares reading a query into sql/ast: the current front end
// (dialect pass, vitess, converter) with sql/parser over sql/lexer's tokens.
func BenchmarkSelectFrontEnd(b *testing.B) {
	for i, q := range parserBenchQueries {
		name := strconv.Itoa(i) + "_" + strings.Fields(q)[0] + "_" + strconv.Itoa(len(q))
		b.Run("dialect+vitess+converter/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				pieces, err := splitAndRewrite(q)
				if err != nil {
					b.Fatal(err)
				}
				st, err := parse(pieces[0])
				if err != nil {
					b.Fatal(err)
				}
				if _, err := astQuery(st.ast.(sqlparser.TableStatement)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("parser/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for n := 0; n < b.N; n++ {
				if _, err := pgparser.ParseSelect(q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
