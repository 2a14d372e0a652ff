package sql

import (
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"

	"github.com/drovedb/drove/sql/lexer"
)

// Named arguments: f(a => 1, b := 2). The dialect pass writes each as
// drove_named_arg('a', 1) (vitess has no such syntax); compileFunc matches the names against
// the registry's argument names, as PostgreSQL matches them against pg_proc.proargnames.

// namedArgFunc is the marker call a named argument becomes.
const namedArgFunc = "drove_named_arg"

// namedArg reports whether the word being read names an argument: it opens an argument of
// a call and => or := follows.
func (r *rewriter) namedArg() bool {
	next := r.peek(0)
	if !(next.Kind == lexer.Op && next.Value == "=>" || next.IsPunct(":=")) {
		return false
	}
	n := len(r.parens)
	return n > 0 && r.parens[n-1].call && !r.parens[n-1].named && (r.prev.IsPunct("(") || r.prev.IsPunct(","))
}

// emitNamedArg writes name => value as drove_named_arg('name', value), closed by the
// argument's , or ) (closeNamedArg).
func (r *rewriter) emitNamedArg(w string) error {
	r.skip(1)
	r.b.WriteString(namedArgFunc + "(" + vitessString(w) + ", ")
	r.parens[len(r.parens)-1].named = true
	r.lastWord = ""
	return nil
}

// closeNamedArg closes a named argument's call at the end of its value.
func (r *rewriter) closeNamedArg() {
	if n := len(r.parens); n > 0 && r.parens[n-1].named {
		r.b.WriteByte(')')
		r.parens[n-1].named = false
	}
}

// namedArgOf reads a drove_named_arg('name', value) argument back: its name and value.
func namedArgOf(e sqlparser.Expr) (string, sqlparser.Expr, bool) {
	f, ok := e.(*sqlparser.FuncExpr)
	if !ok || !strings.EqualFold(f.Name.String(), namedArgFunc) || len(f.Exprs) != 2 {
		return "", nil, false
	}
	lit, ok := f.Exprs[0].(*sqlparser.Literal)
	if !ok {
		return "", nil, false
	}
	return lit.Val, f.Exprs[1], true
}

// callFuncNamed resolves a call whose arguments after the positional ones are named:
// each overload with argument names that takes them all (and has DEFAULTs for the rest)
// is tried with them in its order.
func callFuncNamed(name string, args []*expr, names []string, sc *scope) (*expr, error) {
	def := funcRegistry[name]
	if def == nil || len(def.procs) == 0 {
		return nil, noFunctionNamed(name, args, names)
	}
	for _, p := range def.procs {
		full, ok := namedOrder(p, args, names)
		if !ok {
			continue
		}
		if _, err := resolveFunc(name, []*funcProc{p}, full); err != nil {
			continue
		}
		return callProc(def, p, name, full, len(full), sc)
	}
	return nil, noFunctionNamed(name, args, names)
}

// namedOrder puts a call's arguments in p's order, the named ones where p's names say and
// DEFAULTs for those left out; ok is false when p has no such argument, one is given twice
// or one without a DEFAULT is missing.
func namedOrder(p *funcProc, args []*expr, names []string) ([]*expr, bool) {
	if len(args) > len(p.args) || len(p.argNames) == 0 {
		return nil, false
	}
	full := make([]*expr, len(p.args))
	for i, a := range args {
		k := i
		if names[i] != "" {
			k = -1
			for j, n := range p.argNames {
				if n == names[i] {
					k = j
				}
			}
		}
		if k < 0 || full[k] != nil {
			return nil, false
		}
		full[k] = a
	}
	for i, a := range full {
		if a != nil {
			continue
		}
		if i >= len(p.defaults) || p.defaults[i] == "" {
			return nil, false
		}
		v, err := parseText(defaultLiteral(p.defaults[i]), p.args[i].t)
		if err != nil {
			return nil, false
		}
		full[i] = constExpr(v, false)
	}
	return full, true
}

// noFunctionNamed is 42883 for a call with named arguments, which PostgreSQL writes
// f(a => integer).
func noFunctionNamed(name string, args []*expr, names []string) error {
	var b strings.Builder
	b.WriteString(name + "(")
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		if names[i] != "" {
			b.WriteString(names[i] + " => ")
		}
		b.WriteString(exprTypeName(a))
	}
	b.WriteString(")")
	return &Error{Code: "42883", Message: "function " + b.String() + " does not exist",
		Hint: "No function matches the given name and argument types. You might need to add explicit type casts."}
}
