package modeltest

import (
	"fmt"
	"math/rand/v2"
	"sync/atomic"
)

// The concurrent mode: writers put rows while columns come and go. Each value names its
// column ("X=<id>-<n>"), and each row's expectation is what its last successful write said,
// by column name, so a value read under another column than it was written to shows.

// Value is the value written to column col of row id by write n.
func Value(col string, id int64, n int) string { return fmt.Sprintf("%s=%d-%d", col, id, n) }

// Expected is what a row must hold after its last successful write: the values by column (an
// absent column is NULL). Unknown when the write's meaning was ambiguous (see Epoch).
type Expected struct {
	Unknown bool
	Vals    map[string]string
}

// Diff compares a row read back — the values of cols, nil for NULL — with e: columns the
// write named hold its values, every other column (added since, or written NULL) is NULL.
func (e *Expected) Diff(cols []string, row []*string) []string {
	if e.Unknown {
		return nil
	}
	var bad []string
	for i, col := range cols {
		want, has := e.Vals[col]
		switch {
		case has && (row[i] == nil || *row[i] != want):
			got := "NULL"
			if row[i] != nil {
				got = fmt.Sprintf("%q", *row[i])
			}
			bad = append(bad, fmt.Sprintf("column %s: %s, want %q", col, got, want))
		case !has && row[i] != nil:
			bad = append(bad, fmt.Sprintf("column %s: %q, want NULL", col, *row[i]))
		}
	}
	return bad
}

// Epoch counts schema changes: Begin and End around each one, so it is odd while one runs.
// A writer that builds a row from the schema it read at epoch e0 and hands it over by e1 cannot
// tell which columns its row meant when two or more changes may have run in between (drop one
// column, add another: same length, other columns); with at most one, a row of the wrong
// length is refused, so any success must have the right values.
type Epoch struct{ n atomic.Uint64 }

// Begin marks a schema change starting.
func (e *Epoch) Begin() { e.n.Add(1) }

// End marks it done.
func (e *Epoch) End() { e.n.Add(1) }

// Now is the current epoch.
func (e *Epoch) Now() uint64 { return e.n.Load() }

// ChangesBetween is how many schema changes may have run, wholly or partly, between epochs
// e0 and e1 (e0 <= e1).
func ChangesBetween(e0, e1 uint64) int {
	// Change k runs from epoch 2k+1 to 2k+2: it overlaps [e0, e1] if it had not ended by e0
	// (2k+2 > e0) and had begun by e1 (2k+1 <= e1).
	if e1 == 0 {
		return 0
	}
	return int((e1-1)/2) - int(e0/2) + 1
}

// RandomRow returns a row of id for columns cols at write n (about one value in five NULL),
// and what it says by column.
func RandomRow(r *rand.Rand, cols []string, id int64, n int) ([]any, map[string]string) {
	row, vals := []any{id}, map[string]string{}
	for _, col := range cols {
		if r.IntN(5) == 0 {
			row = append(row, nil)
			continue
		}
		vals[col] = Value(col, id, n)
		row = append(row, vals[col])
	}
	return row, vals
}
