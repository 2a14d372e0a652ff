package sql

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// ALTER TABLE's PostgreSQL-only column actions, which vitess does not parse: ADD COLUMN IF
// NOT EXISTS, DROP COLUMN IF EXISTS, and ALTER COLUMN ... TYPE / SET DATA TYPE [USING],
// SET/DROP DEFAULT, SET/DROP NOT NULL. A statement with one of them is read here, action by
// action; its other actions (ADD COLUMN, RENAME, ADD PRIMARY KEY) are parsed by vitess one at
// a time, as "ALTER TABLE t <action>", and worked out as alterTable does. Like PostgreSQL,
// which runs a statement's actions in passes, drops come first, then type changes, then
// added columns, then the rest.

// fillSpec is how the rows' values of a column are computed by an ALTER TABLE.
type fillSpec struct {
	x    *expr // evaluated over the old row
	once bool  // a constant: one value for every row
	// retype: the column's new type; x is the old column or the USING expression, whose
	// value is assigned to it. Else x is a new column's DEFAULT.
	retype bool
	using  bool
	// gen: a generated column added by the ALTER; x, compiled over the new schema, reads the
	// new row once the other fills are in (PostgreSQL computes it for every existing row).
	gen bool
}

type colActionKind int

// In PostgreSQL's order of passes (AlterTablePass).
const (
	actDrop colActionKind = iota
	actType
	actAdd
	actOther
)

// colAction is one action of a colAlterStmt.
type colAction struct {
	kind                             colActionKind
	col                              string
	ifAnd                            bool                  // DROP COLUMN IF EXISTS, ADD COLUMN IF NOT EXISTS
	cascade                          bool                  // DROP COLUMN ... CASCADE
	opt                              sqlparser.AlterOption // actAdd, and an actOther vitess parsed
	typ                              *sqlparser.ColumnDefinition
	using                            string // the USING expression's text, "" for none
	setDef                           *string
	dropDef, setNotNull, dropNotNull bool
	// dropExpr: ALTER COLUMN DROP EXPRESSION [IF EXISTS] (ifAnd), gencols.go.
	dropExpr bool
	identity *identityAct // altercol_identity.go
	cons     []conDef     // ADD COLUMN's CHECK, UNIQUE and REFERENCES
}

type colAlterStmt struct {
	table, qual string
	ifExists    bool
	actions     []colAction
}

// isColumnAlter reports ALTER TABLE statements with an action vitess cannot read.
func isColumnAlter(words []string) bool {
	if len(words) < 4 || words[0] != "alter" || words[1] != "table" {
		return false
	}
	if words[2] == "if" && !isConstraintAlter(words) {
		return true // vitess does not read ALTER TABLE IF EXISTS
	}
	for i := 3; i < len(words); i++ {
		switch words[i] {
		case "alter":
			return true
		case "rename":
			// RENAME b TO c: COLUMN is optional in PostgreSQL, not in vitess.
			return i+2 < len(words) && words[i+1] != "column" && words[i+1] != "to" && words[i+1] != "constraint"
		case "add", "drop":
			if words[i] == "drop" && (slices.Contains(words[i+1:], "cascade") || slices.Contains(words[i+1:], "restrict")) &&
				!isConstraintAlter(words) {
				return true // vitess does not read DROP COLUMN ... CASCADE | RESTRICT
			}
			if i+1 < len(words) && words[i+1] == "if" || i+2 < len(words) && words[i+1] == "column" && words[i+2] == "if" {
				return true
			}
			if words[i] == "add" && addsConstrainedColumn(words[i+1:]) {
				return true
			}
		}
	}
	return false
}

