package sql

import (
	"context"
	"slices"
	"strings"

	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// A WITH clause whose queries INSERT, UPDATE or DELETE (or that precedes an INSERT, UPDATE or
// DELETE) is parsed from sql/lexer's tokens into statements of their own (vitess takes a WITH
// query only as a SELECT): each data-modifying WITH query, each WITH query such a statement
// reads, then the main statement. They run in that order, each once and to completion,
// whether or not anything reads it, as PostgreSQL runs them; a WITH query's RETURNING rows
// (or a SELECT's rows) are kept and read by later parts as a work table. All parts are one
// compound statement of the transaction (tablespace.Txn.BeginCompoundStatement): they read
// the transaction as the statement found it, none sees another's writes, and the checks
// left for the statement's end (a foreign key's NO ACTION) run once all have run.
//
// Each part's text is the original text with everything else blanked out, so its errors
// fall at their place in the statement.

// modifyingWith is a parsed data-modifying WITH.
type modifyingWith struct {
	parts []withPart
	main  *Statement
	into  *ctasStmt // the statement is SELECT ... INTO: main is its query
}

// withPart is one WITH query run before the main statement.
type withPart struct {
	name string
	cols []string   // the column list after the name (a data-modifying one's; a SELECT's text keeps its own)
	st   *Statement // the INSERT/UPDATE/DELETE, or WITH ..., name AS (query) SELECT * FROM name
	dml  bool
	// unread: a data-modifying query nothing after it mentions, which runs after the main
	// statement, as PostgreSQL runs such a WITH query once the main query is done
	unread bool
}

// withQuery is one WITH query's place in the tokens.
type withQuery struct {
	name        string
	cols        []string
	start, end  int // tokens: its name, and one past its closing parenthesis
	open, close int // tokens: its query's parentheses
	dml         bool
}

// withClause is the token structure of WITH [RECURSIVE] q [, ...] main.
type withClause struct {
	recursive bool
	queries   []withQuery
	commas    []int // commas[i]: the token between queries i and i+1
	main      int   // the main statement's first token
}

// dmlWord reports whether t starts an INSERT, UPDATE or DELETE.
func dmlWord(t lexer.Token) bool { return t.Is("insert") || t.Is("update") || t.Is("delete") }

// isModifyingWith reports whether p is a WITH whose queries or main statement write.
func isModifyingWith(p piece) bool {
	if !modifyingWithWords(p.words) {
		return false
	}
	toks, err := lexSQL(p.orig)
	if err != nil {
		return false
	}
	if nestedModifying(toks) >= 0 {
		return true // for its error
	}
	w, ok := readWithClause(toks)
	if !ok {
		return false
	}
	return dmlWord(toks[w.main]) || slices.ContainsFunc(w.queries, func(q withQuery) bool { return q.dml })
}

// readWithClause reads the WITH clause's structure; ok is false where it is not one this
// file parses (the normal path then reports what is wrong with it).
func readWithClause(toks []lexer.Token) (withClause, bool) {
	var w withClause
	i := 1
	if i < len(toks) && toks[i].Is("recursive") {
		w.recursive = true
		i++
	}
	for {
		if i >= len(toks) || toks[i].Kind != lexer.Ident && toks[i].Kind != lexer.QuotedIdent {
			return w, false
		}
		q := withQuery{name: toks[i].Value, start: i}
		i++
		if i < len(toks) && toks[i].IsPunct("(") {
			for i++; i < len(toks) && (toks[i].Kind == lexer.Ident || toks[i].Kind == lexer.QuotedIdent); i++ {
				q.cols = append(q.cols, toks[i].Value)
				if i+1 < len(toks) && toks[i+1].IsPunct(",") {
					i++
				}
			}
			if i >= len(toks) || !toks[i].IsPunct(")") {
				return w, false
			}
			i++
		}
		if i >= len(toks) || !toks[i].Is("as") {
			return w, false
		}
		i++
		if i < len(toks) && toks[i].Is("not") {
			i++
		}
		if i < len(toks) && toks[i].Is("materialized") {
			i++
		}
		if i >= len(toks) || !toks[i].IsPunct("(") {
			return w, false
		}
		q.open = i
		depth := 0
		for ; i < len(toks); i++ {
			if toks[i].IsPunct("(") || toks[i].IsPunct("[") {
				depth++
			} else if toks[i].IsPunct(")") || toks[i].IsPunct("]") {
				if depth--; depth == 0 {
					break
				}
			}
		}
		if i >= len(toks) || q.open+1 >= i {
			return w, false
		}
		q.close, q.end = i, i+1
		q.dml = dmlWord(toks[q.open+1])
		w.queries = append(w.queries, q)
		i++
		if i < len(toks) && toks[i].IsPunct(",") {
			w.commas = append(w.commas, i)
			i++
			continue
		}
		if i >= len(toks) {
			return w, false
		}
		w.main = i
		return w, true
	}
}

// parseModifyingWith splits a data-modifying WITH into its parts.
func parseModifyingWith(text string) (*modifyingWith, error) {
	toks, err := lexSQL(text)
	if err != nil {
		return nil, err
	}
	if i := nestedModifying(toks); i >= 0 {
		return nil, errorAt(notTopLevel(), toks[i].Pos)
	}
	w, ok := readWithClause(toks)
	if !ok {
		return nil, tokenSyntaxError(text, toks, 1)
	}
	seen := make(map[string]bool)
	for _, q := range w.queries {
		if seen[q.name] {
			return nil, errorAt(Errorf("42712", "WITH query name %q specified more than once", q.name), toks[q.start].Pos)
		}
		seen[q.name] = true
	}
	mainDML := dmlWord(toks[w.main])
	// A SELECT query is run on its own when a writing part reads it (a writing statement takes
	// no WITH); otherwise it stays in the main query's WITH, bound where it is read.
	run := make([]bool, len(w.queries))
	for i := len(w.queries) - 1; i >= 0; i-- {
		q := w.queries[i]
		if q.dml {
			run[i] = true
			continue
		}
		if mainDML && mentions(toks[w.main:], q.name) {
			run[i] = true
			continue
		}
		for j := i + 1; j < len(w.queries); j++ {
			if run[j] && mentions(toks[w.queries[j].open:w.queries[j].close], q.name) {
				run[i] = true
				break
			}
		}
	}
	mw := &modifyingWith{}
	for i, q := range w.queries {
		if !run[i] {
			continue
		}
		part := withPart{name: q.name, dml: q.dml}
		var sub string
		if q.dml {
			part.cols = q.cols
			part.unread = !mentions(toks[q.end:], q.name)
			sub = blankOutside(text, toks[q.open].End, toks[q.close].Pos)
		} else {
			// WITH [RECURSIVE] <the earlier queries not run>, q SELECT * FROM q
			keep := func(j int) bool { return j == i || j < i && !run[j] }
			sub = w.text(text, toks, keep, false) + " SELECT * FROM " + quoteIdent(q.name)
		}
		if part.st, err = parseSub(sub); err != nil {
			return nil, err
		}
		if q.dml && part.st.ast == nil {
			return nil, tokenSyntaxError(text, toks, q.open+1)
		}
		mw.parts = append(mw.parts, part)
	}
	main := w.text(text, toks, func(j int) bool { return !run[j] }, true)
	if mw.main, err = parseSub(main); err != nil {
		return nil, err
	}
	if ctas := mw.main.ctas; ctas != nil && ctas.into {
		// SELECT ... INTO t: its query, without INTO, is the main statement, and the
		// statement is the SELECT INTO that runs it (into)
		if mw.main, err = parseSub(ctas.query); err != nil {
			return nil, err
		}
		ctas.with, mw.into = mw, ctas
		return mw, nil
	}
	if mw.main.ast == nil || mw.main.ctas != nil {
		return nil, unsupported("this statement after a data-modifying WITH")
	}
	return mw, nil
}

// mentions reports whether an identifier among toks is name.
func mentions(toks []lexer.Token, name string) bool {
	return slices.ContainsFunc(toks, func(t lexer.Token) bool {
		return (t.Kind == lexer.Ident || t.Kind == lexer.QuotedIdent) && t.Value == name
	})
}

// text is the statement with only the WITH queries keep keeps, and the main statement if
// withMain: the others, the commas no longer between two kept ones and, when none is kept,
// WITH itself are blanked.
func (w withClause) text(text string, toks []lexer.Token, keep func(int) bool, withMain bool) string {
	b := []byte(text)
	blank := func(from, to int) {
		for k := from; k < to; k++ {
			if b[k] != '\n' {
				b[k] = ' '
			}
		}
	}
	kept := 0
	for j, q := range w.queries {
		if !keep(j) {
			blank(toks[q.start].Pos, toks[q.end-1].End)
			continue
		}
		kept++
	}
	for j, c := range w.commas {
		before, after := false, false
		for k := range w.queries {
			if keep(k) {
				before, after = before || k <= j, after || k > j
			}
		}
		if !before || !after {
			blank(toks[c].Pos, toks[c].End)
		}
	}
	if kept == 0 {
		blank(toks[0].Pos, toks[w.queries[0].start].Pos)
	}
	if !withMain {
		blank(toks[w.main].Pos, len(text))
	}
	return string(b)
}

// blankOutside is text with everything outside [from, to) blanked.
func blankOutside(text string, from, to int) string {
	b := []byte(text)
	for k := range b {
		if (k < from || k >= to) && b[k] != '\n' {
			b[k] = ' '
		}
	}
	return string(b)
}

// quoteIdent is name as a quoted identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// parseSub parses one statement of a data-modifying WITH.
func parseSub(text string) (*Statement, error) {
	pieces, err := splitAndRewrite(text)
	if err != nil {
		return nil, err
	}
	if len(pieces) != 1 {
		return nil, Errorf("42601", "syntax error")
	}
	return parse(pieces[0])
}

// bindModifyingWith binds the parts in order, each WITH query's result a work table the later
// parts read, and returns the plan that runs them all.
func (s *Session) bindModifyingWith(mw *modifyingWith, ps *params) (*plan, error) {
	saved := s.ctes
	s.ctes = slices.Clip(saved)
	defer func() { s.ctes = saved }()
	plans := make([]*plan, len(mw.parts))
	tables := make([]*workTable, len(mw.parts))
	var deps []dep
	for i, part := range mw.parts {
		p, err := s.bindStatement(part.st, ps)
		if err != nil {
			return nil, err
		}
		plans[i], tables[i] = p, &workTable{cols: p.cols}
		deps = append(deps, p.deps...)
		s.ctes = append(s.ctes, cteDef{name: part.name, cols: part.cols, work: tables[i],
			noReturning: part.dml && part.st.returning == nil})
	}
	main, err := s.bindStatement(mw.main, ps)
	if err != nil {
		return nil, err
	}
	deps = append(deps, main.deps...)
	return &plan{deps: deps, cols: main.cols, run: func(ctx context.Context, tx *tablespace.Txn, out Output) error {
		tx.BeginCompoundStatement()
		defer func() {
			for _, wt := range tables {
				wt.rows = nil
			}
		}()
		runParts := func(unread bool) error {
			for i, p := range plans {
				if mw.parts[i].unread != unread {
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
		held := &completeAfterCommit{Output: out}
		err := runParts(false)
		if err == nil {
			err = main.run(ctx, tx, held)
		}
		if err == nil {
			err = runParts(true)
		}
		if endErr := tx.EndCompoundStatement(); err == nil {
			err = endErr
		}
		if err != nil {
			return err
		}
		return held.release()
	}}, nil
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
// UPDATE or DELETE, whose RETURNING the dialect pass leaves to parseModifyingWith.
func modifyingWithWords(words []string) bool {
	return len(words) > 0 && words[0] == "with" &&
		slices.ContainsFunc(words, func(w string) bool { return w == "insert" || w == "update" || w == "delete" })
}

// nestedModifying returns the index of an INSERT, UPDATE or DELETE that is a WITH query below
// the top level (in parentheses after AS [MATERIALIZED] inside parentheses), -1 if none.
func nestedModifying(toks []lexer.Token) int {
	depth := 0
	for i, t := range toks {
		switch {
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case t.IsPunct(")") || t.IsPunct("]"):
			depth--
		case depth > 1 && dmlWord(t) && i >= 2 && toks[i-1].IsPunct("(") && (toks[i-2].Is("as") || toks[i-2].Is("materialized")):
			return i
		}
	}
	return -1
}

func notTopLevel() error {
	return Errorf("0A000", "WITH clause containing a data-modifying statement must be at the top level")
}

// refuseReturning refuses a RETURNING the dialect pass finds outside an INSERT, UPDATE or
// DELETE: a data-modifying WITH query below the top level is PostgreSQL's 0A000, anything
// else a syntax error.
func refuseReturning(r *rewriter, w string) error {
	if slices.Contains(r.words, "with") && slices.ContainsFunc(r.words, func(w string) bool { return w == "insert" || w == "update" || w == "delete" }) {
		if r.words[0] == "declare" {
			return Errorf("0A000", "DECLARE CURSOR must not contain data-modifying statements in WITH")
		}
		return notTopLevel()
	}
	return refuseWord(r, w)
}
