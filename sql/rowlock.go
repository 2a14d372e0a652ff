package sql

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// Row-locking clauses: SELECT ... FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE | FOR KEY SHARE
// [OF t, ...] [NOWAIT | SKIP LOCKED], as many as the query has (the dialect pass carries them,
// rowlock_dialect.go). The table's row locks are exclusive only: every strength takes the
// same lock FOR UPDATE takes, so two FOR SHARE readers of a row wait for each other where
// PostgreSQL lets them share it (docs/sql.md). Rows are locked as LIMIT pulls them, after the
// sort, so a queue's LIMIT 1 locks one row and SKIP LOCKED's skipped rows do not count.

// locking reads sel's locking clauses into s: from the dialect pass's comment (none:
// vitess's own lock, from text that did not go through it).
func (c *converter) locking(s *ast.Select, sel *sqlparser.Select) error {
	if sel.Lock == sqlparser.NoLock {
		return nil
	}
	if spec, ok := lockComment(sel); ok {
		var err error
		s.Locking, err = parseLockSpec(spec)
		return err
	}
	switch sel.Lock {
	case sqlparser.ForUpdateLock:
		s.Locking = []ast.Locking{{Strength: ast.ForUpdate}}
	case sqlparser.ForUpdateLockNoWait:
		s.Locking = []ast.Locking{{Strength: ast.ForUpdate, Wait: ast.NoWait}}
	case sqlparser.ForUpdateLockSkipLocked:
		s.Locking = []ast.Locking{{Strength: ast.ForUpdate, Wait: ast.SkipLocked}}
	default:
		return unsupported("locking clause %s", sel.Lock.ToString())
	}
	return nil
}

// lockComment is the dialect pass's comment on sel, without its delimiters.
func lockComment(sel *sqlparser.Select) (string, bool) {
	if sel.Comments == nil {
		return "", false
	}
	for _, c := range sel.Comments.GetComments() {
		if spec, ok := strings.CutPrefix(c, lockMarker); ok {
			return strings.TrimSuffix(spec, "*/"), true
		}
	}
	return "", false
}

// lockStrengthOf reads a strength as the dialect pass's comment spells it.
var lockStrengthOf = map[string]ast.LockStrength{"update": ast.ForUpdate, "no-key-update": ast.ForNoKeyUpdate,
	"share": ast.ForShare, "key-share": ast.ForKeyShare}

