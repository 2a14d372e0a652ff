package sql

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

// TestUpdateFromParserErrors: an UPDATE's errors are PostgreSQL's, with its message and
// position.
func TestUpdateFromParserErrors(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE t (id int PRIMARY KEY, v int)", &textOutput{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sql, code, msg string
		pos            int
	}{
		{"UPDATE t v = 1", "42601", `syntax error at or near "="`, 12},
		{"SELECT 1; UPDATE t SET v = 1 WHERE", "42601", "syntax error at end of input", 35},
		{"UPDATE t SET v = 1 WHERE CURRENT OF c", "34000", `cursor "c" does not exist`, 0},
	} {
		err := s.Exec(ctx, c.sql, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code || e.Message != c.msg || e.Position != c.pos {
			t.Errorf("%s: %#v, want %s %s at %d", c.sql, err, c.code, c.msg, c.pos)
		}
	}
}

// updateBindStats counts updateBothWays's golden statements.
type updateBindStats struct{ same, sameError, parseSame, ran, runError, improved int }

// updateBothWays is TestBindFromParser's check of UPDATE: an UPDATE sql/parser reads binds as
// the dialect pass's statement binds (the same result columns, or the same SQLSTATE), and runs
// alike: each is run from both trees, in a transaction (or savepoint) rolled back after it, and
// must give the same command tag and number of rows, or fail with the same SQLSTATE. It runs
// over every golden UPDATE, each in a session holding its file's objects (walkGoldenBothWays),
// and fails on a difference not in updateImprovements.
func updateBothWays(t *testing.T) bothWaysCheck {
	var st updateBindStats
	return bothWaysCheck{words: map[string]bool{"update": true}, compare: func(s *Session, b bothWays) {
		compareUpdate(t, s, b, &st)
	}, report: func() {
		t.Logf("of the golden UPDATE statements, %d bind to the same columns from both trees, %d are refused with the same SQLSTATE "+
			"at binding, %d at parsing; %d run alike (%d of them failing with the same SQLSTATE); %d differ as updateImprovements lists",
			st.same, st.sameError, st.parseSame, st.ran, st.runError, st.improved)
		if st.same < 180 || st.ran < st.same {
			t.Errorf("only %d golden UPDATE statements bound alike, %d ran alike", st.same, st.ran)
		}
	}}
}

// updateImprovements are the golden UPDATE statements whose binding from sql/parser's tree
// differs from the dialect pass's, PostgreSQL's answer being the tree's (checked on
// PostgreSQL 15; updtree.sql): file:line to the tree's SQLSTATE ("" for one that binds), or
// "src" where only a result column's source column differs.
var updateImprovements = map[string]string{
	// RETURNING b COLLATE "C": PostgreSQL gives the column no table origin (a CollateExpr is
	// not a Var); the dialect pass dropped the COLLATE.
	"front16.sql:138": "src",
	// DEFAULT inside an expression: PostgreSQL's 42601; the dialect pass's tree made it 0A000.
	"updtree.sql:62": "42601",
	// WHERE CURRENT OF binds (the cursor is read when it runs: PostgreSQL's 34000 then); the
	// dialect pass's 42601.
	"updtree.sql:86": "",
}

