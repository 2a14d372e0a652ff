package ast

// Stmt is a statement: a query (Select) or one of the statements below, as PostgreSQL's
// raw parse tree shapes them (gram.y's output). Each prints (SQL style) as text that parses
// back to an equal tree.
type Stmt interface {
	Node
	stmt()
}

// Insert is INSERT INTO table [AS alias] [(columns)] [OVERRIDING ...] query | DEFAULT VALUES
// [ON CONFLICT ...] [RETURNING ...]. Table.Alias holds AS alias (a name without columns).
type Insert struct {
	With    *With
	Table   *Table
	Columns []string
	// Subs, when set, is parallel to Columns: the subscript a column's element or slice is
	// inserted at, (b[1], b[3]) or (b[1:2]); nil for a whole column.
	Subs       []*Subscript
	Overriding string  // "", "SYSTEM" or "USER" (OVERRIDING ... VALUE)
	Query      *Select // nil: DEFAULT VALUES
	OnConflict *OnConflict
	Returning  []Target
	// Upsert: drove's (HerdDB's) UPSERT INTO, whose row replaces an existing one with its
	// key; a written ON CONFLICT clause takes its place, as drove's dialect pass has it.
	Upsert bool
}

// OnConflict is ON CONFLICT [(index elements) [WHERE] | ON CONSTRAINT name] DO NOTHING |
// DO UPDATE SET ... [WHERE].
type OnConflict struct {
	Columns    []IndexElem
	Where      Expr   // the arbiter index's predicate
	Constraint string // ON CONSTRAINT name
	Update     bool   // DO UPDATE (else DO NOTHING)
	Set        []SetClause
	// UpdateWhere is DO UPDATE's WHERE.
	UpdateWhere Expr
}

// SetClause is one assignment of UPDATE's (or ON CONFLICT's) SET: `c = v`, or `(a, b) = v`
// (Multi) where v is a row, ROW(...) or a subquery.
type SetClause struct {
	Columns []string
	// Subs, when set, is parallel to Columns: the subscript (Expr nil) a column's element or
	// slice is assigned at, c[i] = v or c[i:j] = v; nil for a whole column.
	Subs  []*Subscript
	Multi bool
	Value Expr
}

// Sub is the subscript column k is assigned at, or nil.
func (c *SetClause) Sub(k int) *Subscript { return subAt(c.Subs, k) }

// Sub is the subscript column k of the column list is inserted at, or nil.
func (s *Insert) Sub(k int) *Subscript { return subAt(s.Subs, k) }

// subAt is subs[k], or nil when no column has a subscript.
func subAt(subs []*Subscript, k int) *Subscript {
	if subs == nil {
		return nil
	}
	return subs[k]
}

// Update is UPDATE table [[AS] alias] SET ... [FROM ...] [WHERE cond | WHERE CURRENT OF c]
// [RETURNING ...].
type Update struct {
	With      *With
	Table     *Table
	Set       []SetClause
	From      []FromItem
	Where     Expr
	CurrentOf string
	Returning []Target
}

// Delete is DELETE FROM table [[AS] alias] [USING ...] [WHERE cond | WHERE CURRENT OF c]
// [RETURNING ...].
type Delete struct {
	With      *With
	Table     *Table
	Using     []FromItem
	Where     Expr
	CurrentOf string
	Returning []Target
}

// IndexElem is a key of CREATE INDEX or ON CONFLICT: a column (Name) or an expression, with
// COLLATE, an operator class, ASC/DESC and NULLS FIRST/LAST.
type IndexElem struct {
	Name      string
	Expr      Expr // when Name is ""
	Collation string
	Opclass   string
	Desc      bool
	Nulls     Nulls
}

func (*Select) stmt() {}
func (*Insert) stmt() {}
func (*Update) stmt() {}
func (*Delete) stmt() {}

func (*Insert) node() {}
func (*Update) node() {}
func (*Delete) node() {}
