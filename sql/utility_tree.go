package sql

import (
	"context"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/types"
)

// The session and transaction statements sql/parser reads and the session runs from its tree
// (sql/DESIGN.md, step 4): BEGIN/START TRANSACTION, COMMIT/END, ROLLBACK/ABORT [AND [NO]
// CHAIN], SAVEPOINT, RELEASE, ROLLBACK TO, SET (TRANSACTION, SESSION CHARACTERISTICS,
// CONSTRAINTS, LOCAL, SESSION), SHOW, RESET, DISCARD, VACUUM, ANALYZE, CHECKPOINT, LISTEN,
// UNLISTEN and NOTIFY. Each tree becomes the statement its executor runs (a settingStmt,
// savepointStmt, setConstraintsStmt or notifyStmt) when it is parsed, so the checks made
// before anything in the string runs (an isolation level drove lacks) stay there.

// treeUtilityWords are the first words of the statements utility_tree.go reads.
var treeUtilityWords = map[string]bool{
	"begin": true, "start": true, "commit": true, "end": true, "rollback": true, "abort": true,
	"savepoint": true, "release": true, "set": true, "show": true, "reset": true, "discard": true,
	"vacuum": true, "analyze": true, "analyse": true, "checkpoint": true,
	"listen": true, "unlisten": true, "notify": true,
	"refresh": true,
}

// parseUtilitySpan parses one statement's tokens with sql/parser when it is a session or
// transaction statement; nil (and no error) otherwise, for the dialect pass. Every error of
// the parser is the answer, its 0A000 too (two-phase commit, SET TRANSACTION SNAPSHOT): only
// the tree reads these statements.
func parseUtilitySpan(query string, toks []lexer.Token) (*Statement, error) {
	t := toks[0]
	if t.Kind != lexer.Ident || !treeUtilityWords[t.Value] {
		return nil, nil
	}
	stmt, err := pgparser.ParseTokens(query, toks)
	if err != nil {
		return nil, parserError(err, query)
	}
	st := treeStatement(query, toks, nil)
	if err := st.utilityOfTree(stmt); err != nil {
		return nil, err
	}
	return st, nil
}

// utilityOfTree sets the statement its executor runs from a session or transaction
// statement's tree.
func (st *Statement) utilityOfTree(n ast.Stmt) (err error) {
	switch n := n.(type) {
	case *ast.Transaction:
		return st.transactionOfTree(n)
	case *ast.Set:
		st.setting, err = setOfTree(n)
	case *ast.SetConstraints:
		st.setCons, err = setConstraintsOfTree(n)
	case *ast.Show:
		st.setting = &settingStmt{kind: "show", name: n.Name}
		if n.Name == "all" {
			st.setting = &settingStmt{kind: "show all"}
		}
	case *ast.Reset:
		st.setting = &settingStmt{kind: "reset", name: n.Name}
		if n.Name == "all" {
			st.setting = &settingStmt{kind: "reset all"}
		}
	case *ast.Discard:
		st.setting = &settingStmt{kind: "discard", name: strings.ToLower(n.Target)}
	case *ast.Vacuum:
		st.setting, err = vacuumOfTree(n)
	case *ast.Checkpoint: // execUtility runs it by its first word
	case *ast.Refresh:
		st.view, err = refreshOfTree(n) // matview.go
	case *ast.Listen:
		st.notify = &notifyStmt{kind: "listen", channel: n.Channel}
	case *ast.Unlisten:
		st.notify = &notifyStmt{kind: "unlisten", channel: n.Channel}
	case *ast.Notify:
		st.notify = &notifyStmt{kind: "notify", channel: n.Channel, payload: n.Payload}
	default:
		return Errorf("XX000", "statement %T is not run from the tree", n)
	}
	return err
}

