package ast

import "strings"

// ddl writes a schema statement; false when s is none.
func (p *printer) ddl(s Stmt) bool {
	switch s := s.(type) {
	case *CreateTable:
		p.createTable(s)
	case *CreateIndex:
		p.createIndex(s)
	case *CreateView:
		p.createView(s)
	case *Drop:
		p.w("DROP ", string(s.Kind))
		if s.Concurrently {
			p.w(" CONCURRENTLY")
		}
		if s.IfExists {
			p.w(" IF EXISTS")
		}
		p.w(" ")
		p.tableList(s.Names)
		p.behavior(s.Behavior)
	case *AlterTable:
		p.alterTable(s)
	case *CreateSequence:
		p.w("CREATE ", persistence[s.Persistence], "SEQUENCE ")
		if s.IfNotExists {
			p.w("IF NOT EXISTS ")
		}
		p.qualified(s.Name)
		p.seqOptions(s.Options, false)
	case *AlterSequence:
		p.w("ALTER SEQUENCE ")
		if s.IfExists {
			p.w("IF EXISTS ")
		}
		p.qualified(s.Name)
		p.seqOptions(s.Options, false)
	case *Truncate:
		p.w("TRUNCATE ")
		p.tableList(s.Tables)
		if s.RestartIdentity {
			p.w(" RESTART IDENTITY")
		}
		p.behavior(s.Behavior)
	default:
		return false
	}
	return true
}

var persistence = map[Persistence]string{Permanent: "", Temporary: "TEMP ", Unlogged: "UNLOGGED "}

func (p *printer) tableList(list []*Table) {
	for i, t := range list {
		if i > 0 {
			p.w(", ")
		}
		p.qualified(t)
	}
}

func (p *printer) behavior(b string) {
	if b != "" {
		p.w(" ", b)
	}
}

func (p *printer) createTable(s *CreateTable) {
	p.w("CREATE ", persistence[s.Persistence], "TABLE ")
	if s.IfNotExists {
		p.w("IF NOT EXISTS ")
	}
	p.qualified(s.Table)
	if s.Query != nil {
		if len(s.AsColumns) > 0 {
			p.w(" ")
			p.identList(s.AsColumns)
		}
	} else {
		p.w(" (")
		for i := range s.Columns {
			if i > 0 {
				p.w(", ")
			}
			p.columnDef(&s.Columns[i])
		}
		for i := range s.Constraints {
			if i > 0 || len(s.Columns) > 0 {
				p.w(", ")
			}
			p.constraint(&s.Constraints[i], true)
		}
		p.w(")")
	}
	if len(s.Inherits) > 0 {
		p.w(" INHERITS (")
		p.tableList(s.Inherits)
		p.w(")")
	}
	if len(s.With) > 0 {
		p.w(" WITH ")
		p.defElems(s.With, " = ")
	}
	if s.OnCommit != "" {
		p.w(" ON COMMIT ", s.OnCommit)
	}
	if s.Query != nil {
		p.w(" AS ")
		p.selectStmt(s.Query)
		if s.NoData {
			p.w(" WITH NO DATA")
		}
	}
}

func (p *printer) columnDef(c *ColumnDef) {
	if c.Like != nil {
		p.w("LIKE ")
		p.qualified(c.Like.Table)
		for _, o := range c.Like.Options {
			p.w(map[bool]string{true: " INCLUDING ", false: " EXCLUDING "}[o.Including], strings.ToUpper(o.Option))
		}
		return
	}
	p.w(p.ident(c.Name), " ", c.Type.Name)
	if c.Collation != "" {
		p.w(" COLLATE ", QuoteIdent(c.Collation))
	}
	for i := range c.Constraints {
		p.w(" ")
		p.constraint(&c.Constraints[i], false)
	}
}

// constraint writes a column constraint, or a table constraint (with its own columns).
func (p *printer) constraint(c *Constraint, table bool) {
	if c.Name != "" {
		p.w("CONSTRAINT ", p.ident(c.Name), " ")
	}
	switch c.Kind {
	case ConstrNotNull:
		p.w("NOT NULL")
	case ConstrNull:
		p.w("NULL")
	case ConstrDefault:
		p.w("DEFAULT ")
		p.parenExpr(c.Expr)
	case ConstrCheck:
		p.w("CHECK (")
		p.expr(c.Expr)
		p.w(")")
		if c.NoInherit {
			p.w(" NO INHERIT")
		}
	case ConstrPrimaryKey, ConstrUnique:
		p.w(map[bool]string{true: "PRIMARY KEY", false: "UNIQUE"}[c.Kind == ConstrPrimaryKey])
		if c.NullsNotDistinct {
			p.w(" NULLS NOT DISTINCT")
		}
		if table {
			p.w(" ")
			p.identList(c.Columns)
		}
		if len(c.Include) > 0 {
			p.w(" INCLUDE ")
			p.identList(c.Include)
		}
	case ConstrForeignKey:
		if table {
			p.w("FOREIGN KEY ")
			p.identList(c.Columns)
			p.w(" ")
		}
		p.references(c)
	case ConstrIdentity:
		p.w("GENERATED ", map[bool]string{true: "ALWAYS", false: "BY DEFAULT"}[c.Always], " AS IDENTITY")
		if len(c.SeqOptions) > 0 {
			p.w(" (")
			p.seqOptions(c.SeqOptions, true)
			p.w(")")
		}
	case ConstrGenerated:
		p.w("GENERATED ALWAYS AS (")
		p.expr(c.Expr)
		p.w(") STORED")
	}
	p.deferral(c)
}

