package sql

import (
	"github.com/drovedb/drove/sql/ast"
)

// Calls PostgreSQL's parse analysis refuses however they resolve, checked on sql/parser's
// tree as the dialect pass refused them in the text: count() (42809: count(*) is the
// parameterless count), a call of a drove_* function the binder itself calls for
// subscripts, field selections, ARRAY and EXTRACT (42883, as for any function PostgreSQL
// lacks), and f(*) for another function than an aggregate (42809; an aggregate's f(*) is f(),
// which does not exist, aggregate_tree.go).

// refusedCall is the error of a call PostgreSQL refuses whatever its arguments are (nil:
// none).
func refusedCall(e *ast.FuncCall, sc *scope) error {
	name := e.Name[len(e.Name)-1]
	switch {
	case len(e.Name) == 1 && name == "count" && !e.Star && len(e.Args) == 0:
		return Errorf("42809", "count(*) must be used to call a parameterless aggregate function")
	case internalFunctions[name] && (len(e.Name) == 1 || e.Name[0] == "pg_catalog"):
		args, err := compileArgs(sc, e.Args...)
		if err != nil {
			return err
		}
		return noFunction(name, args)
	}
	return nil
}

// isCountStar reports whether e is count(*).
func isCountStar(e *ast.FuncCall) bool {
	return e.Star && len(e.Name) == 1 && e.Name[0] == "count"
}

// compileStarCall compiles f(*) for a function f that is not an aggregate: PostgreSQL
// resolves f() and, finding it, refuses the star (42809); otherwise f() does not exist.
func compileStarCall(e *ast.FuncCall, sc *scope) (*expr, error) {
	c := *e
	c.Star = false
	if _, err := compileAST(&c, sc); err != nil {
		return nil, err
	}
	name := e.Name[len(e.Name)-1]
	return nil, Errorf("42809", "%s(*) specified, but %s is not an aggregate function", name, name)
}