func parseColumnAlter(q string) (*colAlterStmt, error) {
	toks, err := lexSQL(q)
	if err != nil {
		return nil, err
	}
	p := &conParser{src: q, toks: toks, pos: 2}
	st := &colAlterStmt{}
	if st.ifExists, st.qual, st.table, err = p.alterTableTarget(); err != nil {
		return nil, err
	}
	p.table = st.table
	for {
		end := p.actionEnd()
		act, err := p.colAction(end)
		if err != nil {
			return nil, err
		}
		st.actions = append(st.actions, act)
		if p.pos != end {
			return nil, p.syntaxError()
		}
		if !p.accept(",") {
			break
		}
	}
	if p.accept(";"); !p.done() {
		return nil, p.syntaxError()
	}
	if len(st.actions) > 1 && slices.ContainsFunc(st.actions, func(a colAction) bool { return isRename(a.opt) }) {
		return nil, Errorf("42601", "syntax error at or near \",\"") // RENAME stands alone in PostgreSQL
	}
	slices.SortStableFunc(st.actions, func(a, b colAction) int { return int(a.kind) - int(b.kind) })
	return st, nil
}

func isRename(o sqlparser.AlterOption) bool {
	switch o.(type) {
	case *sqlparser.RenameColumn, *sqlparser.RenameTableName:
		return true
	}
	return false
}

// actionEnd is the position of the comma (or end) that ends the action starting at p.pos.
func (p *conParser) actionEnd() int {
	depth := 0
	for i := p.pos; i < len(p.toks); i++ {
		t := p.toks[i]
		switch {
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case t.IsPunct(")") || t.IsPunct("]"):
			depth--
		case depth == 0 && (t.IsPunct(",") || t.IsPunct(";")):
			return i
		}
	}
	return len(p.toks)
}

// text is the source text of tokens [from, to).
func (p *conParser) text(from, to int) string {
	if from >= to {
		return ""
	}
	return p.src[p.toks[from].Pos:p.toks[to-1].End]
}

// colAction reads one action, tokens p.pos to end.
func (p *conParser) colAction(end int) (colAction, error) {
	start := p.pos
	switch {
	case p.accept("drop"):
		p.accept("column")
		if p.peekAt(0, "constraint") || p.peekAt(0, "primary") {
			break
		}
		act := colAction{kind: actDrop, ifAnd: p.accept("if", "exists")}
		name, err := p.name()
		if err != nil {
			return act, err
		}
		act.col = name
		act.cascade = p.accept("cascade")
		if !act.cascade {
			p.accept("restrict")
		}
		return act, nil
	case p.accept("add"):
		if p.pos < end && isTableConstraintWord(p.toks[p.pos].Value) && p.toks[p.pos].Kind == lexer.Ident {
			break
		}
		p.accept("column")
		return p.addColumnAction(end)
	case p.accept("alter"):
		p.accept("column")
		name, err := p.name()
		if err != nil {
			return colAction{}, err
		}
		return p.alterColumn(name, end)
	case p.accept("rename") && !p.peekAt(0, "column") && !p.peekAt(0, "to") && !p.peekAt(0, "constraint"):
		opt, err := p.subAlterOption("rename column ", p.pos, end)
		p.pos = end
		return colAction{kind: actOther, opt: opt}, err
	}
	p.pos = start
	opt, err := p.subAlterOption("", start, end)
	p.pos = end
	kind := actOther
	if _, ok := opt.(*sqlparser.AddColumns); ok {
		kind = actAdd
	}
	return colAction{kind: kind, opt: opt}, err
}

