package sql

import (
	"fmt"
	"regexp"
	"strings"
)

// shrinkRows reduces the rows a disagreeing query of runQueryDiff reads: it deletes the rows
// of the data (those with an id key, one INSERT each) one at a time, on both systems inside a
// transaction rolled back after each try, and keeps a row deleted while the two still
// disagree without it. The report lists the rows left: the smallest tables that still show
// the disagreement, with the query and the seed. The tables are as before when it returns.
func (e *exprDiff) shrinkRows(q string, data []string, tables []qtable, same func(d, p rowsAnswer) bool) string {
	keyed := map[string]bool{}
	for _, t := range tables {
		keyed[t.name] = len(t.cols) > 0 && t.cols[0].sql == "id"
	}
	type row struct{ table, id, insert string }
	var rows []row
	for _, ins := range data {
		if m := insertByID.FindStringSubmatch(ins); m != nil && keyed[m[1]] {
			rows = append(rows, row{m[1], m[2], ins})
		}
	}
	if len(rows) == 0 {
		return ""
	}
	gone := map[int]bool{}
	var lastD, lastP rowsAnswer // the answers of the last try that disagreed
	disagrees := func() bool {
		stmts := []string{"BEGIN"}
		for i, r := range rows {
			if gone[i] {
				stmts = append(stmts, "DELETE FROM "+r.table+" WHERE id = "+r.id)
			}
		}
		for _, st := range stmts {
			if err := e.s.Exec(e.ctx, st, &textOutput{zone: &e.zone}); err != nil {
				e.t.Fatalf("drove: %s: %v", st, err)
			}
			if _, err := e.pg.Exec(e.ctx, st).ReadAll(); err != nil {
				e.t.Fatalf("PostgreSQL: %s: %v", st, err)
			}
		}
		d, p := e.droveRows(q), e.postgresRows(q)
		for _, run := range []func(){
			func() { _ = e.s.Exec(e.ctx, "ROLLBACK", &textOutput{zone: &e.zone}) },
			func() { _, _ = e.pg.Exec(e.ctx, "ROLLBACK").ReadAll() },
		} {
			run()
		}
		if p.code == "57014" || same(d, p) {
			return false
		}
		lastD, lastP = d, p
		return true
	}
	if !disagrees() { // not reproducible in a transaction: say nothing more
		return ""
	}
	for i := range rows {
		gone[i] = true
		if !disagrees() {
			delete(gone, i)
		}
	}
	var b strings.Builder
	b.WriteString("\nshrunk: it still disagrees with only these rows (the others deleted):\n")
	for i, r := range rows {
		if !gone[i] {
			b.WriteString("  " + r.insert + "\n")
		}
	}
	fmt.Fprintf(&b, "  drove: %v\n  PostgreSQL: %v", lastD, lastP)
	return b.String()
}

// insertByID reads the table and key of a data row: INSERT INTO t VALUES (id, ...).
var insertByID = regexp.MustCompile(`^INSERT INTO (\w+) VALUES \((-?\d+),`)
