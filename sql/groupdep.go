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
	if !ab.dependsOnGroup(i) {
		return nil
	}
	col := ab.input.cols[i]
	col.markUsed()
	x := col.kinds(columnExpr(i, col.typ))
	if ab.dependent == nil {
		ab.dependent = make(map[int]int)
	}
	ab.dependent[i] = len(ab.aggs)
	ab.aggs = append(ab.aggs, &aggSpec{kind: aggAny, arg: x, typ: col.typ})
	ab.aggTrees = append(ab.aggTrees, nil) // matches no call (resolveAggregate)
	slot := ab.aggSlot(len(ab.aggs) - 1)
	col.kinds(slot)
	return slot
}

// dependsOnGroup reports whether input column i is functionally dependent on the group:
// its table's whole primary key is grouped.
func (ab *aggBinder) dependsOnGroup(i int) bool {
	col := ab.input.cols[i]
	if col.schema == nil || len(col.schema.PK) == 0 || col.merged >= 0 {
		return false
	}
	for _, p := range col.schema.PK {
		key := &col.schema.Columns[p]
		if key.Hidden || !ab.groupedEverywhere(func(c scopeCol) bool { return c.table == col.table && c.src == key }) {
			return false
		}
	}
	// A view read inside the one bound again is its own dependent, not this one's.
	if ps := ab.input.params; ps != nil && ps.sess != nil && ps.sess.keyDeps != nil && len(ps.sess.viewStack) == 0 {
		ps.sess.keyDeps[col.schema.Name] = true
	}
	return true
}

// groupedEverywhere reports whether a plain column reference of the GROUP BY list that match
// accepts is in every grouping set (in the one, without grouping sets).
func (ab *aggBinder) groupedEverywhere(match func(scopeCol) bool) bool {
	// A grouped merged USING column (COALESCE, or converted) is not its side's column.
	in := func(g int) bool {
		return ab.groupCols[g] >= 0 && !ab.groupMerged[g] && match(ab.input.cols[ab.groupCols[g]])
	}
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

// starProjections expands SELECT * (q "") or q.* in an aggregated query: each column read as
// its reference would be (grouped, or dependent on the group, else 42803), as in PostgreSQL.
func (ab *aggBinder) starProjections(q string) ([]projection, error) {
	in := ab.input
	if len(in.cols) == 0 {
		return nil, Errorf("42601", "SELECT * with no tables specified is not valid")
	}
	if q != "" && !in.hasTable(q) {
		return nil, Errorf("42P01", "missing FROM-clause entry for table %q", q)
	}
	order := in.starOrder
	if q != "" || order == nil {
		order = make([]int, len(in.cols))
		for i := range order {
			order[i] = i
		}
	}
	var projs []projection
	for _, i := range order {
		c := in.cols[i]
		if c.rowID || c.unseen || (q == "" && c.hidden) || (q != "" && !c.qualifiedBy(q)) {
			continue
		}
		ref := colRef{table: c.table, name: c.name}
		if c.mergedBy(q) || q != "" && c.table != q {
			ref.table = q // the USING column, merged (q "" or the join's USING alias)
		}
		x, _, err := ab.resolveColumn(ref, func() string {
			if ref.table == "" {
				return ref.name
			}
			return ref.table + "." + ref.name
		})
		if err != nil {
			return nil, err
		}
		projs = append(projs, projection{col: Column{Name: c.name, Type: x.typ, shape: c.shape, src: c.declared()}, x: x})
	}
	return projs, nil
}