// alterColumn reads what follows ALTER [COLUMN] name.
func (p *conParser) alterColumn(name string, end int) (colAction, error) {
	act := colAction{kind: actOther, col: name}
	if id, ok, err := p.identityAction(end); ok {
		act.identity = id
		return act, err
	}
	switch {
	case p.accept("type") || p.accept("set", "data", "type"):
		act.kind = actType
		using := end
		for i := p.pos; i < end; i++ {
			if p.toks[i].Is("using") {
				using = i
				break
			}
		}
		opt, err := p.subAlterOption("add column "+p.toks[p.pos-1].Text(p.src)+"_ ", p.pos, using)
		if isCode(err, "42601") && using-p.pos == 1 && p.toks[p.pos].Kind == lexer.Ident {
			return act, Errorf("42704", "type %q does not exist", p.toks[p.pos].Value)
		}
		if err != nil {
			return act, err
		}
		ac, ok := opt.(*sqlparser.AddColumns)
		if !ok || len(ac.Columns) != 1 || ac.Columns[0].Type.Options != nil && (ac.Columns[0].Type.Options.Default != nil ||
			ac.Columns[0].Type.Options.Null != nil || ac.Columns[0].Type.Options.KeyOpt != sqlparser.ColKeyNone) {
			return act, p.syntaxError()
		}
		act.typ = ac.Columns[0]
		if using < end {
			act.using = p.text(using+1, end)
			if act.using == "" {
				return act, p.syntaxError()
			}
		}
		p.pos = end
	case p.accept("set", "default"):
		def := p.text(p.pos, end)
		if def == "" {
			return act, p.syntaxError()
		}
		act.setDef = &def
		p.pos = end
	case p.accept("drop", "expression"):
		act.dropExpr, act.ifAnd = true, p.accept("if", "exists")
	case p.accept("drop", "default"):
		act.kind, act.dropDef = actDrop, true // PostgreSQL's drop pass
	case p.accept("set", "not", "null"):
		act.setNotNull = true
	case p.accept("drop", "not", "null"):
		act.dropNotNull = true
	default:
		if end-p.pos < 2 {
			p.pos++
			return act, p.syntaxError()
		}
		return act, unsupported("ALTER TABLE ... ALTER COLUMN %s", p.text(p.pos, end))
	}
	return act, nil
}

// subAlterOption parses one ALTER TABLE action with vitess, through the dialect pass: prefix
// and then tokens [from, to). An error's position is mapped back into the statement.
func (p *conParser) subAlterOption(prefix string, from, to int) (sqlparser.AlterOption, error) {
	head := "alter table t " + prefix
	opt, err := subAlterOption(head + p.text(from, to))
	var e *Error
	if err == nil || !errors.As(err, &e) || e.Position == 0 {
		return opt, err
	}
	at := len(p.src)
	if from < len(p.toks) {
		at = p.toks[from].Pos
	}
	c := *e
	c.Position = max(e.Position-utf8.RuneCountInString(head), 1) + utf8.RuneCountInString(p.src[:at])
	c.Position = min(c.Position, utf8.RuneCountInString(p.src)+1)
	return nil, &c
}

func subAlterOption(action string) (sqlparser.AlterOption, error) {
	ps, err := splitAndRewrite(action)
	if err != nil {
		return nil, err
	}
	if len(ps) != 1 {
		return nil, Errorf("42601", "syntax error in ALTER TABLE")
	}
	st, err := parsePiece(ps[0])
	if err != nil {
		return nil, ps[0].origError(err)
	}
	if st.conAlter != nil {
		return nil, unsupported("several actions in one ALTER TABLE with a constraint")
	}
	at, ok := st.ast.(*sqlparser.AlterTable)
	if !ok || len(at.AlterOptions) != 1 {
		return nil, unsupported("this combination of ALTER TABLE actions")
	}
	if !at.FullyParsed || at.PartitionSpec != nil || at.PartitionOption != nil {
		return nil, unsupported("this form of ALTER TABLE")
	}
	return at.AlterOptions[0], nil
}

func (s *Session) execColumnAlter(ctx context.Context, st *colAlterStmt, out Output) error {
	name, err := s.tableName(sqlparser.TableName{Qualifier: sqlparser.NewIdentifierCS(st.qual), Name: sqlparser.NewIdentifierCS(st.table)})
	if err != nil {
		return err
	}
	if _, ok := s.ts.Schema(name); !ok && st.ifExists && systemTables[name] == nil {
		s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", st.table)
		return out.Complete("ALTER TABLE")
	}
	schema, err := s.schemaToChange(ctx, name, "ALTER TABLE")
	if err != nil {
		return err
	}
	a := newAlteration(name, schema)
	for _, act := range st.actions {
		if err := s.colAction(ctx, a, act); err != nil {
			return err
		}
	}
	return s.finishAlter(ctx, a, out)
}

