package parser

import (
	"strconv"
	"strings"

	"github.com/drovedb/drove/sql/ast"
	"github.com/drovedb/drove/sql/lexer"
)

// roleStmt reads CREATE ROLE | USER name [WITH] options, ALTER ROLE | USER name [WITH]
// options and DROP ROLE | USER [IF EXISTS] name, ... (gram.y's CreateRoleStmt, AlterRoleStmt,
// DropRoleStmt). An option is kept by its name (OptRoleElem's DefElem): a word gram.y reads
// as an IDENT that is none of its options is its 42601 "unrecognized role option".
// ALTER ROLE's other forms (RENAME TO, SET, RESET, IN DATABASE, ALL) and a role given as
// CURRENT_USER, SESSION_USER or CURRENT_ROLE are 0A000.
func (p *parser) roleStmt() ast.Stmt {
	s := &ast.RoleStmt{Verb: strings.ToUpper(p.next().Value), User: p.next().Is("user")}
	if s.Verb == "DROP" {
		s.IfExists = p.ifExists()
		for {
			s.Names = append(s.Names, p.roleName())
			if !p.acceptPunct(",") {
				return s
			}
		}
	}
	s.Names = []string{p.roleName()}
	if t := p.peek(); s.Verb == "ALTER" && (t.Is("rename") || t.Is("set") || t.Is("reset") || t.Is("in")) {
		if t.Is("in") && !p.peekN(1).Is("database") {
			p.syntaxError(p.peekN(1))
		}
		p.unsupported(t, "ALTER ROLE ... "+strings.ToUpper(t.Value))
	}
	p.acceptKw("with")
	for t := p.peek(); t.Kind != lexer.EOF && !t.IsPunct(";"); t = p.peek() {
		s.Options = append(s.Options, p.roleOption(s.Verb == "CREATE"))
	}
	return s
}

// roleName reads a role's name (RoleId, or RoleSpec's name).
func (p *parser) roleName() string {
	if t := p.peek(); t.Is("current_user") || t.Is("session_user") || t.Is("current_role") {
		p.unsupported(t, "a role given as "+strings.ToUpper(t.Value))
	}
	return p.colID()
}

// roleOption reads one of CreateOptRoleElem (create) or AlterOptRoleElem.
func (p *parser) roleOption(create bool) ast.RoleOption {
	t := p.next()
	switch {
	case t.Is("password") || (t.Is("encrypted") || t.Is("unencrypted")) && p.isKw("password"):
		if !t.Is("password") {
			p.pos++
		}
		if t.Is("unencrypted") {
			p.fail(&Error{Code: "0A000", Message: "UNENCRYPTED PASSWORD is no longer supported", Pos: t.Pos,
				Hint: "Remove UNENCRYPTED to store the password in encrypted form instead."})
		}
		if p.acceptKw("null") {
			return ast.RoleOption{Name: "password", Null: true}
		}
		return ast.RoleOption{Name: "password", Value: p.stringConst()}
	case t.Is("connection"):
		p.expectKw("limit")
		return ast.RoleOption{Name: "connection limit", Value: strconv.FormatInt(p.signedInt(), 10)}
	case t.Is("valid"):
		p.expectKw("until")
		return ast.RoleOption{Name: "valid until", Value: p.stringConst()}
	case t.Is("user"), create && (t.Is("role") || t.Is("admin")):
		return ast.RoleOption{Name: t.Value, Roles: p.roleList()}
	case create && t.Is("in") && (p.isKw("role") || p.isKw("group")):
		return ast.RoleOption{Name: "in " + p.next().Value, Roles: p.roleList()}
	case create && t.Is("sysid"):
		return ast.RoleOption{Name: "sysid", Value: strconv.FormatInt(p.signedInt(), 10)}
	case t.Is("inherit"):
		return ast.RoleOption{Name: "inherit"}
	case t.Kind == lexer.Ident && category(t.Value) == unreserved && !roleKeywords[t.Value]:
		if !roleWords[t.Value] {
			p.fail(&Error{Code: "42601", Message: "unrecognized role option \"" + t.Value + "\"", Pos: t.Pos})
		}
		return ast.RoleOption{Name: t.Value}
	}
	p.syntaxError(t)
	return ast.RoleOption{}
}

// roleKeywords are the keywords that begin a role option elsewhere: out of their place they
// are a syntax error, as in gram.y. Another unreserved keyword is "unrecognized role option"
// here, a syntax error there (42601 both; sql/ast lists no unreserved keywords).
var roleKeywords = map[string]bool{"admin": true, "role": true, "sysid": true, "connection": true, "valid": true,
	"encrypted": true, "unencrypted": true, "password": true}

// roleWords are the role options gram.y reads as an IDENT.
var roleWords = map[string]bool{"superuser": true, "nosuperuser": true, "createrole": true, "nocreaterole": true,
	"replication": true, "noreplication": true, "createdb": true, "nocreatedb": true, "login": true, "nologin": true,
	"bypassrls": true, "nobypassrls": true, "noinherit": true}

// roleList reads role_list: role names, separated by commas.
func (p *parser) roleList() []string {
	list := []string{p.roleName()}
	for p.acceptPunct(",") {
		list = append(list, p.roleName())
	}
	return list
}
