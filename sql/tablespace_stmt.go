package sql

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/drovedb/drove/sql/ast"
)

// tablespaceStmt is a parsed CREATE, ALTER or DROP TABLESPACE, or DROP NODE.
type tablespaceStmt struct {
	verb     string // "CREATE", "ALTER" or "DROP"
	node     bool   // DROP NODE: name is a node id
	name     string
	opts     TablespaceOptions
	ifExists bool // DROP ... IF EXISTS, CREATE ... IF NOT EXISTS
}

// tag is the statement's command tag: "ALTER TABLESPACE", "DROP NODE".
func (st *tablespaceStmt) tag() string {
	if st.node {
		return st.verb + " NODE"
	}
	return st.verb + " TABLESPACE"
}

// tablespaceOfTree is drove's CREATE, ALTER or DROP TABLESPACE, or DROP NODE, as sql/parser
// read it (HerdDB's syntax, sql/parser/drove.go), its 'key:value' options checked.
func tablespaceOfTree(n *ast.TablespaceStmt) (*tablespaceStmt, error) {
	st := &tablespaceStmt{verb: n.Verb, node: n.Node, name: n.Name, ifExists: n.IfExists}
	for _, o := range n.Options {
		if err := st.opts.set(o, st.verb == "CREATE"); err != nil {
			return nil, err
		}
	}
	return st, st.opts.check()
}

// tablespaceOptionHint lists the options for error hints.
const tablespaceOptionHint = "The options are 'replica:node1,node2', 'expectedreplicacount:n', 'leader:node' and 'maxleaderinactivitytime:ms' (and 'wait:ms' in CREATE TABLESPACE)."

// set applies one 'key:value' option; create allows CREATE TABLESPACE's own ones.
func (o *TablespaceOptions) set(opt string, create bool) error {
	key, value, ok := strings.Cut(opt, ":")
	if !ok {
		return Errorf("42601", "tablespace option %q is not of the form 'key:value'", opt)
	}
	key, value = strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(value)
	bit, err := o.setValue(key, value, create)
	if err != nil || bit == 0 {
		return err
	}
	if o.Has(bit) {
		return Errorf("42601", "conflicting or redundant options: %s is given twice", key)
	}
	o.Given |= bit
	return nil
}

// setValue parses one option's value into its field and returns the option's bit (0 for
// those that change nothing kept).
func (o *TablespaceOptions) setValue(key, value string, create bool) (TablespaceOption, error) {
	switch key {
	case "leader":
		if value == "" {
			return 0, Errorf("22023", "tablespace option leader needs a node id, as in 'leader:n1'")
		}
		o.Leader = value
		return OptLeader, nil
	case "replica":
		o.Replicas = nil
		for _, r := range strings.Split(value, ",") {
			if r = strings.TrimSpace(r); r == "" {
				continue
			}
			if slices.Contains(o.Replicas, r) {
				return 0, Errorf("22023", "tablespace option replica names node %q twice", r)
			}
			o.Replicas = append(o.Replicas, r)
		}
		if len(o.Replicas) == 0 {
			return 0, Errorf("22023", "tablespace option replica needs at least one node id, as in 'replica:n1,n2,n3'")
		}
		return OptReplicas, nil
	case "expectedreplicacount":
		n, err := strconv.Atoi(value)
		if err != nil || n < 1 {
			return 0, Errorf("22023", "expectedreplicacount must be a positive integer, not %q", value)
		}
		o.ExpectedReplicas = n
		return OptExpectedReplicas, nil
	case "maxleaderinactivitytime":
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n < 0 || n > int64(time.Duration(1<<62)/time.Millisecond) {
			return 0, Errorf("22023", "maxleaderinactivitytime must be a number of milliseconds, not %q", value)
		}
		o.MaxLeaderInactivity = time.Duration(n) * time.Millisecond
		return OptMaxLeaderInactivity, nil
	case "wait":
		// HerdDB's wait for the new tablespace to be ready: creation here returns once it
		// is, so the value has nothing to change.
		if !create {
			return 0, &Error{Code: "22023", Message: "tablespace option wait applies only to CREATE TABLESPACE", Hint: tablespaceOptionHint}
		}
		if n, err := strconv.Atoi(value); err != nil || n < 0 {
			return 0, Errorf("22023", "tablespace option wait must be a number of milliseconds, not %q", value)
		}
		return 0, nil
	}
	return 0, &Error{Code: "22023", Message: "unrecognized tablespace option \"" + key + "\"", Hint: tablespaceOptionHint}
}

// check verifies what the options say together.
func (o *TablespaceOptions) check() error {
	if o.Has(OptReplicas) && o.Has(OptExpectedReplicas) && o.ExpectedReplicas > len(o.Replicas) {
		return Errorf("22023", "expectedreplicacount:%d is more than the %d replicas given in 'replica:%s'",
			o.ExpectedReplicas, len(o.Replicas), strings.Join(o.Replicas, ","))
	}
	if o.Has(OptReplicas) && o.Has(OptLeader) && !slices.Contains(o.Replicas, o.Leader) {
		return Errorf("22023", "leader %q is not one of the replicas given in 'replica:%s'", o.Leader, strings.Join(o.Replicas, ","))
	}
	return nil
}

// execTablespaceStmt runs CREATE, ALTER or DROP TABLESPACE, or DROP NODE, through the node.
func (s *Session) execTablespaceStmt(ctx context.Context, st *tablespaceStmt, out Output) error {
	if s.node == nil {
		return unsupported("%s in a session without a node", st.tag())
	}
	what := strings.ToLower(st.verb) + " tablespaces"
	if st.node {
		what = "remove nodes"
	}
	if err := s.requireSuperuser(what); err != nil {
		return err
	}
	if s.tx != nil {
		return Errorf("25001", "%s cannot run inside a transaction block", st.tag())
	}
	if st.node {
		return s.execDropNode(ctx, st, out)
	}
	exists := false
	for _, info := range s.node.Tablespaces() {
		exists = exists || info.Name == st.name
	}
	var err error
	switch {
	case st.verb == "CREATE" && exists && st.ifExists, st.verb == "DROP" && !exists && st.ifExists:
	case st.verb == "CREATE":
		err = s.node.CreateTablespace(ctx, st.name, st.opts)
	case !exists:
		err = Errorf("42704", "tablespace %q does not exist", st.name)
	case st.verb == "ALTER":
		err = s.node.AlterTablespace(ctx, st.name, st.opts)
	case st.name == s.ts.Name():
		err = Errorf("55006", "cannot drop the currently open tablespace %q", st.name)
	default:
		err = s.node.DropTablespace(ctx, st.name)
	}
	if err != nil {
		return err
	}
	return out.Complete(st.tag())
}

// execDropNode removes a node from the cluster.
func (s *Session) execDropNode(ctx context.Context, st *tablespaceStmt, out Output) error {
	if st.ifExists && !slices.ContainsFunc(s.node.Nodes(), func(n NodeInfo) bool { return n.ID == st.name }) {
		return out.Complete(st.tag())
	}
	if err := s.node.RemoveNode(ctx, st.name); err != nil {
		return err
	}
	return out.Complete(st.tag())
}
