package parser

import (
	"strconv"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// utility reads a transaction, session or utility statement; nil when t starts none.
func (p *parser) utility(t lexer.Token) ast.Stmt {
	switch t.Value {
	case "begin", "start", "commit", "end", "rollback", "abort", "savepoint", "release":
		return p.transaction(t)
	case "set":
		return p.set()
	case "show", "reset":
		p.pos++
		name := p.settingName()
		if t.Value == "show" {
			return &ast.Show{Name: name}
		}
		return &ast.Reset{Name: name}
	case "prepare":
		return p.prepare()
	case "execute":
		p.pos++
		s := &ast.Execute{Name: p.colID()}
		if p.acceptPunct("(") {
			s.Params = p.exprList()
			p.expectPunct(")")
		}
		return s
	case "deallocate":
		p.pos++
		p.acceptKw("prepare")
		return &ast.Deallocate{Name: p.nameOrAll()}
	case "close":
		p.pos++
		return &ast.Close{Name: p.nameOrAll()}
	case "explain":
		return p.explain()
	case "declare":
		return p.declare()
	case "fetch", "move":
		return p.fetchStmt(t.Value == "move")
	case "listen":
		p.pos++
		return &ast.Listen{Channel: p.colID()}
	case "unlisten":
		p.pos++
		if p.acceptPunct("*") {
			return &ast.Unlisten{}
		}
		return &ast.Unlisten{Channel: p.colID()}
	case "notify":
		p.pos++
		s := &ast.Notify{Channel: p.colID()}
		if p.acceptPunct(",") {
			s.Payload, s.HasPayload = p.stringConst(), true
		}
		return s
	case "copy":
		return p.copyStmt()
	case "vacuum", "analyze", "analyse":
		return p.vacuum(t.Value != "vacuum")
	case "refresh":
		return p.refresh()
	case "checkpoint":
		p.pos++
		return &ast.Checkpoint{}
	case "discard":
		return p.discard()
	case "lock":
		return p.lock() // lockcom.go
	case "comment":
		return p.comment()
	}
	return nil
}

func (p *parser) stringConst() string {
	t := p.next()
	if t.Kind != lexer.String {
		p.syntaxError(t)
	}
	return t.Value
}

// nameOrAll reads a name, or ALL ("").
func (p *parser) nameOrAll() string {
	if p.acceptKw("all") {
		return ""
	}
	return p.colID()
}

// transaction reads BEGIN, START TRANSACTION, COMMIT/END, ROLLBACK/ABORT, SAVEPOINT,
// RELEASE and ROLLBACK TO.
func (p *parser) transaction(t lexer.Token) ast.Stmt {
	p.pos++
	s := &ast.Transaction{}
	switch t.Value {
	case "begin", "start":
		if t.Value == "start" {
			p.expectKw("transaction")
			s.Kind = ast.TxStart
		} else if !p.acceptKw("work") {
			p.acceptKw("transaction")
		}
		s.Modes = p.txModes(false)
	case "commit", "end", "rollback", "abort":
		s.Kind = ast.TxCommit
		if t.Value == "rollback" || t.Value == "abort" {
			s.Kind = ast.TxRollback
		}
		if t.Value != "end" && t.Value != "abort" && p.isKw("prepared") {
			p.unsupported(p.peek(), "two-phase commit")
		}
		if !p.acceptKw("work") {
			p.acceptKw("transaction")
		}
		if s.Kind == ast.TxRollback && t.Value == "rollback" && p.acceptKw("to") {
			p.savepointWord()
			s.Kind, s.Savepoint = ast.TxRollbackTo, p.colID()
			return s
		}
		if p.acceptKw("and") {
			s.Chain = !p.acceptKw("no")
			p.expectKw("chain")
		}
	case "savepoint":
		s.Kind, s.Savepoint = ast.TxSavepoint, p.colID()
	case "release":
		p.savepointWord()
		s.Kind, s.Savepoint = ast.TxRelease, p.colID()
	}
	return s
}

// savepointWord reads the optional SAVEPOINT of RELEASE and ROLLBACK TO: a word after it
// makes it the keyword, else it is the savepoint's name (RELEASE savepoint).
func (p *parser) savepointWord() {
	if n := p.peekN(1); p.isKw("savepoint") && (n.Kind == lexer.Ident || n.Kind == lexer.QuotedIdent) {
		p.pos++
	}
}

// txModes reads transaction modes separated by commas or spaces; required: at least one.
func (p *parser) txModes(required bool) []string {
	var out []string
	for {
		var m string
		switch {
		case p.isKw("isolation"):
			p.pos++
			p.expectKw("level")
			m = "ISOLATION LEVEL " + p.isolationLevel()
		case p.isKw("read"):
			p.pos++
			if w := p.peek(); !w.Is("only") && !w.Is("write") {
				p.syntaxError(w)
			}
			m = "READ " + upperWord(p.next().Value)
		case p.isKw("deferrable"):
			p.pos++
			m = "DEFERRABLE"
		case p.isKw("not") && p.peekN(1).Is("deferrable"):
			p.pos += 2
			m = "NOT DEFERRABLE"
		}
		if m == "" {
			if len(out) > 0 || required {
				p.syntaxError(p.peek())
			}
			return out
		}
		out = append(out, m)
		if !p.acceptPunct(",") {
			if t := p.peek(); !t.Is("isolation") && !t.Is("read") && !t.Is("deferrable") && !t.Is("not") {
				return out
			}
		}
	}
}

func (p *parser) isolationLevel() string {
	t := p.next()
	switch {
	case t.Is("serializable"):
		return "SERIALIZABLE"
	case t.Is("repeatable"):
		p.expectKw("read")
		return "REPEATABLE READ"
	case t.Is("read"):
		switch w := p.next(); {
		case w.Is("committed"):
			return "READ COMMITTED"
		case w.Is("uncommitted"):
			return "READ UNCOMMITTED"
		default:
			p.syntaxError(w)
		}
	}
	p.syntaxError(t)
	return ""
}

// settingName reads SHOW's and RESET's name: var_name, ALL, TIME ZONE, TRANSACTION
// ISOLATION LEVEL, SESSION AUTHORIZATION.
func (p *parser) settingName() string {
	switch {
	case p.acceptKw("all"):
		return "all"
	case p.isKw("time") && p.peekN(1).Is("zone"):
		p.pos += 2
		return "timezone"
	case p.isKw("transaction") && p.peekN(1).Is("isolation"):
		p.pos += 2
		p.expectKw("level")
		return "transaction_isolation"
	case p.isKw("session") && p.peekN(1).Is("authorization"):
		p.pos += 2
		return "session_authorization"
	}
	return p.varName()
}

// varName reads var_name: ColId [. ColId ...], joined by dots.
func (p *parser) varName() string {
	name := p.colID()
	for p.acceptPunct(".") {
		name += "." + p.colID()
	}
	return name
}

func (p *parser) prepare() ast.Stmt {
	p.pos++
	if t := p.peek(); t.Is("transaction") && p.peekN(1).Kind == lexer.String {
		p.unsupported(t, "two-phase commit")
	}
	s := &ast.Prepare{Name: p.colID()}
	if p.acceptPunct("(") {
		for {
			s.Types = append(s.Types, p.typeName())
			if !p.acceptPunct(",") {
				break
			}
		}
		p.expectPunct(")")
	}
	p.expectKw("as")
	if t := p.peek(); t.Is("upsert") {
		s.Stmt = p.droveStatement(t) // drove prepares the statement after AS as one of its own
		return s
	}
	s.Stmt = p.preparable()
	return s
}

// explain reads EXPLAIN [ANALYZE] [VERBOSE] | (options) statement.
func (p *parser) explain() ast.Stmt {
	p.pos++
	s := &ast.ExplainStmt{}
	switch {
	case p.isPunct("(") && !p.startsQuery(p.pos+1):
		s.Options = p.defList(utilityOptions)
	default:
		if t := p.peek(); t.Is("analyze") || t.Is("analyse") {
			p.pos++
			s.Options = append(s.Options, ast.DefElem{Name: "analyze"})
		}
		if p.acceptKw("verbose") {
			s.Options = append(s.Options, ast.DefElem{Name: "verbose"})
		}
	}
	t := p.peek()
	switch {
	case t.Is("declare"):
		s.Stmt = p.declare()
	case t.Is("execute"), t.Is("create"), t.Is("refresh"):
		s.Stmt = p.statement()
		switch st := s.Stmt.(type) {
		case *ast.Execute, *ast.Refresh:
		case *ast.CreateTable:
			if st.Query == nil {
				p.syntaxError(t)
			}
		case *ast.CreateView:
			if !st.Materialized {
				p.syntaxError(t)
			}
		default:
			p.syntaxError(t)
		}
	default:
		s.Stmt = p.preparable()
	}
	return s
}

// declare reads DECLARE name [options] CURSOR [WITH|WITHOUT HOLD] FOR query.
func (p *parser) declare() ast.Stmt {
	p.pos++
	s := &ast.Declare{Name: p.colID()}
	for {
		switch {
		case p.acceptKw("binary"):
			s.Binary = true
		case p.acceptKw("insensitive"):
			s.Insensitive = true
		case p.acceptKw("asensitive"):
			s.Asensitive = true
		case p.acceptKw("scroll"):
			s.Scroll = true
		case p.isKw("no") && p.peekN(1).Is("scroll"):
			p.pos += 2
			s.NoScroll = true
		default:
			p.expectKw("cursor")
			if p.isKw("with") || p.isKw("without") {
				s.Hold = p.next().Is("with")
				p.expectKw("hold")
			}
			p.expectKw("for")
			s.Query = p.selectStmt()
			return s
		}
	}
}

// fetchStmt reads FETCH or MOVE [direction] [FROM|IN] cursor into PostgreSQL's canonical
// direction and count.
func (p *parser) fetchStmt(move bool) ast.Stmt {
	p.pos++
	s := &ast.Fetch{Move: move, Count: 1}
	t := p.peek()
	fromIn := true // whether FROM/IN may precede the cursor
	switch {
	case t.Is("next"):
		p.pos++
	case t.Is("prior"):
		p.pos++
		s.Direction = ast.FetchBackward
	case t.Is("first"), t.Is("last"):
		p.pos++
		s.Direction = ast.FetchAbsolute
		if t.Is("last") {
			s.Count = -1
		}
	case t.Is("absolute"), t.Is("relative"):
		p.pos++
		s.Direction = map[bool]ast.FetchDir{true: ast.FetchAbsolute, false: ast.FetchRelative}[t.Is("absolute")]
		s.Count = p.signedInt()
	case t.Is("all"):
		p.pos++
		s.All = true
	case t.Is("forward"), t.Is("backward"):
		p.pos++
		if t.Is("backward") {
			s.Direction = ast.FetchBackward
		}
		if p.acceptKw("all") {
			s.All = true
		} else if n := p.peek(); n.Kind == lexer.Integer || n.Kind == lexer.Op && (n.Value == "-" || n.Value == "+") {
			s.Count = p.signedInt()
		}
	case t.Kind == lexer.Integer, t.Kind == lexer.Op && (t.Value == "-" || t.Value == "+"):
		s.Count = p.signedInt()
	default:
		fromIn = false
		if p.acceptKw("from") || p.acceptKw("in") {
			fromIn = true
		}
		s.Cursor = p.colID()
		return s
	}
	if fromIn && !p.acceptKw("from") {
		p.acceptKw("in")
	}
	s.Cursor = p.colID()
	return s
}

// signedInt reads SignedIconst.
func (p *parser) signedInt() int64 {
	t := p.peek()
	neg := false
	if t.Kind == lexer.Op && (t.Value == "-" || t.Value == "+") {
		neg = t.Value == "-"
		p.pos++
		t = p.peek()
	}
	if t.Kind != lexer.Integer {
		p.syntaxError(t)
	}
	p.pos++
	n, err := strconv.ParseInt(t.Value, 10, 32)
	if err != nil {
		p.syntaxError(t) // PostgreSQL's Iconst is an int4; a longer number is FCONST
	}
	if neg {
		n = -n
	}
	return n
}

func (p *parser) refresh() ast.Stmt {
	p.pos++
	p.expectKw("materialized")
	p.expectKw("view")
	s := &ast.Refresh{Concurrently: p.acceptKw("concurrently")}
	s.Name = p.qualifiedName()
	s.NoData = p.withData()
	return s
}

// vacuum reads VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] | (options) [tables], or ANALYZE
// [VERBOSE] | (options) [tables].
func (p *parser) vacuum(analyze bool) ast.Stmt {
	p.pos++
	s := &ast.Vacuum{Analyze: analyze}
	if p.isPunct("(") {
		s.Options = p.defList(utilityOptions)
	} else {
		words := []string{"full", "freeze", "verbose", "analyze"}
		if analyze {
			words = []string{"verbose"}
		}
		for _, w := range words {
			if p.acceptKw(w) || w == "analyze" && p.acceptKw("analyse") {
				s.Options = append(s.Options, ast.DefElem{Name: w})
			}
		}
	}
	if t := p.peek(); t.Kind == lexer.EOF || t.IsPunct(";") {
		return s
	}
	for {
		r := ast.VacuumRel{Table: p.qualifiedName()}
		if p.isPunct("(") {
			r.Columns = p.nameList()
		}
		s.Rels = append(s.Rels, r)
		if !p.acceptPunct(",") {
			return s
		}
	}
}

// discard reads DISCARD ALL | PLANS | SEQUENCES | TEMP | TEMPORARY (PostgreSQL's DiscardStmt).
func (p *parser) discard() ast.Stmt {
	p.pos++
	switch t := p.next(); {
	case t.Is("all"), t.Is("plans"), t.Is("sequences"), t.Is("temp"):
		return &ast.Discard{Target: upperWord(t.Value)}
	case t.Is("temporary"):
		return &ast.Discard{Target: "TEMP"}
	default:
		p.syntaxError(t)
	}
	return nil
}
