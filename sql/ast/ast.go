package ast

import (
	"math"
	"strconv"
	"strings"
)

// Node is any node of the tree.
type Node interface{ node() }

// Expr is a value expression.
type Expr interface {
	Node
	expr()
}

// LitType is the type PostgreSQL's parser gives a constant before analysis: a number by its
// spelling and size, a quoted string unknown (its context decides), TRUE/FALSE boolean.
type LitType uint8

// The literal types.
const (
	LitNull      LitType = iota // NULL
	LitInteger                  // fits int4
	LitBigint                   // fits int8
	LitNumeric                  // a decimal point or exponent, or beyond int8
	LitString                   // 'text': type unknown until analysis
	LitBool                     // TRUE, FALSE
	LitBitString                // B'0101' (Val holds the bits)
)

// Literal is a constant as written: Val is the number's digits or the string's decoded
// value.
type Literal struct {
	Type LitType
	Val  string
}

// ColumnRef is a column, possibly qualified (table.col, schema.table.col); Star is `t.*` or
// `*` (then Names holds only the qualifier).
type ColumnRef struct {
	Names []string
	Star  bool
}

// Param is $N.
type Param struct{ N int }

// UnaryOp is a prefix operator: "-", "+", "~" (bitwise not), "@" (absolute value).
type UnaryOp struct {
	Op   string
	Expr Expr
}

// BinaryOp is an infix operator named as in pg_operator: "+", "||", "<>", "~*", "->>",
// "AT TIME ZONE" is AtTimeZone, LIKE is Like.
type BinaryOp struct {
	Op          string
	Left, Right Expr
}

// BoolOp is AND or OR over two or more arguments (flattened, as PostgreSQL's parser does),
// or NOT over one.
type BoolOp struct {
	Op   BoolKind
	Args []Expr
}

// BoolKind is AND, OR or NOT.
type BoolKind uint8

// The boolean operators.
const (
	And BoolKind = iota
	Or
	Not
)

// FuncCall is a call of a function or an aggregate or window function.
type FuncCall struct {
	Name     []string // possibly schema-qualified, lower case unless quoted
	Args     []Expr
	Star     bool // count(*)
	Distinct bool
	// Variadic: the last argument was written after VARIADIC (an array passed whole as
	// the variadic parameter).
	Variadic bool
	OrderBy  []SortBy // string_agg(x, ',' ORDER BY y)
	// WithinGroup: OrderBy is an ordered-set aggregate's WITHIN GROUP (ORDER BY ...)
	WithinGroup bool
	Filter      Expr    // FILTER (WHERE ...)
	Over        *Window // OVER (...) or OVER name
	// Syntax is the SQL-standard spelling the call came from, printed again as it: "" (a
	// plain call), "substring" (substring(x FROM a FOR b)), "position" (position(a IN b),
	// Args are b, a as in PostgreSQL), "trim" (TrimSpec), "overlay".
	Syntax   string
	TrimSpec string // BOTH, LEADING, TRAILING for Syntax "trim"
}

// SQLValue is a function PostgreSQL's grammar spells without parentheses: CURRENT_DATE,
// CURRENT_TIMESTAMP[(p)], LOCALTIMESTAMP, CURRENT_USER, ... (Precision -1 when not given).
type SQLValue struct {
	Name      string // upper case
	Precision int
}

// Extract is EXTRACT(field FROM x).
type Extract struct {
	Field string
	Expr  Expr
}

// Case is CASE [Arg] WHEN ... THEN ... [ELSE ...] END.
type Case struct {
	Arg   Expr
	Whens []When
	Else  Expr
}

// When is one WHEN cond THEN result.
type When struct {
	Cond, Result Expr
}

// TypeName is a type as written, normalized: its PostgreSQL name with modifiers and array
// bounds ("numeric(10,2)[]", "timestamptz", "double precision").
type TypeName struct {
	Name string
}

// Cast is CAST(x AS t) or x::t (both are one node in PostgreSQL); a typed literal
// (INTERVAL '1 day') is a Cast of a string Literal.
type Cast struct {
	Expr Expr
	Type TypeName
}

// Collate is x COLLATE name.
type Collate struct {
	Expr      Expr
	Collation string
}

// In is x [NOT] IN (list). x IN (subquery) is a SubLink.
type In struct {
	Expr Expr
	List []Expr
	Not  bool
}

// SubLinkKind says how a subquery is used.
type SubLinkKind uint8

// The subquery kinds.
const (
	ExprSubLink   SubLinkKind = iota // (SELECT ...) as a value
	ExistsSubLink                    // EXISTS (SELECT ...)
	AnySubLink                       // x op ANY (SELECT ...); IN is = ANY
	AllSubLink                       // x op ALL (SELECT ...)
	ArraySubLink                     // ARRAY(SELECT ...)
)

// SubLink is a subquery in an expression.
type SubLink struct {
	Kind   SubLinkKind
	Op     string // the operator of ANY/ALL
	Left   Expr   // the left operand of ANY/ALL
	Select *Select
	In     bool // written x IN (SELECT ...), which is = ANY
}

// AnyAll is x op ANY (array) or x op ALL (array).
type AnyAll struct {
	Op          string
	All         bool
	Left, Array Expr
}

// NullTest is x IS [NOT] NULL.
type NullTest struct {
	Expr Expr
	Not  bool
}

// BoolTest is x IS [NOT] TRUE, FALSE, UNKNOWN.
type BoolTest struct {
	Expr  Expr
	Not   bool
	Value string // TRUE, FALSE or UNKNOWN
}

