package meta

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// A command is one entry of the meta log: a change the FSM applies to the catalog, or refuses
// with the same error on every replica (apply depends only on the catalog, the command and the
// entry's index — never on the clock or on the replica).
type command struct {
	V  int    `json:"v"`
	Op string `json:"op"`
	// ID identifies a command issued through Meta's API, so a retry is recognised.
	ID string `json:"id,omitempty"`

	Node       *Node       `json:"node,omitempty"`
	Tablespace *Tablespace `json:"tablespace,omitempty"`
	User       *User       `json:"user,omitempty"`
	Name       string      `json:"name,omitempty"`
	// IfMod makes an alter a compare-and-set: applied only if the object's ModIndex is IfMod.
	IfMod uint64 `json:"if_mod,omitempty"`
	// Origin is the node the command was issued on (the default replica of a tablespace).
	Origin string `json:"origin,omitempty"`
	// Live and LastSeen are a liveness change, decided (and timed) by the meta leader.
	Live     bool      `json:"live,omitempty"`
	LastSeen time.Time `json:"last_seen,omitzero"`
	// Migration is the single-node directory catalog, imported once.
	Migration *migration `json:"migration,omitempty"`
}

// migration is what a node upgrading from the directory catalog brings into the cluster
// catalog: its tablespaces (each replicated on that node alone) and its users.
type migration struct {
	Node        string   `json:"node"`
	Tablespaces []string `json:"tablespaces"`
	Users       []User   `json:"users"`
}

// commandVersion is the encoding's version. A replica refuses a command of a newer version
// rather than guessing at it; a cluster being upgraded must not issue new commands until
// every node runs the new version.
const commandVersion = 1

// The commands.
const (
	opRegisterNode     = "register_node"
	opRemoveNode       = "remove_node"
	opSetLiveness      = "set_liveness"
	opCreateTablespace = "create_tablespace"
	opAlterTablespace  = "alter_tablespace"
	opDropTablespace   = "drop_tablespace"
	opSetLeader        = "set_tablespace_leader"
	opClearLeader      = "clear_tablespace_leader"
	opCreateUser       = "create_user"
	opPutUser          = "put_user"
	opAlterUser        = "alter_user"
	opDropUser         = "drop_user"
	opMigrate          = "migrate"
)

func encodeCommand(c *command) ([]byte, error) {
	c.V = commandVersion
	return json.Marshal(c)
}

func decodeCommand(b []byte) (*command, error) {
	var c command
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, errorf(ErrInvalid, "undecodable command: %v", err)
	}
	if c.V != commandVersion {
		return nil, errorf(ErrInvalid, "command version %d, this node understands %d", c.V, commandVersion)
	}
	return &c, nil
}

// applyFuncs maps each command to its pure function of the catalog: a new catalog (the input
// is never modified) or an error, which leaves the catalog as it was.
var applyFuncs = map[string]func(c *Catalog, cmd *command, index uint64) error{
	opRegisterNode:     applyRegisterNode,
	opRemoveNode:       applyRemoveNode,
	opSetLiveness:      applySetLiveness,
	opCreateTablespace: applyCreateTablespace,
	opAlterTablespace:  applyAlterTablespace,
	opDropTablespace:   applyDropTablespace,
	opSetLeader:        applySetLeader,
	opClearLeader:      applyClearLeader,
	opCreateUser:       applyCreateUser,
	opPutUser:          applyPutUser,
	opAlterUser:        applyAlterUser,
	opDropUser:         applyDropUser,
	opMigrate:          applyMigrate,
}

// requestResult is a command's outcome, remembered by its id.
type requestResult struct {
	Index uint64 `json:"index"`
	Kind  string `json:"kind,omitempty"`
	Err   string `json:"err,omitempty"`
}

// requestMemory is how many log entries a command's outcome is remembered for: a retry comes
// within seconds, a handful of entries later at the meta group's rate.
const requestMemory = 4096

