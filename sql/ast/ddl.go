package ast

// Persistence is a relation's TEMP or UNLOGGED.
type Persistence uint8

// The persistences.
const (
	Permanent Persistence = iota
	Temporary
	Unlogged
)

// CreateTable is CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (elements) [WITH
// (params)] [ON COMMIT ...], or CREATE TABLE name [(columns)] AS query [WITH [NO] DATA]
// (Query set). Column definitions and table constraints keep their written order in
// Elements.
type CreateTable struct {
	Persistence Persistence
	IfNotExists bool
	Table       *Table
	Columns     []ColumnDef
	Constraints []Constraint
	Inherits    []*Table
	With        []DefElem
	OnCommit    string // "", "PRESERVE ROWS", "DELETE ROWS", "DROP"
	// CREATE TABLE AS: the query, the column names and WITH NO DATA.
	Query     *Select
	AsColumns []string
	NoData    bool
}

// ColumnDef is a column of CREATE TABLE or ALTER TABLE ADD COLUMN.
type ColumnDef struct {
	Name        string
	Type        TypeName
	Collation   string
	Constraints []Constraint
}

// ConstrKind is the kind of a constraint.
type ConstrKind uint8

// The constraints.
const (
	ConstrNotNull ConstrKind = iota
	ConstrNull
	ConstrDefault
	ConstrCheck
	ConstrPrimaryKey
	ConstrUnique
	ConstrForeignKey
	ConstrIdentity  // GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY [(options)]
	ConstrGenerated // GENERATED ALWAYS AS (expr) STORED
)

// Constraint is a column or table constraint. Columns are a table constraint's own (PRIMARY
// KEY (a, b), FOREIGN KEY (a) REFERENCES ...); a column constraint has none.
type Constraint struct {
	Name    string
	Kind    ConstrKind
	Expr    Expr // DEFAULT, CHECK, GENERATED ... AS (expr)
	Columns []string
	Include []string // INCLUDE (...) of PRIMARY KEY and UNIQUE
	// NullsNotDistinct is UNIQUE NULLS NOT DISTINCT.
	NullsNotDistinct bool
	NoInherit        bool // CHECK ... NO INHERIT
	// REFERENCES table [(columns)] [MATCH ...] [ON DELETE action] [ON UPDATE action].
	RefTable   *Table
	RefColumns []string
	Match      string // "", "FULL", "PARTIAL", "SIMPLE"
	OnDelete   string // "", "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"
	OnUpdate   string
	// IDENTITY: ALWAYS (else BY DEFAULT) and the sequence's options.
	Always     bool
	SeqOptions []SeqOption
	// Deferrable, InitiallyDeferred: [NOT] DEFERRABLE, INITIALLY DEFERRED|IMMEDIATE.
	Deferrable        bool
	NotDeferrable     bool
	InitiallyDeferred bool
	Initially         bool // written INITIALLY ...
	NotValid          bool
}

// SeqOption is one option of CREATE/ALTER SEQUENCE or an identity column: Name is
// "as", "increment", "minvalue", "maxvalue", "start", "restart", "cache", "cycle", "owned by",
// "sequence name", "logged", "unlogged". No is NO MINVALUE/MAXVALUE/CYCLE; Value the
// number (RESTART without one has none); Type AS's type; Names OWNED BY's column (or NONE)
// and SEQUENCE NAME's name.
type SeqOption struct {
	Name  string
	No    bool
	Value Expr
	Type  TypeName
	Names []string
}

// DefElem is `name [= value]` of an option list (WITH (fillfactor = 70), EXPLAIN (...),
// COPY's and VACUUM's options). A word value is a string Literal, as PostgreSQL's grammar
// makes it (FORMAT json is FORMAT 'json').
type DefElem struct {
	Name string
	Arg  Expr // nil: none
}

// CreateIndex is CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON table [USING
// method] (elements) [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WITH (...)] [WHERE ...].
type CreateIndex struct {
	Unique           bool
	Concurrently     bool
	IfNotExists      bool
	Name             string
	Table            *Table
	Method           string
	Elems            []IndexElem
	Include          []string
	NullsNotDistinct bool
	With             []DefElem
	Where            Expr
}

