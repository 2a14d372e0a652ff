package sql

import (
	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
	"vitess.io/vitess/go/vt/sqlparser"
)

// VARIADIC before a call's last argument, f(a, VARIADIC arr): vitess has no such argument,
// so the variadic rule writes the argument as drove_variadic(arr), closing it before the
// call's ")" (variadicEnds, as the main loop closes a DEFAULT: dialect_default.go), and the
// converter reads it back as ast.FuncCall.Variadic. sql/parser reads VARIADIC itself; the
// binder compiles both trees alike (variadic.go).

const variadicFunc = "drove_variadic"

func init() { internalFunctions[variadicFunc] = true }

// variadicNext: VARIADIC right after a call's "(" or an argument's ",".
func variadicNext(r *rewriter) bool {
	return r.depth > 0 && (r.prev.IsPunct("(") || r.prev.IsPunct(","))
}

// emitVariadic writes drove_variadic( and notes where the call's ")" is; an argument after
// the variadic one is PostgreSQL's syntax error at its ",".
func emitVariadic(r *rewriter, _ string) error {
	depth := 0
	for k := 0; k < maxDefaultScan; k++ {
		t := r.peek(k)
		switch {
		case t.Kind == lexer.EOF || t.IsPunct(";"):
			return nil // unclosed: the syntax error is vitess's at the end
		case t.IsPunct("(") || t.IsPunct("["):
			depth++
		case (t.IsPunct(")") || t.IsPunct("]")) && depth > 0:
			depth--
		case depth > 0:
		case t.IsPunct(","):
			return errorAt(nearError(","), t.Pos)
		case t.IsPunct(")"), t.Is("order") && r.peek(k+1).Is("by"):
			r.emitCall(variadicFunc)
			r.b.WriteString("(")
			r.variadicEnds = append(r.variadicEnds, t.Pos)
			return nil
		}
	}
	return nil
}

// closeVariadic writes the ")" of each drove_variadic( that ends before the token at pos.
func (r *rewriter) closeVariadic(pos int) {
	for n := len(r.variadicEnds); n > 0 && pos >= r.variadicEnds[n-1]; n-- {
		r.b.WriteByte(')')
		r.variadicEnds = r.variadicEnds[:n-1]
	}
}

// variadicArgs converts a call's arguments, reading a last drove_variadic(x) as x passed
// VARIADIC; one anywhere else is the syntax error PostgreSQL gives at VARIADIC.
func (c *converter) variadicArgs(list []sqlparser.Expr) ([]ast.Expr, bool, error) {
	variadic := false
	if n := len(list); n > 0 {
		if f, ok := list[n-1].(*sqlparser.FuncExpr); ok && f.Qualifier.IsEmpty() && f.Name.Lowered() == variadicFunc && len(f.Exprs) == 1 {
			list = append(list[:n-1:n-1], f.Exprs[0])
			variadic = true
		}
	}
	args, err := c.exprs(list)
	return args, variadic, err
}
