package sql

import (
	"context"
	"errors"
	"strings"

	"github.com/drovedb/drove/sql/ast"
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

// userOfTree is CREATE, ALTER or DROP USER (or ROLE) as sql/parser read it (ddl_tree.go),
// its names and options checked.
func userOfTree(n *ast.RoleStmt) (*userStmt, error) {
	st := &userStmt{verb: n.Verb, names: n.Names, ifExists: n.IfExists}
	for _, name := range n.Names {
		if strings.HasPrefix(name, "pg_") || name == "public" || name == "none" {
			return nil, Errorf("42939", "role name %q is reserved", name)
		}
	}
	if st.verb == "DROP" {
		return st, nil
	}
	if err := roleOptionsOf(n.Options, &st.opts); err != nil {
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

// roleOptionsOf reads CREATE/ALTER USER options into opts. SUPERUSER and NOSUPERUSER are
// kept; CREATEDB, CREATEROLE, REPLICATION and BYPASSRLS are what a superuser has, so they
// are accepted beside SUPERUSER and refused alone (drove cannot grant them separately);
// their NO forms are what every other user has; LOGIN and INHERIT every user has.
func roleOptionsOf(list []ast.RoleOption, opts *UserOptions) error {
	var superOnly string // an option that only a superuser has
	for _, o := range list {
		word := strings.ToUpper(o.Name)
		switch o.Name {
		case "password":
			if o.Null {
				return &Error{Code: "0A000", Message: "users without a password are not supported",
					Hint: "Every drove user logs in with a password (SCRAM-SHA-256)."}
			}
			password := o.Value
			opts.Password = &password
		case "superuser", "nosuperuser":
			super := o.Name == "superuser"
			opts.Superuser = &super
		case "createdb", "createrole", "replication", "bypassrls":
			superOnly = word
		case "login", "inherit", "nocreatedb", "nocreaterole", "noreplication", "nobypassrls":
		default:
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
