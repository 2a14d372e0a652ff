package sql

import (
	"github.com/drovedb/drove/sql/ast"
)

// A function in FROM (ast.FuncFrom, PostgreSQL's RangeFunction) is bound as the LATERAL
// derived table selecting its calls, whose set-returning calls run in lockstep (srf.go), the
// shorter ones padded with NULLs as ROWS FROM pads them: `f(x) [AS] a[(c)]` is
// `LATERAL (SELECT f(x) AS c) AS a`, the column named for the alias's column, else the
// function's one OUT parameter (outColumnOf), else the alias, else the function; a function
// returning records with OUT parameters (recordFunctionColumns) has a column per field
// (`(f(x)).key AS key, ...`); unnest(a, b, ...) and ROWS FROM (f(x), g(y), ...)
// have a column per call; WITH ORDINALITY adds the counting column (drove_ordinality()). The
// alias's column list renames the columns in order. A column definition list is PostgreSQL's
// 42601: drove has no function returning an unnamed record.

// funcFromQuery is the derived table a function in FROM is bound as.
func funcFromQuery(f *ast.FuncFrom) (*ast.SubqueryFrom, error) {
	first := f.Funcs[0].Call.(*ast.FuncCall)
	fn := first.Name[len(first.Name)-1]
	for _, rf := range append([]ast.RangeFunc{{ColDefs: f.ColDefs}}, f.Funcs...) {
		if rf.ColDefs != nil {
			return nil, colDefListError(f, rf)
		}
	}
	alias := fn
	var names []string
	if f.Alias != nil {
		alias, names = f.Alias.Name, f.Alias.Columns
	}
	if err := rowsFromSets(f); err != nil {
		return nil, err
	}
	targets := funcFromTargets(f, fn)
	if targets == nil { // one call with one column
		return oneColumnFunc(f, first, fn, alias, names)
	}
	if f.Ordinality {
		targets = append(targets, ast.Target{Expr: &ast.FuncCall{Name: []string{ordinalityFunc}}, Alias: "ordinality"})
	}
	if len(names) > len(targets) {
		return nil, Errorf("42P10", "table %q has %d columns available but %d columns specified", alias, len(targets), len(names))
	}
	for i, n := range names {
		targets[i].Alias = n
	}
	return lateralSelect(targets, alias), nil
}

// funcFromTargets are the columns of a function in FROM that has several: ROWS FROM's calls,
// unnest's arrays, a record's fields (nil for one call of one column).
func funcFromTargets(f *ast.FuncFrom, fn string) []ast.Target {
	var out []ast.Target
	switch call := f.Funcs[0].Call.(*ast.FuncCall); {
	case f.RowsFrom && len(f.Funcs) > 1: // ROWS FROM (f(x)) is f(x), as PostgreSQL's one function
		for _, rf := range f.Funcs {
			c := rf.Call.(*ast.FuncCall)
			out = append(out, ast.Target{Expr: c, Alias: c.Name[len(c.Name)-1]})
		}
	case fn == "unnest" && len(call.Args) > 1 && !call.Star:
		for _, a := range call.Args {
			out = append(out, ast.Target{Expr: &ast.FuncCall{Name: call.Name, Args: []ast.Expr{a}}, Alias: "unnest"})
		}
	case recordFunctionColumns[fn] != nil:
		for _, c := range recordFunctionColumns[fn] {
			out = append(out, ast.Target{Expr: &ast.Field{Expr: call, Name: c}, Alias: c})
		}
	}
	return out
}

// oneColumnFunc is the derived table of one call of one column: the column named for the
// alias's column, else the function's OUT parameter, else the alias.
func oneColumnFunc(f *ast.FuncFrom, call *ast.FuncCall, fn, alias string, names []string) (*ast.SubqueryFrom, error) {
	col, ordCol := "", "ordinality"
	switch {
	case len(names) == 1:
		col = names[0]
	case len(names) == 2 && f.Ordinality:
		col, ordCol = names[0], names[1]
	case len(names) > 1:
		width := 1
		if f.Ordinality {
			width = 2
		}
		return nil, Errorf("42P10", "table %q has %d columns available but %d columns specified", alias, width, len(names))
	}
	if col == "" {
		col = alias
		if out := outColumnOf[fn]; out != "" {
			col = out // named for its OUT parameter, whatever the table's alias
		}
	}
	if outColumnOf[fn] != "" && !f.Ordinality {
		// The table's name used as a value stands for the column's value, not a record.
		col = scalarOutMarker + col
	}
	targets := []ast.Target{{Expr: call, Alias: col}}
	if f.Ordinality {
		targets = append(targets, ast.Target{Expr: &ast.FuncCall{Name: []string{ordinalityFunc}}, Alias: ordCol})
	}
	return lateralSelect(targets, alias), nil
}

func lateralSelect(targets []ast.Target, alias string) *ast.SubqueryFrom {
	return &ast.SubqueryFrom{Select: &ast.Select{Targets: targets}, Lateral: true, Alias: &ast.Alias{Name: alias}}
}

// colDefListError is PostgreSQL's refusal of a column definition list on a function that
// does not return an unnamed record.
func colDefListError(f *ast.FuncFrom, rf ast.RangeFunc) error {
	call := f.Funcs[0].Call.(*ast.FuncCall)
	if rf.Call != nil {
		call = rf.Call.(*ast.FuncCall)
	}
	if recordFunctionColumns[call.Name[len(call.Name)-1]] != nil {
		return Errorf("42601", "a column definition list is redundant for a function with OUT parameters")
	}
	return Errorf("42601", "a column definition list is only allowed for functions returning \"record\"")
}

// rowsFromSets refuses ROWS FROM with a function known to return one value: PostgreSQL makes
// it one row padded with NULLs, where the derived table's lockstep would repeat it.
func rowsFromSets(f *ast.FuncFrom) error {
	if !f.RowsFrom {
		return nil
	}
	for _, rf := range f.Funcs {
		c := rf.Call.(*ast.FuncCall)
		name := c.Name[len(c.Name)-1]
		if def := funcRegistry[name]; def != nil && len(def.procs) > 0 && !def.procs[0].retset {
			return unsupported("ROWS FROM with %s, which returns no set", name)
		}
	}
	return nil
}

// markFunctionScan names the plan of a function in FROM as PostgreSQL's EXPLAIN does, where
// it is the calls over one empty row (its arguments read no column of an item before it).
func markFunctionScan(n node, f *ast.FuncFrom) {
	ps, ok := n.(*projectSetNode)
	if !ok {
		return
	}
	if _, ok := ps.in.(oneRowNode); !ok {
		return
	}
	call := f.Funcs[0].Call.(*ast.FuncCall)
	fn := call.Name[len(call.Name)-1]
	ps.scan = "Function Scan on " + fn
	if f.Alias != nil && f.Alias.Name != fn {
		ps.scan += " " + f.Alias.Name
	}
}