// DistinctFrom is a IS [NOT] DISTINCT FROM b.
type DistinctFrom struct {
	Left, Right Expr
	Not         bool
}

// Between is x [NOT] BETWEEN [SYMMETRIC] lo AND hi.
type Between struct {
	Expr, Lo, Hi   Expr
	Not, Symmetric bool
}

// LikeKind is LIKE, ILIKE or SIMILAR TO.
type LikeKind uint8

// The pattern matches.
const (
	LikeOp LikeKind = iota
	ILikeOp
	SimilarOp
)

// Like is x [NOT] LIKE|ILIKE|SIMILAR TO pattern [ESCAPE e].
type Like struct {
	Kind    LikeKind
	Expr    Expr
	Pattern Expr
	Escape  Expr
	Not     bool
}

// Array is ARRAY[elems].
type Array struct{ Elems []Expr }

// Row is (a, b, ...) or ROW(a, ...) as a value.
type Row struct {
	Fields   []Expr
	Explicit bool // written with ROW
}

// Subscript is x[i], or the slice x[Index:Upper] when Upper is set.
type Subscript struct {
	Expr, Index Expr
	Upper       Expr
}

// Field is (x).name.
type Field struct {
	Expr Expr
	Name string
}

// NamedArg is a function argument given by name: name => value (or name := value).
type NamedArg struct {
	Name  string
	Value Expr
}

// AtTimeZone is x AT TIME ZONE zone.
type AtTimeZone struct {
	Expr, Zone Expr
}

// GroupingSet is one of GROUP BY's grouping constructs: ROLLUP (...), CUBE (...), GROUPING
// SETS (...) or the empty set (), as PostgreSQL's raw GroupingSet. An element written as a
// parenthesized list, ROLLUP ((a, b)), is an implicit Row; a GROUPING SETS element may be
// another GroupingSet.
type GroupingSet struct {
	Kind    GroupingKind
	Content []Expr
}

// GroupingFunc is GROUPING(args): PostgreSQL's GroupingFunc, a keyword's syntax, not a call
// ("grouping"(x) is a function's).
type GroupingFunc struct {
	Args []Expr
}

// GroupingKind is the kind of a GroupingSet.
type GroupingKind uint8

// The grouping constructs.
const (
	GroupingEmpty GroupingKind = iota
	GroupingRollup
	GroupingCube
	GroupingSets
)

// Default is DEFAULT in a VALUES row of INSERT.
type Default struct{}

// Foreign is a subtree a consumer keeps in another front end's form while it moves onto
// this tree: sql's binder converts only the node kinds it compiles from the tree and holds
// vitess's node for the rest (sql/DESIGN.md, "Moving the binder onto the tree"). The printer
// and Walk do not look inside it; a tree for printing never has one.
type Foreign struct{ Node any }

func (*Literal) node()      {}
func (*ColumnRef) node()    {}
func (*Param) node()        {}
func (*UnaryOp) node()      {}
func (*BinaryOp) node()     {}
func (*BoolOp) node()       {}
func (*FuncCall) node()     {}
func (*SQLValue) node()     {}
func (*Extract) node()      {}
func (*Case) node()         {}
func (*Cast) node()         {}
func (*Collate) node()      {}
func (*In) node()           {}
func (*SubLink) node()      {}
func (*AnyAll) node()       {}
func (*NullTest) node()     {}
func (*BoolTest) node()     {}
func (*DistinctFrom) node() {}
func (*Between) node()      {}
func (*Like) node()         {}
func (*Array) node()        {}
func (*Row) node()          {}
func (*Subscript) node()    {}
func (*Field) node()        {}
func (*AtTimeZone) node()   {}
func (*NamedArg) node()     {}
func (*Default) node()      {}
func (*GroupingSet) node()  {}
func (*GroupingFunc) node() {}
func (*Foreign) node()      {}

func (*Literal) expr()      {}
func (*ColumnRef) expr()    {}
func (*Param) expr()        {}
func (*UnaryOp) expr()      {}
func (*BinaryOp) expr()     {}
func (*BoolOp) expr()       {}
func (*FuncCall) expr()     {}
func (*SQLValue) expr()     {}
func (*Extract) expr()      {}
func (*Case) expr()         {}
func (*Cast) expr()         {}
func (*Collate) expr()      {}
func (*In) expr()           {}
func (*SubLink) expr()      {}
func (*AnyAll) expr()       {}
func (*NullTest) expr()     {}
func (*BoolTest) expr()     {}
func (*DistinctFrom) expr() {}
func (*Between) expr()      {}
func (*Like) expr()         {}
func (*Array) expr()        {}
func (*Row) expr()          {}
func (*Subscript) expr()    {}
func (*Field) expr()        {}
func (*AtTimeZone) expr()   {}
func (*NamedArg) expr()     {}
func (*Default) expr()      {}
func (*GroupingSet) expr()  {}
func (*GroupingFunc) expr() {}
func (*Foreign) expr()      {}

// NumberLiteral is a numeric constant typed as PostgreSQL's grammar types it: integer when
// it fits int4, bigint when it fits int8, else (or with a point or exponent) numeric.
func NumberLiteral(v string) *Literal {
	if strings.ContainsAny(v, ".eE") {
		return &Literal{Type: LitNumeric, Val: v}
	}
	i, err := strconv.ParseInt(v, 10, 64)
	switch {
	case err != nil:
		return &Literal{Type: LitNumeric, Val: v}
	case i >= math.MinInt32 && i <= math.MaxInt32:
		return &Literal{Type: LitInteger, Val: v}
	}
	return &Literal{Type: LitBigint, Val: v}
}
