package sql

import (
	"slices"

	"vitess.io/vitess/go/vt/sqlparser"
)

// UPDATE t SET ... FROM list WHERE ... and DELETE FROM t USING list WHERE ...: vitess knows
// MySQL's multi-table forms, which pgcheck refuses in user text. The dialect pass's dml-from
// rule cuts the list (from its FROM or USING at depth 0 up to the WHERE or RETURNING of that
// depth, or the end) out of the statement into piece.dmlFrom; the statement parses it on its
// own as a FROM clause and appends its tables to the parsed UPDATE's or DELETE's TableExprs
// after pgcheck has run, where bindUpdate and bindDelete find them (dml_join.go).

// updateFromNext reports whether this FROM starts an UPDATE's list of other tables.
func (r *rewriter) updateFromNext() bool {
	return r.dmlListMayStart() && r.words[0] == "update" && slices.Contains(r.words, "set")
}

// deleteUsingNext reports whether this USING starts a DELETE's list of other tables.
func (r *rewriter) deleteUsingNext() bool { return r.dmlListMayStart() && r.words[0] == "delete" }

func (r *rewriter) dmlListMayStart() bool {
	return r.depth == 0 && r.dmlFromAt == 0 && r.returningAt < 0 && len(r.words) > 0
}

func emitDMLFrom(r *rewriter, w string) error {
	r.dmlFromAt = r.b.Len()
	r.keep(w)
	r.lastWord = ""
	r.setClause("from") // a function in the list is a function in FROM
	r.markSep()
	return nil
}

// dmlFromWord ends the list at a WHERE or RETURNING at depth 0.
func (r *rewriter) dmlFromWord(w string) {
	if r.depth == 0 && r.dmlFromAt > 0 && r.dmlFromEnd == 0 && (w == "where" || w == "returning") {
		r.dmlFromEnd = r.b.Len()
	}
}

// cutDMLFrom cuts the list out of the statement's text (RETURNING already cut).
func (r *rewriter) cutDMLFrom(text string) (string, string) {
	at, end := r.dmlFromAt, r.dmlFromEnd
	r.dmlFromAt, r.dmlFromEnd = 0, 0
	if at == 0 || at > len(text) {
		return text, ""
	}
	if end == 0 || end > len(text) {
		end = len(text)
	}
	return text[:at] + text[end:], text[at:end]
}

// attachDMLFrom parses the list cut off an UPDATE or DELETE and appends its tables to the
// statement's.
func attachDMLFrom(ast sqlparser.Statement, text string, words []string) error {
	if text == "" {
		return nil
	}
	sel, err := parseChecked("select 1 from "+text, words)
	if err != nil {
		return err
	}
	s, ok := sel.(*sqlparser.Select)
	if !ok || s.Where != nil || s.GroupBy != nil || s.OrderBy != nil || s.Limit != nil || s.Having != nil {
		return Errorf("42601", "syntax error in the FROM or USING list")
	}
	switch st := ast.(type) {
	case *sqlparser.Update:
		st.TableExprs = append(st.TableExprs, s.From...)
	case *sqlparser.Delete:
		st.TableExprs = append(st.TableExprs, s.From...)
	}
	return nil
}