func (s *Session) colAction(ctx context.Context, a *alteration, act colAction) error {
	switch {
	case act.kind == actDrop && !act.dropDef:
		if act.ifAnd && a.column(act.col) < 0 {
			s.noticef("NOTICE", "00000", "column %q of relation %q does not exist, skipping", act.col, a.name)
		}
		if act.cascade {
			if err := s.dropGeneratedReaders(a, act.col); err != nil {
				return err
			}
		}
		return a.dropColumn(act.col, act.ifAnd)
	case act.kind == actAdd:
		for _, cd := range act.opt.(*sqlparser.AddColumns).Columns {
			if act.ifAnd && a.column(cd.Name.String()) >= 0 {
				act.cons = nil // skipped with its column, as PostgreSQL does
			}
			if err := s.addColumn(a, cd, act.ifAnd); err != nil {
				return err
			}
		}
		a.cons = append(a.cons, act.cons...)
		return nil
	case act.opt != nil:
		return s.alterOption(ctx, a, act.opt)
	}
	i := a.column(act.col)
	if i < 0 {
		return Errorf("42703", "column %q of relation %q does not exist", act.col, a.name)
	}
	c := &a.cols[i]
	switch {
	case act.identity != nil:
		return s.identityChange(a, i, act.identity)
	case act.kind == actType:
		return s.retype(a, i, act)
	case c.Identity != 0 && (act.setDef != nil || act.dropDef):
		// An identity column's default is its sequence's, which only DROP IDENTITY removes.
		return &Error{Code: "42601", Message: "column \"" + c.Name + "\" of relation \"" + a.name + "\" is an identity column",
			Hint: "Use ALTER TABLE ... ALTER COLUMN ... DROP IDENTITY instead."}
	case act.dropExpr:
		return dropExpression(s, a, c, act.ifAnd)
	case c.Generated != "" && act.setDef != nil:
		return Errorf("42601", "column %q of relation %q is a generated column", c.Name, a.name)
	case c.Identity != 0 && act.dropNotNull:
		return Errorf("42601", "column %q of relation %q is an identity column", c.Name, a.name)
	case act.setDef != nil:
		e, err := parsePGExpr(*act.setDef)
		if err != nil {
			return err
		}
		if err := s.checkDefault(e, c); err != nil {
			return err
		}
		c.Default = storedExpr(e)
	case act.dropDef:
		c.Default = ""
	case act.setNotNull:
		if !c.NotNull {
			a.notNull = append(a.notNull, c.Name)
		}
		c.NotNull = true
	case act.dropNotNull:
		if slices.Contains(a.pk, i) {
			return Errorf("42P16", "column %q is in a primary key", c.Name)
		}
		c.NotNull = false
	}
	return nil
}

// retype gives column i a new type; its rows get the old value, or the USING expression's,
// assigned to it (PostgreSQL's assignment cast).
func (s *Session) retype(a *alteration, i int, act colAction) error {
	old := a.cols[i]
	if f := a.fill[i]; f != nil && f.retype {
		return Errorf("0A000", "cannot alter type of column %q twice", old.Name)
	}
	if a.sources[i] < 0 {
		return Errorf("42703", "column %q of relation %q does not exist", old.Name, a.name) // added by this statement
	}
	c, err := columnType(act.typ.Type)
	if err != nil {
		return err
	}
	if c, err = arrayColumnOption(c, act.typ.Type.Options); err != nil {
		return err
	}
	if o := act.typ.Type.Options; o != nil && o.Collate != "" {
		return unsupported("COLLATE in ALTER COLUMN ... TYPE")
	}
	if slices.Contains(a.pk, i) {
		if err := keyColumn(c); err != nil {
			return err
		}
	}
	if err := s.retypeConstraints(a, i); err != nil {
		return err
	}
	c.Name, c.NotNull, c.Default, c.Hidden, c.Identity = old.Name, old.NotNull, old.Default, old.Hidden, old.Identity
	if c.Identity != 0 && c.Type != old.Type {
		if err := s.retypeIdentity(a, c); err != nil {
			return err
		}
	}
	sc := tableScope(a.old, a.name, &params{sess: s})
	f := &fillSpec{retype: true, using: act.using != ""}
	if f.using {
		e, err := parsePGExpr(act.using)
		if err != nil {
			return err
		}
		if err := rowExprOnly(e, "transform expression", "transform expressions"); err != nil {
			return err
		}
		if f.x, err = compile(e, sc); err != nil {
			return err
		}
		if err := assignable(f.x.typ, f.x.unknown, &c); err != nil {
			return &Error{Code: "42804", Message: "result of USING clause for column \"" + c.Name +
				"\" cannot be cast automatically to type " + c.TypeName(), Hint: "You might need to add an explicit cast."}
		}
	} else {
		if f.x, err = compile(sqlparser.NewColName(a.old.Columns[a.sources[i]].Name), sc); err != nil {
			return err
		}
		if err := assignable(f.x.typ, false, &c); err != nil {
			return &Error{Code: "42804", Message: "column \"" + c.Name + "\" cannot be cast automatically to type " + c.TypeName(),
				Hint: "You might need to specify \"USING " + c.Name + "::" + c.TypeName() + "\"."}
		}
	}
	if c.Default != "" {
		if err := s.defaultFits(&c); err != nil {
			return err
		}
	}
	f.once = isConst(f.x)
	a.cols[i] = c
	a.fill[i] = f
	return nil
}