// parenExpr writes DEFAULT's b_expr: in parentheses unless a plain operand, since DEFAULT
// reads a restricted expression.
func (p *printer) parenExpr(e Expr) {
	switch e.(type) {
	case *Literal, *ColumnRef, *FuncCall, *SQLValue, *Param:
		p.expr(e)
	default:
		p.w("(")
		p.expr(e)
		p.w(")")
	}
}

func (p *printer) references(c *Constraint) {
	p.w("REFERENCES ")
	p.qualified(c.RefTable)
	if len(c.RefColumns) > 0 {
		p.w(" ")
		p.identList(c.RefColumns)
	}
	if c.Match != "" {
		p.w(" MATCH ", c.Match)
	}
	if c.OnDelete != "" {
		p.w(" ON DELETE ", c.OnDelete)
	}
	if c.OnUpdate != "" {
		p.w(" ON UPDATE ", c.OnUpdate)
	}
}

func (p *printer) deferral(c *Constraint) {
	if c.Deferrable {
		p.w(" DEFERRABLE")
	}
	if c.NotDeferrable {
		p.w(" NOT DEFERRABLE")
	}
	if c.Initially {
		p.w(map[bool]string{true: " INITIALLY DEFERRED", false: " INITIALLY IMMEDIATE"}[c.InitiallyDeferred])
	}
	if c.NotValid {
		p.w(" NOT VALID")
	}
}

// seqOptions writes sequence options, each after a space (inner: inside an identity's
// parentheses, the first without one).
func (p *printer) seqOptions(list []SeqOption, inner bool) {
	for i, o := range list {
		if i > 0 || !inner {
			p.w(" ")
		}
		switch {
		case o.No:
			p.w("NO ", upper(o.Name))
		case o.Name == "as":
			p.w("AS ", o.Type.Name)
		case o.Name == "owned by":
			p.w("OWNED BY ")
			for j, n := range o.Names {
				if j > 0 {
					p.w(".")
				}
				p.w(p.ident(n))
			}
			if len(o.Names) == 0 {
				p.w("NONE")
			}
		case o.Name == "sequence name":
			p.w("SEQUENCE NAME ")
			p.qualifiedNames(o.Names)
		default:
			p.w(upper(o.Name))
			if o.Value != nil {
				p.w(" ")
				p.expr(o.Value)
			}
		}
	}
}

func (p *printer) qualifiedNames(names []string) {
	for j, n := range names {
		if j > 0 {
			p.w(".")
		}
		p.w(p.ident(n))
	}
}

func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

func (p *printer) createIndex(s *CreateIndex) {
	p.w("CREATE ")
	if s.Unique {
		p.w("UNIQUE ")
	}
	p.w("INDEX ")
	if s.Concurrently {
		p.w("CONCURRENTLY ")
	}
	if s.IfNotExists {
		p.w("IF NOT EXISTS ")
	}
	if s.Name != "" {
		p.w(p.ident(s.Name), " ")
	}
	p.w("ON ")
	p.qualified(s.Table)
	if s.Method != "" {
		p.w(" USING ", p.ident(s.Method))
	}
	p.w(" ")
	p.indexElems(s.Elems)
	if len(s.Include) > 0 {
		p.w(" INCLUDE ")
		p.identList(s.Include)
	}
	if s.NullsNotDistinct {
		p.w(" NULLS NOT DISTINCT")
	}
	if len(s.With) > 0 {
		p.w(" WITH ")
		p.defElems(s.With, " = ")
	}
	p.where(s.Where)
}

func (p *printer) createView(s *CreateView) {
	p.w("CREATE ")
	if s.Replace {
		p.w("OR REPLACE ")
	}
	if s.Temp {
		p.w("TEMP ")
	}
	if s.Recursive {
		p.w("RECURSIVE ")
	}
	if s.Materialized {
		p.w("MATERIALIZED ")
	}
	p.w("VIEW ")
	if s.IfNotExists {
		p.w("IF NOT EXISTS ")
	}
	p.qualified(s.Name)
	if len(s.Columns) > 0 {
		p.w(" ")
		p.identList(s.Columns)
	}
	p.w(" AS ")
	p.selectStmt(s.Query)
	if s.CheckOption != "" {
		p.w(" WITH ", s.CheckOption, " CHECK OPTION")
	}
	if s.NoData {
		p.w(" WITH NO DATA")
	}
}
