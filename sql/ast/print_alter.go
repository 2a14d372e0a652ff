package ast

func (p *printer) alterTable(s *AlterTable) {
	p.w("ALTER ", string(s.Kind), " ")
	if s.IfExists {
		p.w("IF EXISTS ")
	}
	if s.Only {
		p.w("ONLY ")
	}
	p.qualified(s.Table)
	for i := range s.Cmds {
		if i > 0 {
			p.w(",")
		}
		p.w(" ")
		p.alterCmd(&s.Cmds[i])
	}
}

func (p *printer) ifExists(b bool) {
	if b {
		p.w("IF EXISTS ")
	}
}

func (p *printer) alterCmd(c *AlterCmd) {
	col := func() { p.w("ALTER COLUMN ", p.ident(c.Name), " ") }
	switch c.Kind {
	case AlterAddColumn:
		p.w("ADD COLUMN ")
		if c.IfNotExists {
			p.w("IF NOT EXISTS ")
		}
		p.columnDef(c.Column)
	case AlterDropColumn:
		p.w("DROP COLUMN ")
		p.ifExists(c.IfExists)
		p.w(p.ident(c.Name))
		p.behavior(c.Behavior)
	case AlterColumnType:
		col()
		p.w("TYPE ", c.Type.Name)
		if c.Collation != "" {
			p.w(" COLLATE ", QuoteIdent(c.Collation))
		}
		if c.Using != nil {
			p.w(" USING ")
			p.expr(c.Using)
		}
	case AlterSetDefault:
		col()
		p.w("SET DEFAULT ")
		p.expr(c.Default)
	case AlterDropDefault:
		col()
		p.w("DROP DEFAULT")
	case AlterSetNotNull:
		col()
		p.w("SET NOT NULL")
	case AlterDropNotNull:
		col()
		p.w("DROP NOT NULL")
	case AlterAddIdentity:
		col()
		p.w("ADD ")
		p.constraint(c.Constraint, false)
	case AlterDropIdentity:
		col()
		p.w("DROP IDENTITY")
		if c.IfExists {
			p.w(" IF EXISTS")
		}
	case AlterSeqOptions:
		col()
		p.identitySets(c.SeqOptions)
	case AlterAddConstraint:
		p.w("ADD ")
		p.constraint(c.Constraint, true)
	case AlterDropConstraint:
		p.w("DROP CONSTRAINT ")
		p.ifExists(c.IfExists)
		p.w(p.ident(c.Name))
		p.behavior(c.Behavior)
	case AlterValidateConstraint:
		p.w("VALIDATE CONSTRAINT ", p.ident(c.Name))
	default:
		p.alterOther(c)
	}
}

// identitySets writes ALTER COLUMN's identity changes: SET GENERATED ..., RESTART [n], SET
// option.
func (p *printer) identitySets(list []SeqOption) {
	for i, o := range list {
		if i > 0 {
			p.w(" ")
		}
		switch o.Name {
		case "generated":
			p.w("SET GENERATED ", map[bool]string{true: "ALWAYS", false: "BY DEFAULT"}[o.No])
		case "restart":
			p.seqOptions(list[i:i+1], true)
		default:
			p.w("SET ")
			p.seqOptions(list[i:i+1], true)
		}
	}
}

func (p *printer) alterOther(c *AlterCmd) {
	switch c.Kind {
	case AlterRename:
		p.w("RENAME TO ", p.ident(c.NewName))
	case AlterRenameColumn:
		p.w("RENAME COLUMN ", p.ident(c.Name), " TO ", p.ident(c.NewName))
	case AlterRenameConstraint:
		p.w("RENAME CONSTRAINT ", p.ident(c.Name), " TO ", p.ident(c.NewName))
	case AlterSetSchema:
		p.w("SET SCHEMA ", p.ident(c.NewName))
	case AlterSetOptions:
		p.w("SET ")
		p.defElems(c.Options, " = ")
	case AlterResetOptions:
		p.w("RESET ")
		p.defElems(c.Options, " = ")
	case AlterOwner:
		p.w("OWNER TO ", p.ident(c.NewName))
	}
}
