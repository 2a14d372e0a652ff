package sql

import (
	"context"
	"io"
	"strconv"
	"strings"

	"vitess.io/vitess/go/vt/sqlparser"
)

// Node is what sessions need of the node that runs them: its identity and the catalog of
// tablespaces. The server implements it; a session without one (nil) refuses tablespace
// statements and shows no node-level system tables.
type Node interface {
	ID() string
	Address() string // where clients reach this node
	CreateTablespace(ctx context.Context, name string, opts TablespaceOptions) error
	DropTablespace(ctx context.Context, name string) error
	Tablespaces() []TablespaceInfo
	// BackupTablespace writes a consistent backup of a tablespace to w while writes go on.
	BackupTablespace(ctx context.Context, name string, w io.Writer) error
	// RestoreTablespace creates tablespace name from a backup read from r.
	RestoreTablespace(ctx context.Context, name string, r io.Reader) error
	// CreateUser adds a password user; the password may be a SCRAM-SHA-256 verifier.
	CreateUser(ctx context.Context, name string, opts UserOptions) error
	// AlterUser changes an existing user's password or superuser flag.
	AlterUser(ctx context.Context, name string, opts UserOptions) error
	// DropUser removes a user.
	DropUser(ctx context.Context, name string) error
	// Users lists the password users, sorted.
	Users() []string
	// Superuser reports whether user may manage users and tablespaces.
	Superuser(user string) bool
}

// UserOptions are what CREATE and ALTER USER set; nil leaves a thing as it is (for CREATE:
// not a superuser).
type UserOptions struct {
	Password  *string
	Superuser *bool
}

// TablespaceOptions are the options of CREATE TABLESPACE, in HerdDB's 'key:value' syntax.
type TablespaceOptions struct {
	Leader           string   // 'leader:node'
	Replicas         []string // 'replica:node1,node2'
	ExpectedReplicas int      // 'expectedreplicacount:n', 0 when not given
}

// TablespaceInfo is one row of systablespaces.
type TablespaceInfo struct {
	Name             string
	Leader           string
	Replicas         []string
	ExpectedReplicas int
}

// tablespaceStmt is a parsed CREATE TABLESPACE or DROP TABLESPACE.
type tablespaceStmt struct {
	create   bool
	name     string
	opts     TablespaceOptions
	ifExists bool // DROP ... IF EXISTS, CREATE ... IF NOT EXISTS
}

// isTablespaceStmt reports whether words start CREATE TABLESPACE or DROP TABLESPACE, which
// vitess does not parse.
func isTablespaceStmt(words []string) bool {
	return len(words) >= 2 && (words[0] == "create" || words[0] == "drop") && words[1] == "tablespace"
}

// parseTablespaceStmt parses HerdDB's syntax, with PostgreSQL-style IF [NOT] EXISTS allowed:
//
//	CREATE TABLESPACE [IF NOT EXISTS] 'name' [, 'option:value' ...]
//	DROP TABLESPACE [IF EXISTS] 'name'
//
// The name may also be a plain or double-quoted identifier. sql is the dialect-rewritten text.
func parseTablespaceStmt(sql string) (*tablespaceStmt, error) {
	tok := parser.NewStringTokenizer(sql)
	type token struct {
		id  int
		val string
	}
	var toks []token
	for {
		id, val := tok.Scan()
		if id == 0 {
			break
		}
		if tok.LastError != nil || id == sqlparser.LEX_ERROR {
			return nil, Errorf("42601", "syntax error in tablespace statement")
		}
		toks = append(toks, token{id, val})
	}
	st := &tablespaceStmt{create: strings.EqualFold(toks[0].val, "create")}
	toks = toks[2:] // CREATE|DROP TABLESPACE
	word := func(i int, w string) bool {
		return i < len(toks) && toks[i].id != sqlparser.STRING && strings.EqualFold(toks[i].val, w)
	}
	switch {
	case st.create && word(0, "if") && word(1, "not") && word(2, "exists"):
		st.ifExists, toks = true, toks[3:]
	case !st.create && word(0, "if") && word(1, "exists"):
		st.ifExists, toks = true, toks[2:]
	}
	if len(toks) == 0 || (toks[0].id != sqlparser.STRING && toks[0].id != sqlparser.ID) {
		return nil, Errorf("42601", "syntax error: a tablespace name is expected, as in CREATE TABLESPACE 'name'")
	}
	st.name = toks[0].val // the dialect pass already folded an unquoted identifier
	for rest := toks[1:]; len(rest) > 0; rest = rest[2:] {
		if !st.create || len(rest) < 2 || rest[0].id != ',' || rest[1].id != sqlparser.STRING {
			near := rest[0].val
			if near == "" {
				near = string(rune(rest[0].id))
			}
			return nil, Errorf("42601", "syntax error at or near %q: tablespace options follow the name as 'key:value' strings separated by commas", near)
		}
		if err := st.opts.set(rest[1].val); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// set applies one 'key:value' option.
func (o *TablespaceOptions) set(opt string) error {
	key, value, ok := strings.Cut(opt, ":")
	if !ok {
		return Errorf("42601", "tablespace option %q is not of the form 'key:value'", opt)
	}
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "leader":
		o.Leader = strings.TrimSpace(value)
	case "replica":
		for _, r := range strings.Split(value, ",") {
			if r = strings.TrimSpace(r); r != "" {
				o.Replicas = append(o.Replicas, r)
			}
		}
	case "expectedreplicacount":
		n, err := strconv.Atoi(strings.TrimSpace(value))
		if err != nil || n < 1 {
			return Errorf("22023", "expectedreplicacount must be a positive integer, not %q", value)
		}
		o.ExpectedReplicas = n
	case "wait", "maxleaderinactivitytime":
		// HerdDB's waiting and failover timings: creation here is synchronous and there is no
		// failover on one node, so they are accepted and have nothing to change.
		if _, err := strconv.Atoi(strings.TrimSpace(value)); err != nil {
			return Errorf("22023", "tablespace option %s must be an integer, not %q", key, value)
		}
	default:
		return Errorf("42601", "unknown tablespace option %q", key)
	}
	return nil
}

// execTablespaceStmt runs CREATE or DROP TABLESPACE through the node.
func (s *Session) execTablespaceStmt(ctx context.Context, st *tablespaceStmt, out Output) error {
	verb := "DROP"
	if st.create {
		verb = "CREATE"
	}
	if s.node == nil {
		return unsupported("%s TABLESPACE in a session without a node", verb)
	}
	if err := s.requireSuperuser(strings.ToLower(verb) + " tablespaces"); err != nil {
		return err
	}
	if s.tx != nil {
		return Errorf("25001", "%s TABLESPACE cannot run inside a transaction block", verb)
	}
	exists := false
	for _, info := range s.node.Tablespaces() {
		exists = exists || info.Name == st.name
	}
	switch {
	case st.create && exists && st.ifExists, !st.create && !exists && st.ifExists:
		return out.Complete(verb + " TABLESPACE")
	case st.create:
		if err := s.node.CreateTablespace(ctx, st.name, st.opts); err != nil {
			return err
		}
	default:
		if st.name == s.ts.Name() {
			return Errorf("55006", "cannot drop the currently open tablespace %q", st.name)
		}
		if err := s.node.DropTablespace(ctx, st.name); err != nil {
			return err
		}
	}
	return out.Complete(verb + " TABLESPACE")
}
