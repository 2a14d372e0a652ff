package sql

import (
	"context"
	"sort"
	"strconv"

	"time"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	"github.com/drovedb/drove/types"
)

// SQL-level PREPARE, EXECUTE and DEALLOCATE, read by sql/parser (command_tree.go). The
// statements are the session's named prepared statements, one namespace with the extended
// protocol's named statements (pgwire registers those with AddNamed), as in PostgreSQL:
// pg_prepared_statements lists both, EXECUTE runs either, DEALLOCATE drops either, and a Parse
// of a name PREPARE took is 42P05.

// prepareStmt is a PREPARE, EXECUTE or DEALLOCATE of the tree.
type prepareStmt struct {
	verb  string // "prepare", "execute" or "deallocate"
	name  string // "" with DEALLOCATE ALL
	types []types.Type
	inner *innerStmt // PREPARE's statement
	text  string     // the whole PREPARE, as pg_prepared_statements shows it
	args  []ast.Expr // EXECUTE's arguments
}

// namedStmt is one named prepared statement of the session.
type namedStmt struct {
	st      *Statement
	text    string // pg_prepared_statements.statement
	fromSQL bool
	at      time.Time
}

// prepareOfTree is the PREPARE the parser read from toks; the declared types are resolved
// here, as the dialect pass's PREPARE did.
func prepareOfTree(n *ast.Prepare, query string, toks []lexer.Token) (*prepareStmt, error) {
	st := &prepareStmt{verb: "prepare", name: n.Name, text: spanText(query, toks)}
	for _, t := range n.Types {
		c, err := castTarget(t.Name)
		if err != nil {
			return nil, err
		}
		st.types = append(st.types, c.Type)
	}
	var err error
	st.inner, err = innerOfTree(n.Stmt, query, toks)
	return st, err
}

// spanText is a statement's text in query, without its ';'.
func spanText(query string, toks []lexer.Token) string {
	end := toks[len(toks)-1]
	if end.IsPunct(";") && len(toks) > 1 {
		end = toks[len(toks)-2]
	}
	return query[toks[0].Pos:end.End]
}

func (s *Session) execPrepareStmt(ctx context.Context, st *prepareStmt, out Output) error {
	switch st.verb {
	case "prepare":
		if _, exists := s.named[st.name]; exists {
			return Errorf("42P05", "prepared statement %q already exists", st.name)
		}
		inner, err := st.inner.statement()
		if err != nil {
			return err
		}
		prepared, err := s.prepareStatement(inner, st.types)
		if err != nil {
			return err
		}
		switch prepared.ast.(type) {
		case sqlparser.TableStatement, *sqlparser.Insert, *sqlparser.Update, *sqlparser.Delete:
		default:
			if prepared.query != nil || prepared.dml != nil || prepared.ctas != nil && prepared.ctas.into {
				break // a statement sql/parser read, or SELECT INTO (ctas.go), as PostgreSQL prepares it
			}
			return nearError(prepared.first)
		}
		s.addNamed(st.name, s.statementText(st.text), prepared, true)
		return out.Complete("PREPARE")
	case "deallocate":
		if st.name == "" {
			s.named = nil
			return out.Complete("DEALLOCATE ALL")
		}
		if _, ok := s.named[st.name]; !ok {
			return Errorf("26000", "prepared statement %q does not exist", st.name)
		}
		delete(s.named, st.name)
		return out.Complete("DEALLOCATE")
	}
	n, ok := s.named[st.name]
	if !ok {
		return Errorf("26000", "prepared statement %q does not exist", st.name)
	}
	args, err := s.executeArgs(st, n.st)
	if err != nil {
		return err
	}
	return s.run(ctx, n.st, args, out, true)
}