// CreateView is CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name [(columns)] AS query [WITH
// [CASCADED|LOCAL] CHECK OPTION], or CREATE MATERIALIZED VIEW [IF NOT EXISTS] name
// [(columns)] AS query [WITH [NO] DATA].
type CreateView struct {
	Materialized bool
	Replace      bool
	Temp         bool
	Recursive    bool
	IfNotExists  bool
	Name         *Table
	Columns      []string
	Query        *Select
	CheckOption  string // "", "CASCADED", "LOCAL"
	NoData       bool
}

// ObjectKind names the kind of object ALTER, DROP and RENAME act on.
type ObjectKind string

// The object kinds.
const (
	ObjTable    ObjectKind = "TABLE"
	ObjView     ObjectKind = "VIEW"
	ObjMatView  ObjectKind = "MATERIALIZED VIEW"
	ObjIndex    ObjectKind = "INDEX"
	ObjSequence ObjectKind = "SEQUENCE"
)

// Drop is DROP kind [CONCURRENTLY] [IF EXISTS] names [CASCADE|RESTRICT].
type Drop struct {
	Kind         ObjectKind
	Concurrently bool
	IfExists     bool
	Names        []*Table
	Behavior     string // "", "CASCADE", "RESTRICT"
}

// AlterTable is ALTER TABLE|VIEW|MATERIALIZED VIEW|INDEX|SEQUENCE [IF EXISTS] [ONLY] name
// actions (a comma-separated list, or one RENAME).
type AlterTable struct {
	Kind     ObjectKind
	IfExists bool
	Only     bool
	Table    *Table
	Cmds     []AlterCmd
}

// AlterKind is one action of ALTER TABLE.
type AlterKind uint8

// The actions.
const (
	AlterAddColumn AlterKind = iota
	AlterDropColumn
	AlterColumnType
	AlterSetDefault
	AlterDropDefault
	AlterSetNotNull
	AlterDropNotNull
	AlterAddConstraint
	AlterDropConstraint
	AlterRename       // RENAME TO NewName
	AlterRenameColumn // RENAME [COLUMN] Name TO NewName
	AlterRenameConstraint
	AlterAddIdentity  // ALTER COLUMN c ADD GENERATED ... AS IDENTITY
	AlterDropIdentity // ALTER COLUMN c DROP IDENTITY [IF EXISTS]
	AlterSetSchema
	AlterValidateConstraint
	AlterSeqOptions // ALTER COLUMN c SET GENERATED ... / RESTART / SET sequence option (identity)
	AlterSetOptions // SET (params)
	AlterResetOptions
	AlterOwner
)

// AlterCmd is one ALTER TABLE action. Name is the column or constraint acted on, NewName
// RENAME's and SET SCHEMA's target.
type AlterCmd struct {
	Kind        AlterKind
	Name        string
	NewName     string
	IfExists    bool // DROP ... IF EXISTS
	IfNotExists bool // ADD COLUMN IF NOT EXISTS
	Column      *ColumnDef
	Type        TypeName
	Collation   string
	Using       Expr
	Default     Expr
	Constraint  *Constraint
	Options     []DefElem
	SeqOptions  []SeqOption
	Behavior    string
}

// CreateSequence is CREATE [TEMP|UNLOGGED] SEQUENCE [IF NOT EXISTS] name [options].
type CreateSequence struct {
	Persistence Persistence
	IfNotExists bool
	Name        *Table
	Options     []SeqOption
}

// AlterSequence is ALTER SEQUENCE [IF EXISTS] name options.
type AlterSequence struct {
	IfExists bool
	Name     *Table
	Options  []SeqOption
}

// Truncate is TRUNCATE [TABLE] [ONLY] names [RESTART|CONTINUE IDENTITY] [CASCADE|RESTRICT].
type Truncate struct {
	Tables          []*Table
	RestartIdentity bool
	Behavior        string
}

func (*CreateTable) stmt()    {}
func (*CreateIndex) stmt()    {}
func (*CreateView) stmt()     {}
func (*Drop) stmt()           {}
func (*AlterTable) stmt()     {}
func (*CreateSequence) stmt() {}
func (*AlterSequence) stmt()  {}
func (*Truncate) stmt()       {}

func (*CreateTable) node()    {}
func (*CreateIndex) node()    {}
func (*CreateView) node()     {}
func (*Drop) node()           {}
func (*AlterTable) node()     {}
func (*CreateSequence) node() {}
func (*AlterSequence) node()  {}
func (*Truncate) node()       {}
