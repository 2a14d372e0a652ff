package sql

import (
	"context"
	"errors"
	"strings"
)

// userStmt is CREATE, ALTER or DROP USER (or ROLE). Users are the node's password users:
// every one may log in and use every table; only superusers manage users and tablespaces.
// Options drove cannot honour are refused rather than ignored.
type userStmt struct {
	verb     string // CREATE, ALTER, DROP
	names    []string
	opts     UserOptions
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
	if err := parseRoleOptions(p, &st.opts); err != nil {
		return nil, err
	}
	if st.verb == "CREATE" && st.opts.Password == nil {
		return nil, &Error{Code: "0A000", Message: "a user needs a password",
			Hint: "CREATE USER name WITH PASSWORD '...': every drove user logs in with SCRAM-SHA-256."}
	}
	if st.verb == "ALTER" && st.opts.Password == nil && st.opts.Superuser == nil {
		return nil, Errorf("42601", "ALTER USER needs PASSWORD '...', SUPERUSER or NOSUPERUSER")
	}
	return st, nil
}

// parseRoleOptions reads CREATE/ALTER USER options into opts. SUPERUSER and NOSUPERUSER are
// kept; CREATEDB, CREATEROLE, REPLICATION and BYPASSRLS are what a superuser has, so they
// are accepted beside SUPERUSER and refused alone (drove cannot grant them separately);
// their NO forms are what every other user has; LOGIN and INHERIT every user has.
func parseRoleOptions(p *settingParser, opts *UserOptions) error {
	var superOnly string // an option that only a superuser has
	for !p.done() {
		switch {
		case p.accept("password"), p.accept("encrypted", "password"):
			if p.accept("null") {
				return &Error{Code: "0A000", Message: "users without a password are not supported",
					Hint: "Every drove user logs in with a password (SCRAM-SHA-256)."}
			}
			if p.done() || !p.toks[p.pos].quoted || p.toks[p.pos].ident {
				return p.syntaxError()
			}
			password := p.toks[p.pos].text
			opts.Password = &password
			p.pos++
		case p.accept("superuser"), p.accept("nosuperuser"):
			super := strings.EqualFold(p.toks[p.pos-1].text, "superuser")
			opts.Superuser = &super
		case p.accept("createdb"), p.accept("createrole"), p.accept("replication"), p.accept("bypassrls"):
			superOnly = strings.ToUpper(p.toks[p.pos-1].text)
		case p.accept("login"), p.accept("inherit"), p.accept("nocreatedb"), p.accept("nocreaterole"),
			p.accept("noreplication"), p.accept("nobypassrls"):
		default:
			word := strings.ToUpper(p.toks[p.pos].text)
			if strings.HasPrefix(word, "NO") {
				return &Error{Code: "0A000", Message: "role option " + word + " is not supported",
					Hint: "Every drove user can log in."}
			}
			return unsupported("role option %s", word)
		}
	}
	if superOnly != "" && (opts.Superuser == nil || !*opts.Superuser) {
		return &Error{Code: "0A000", Message: "role option " + superOnly + " is not supported without SUPERUSER",
			Hint: "drove has no separate privileges yet: only superusers manage users and tablespaces."}
	}
	return nil
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
	if err := s.mayManageUsers(st); err != nil {
		return err
	}
	switch st.verb {
	case "CREATE":
		if err := s.node.CreateUser(ctx, st.names[0], st.opts); err != nil {
			return err
		}
		return out.Complete("CREATE ROLE")
	case "ALTER":
		if err := s.node.AlterUser(ctx, st.names[0], st.opts); err != nil {
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

// superuser reports whether the session's user may manage users and tablespaces. A session
// without a node (embedded, no catalog) has nothing to protect from itself.
func (s *Session) superuser() bool { return s.node == nil || s.node.Superuser(s.set.user) }

// mayManageUsers lets superusers run st, and anyone change their own password, as
// PostgreSQL does; the rest is 42501.
func (s *Session) mayManageUsers(st *userStmt) error {
	if s.superuser() {
		return nil
	}
	if st.verb == "ALTER" && st.names[0] == s.set.user && st.opts.Superuser == nil {
		return nil
	}
	verb := map[string]string{"CREATE": "create", "ALTER": "alter", "DROP": "drop"}[st.verb]
	return &Error{Code: "42501", Message: "permission denied to " + verb + " role",
		Detail: "Only superusers may " + verb + " users; a user may change their own password."}
}

// requireSuperuser refuses what only superusers may do (tablespaces, BACKUP, RESTORE) with
// 42501.
func (s *Session) requireSuperuser(what string) error {
	if s.superuser() {
		return nil
	}
	return &Error{Code: "42501", Message: "permission denied to " + what, Hint: "Must be superuser to " + what + "."}
}
