package sql

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	pgparser "github.com/drovedb/drove/sql/parser"
	"github.com/drovedb/drove/types"
)

// CREATE and ALTER SEQUENCE run from sql/parser's tree (its SeqOptList read into
// ast.SeqOption); an identity column's options, which the dialect pass carries as text, are
// read by sql/parser too (identityOptionsText). seqOptionsOf checks them as PostgreSQL 15's
// init_params does.

// seqOptionsOf reads a statement's sequence options, each at most once. An identity
// column's (identity) take their type from the column (AS is redundant) and may name the
// sequence (SEQUENCE NAME).
func seqOptionsOf(list []ast.SeqOption, identity bool) (seqOptions, error) {
	o := seqOptions{identity: identity}
	set := map[string]bool{"as": identity}
	for _, opt := range list {
		if set[opt.Name] {
			return o, redundant()
		}
		set[opt.Name] = true
		if err := o.set(opt); err != nil {
			return o, err
		}
	}
	return o, nil
}

// set reads one option into o.
func (o *seqOptions) set(opt ast.SeqOption) error {
	num := func(dst **int64) error {
		v, err := seqNumber(opt.Value)
		*dst = &v
		return err
	}
	switch opt.Name {
	case "as":
		return o.setType(opt.Type.Name)
	case "increment":
		return num(&o.increment)
	case "minvalue":
		o.noMin = opt.No
		if opt.No {
			return nil
		}
		return num(&o.min)
	case "maxvalue":
		o.noMax = opt.No
		if opt.No {
			return nil
		}
		return num(&o.max)
	case "start":
		return num(&o.start)
	case "cache":
		return num(&o.cache)
	case "restart":
		if opt.Value == nil {
			o.restartPlain = true
			return nil
		}
		return num(&o.restart)
	case "cycle":
		cycle := !opt.No
		o.cycle = &cycle
	case "owned by":
		owned := opt.Names // checked against the catalog when the sequence is made (ownedBy)
		o.ownedBy = &owned
	case "sequence name":
		if !o.identity { // the grammar reads it for identity columns only (init_params)
			return Errorf("42601", "invalid sequence option SEQUENCE NAME")
		}
		name, err := seqNameOf(opt.Names)
		o.seqName = name
		return err
	default:
		return Errorf("42601", "option %q not recognized", opt.Name) // SET GENERATED: the caller's
	}
	return nil
}

// seqNumber is an option's integer value: a number that is not one is PostgreSQL's int8in
// error (defGetInt64).
func seqNumber(e ast.Expr) (int64, error) {
	lit, ok := e.(*ast.Literal)
	if !ok {
		return 0, Errorf("42601", "a sequence option needs a number")
	}
	text := lit.Val
	v, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		if strings.ContainsAny(text, ".eE") {
			return 0, Errorf("22P02", "invalid input syntax for type bigint: %q", text)
		}
		return 0, Errorf("22003", "value %q is out of range for type bigint", text)
	}
	return v, nil
}

// setType reads AS's type: smallint, integer or bigint (a type that is none of them is
// 22023, a name that is no type 42704).
func (o *seqOptions) setType(name string) error {
	var t types.Type
	switch name {
	case "smallint", "int2":
		t = types.Int16
	case "integer", "int", "int4":
		t = types.Int32
	case "bigint", "int8":
		t = types.Int64
	default:
		if _, err := castTarget(name); err != nil {
			return Errorf("42704", "type %q does not exist", strings.Trim(name, `"`))
		}
		return Errorf("22023", "sequence type must be smallint, integer, or bigint")
	}
	o.typ = &t
	return nil
}

func invalidOwnedBy() error {
	return &Error{Code: "42601", Message: "invalid OWNED BY option", Hint: "Specify OWNED BY table.column or OWNED BY NONE."}
}

// seqNameOf is a sequence's name from its parts: public. comes off, another schema is
// 3F000.
func seqNameOf(names []string) (string, error) {
	switch len(names) {
	case 1:
		return names[0], nil
	case 2:
		if names[0] != "public" {
			return "", schemaMissing(names[0])
		}
		return names[1], nil
	}
	return "", Errorf("0A000", "cross-database references are not implemented: %q", strings.Join(names, "."))
}

