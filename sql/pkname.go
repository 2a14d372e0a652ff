package sql

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// A primary key's constraint, and its index, are named <table>_pkey unless CREATE TABLE or
// ALTER TABLE ADD CONSTRAINT names them; the name is the schema's PKName (types.Schema,
// stored and replicated with it), read through pkeyName. A table renamed keeps its key's
// name, as in PostgreSQL.

// conPrimaryKey is the kind of a conDef that only carries a primary key's name (CONSTRAINT
// name PRIMARY KEY, on a column or the table): vitess reads the key itself, without it.
const conPrimaryKey types.ConstraintKind = 'p'

// takePKName takes the primary key's name out of a new table's constraints, if one is written
// (two keys are vitess's error, multiple primary keys).
func takePKName(defs []conDef) (string, []conDef) {
	name, out := "", defs[:0:0]
	for _, d := range defs {
		if d.kind == conPrimaryKey {
			name = d.name
			continue
		}
		out = append(out, d)
	}
	return name, out
}

// namePrimaryKey is the hook a statement that makes a primary key passes its written name
// (or "" for PostgreSQL's default) through: it checks the name against the relations (the
// key's index shares their namespace: 42P07) and schema's own constraints (42710), and
// returns what PKName is to be. The default is <table>_pkey, numbered past a relation of
// that name as PostgreSQL's ChooseRelationName does (a table renamed kept its key's name).
// schema is the table the key is of, under the name it will have.
func (s *Session) namePrimaryKey(schema *types.Schema, name string) (string, error) {
	switch {
	case name == "" && strings.HasPrefix(schema.Name, tempTablePrefix):
		return "", nil // <hidden name>_pkey, which a 63-byte cut would garble
	case name == "":
		name = chooseName(schema.Name, nil, "pkey", func(n string) bool { return n == schema.Name || s.relationExists(n) })
	default:
		name = keyNameIn(schema, name)
		if name == schema.Name || s.relationExists(name) || schema.IndexNamed(name) != nil {
			return "", Errorf("42P07", "relation %q already exists", shownTableName(name))
		}
		if schema.ConstraintNamed(name) != nil {
			return "", Errorf("42710", "constraint %q for relation %q already exists", name, shownTableName(schema.Name))
		}
	}
	if name == schema.Name+"_pkey" {
		return "", nil // the default, which a schema without PKName means
	}
	return name, nil
}

// tableKeyAndConstraints names a new table's primary key (the hook for CREATE TABLE: cons
// carry the name written, conPrimaryKey) and adds its other constraints. A UNIQUE that
// repeats the key is dropped, and gives an unnamed key its name (sameIndexOnce).
func (s *Session) tableKeyAndConstraints(schema *types.Schema, cons []conDef) error {
	pkName, cons := takePKName(cons)
	cons = sameIndexOnce(schema, cons, &pkName)
	if !hiddenKey(schema) {
		var err error
		if schema.PKName, err = s.namePrimaryKey(schema, pkName); err != nil {
			return err
		}
	}
	if len(cons) == 0 {
		return nil
	}
	return s.addConstraints(schema, cons)
}

// keyNameIn is the name a key written name of table schema is stored by: a temporary table's
// is in its session's schema, as the table is, so it takes the table's hidden prefix (and is
// shown without it, temp_catalog.go).
func keyNameIn(schema *types.Schema, name string) string {
	if !strings.HasPrefix(schema.Name, tempTablePrefix) {
		return name
	}
	return strings.TrimSuffix(schema.Name, shownTableName(schema.Name)) + name
}

