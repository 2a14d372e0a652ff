package sql

// A column of a table whose primary key columns are all grouped (in every grouping set) is
// functionally dependent on the group, and an aggregated query may read it without grouping
// it, as in PostgreSQL (SELECT id, v FROM t GROUP BY id). Every row of a group then comes
// from one row of the table, or from none (the NULL side of an outer join), so the column
// is read as an aggregate (aggAny) that keeps its one non-NULL value.

// dependentColumn is input column i read through the group when it is functionally
// dependent on it; nil when it is not.
func (ab *aggBinder) dependentColumn(i int) *expr {
	if k, ok := ab.dependent[i]; ok {
		return ab.aggSlot(k)
	}
	col := ab.input.cols[i]
	if col.schema == nil || len(col.schema.PK) == 0 || col.merged >= 0 {
		return nil
	}
	for _, p := range col.schema.PK {
		key := &col.schema.Columns[p]
		if key.Hidden || !ab.groupedEverywhere(func(c scopeCol) bool { return c.table == col.table && c.src == key && c.merged < 0 }) {
			return nil
		}
	}
	col.markUsed()
	x := columnExpr(i, col.typ)
	x.bpchar, x.varchar, x.shape = col.bpchar, col.varchar, col.shape
	if ab.dependent == nil {
		ab.dependent = make(map[int]int)
	}
	ab.dependent[i] = len(ab.aggs)
	ab.aggs = append(ab.aggs, &aggSpec{kind: aggAny, arg: x, typ: col.typ})
	ab.aggTrees = append(ab.aggTrees, nil) // matches no call (resolveAggregate)
	slot := ab.aggSlot(len(ab.aggs) - 1)
	slot.bpchar, slot.varchar, slot.shape = col.bpchar, col.varchar, col.shape
	return slot
}

// groupedEverywhere reports whether a plain column reference of the GROUP BY list that match
// accepts is in every grouping set (in the one, without grouping sets).
func (ab *aggBinder) groupedEverywhere(match func(scopeCol) bool) bool {
	in := func(g int) bool { return ab.groupCols[g] >= 0 && match(ab.input.cols[ab.groupCols[g]]) }
	if ab.sets == nil {
		for g := range ab.groupCols {
			if in(g) {
				return true
			}
		}
		return false
	}
	for _, set := range ab.sets.sets {
		found := false
		for _, g := range set {
			found = found || in(g)
		}
		if !found {
			return false
		}
	}
	return true
}