// apply applies cmd, the entry at index, to cat, and returns the next catalog (always a new
// value, at index) and the command's error. A refused command leaves the content as it was.
// A command whose id was seen before is not applied again: it gets its first outcome.
func apply(cat *Catalog, cmd *command, index uint64) (*Catalog, error) {
	next := cat.clone()
	next.Index = index
	if r, ok := cat.requests[cmd.ID]; ok && cmd.ID != "" {
		return next, wireError(r.Kind, r.Err)
	}
	var err error
	if f, ok := applyFuncs[cmd.Op]; !ok {
		err = errorf(ErrInvalid, "unknown command %q", cmd.Op)
	} else if err = f(next, cmd, index); err != nil {
		next = cat.clone()
		next.Index = index
	}
	if cmd.ID != "" {
		if next.requests == nil {
			next.requests = map[string]requestResult{}
		}
		r := requestResult{Index: index}
		if err != nil {
			r.Kind, r.Err = kindName(err), err.Error()
		}
		next.requests[cmd.ID] = r
	}
	if index%256 == 0 {
		for id, r := range next.requests {
			if r.Index+requestMemory < index {
				delete(next.requests, id)
			}
		}
	}
	return next, err
}

var validID = regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$`)

func checkName(what, name string) error {
	if !validID.MatchString(name) {
		return errorf(ErrInvalid, "invalid %s name %q", what, name)
	}
	return nil
}

func applyRegisterNode(c *Catalog, cmd *command, _ uint64) error {
	n := cmd.Node
	if n == nil {
		return errorf(ErrInvalid, "register_node without a node")
	}
	if err := checkName("node", n.ID); err != nil {
		return err
	}
	c.Nodes[n.ID] = Node{ID: n.ID, PGAddr: n.PGAddr, ClusterAddr: n.ClusterAddr, Live: true, LastSeen: n.LastSeen}
	return nil
}

func applyRemoveNode(c *Catalog, cmd *command, _ uint64) error {
	if _, ok := c.Nodes[cmd.Name]; !ok {
		return errorf(ErrNotFound, "node %q does not exist", cmd.Name)
	}
	if hosted := c.Hosted(cmd.Name); len(hosted) > 0 {
		return errorf(ErrNodeInUse, "node %q still hosts replicas of %s", cmd.Name, strings.Join(hosted, ", "))
	}
	delete(c.Nodes, cmd.Name)
	return nil
}

func applySetLiveness(c *Catalog, cmd *command, _ uint64) error {
	n, ok := c.Nodes[cmd.Name]
	if !ok {
		return errorf(ErrNotFound, "node %q does not exist", cmd.Name)
	}
	n.Live, n.LastSeen = cmd.Live, cmd.LastSeen
	c.Nodes[cmd.Name] = n
	return nil
}

// checkPlacement validates a tablespace's replica set and options against the catalog.
func checkPlacement(c *Catalog, ts *Tablespace) error {
	if len(ts.Replicas) == 0 {
		return errorf(ErrInvalid, "tablespace %q needs at least one replica", ts.Name)
	}
	for i, r := range ts.Replicas {
		if _, ok := c.Nodes[r]; !ok {
			return errorf(ErrInvalid, "tablespace %q: replica %q is not a node of the cluster", ts.Name, r)
		}
		if slices.Contains(ts.Replicas[:i], r) {
			return errorf(ErrInvalid, "tablespace %q: replica %q listed twice", ts.Name, r)
		}
	}
	if ts.ExpectedReplicas < 1 {
		return errorf(ErrInvalid, "tablespace %q: expected replica count %d must be at least 1", ts.Name, ts.ExpectedReplicas)
	}
	if ts.PreferredLeader != "" && !slices.Contains(ts.Replicas, ts.PreferredLeader) {
		return errorf(ErrInvalid, "tablespace %q: preferred leader %q is not one of its replicas", ts.Name, ts.PreferredLeader)
	}
	if ts.LeaderInactivityTimeout < 0 {
		return errorf(ErrInvalid, "tablespace %q: negative leader inactivity timeout", ts.Name)
	}
	return nil
}

func applyCreateTablespace(c *Catalog, cmd *command, index uint64) error {
	if cmd.Tablespace == nil {
		return errorf(ErrInvalid, "create_tablespace without a tablespace")
	}
	ts := *cmd.Tablespace
	if err := checkName("tablespace", ts.Name); err != nil {
		return err
	}
	if _, ok := c.Tablespaces[ts.Name]; ok {
		return errorf(ErrExists, "tablespace %q already exists", ts.Name)
	}
	if len(ts.Replicas) == 0 {
		// The default placement, chosen here so every replica chooses the same.
		if ts.ExpectedReplicas <= 1 && cmd.Origin != "" {
			ts.Replicas = []string{cmd.Origin}
		} else {
			ts.Replicas = c.pickNodes(max(ts.ExpectedReplicas, 1), nil)
		}
	}
	if ts.ExpectedReplicas == 0 {
		ts.ExpectedReplicas = len(ts.Replicas)
	}
	if err := checkPlacement(c, &ts); err != nil {
		return err
	}
	ts.Replicas = slices.Clone(ts.Replicas)
	ts.Bootstrap = slices.Clone(ts.Replicas)
	ts.Leader = ""
	ts.CreatedIndex, ts.ModIndex = index, index
	c.Tablespaces[ts.Name] = ts
	return nil
}

func applyAlterTablespace(c *Catalog, cmd *command, index uint64) error {
	if cmd.Tablespace == nil {
		return errorf(ErrInvalid, "alter_tablespace without a tablespace")
	}
	old, ok := c.Tablespaces[cmd.Tablespace.Name]
	if !ok {
		return errorf(ErrNotFound, "tablespace %q does not exist", cmd.Tablespace.Name)
	}
	if cmd.IfMod != 0 && cmd.IfMod != old.ModIndex {
		return errorf(ErrConflict, "tablespace %q changed concurrently", old.Name)
	}
	ts := *cmd.Tablespace
	if err := checkPlacement(c, &ts); err != nil {
		return err
	}
	// Identity, history and the reported leader are not the alter's to change.
	ts.Replicas = slices.Clone(ts.Replicas)
	ts.Bootstrap, ts.CreatedIndex, ts.Leader = old.Bootstrap, old.CreatedIndex, old.Leader
	ts.ModIndex = index
	c.Tablespaces[ts.Name] = ts
	return nil
}

func applyDropTablespace(c *Catalog, cmd *command, _ uint64) error {
	if _, ok := c.Tablespaces[cmd.Name]; !ok {
		return errorf(ErrNotFound, "tablespace %q does not exist", cmd.Name)
	}
	delete(c.Tablespaces, cmd.Name)
	return nil
}

func applySetLeader(c *Catalog, cmd *command, _ uint64) error {
	if cmd.Tablespace == nil {
		return errorf(ErrInvalid, "set_tablespace_leader without a tablespace")
	}
	ts, ok := c.Tablespaces[cmd.Tablespace.Name]
	if !ok {
		return errorf(ErrNotFound, "tablespace %q does not exist", cmd.Tablespace.Name)
	}
	// A report from a group that was dropped and created again under the same name is stale.
	if cmd.Tablespace.CreatedIndex != 0 && cmd.Tablespace.CreatedIndex != ts.CreatedIndex {
		return errorf(ErrConflict, "tablespace %q was created again", ts.Name)
	}
	ts.Leader = cmd.Tablespace.Leader
	c.Tablespaces[ts.Name] = ts
	return nil
}

// applyClearLeader clears a tablespace's reported leader only if it is still the node the
// command names: a report of the group's new leader applied meanwhile must not be undone.
func applyClearLeader(c *Catalog, cmd *command, _ uint64) error {
	if cmd.Tablespace == nil || cmd.Tablespace.Leader == "" {
		return errorf(ErrInvalid, "clear_tablespace_leader needs a tablespace and the leader to clear")
	}
	ts, ok := c.Tablespaces[cmd.Tablespace.Name]
	if !ok {
		return errorf(ErrNotFound, "tablespace %q does not exist", cmd.Tablespace.Name)
	}
	if cmd.Tablespace.CreatedIndex != 0 && cmd.Tablespace.CreatedIndex != ts.CreatedIndex {
		return errorf(ErrConflict, "tablespace %q was created again", ts.Name)
	}
	if ts.Leader == cmd.Tablespace.Leader {
		ts.Leader = ""
		c.Tablespaces[ts.Name] = ts
	}
	return nil
}

func checkUser(u *User) error {
	if u == nil {
		return errorf(ErrInvalid, "user command without a user")
	}
	if u.Name == "" || len(u.Name) > 63 {
		return errorf(ErrInvalid, "invalid user name %q", u.Name)
	}
	if !strings.HasPrefix(u.Verifier, "SCRAM-SHA-256$") {
		return errorf(ErrInvalid, "user %q: the verifier is not a SCRAM-SHA-256 verifier", u.Name)
	}
	return nil
}

func applyCreateUser(c *Catalog, cmd *command, index uint64) error {
	if err := checkUser(cmd.User); err != nil {
		return err
	}
	if _, ok := c.Users[cmd.User.Name]; ok {
		return errorf(ErrExists, "user %q already exists", cmd.User.Name)
	}
	return applyPutUser(c, cmd, index)
}

func applyPutUser(c *Catalog, cmd *command, index uint64) error {
	if err := checkUser(cmd.User); err != nil {
		return err
	}
	u := *cmd.User
	u.ModIndex = index
	c.Users[u.Name] = u
	return nil
}

func applyAlterUser(c *Catalog, cmd *command, index uint64) error {
	if err := checkUser(cmd.User); err != nil {
		return err
	}
	old, ok := c.Users[cmd.User.Name]
	if !ok {
		return errorf(ErrNotFound, "user %q does not exist", cmd.User.Name)
	}
	if cmd.IfMod != 0 && cmd.IfMod != old.ModIndex {
		return errorf(ErrConflict, "user %q changed concurrently", old.Name)
	}
	return applyPutUser(c, cmd, index)
}

func applyDropUser(c *Catalog, cmd *command, _ uint64) error {
	if _, ok := c.Users[cmd.Name]; !ok {
		return errorf(ErrNotFound, "user %q does not exist", cmd.Name)
	}
	delete(c.Users, cmd.Name)
	return nil
}

// applyMigrate imports a directory catalog, once per cluster: after the first, a migration is
// a no-op (not an error), so a node that retries it after a crash is harmless. Tablespaces and
// users the catalog already has are kept as they are.
func applyMigrate(c *Catalog, cmd *command, index uint64) error {
	m := cmd.Migration
	if m == nil {
		return errorf(ErrInvalid, "migrate without a migration")
	}
	if c.Migrated {
		return nil
	}
	if _, ok := c.Nodes[m.Node]; !ok {
		return errorf(ErrInvalid, "migration from node %q, which is not a node of the cluster", m.Node)
	}
	for _, name := range m.Tablespaces {
		if err := checkName("tablespace", name); err != nil {
			return err
		}
	}
	for i := range m.Users {
		if err := checkUser(&m.Users[i]); err != nil {
			return err
		}
	}
	for _, name := range m.Tablespaces {
		if _, ok := c.Tablespaces[name]; !ok {
			c.Tablespaces[name] = Tablespace{Name: name, Replicas: []string{m.Node}, Bootstrap: []string{m.Node},
				ExpectedReplicas: 1, CreatedIndex: index, ModIndex: index}
		}
	}
	for _, u := range m.Users {
		if _, ok := c.Users[u.Name]; !ok {
			u.ModIndex = index
			c.Users[u.Name] = u
		}
	}
	c.Migrated = true
	return nil
}

// describe is a command's short description for logs.
func (c *command) describe() string {
	switch {
	case c.Tablespace != nil:
		return fmt.Sprintf("%s %s", c.Op, c.Tablespace.Name)
	case c.Node != nil:
		return fmt.Sprintf("%s %s", c.Op, c.Node.ID)
	case c.User != nil:
		return fmt.Sprintf("%s %s", c.Op, c.User.Name)
	}
	return fmt.Sprintf("%s %s", c.Op, c.Name)
}
