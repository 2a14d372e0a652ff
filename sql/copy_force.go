package sql

import (
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// COPY's CSV FORCE options and COPY FROM's WHERE, as PostgreSQL 15 has them:
// FORCE_QUOTE (cols) | * quotes those columns' non-NULL values on output, FORCE_NOT_NULL
// (cols) never reads them as NULL, FORCE_NULL (cols) reads a quoted value matching the NULL
// string as NULL too (copydata.Options carries them by field). Misuse is PostgreSQL's
// error: outside CSV or in the wrong direction 0A000, a column the COPY does not name
// 42P10. WHERE cond filters the rows COPY FROM reads, evaluated over each row with its
// defaults and before its generated columns, which it may not read.

// copyForce is one FORCE option: its columns, or all (FORCE_QUOTE *).
type copyForce struct {
	cols []string
	all  bool
	set  bool
}

// forceOption reads a FORCE option's value: * (FORCE_QUOTE only) or a column list, in
// parentheses in the modern syntax.
func (p *copyParser) forceOption(f *copyForce, star, modern bool) error {
	f.set = true
	if t := p.peek(); star && t.Value == "*" && (t.Kind == lexer.Punct || t.Kind == lexer.Op) {
		p.i++
		f.all = true
		return nil
	}
	if modern && !p.punct('(') {
		return p.errNear()
	}
	for {
		c, err := p.ident()
		if err != nil {
			return err
		}
		f.cols = append(f.cols, c)
		if !p.punct(',') {
			break
		}
	}
	if modern && !p.punct(')') {
		return p.errNear()
	}
	return nil
}

// legacyForce reads the pre-9.0 FORCE QUOTE | FORCE NOT NULL | FORCE NULL after FORCE,
// returning the option's modern name.
func (p *copyParser) legacyForce() (string, error) {
	switch {
	case p.accept("quote"):
		return "force_quote", nil
	case p.accept("not"):
		if !p.accept("null") {
			return "", p.errNear()
		}
		return "force_not_null", nil
	case p.accept("null"):
		return "force_null", nil
	}
	return "", p.errNear()
}

// checkForce refuses the FORCE options PostgreSQL refuses for the COPY's format and
// direction.
func (st *copyStmt) checkForce() error {
	for _, f := range []struct {
		opt      *copyForce
		what     string
		fromOnly bool
	}{{&st.forceQuote, "force quote", false}, {&st.forceNotNull, "force not null", true}, {&st.forceNull, "force null", true}} {
		switch {
		case !f.opt.set:
		case !st.opts.CSV:
			return Errorf("0A000", "COPY %s available only in CSV mode", f.what)
		case f.fromOnly && !st.from:
			return Errorf("0A000", "COPY %s only available using COPY FROM", f.what)
		case !f.fromOnly && st.from:
			return Errorf("0A000", "COPY %s only available using COPY TO", f.what)
		}
	}
	if st.where != "" && !st.from {
		return Errorf("42601", "WHERE clause not allowed with COPY TO")
	}
	return nil
}

// forceFlags marks, by position in names (the COPY's columns), the columns f lists; opt
// names the option in errors, schema (nil for a query) the table.
func forceFlags(f *copyForce, opt string, names []string, schema *types.Schema, table string) ([]bool, error) {
	if !f.set {
		return nil, nil
	}
	flags := make([]bool, len(names))
	for _, c := range f.cols {
		i := slices.Index(names, c)
		if i < 0 {
			if schema != nil && schema.ColumnIndex(c) < 0 {
				return nil, Errorf("42703", "column %q of relation %q does not exist", c, table)
			}
			return nil, Errorf("42P10", "%s column %q not referenced by COPY", opt, c)
		}
		flags[i] = true
	}
	if f.all {
		for i := range flags {
			flags[i] = true
		}
	}
	return flags, nil
}

// whereClause keeps COPY FROM's WHERE condition, the rest of the statement's text.
func (p *copyParser) whereClause(st *copyStmt) {
	if !p.word("where") {
		return
	}
	p.i++
	from := len(p.sql)
	if t := p.peek(); t.Kind != lexer.EOF {
		from = t.Pos
	}
	st.where = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.sql[from:]), ";"))
	p.i = len(p.toks)
}

