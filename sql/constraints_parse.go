package sql

import (
	"github.com/drovedb/drove/types"
)

// CHECK, UNIQUE and FOREIGN KEY constraints of CREATE TABLE and ALTER TABLE, as sql/parser's
// tree has them (create_tree.go's treeConDef), are conDefs.

// conDef is one constraint as written.
type conDef struct {
	name     string // "" when unnamed
	kind     types.ConstraintKind
	column   string   // the column a column constraint was written on; "" for a table constraint
	cols     []string // UNIQUE's and FOREIGN KEY's columns
	check    string   // CHECK's expression, PostgreSQL text
	refQual  string   // the referenced table's qualifier, if any
	refTable string
	refCols  []string // empty: the referenced table's primary key
	onDelete types.RefAction
	onUpdate types.RefAction
	// deferrable and deferred: DEFERRABLE and INITIALLY DEFERRED (UNIQUE, FOREIGN KEY).
	deferrable, deferred bool
	matchFull            bool     // FOREIGN KEY ... MATCH FULL
	nnd                  bool     // UNIQUE NULLS NOT DISTINCT
	include              []string // UNIQUE's INCLUDE columns
	// notValid: NOT VALID (CHECK, FOREIGN KEY), which only ALTER TABLE ADD CONSTRAINT heeds
	// (a new table has no rows to skip).
	notValid bool
}