// compileFill compiles a DEFAULT for the rows an ALTER TABLE fills, in the session (now() is
// the transaction's time).
func (s *Session) compileFill(e sqlparser.Expr) (*expr, error) {
	if err := rowExprOnly(e, "DEFAULT expression", "DEFAULT expressions"); err != nil {
		return nil, err
	}
	if f, ok := e.(*sqlparser.FuncExpr); ok && strings.EqualFold(f.Name.String(), "nextval") {
		return s.compileDefault(e)
	}
	return compile(e, &scope{params: &params{sess: s}})
}

// rowExprOnly refuses in a DEFAULT or USING expression what PostgreSQL refuses there: it is
// computed from one row, with the table's gate closed (a subquery reading the table would
// wait for the gate).
func rowExprOnly(e sqlparser.Expr, what, whats string) error {
	var bad error
	_ = sqlparser.Walk(func(n sqlparser.SQLNode) (bool, error) {
		switch n.(type) {
		case *sqlparser.Subquery, *sqlparser.ExistsExpr:
			bad = Errorf("0A000", "cannot use subquery in %s", what)
		case sqlparser.AggrFunc:
			bad = Errorf("42803", "aggregate functions are not allowed in %s", whats)
		case *sqlparser.OverClause:
			bad = Errorf("42P20", "window functions are not allowed in %s", whats)
		}
		return bad == nil, nil
	}, e)
	return bad
}

// checkDefault refuses a DEFAULT column c cannot take: of a type without an assignment cast
// to c's (42804), or a constant that does not convert (22P02, as PostgreSQL folds it).
func (s *Session) checkDefault(e sqlparser.Expr, c *types.Column) error {
	x, err := s.compileFill(e)
	if err != nil {
		return err
	}
	if err := assignable(x.typ, x.unknown, c); err != nil {
		return &Error{Code: "42804", Message: "column \"" + c.Name + "\" is of type " + c.TypeName() +
			" but default expression is of type " + x.typ.String(), Hint: "You will need to rewrite or cast the expression."}
	}
	if isConst(x) {
		_, err = assignExpr(mustConst(x), x, c, nil)
	}
	return err
}

// defaultFits checks that column c's DEFAULT can be assigned to its (new) type.
func (s *Session) defaultFits(c *types.Column) error {
	if isSerialDefault(c.Default) {
		if !c.Type.IsInteger() && c.Type != types.Numeric && !c.Type.IsFloat() {
			return Errorf("42804", "default for column %q cannot be cast automatically to type %s", c.Name, c.TypeName())
		}
		return nil
	}
	e, err := parseStoredExpr(c.Default)
	if err != nil {
		return err
	}
	x, err := s.compileDefault(e)
	if err != nil {
		return err
	}
	if assignable(x.typ, x.unknown, c) != nil {
		return Errorf("42804", "default for column %q cannot be cast automatically to type %s", c.Name, c.TypeName())
	}
	return nil
}

