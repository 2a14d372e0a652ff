package sql

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
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

// dmlBindStats counts TestBindFromParser's golden DELETE statements.
type dmlBindStats struct{ same, sameError, parseSame int }

// dmlImprovements are the golden statements whose binding from sql/parser's tree differs
// from the dialect pass's, PostgreSQL's answer being the tree's (checked on PostgreSQL 15):
// file:line to the tree's SQLSTATE ("" for a statement that binds).
var dmlImprovements = map[string]string{}

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
