package ast

// drove's own statements, which PostgreSQL does not have (sql/DESIGN.md, step 0): HerdDB's
// tablespace statements, DROP NODE, BACKUP and RESTORE.

// TablespaceStmt is CREATE TABLESPACE [IF NOT EXISTS], ALTER TABLESPACE, DROP TABLESPACE [IF
// EXISTS] or DROP NODE [IF EXISTS], in HerdDB's syntax: a name (a string or an identifier)
// and 'key:value' option strings after commas. The options are kept as written; sql checks
// them (its TablespaceOptions), as PostgreSQL's analysis checks a DefElem list.
type TablespaceStmt struct {
	Verb     string // CREATE, ALTER or DROP
	Node     bool   // DROP NODE: Name is a node id
	IfExists bool   // IF [NOT] EXISTS
	Name     string
	Options  []string
}

// Backup is BACKUP TABLESPACE name TO STDOUT, or RESTORE TABLESPACE name FROM STDIN.
type Backup struct {
	Restore bool
	Name    string
}

func (*TablespaceStmt) stmt() {}
func (*TablespaceStmt) node() {}
func (*Backup) stmt()         {}
func (*Backup) node()         {}

// drove writes drove's own statements; false for any other.
func (p *printer) drove(s Stmt) bool {
	switch s := s.(type) {
	case *TablespaceStmt:
		p.w(s.Verb)
		if s.Node {
			p.w(" NODE")
		} else {
			p.w(" TABLESPACE")
		}
		if s.IfExists {
			if s.Verb == "CREATE" {
				p.w(" IF NOT EXISTS")
			} else {
				p.w(" IF EXISTS")
			}
		}
		p.w(" ", QuoteString(s.Name))
		for _, o := range s.Options {
			p.w(", ", QuoteString(o))
		}
	case *Backup:
		if s.Restore {
			p.w("RESTORE TABLESPACE ", QuoteString(s.Name), " FROM STDIN")
		} else {
			p.w("BACKUP TABLESPACE ", QuoteString(s.Name), " TO STDOUT")
		}
	default:
		return false
	}
	return true
}
