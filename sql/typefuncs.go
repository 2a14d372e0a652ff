package sql

import (
	"errors"

	"github.com/drovedb/drove/sql/ast"
)

// Function-style casts: PostgreSQL reads typename(x), for a type whose name is not a keyword
// of its grammar, as a call of the type's conversion function (int4(numeric), float8(int4),
// text(boolean), date(timestamp), ...) or, failing one, as a cast of x to the type when
// PostgreSQL's func_get_detail takes it for a coercion (an untyped literal, a binary-
// compatible type, or through text). Where neither exists it is 42883 for the call, not
// 42846. drove has none of these functions, so the call is compiled as the explicit cast,
// which converts as they do.

// typeFunctions are the type names that call as a cast: PostgreSQL's type names that are not
// keywords (int, numeric, varchar, timestamp, interval, ... are: int(1) is a syntax error
// there), of the types drove has.
var typeFunctions = map[string]bool{"int2": true, "int4": true, "int8": true, "float4": true, "float8": true,
	"text": true, "bool": true, "date": true, "timestamptz": true, "timetz": true, "uuid": true,
	"json": true, "jsonb": true}

// keywordTypeFunctions are the type names that are keywords of PostgreSQL's grammar, which
// call as a cast only qualified (pg_catalog.numeric(x)) or quoted ("numeric"(x)).
var keywordTypeFunctions = map[string]bool{"numeric": true, "varchar": true, "bpchar": true,
	"interval": true, "timestamp": true, "time": true}

// stringTypeFunctions are the function-style casts to a string type, which take no row.
var stringTypeFunctions = map[string]bool{"text": true, "varchar": true, "bpchar": true}

// typeFunctionCast compiles typename(x) as the cast of x; ok is false for any other call.
func typeFunctionCast(name string, e *ast.FuncCall, sc *scope) (x *expr, ok bool, err error) {
	// sql/parser reads a keyword's name as a call only quoted ("numeric"(x)).
	qualified := len(e.Name) == 2 || keywordTypeFunctions[name]
	if !typeFunctions[name] && !(keywordTypeFunctions[name] && qualified) || len(e.Args) != 1 || e.Star || e.Distinct || len(e.OrderBy) > 0 ||
		e.Filter != nil || e.Over != nil || e.Syntax != "" || funcRegistry[name] != nil ||
		len(e.Name) > 2 || len(e.Name) == 2 && e.Name[0] != "pg_catalog" {
		return nil, false, nil
	}
	if _, named := e.Args[0].(*ast.NamedArg); named {
		return nil, false, nil
	}
	if stringTypeFunctions[name] {
		// func_get_detail takes no I/O coercion of a row to a string type for a coercion:
		// text(row(1, 2)) and text(t) find no function, where row(1, 2)::text converts.
		arg, aerr := compileAST(e.Args[0], sc)
		if aerr != nil {
			return nil, true, aerr
		}
		if arg.typ.IsRecord() {
			return nil, true, noFunction(name, []*expr{arg})
		}
	}
	x, err = compileCast(&ast.Cast{Expr: e.Args[0], Type: ast.TypeName{Name: name}}, sc)
	var pe *Error
	if errors.As(err, &pe) && pe.Code == "42846" {
		// No conversion function and no coercion: PostgreSQL finds no function.
		arg, aerr := compileAST(e.Args[0], sc)
		if aerr != nil {
			return nil, true, aerr
		}
		return nil, true, noFunction(name, []*expr{arg})
	}
	return x, true, err
}
