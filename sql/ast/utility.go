package ast

// TxKind is the kind of a transaction statement.
type TxKind uint8

// The transaction statements. END is Commit, ABORT Rollback.
const (
	TxBegin TxKind = iota
	TxStart        // START TRANSACTION
	TxCommit
	TxRollback
	TxSavepoint
	TxRelease
	TxRollbackTo
)

// Transaction is BEGIN/START TRANSACTION [modes], COMMIT/ROLLBACK [AND [NO] CHAIN],
// SAVEPOINT name, RELEASE [SAVEPOINT] name, ROLLBACK TO [SAVEPOINT] name.
type Transaction struct {
	Kind TxKind
	// Modes are ISOLATION LEVEL ..., READ ONLY, READ WRITE, [NOT] DEFERRABLE, in upper case.
	Modes     []string
	Chain     bool
	Savepoint string
}

// SetKind is the kind of a SET statement.
type SetKind uint8

// The SET forms.
const (
	SetValue     SetKind = iota // SET name = value, ...
	SetDefault                  // SET name TO DEFAULT
	SetCurrent                  // SET name FROM CURRENT
	SetTxModes                  // SET TRANSACTION modes (Name "TRANSACTION")
	SetSessionTx                // SET SESSION CHARACTERISTICS AS TRANSACTION modes
)

// Set is SET [LOCAL|SESSION] name {TO|=} value, ... and the special forms PostgreSQL
// rewrites to it: TIME ZONE (timezone), NAMES (client_encoding), SCHEMA (search_path),
// SEED; a value that is a word is a string Literal, as in PostgreSQL's tree. TIME ZONE LOCAL
// is SetDefault; an INTERVAL zone a Cast.
type Set struct {
	Kind   SetKind
	Local  bool
	Name   string
	Values []Expr
	Modes  []string
}

// SetConstraints is SET CONSTRAINTS ALL | names DEFERRED | IMMEDIATE (Names nil: ALL).
type SetConstraints struct {
	Names    []*Table
	Deferred bool
}

// Show is SHOW name | ALL (TIME ZONE is timezone, TRANSACTION ISOLATION LEVEL
// transaction_isolation, SESSION AUTHORIZATION session_authorization).
type Show struct{ Name string }

// Reset is RESET name | ALL (Name "all").
type Reset struct{ Name string }

// Prepare is PREPARE name [(types)] AS statement.
type Prepare struct {
	Name  string
	Types []TypeName
	Stmt  Stmt
}

// Execute is EXECUTE name [(params)].
type Execute struct {
	Name   string
	Params []Expr
}

// Deallocate is DEALLOCATE [PREPARE] name | ALL (Name "").
type Deallocate struct{ Name string }

// ExplainStmt is EXPLAIN [ANALYZE] [VERBOSE] statement or EXPLAIN (options) statement; the
// old spelling's ANALYZE and VERBOSE are options too, as PostgreSQL's tree has them.
type ExplainStmt struct {
	Options []DefElem
	Stmt    Stmt
}

// Declare is DECLARE name [BINARY] [ASENSITIVE|INSENSITIVE] [[NO] SCROLL] CURSOR [{WITH|WITHOUT} HOLD]
// FOR query.
type Declare struct {
	Name        string
	Binary      bool
	Asensitive  bool // both it and Insensitive are 42P11 for the session, as PostgreSQL's analysis
	Insensitive bool
	Scroll      bool
	NoScroll    bool
	Hold        bool
	Query       *Select
}

// FetchDir is the direction of FETCH and MOVE, as PostgreSQL's FetchStmt keeps it: NEXT is
// FORWARD 1, PRIOR BACKWARD 1, FIRST ABSOLUTE 1, LAST ABSOLUTE -1.
type FetchDir uint8

// The directions.
const (
	FetchForward FetchDir = iota
	FetchBackward
	FetchAbsolute
	FetchRelative
)

// Fetch is FETCH or MOVE (Move) [direction] [FROM|IN] cursor.
type Fetch struct {
	Move      bool
	Direction FetchDir
	Count     int64 // with All: ALL
	All       bool
	Cursor    string
}

