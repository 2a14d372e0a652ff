package meta

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"slices"
)

// The catalog commands. Each may be called on any node: a node that does not lead sends it to
// the meta leader and, before returning, waits until it has applied the outcome itself, so the
// caller reads its own write in Catalog. Errors are of the Err kinds (errors.Is).

// submit runs cmd at the leader and waits for its outcome here. The command gets an id, so it
// can be retried across a change of leader without being applied twice.
func (m *Meta) submit(ctx context.Context, cmd *command) error {
	var r [12]byte
	rand.Read(r[:])
	cmd.ID = m.opts.NodeID + ":" + hex.EncodeToString(r[:])
	return m.run(ctx, &request{Op: rpcApply, Cmd: cmd})
}

func (m *Meta) run(ctx context.Context, req *request) error {
	resp, err := m.call(ctx, req, nil)
	if err != nil {
		return err
	}
	if err := m.WaitApplied(ctx, resp.Index); err != nil {
		return err
	}
	return resp.error()
}

// Sync waits until this node has applied every change the leader had applied when it was
// called: a linearizable read of Catalog follows.
func (m *Meta) Sync(ctx context.Context) error { return m.run(ctx, &request{Op: rpcSync}) }

// CreateTablespace adds a tablespace; ErrExists if one has the name. Without Replicas it is
// placed on this node, or with ExpectedReplicas > 1 on that many live nodes, those with the
// fewest replicas first. ExpectedReplicas defaults to the replica count. Bootstrap is set to
// the initial Replicas; Leader, CreatedIndex and ModIndex are the catalog's.
func (m *Meta) CreateTablespace(ctx context.Context, ts Tablespace) error {
	ts.Replicas = slices.Clone(ts.Replicas)
	return m.submit(ctx, &command{Op: opCreateTablespace, Tablespace: &ts, Origin: m.opts.NodeID})
}

// AlterTablespace changes a tablespace: f edits a copy of the current one (Replicas,
// ExpectedReplicas, PreferredLeader, LeaderInactivityTimeout; the rest is kept) and the change
// applies only if nobody changed the tablespace meanwhile, else f runs again on the newer copy.
// An error from f is returned as it is.
func (m *Meta) AlterTablespace(ctx context.Context, name string, f func(*Tablespace) error) error {
	for {
		cur, ok := m.Catalog().Tablespaces[name]
		if !ok {
			// This node may not have applied the creation yet.
			if err := m.Sync(ctx); err != nil {
				return err
			}
			if cur, ok = m.Catalog().Tablespaces[name]; !ok {
				return errorf(ErrNotFound, "tablespace %q does not exist", name)
			}
		}
		next := cur
		next.Replicas = slices.Clone(cur.Replicas)
		if err := f(&next); err != nil {
			return err
		}
		next.Name = name
		err := m.submit(ctx, &command{Op: opAlterTablespace, Tablespace: &next, IfMod: cur.ModIndex})
		if !errors.Is(err, ErrConflict) {
			return err
		}
		// submit waited for the change that beat this one: the next copy includes it.
	}
}

// DropTablespace removes a tablespace from the catalog; ErrNotFound if there is none.
func (m *Meta) DropTablespace(ctx context.Context, name string) error {
	return m.submit(ctx, &command{Op: opDropTablespace, Name: name})
}

// SetTablespaceLeader records the tablespace's leader, as its leader reports it.
func (m *Meta) SetTablespaceLeader(ctx context.Context, name, nodeID string) error {
	return m.submit(ctx, &command{Op: opSetLeader, Tablespace: &Tablespace{Name: name, Leader: nodeID}})
}

// ClearTablespaceLeader removes node as the tablespace's reported leader, if it still is
// (a node whose replica has stopped leading; see DESIGN.md, "Leader inactivity").
func (m *Meta) ClearTablespaceLeader(ctx context.Context, name, node string, createdIndex uint64) error {
	return m.submit(ctx, &command{Op: opClearLeader,
		Tablespace: &Tablespace{Name: name, Leader: node, CreatedIndex: createdIndex}})
}

// CreateUser adds a user; ErrExists if there is one of the name.
func (m *Meta) CreateUser(ctx context.Context, u User) error {
	return m.submit(ctx, &command{Op: opCreateUser, User: &u})
}

// PutUser adds or replaces a user.
func (m *Meta) PutUser(ctx context.Context, u User) error {
	return m.submit(ctx, &command{Op: opPutUser, User: &u})
}

// AlterUser changes a user: f edits a copy of the current one, applied only if nobody changed
// the user meanwhile (else f runs again). ErrNotFound if there is no such user.
func (m *Meta) AlterUser(ctx context.Context, name string, f func(*User) error) error {
	for {
		cur, ok := m.Catalog().Users[name]
		if !ok {
			if err := m.Sync(ctx); err != nil {
				return err
			}
			if cur, ok = m.Catalog().Users[name]; !ok {
				return errorf(ErrNotFound, "user %q does not exist", name)
			}
		}
		next := cur
		if err := f(&next); err != nil {
			return err
		}
		next.Name = name
		err := m.submit(ctx, &command{Op: opAlterUser, User: &next, IfMod: cur.ModIndex})
		if !errors.Is(err, ErrConflict) {
			return err
		}
	}
}

// DropUser removes a user; ErrNotFound if there is none.
func (m *Meta) DropUser(ctx context.Context, name string) error {
	return m.submit(ctx, &command{Op: opDropUser, Name: name})
}

// RemoveNode takes a node out of the cluster: each tablespace replica it hosts is first moved
// to a live node that has none of that tablespace (ErrNodeInUse if there is none), then the
// node leaves the catalog and the metadata group. The tablespace groups converge on the new
// replica sets by themselves.
func (m *Meta) RemoveNode(ctx context.Context, id string) error {
	return m.run(ctx, &request{Op: rpcRemove, Name: id})
}

// Migrate imports the single-node directory catalog: each of tablespaces replicated on this
// node alone (which bootstrapped it), and users. It applies once per cluster; later calls, and
// names the catalog has already, change nothing. A server calls it after bootstrapping.
func (m *Meta) Migrate(ctx context.Context, tablespaces []string, users []User) error {
	return m.submit(ctx, &command{Op: opMigrate, Migration: &migration{
		Node: m.opts.NodeID, Tablespaces: tablespaces, Users: users}})
}
