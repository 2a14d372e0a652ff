package ast

import "strconv"

// stmt writes a statement in the SQL style.
func (p *printer) stmt(s Stmt) {
	switch s := s.(type) {
	case *Select:
		p.selectStmt(s)
	case *Insert:
		p.insert(s)
	case *Update:
		p.update(s)
	case *Delete:
		p.delete(s)
	default:
		if !p.ddl(s) && !p.drove(s) {
			p.utility(s)
		}
	}
}

// qualified writes a (schema-qualified) name without its alias.
func (p *printer) qualified(t *Table) {
	if t.Schema != "" {
		p.w(p.ident(t.Schema), ".")
	}
	p.w(p.ident(t.Name))
}

// target writes a DML statement's table with its alias (AS name, no columns).
func (p *printer) dmlTarget(t *Table) {
	p.qualified(t)
	if t.Alias != nil {
		p.w(" AS ", p.ident(t.Alias.Name))
	}
}

func (p *printer) insert(s *Insert) {
	if s.With != nil {
		p.with(s.With)
	}
	if s.Upsert {
		p.w("UPSERT INTO ")
	} else {
		p.w("INSERT INTO ")
	}
	p.dmlTarget(s.Table)
	if len(s.Columns) > 0 {
		p.w(" (")
		p.targetColumns(s.Columns, s.Sub)
		p.w(")")
	}
	if s.Overriding != "" {
		p.w(" OVERRIDING ", s.Overriding, " VALUE")
	}
	if s.Query == nil {
		p.w(" DEFAULT VALUES")
	} else {
		p.w(" ")
		p.selectStmt(s.Query)
	}
	if c := s.OnConflict; c != nil {
		p.w(" ON CONFLICT")
		if len(c.Columns) > 0 {
			p.w(" ")
			p.indexElems(c.Columns)
			p.where(c.Where)
		}
		if c.Constraint != "" {
			p.w(" ON CONSTRAINT ", p.ident(c.Constraint))
		}
		if !c.Update {
			p.w(" DO NOTHING")
		} else {
			p.w(" DO UPDATE SET ")
			p.setClauses(c.Set)
			p.where(c.UpdateWhere)
		}
	}
	p.returning(s.Returning)
}

func (p *printer) where(e Expr) {
	if e != nil {
		p.w(" WHERE ")
		p.expr(e)
	}
}

func (p *printer) whereCurrent(e Expr, cursor string) {
	if cursor != "" {
		p.w(" WHERE CURRENT OF ", p.ident(cursor))
		return
	}
	p.where(e)
}

func (p *printer) returning(list []Target) {
	if len(list) == 0 {
		return
	}
	p.w(" RETURNING ")
	p.targets(list)
}

// targets writes a select or RETURNING list.
func (p *printer) targets(list []Target) {
	for i, t := range list {
		if i > 0 {
			p.w(", ")
		}
		p.expr(t.Expr)
		if t.Alias != "" {
			p.w(" AS ", p.ident(t.Alias))
		}
	}
}

// targetColumns writes an INSERT's or a SET's target columns, each with its subscript.
func (p *printer) targetColumns(cols []string, sub func(int) *Subscript) {
	for k, col := range cols {
		if k > 0 {
			p.w(", ")
		}
		p.w(p.ident(col))
		if s := sub(k); s != nil {
			p.brackets(s)
		}
	}
}

func (p *printer) setClauses(list []SetClause) {
	for i, c := range list {
		if i > 0 {
			p.w(", ")
		}
		if c.Multi {
			p.w("(")
		}
		p.targetColumns(c.Columns, c.Sub)
		if c.Multi {
			p.w(")")
		}
		p.w(" = ")
		if _, isDefault := c.Value.(*Default); isDefault {
			p.w("DEFAULT")
		} else {
			p.expr(c.Value)
		}
	}
}

func (p *printer) fromList(list []FromItem) {
	for i, f := range list {
		if i > 0 {
			p.w(", ")
		}
		p.from(f)
	}
}

func (p *printer) update(s *Update) {
	if s.With != nil {
		p.with(s.With)
	}
	p.w("UPDATE ")
	p.dmlTarget(s.Table)
	p.w(" SET ")
	p.setClauses(s.Set)
	if len(s.From) > 0 {
		p.w(" FROM ")
		p.fromList(s.From)
	}
	p.whereCurrent(s.Where, s.CurrentOf)
	p.returning(s.Returning)
}

func (p *printer) delete(s *Delete) {
	if s.With != nil {
		p.with(s.With)
	}
	p.w("DELETE FROM ")
	p.dmlTarget(s.Table)
	if len(s.Using) > 0 {
		p.w(" USING ")
		p.fromList(s.Using)
	}
	p.whereCurrent(s.Where, s.CurrentOf)
	p.returning(s.Returning)
}

// indexElems writes (key, ...) of CREATE INDEX or ON CONFLICT.
func (p *printer) indexElems(list []IndexElem) {
	p.w("(")
	for i, e := range list {
		if i > 0 {
			p.w(", ")
		}
		if e.Name != "" {
			p.w(p.ident(e.Name))
		} else {
			p.w("(")
			p.expr(e.Expr)
			p.w(")")
		}
		if e.Collation != "" {
			p.w(" COLLATE ", QuoteIdent(e.Collation))
		}
		if e.Opclass != "" {
			p.w(" ", p.ident(e.Opclass))
		}
		if e.Desc {
			p.w(" DESC")
		}
		switch e.Nulls {
		case NullsFirst:
			p.w(" NULLS FIRST")
		case NullsLast:
			p.w(" NULLS LAST")
		}
	}
	p.w(")")
}

// defElems writes (name value, ...).
func (p *printer) defElems(list []DefElem, sep string) {
	p.w("(")
	for i, d := range list {
		if i > 0 {
			p.w(", ")
		}
		p.w(p.ident(d.Name))
		switch {
		case d.Star:
			p.w(sep, "*")
		case d.List != nil:
			p.w(sep, "(")
			for j, n := range d.List {
				if j > 0 {
					p.w(", ")
				}
				p.w(p.ident(n))
			}
			p.w(")")
		case d.Arg != nil:
			p.w(sep)
			p.expr(d.Arg)
		}
	}
	p.w(")")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
