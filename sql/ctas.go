package sql

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// CREATE TABLE name [(columns)] AS query [WITH [NO] DATA] and SELECT ... INTO name FROM ...,
// parsed from sql/lexer's tokens (vitess knows neither in PostgreSQL's form). The query is
// bound once: its columns make the new table (declared types kept, an untyped literal or
// NULL is text, a hidden row id is its key, as for any table without a primary key), and
// its plan writes the rows into it. The table is created as CREATE TABLE's is (at once, and
// dropped again if the transaction block rolls back); its rows go in the statement's
// transaction, so they are durable and replicated as any insert's.

// ctasStmt is a parsed CREATE TABLE AS or SELECT INTO.
type ctasStmt struct {
	name        string
	cols        []string // CREATE TABLE name (cols) AS: the new names of the query's first columns
	query       string   // the query, as PostgreSQL text
	noData      bool     // WITH NO DATA: the table only
	ifNotExists bool
	into        bool   // SELECT ... INTO
	temp        bool   // TEMP: the session's temporary table (temp_table.go)
	onCommit    string // a temporary one's ON COMMIT action
	qualifier   string // the schema the name was given in
}

// command is the statement's name in PostgreSQL's messages.
func (st *ctasStmt) command() string {
	if st.into {
		return "SELECT INTO"
	}
	return "CREATE TABLE AS"
}

// isCreateTableAs reports whether p is CREATE [TEMP|UNLOGGED] TABLE ... AS query: a CREATE
// TABLE with an AS outside parentheses (a column's GENERATED ... AS IDENTITY is inside).
func isCreateTableAs(p piece) bool {
	w := p.words
	if len(w) < 4 || w[0] != "create" || !slices.Contains(w, "as") {
		return false
	}
	i := 1
	for i < len(w) && (w[i] == "temp" || w[i] == "temporary" || w[i] == "unlogged" || w[i] == "global" || w[i] == "local") {
		i++
	}
	if i >= len(w) || w[i] != "table" {
		return false
	}
	toks, err := lexSQL(p.orig)
	return err == nil && topLevel(toks, "as") >= 0
}

// isSelectInto reports whether p is a SELECT (or WITH ... SELECT) with an INTO outside
// parentheses: PostgreSQL's SELECT ... INTO new_table.
func isSelectInto(p piece) bool {
	if len(p.words) < 3 || p.first != "select" && p.first != "with" || !slices.Contains(p.words, "into") {
		return false
	}
	toks, err := lexSQL(p.orig)
	return err == nil && selectInto(toks) >= 0
}

// topLevel returns the index of the first keyword word outside parentheses, -1 if none.
func topLevel(toks []lexer.Token, word string) int {
	depth := 0
	for i, t := range toks {
		switch {
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case t.IsPunct(")") || t.IsPunct("]"):
			depth--
		case depth == 0 && t.Is(word):
			return i
		}
	}
	return -1
}

// selectInto returns the index of a SELECT's INTO, -1 if none: the first INTO outside
// parentheses, once the statement (after a WITH's queries) is known to be a SELECT.
func selectInto(toks []lexer.Token) int {
	depth, query := 0, false
	for i, t := range toks {
		switch {
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case t.IsPunct(")") || t.IsPunct("]"):
			depth--
		case depth > 0:
		case t.Is("select"):
			query = true
		case t.Is("insert") || t.Is("update") || t.Is("delete") || t.Is("merge"):
			return -1 // WITH ... INSERT INTO
		case query && t.Is("into"):
			return i
		}
	}
	return -1
}

// parseCreateTableAs reads CREATE [UNLOGGED] TABLE [IF NOT EXISTS] name [(cols)] AS query
// [WITH [NO] DATA].
func parseCreateTableAs(text string) (*ctasStmt, error) {
	toks, err := lexSQL(text)
	if err != nil {
		return nil, err
	}
	as := topLevel(toks, "as")
	stoks, err := lexSetting(text[:toks[as].Pos])
	if err != nil {
		return nil, err
	}
	p := &settingParser{toks: stoks, pos: 1}
	if p.accept("unlogged") {
		return nil, unsupported("unlogged tables")
	}
	_ = p.accept("global") || p.accept("local")
	temp := p.accept("temp") || p.accept("temporary")
	p.accept("table")
	st := &ctasStmt{ifNotExists: p.accept("if", "not", "exists"), temp: temp}
	if st.qualifier, st.name, err = ctasName(p); err != nil {
		return nil, err
	}
	if p.peek("(") {
		if st.cols, err = p.nameList(); err != nil {
			return nil, err
		}
	}
	if p.accept("on", "commit") {
		switch {
		case p.accept("drop"):
			st.onCommit = "drop"
		case p.accept("delete", "rows"):
			st.onCommit = "delete rows"
		case p.accept("preserve", "rows"):
			st.onCommit = "preserve rows"
		default:
			return nil, p.syntaxError()
		}
		if !temp {
			return nil, Errorf("42P16", "ON COMMIT can only be used on temporary tables")
		}
	}
	if !p.done() {
		return nil, p.syntaxError()
	}
	if as == len(toks)-1 {
		return nil, errorAt(Errorf("42601", "syntax error at end of input"), atEnd)
	}
	// The query and its WITH [NO] DATA are read as a materialized view's.
	vs := &viewStmt{materialized: true}
	if err := vs.readQuery(text, toks[as+1:]); err != nil {
		return nil, err
	}
	st.query, st.noData = vs.query, vs.noData
	return st, nil
}