// retypeConstraints refuses a new type for a column a foreign key holds or references: the
// key's types must stay comparable, which drove does not check again.
func (s *Session) retypeConstraints(a *alteration, i int) error {
	name := a.cols[i].Name
	refuse := unsupported("ALTER COLUMN ... TYPE of a column in a foreign key (drop the constraint first)")
	for _, c := range a.old.Constraints {
		if c.Kind == types.ConstraintForeign && slices.Contains(c.Columns, a.sources[i]) {
			return refuse
		}
	}
	for _, child := range s.ts.ReferencedBy(a.name) {
		for _, c := range child.Constraints {
			if c.Kind == types.ConstraintForeign && c.RefTable == a.name && slices.Contains(c.RefColumns, name) {
				return refuse
			}
		}
	}
	return nil
}

// assignable reports, with PostgreSQL's error, whether a value of type from (an untyped
// literal when unknown) can be assigned to column c: assign's own test, asked of a sample
// value, as no row may be there to ask.
func assignable(from types.Type, unknown bool, c *types.Column) error {
	if unknown || from == types.Null || from == c.Type {
		return nil
	}
	_, err := assign(sampleValue(from), from, false, c)
	if isCode(err, "42804") {
		return err
	}
	return nil
}

// sampleValue is a value of type t for assignable's question: zero, or empty.
func sampleValue(t types.Type) types.Value {
	switch {
	case t.IsInteger():
		return types.NewInt(t, 0)
	case t.IsFloat():
		return types.NewFloat(t, 0)
	}
	return types.Value{T: t}
}

// checkRetypes refuses a new type a CHECK constraint no longer compiles against.
func (s *Session) checkRetypes(a *alteration, next *types.Schema) error {
	if !slices.ContainsFunc(a.fill, func(f *fillSpec) bool { return f != nil && f.retype }) {
		return nil
	}
	for _, c := range next.Constraints {
		if c.Kind == types.ConstraintCheck {
			if _, err := compileCheck(next, c.Check); err != nil {
				return err
			}
		}
	}
	return nil
}

// rewriteRows runs with the table's gate closed: it computes the values of the columns an
// ALTER TABLE fills (a DEFAULT, a new type) for every row, and checks the new rows against
// NOT NULL and CHECK. The values go into the log entry, so replicas and replays do not
// evaluate anything (a DEFAULT random() gets the same value everywhere).
func (s *Session) rewriteRows(ctx context.Context, a *alteration, next *types.Schema) (*tablespace.AlterFill, error) {
	r, err := newRowRewriter(a, next, s.location())
	if r == nil || err != nil {
		return nil, err
	}
	fill := s.ts.NewAlterFill(next)
	tx := s.ts.Begin()
	defer tx.Rollback()
	oldRow := make([]types.Value, len(a.old.Columns))
	rows := 0
	err = tx.Scan(a.name, func(key, value []byte) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := types.DecodeRow(a.old, key, value, oldRow); err != nil {
			return err
		}
		rows++
		if err := r.rewrite(oldRow); err != nil {
			return err
		}
		for _, c := range r.fks {
			if err := hasParent(ctx, a.fkCheck, next, c, key, r.newRow); err != nil {
				return err
			}
		}
		if r.filled && r.once == nil {
			return fill.Row(key, r.newRow)
		}
		return nil
	})
	switch {
	case err != nil:
		return nil, err
	case !r.filled || rows == 0:
		return nil, nil
	case r.once != nil:
		fill.All(r.once)
	}
	return fill, nil
}

// rowRewriter builds an ALTER TABLE's new rows from the old ones, and checks them.
type rowRewriter struct {
	a       *alteration
	next    *types.Schema
	loc     *time.Location
	filled  bool                // some column's values are computed
	once    []types.Value       // their values for every row, when all are constants
	notNull []int               // the columns to check for NULL
	recheck bool                // CHECK constraints, over changed values
	fks     []*types.Constraint // new foreign keys, over the new values
	newRow  []types.Value
}

