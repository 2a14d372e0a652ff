package sql

// ALTER TABLE ... ADD [COLUMN] with a column's constraints (CHECK, UNIQUE, REFERENCES,
// CONSTRAINT name), read by the column-alter parser (altercol.go) and added with the column
// in one schema change (alteration.cons).

// addsConstrainedColumn reports whether the words after an ADD are a column definition with
// a CHECK, UNIQUE, REFERENCES or CONSTRAINT clause, which vitess does not read there.
func addsConstrainedColumn(words []string) bool {
	if len(words) == 0 || isTableConstraintWord(words[0]) {
		return false
	}
	for _, w := range words[1:] {
		switch w {
		case "add", "drop", "alter":
			return false
		case "check", "unique", "references", "constraint":
			return true
		}
	}
	return false
}

// isTableConstraintWord reports the words that begin ALTER TABLE ... ADD's table constraint.
func isTableConstraintWord(w string) bool {
	switch w {
	case "constraint", "check", "unique", "foreign", "primary", "exclude":
		return true
	}
	return false
}

// addColumnAction reads what follows ADD [COLUMN]: [IF NOT EXISTS] name type [clauses]. The
// CHECK, UNIQUE and REFERENCES clauses are cut out (columnConstraints) and added with the
// column in the same schema change; vitess reads the rest.
func (p *conParser) addColumnAction(end int) (colAction, error) {
	act := colAction{kind: actAdd, ifAnd: p.accept("if", "not", "exists")}
	from := p.pos
	name, err := p.name()
	if err != nil {
		return act, err
	}
	if p.pos >= end {
		act.opt, err = p.subAlterOption("add column ", from, end)
		p.pos = end
		return act, err
	}
	kept, defs, err := p.columnConstraints(name, end)
	if err != nil {
		return act, err
	}
	p.pos = end
	if len(defs) == 0 {
		act.opt, err = p.subAlterOption("add column ", from, end)
		return act, err
	}
	act.cons = defs
	act.opt, err = subAlterOption("alter table t add column " + p.toks[from].Text(p.src) + " " + kept)
	return act, err
}
