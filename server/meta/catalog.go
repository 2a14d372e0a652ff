package meta

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"time"

	"github.com/drovedb/drove/internal/raftlog"
)

// Node is a member of the cluster as the catalog records it.
type Node struct {
	ID          string `json:"id"`
	PGAddr      string `json:"pg_addr,omitempty"`      // where PostgreSQL clients reach it
	ClusterAddr string `json:"cluster_addr,omitempty"` // its cluster port (Raft and internal RPC)
	// Live is the meta leader's verdict: the node was heard from within the dead-node timeout.
	// It is replicated only when it changes (see DESIGN.md, "Liveness").
	Live bool `json:"live"`
	// LastSeen is when the meta leader last heard from the node, as of the last change of Live.
	LastSeen time.Time `json:"last_seen"`
}

// Tablespace is a tablespace's placement as the catalog records it.
type Tablespace struct {
	Name string `json:"name"`
	// Replicas are the ids of the nodes that should host a replica: the group's desired
	// voters. The tablespace layer converges the Raft configuration on it.
	Replicas []string `json:"replicas"`
	// Bootstrap is the replica set at creation: every initial replica bootstraps the group
	// with exactly this configuration, so they agree; a replica added later joins instead.
	Bootstrap        []string `json:"bootstrap"`
	ExpectedReplicas int      `json:"expected_replicas"`
	PreferredLeader  string   `json:"preferred_leader,omitempty"`
	// LeaderInactivityTimeout is how long the catalog keeps naming a leader that has stopped
	// leading (its node unheard, or its replica not leading) before it clears Leader; 0 means
	// the dead-node timeout. See DESIGN.md, "Leader inactivity".
	LeaderInactivityTimeout time.Duration `json:"leader_inactivity_timeout,omitempty"`
	// Leader is the node the tablespace's leader last reported to be (SetTablespaceLeader).
	Leader string `json:"leader,omitempty"`
	// CreatedIndex is the meta log index that created the tablespace: a tablespace dropped and
	// created again under the same name is a different group.
	CreatedIndex uint64 `json:"created_index"`
	// ModIndex is the meta log index of the last change of the fields above except Leader;
	// AlterTablespace compares it to refuse a change computed from a stale copy.
	ModIndex uint64 `json:"mod_index"`
}

// User is a password user.
type User struct {
	Name string `json:"name"`
	// Verifier is the SCRAM-SHA-256 stored credentials in PostgreSQL's text form,
	// SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey> (base64), which
	// auth.Store accepts in place of a password. Never the password.
	Verifier  string `json:"verifier"`
	Superuser bool   `json:"superuser,omitempty"`
	ModIndex  uint64 `json:"mod_index"`
}

// Catalog is one applied state of the metadata group. A Catalog is immutable once published:
// callers must not modify it or anything it holds (maps and slices are shared).
type Catalog struct {
	Nodes       map[string]Node       `json:"nodes"`
	Tablespaces map[string]Tablespace `json:"tablespaces"`
	Users       map[string]User       `json:"users"`
	// Migrated is set once the single-node directory catalog has been imported (Migrate).
	Migrated bool `json:"migrated,omitempty"`
	// Index is the meta log index this state includes.
	Index uint64 `json:"index"`

	// requests remembers the outcome of recent commands by id, so that a command retried
	// after its leader was lost is answered with its first outcome, never applied twice.
	// Saved in snapshots; not part of the public value.
	requests map[string]requestResult
}

func emptyCatalog() *Catalog {
	return &Catalog{Nodes: map[string]Node{}, Tablespaces: map[string]Tablespace{}, Users: map[string]User{}}
}

// clone copies the catalog's maps (not the values' slices, which are never modified in place).
func (c *Catalog) clone() *Catalog {
	n := *c
	n.Nodes = maps.Clone(c.Nodes)
	n.Tablespaces = maps.Clone(c.Tablespaces)
	n.Users = maps.Clone(c.Users)
	n.requests = maps.Clone(c.requests)
	return &n
}

// NodeList returns the nodes sorted by id.
func (c *Catalog) NodeList() []Node {
	out := slices.Collect(maps.Values(c.Nodes))
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// TablespaceList returns the tablespaces sorted by name.
func (c *Catalog) TablespaceList() []Tablespace {
	out := slices.Collect(maps.Values(c.Tablespaces))
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// UserList returns the users sorted by name.
func (c *Catalog) UserList() []User {
	out := slices.Collect(maps.Values(c.Users))
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Hosted lists, sorted, the tablespaces that have node among their replicas.
func (c *Catalog) Hosted(node string) []string {
	var out []string
	for name, ts := range c.Tablespaces {
		if slices.Contains(ts.Replicas, node) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// replicaCounts counts, per node, the tablespaces it hosts.
func (c *Catalog) replicaCounts() map[string]int {
	counts := make(map[string]int, len(c.Nodes))
	for id := range c.Nodes {
		counts[id] = 0
	}
	for _, ts := range c.Tablespaces {
		for _, r := range ts.Replicas {
			counts[r]++
		}
	}
	return counts
}

// pickNodes chooses up to n live nodes not in exclude: fewest replicas first, then by id, so
// every replica choosing from the same catalog chooses the same nodes.
func (c *Catalog) pickNodes(n int, exclude []string) []string {
	cands := freeNodes(c, exclude, c.replicaCounts())
	return cands[:min(n, len(cands))]
}

// Errors of the catalog commands. Each is also reported across nodes: errors.Is works on the
// error a forwarded command returns.
var (
	ErrExists    = errors.New("meta: already exists")
	ErrNotFound  = errors.New("meta: not found")
	ErrInvalid   = errors.New("meta: invalid")
	ErrConflict  = errors.New("meta: changed concurrently") // a compare-and-set lost; retry
	ErrNodeInUse = errors.New("meta: node still hosts replicas")
	ErrNoLeader  = errors.New("meta: no leader")
	ErrClosed    = errors.New("meta: closed")
	// ErrUnknownOutcome: the leader was lost after the command was sent; it may or may not
	// have been applied. Read the catalog to find out.
	ErrUnknownOutcome = errors.New("meta: outcome unknown")
	// ErrDiskFull: the leader's log is out of disk space; the command was not applied.
	// Commands work again once space is freed. It is raftlog's sentinel (the tablespaces'
	// too), so one errors.Is finds a full disk under any group.
	ErrDiskFull = raftlog.ErrDiskFull
)

// errorKinds names the errors on the wire.
var errorKinds = map[string]error{
	"exists": ErrExists, "not_found": ErrNotFound, "invalid": ErrInvalid, "conflict": ErrConflict,
	"node_in_use": ErrNodeInUse, "no_leader": ErrNoLeader, "closed": ErrClosed,
	"unknown_outcome": ErrUnknownOutcome, "disk_full": ErrDiskFull,
}

// Error is a catalog command's error: Kind is one of the Err values, for errors.Is.
type Error struct {
	Kind error
	Msg  string
}

func (e *Error) Error() string { return e.Msg }
func (e *Error) Unwrap() error { return e.Kind }

func errorf(kind error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: "meta: " + fmt.Sprintf(format, args...)}
}

// kindName is the wire name of err's kind, "" for an error of no known kind.
func kindName(err error) string {
	for name, k := range errorKinds {
		if errors.Is(err, k) {
			return name
		}
	}
	return ""
}

// wireError rebuilds an error sent by another node.
func wireError(kind, msg string) error {
	if msg == "" {
		return nil
	}
	if k, ok := errorKinds[kind]; ok {
		return &Error{Kind: k, Msg: msg}
	}
	return errors.New(msg)
}
