package sql

import (
	"context"
	"slices"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// A WITH clause whose queries INSERT, UPDATE or DELETE (or that precedes an INSERT, UPDATE or
// DELETE) is read by sql/parser like any statement (statement_tree.go) and split here, over
// its tree, into statements of their own: each data-modifying WITH query, each WITH query
// such a statement reads, then the main statement. They run in that order, each once and to
// completion, whether or not anything reads it, as PostgreSQL runs them; a WITH query's
// RETURNING rows (or a SELECT's rows) are kept and read by later parts as a work table. All
// parts are one compound statement of the transaction (tablespace.Txn.BeginCompoundStatement):
// they read the transaction as the statement found it, none sees another's writes, and the
// checks left for the statement's end (a foreign key's NO ACTION) run once all have run.

// modifyingWith is a data-modifying WITH split into its parts.
type modifyingWith struct {
	parts []withPart
	main  ast.Stmt // the main statement without the WITH queries run as parts
}

// withPart is one WITH query run (or only bound) before the main statement.
type withPart struct {
	name string
	cols []string // the column list after the name (a data-modifying one's; a SELECT's keeps its own)
	stmt ast.Stmt // the INSERT/UPDATE/DELETE, or WITH ..., name AS (query) SELECT * FROM name
	dml  bool
	// unread: a data-modifying query nothing after it mentions, which runs after the main
	// statement, as PostgreSQL runs such a WITH query once the main query is done
	unread bool
	// bindOnly: a SELECT query a writing main statement does not read, bound for its errors
	// (as PostgreSQL analyzes every WITH query) but not run
	bindOnly bool
}

// holdsModifyingWith reports whether a statement sql/parser read is one bindModifyingWith
// binds: a writing statement with a WITH, or any statement with a data-modifying WITH query
// at any depth (below the top level, for its error).
func holdsModifyingWith(n ast.Stmt) bool {
	w, _ := splitWith(n)
	_, query := n.(*ast.Select)
	return w != nil && !query || modifyingCTEIn(n)
}

// splitWith returns a statement's WITH clause (nil for none, or a node that is no
// statement) and a shallow copy of the statement without it.
func splitWith(n ast.Node) (*ast.With, ast.Stmt) {
	switch n := n.(type) {
	case *ast.Select:
		c := *n
		c.With = nil
		return n.With, &c
	case *ast.Insert:
		c := *n
		c.With = nil
		return n.With, &c
	case *ast.Update:
		c := *n
		c.With = nil
		return n.With, &c
	case *ast.Delete:
		c := *n
		c.With = nil
		return n.With, &c
	}
	return nil, nil
}

// splitModifyingWith splits a statement's WITH into the parts run before its main statement.
func splitModifyingWith(n ast.Stmt) (*modifyingWith, error) {
	w, body := splitWith(n)
	if modifyingCTEIn(body) || w != nil && slices.ContainsFunc(w.CTEs, func(c ast.CTE) bool { return modifyingCTEIn(cteBody(c)) }) {
		return nil, notTopLevel()
	}
	if w == nil {
		return &modifyingWith{main: n}, nil
	}
	seen := make(map[string]bool, len(w.CTEs))
	for _, c := range w.CTEs {
		if seen[c.Name] {
			return nil, Errorf("42712", "WITH query name %q specified more than once", c.Name)
		}
		seen[c.Name] = true
	}
	_, mainQuery := n.(*ast.Select)
	// A SELECT query is run on its own when a writing part reads it (a writing statement takes
	// no WITH here); otherwise it stays in the main query's WITH, bound where it is read.
	run := make([]bool, len(w.CTEs))
	for i := len(w.CTEs) - 1; i >= 0; i-- {
		c := w.CTEs[i]
		run[i] = c.Stmt != nil || !mainQuery && reads(body, c.Name)
		for j := i + 1; !run[i] && j < len(w.CTEs); j++ {
			run[i] = run[j] && reads(cteBody(w.CTEs[j]), c.Name)
		}
	}
	mw := &modifyingWith{}
	var left []ast.CTE // the SELECT queries not run, in order
	for i, c := range w.CTEs {
		if !run[i] {
			left = append(left, c)
			if mainQuery {
				continue
			}
		}
		part := withPart{name: c.Name, stmt: c.Stmt, dml: c.Stmt != nil, bindOnly: !run[i]}
		if part.dml {
			part.cols = c.Columns
			part.unread = !slices.ContainsFunc(w.CTEs[i+1:], func(c ast.CTE) bool { return reads(cteBody(c), part.name) }) &&
				!reads(body, part.name)
		} else {
			// WITH [RECURSIVE] <the earlier queries not run>, c SELECT * FROM c
			with := &ast.With{Recursive: w.Recursive, CTEs: slices.Clone(left)}
			if run[i] {
				with.CTEs = append(with.CTEs, c)
			}
			part.stmt = &ast.Select{With: with,
				Targets: []ast.Target{{Expr: &ast.ColumnRef{Star: true}}},
				From:    []ast.FromItem{&ast.Table{Name: c.Name}}}
		}
		mw.parts = append(mw.parts, part)
	}
	mw.main = body
	if sel, ok := body.(*ast.Select); ok && len(left) > 0 {
		sel.With = &ast.With{Recursive: w.Recursive, CTEs: left}
	}
	return mw, nil
}

// cteBody is a WITH query's statement.
func cteBody(c ast.CTE) ast.Node {
	if c.Stmt != nil {
		return c.Stmt
	}
	return c.Query
}

// reads reports whether a table reference in n (a FROM item or a writing statement's
// target) is the unqualified name, which may be a WITH query's.
func reads(n ast.Node, name string) bool {
	found := false
	ast.Walk(n, func(n ast.Node) bool {
		t, ok := n.(*ast.Table)
		found = found || ok && t.Schema == "" && t.Name == name
		return !found
	})
	return found
}

// modifyingCTEIn reports whether a data-modifying WITH query stands anywhere in n.
func modifyingCTEIn(n ast.Node) bool {
	found := false
	ast.Walk(n, func(n ast.Node) bool {
		w, _ := splitWith(n)
		found = found || w != nil && slices.ContainsFunc(w.CTEs, func(c ast.CTE) bool { return c.Stmt != nil })
		return !found
	})
	return found
}

// bindModifyingWith binds a statement holding a data-modifying WITH: the plan that runs its
// parts and its main statement as one compound statement, whose command tag is sent once
// the checks left for its end have passed.
func (s *Session) bindModifyingWith(n ast.Stmt, ps *params) (*plan, error) {
	p, err := s.bindWithParts(n, ps)
	if err != nil {
		return nil, err
	}
	run := p.run
	p.run = func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		tx.BeginCompoundStatement()
		held := &completeAfterCommit{Output: out}
		err := run(ctx, tx, held)
		if endErr := tx.EndCompoundStatement(); err == nil {
			err = endErr
		}
		if err != nil {
			return err
		}
		return held.release()
	}
	return p, nil
}

