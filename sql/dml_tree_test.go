package sql

import (
	"context"
	"errors"
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

// deleteBothWays is TestBindFromParser's check of DELETE: bound from sql/parser's tree it
// binds as the dialect pass's statement binds (the same result columns, or the same
// SQLSTATE); a text both refuse is refused with the same SQLSTATE. Any difference fails.
func deleteBothWays(t *testing.T) bothWaysCheck {
	var same, sameError, parseSame int
	return bothWaysCheck{words: map[string]bool{"delete": true}, compare: func(s *Session, b bothWays) {
		if b.treeOnly() {
			return // WHERE CURRENT OF (every17.sql): the pass refused it
		}
		if b.oldErr != nil || b.newErr != nil {
			if sqlstateOf(b.oldErr) != sqlstateOf(b.newErr) {
				t.Errorf("%s: %s\n parsing: parser's %v, dialect pass's %v", b.where, b.q, b.newErr, b.oldErr)
			}
			parseSame++
			return
		}
		if len(b.newSts) != 1 || b.newSts[0].dml == nil {
			return // several statements, or one left to the dialect pass
		}
		newPlan, newErr := s.bind(b.newSts[0])
		oldPlan, oldErr := s.bind(b.oldSts[0])
		switch {
		case sqlstateOf(newErr) != sqlstateOf(oldErr):
			t.Errorf("%s: %s\n parser's tree: %v\n dialect pass's: %v", b.where, b.q, newErr, oldErr)
		case newErr != nil:
			sameError++
		case !reflect.DeepEqual(newPlan.cols, oldPlan.cols):
			t.Errorf("%s: %s\n parser's tree: %v\n dialect pass's: %v", b.where, b.q, newPlan.cols, oldPlan.cols)
		default:
			same++
		}
	}, report: func() {
		t.Logf("of the golden DELETE statements, %d bind to the same columns from both trees, %d are refused with the same SQLSTATE "+
			"at binding, %d at parsing", same, sameError, parseSame)
		if same < 80 {
			t.Errorf("only %d golden DELETE statements bound alike", same)
		}
	}}
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
