package sql

import (
	"slices"
	"strconv"

	"github.com/drovedb/drove/types"
)

// regnamespace and regproc, as regclass and regtype (pgcatalog_regclass.go): an int8 oid.
// A literal ('pg_catalog'::regnamespace, 'now'::regproc) is the oid of what it names, read
// as PostgreSQL's regnamespacein and regprocin read it, marked (expr.reg) so that it prints
// as the name; a computed oid cast to one is the name as text.

// regnameCast is x::regnamespace or x::regproc where drove gives it meaning (ok).
func regnameCast(target string, x *expr, sc *scope) (*expr, bool, error) {
	if target != "regnamespace" && target != "regproc" || sc.params == nil || sc.params.sess == nil {
		return nil, false, nil
	}
	s := sc.params.sess
	if x.unknown && x.param == 0 {
		oid, err := s.regIn(target, mustConst(x).S)
		y := constExpr(types.NewInt(types.Int64, oid), false)
		y.reg = target
		return y, true, err
	}
	if x.unknown || familyOf(x.typ) != famNumeric || x.typ == types.Numeric {
		return nil, false, nil
	}
	return &expr{typ: types.Text, eval: func(row []types.Value) (types.Value, error) {
		v, err := x.eval(row)
		if err != nil || v.IsNull() {
			return types.Value{T: types.Text, Null: true}, err
		}
		return types.NewText(s.regOut(target, v.I)), nil
	}}, true, nil
}

// regIn reads a regnamespace or regproc literal: digits are an oid and "-" is 0, as the
// input functions read them; else the schema or function it names.
func (s *Session) regIn(kind, text string) (int64, error) {
	if text == "-" {
		return 0, nil
	}
	if oid, err := strconv.ParseInt(text, 10, 64); err == nil && oid >= 0 {
		return oid, nil
	}
	parts, err := splitQualifiedName(text)
	if err != nil {
		return 0, err
	}
	if kind == "regnamespace" {
		if len(parts) != 1 {
			return 0, Errorf("42602", "invalid name syntax")
		}
		for _, ns := range s.namespaces() {
			if ns.name == parts[0] {
				return ns.oid, nil
			}
		}
		return 0, schemaMissing(parts[0])
	}
	return regprocIn(text, parts)
}

// regprocIn is the oid of the one function named by parts (pg_catalog's: drove has no
// others): 42883 when there is none, 42725 when overloads share the name.
func regprocIn(text string, parts []string) (int64, error) {
	switch {
	case len(parts) > 2:
		return 0, Errorf("42602", "invalid name syntax")
	}
	schema := int64(-1) // any
	if len(parts) == 2 {
		i := slices.IndexFunc(fixedNamespaces, func(ns namespace) bool { return ns.name == parts[0] })
		if i < 0 {
			return 0, schemaMissing(parts[0])
		}
		schema = fixedNamespaces[i].oid
	}
	name := parts[len(parts)-1]
	var found []int64
	for _, p := range funcProcs {
		if p.name == name && (schema < 0 || p.schema == schema) {
			found = append(found, p.oid)
		}
	}
	switch len(found) {
	case 0:
		return 0, Errorf("42883", "function %q does not exist", text)
	case 1:
		return found[0], nil
	}
	return 0, Errorf("42725", "more than one function named %q", text)
}

// regOIDs are the oids of the types an expr.reg names.
var regOIDs = map[string]uint32{"regproc": 24, "regclass": 2205, "regtype": 2206, "regnamespace": 4089}

// regOut is an oid as regclass, regtype, regnamespace or regproc (kind) prints it: the name
// it stands for, "-" for 0, the number when nothing has that oid.
func (s *Session) regOut(kind string, oid int64) string {
	switch kind {
	case "regtype":
		return regtypeOut(oid)
	case "regclass":
		return s.regclassOut(oid)
	}
	if oid == 0 {
		return "-"
	}
	if kind == "regproc" {
		if p := lookupProc(oid); p != nil {
			return p.name
		}
		return strconv.FormatInt(oid, 10)
	}
	for _, ns := range s.namespaces() {
		if ns.oid == oid {
			return types.QuoteIdent(ns.name)
		}
	}
	return strconv.FormatInt(oid, 10)
}

// namespace is a schema of pg_namespace.
type namespace struct {
	oid  int64
	name string
}

// fixedNamespaces are the schemas every database has.
var fixedNamespaces = []namespace{{oidPgCatalog, "pg_catalog"}, {oidPublic, "public"}, {oidInfoSchema, "information_schema"}}

// namespaces are pg_namespace's schemas: the fixed ones and those of temporary tables.
func (s *Session) namespaces() []namespace {
	out := append([]namespace(nil), fixedNamespaces...)
	for _, name := range s.tempNamespaces() {
		out = append(out, namespace{tempNamespaceOID(name), name})
	}
	return out
}