// Close is CLOSE name | ALL (Name "").
type Close struct{ Name string }

// Listen is LISTEN channel.
type Listen struct{ Channel string }

// Unlisten is UNLISTEN channel | * (Channel "").
type Unlisten struct{ Channel string }

// Notify is NOTIFY channel [, 'payload'].
type Notify struct {
	Channel    string
	Payload    string
	HasPayload bool
}

// Copy is COPY table [(columns)] | (query) FROM|TO 'file' | PROGRAM 'cmd' | STDIN | STDOUT
// [[WITH] (options)] [WHERE cond]; the old option spellings (CSV, HEADER, DELIMITER 'x',
// ...) are options too.
type Copy struct {
	Table   *Table
	Columns []string
	Query   Stmt
	From    bool
	Program bool
	File    string // "": STDIN or STDOUT
	Options []DefElem
	Where   Expr
}

// VacuumRel is a table of VACUUM or ANALYZE with its columns.
type VacuumRel struct {
	Table   *Table
	Columns []string
}

// Vacuum is VACUUM [(options)] [tables] or ANALYZE (Analyze) [(options)] [tables]; the old
// spellings' FULL, FREEZE, VERBOSE and ANALYZE are options.
type Vacuum struct {
	Analyze bool
	Options []DefElem
	Rels    []VacuumRel
}

// Refresh is REFRESH MATERIALIZED VIEW [CONCURRENTLY] name [WITH [NO] DATA].
type Refresh struct {
	Concurrently bool
	Name         *Table
	NoData       bool
}

// Checkpoint is CHECKPOINT.
type Checkpoint struct{}

// Discard is DISCARD ALL | PLANS | SEQUENCES | TEMP (TEMPORARY is TEMP), Target in upper case.
type Discard struct{ Target string }

// Lock is LOCK [TABLE] names [IN mode MODE] [NOWAIT]; Mode is the lock_type in upper case,
// "" when none is written (ACCESS EXCLUSIVE).
type Lock struct {
	Tables []*Table
	Mode   string
	NoWait bool
}

// Comment is COMMENT ON kind name IS 'text' | NULL: Kind in upper case (TABLE, VIEW,
// MATERIALIZED VIEW, SEQUENCE, INDEX, COLUMN, CONSTRAINT), Name the dotted name as written
// (COLUMN's ends with the column), Constraint CONSTRAINT's name (ON [DOMAIN] Name), Text nil
// for NULL.
type Comment struct {
	Kind       string
	Name       []string
	Constraint string
	OnDomain   bool
	Text       *string
}

func (*Comment) stmt()        {}
func (*Comment) node()        {}
func (*Lock) stmt()           {}
func (*Lock) node()           {}
func (*Transaction) stmt()    {}
func (*Set) stmt()            {}
func (*SetConstraints) stmt() {}
func (*Show) stmt()           {}
func (*Reset) stmt()          {}
func (*Prepare) stmt()        {}
func (*Execute) stmt()        {}
func (*Deallocate) stmt()     {}
func (*ExplainStmt) stmt()    {}
func (*Declare) stmt()        {}
func (*Fetch) stmt()          {}
func (*Close) stmt()          {}
func (*Listen) stmt()         {}
func (*Unlisten) stmt()       {}
func (*Notify) stmt()         {}
func (*Copy) stmt()           {}
func (*Vacuum) stmt()         {}
func (*Refresh) stmt()        {}
func (*Checkpoint) stmt()     {}
func (*Discard) stmt()        {}

func (*Transaction) node()    {}
func (*Set) node()            {}
func (*SetConstraints) node() {}
func (*Show) node()           {}
func (*Reset) node()          {}
func (*Prepare) node()        {}
func (*Execute) node()        {}
func (*Deallocate) node()     {}
func (*ExplainStmt) node()    {}
func (*Declare) node()        {}
func (*Fetch) node()          {}
func (*Close) node()          {}
func (*Listen) node()         {}
func (*Unlisten) node()       {}
func (*Notify) node()         {}
func (*Copy) node()           {}
func (*Vacuum) node()         {}
func (*Refresh) node()        {}
func (*Checkpoint) node()     {}
func (*Discard) node()        {}