// parseSelectInto reads SELECT list INTO [TEMP|UNLOGGED] [TABLE] name FROM ...: the query is
// the statement without its INTO clause.
func parseSelectInto(text string) (*ctasStmt, error) {
	toks, err := lexSQL(text)
	if err != nil {
		return nil, err
	}
	into := selectInto(toks)
	i := into + 1
	temp := false
	if i < len(toks) && (toks[i].Is("global") || toks[i].Is("local")) && i+1 < len(toks) && (toks[i+1].Is("temp") || toks[i+1].Is("temporary")) {
		i++
	}
	if i < len(toks) && (toks[i].Is("temp") || toks[i].Is("temporary")) {
		temp = true
		i++
	}
	if i < len(toks) && toks[i].Is("unlogged") {
		return nil, unsupported("unlogged tables")
	}
	if i < len(toks) && toks[i].Is("table") {
		i++
	}
	start := i
	for i < len(toks) && (toks[i].Kind == lexer.Ident || toks[i].Kind == lexer.QuotedIdent) {
		i++
		if i+1 < len(toks) && toks[i].IsPunct(".") {
			i++
			continue
		}
		break
	}
	if i == start {
		if i < len(toks) {
			return nil, errorAt(nearError(toks[i].Text(text)), toks[i].Pos)
		}
		return nil, errorAt(Errorf("42601", "syntax error at end of input"), atEnd)
	}
	stoks, err := lexSetting(text[toks[start].Pos:toks[i-1].End])
	if err != nil {
		return nil, err
	}
	st := &ctasStmt{into: true, temp: temp}
	if st.qualifier, st.name, err = ctasName(&settingParser{toks: stoks}); err != nil {
		return nil, err
	}
	end := len(text)
	if i < len(toks) {
		end = toks[i].Pos
	}
	st.query = text[:toks[into].Pos] + " " + text[end:]
	return st, nil
}

// createTableAs runs CREATE TABLE AS and SELECT INTO.
func (s *Session) createTableAs(ctx context.Context, st *ctasStmt, out Output) error {
	ctx = tablespace.WithLockTimeout(ctx, s.set.lockTimeout)
	table := st.name // its name in the tablespace
	if st.temp {
		hidden, done, err := s.newTempName(st.qualifier, st.name, st.ifNotExists)
		if err != nil || done {
			if done {
				return out.Complete("CREATE TABLE AS")
			}
			return err
		}
		table = hidden
	} else if s.relationExists(st.name) { // before the query is looked at, as PostgreSQL
		if st.ifNotExists {
			s.noticef("NOTICE", "42P07", "relation %q already exists, skipping", st.name)
			return out.Complete("CREATE TABLE AS")
		}
		return Errorf("42P07", "relation %q already exists", st.name)
	}
	ps := &params{sess: s}
	p, err := s.bindTableAsQuery(st, ps)
	if err != nil {
		return err
	}
	if len(ps.types) > 0 {
		return Errorf("42P02", "there is no parameter $1")
	}
	if len(st.cols) > len(p.cols) {
		return Errorf("42601", "too many column names were specified")
	}
	schema, err := ctasSchema(table, p.cols, st.cols)
	if err != nil {
		return err
	}
	if err := s.ts.CreateTable(ctx, schema); err != nil {
		return err
	}
	if s.tx != nil {
		s.txCreated = append(s.txCreated, table) // dropped again if the block rolls back
	}
	if st.temp {
		s.addTempTable(st.name, table, st.onCommit)
	}
	var n int64
	if !st.noData {
		n, err = s.fillTableAs(ctx, table, p, ps)
	}
	if err != nil && s.tx == nil { // in a block, the failed transaction's ROLLBACK drops it
		if st.temp {
			s.forgetTempTable(table)
		}
		if derr := s.ts.DropTable(context.Background(), table); derr != nil && !errors.Is(derr, tablespace.ErrNoTable) {
			s.ts.Logger().Warn("could not drop the table of a CREATE TABLE AS that failed", "table", table, "err", derr)
		}
	}
	if err != nil {
		return err
	}
	if st.temp && s.tx == nil && st.onCommit == "drop" {
		s.dropTempTable(st.name) // its transaction, the statement's own, has committed
	}
	if st.noData {
		return out.Complete(st.command())
	}
	return out.Complete("SELECT " + strconv.FormatInt(n, 10))
}