// compareUpdate binds and runs one golden UPDATE both ways and compares.
func compareUpdate(t *testing.T, s *Session, b bothWays, st *updateBindStats) {
	q, where, newSts, oldSts, newErr, oldErr := b.q, b.where, b.newSts, b.oldSts, b.newErr, b.oldErr
	improved, listed := updateImprovements[where]
	if b.treeOnly() {
		st.improved++
		return
	}
	if oldErr != nil && newErr == nil && listed && len(newSts) == 1 { // the pass refused it at parsing
		if _, err := s.bind(newSts[0]); sqlstateOf(err) != improved {
			t.Errorf("%s: %s\n parser's tree: %v, want %s", where, q, err, improved)
		}
		st.improved++
		return
	}
	if oldErr != nil || newErr != nil {
		if sqlstateOf(oldErr) != sqlstateOf(newErr) && (!listed || improved != sqlstateOf(newErr)) {
			t.Errorf("%s: %s\n parsing: parser's %v, dialect pass's %v", where, q, newErr, oldErr)
		} else {
			st.parseSame++
		}
		return
	}
	if len(newSts) != 1 || newSts[0].dml == nil {
		return // several statements, or one left to the dialect pass
	}
	newPlan, newErr := s.bind(newSts[0])
	oldPlan, oldErr := s.bind(oldSts[0])
	switch {
	case sqlstateOf(newErr) != sqlstateOf(oldErr):
		if !listed || improved != sqlstateOf(newErr) {
			t.Errorf("%s: %s\n parser's tree: %v\n dialect pass's: %v", where, q, newErr, oldErr)
		}
		st.improved++
		return
	case newErr != nil:
		st.sameError++
		return
	case !reflect.DeepEqual(newPlan.cols, oldPlan.cols) && !(improved == "src" && sameButSource(newPlan.cols, oldPlan.cols)):
		t.Errorf("%s: %s\n parser's tree: %v\n dialect pass's: %v", where, q, newPlan.cols, oldPlan.cols)
		return
	}
	st.same++
	newOut, newRun, ok1 := runRolledBack(t, s, newSts[0])
	oldOut, oldRun, ok2 := runRolledBack(t, s, oldSts[0])
	switch {
	case !ok1 || !ok2:
	case sqlstateOf(newRun) != sqlstateOf(oldRun):
		t.Errorf("%s: %s\n run from the parser's tree: %v\n from the dialect pass's: %v", where, q, newRun, oldRun)
	case len(newOut.lines) != len(oldOut.lines) || newRun == nil && newOut.lines[len(newOut.lines)-1] != oldOut.lines[len(oldOut.lines)-1]:
		t.Errorf("%s: %s\n run from the parser's tree: %q\n from the dialect pass's: %q", where, q, newOut.lines, oldOut.lines)
	default:
		st.ran++
		if newRun != nil {
			st.runError++
		}
	}
}

// sameButSource reports whether two result descriptions differ at most in their columns'
// source columns.
func sameButSource(a, b []Column) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		x.src, y.src = nil, nil
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// TestUpdateParamTypes: the $n of an UPDATE read by sql/parser are typed as the dialect
// pass's statement types them (SET's target column, WHERE's comparison, FROM, RETURNING, a
// multiple-column item's fields), and pgbench's statement binds.
func TestUpdateParamTypes(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	if err := s.Exec(ctx, `CREATE TABLE pa (aid int PRIMARY KEY, abalance int, t text, ts timestamptz, num numeric(10,2));
		CREATE TABLE pb (k bigint, name varchar(10))`, &textOutput{}); err != nil {
		t.Fatal(err)
	}
	none := func() error { return nil }
	for _, q := range []string{
		"UPDATE pa SET abalance = abalance + $1 WHERE aid = $2",
		"UPDATE pa SET t = $1, ts = $2, num = $3 WHERE aid = $4 RETURNING $5::int, t || $6",
		"UPDATE pa SET (t, num) = ($1, $2), ts = DEFAULT WHERE aid IN ($3, $4)",
		"UPDATE pa SET (t, num) = ROW($1, $2 + 1)",
		"UPDATE pa SET t = pb.name || $1 FROM pb WHERE pb.k = $2 AND pa.aid = pb.k",
		"UPDATE pa SET (t, abalance) = (SELECT name, $1 FROM pb WHERE k = $2)",
	} {
		oldSts, err1 := parseOld(q, none)
		newSts, err2 := parseStatements(q, none)
		if err1 != nil || err2 != nil || newSts[0].dml == nil {
			t.Fatalf("%s: %v / %v", q, err1, err2)
		}
		newPlan, err1 := s.bind(newSts[0])
		oldPlan, err2 := s.bind(oldSts[0])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v / %v", q, err1, err2)
		}
		if len(newPlan.params.types) == 0 || !reflect.DeepEqual(newPlan.params.types, oldPlan.params.types) {
			t.Errorf("%s: parameter types %v from the parser's tree, %v from the dialect pass's", q, newPlan.params.types, oldPlan.params.types)
		}
	}
}