// transactionOfTree is BEGIN/START TRANSACTION (a settingStmt of kind "begin", its modes
// checked now), SAVEPOINT, RELEASE and ROLLBACK TO (a savepointStmt), or COMMIT/ROLLBACK,
// which execUtility runs by the statement's first word (and chain).
func (st *Statement) transactionOfTree(n *ast.Transaction) error {
	switch n.Kind {
	case ast.TxBegin, ast.TxStart:
		st.setting = &settingStmt{kind: "begin", tag: "BEGIN"}
		if n.Kind == ast.TxStart {
			st.setting.tag = "START TRANSACTION"
		}
		return txModesOf(st.setting, n.Modes)
	case ast.TxSavepoint:
		st.savepoint = &savepointStmt{kind: "savepoint", name: n.Savepoint}
	case ast.TxRelease:
		st.savepoint = &savepointStmt{kind: "release", name: n.Savepoint}
	case ast.TxRollbackTo:
		st.savepoint = &savepointStmt{kind: "rollback", name: n.Savepoint}
	default:
		st.chain = n.Chain
	}
	return nil
}

// txModesOf reads the tree's transaction modes into st, checking that drove runs the
// isolation level (0A000 for SERIALIZABLE). DEFERRABLE matters only to SERIALIZABLE READ
// ONLY transactions.
func txModesOf(st *settingStmt, modes []string) error {
	for _, m := range modes {
		switch {
		case strings.HasPrefix(m, "ISOLATION LEVEL "):
			l, err := checkIsolation(strings.TrimPrefix(m, "ISOLATION LEVEL "))
			if err != nil {
				return err
			}
			st.isolation = l
		case m == "READ ONLY":
			st.readOnly = "on"
		case m == "READ WRITE":
			st.readOnly = "off"
		}
	}
	return nil
}

// setOfTree is the settingStmt of a SET: its value as SHOW will print it (the values joined
// by ", ", each string of a list PostgreSQL quotes, search_path's, as quote_identifier
// quotes it, as flatten_set_variable_args does).
func setOfTree(n *ast.Set) (*settingStmt, error) {
	switch n.Kind {
	case ast.SetTxModes, ast.SetSessionTx:
		st := &settingStmt{kind: "transaction", characteristics: n.Kind == ast.SetSessionTx}
		return st, txModesOf(st, n.Modes)
	}
	switch n.Name {
	case "role":
		return nil, unsupported("SET ROLE")
	case "session_authorization":
		return nil, unsupported("SET SESSION AUTHORIZATION")
	}
	st := &settingStmt{kind: "set", name: n.Name, local: n.Local, args: len(n.Values)}
	switch n.Kind {
	case ast.SetDefault:
		st.reset = true
		return st, nil
	case ast.SetCurrent:
		st.current = true
		return st, nil
	}
	def, _, _ := lookupSetting(n.Name)
	quote := def != nil && def.listQuote
	parts := make([]string, len(n.Values))
	for i, v := range n.Values {
		switch v := v.(type) {
		case *ast.Literal:
			parts[i] = v.Val
			if quote && v.Type == ast.LitString {
				parts[i] = types.QuoteIdent(v.Val)
			}
		case *ast.Cast: // SET TIME ZONE INTERVAL '...' [HOUR | HOUR TO MINUTE]
			zone, err := intervalZoneOf(v)
			if err != nil {
				return nil, err
			}
			parts[i] = zone
		default:
			return nil, Errorf("XX000", "SET value %T is not run from the tree", v)
		}
	}
	st.value = strings.Join(parts, ", ")
	return st, nil
}

// intervalZoneOf is the zone of SET TIME ZONE INTERVAL 'value' [HOUR | HOUR TO MINUTE] (the
// parser checked the qualifier): intervalZone's.
func intervalZoneOf(c *ast.Cast) (string, error) {
	lit, ok := c.Expr.(*ast.Literal)
	if !ok {
		return "", Errorf("42601", "syntax error at or near \"interval\"")
	}
	var unit int64 // what the range truncates to, in microseconds
	switch c.Type.Name {
	case "interval hour to minute":
		unit = 60e6
	case "interval hour":
		unit = 3600e6
	}
	return zoneOfInterval(lit.Val, unit)
}