func parseLockSpec(spec string) ([]ast.Locking, error) {
	var out []ast.Locking
	for _, one := range strings.Split(spec, ";") {
		parts := strings.Split(one, ",")
		strength, ok := lockStrengthOf[parts[0]]
		if len(parts) != 3 || !ok {
			return nil, Errorf("XX000", "malformed locking clause marker")
		}
		c := ast.Locking{Strength: strength}
		switch parts[1] {
		case "nowait":
			c.Wait = ast.NoWait
		case "skip":
			c.Wait = ast.SkipLocked
		}
		if parts[2] != "" {
			for _, h := range strings.Split(parts[2], ".") {
				name, err := hex.DecodeString(h)
				if err != nil {
					return nil, Errorf("XX000", "malformed locking clause marker")
				}
				c.Of = append(c.Of, string(name))
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// unionLockName names the locking clause of a set operation (for its 0A000): the clause the
// dialect pass put on its last operand.
func unionLockName(u *sqlparser.Union) string {
	q := u.Right
	for {
		switch x := q.(type) {
		case *sqlparser.Union:
			q = x.Right
			continue
		case *sqlparser.Select:
			if spec, ok := lockComment(x); ok {
				if cs, err := parseLockSpec(spec); err == nil {
					return cs[0].Strength.String()
				}
			}
		}
		return "FOR UPDATE"
	}
}

// lockPlan is what a SELECT's locking clauses lock: the rows of one scanned table.
type lockPlan struct {
	scan  *scanNode
	preds []*expr // filters above the scan (WHERE's that no access takes), rechecked too
	wait  ast.LockWait
}

// lockedScan finds the scan under FROM's plan root, through the filters above it.
func lockedScan(root node) (*scanNode, []*expr) {
	var preds []*expr
	for {
		switch n := root.(type) {
		case *filterNode:
			preds = append(preds, n.pred)
			root = n.in
		case *scanNode:
			return n, preds
		default:
			return nil, nil
		}
	}
}

// bindLocking checks the clauses as PostgreSQL's CheckSelectLocking and
// transformLockingClause do, and plans the lock over root, FROM's plan in scope sc. It
// returns nil when no table is locked (no FROM).
func bindLocking(clauses []ast.Locking, tree *selectTree, root node, sc *scope) (*lockPlan, error) {
	name := clauses[0].Strength.String()
	switch {
	case tree.Distinct || tree.DistinctOn != nil:
		return nil, Errorf("0A000", "%s is not allowed with DISTINCT clause", name)
	case len(tree.GroupBy) > 0:
		return nil, Errorf("0A000", "%s is not allowed with GROUP BY clause", name)
	case tree.Having != nil:
		return nil, Errorf("0A000", "%s is not allowed with HAVING clause", name)
	case hasOwnAggregate(tree.outputExprs(), sc):
		return nil, Errorf("0A000", "%s is not allowed with aggregate functions", name)
	case len(windowCalls(tree.outputExprs())) > 0:
		return nil, Errorf("0A000", "%s is not allowed with window functions", name)
	}
	from := map[string]bool{}
	for _, c := range sc.cols {
		from[c.table] = true
	}
	scan, preds := lockedScan(root)
	var locked bool
	var wait ast.LockWait
	for _, c := range clauses {
		for _, t := range c.Of {
			if !from[t] {
				return nil, Errorf("42P01", "relation \"%s\" in %s clause not found in FROM clause", t, c.Strength)
			}
		}
		if len(from) > 0 {
			locked = true
			wait = max(wait, c.Wait)
		}
	}
	if !locked {
		return nil, nil
	}
	if scan == nil || scan.acc.table.system != nil {
		return nil, unsupported("%s on anything but one table", name)
	}
	for _, c := range scan.cols {
		c.markUsed() // the lock is taken by key, and a changed row is compared whole
	}
	return &lockPlan{scan: scan, preds: preds, wait: wait}, nil
}

// lockRowsNode locks each row it passes (LockRows): its input rows are the select list's
// values (width of them) followed by the scan's row. A row another transaction changed
// before the lock was granted is re-read, re-checked against the filter and projected
// again, as PostgreSQL's EvalPlanQual does; one deleted or no longer matching is left out.
type lockRowsNode struct {
	in    node
	lock  *lockPlan
	exprs []*expr
}

func (n *lockRowsNode) explain(ex *explainer) {
	ex.line("LockRows")
	ex.child(n.in)
}

func (n *lockRowsNode) open(ec *execCtx) (rowIter, error) {
	in, err := n.in.open(ec)
	if err != nil {
		return nil, err
	}
	cols := len(n.lock.scan.acc.table.schema.Columns)
	return &lockRowsIter{ec: ec, in: in, n: n, fresh: make([]types.Value, cols)}, nil
}

type lockRowsIter struct {
	ec       *execCtx
	in       rowIter
	n        *lockRowsNode
	fresh    []types.Value
	out      []types.Value
	key, enc []byte
}

func (it *lockRowsIter) next() ([]types.Value, error) {
	for {
		row, err := it.in.next()
		if err != nil || row == nil {
			return nil, err
		}
		ok, err := it.lockRow(row)
		if ok {
			it.ec.cur.noteLock(it.n.lock.scan.acc, it.key) // the row a cursor is on (cursor_current.go)
		}
		if err != nil || ok {
			return it.out, err
		}
	}
}

// lockRow locks row's table row and sets it.out; false: the row is left out.
func (it *lockRowsIter) lockRow(row []types.Value) (bool, error) {
	acc, width := it.n.lock.scan.acc, len(it.n.exprs)
	schema, old := acc.table.schema, row[width:]
	var err error
	if it.key, err = types.AppendKey(it.key[:0], schema, old); err != nil {
		return false, err
	}
	tx := it.ec.tx
	if tx.ChangedInCompound(acc.table.name, it.key) {
		return false, nil // another part of a data-modifying WITH changed it (cte_modify.go)
	}
	var value []byte
	var found bool
	if it.n.lock.wait == ast.LockWaitBlock {
		value, found, err = tx.GetForUpdate(it.ec.ctx, acc.table.name, it.key)
	} else {
		value, found, err = tx.GetForUpdateNoWait(it.ec.ctx, acc.table.name, it.key)
	}
	switch {
	case errors.Is(err, tablespace.ErrLockNotAvailable) && it.n.lock.wait == ast.SkipLocked:
		return false, nil
	case errors.Is(err, tablespace.ErrLockNotAvailable):
		return false, Errorf("55P03", "could not obtain lock on row in relation \"%s\"", acc.table.name)
	case err != nil || !found:
		return false, err
	}
	it.out = append(it.out[:0], row...)
	if it.enc = types.AppendRow(it.enc[:0], schema, old); bytes.Equal(it.enc, value) {
		return true, nil // unchanged since the scan read it
	}
	if err := types.DecodeRow(schema, it.key, value, it.fresh); err != nil {
		return false, err
	}
	for _, pred := range append([]*expr{acc.filter}, it.n.lock.preds...) {
		if ok, err := qualPasses(pred, it.fresh); !ok || err != nil {
			return false, err
		}
	}
	for i, x := range it.n.exprs {
		if it.out[i], err = x.eval(it.fresh); err != nil {
			return false, err
		}
	}
	copy(it.out[width:], it.fresh)
	return true, nil
}

// finishLocked is finishQuery for a query that locks: the lock comes after the sort and
// before LIMIT, and the scan's row its input carries is cut off (trim) unless a later
// projection still reads it.
func finishLocked(root node, cols []Column, keys []sortKey, limits *limitExprs, presorted *scanNode, lock *lockRowsNode, trim bool) node {
	if len(keys) > 0 { // a whole sort: rows the lock leaves out do not count toward LIMIT
		root = &sortNode{in: root, keys: keys, limits: &limitExprs{}, presorted: presorted}
	}
	lock.in, root = root, lock
	if limits.limit != nil || limits.offset != nil {
		root = &limitNode{in: root, limits: limits}
	}
	if trim {
		root = trimHidden(root, cols)
	}
	return root
}
