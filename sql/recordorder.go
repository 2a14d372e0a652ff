package sql

import (
	"cmp"
	"slices"

	"github.com/drovedb/drove/types"
)

// PostgreSQL orders, groups and deduplicates anonymous records by sorting them (it has no
// hashing for them) and comparing neighbours with record_cmp and record_eq, which refuse
// fields of different types and records of different lengths once the fields before are
// equal (42804; compareRecordValues). drove sorts with compare and groups by hashing, which
// never refuse; where a key is a record, checkRecordKeys makes PostgreSQL's comparisons
// first, so a query PostgreSQL refuses is refused here too rather than answered.

// recordKeyPositions are the positions of the columns of type record among types, or nil.
func recordKeyPositions(ts []types.Type) []int {
	if !slices.ContainsFunc(ts, types.Type.IsRecord) {
		return nil
	}
	pos := make([]int, len(ts))
	for i := range pos {
		pos[i] = i
	}
	return pos
}

// typesOfColumns are cols' types.
func typesOfColumns(cols []Column) []types.Type {
	ts := make([]types.Type, len(cols))
	for i, c := range cols {
		ts[i] = c.Type
	}
	return ts
}

// compareKeyValues compares two values of a sort or group key as PostgreSQL's sort does:
// NULLs after values, records by record_cmp (which may fail).
func compareKeyValues(x, y types.Value) (int, error) {
	switch xn, yn := x.IsNull(), y.IsNull(); {
	case xn && yn:
		return 0, nil
	case xn:
		return 1, nil
	case yn:
		return -1, nil
	case x.T.IsRecord() && y.T.IsRecord():
		return compareRecordValues(x, y)
	}
	return compare(x, y), nil
}

// checkRecordKeys sorts the rows' key columns cols as PostgreSQL's sort does and, when
// neighbours compares the sorted neighbours for equality as its Unique, Group and SetOp
// nodes do (last column first), returning the first comparison's error.
func checkRecordKeys(ec *execCtx, rows [][]types.Value, cols []int, neighbours bool) error {
	var failed error
	sorted := slices.Clone(rows)
	err := sortStable(ec, sorted, func(a, b []types.Value) int {
		for _, p := range cols {
			c, err := compareKeyValues(a[p], b[p])
			if err != nil {
				if failed == nil {
					failed = err
				}
				return compare(a[p], b[p])
			}
			if c != 0 {
				return c
			}
		}
		return 0
	})
	if err != nil || failed != nil || !neighbours {
		return cmp.Or(err, failed)
	}
	for i := 1; i < len(sorted); i++ {
		for j := len(cols) - 1; j >= 0; j-- {
			c, err := compareKeyValues(sorted[i-1][cols[j]], sorted[i][cols[j]])
			if err != nil {
				return err
			}
			if c != 0 {
				break
			}
		}
	}
	return nil
}

// checkRecordGroups makes PostgreSQL's comparisons of the groups' keys when one is a record
// (its GROUP BY sorts them); the groups' keys stand for the rows', since a record's hash key
// holds its fields' types.
func (n *aggNode) checkRecordGroups(ec *execCtx, groups []*group) error {
	ts := make([]types.Type, len(n.groups))
	for i, g := range n.groups {
		ts[i] = g.typ
	}
	pos := recordKeyPositions(ts)
	if pos == nil {
		return nil
	}
	keys := make([][]types.Value, len(groups))
	for i, g := range groups {
		keys[i] = g.key
	}
	return checkRecordKeys(ec, keys, pos, true)
}

// recordChecked is in's rows, read to the end and checked by checkRecordKeys.
func recordChecked(ec *execCtx, in rowIter, cols []int, neighbours bool) (rowIter, error) {
	rows, err := collect(ec, in)
	if err != nil {
		return nil, err
	}
	if err := checkRecordKeys(ec, rows, cols, neighbours); err != nil {
		return nil, err
	}
	return &sliceIter{rows: rows}, nil
}
