package sql

import (
	"context"
	"errors"
	"strings"
)

// userStmt is CREATE, ALTER or DROP USER (or ROLE). Users are the node's password users:
// every one may log in and do anything, so the options that grant those are accepted and the
// ones that would withhold them are refused rather than ignored.
type userStmt struct {
	verb     string // CREATE, ALTER, DROP
	names    []string
	password string
	ifExists bool
}

// isUserStmt reports whether words start CREATE/ALTER/DROP USER or ROLE.
func isUserStmt(words []string) bool {
	return len(words) >= 2 && (words[0] == "create" || words[0] == "alter" || words[0] == "drop") &&
		(words[1] == "user" || words[1] == "role") && !(len(words) > 2 && words[2] == "mapping")
}

func parseUserStmt(sql string) (*userStmt, error) {
	toks, err := lexSetting(sql)
	if err != nil {
		return nil, err
	}
	p := &settingParser{toks: toks, pos: 2}
	st := &userStmt{verb: strings.ToUpper(toks[0].text)}
	if st.verb == "DROP" && p.accept("if", "exists") {
		st.ifExists = true
	}
	for {
		name, err := p.name()
		if err != nil {
			return nil, err
		}
		if strings.HasPrefix(name, "pg_") || name == "public" || name == "none" {
			return nil, Errorf("42939", "role name %q is reserved", name)
		}
		st.names = append(st.names, name)
		if st.verb != "DROP" || !p.accept(",") {
			break
		}
	}
	if st.verb == "DROP" {
		if !p.done() {
			return nil, p.syntaxError()
		}
		return st, nil
	}
	if p.peek("rename") || p.peek("set") || p.peek("reset") {
		return nil, unsupported("ALTER USER ... %s", strings.ToUpper(p.toks[p.pos].text))
	}
	p.accept("with")
	havePassword := false
	for !p.done() {
		switch {
		case p.accept("password"), p.accept("encrypted", "password"):
			if p.accept("null") {
				return nil, &Error{Code: "0A000", Message: "users without a password are not supported",
					Hint: "Every drove user logs in with a password (SCRAM-SHA-256)."}
			}
			if p.done() || !p.toks[p.pos].quoted || p.toks[p.pos].ident {
				return nil, p.syntaxError()
			}
			st.password, havePassword = p.toks[p.pos].text, true
			p.pos++
		case p.accept("login"), p.accept("superuser"), p.accept("createdb"), p.accept("createrole"),
			p.accept("inherit"), p.accept("replication"), p.accept("bypassrls"):
			// What every drove user has.
		default:
			word := strings.ToUpper(p.toks[p.pos].text)
			if strings.HasPrefix(word, "NO") {
				return nil, &Error{Code: "0A000", Message: "role option " + word + " is not supported",
					Hint: "drove has no privileges yet: every user can log in and do everything."}
			}
			return nil, unsupported("role option %s", word)
		}
	}
	if st.verb == "CREATE" && !havePassword {
		return nil, &Error{Code: "0A000", Message: "a user needs a password",
			Hint: "CREATE USER name WITH PASSWORD '...': every drove user logs in with SCRAM-SHA-256."}
	}
	if st.verb == "ALTER" && !havePassword {
		return nil, Errorf("42601", "ALTER USER needs PASSWORD '...'")
	}
	return st, nil
}

// execUserStmt runs a userStmt through the node, which keeps the users.
func (s *Session) execUserStmt(ctx context.Context, st *userStmt, out Output) error {
	if s.node == nil {
		return unsupported("%s USER in a session without a node", st.verb)
	}
	if s.tx != nil {
		// The users file is not part of the tablespace's log: it cannot roll back.
		return Errorf("25001", "%s USER cannot run inside a transaction block", st.verb)
	}
	switch st.verb {
	case "CREATE":
		if err := s.node.CreateUser(ctx, st.names[0], st.password); err != nil {
			return err
		}
		return out.Complete("CREATE ROLE")
	case "ALTER":
		if err := s.node.AlterUser(ctx, st.names[0], st.password); err != nil {
			return err
		}
		return out.Complete("ALTER ROLE")
	}
	for _, name := range st.names {
		if name == s.set.user {
			return Errorf("55006", "current user cannot be dropped")
		}
	}
	for _, name := range st.names {
		if err := s.node.DropUser(ctx, name); err != nil {
			var e *Error
			if st.ifExists && errors.As(err, &e) && e.Code == "42704" {
				continue
			}
			return err
		}
	}
	return out.Complete("DROP ROLE")
}
