package ast

import "strings"

// utility writes a session or utility statement.
func (p *printer) utility(s Stmt) {
	switch s := s.(type) {
	case *RoleStmt:
		p.role(s)
	case *Transaction:
		p.transaction(s)
	case *Set:
		p.set(s)
	case *SetConstraints:
		p.w("SET CONSTRAINTS ")
		if s.Names == nil {
			p.w("ALL")
		}
		p.tableList(s.Names)
		p.w(map[bool]string{true: " DEFERRED", false: " IMMEDIATE"}[s.Deferred])
	case *Show:
		p.w("SHOW ", p.settingName(s.Name))
	case *Reset:
		p.w("RESET ", p.settingName(s.Name))
	case *Prepare:
		p.w("PREPARE ", p.ident(s.Name))
		if len(s.Types) > 0 {
			p.w(" (")
			for i, t := range s.Types {
				if i > 0 {
					p.w(", ")
				}
				p.w(t.Name)
			}
			p.w(")")
		}
		p.w(" AS ")
		p.stmt(s.Stmt)
	case *Execute:
		p.w("EXECUTE ", p.ident(s.Name))
		if len(s.Params) > 0 {
			p.w("(")
			p.exprs(s.Params)
			p.w(")")
		}
	case *Deallocate:
		p.w("DEALLOCATE ", p.nameOrAll(s.Name))
	case *ExplainStmt:
		p.w("EXPLAIN ")
		if len(s.Options) > 0 {
			p.defElems(s.Options, " ")
			p.w(" ")
		}
		p.stmt(s.Stmt)
	case *Declare:
		p.declare(s)
	case *Fetch:
		p.fetch(s)
	case *Close:
		p.w("CLOSE ", p.nameOrAll(s.Name))
	case *Listen:
		p.w("LISTEN ", p.ident(s.Channel))
	case *Unlisten:
		if s.Channel == "" {
			p.w("UNLISTEN *")
		} else {
			p.w("UNLISTEN ", p.ident(s.Channel))
		}
	case *Notify:
		p.w("NOTIFY ", p.ident(s.Channel))
		if s.HasPayload {
			p.w(", ", QuoteString(s.Payload))
		}
	case *Copy:
		p.copyStmt(s)
	case *Vacuum:
		p.w(map[bool]string{true: "ANALYZE", false: "VACUUM"}[s.Analyze])
		if len(s.Options) > 0 {
			p.w(" ")
			p.defElems(s.Options, " ")
		}
		for i, r := range s.Rels {
			p.w(map[bool]string{true: ", ", false: " "}[i > 0])
			p.qualified(r.Table)
			if len(r.Columns) > 0 {
				p.w(" ")
				p.identList(r.Columns)
			}
		}
	case *Refresh:
		p.w("REFRESH MATERIALIZED VIEW ")
		if s.Concurrently {
			p.w("CONCURRENTLY ")
		}
		p.qualified(s.Name)
		if s.NoData {
			p.w(" WITH NO DATA")
		}
	case *Checkpoint:
		p.w("CHECKPOINT")
	case *Discard:
		p.w("DISCARD ", s.Target)
	case *Lock:
		p.w("LOCK TABLE ")
		p.tableList(s.Tables)
		if s.Mode != "" {
			p.w(" IN ", s.Mode, " MODE")
		}
		if s.NoWait {
			p.w(" NOWAIT")
		}
	case *Comment:
		p.comment(s)
	}
}

func (p *printer) nameOrAll(name string) string {
	if name == "" {
		return "ALL"
	}
	return p.ident(name)
}

// settingName writes a configuration parameter's (possibly dotted) name.
func (p *printer) settingName(name string) string {
	if name == "all" {
		return "ALL"
	}
	parts := strings.Split(name, ".")
	for i, s := range parts {
		parts[i] = p.ident(s)
	}
	return strings.Join(parts, ".")
}

func (p *printer) transaction(s *Transaction) {
	switch s.Kind {
	case TxBegin, TxStart:
		p.w(map[bool]string{true: "BEGIN", false: "START TRANSACTION"}[s.Kind == TxBegin])
		if len(s.Modes) > 0 {
			p.w(" ", strings.Join(s.Modes, ", "))
		}
	case TxCommit, TxRollback:
		p.w(map[bool]string{true: "COMMIT", false: "ROLLBACK"}[s.Kind == TxCommit])
		if s.Chain {
			p.w(" AND CHAIN")
		}
	case TxSavepoint:
		p.w("SAVEPOINT ", p.ident(s.Savepoint))
	case TxRelease:
		p.w("RELEASE SAVEPOINT ", p.ident(s.Savepoint))
	case TxRollbackTo:
		p.w("ROLLBACK TO SAVEPOINT ", p.ident(s.Savepoint))
	}
}

