package ast

// Select is a query: PostgreSQL's SelectStmt. A plain SELECT has Targets (and the clauses
// after it); a VALUES list has Values; a set operation has Op, Left and Right. WITH, ORDER BY
// and LIMIT/OFFSET belong to whichever of the three carries them.
type Select struct {
	With *With

	Distinct   bool
	DistinctOn []Expr // DISTINCT ON (...), with Distinct
	Targets    []Target
	Into       *Into // SELECT ... INTO [TEMP|UNLOGGED] [TABLE] name
	From       []FromItem
	Where      Expr
	GroupBy    []Expr
	// GroupDistinct: GROUP BY DISTINCT, whose expanded grouping sets are deduplicated.
	GroupDistinct bool
	Having        Expr
	Windows       []NamedWindow

	Values [][]Expr

	Op          SetOp
	All         bool // UNION ALL, ...
	Left, Right *Select

	OrderBy []SortBy
	Limit   Expr // nil: none; LIMIT ALL is a NULL Literal, as in PostgreSQL's raw tree
	Offset  Expr
	// WithTies: FETCH FIRST Limit ROWS WITH TIES, which also returns the rows that tie
	// with the last one in ORDER BY.
	WithTies bool

	Locking []Locking // FOR UPDATE, FOR SHARE, ...
}

// Locking is a row-locking clause: FOR UPDATE | NO KEY UPDATE | SHARE | KEY SHARE [OF t, ...]
// [NOWAIT | SKIP LOCKED].
type Locking struct {
	Strength LockStrength
	Of       []string // the tables after OF; none: every table of FROM
	Wait     LockWait
}

// LockStrength is a locking clause's strength.
type LockStrength uint8

// The strengths.
const (
	ForUpdate LockStrength = iota
	ForNoKeyUpdate
	ForShare
	ForKeyShare
)

// String is the clause's words, as PostgreSQL's messages name it: FOR UPDATE, ...
func (s LockStrength) String() string {
	return [...]string{"FOR UPDATE", "FOR NO KEY UPDATE", "FOR SHARE", "FOR KEY SHARE"}[s]
}

// LockWait is a locking clause's wait policy, ordered as PostgreSQL combines them: a table
// several clauses lock takes the largest.
type LockWait uint8

// The wait policies.
const (
	LockWaitBlock LockWait = iota // wait for the lock
	SkipLocked                    // SKIP LOCKED
	NoWait                        // NOWAIT
)

// Into is SELECT's INTO clause: the query creates the table (CREATE TABLE AS in another
// spelling; PostgreSQL refuses it where the query is not the statement, in analysis).
type Into struct {
	Persistence Persistence
	Table       *Table
}

// SetOp is the set operation of a Select, or none.
type SetOp uint8

// The set operations.
const (
	NoSetOp SetOp = iota
	Union
	Intersect
	Except
)

// Target is one entry of a select list: an expression and its alias ("" for none). `*` and
// `t.*` are a ColumnRef with Star.
type Target struct {
	Expr  Expr
	Alias string
}

// SortBy is one ORDER BY key.
type SortBy struct {
	Expr  Expr
	Desc  bool
	Nulls Nulls
}

// Nulls is NULLS FIRST/LAST, or the default.
type Nulls uint8

// The NULLS orders.
const (
	NullsDefault Nulls = iota
	NullsFirst
	NullsLast
)

// With is WITH [RECURSIVE] name AS (query), ...
type With struct {
	Recursive bool
	CTEs      []CTE
}

// CTE is one WITH query.
type CTE struct {
	Name         string
	Columns      []string
	Query        *Select
	Materialized CTEMaterialize
	// Stmt is a data-modifying WITH query (INSERT, UPDATE or DELETE) in place of Query.
	Stmt Stmt
}

// CTEMaterialize is a WITH query's [NOT] MATERIALIZED.
type CTEMaterialize uint8

const (
	CTEDefault CTEMaterialize = iota
	CTEMaterialized
	CTENotMaterialized
)

// Window is a window specification: OVER (...) or OVER name (Ref alone).
type Window struct {
	Ref string // OVER name, or the window (name ...) builds on
	// ByName: written OVER name, the named window itself; OVER (name) is a copy of it, which
	// PostgreSQL refuses of a window with a frame.
	ByName      bool
	PartitionBy []Expr
	OrderBy     []SortBy
	Frame       *Frame
}

// NamedWindow is WINDOW name AS (spec).
type NamedWindow struct {
	Name string
	Spec Window
}

// Frame is ROWS|RANGE|GROUPS BETWEEN start AND end (End nil: the single-bound form)
// [EXCLUDE ...].
type Frame struct {
	Mode       string // ROWS, RANGE, GROUPS
	Start, End *FrameBound
	Exclude    string // CURRENT ROW, GROUP, TIES; "" for none (EXCLUDE NO OTHERS)
}

// FrameBound is one end of a frame.
type FrameBound struct {
	Kind   string // UNBOUNDED PRECEDING, PRECEDING, CURRENT ROW, FOLLOWING, UNBOUNDED FOLLOWING
	Offset Expr   // for PRECEDING and FOLLOWING
}

// FromItem is an entry of FROM.
type FromItem interface {
	Node
	fromItem()
}

// Alias is AS name [(columns)].
type Alias struct {
	Name    string
	Columns []string
}

// Table is a table or view by name.
type Table struct {
	Schema, Name string
	Alias        *Alias
}

// SubqueryFrom is (query) AS alias, LATERAL when written so.
type SubqueryFrom struct {
	Select  *Select
	Lateral bool
	Alias   *Alias
}

// FuncFrom is a function in FROM (PostgreSQL's RangeFunction): the call or ROWS FROM (...),
// WITH ORDINALITY, the alias with its column names or a column definition list. (sql's
// converter holds a plain `f(x) [AS a[(c)]]` as a LATERAL subquery selecting the call.)
type FuncFrom struct {
	Lateral    bool
	Funcs      []RangeFunc // the call, or ROWS FROM's calls
	RowsFrom   bool
	Ordinality bool
	Alias      *Alias      // nil: none
	ColDefs    []ColumnDef // AS [a] (name type, ...): the record's columns
}

// RangeFunc is one call of a FuncFrom, with the column definitions ROWS FROM's item may
// have (f(x) AS (a int)).
type RangeFunc struct {
	Call    Expr
	ColDefs []ColumnDef
}

// JoinKind is the kind of a join.
type JoinKind uint8

// The joins.
const (
	CrossJoin JoinKind = iota
	InnerJoin
	LeftJoin
	RightJoin
	FullJoin
)

// Join is left JOIN right ON cond | USING (cols) | NATURAL; CROSS JOIN has neither.
type Join struct {
	Kind        JoinKind
	Natural     bool
	Left, Right FromItem
	On          Expr
	Using       []string
	UsingAlias  string // USING (cols) AS name: the merged columns as name.col
}

func (*Select) node()       {}
func (*Table) node()        {}
func (*SubqueryFrom) node() {}
func (*Join) node()         {}
func (*FuncFrom) node()     {}

func (*Table) fromItem()        {}
func (*SubqueryFrom) fromItem() {}
func (*Join) fromItem()         {}
func (*FuncFrom) fromItem()     {}