// bindTableAsQuery binds the query that fills the new table: after a data-modifying WITH,
// the plan that runs its parts, then the query.
func (s *Session) bindTableAsQuery(st *ctasStmt, ps *params) (*plan, error) {
	saved := s.ctes
	s.ctes = nil
	defer func() { s.ctes = saved }()
	q, err := viewQueryTree(st.query)
	if err != nil {
		return nil, err
	}
	if holdsModifyingWith(q) {
		// after a data-modifying WITH, its parts run first and its main query fills the
		// table, as PostgreSQL runs them (cte_modify.go); WITH NO DATA runs none
		return s.bindModifyingWith(q, ps)
	}
	return s.bindSelect(q, ps)
}

// ctasSchema is the table of a query's columns cols, the first renamed by names: a
// declared type is kept (varchar(3), numeric(4,1)), an untyped one is text, and a hidden
// row id is the key.
func ctasSchema(name string, cols []Column, names []string) (*types.Schema, error) {
	schema := &types.Schema{Name: name}
	for i, qc := range cols {
		c := types.Column{Name: qc.Name, Type: qc.Type}
		if d, ok := qc.Declared(); ok {
			c = d
			c.NotNull, c.Default, c.Hidden = false, "", false
		}
		if i < len(names) {
			c.Name = names[i]
		}
		if c.Type == types.Null {
			c.Type = types.Text // PostgreSQL's type for an untyped NULL or literal
		}
		if schema.ColumnIndex(c.Name) >= 0 {
			return nil, Errorf("42701", "column %q specified more than once", c.Name)
		}
		if c.Name == RowIDColumn {
			return nil, Errorf("42701", "column name %q is reserved for the row id of a table without a primary key", RowIDColumn)
		}
		schema.Columns = append(schema.Columns, c)
	}
	schema.PK = []int{len(schema.Columns)}
	schema.Columns = append(schema.Columns, types.Column{Name: RowIDColumn, Type: types.Int64,
		NotNull: true, Hidden: true, Default: rowIDDefault(name)})
	if err := schema.Validate(); err != nil {
		return nil, Errorf("42P16", "%v", err)
	}
	return schema, nil
}

// fillTableAs runs the bound query p into the new table, in the session's transaction or
// one of its own, and returns how many rows it wrote.
func (s *Session) fillTableAs(ctx context.Context, name string, p *plan, ps *params) (int64, error) {
	schema, ok := s.ts.Schema(name)
	if !ok {
		return 0, Errorf("42P01", "relation %q does not exist", name)
	}
	ps.settle()
	p.params = ps
	n := len(schema.Columns) - 1
	fill := &matviewFill{schema: schema, row: make([]types.Value, n+1), cols: p.cols[:n],
		rowID: func() (int64, error) { return s.ts.NextSerial(schema, n) }}
	err := s.withTxn(ctx, func(tx *tablespace.Txn) error {
		fill.tx = tx
		for _, d := range append([]dep{{name, schema, true}}, append(p.deps, ps.deps...)...) {
			if err := enterTable(ctx, tx, d.table, d.schema); err != nil {
				return err
			}
		}
		return s.execPlan(ctx, tx, p, fill)
	})
	return fill.id, err
}

// ctasName reads the new table's [schema.]name: a temporary table may be named in pg_temp;
// otherwise it is read as a view's name is.
func ctasName(p *settingParser) (qualifier, name string, err error) {
	start := p.pos
	name, err = p.name()
	if err != nil {
		return "", "", err
	}
	if q, rest, ok := strings.Cut(name, "."); ok && (q == "pg_temp" || q == "public") && !p.toks[p.pos-1].ident {
		return q, rest, nil
	}
	p.pos = start
	name, err = viewName(p)
	return "", name, err
}
