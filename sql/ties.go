package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/types"
)

// FETCH FIRST n ROWS WITH TIES returns the first n rows of the ORDER BY and every row after
// them that ties with the n-th (equal in all the ORDER BY keys), as PostgreSQL's Limit node
// in its LIMIT_OPTION_WITH_TIES mode. The rows are sorted whole (no top-N sort, which would
// drop the ties) and the limit compares each row after the n-th with it.

// withTies sets up WITH TIES for a query whose ORDER BY keys are keys: it needs an ORDER BY,
// and a count that is not the constant NULL (2201W, transformLimitClause's check; a count
// that is NULL when it runs is no limit, as PostgreSQL's Limit node has it).
func (le *limitExprs) withTies(on bool, count ast.Expr, keys []sortKey) error {
	if !on {
		return nil
	}
	if len(keys) == 0 {
		return Errorf("42601", "WITH TIES cannot be specified without ORDER BY clause")
	}
	if lit, ok := count.(*ast.Literal); ok && lit.Type == ast.LitNull {
		return Errorf("2201W", "row count cannot be null in FETCH FIRST ... WITH TIES clause")
	}
	le.ties = keys
	return nil
}

// tie is the next row after the limit's last when it ties with the last one returned, else
// the end.
func (it *limitIter) tie() ([]types.Value, error) {
	if it.ties == nil || it.last == nil {
		return nil, nil
	}
	row, err := it.in.next()
	if row == nil || err != nil || compareRows(it.ties, row, it.last) != 0 {
		it.last = nil
		return nil, err
	}
	return row, nil
}
