package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	pgparser "github.com/drovedb/drove/sql/parser"
)

// The session commands sql/parser reads and the session runs from its tree (sql/DESIGN.md,
// step 4): PREPARE, EXECUTE and DEALLOCATE (prepare_stmt.go), DECLARE, FETCH, MOVE and CLOSE
// (cursor.go). PREPARE's and DECLARE's statement is the tree's too: a query or writing
// statement as parseQuerySpan and parseDMLSpan make it (a statement the parser refuses with
// 0A000 makes the command 0A000: no query of the golden files is one the dialect pass reads);
// LOCK (lock_table.go) and COMMENT ON (comment.go); drove's BACKUP and RESTORE (backup.go).
// GRANT and REVOKE are the parser's 0A000: drove has no privileges to grant.

// treeCommandWords are the first words of the commands read into sql/parser's tree.
var treeCommandWords = map[string]bool{"prepare": true, "execute": true, "deallocate": true,
	"declare": true, "fetch": true, "move": true, "close": true, "lock": true,
	"comment": true, "backup": true, "restore": true, "grant": true, "revoke": true}

// parseCommandSpan parses one statement's tokens with sql/parser when it is a command run from
// the tree; nil (and no error) otherwise, for the dialect pass.
func parseCommandSpan(query string, toks []lexer.Token) (*Statement, error) {
	t := toks[0]
	if t.Kind != lexer.Ident || !treeCommandWords[t.Value] {
		return nil, nil
	}
	if t.Is("prepare") && len(toks) > 2 && toks[1].Is("transaction") && toks[2].Kind == lexer.String {
		return nil, unsupported("PREPARE TRANSACTION (two-phase commit)")
	}
	stmt, err := pgparser.ParseTokens(query, toks)
	if err != nil {
		return nil, parserError(err, query)
	}
	st := treeStatement(query, toks, nil)
	switch n := stmt.(type) {
	case *ast.Prepare:
		st.prep, err = prepareOfTree(n, query, toks)
	case *ast.Execute:
		st.prep = &prepareStmt{verb: "execute", name: n.Name, args: n.Params}
	case *ast.Deallocate:
		st.prep = &prepareStmt{verb: "deallocate", name: n.Name}
	case *ast.Declare:
		st.cursor, err = declareOfTree(n, query, toks)
	case *ast.Fetch:
		st.cursor = fetchOfTree(n)
	case *ast.Close:
		st.cursor = &cursorStmt{verb: "close", name: n.Name}
	case *ast.Lock:
		st.lock, err = lockOfTree(n) // lock_table.go
	case *ast.Comment:
		st.comment, err = commentOfTree(n) // comment.go
	case *ast.Backup:
		st.backup = &backupStmt{restore: n.Restore, name: n.Name} // backup.go: drove's own
	default:
		return nil, Errorf("XX000", "statement %T is not run from the tree", stmt)
	}
	if err != nil {
		return nil, err
	}
	return st, nil
}

// innerStart is the index in toks of the statement a PREPARE (after its AS) or a DECLARE
// (after CURSOR [WITH|WITHOUT HOLD] FOR) the parser read.
func innerStart(toks []lexer.Token) int {
	switch {
	case toks[0].Is("prepare"):
		depth := 0
		for i := 2; i < len(toks); i++ {
			switch t := toks[i]; {
			case t.IsPunct("("):
				depth++
			case t.IsPunct(")"):
				depth--
			case depth == 0 && t.Is("as"):
				return i + 1
			}
		}
	case toks[0].Is("declare"):
		for i := 2; i < len(toks); i++ {
			if toks[i].Is("cursor") {
				for j := i + 1; j < len(toks) && j <= i+3; j++ {
					if toks[j].Is("for") {
						return j + 1
					}
				}
				return 0
			}
		}
	}
	return 0
}

// innerOfTree is the Statement of the statement a PREPARE or DECLARE holds, toks[innerStart:],
// from the tree the parser read (n); spanStatement's routing when that gives none.
func innerOfTree(n ast.Stmt, query string, toks []lexer.Token) (*innerStmt, error) {
	in := &innerStmt{src: query, toks: toks[innerStart(toks):]}
	var err error
	in.st, err = treeSpanStatement(query, in.toks, n)
	if err == nil && in.st == nil {
		in.st, err = spanStatement(query, in.toks)
	}
	if err != nil {
		return nil, err
	}
	return in, nil
}

// treeSpanStatement is the Statement of a query or writing statement the parser read from
// toks, as parseQuerySpan and parseDMLSpan make it; nil for one the dialect pass runs.
func treeSpanStatement(query string, toks []lexer.Token, n ast.Stmt) (*Statement, error) {
	if sel, ok := n.(*ast.Select); ok {
		return queryStatement(query, toks, sel)
	}
	return dmlStatement(query, toks, n), nil
}

// spanStatement parses one statement's tokens as parseStatements parses a statement of a
// string: with sql/parser, or through the dialect pass.
func spanStatement(query string, toks []lexer.Token) (*Statement, error) {
	st, err := parseQuerySpan(query, toks)
	if err != nil || st != nil {
		return st, err
	}
	end := toks[len(toks)-1]
	if end.IsPunct(";") && len(toks) > 1 {
		end = toks[len(toks)-2]
	}
	return parseOldSpan(query, toks[0].Pos, end.End)
}

// innerStmt is the statement a PREPARE or DECLARE holds. Its first run takes the Statement
// read with the command; a later one (the command's Statement run again, from the session's
// cache) reads the statement's tokens again, as binding may annotate a tree and each named
// statement or cursor must have its own.
type innerStmt struct {
	st   *Statement
	used bool
	src  string
	toks []lexer.Token
}

// statement is the Statement to prepare for one run of the command.
func (in *innerStmt) statement() (*Statement, error) {
	if !in.used {
		in.used = true
		return in.st, nil
	}
	return spanStatement(in.src, in.toks)
}

// first is the statement's first word as written, for PostgreSQL's syntax error at it.
func (in *innerStmt) first() string { return in.toks[0].Text(in.src) }
