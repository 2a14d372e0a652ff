package sql

import (
	"context"
	"io"
	"time"
)

// Node is what sessions need of the node that runs them: its identity, the cluster's nodes
// and the catalog of tablespaces. The server implements it; a session without one (nil)
// refuses tablespace and node statements and shows no node-level system tables.
type Node interface {
	ID() string
	Address() string // where clients reach this node
	CreateTablespace(ctx context.Context, name string, opts TablespaceOptions) error
	// AlterTablespace changes the placement of an existing tablespace: only the options
	// opts.Given names change (replica set, expected replica count, leader: a leadership
	// transfer), the rest stay as they are.
	AlterTablespace(ctx context.Context, name string, opts TablespaceOptions) error
	DropTablespace(ctx context.Context, name string) error
	Tablespaces() []TablespaceInfo
	// ReplicaStates reports each replica of a tablespace as this node knows it, nil for a
	// tablespace it does not know.
	ReplicaStates(tablespace string) []ReplicaState
	// Nodes lists the cluster's nodes, this one included, sorted by id.
	Nodes() []NodeInfo
	// RemoveNode takes a node out of the cluster, moving its replicas first.
	RemoveNode(ctx context.Context, id string) error
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
	// Superuser reports whether user may manage users, tablespaces and nodes.
	Superuser(user string) bool
}

// UserOptions are what CREATE and ALTER USER set; nil leaves a thing as it is (for CREATE:
// not a superuser).
type UserOptions struct {
	Password  *string
	Superuser *bool
}

// TablespaceOption is one option of CREATE or ALTER TABLESPACE, as a bit of
// TablespaceOptions.Given.
type TablespaceOption uint8

// The options a statement can give.
const (
	OptLeader              TablespaceOption = 1 << iota // 'leader:node'
	OptReplicas                                         // 'replica:node1,node2'
	OptExpectedReplicas                                 // 'expectedreplicacount:n'
	OptMaxLeaderInactivity                              // 'maxleaderinactivitytime:ms'
)

// TablespaceOptions are the options of CREATE and ALTER TABLESPACE, in HerdDB's 'key:value'
// syntax. Given says which the statement named: a field whose bit is not set was not given
// and holds its zero value. The statement has already checked what it can alone: the
// expected replica count is at least 1 and, when replicas are given too, at most their
// number; the leader is one of the replicas when both are given; no replica is named twice.
// Whether the nodes exist is the Node's to check.
type TablespaceOptions struct {
	Leader              string
	Replicas            []string
	ExpectedReplicas    int
	MaxLeaderInactivity time.Duration
	Given               TablespaceOption
}

// Has reports whether the statement gave opt.
func (o TablespaceOptions) Has(opt TablespaceOption) bool { return o.Given&opt != 0 }

// TablespaceInfo is one row of systablespaces.
type TablespaceInfo struct {
	Name             string
	Leader           string
	Replicas         []string
	ExpectedReplicas int
	// MaxLeaderInactivity is 'maxleaderinactivitytime' as set; 0: the cluster's default.
	MaxLeaderInactivity time.Duration
}

// NodeInfo is one row of sysnodes.
type NodeInfo struct {
	ID             string
	Address        string // PostgreSQL clients' address, "" when the node serves no network
	ClusterAddress string // Raft and internal RPC, "" when the node has no cluster port
	Live           bool
	LastSeen       time.Time // when this node last heard from it; zero when never
}

// ReplicaRole is a replica's part in its tablespace's Raft group.
type ReplicaRole string

// The roles a replica reports.
const (
	RoleLeader   ReplicaRole = "leader"
	RoleFollower ReplicaRole = "follower"
)

// ReplicaState is one row of systablespacereplicastate: how far one replica of a tablespace
// has applied its log.
type ReplicaState struct {
	NodeID       string
	Role         ReplicaRole
	AppliedIndex uint64
	// LagEntries: log entries behind — a follower seen from the leader, after the index it
	// acknowledged; the node's own replica, stored but not applied.
	LagEntries uint64
	// Lag: how old the first of those entries is (now minus the leader's append time); 0 when
	// caught up. Valid when LagKnown (lagseconds is NULL otherwise).
	Lag      time.Duration
	LagKnown bool
}