// setConstraintsOfTree is SET CONSTRAINTS' statement: drove has one schema, public.
func setConstraintsOfTree(n *ast.SetConstraints) (*setConstraintsStmt, error) {
	st := &setConstraintsStmt{deferred: n.Deferred}
	for _, t := range n.Names {
		if t.Schema != "" && t.Schema != "public" {
			return nil, schemaMissing(t.Schema)
		}
		st.names = append(st.names, t.Name)
	}
	return st, nil
}

// vacuumOptions are PostgreSQL 15's VACUUM options, with whether each takes a Boolean;
// analyzeOptions ANALYZE's.
var (
	vacuumOptions = map[string]bool{"verbose": true, "analyze": true, "freeze": true, "full": true,
		"disable_page_skipping": true, "skip_locked": true, "process_toast": true, "truncate": true,
		"index_cleanup": false, "parallel": false}
	analyzeOptions = map[string]bool{"verbose": true, "skip_locked": true}
)

// vacuumOfTree is VACUUM's or ANALYZE's settingStmt: the tables it names (which must exist,
// and their columns, when it runs), after PostgreSQL's checks of its options (ExecVacuum's).
// drove keeps no dead row versions and no statistics, so nothing else is done.
func vacuumOfTree(n *ast.Vacuum) (*settingStmt, error) {
	st := &settingStmt{kind: "maintenance", tag: "VACUUM", rels: n.Rels}
	known := vacuumOptions
	if n.Analyze {
		st.tag, known = "ANALYZE", analyzeOptions
	}
	analyze := n.Analyze
	for _, o := range n.Options {
		boolean, ok := known[o.Name]
		if !ok {
			return nil, Errorf("42601", "unrecognized %s option %q", st.tag, o.Name)
		}
		if boolean && o.Arg != nil {
			lit, isLit := o.Arg.(*ast.Literal)
			if _, isBool := parseBoolSetting(litText(lit, isLit)); !isBool {
				return nil, Errorf("42601", "%s requires a Boolean value", o.Name)
			}
		}
		analyze = analyze || o.Name == "analyze"
	}
	for _, r := range n.Rels {
		if len(r.Columns) > 0 && !analyze {
			return nil, Errorf("0A000", "ANALYZE option must be specified when a column list is provided")
		}
	}
	return st, nil
}

// litText is a literal's text, "" for no literal.
func litText(l *ast.Literal, ok bool) string {
	if !ok {
		return ""
	}
	return l.Val
}

// checkVacuumRels checks that VACUUM's or ANALYZE's tables and columns exist.
func (s *Session) checkVacuumRels(rels []ast.VacuumRel) error {
	for _, r := range rels {
		name := r.Table.Name
		if r.Table.Schema != "" && r.Table.Schema != "public" {
			name = r.Table.Schema + "." + name
		}
		sc, ok := s.ts.Schema(name)
		if !ok {
			return Errorf("42P01", "relation %q does not exist", ast.Print(r.Table, ast.SQL))
		}
		for _, c := range r.Columns {
			if sc.ColumnIndex(c) < 0 {
				return Errorf("42703", "column %q of relation %q does not exist", c, r.Table.Name)
			}
		}
	}
	return nil
}

// endChained is COMMIT AND CHAIN (commit) or ROLLBACK AND CHAIN: the block ends and a new one
// begins at once with the ended one's isolation level and read-only mode, as PostgreSQL's
// chained transactions do; after a failed block, with the session's defaults (PostgreSQL 15
// saves the characteristics after the abort has reset them). Outside a block, or in a
// multi-statement string's implicit one, it is 25P01.
func (s *Session) endChained(ctx context.Context, commit bool, out Output) error {
	if s.tx == nil || s.implicit {
		name := "ROLLBACK AND CHAIN"
		if commit {
			name = "COMMIT AND CHAIN"
		}
		return Errorf("25P01", "%s can only be used in transaction blocks", name)
	}
	level, readOnly := "", ""
	if !s.failed {
		level, _ = s.setting("transaction_isolation")
		readOnly, _ = s.setting("transaction_read_only")
	}
	var err error
	if commit {
		err = s.commit(ctx, out)
	} else {
		err = s.rollback(out)
	}
	if err != nil {
		return err
	}
	return s.beginBlock(level, readOnly)
}
