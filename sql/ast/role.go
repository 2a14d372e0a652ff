package ast

import "strings"

// RoleStmt is CREATE ROLE | USER name [WITH] options, ALTER ROLE | USER name [WITH] options,
// or DROP ROLE | USER [IF EXISTS] names.
type RoleStmt struct {
	Verb     string // CREATE, ALTER or DROP
	User     bool   // written USER rather than ROLE
	IfExists bool   // DROP IF EXISTS
	Names    []string
	Options  []RoleOption
}

// RoleOption is one role option (gram.y's OptRoleElem): Name is the option as written in
// lower case, its words joined by a space ("superuser", "password", "connection limit",
// "valid until", "in role"); Value a password, timestamp or number; Roles a role list.
type RoleOption struct {
	Name  string
	Value string
	Null  bool // PASSWORD NULL
	Roles []string
}

func (*RoleStmt) stmt() {}
func (*RoleStmt) node() {}

// role writes a RoleStmt.
func (p *printer) role(s *RoleStmt) {
	p.w(s.Verb, map[bool]string{true: " USER ", false: " ROLE "}[s.User])
	if s.IfExists {
		p.w("IF EXISTS ")
	}
	p.names(s.Names)
	for _, o := range s.Options {
		p.w(" ", strings.ToUpper(o.Name))
		switch {
		case o.Null:
			p.w(" NULL")
		case o.Roles != nil:
			p.w(" ")
			p.names(o.Roles)
		case o.Name == "password" || o.Name == "valid until":
			p.w(" ", QuoteString(o.Value))
		case o.Value != "":
			p.w(" ", o.Value)
		}
	}
}

// names writes identifiers separated by commas.
func (p *printer) names(list []string) {
	for i, n := range list {
		if i > 0 {
			p.w(", ")
		}
		p.w(p.ident(n))
	}
}
