package sql

import "github.com/drovedb/drove/sql/ast"

// GROUPS frames and EXCLUDE. A GROUPS frame's offsets count peer groups (rows with equal
// ORDER BY values) before and after the current row's; EXCLUDE takes the current row, its
// peer group, or its peers but itself out of whatever frame the bounds make. Both are
// PostgreSQL's (nodeWindowAgg.c), computed over the partition as the other frames are.

// frameOffsetRefsColumns reports whether a frame offset reads a column of the query (not of
// a subquery's own), which PostgreSQL refuses: "argument of ROWS must not contain variables".
func frameOffsetRefsColumns(e ast.Expr) bool {
	found := false
	ast.Walk(e, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.SubLink:
			return false
		case *ast.ColumnRef:
			found = true
		}
		return !found
	})
	return found
}

// excluded reports, for the row at partition position pos with peers [ps, pe), whether a
// position is taken out of its frame by EXCLUDE CURRENT ROW, GROUP or TIES.
func (f *windowFrame) excluded(pos, ps, pe int) func(int) bool {
	switch f.exclude {
	case "CURRENT ROW":
		return func(k int) bool { return k == pos }
	case "GROUP":
		return func(k int) bool { return k >= ps && k < pe }
	}
	return func(k int) bool { return k >= ps && k < pe && k != pos } // TIES
}

// groupLimit is a GROUPS frame's start or end n peer groups before (preceding) or after the
// current row's peer group [ps, pe) of the partition part: the first row of that group (a
// start) or its last (an end); -1 or len(part) when there is no such group.
func groupLimit(preceding, start bool, n int, part []windowEntry, np, ps, pe int) int {
	peers := func(a, b int) bool {
		ka, kb := part[a].keys, part[b].keys
		for i := np; i < len(ka); i++ {
			if ka[i].IsNull() != kb[i].IsNull() || !ka[i].IsNull() && compare(ka[i], kb[i]) != 0 {
				return false
			}
		}
		return true
	}
	if preceding {
		gs := ps // the start of the group k before the current one
		for k := 0; k < n; k++ {
			if gs == 0 {
				if start {
					return 0
				}
				return -1
			}
			gs--
			for gs > 0 && peers(gs-1, gs) {
				gs--
			}
		}
		if start {
			return gs
		}
		for ge := gs; ; ge++ { // the last row of the group at gs
			if ge+1 >= len(part) || !peers(ge, ge+1) {
				return ge
			}
		}
	}
	ge := pe - 1 // the end of the group k after the current one
	for k := 0; k < n; k++ {
		if ge+1 >= len(part) {
			if start {
				return len(part)
			}
			return len(part) - 1
		}
		ge++
		for ge+1 < len(part) && peers(ge, ge+1) {
			ge++
		}
	}
	if !start {
		return ge
	}
	for gs := ge; ; gs-- { // the first row of the group ending at ge
		if gs == 0 || !peers(gs-1, gs) {
			return gs
		}
	}
}