// bindWithParts binds the parts in order, each WITH query's result a work table the later
// parts read, and returns the plan that runs them all (inside the compound statement of
// bindModifyingWith: a data-modifying WITH query with a WITH of its own is bound here too).
func (s *Session) bindWithParts(n ast.Stmt, ps *params) (*plan, error) {
	mw, err := splitModifyingWith(n)
	if err != nil {
		return nil, err
	}
	saved := s.ctes
	s.ctes = slices.Clip(saved)
	defer func() { s.ctes = saved }()
	plans := make([]*plan, len(mw.parts))
	tables := make([]*workTable, len(mw.parts))
	var deps []dep
	for i, part := range mw.parts {
		p, err := s.bindPart(part.stmt, ps)
		if err != nil {
			return nil, err
		}
		plans[i], tables[i] = p, &workTable{cols: p.cols}
		deps = append(deps, p.deps...)
		s.ctes = append(s.ctes, cteDef{name: part.name, cols: part.cols, work: tables[i],
			noReturning: part.dml && !returns(part.stmt)})
	}
	main, err := s.bindPart(mw.main, ps)
	if err != nil {
		return nil, err
	}
	deps = append(deps, main.deps...)
	return &plan{deps: deps, cols: main.cols, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		defer func() {
			for _, wt := range tables {
				wt.rows = nil
			}
		}()
		runParts := func(unread bool) error {
			for i, p := range plans {
				if part := mw.parts[i]; part.unread != unread || part.bindOnly {
					continue
				}
				keep := &keptRows{ec: ps.ec}
				if err := p.run(ctx, tx, keep); err != nil {
					return err
				}
				tables[i].rows = keep.rows
			}
			return nil
		}
		err := runParts(false)
		if err == nil {
			err = main.run(ctx, tx, out)
		}
		if err == nil {
			err = runParts(true)
		}
		return err
	}}, nil
}

// bindPart binds one statement of a data-modifying WITH.
func (s *Session) bindPart(n ast.Stmt, ps *params) (*plan, error) {
	if sel, ok := n.(*ast.Select); ok {
		return s.bindSelect(sel, ps)
	}
	if w, _ := splitWith(n); w != nil {
		return s.bindWithParts(n, ps)
	}
	return s.bindWriteTree(n, ps) // dml_tree.go
}

// returns reports whether a writing statement has a RETURNING list.
func returns(n ast.Stmt) bool {
	switch n := n.(type) {
	case *ast.Insert:
		return len(n.Returning) > 0
	case *ast.Update:
		return len(n.Returning) > 0
	case *ast.Delete:
		return len(n.Returning) > 0
	}
	return true
}

// keptRows is an Output keeping a WITH query's rows, counted against the query's memory.
type keptRows struct {
	ec   *execCtx
	rows [][]types.Value
}

func (k *keptRows) Columns([]Column) error { return nil }
func (k *keptRows) Complete(string) error  { return nil }
func (k *keptRows) Row(row []types.Value) error {
	r := slices.Clone(row)
	if err := k.ec.mem.grow(rowBytes(r)); err != nil {
		return err
	}
	k.rows = append(k.rows, r)
	return nil
}

// modifyingWithWords reports whether a statement's words so far are a WITH with an INSERT,
// UPDATE or DELETE, whose RETURNING the dialect pass leaves to sql/parser: the statement's
// own, or the query of CREATE TABLE AS or CREATE [MATERIALIZED] VIEW when it starts with the
// WITH (CREATE TABLE AS runs it, ctas.go; a view refuses it after analysis, view_stmt.go).
func modifyingWithWords(words []string) bool {
	if len(words) > 0 && words[0] == "create" {
		as := slices.Index(words, "as")
		if as < 0 {
			return false
		}
		words = words[as+1:]
	}
	return len(words) > 0 && words[0] == "with" &&
		slices.ContainsFunc(words, func(w string) bool { return w == "insert" || w == "update" || w == "delete" })
}

func notTopLevel() error {
	return Errorf("0A000", "WITH clause containing a data-modifying statement must be at the top level")
}

// refuseReturning refuses a RETURNING the dialect pass finds outside an INSERT, UPDATE or
// DELETE: a data-modifying WITH query below the top level is PostgreSQL's 0A000, anything
// else a syntax error.
func refuseReturning(r *rewriter, w string) error {
	if slices.Contains(r.words, "with") && slices.ContainsFunc(r.words, func(w string) bool { return w == "insert" || w == "update" || w == "delete" }) {
		return notTopLevel()
	}
	return refuseWord(r, w)
}