// executeArgs evaluates EXECUTE's arguments and converts them to the statement's parameter
// types, as PostgreSQL's assignment coercion does.
func (s *Session) executeArgs(st *prepareStmt, prepared *Statement) ([]types.Value, error) {
	want := prepared.ParamTypes()
	if len(st.args) != len(want) {
		return nil, &Error{Code: "42601", Message: "wrong number of parameters for prepared statement \"" + st.name + "\"",
			Detail: "Expected " + strconv.Itoa(len(want)) + " parameters but got " + strconv.Itoa(len(st.args)) + "."}
	}
	args := make([]types.Value, len(want))
	for i, a := range st.args {
		if hasSubLink(a) {
			return nil, unsupported("subqueries in EXECUTE's arguments")
		}
		ps := &params{sess: s}
		x, err := compileAST(a, &scope{params: ps})
		if err != nil {
			return nil, err
		}
		if len(ps.types) > 0 {
			return nil, Errorf("42P02", "there is no parameter $1")
		}
		v, err := x.eval(nil)
		if err != nil {
			return nil, err
		}
		col := types.Column{Name: "$" + strconv.Itoa(i+1), Type: want[i]}
		if args[i], err = assignIn(v, x.typ, x.unknown, &col, s.location(), s.dateOrder()); err != nil {
			if e, ok := err.(*Error); ok && e.Code == "42804" {
				return nil, &Error{Code: "42804", Message: "parameter $" + strconv.Itoa(i+1) + " of type " + x.typ.String() +
					" cannot be coerced to the expected type " + want[i].String(), Hint: "You will need to rewrite or cast the expression."}
			}
			return nil, err
		}
	}
	return args, nil
}

func (s *Session) addNamed(name, text string, st *Statement, fromSQL bool) {
	if s.named == nil {
		s.named = make(map[string]*namedStmt)
	}
	s.named[name] = &namedStmt{st: st, text: text, fromSQL: fromSQL, at: time.Now()}
}

// AddNamed registers a statement the extended protocol's Parse named: 42P05 if the name is
// taken, by another Parse or by PREPARE.
func (s *Session) AddNamed(name, query string, ps PreparedStatement) error {
	st, ok := ps.(*Statement)
	if !ok {
		return Errorf("XX000", "statement %T was not prepared by this session", ps)
	}
	if _, exists := s.named[name]; exists {
		return Errorf("42P05", "prepared statement %q already exists", name)
	}
	s.addNamed(name, query, st, false)
	return nil
}

// Named returns the named prepared statement, made by Parse or PREPARE.
func (s *Session) Named(name string) (PreparedStatement, bool) {
	n, ok := s.named[name]
	if !ok {
		return nil, false
	}
	return n.st, true
}

// DropNamed forgets a named prepared statement (the protocol's Close).
func (s *Session) DropNamed(name string) { delete(s.named, name) }

func init() {
	systemTables["pg_catalog.pg_prepared_statements"] = &systemTable{
		schema: sysSchema("pg_prepared_statements", textCol("name"), textCol("statement"),
			types.Column{Name: "prepare_time", Type: types.Timestamp}, types.Column{Name: "parameter_types", Type: types.TextArray},
			boolCol("from_sql"), bigCol("generic_plans"), bigCol("custom_plans")),
		rows: func(s *Session) (rows [][]types.Value) {
			names := make([]string, 0, len(s.named))
			for name := range s.named {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				n := s.named[name]
				ptypes := n.st.ParamTypes()
				tv := make([]types.Value, len(ptypes))
				for i, t := range ptypes {
					tv[i] = text(formatType(int64(t.OID()), -1))
				}
				// the plans PostgreSQL's plan cache would have built (custom_plan.go's customRun)
				custom := int64(n.st.customPlans)
				rows = append(rows, []types.Value{text(name), text(n.text),
					types.NewTimestamp(n.at),
					types.NewArray(types.TextArray, tv), boolVal(n.fromSQL), int64Val(n.st.execs - custom), int64Val(custom)})
			}
			return rows
		},
	}
}

// statementText is what pg_prepared_statements and pg_cursors show for a PREPARE or
// DECLARE of text: as PostgreSQL, the whole query string the client sent (with its ";" and
// any other statements in it), text itself outside one.
func (s *Session) statementText(text string) string {
	if s.sourceText != "" {
		return s.sourceText
	}
	return text
}