// copyFilter compiles COPY FROM's WHERE over the table's row: nil without one.
func (s *Session) copyFilter(st *copyStmt, schema *types.Schema, table string) (*expr, error) {
	if st.where == "" {
		return nil, nil
	}
	e, err := parsePGExpr(st.where)
	if err != nil {
		return nil, err
	}
	if err := rowExprOnly(e, "COPY FROM WHERE condition", "COPY FROM WHERE conditions"); err != nil {
		return nil, err
	}
	names, _ := checkColumns(e)
	for _, n := range names {
		if i := schema.ColumnIndex(n); i >= 0 && schema.Columns[i].Generated != "" {
			return nil, &Error{Code: "42P10", Message: "generated columns are not supported in COPY FROM WHERE conditions",
				Detail: "Column \"" + n + "\" is a generated column."}
		}
	}
	x, err := compile(e, tableScope(schema, table, &params{sess: s}))
	if err != nil {
		return nil, err
	}
	if x.typ != types.Bool && !x.unknown && x.typ != types.Null {
		return nil, Errorf("42804", "argument of WHERE must be type boolean, not type %s", x.typ)
	}
	return x, nil
}

// checkCopyOptions checks COPY table's FORCE columns and WHERE condition against the table
// before any data moves, as PostgreSQL does when it begins the COPY.
func (s *Session) checkCopyOptions(st *copyStmt) error {
	if st.query != "" || !st.forceQuote.set && !st.forceNotNull.set && !st.forceNull.set && st.where == "" {
		return nil
	}
	name, err := s.copyTable(st.table, st.from)
	if err != nil {
		return err
	}
	schema, ok := s.ts.Schema(name)
	if !ok {
		return nil // a view or system table: refused as before
	}
	shown := st.table[strings.LastIndexByte(st.table, '.')+1:]
	targets, err := copyColumns(schema, shown, st.cols)
	if err != nil {
		return err
	}
	names := make([]string, len(targets))
	for i, t := range targets {
		names[i] = schema.Columns[t].Name
	}
	for _, f := range []struct {
		opt  *copyForce
		name string
	}{{&st.forceQuote, "FORCE_QUOTE"}, {&st.forceNotNull, "FORCE_NOT_NULL"}, {&st.forceNull, "FORCE_NULL"}} {
		if _, err := forceFlags(f.opt, f.name, names, schema, shown); err != nil {
			return err
		}
	}
	_, err = s.copyFilter(st, schema, name)
	return err
}

// force is the FORCE option named name (force_quote, force_not_null, force_null).
func (st *copyStmt) force(name string) *copyForce {
	switch name {
	case "force_quote":
		return &st.forceQuote
	case "force_not_null":
		return &st.forceNotNull
	}
	return &st.forceNull
}

// copyFromOptions sets COPY FROM's FORCE flags for its columns (targets) and compiles its
// WHERE condition (nil without one).
func (s *Session) copyFromOptions(st *copyStmt, schema *types.Schema, name, shown string, targets []int) (*expr, error) {
	names := make([]string, len(targets))
	for i, t := range targets {
		names[i] = schema.Columns[t].Name
	}
	var err error
	if st.opts.ForceNotNull, err = forceFlags(&st.forceNotNull, "FORCE_NOT_NULL", names, schema, shown); err != nil {
		return nil, err
	}
	if st.opts.ForceNull, err = forceFlags(&st.forceNull, "FORCE_NULL", names, schema, shown); err != nil {
		return nil, err
	}
	return s.copyFilter(st, schema, name)
}

// keepRow reports whether COPY FROM's WHERE (nil: none) holds for row.
func keepRow(filter *expr, row []types.Value) (bool, error) {
	return qualPasses(filter, row)
}
