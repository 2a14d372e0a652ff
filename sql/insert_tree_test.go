package sql

import (
	"reflect"
	"strings"
	"testing"
)

// insertBothWays is TestBindFromParser's check of INSERT: every golden INSERT (and UPSERT)
// sql/parser reads binds and runs from its tree as the dialect pass's statement does: the same
// result columns, command tag and number of rows returned, or the same SQLSTATE (an error may
// move from parsing to binding: the dialect pass refused some targets of ON CONFLICT while
// rewriting). Each statement is run twice inside a block rolled back (a savepoint inside the
// file's own transaction), in a session holding its file's objects (walkGoldenBothWays; a run
// that differs is run again, since the first drew from the sequences the second reads). A
// difference not in insertImprovements fails.
func insertBothWays(t *testing.T) bothWaysCheck {
	var st insertBindStats
	return bothWaysCheck{words: map[string]bool{"insert": true, "upsert": true}, compare: func(s *Session, b bothWays) {
		compareInsert(t, s, b, &st)
	}, report: func() {
		t.Logf("of the golden INSERT statements, %d bind and run alike from both trees, %d fail with the same SQLSTATE, "+
			"%d are refused alike at parsing, %d differ as PostgreSQL answers (insertImprovements), %d are left to the dialect pass",
			st.same, st.sameError, st.parseSame, st.improved, st.left)
		if st.same < 500 {
			t.Errorf("only %d golden INSERT statements bound alike", st.same)
		}
	}}
}

// insertBindStats counts insertBothWays's golden statements.
type insertBindStats struct {
	same, sameError, parseSame, left, improved int
}

// insertImprovements are the golden INSERTs whose outcome from sql/parser's tree differs
// from the dialect pass's, PostgreSQL's answer being the tree's (checked on PostgreSQL 15;
// instree.sql records them): file:line to the tree's SQLSTATE ("" for a statement that runs).
var insertImprovements = map[string]string{
	// DEFAULT inside a VALUES item: 42601 (the pass's converted tree holds vitess's DEFAULT
	// as a foreign node, 0A000).
	"instree.sql:122": "42601",
	// A missing column in the conflict target's WHERE: 42703 (the pass drops the WHERE).
	"instree.sql:126": "42703",
	// A view whose table has an alias: its RETURNING and CHECK OPTION read the alias, which
	// view_write.go's vitess rewrite drops (42P01); and INSERT ... SELECT through it without a
	// column list fills the first columns (the vitess rewrite names every view column).
	"instree.sql:138": "",
	"instree.sql:144": "44000",
	"instree.sql:148": "",
	"instree.sql:154": "42601",
	// ON CONFLICT through a view, which the vitess rewrite refuses (0A000).
	// An ON CONFLICT target that is an expression or has a WHERE infers a computed unique
	// index (uidx.sql): the tree reads both; the pass's converted tree keeps neither (42P10).
	"uidx.sql:36":     "",
	"uidx.sql:185":    "",
	"uidx.sql:191":    "",
	"viewins.sql:60":  "",
	"viewins.sql:63":  "",
	"viewins.sql:66":  "",
	"viewins.sql:72":  "",
	"viewins.sql:78":  "",
	"viewins.sql:84":  "",
	"viewins.sql:89":  "",
	"viewins.sql:95":  "42702",
	"viewins.sql:101": "42703",
	"viewins.sql:104": "42P10",
	"viewins.sql:107": "42P10",
	"viewins.sql:110": "42703",
	"viewins.sql:113": "42703",
	"viewins.sql:116": "42704",
	"viewins.sql:119": "42601",
	"viewins.sql:125": "44000",
	"viewins.sql:128": "44000",
	"viewins.sql:131": "",
	"viewins.sql:137": "",
	"viewins.sql:142": "",
	"viewins.sql:151": "",
	"viewins.sql:157": "",
	// ON CONFLICT's WHERE implying a partial unique index's predicate (a > 5 implies a > 0):
	// upsert_implies.go's proof serves the tree only; the pass's converted tree says 42P10.
	// Its last case is PostgreSQL's 42P10 (coalesce(a, 2) > 1 implies nothing of
	// coalesce(a, 1) > 0), which the pass's converted tree dropped with the WHERE.
	"sweepf.sql:132": "",
	"sweepf.sql:135": "",
	"sweepf.sql:138": "",
	"sweepf.sql:141": "",
	"sweepf.sql:159": "",
	"sweepf.sql:165": "",
	"sweepf.sql:168": "",
	"sweepf.sql:180": "42P10",
}

// insertOutcome is what one statement did: its SQLSTATE (and where it failed), or its
// result columns, command tag and number of rows.
type insertOutcome struct {
	code, phase string
	cols        []Column
	tag         string
	rows        int
}

// compareInsert runs one golden statement both ways and compares.
func compareInsert(t *testing.T, s *Session, b bothWays, st *insertBindStats) {
	if b.oldErr == nil && len(b.oldSts) != 1 || b.newErr == nil && len(b.newSts) != 1 {
		return // several statements
	}
	if b.newErr == nil && b.newSts[0].dml == nil {
		st.left++
		return
	}
	if b.treeOnly() {
		st.improved++
		return
	}
	newOut := insertRun(t, s, b.newSts, b.newErr)
	oldOut := insertRun(t, s, b.oldSts, b.oldErr)
	if !sameOutcome(newOut, oldOut) && newOut.phase == "run" {
		// A sequence the first run drew from (rolled back, as nextval is not) gives the
		// second run other values: the tree's statement runs again on the state the dialect
		// pass's ran on.
		newSts, _ := parseStatements(b.q, func() error { return nil })
		newOut = insertRun(t, s, newSts, nil)
	}
	switch want, listed := insertImprovements[b.where]; {
	case listed && newOut.code == want && oldOut.code != want:
		st.improved++
	case newOut.code != oldOut.code:
		t.Errorf("%s: %s\n parser's tree: %s at %s\n dialect pass's: %s at %s", b.where, b.q, newOut.code, newOut.phase, oldOut.code, oldOut.phase)
	case newOut.code != "" && newOut.phase == "parse" && oldOut.phase == "parse":
		st.parseSame++
	case newOut.code != "":
		st.sameError++
	case !sameOutcome(newOut, oldOut):
		t.Errorf("%s: %s\n parser's tree: %v %q %d rows\n dialect pass's: %v %q %d rows", b.where, b.q,
			newOut.cols, newOut.tag, newOut.rows, oldOut.cols, oldOut.tag, oldOut.rows)
	default:
		st.same++
	}
}

// insertRun binds the statement parsed (or the parse error) and runs it in a block that is
// rolled back.
func insertRun(t *testing.T, s *Session, sts []*Statement, parseErr error) insertOutcome {
	if parseErr != nil {
		return insertOutcome{code: sqlstateOf(parseErr), phase: "parse"}
	}
	p, err := s.bind(sts[0])
	if err != nil {
		return insertOutcome{code: sqlstateOf(err), phase: "bind"}
	}
	o := insertOutcome{cols: p.cols, phase: "run"}
	out, err, ok := runRolledBack(t, s, sts[0])
	if !ok {
		return o // the file's transaction failed: nothing runs
	}
	o.code = sqlstateOf(err)
	for _, l := range out.lines {
		if tag, ok := strings.CutPrefix(l, "tag: "); ok {
			o.tag = tag
		} else {
			o.rows++
		}
	}
	return o
}

func sameOutcome(a, b insertOutcome) bool {
	return a.code == b.code && reflect.DeepEqual(a.cols, b.cols) && a.tag == b.tag && a.rows == b.rows
}