// newRowRewriter is nil when the ALTER needs no look at the rows.
func newRowRewriter(a *alteration, next *types.Schema, loc *time.Location) (*rowRewriter, error) {
	r := &rowRewriter{a: a, next: next, loc: loc, newRow: make([]types.Value, len(next.Columns))}
	perRow := false
	for _, f := range a.fill {
		if f != nil {
			r.filled = true
			perRow = perRow || !f.once
		}
	}
	for _, n := range a.notNull {
		if i := next.ColumnIndex(n); i >= 0 {
			r.notNull = append(r.notNull, i)
		}
	}
	isCheck := func(c types.Constraint) bool { return c.Kind == types.ConstraintCheck }
	added := next.Constraints[len(next.Constraints)-a.newCons:]
	newCheck := slices.ContainsFunc(added, isCheck)
	if !r.filled && len(r.notNull) == 0 && !newCheck {
		return nil, nil // no new values, and what new foreign keys read is NULL
	}
	r.recheck = (r.filled || newCheck) && slices.ContainsFunc(next.Constraints, isCheck)
	if r.filled {
		for i := range added {
			if added[i].Kind == types.ConstraintForeign {
				r.fks = append(r.fks, &added[i])
			}
		}
	}
	for i, f := range a.fill {
		if f != nil && f.gen {
			x, err := compileGenerated(next, i)
			if err != nil {
				return nil, err
			}
			f.x = x
		}
	}
	if r.filled && !perRow {
		var err error
		if r.once, err = a.fillRow(nil, make([]types.Value, len(next.Columns)), next, loc); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// rewrite builds r.newRow from the old row and checks it.
func (r *rowRewriter) rewrite(old []types.Value) error {
	for i, src := range r.a.sources {
		r.newRow[i] = types.NullValue
		if src >= 0 {
			r.newRow[i] = old[src]
		}
	}
	if r.once != nil {
		for i, f := range r.a.fill {
			if f != nil {
				r.newRow[i] = r.once[i]
			}
		}
	} else if _, err := r.a.fillRow(old, r.newRow, r.next, r.loc); err != nil {
		return err
	}
	for _, i := range r.notNull {
		if r.newRow[i].IsNull() {
			return Errorf("23502", "column %q of relation %q contains null values", r.next.Columns[i].Name, r.a.name).onTable(r.a.name, r.next.Columns[i].Name, "")
		}
	}
	if !r.recheck {
		return nil
	}
	err := checkRow(r.next, r.newRow)
	var e *Error
	if errors.As(err, &e) && e.Code == "23514" {
		return Errorf("23514", "check constraint %q of relation %q is violated by some row", checkName(e.Message), r.a.name).onTable(r.a.name, "", checkName(e.Message))
	}
	return err
}

// fillRow computes into newRow the filled columns of the row old (nil: for a constant fill)
// and returns newRow. A timestamp becomes a timestamptz in the session's zone loc.
func (a *alteration) fillRow(old, newRow []types.Value, next *types.Schema, loc *time.Location) ([]types.Value, error) {
	for _, gen := range []bool{false, true} { // generated columns read the others' new values
		for i, f := range a.fill {
			if f == nil || f.gen != gen {
				continue
			}
			in := old
			if gen {
				in = newRow
			}
			v, err := f.x.eval(in)
			if err != nil {
				return nil, err
			}
			if newRow[i], err = assignIn(v, f.x.typ, f.x.unknown, &next.Columns[i], loc, f.x.dateOrder()); err != nil {
				return nil, err
			}
		}
	}
	return newRow, nil
}

// checkName takes the constraint's name out of checkRow's message.
func checkName(msg string) string {
	const mark = "check constraint \""
	_, rest, _ := strings.Cut(msg, mark)
	name, _, _ := strings.Cut(rest, "\"")
	return name
}

// indexBuildError is PostgreSQL's error for a unique index an ALTER TABLE's new values
// collide in.
func (s *Session) indexBuildError(next *types.Schema, ae *tablespace.AlterError) error {
	for _, c := range next.Constraints {
		if c.Kind == types.ConstraintUnique && c.Index == ae.Index {
			return s.uniqueBuildError(ae, next, c)
		}
	}
	ix := next.IndexNamed(ae.Index)
	if ix == nil {
		return ae
	}
	names := make([]string, len(ix.Columns))
	vals := make([]types.Value, len(ix.Columns))
	for i, col := range ix.Columns {
		names[i], vals[i] = next.Columns[col].Name, ae.Row[col]
	}
	return &Error{Code: "23505", Message: "could not create unique index \"" + ix.Name + "\"",
		Detail: "Key " + keyDetail(names, vals) + " is duplicated."}
}
