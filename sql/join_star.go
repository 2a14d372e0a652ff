package sql

// The order SELECT * lists a FROM clause's columns in, as PostgreSQL: a USING or NATURAL
// join's merged columns first (in USING's order), then the left side's others, then the
// right side's; any other join, the left side's then the right side's.

// order is the order of f's columns SELECT * lists.
func (f *fromItem) order() []int {
	if f.starOrder != nil {
		return f.starOrder
	}
	o := make([]int, len(f.cols))
	for i := range o {
		o[i] = i
	}
	return o
}

// joinedStarOrder sets the order of a join's columns from its sides' (nil when both sides
// keep their columns' order).
func (f *fromItem) joinedStarOrder() {
	if f.left.starOrder == nil && f.right.starOrder == nil {
		return
	}
	f.starOrder = f.left.order()
	for _, i := range f.right.order() {
		f.starOrder = append(f.starOrder, f.left.width()+i)
	}
}

// usingStarOrder puts a USING join's merged columns first (the visible side's of each, in
// USING's order), then the others in the join's order; merged holds both sides' columns of
// them.
func (f *fromItem) usingStarOrder(first []int, merged map[int]bool) {
	if len(first) == 0 {
		return
	}
	for _, i := range f.order() {
		if !merged[i] {
			first = append(first, i)
		}
	}
	f.starOrder = first
}
