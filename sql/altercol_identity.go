package sql

import (
	"cmp"
	"context"
	"errors"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

// ALTER TABLE ... ALTER COLUMN's identity actions, as PostgreSQL 15 has them: ADD GENERATED
// {ALWAYS | BY DEFAULT} AS IDENTITY [(options)], SET GENERATED ..., SET <sequence option>,
// RESTART [[WITH] n], DROP IDENTITY [IF EXISTS]. The column's kind and DEFAULT change with
// the schema; its sequence is created before the table changes (and dropped again if that
// fails), altered or dropped after.

// identityAct is one ALTER COLUMN's identity action.
type identityAct struct {
	add      byte   // ADD GENERATED: types.IdentityAlways or IdentityByDefault
	set      byte   // SET GENERATED: the new kind, or 0
	opts     string // ADD's parenthesized options, or SET/RESTART's options as sequence options
	drop     bool   // DROP IDENTITY
	ifExists bool   // DROP IDENTITY IF EXISTS
}

// identityChange works out identity action act on column i of alteration a.
func (s *Session) identityChange(a *alteration, i int, act *identityAct) error {
	c := &a.cols[i]
	notIdentity := Errorf("55000", "column %q of relation %q is not an identity column", c.Name, a.name)
	switch {
	case act.add != 0:
		return s.addIdentity(a, c, act)
	case c.Identity == 0 && act.drop && act.ifExists:
		s.noticef("NOTICE", "00000", "column %q of relation %q is not an identity column, skipping", c.Name, a.name)
		return nil
	case c.Identity == 0:
		return notIdentity
	}
	seq, _, err := serialSequence(c.Default)
	if err != nil {
		return err
	}
	if act.drop {
		c.Identity, c.Default = 0, ""
		a.seqDrop = append(a.seqDrop, seq)
		return nil
	}
	if act.set != 0 {
		c.Identity = act.set
	}
	if act.opts == "" {
		return nil
	}
	o, err := identityOptionsText(act.opts) // sequence_tree.go
	if err != nil {
		return err
	}
	// The options are checked on a copy now, so a wrong one changes nothing.
	cur, ok, err := s.ts.SequenceByName(seq)
	if err != nil || !ok {
		return seqError(cmp.Or(err, tablespace.ErrNoSequence), seq)
	}
	def, last, called := cur.Sequence, cur.Last, cur.Called
	if err := o.apply(&def, false, &last, &called); err != nil {
		return err
	}
	a.seqAlter = append(a.seqAlter, seqChange{seq, o})
	return nil
}

// retypeIdentity changes the sequence of identity column c, whose type an ALTER COLUMN ...
// TYPE changes, to c's new type, as PostgreSQL does (ALTER SEQUENCE ... AS): a bound that was
// the old type's limit becomes the new type's, so values past the old limit can be drawn.
func (s *Session) retypeIdentity(a *alteration, c types.Column) error {
	if !c.Type.IsInteger() {
		return Errorf("22023", "identity column type must be smallint, integer, or bigint")
	}
	seq, _, err := serialSequence(c.Default)
	if err != nil {
		return err
	}
	cur, ok, err := s.ts.SequenceByName(seq)
	if err != nil || !ok {
		return seqError(cmp.Or(err, tablespace.ErrNoSequence), seq)
	}
	t := c.Type
	o := seqOptions{typ: &t}
	// Checked on a copy now (the current value must fit the new type), applied after the
	// table changed (finishAlterSequences).
	def, last, called := cur.Sequence, cur.Last, cur.Called
	if err := o.apply(&def, false, &last, &called); err != nil {
		return err
	}
	a.seqAlter = append(a.seqAlter, seqChange{seq, o})
	return nil
}

// addIdentity is ADD GENERATED ... AS IDENTITY on column c, with PostgreSQL's checks.
func (s *Session) addIdentity(a *alteration, c *types.Column, act *identityAct) error {
	switch {
	case !c.Type.IsInteger():
		return Errorf("22023", "identity column type must be smallint, integer, or bigint")
	case !c.NotNull:
		return Errorf("55000", "column %q of relation %q must be declared NOT NULL before identity can be added", c.Name, a.name)
	case c.Identity != 0:
		return Errorf("55000", "column %q of relation %q is already an identity column", c.Name, a.name)
	case c.Default != "":
		return Errorf("55000", "column %q of relation %q already has a default value", c.Name, a.name)
	}
	def := serialSequenceDef("", a.name, *c, 1)
	if act.opts != "" {
		opts, err := identitySequence(act.opts, *c)
		if err != nil {
			return err
		}
		def = *opts
	}
	if def.Name == "" {
		taken := map[string]*tablespace.Sequence{}
		for _, d := range a.seqCreate {
			taken[d.Name] = nil
		}
		def.Name = s.serialSequenceName(a.name, c.Name, taken)
	} else if s.relationExists(def.Name) {
		return Errorf("42P07", "relation %q already exists", def.Name)
	}
	def.OwnedTable, def.OwnedColumn = a.name, c.Name
	c.Identity, c.Default = act.add, serialDefault(def.Name)
	a.seqCreate = append(a.seqCreate, def)
	return nil
}

// seqChange is an identity column's sequence options an ALTER TABLE changes.
type seqChange struct {
	name string
	opts seqOptions
}

// createAlterSequences creates the sequences of the columns an ALTER TABLE makes identity
// columns, before the table changes; it returns their names.
func (s *Session) createAlterSequences(ctx context.Context, a *alteration) ([]string, error) {
	var made []string
	for _, def := range a.seqCreate {
		if err := s.ts.CreateSequence(ctx, def); err != nil {
			s.dropSequencesQuietly(made)
			return nil, seqError(err, def.Name)
		}
		made = append(made, def.Name)
	}
	return made, nil
}

// finishAlterSequences alters and drops the identity sequences an ALTER TABLE changed, after
// the table changed.
func (s *Session) finishAlterSequences(ctx context.Context, a *alteration) error {
	for _, ch := range a.seqAlter {
		err := s.ts.AlterSequence(ctx, ch.name, func(def *tablespace.Sequence, last *int64, called *bool) error {
			return ch.opts.apply(def, false, last, called)
		})
		if err != nil {
			return seqError(err, ch.name)
		}
	}
	for _, name := range a.seqDrop {
		if err := s.ts.DropSequence(ctx, name); err != nil && !errors.Is(err, tablespace.ErrNoSequence) {
			return seqError(err, name)
		}
	}
	return nil
}