// identityOptionsText reads an identity column's options text (GENERATED ... AS IDENTITY
// (options), ALTER COLUMN's SET and RESTART) with sql/parser.
func identityOptionsText(text string) (seqOptions, error) {
	list, err := pgparser.ParseSeqOptions(text)
	if err != nil {
		var pe *pgparser.Error
		if errors.As(err, &pe) { // its position is in the options' text, not the statement's
			return seqOptions{}, &Error{Code: pe.Code, Message: pe.Error(), Hint: pe.Hint}
		}
		return seqOptions{}, err
	}
	return seqOptionsOf(list, true)
}

// seqStmtName is the sequence a CREATE or ALTER SEQUENCE names: public. (or the tablespace's
// name) comes off; pg_catalog is PostgreSQL's 42501 for a CREATE, another schema 3F000 (with
// ALTER IF EXISTS "" and a NOTICE, as PostgreSQL skips it).
func (s *Session) seqStmtName(t *ast.Table, create, ifExists bool) (string, error) {
	q := t.Schema
	if q == "" && create {
		var err error
		if q, err = s.creationSchema(); err != nil {
			return "", err
		}
	}
	switch {
	case q == "":
		return t.Name, nil
	case q == "information_schema" && create:
		return "", Errorf("0A000", "cross-schema reference %s.%s is not supported", q, t.Name)
	case q == "pg_catalog" && create:
		return "", catalogCreateError(t.Name)
	case q == "public" || q == s.ts.Name():
		return t.Name, nil
	case q == "pg_temp" && create: // a temporary sequence, as CREATE TEMP SEQUENCE
		return "", unsupported("temporary and unlogged sequences")
	case q == "pg_catalog" || q == "information_schema" || q == "pg_temp":
		return q + "." + t.Name, nil
	case !create && ifExists:
		s.noticef("NOTICE", "00000", "relation %q does not exist, skipping", t.Name)
		return "", nil
	}
	return "", schemaMissing(t.Schema)
}

// execCreateSequence runs CREATE SEQUENCE from the tree.
func (s *Session) execCreateSequence(ctx context.Context, n *ast.CreateSequence, out Output) error {
	if n.Persistence != ast.Permanent {
		return unsupported("temporary and unlogged sequences")
	}
	name, err := s.seqStmtName(n.Name, true, false)
	if err != nil {
		return err
	}
	opts, err := seqOptionsOf(n.Options, false)
	if err != nil {
		return err
	}
	if err := s.createSequence(ctx, name, opts, n.IfNotExists); err != nil {
		return err
	}
	return out.Complete("CREATE SEQUENCE")
}

// execAlterSequence runs ALTER SEQUENCE's options from the tree.
func (s *Session) execAlterSequence(ctx context.Context, n *ast.AlterSequence, out Output) error {
	name, err := s.seqStmtName(n.Name, false, n.IfExists)
	if err != nil || name == "" {
		if err == nil {
			err = out.Complete("ALTER SEQUENCE")
		}
		return err
	}
	opts, err := seqOptionsOf(n.Options, false)
	if err != nil {
		return err
	}
	if err := s.alterSequence(ctx, name, opts, n.IfExists); err != nil {
		return err
	}
	return out.Complete("ALTER SEQUENCE")
}

// alterSequenceAction is an ALTER SEQUENCE that is no option list (RENAME, SET SCHEMA, ...):
// drove alters none; OWNER TO is owner.go's, through the dialect pass.
func alterSequenceAction(a *ast.AlterTable) error {
	what := "this form of ALTER SEQUENCE"
	switch a.Cmds[0].Kind {
	case ast.AlterRename:
		what = "ALTER SEQUENCE ... RENAME"
	case ast.AlterSetSchema:
		what = "ALTER SEQUENCE ... SET SCHEMA"
	}
	return unsupported("%s", what)
}