// renamePrimaryKey is ALTER TABLE ... RENAME CONSTRAINT and ALTER INDEX ... RENAME TO of a
// primary key: its constraint and index are renamed together, as in PostgreSQL. next is a
// copy of schema; verb is the statement's command tag.
func (s *Session) renamePrimaryKey(ctx context.Context, schema, next *types.Schema, to, verb string, out Output) error {
	to = keyNameIn(schema, to)
	switch { // the index is renamed first, then the constraint
	case s.relationExists(to):
		return Errorf("42P07", "relation %q already exists", shownTableName(to))
	case next.ConstraintNamed(to) != nil:
		return Errorf("42710", "constraint %q for relation %q already exists", to, shownTableName(next.Name))
	}
	next.PKName = to
	if to == next.Name+"_pkey" {
		next.PKName = ""
	}
	sources := identitySources(schema)
	if err := s.ts.AlterTable(ctx, schema.Name, next, sources); err != nil {
		return err
	}
	if err := s.followComments(ctx, schema, next, sources); err != nil {
		return err
	}
	return out.Complete(verb)
}

// dropPKDependents refuses to drop table's primary key key while a view's grouped query reads
// a column through it (View.PKDeps: SELECT * FROM t GROUP BY id), as PostgreSQL's dependency
// on the constraint does (2BP01); with CASCADE it drops those views, and the views reading them.
func (s *Session) dropPKDependents(ctx context.Context, table, key string, cascade bool) error {
	views, err := s.ts.ViewsIn(s.tx)
	if err != nil {
		return err
	}
	var deps []tablespace.View
	var lines []string
	shown := shownTableName(table)
	for _, v := range views {
		if slices.Contains(v.PKDeps, table) {
			deps = append(deps, v)
			lines = append(lines, "view "+v.Name+" depends on constraint "+key+" on table "+shown)
		}
	}
	if len(deps) == 0 {
		return nil
	}
	if !cascade {
		return &Error{Code: "2BP01", Message: "cannot drop constraint " + key + " on table " + shown + " because other objects depend on it",
			Detail: strings.Join(lines, "\n"), Hint: "Use DROP ... CASCADE to drop the dependent objects too."}
	}
	for _, v := range deps {
		kind := "view"
		if v.Materialized {
			kind = "materialized view"
		}
		if err := s.dropDependents(ctx, kind, v.Name, true); err != nil {
			return err
		}
		s.noticef("NOTICE", "00000", "drop cascades to %s %s", kind, v.Name)
		if v.Materialized {
			err = s.dropMatview(ctx, v.Name)
		} else {
			err = s.ts.DropViewIn(ctx, nil, v.Name)
		}
		if err != nil && !errors.Is(err, tablespace.ErrNoView) {
			return err
		}
	}
	return nil
}

// dropPrimaryKey is ALTER TABLE ... DROP CONSTRAINT of the primary key: the table is rekeyed
// on a hidden row id, as one created without a key is, its rows numbered in the log entry
// (NextSerial continues past them). Its columns stay NOT NULL, as in PostgreSQL 15. Foreign
// keys referencing it block the drop, or go with CASCADE.
func (s *Session) dropPrimaryKey(ctx context.Context, schema *types.Schema, cascade bool, out Output) error {
	name, key := schema.Name, pkeyName(schema)
	if schema.ColumnIndex(RowIDColumn) >= 0 {
		return Errorf("42701", "column name %q is reserved for the row id of a table without a primary key", RowIDColumn)
	}
	table := shownTableName(name)
	if err := s.dropDependentKeys(ctx, schema, schema.PK, cascade, "constraint "+key+" on table "+table, "index "+key, nil); err != nil {
		return err
	}
	if err := s.dropPKDependents(ctx, name, key, cascade); err != nil {
		return err
	}
	a := newAlteration(name, schema)
	n := int64(0)
	number := &expr{typ: types.Int64, eval: func([]types.Value) (types.Value, error) {
		n++
		return types.NewInt(types.Int64, n), nil
	}}
	a.insertCol(len(a.cols), types.Column{Name: RowIDColumn, Type: types.Int64, NotNull: true, Hidden: true,
		Default: rowIDDefault(name)}, -1, &fillSpec{x: number})
	a.pk, a.pkName = []int{len(a.cols) - 1}, ""
	return s.finishAlter(ctx, a, out)
}
