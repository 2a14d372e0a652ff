package sql

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDeleteFromParserErrors: a DELETE's errors are PostgreSQL's, with its message and
// position (the dialect pass placed "DELETE t" at the end of input).
func TestDeleteFromParserErrors(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	if err := s.Exec(ctx, "CREATE TABLE t (id int PRIMARY KEY)", &textOutput{}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		sql, code, msg string
		pos            int
	}{
		{"DELETE t", "42601", `syntax error at or near "t"`, 8},
		{"SELECT 1; DELETE FROM t WHERE", "42601", "syntax error at end of input", 30},
		{"DELETE FROM t WHERE CURRENT OF c", "34000", `cursor "c" does not exist`, 0},
	} {
		err := s.Exec(ctx, c.sql, &textOutput{})
		var e *Error
		if !errors.As(err, &e) || e.Code != c.code || e.Message != c.msg || e.Position != c.pos {
			t.Errorf("%s: %#v, want %s %s at %d", c.sql, err, c.code, c.msg, c.pos)
		}
	}
}

// dmlBindStats counts TestBindDMLFromParser's golden statements.
type dmlBindStats struct{ same, sameError, parseSame int }

// TestBindDMLFromParser: a writing statement of a kind bound from sql/parser's tree (the
// ones treeDMLWords lists) binds as the dialect pass's statement binds: the same result
// columns, or the same SQLSTATE; a text both refuse is refused with the same SQLSTATE. It runs
// over every such golden statement, each bound in a session holding its file's objects (the
// file's statements are executed, after binding), and fails on a difference that is not in
// dmlImprovements.
func TestBindDMLFromParser(t *testing.T) {
	if testing.Short() {
		t.Skip("the golden corpus")
	}
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var st dmlBindStats
	for _, file := range files {
		bindGoldenDML(t, file, &st)
	}
	t.Logf("of the golden DELETE statements, %d bind to the same columns from both trees, %d are refused with the same SQLSTATE "+
		"at binding, %d at parsing", st.same, st.sameError, st.parseSame)
	if st.same < 80 {
		t.Errorf("only %d golden DELETE statements bound alike", st.same)
	}
}

// dmlImprovements are the golden statements whose binding from sql/parser's tree differs
// from the dialect pass's, PostgreSQL's answer being the tree's (checked on PostgreSQL 15):
// file:line to the tree's SQLSTATE ("" for a statement that binds).
var dmlImprovements = map[string]string{}

func bindGoldenDML(t *testing.T, file string, st *dmlBindStats) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	for _, b := range parseGolden(t, file) {
		if b.kind != "ok" && b.kind != "error" && b.kind != "query" {
			continue
		}
		if first := strings.Fields(strings.ToLower(b.sql)); len(first) > 0 && first[0] == "delete" { // INSERT: TestBindInsertFromParser; UPDATE: TestBindUpdateFromParser
			compareDMLBinding(t, s, file, b, st)
		}
		_ = s.Exec(ctx, b.sql, &textOutput{})
	}
}

// compareDMLBinding binds one golden statement both ways and compares.
func compareDMLBinding(t *testing.T, s *Session, file string, b goldenBlock, st *dmlBindStats) {
	none := func() error { return nil }
	q := dropCallAll(b.sql)
	oldSts, oldErr := parseOld(q, none)
	newSts, newErr := parseStatements(q, none)
	where := fmt.Sprintf("%s:%d", filepath.Base(file), b.line)
	if oldErr != nil || newErr != nil {
		if sqlstateOf(oldErr) != sqlstateOf(newErr) && dmlImprovements[where] != sqlstateOf(newErr) {
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
		if dmlImprovements[where] != sqlstateOf(newErr) {
			t.Errorf("%s: %s\n parser's tree: %v\n dialect pass's: %v", where, q, newErr, oldErr)
		}
	case newErr != nil:
		st.sameError++
	case !reflect.DeepEqual(newPlan.cols, oldPlan.cols):
		t.Errorf("%s: %s\n parser's tree: %v\n dialect pass's: %v", where, q, newPlan.cols, oldPlan.cols)
	default:
		st.same++
	}
}

// sqlstateOf is err's SQLSTATE, "" for nil.
func sqlstateOf(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	}
	return "non-SQL error: " + err.Error()
}