func (p *printer) set(s *Set) {
	p.w("SET ")
	if s.Local {
		p.w("LOCAL ")
	}
	switch s.Kind {
	case SetTxModes:
		p.w("TRANSACTION ", strings.Join(s.Modes, ", "))
		return
	case SetSessionTx:
		p.w("SESSION CHARACTERISTICS AS TRANSACTION ", strings.Join(s.Modes, ", "))
		return
	}
	if c, ok := zoneInterval(s); ok {
		// SET TIME ZONE INTERVAL 'v' [HOUR [TO MINUTE]] | INTERVAL(p) 'v'
		p.w("TIME ZONE INTERVAL")
		rest := strings.TrimPrefix(c.Type.Name, "interval")
		if strings.HasPrefix(rest, "(") {
			p.w(rest, " ", QuoteString(c.Expr.(*Literal).Val))
		} else {
			p.w(" ", QuoteString(c.Expr.(*Literal).Val), rest)
		}
		return
	}
	p.w(p.settingName(s.Name))
	switch s.Kind {
	case SetDefault:
		p.w(" TO DEFAULT")
	case SetCurrent:
		p.w(" FROM CURRENT")
	default:
		p.w(" TO ")
		p.exprs(s.Values)
	}
}

func (p *printer) declare(s *Declare) {
	p.w("DECLARE ", p.ident(s.Name))
	if s.Binary {
		p.w(" BINARY")
	}
	if s.Asensitive {
		p.w(" ASENSITIVE")
	}
	if s.Insensitive {
		p.w(" INSENSITIVE")
	}
	if s.Scroll {
		p.w(" SCROLL")
	}
	if s.NoScroll {
		p.w(" NO SCROLL")
	}
	p.w(" CURSOR")
	if s.Hold {
		p.w(" WITH HOLD")
	}
	p.w(" FOR ")
	p.selectStmt(s.Query)
}

func (p *printer) fetch(s *Fetch) {
	p.w(map[bool]string{true: "MOVE ", false: "FETCH "}[s.Move])
	p.w([]string{"FORWARD", "BACKWARD", "ABSOLUTE", "RELATIVE"}[s.Direction], " ")
	if s.All {
		p.w("ALL")
	} else {
		p.w(itoa(s.Count))
	}
	p.w(" FROM ", p.ident(s.Cursor))
}

func (p *printer) copyStmt(s *Copy) {
	p.w("COPY ")
	if s.Query != nil {
		p.w("(")
		p.stmt(s.Query)
		p.w(")")
	} else {
		p.qualified(s.Table)
		if len(s.Columns) > 0 {
			p.w(" ")
			p.identList(s.Columns)
		}
	}
	p.w(map[bool]string{true: " FROM ", false: " TO "}[s.From])
	switch {
	case s.Program:
		p.w("PROGRAM ", QuoteString(s.File))
	case s.File != "":
		p.w(QuoteString(s.File))
	default:
		p.w(map[bool]string{true: "STDIN", false: "STDOUT"}[s.From])
	}
	if len(s.Options) > 0 {
		p.w(" WITH ")
		p.defElems(s.Options, " ")
	}
	p.where(s.Where)
}

// zoneInterval is SET TIME ZONE's INTERVAL value, a Cast of a string to an interval type.
func zoneInterval(s *Set) (*Cast, bool) {
	if s.Name != "timezone" || len(s.Values) != 1 {
		return nil, false
	}
	c, ok := s.Values[0].(*Cast)
	if !ok || !strings.HasPrefix(c.Type.Name, "interval") {
		return nil, false
	}
	if _, ok := c.Expr.(*Literal); !ok {
		return nil, false
	}
	return c, true
}

// comment writes COMMENT ON.
func (p *printer) comment(s *Comment) {
	p.w("COMMENT ON ", s.Kind, " ")
	if s.Kind == "CONSTRAINT" {
		p.w(p.ident(s.Constraint), " ON ")
		if s.OnDomain {
			p.w("DOMAIN ")
		}
	}
	p.qualifiedNames(s.Name)
	p.w(" IS ")
	if s.Text == nil {
		p.w("NULL")
		return
	}
	p.w(QuoteString(*s.Text))
}
