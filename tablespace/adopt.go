package tablespace

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/internal/fsutil"
)

// Adopting a one-member group. A data directory written before the cluster port (every
// replica was then "node1" on an in-memory transport) or a restored backup holds a Raft
// configuration of one server that is not this node. Raft would never elect this replica:
// it is not a member. Such a group has no other member whose log could disagree, so the
// replica takes the member's place by appending a configuration entry naming itself, which
// Raft reads at start as the latest configuration. A marker file records that the directory
// belongs to this replica, so the log is searched for its configuration only once.

const memberFile = "raft-member"

// adopt makes this replica the member of a one-member group of another id (Options.Adopt).
func (ts *Tablespace) adopt(cfg *raft.Config, logs raft.LogStore, snaps raft.SnapshotStore, addr raft.ServerAddress) error {
	marker := filepath.Join(ts.opts.Dir, memberFile)
	if b, err := os.ReadFile(marker); err == nil && string(b) == string(cfg.LocalID) {
		return nil
	}
	existing, err := raft.HasExistingState(logs, ts.logDB, snaps)
	if err != nil || !existing {
		return err
	}
	conf, _, err := latestConfiguration(logs, snaps)
	if err != nil {
		return err
	}
	switch {
	case hasServer(conf, cfg.LocalID):
	case len(conf.Servers) == 1:
		last, term, err := lastEntry(logs, snaps)
		if err != nil {
			return err
		}
		self := raft.Configuration{Servers: []raft.Server{{Suffrage: raft.Voter, ID: cfg.LocalID, Address: addr}}}
		entry := &raft.Log{Index: last + 1, Term: term, Type: raft.LogConfiguration, Data: raft.EncodeConfiguration(self)}
		if err := logs.StoreLog(entry); err != nil {
			return fmt.Errorf("tablespace %s: taking over the group of %q: %w", ts.opts.Name, conf.Servers[0].ID, err)
		}
		ts.log.Info("replica took over its one-member group", "was", conf.Servers[0].ID, "now", cfg.LocalID)
	default:
		return fmt.Errorf("tablespace %s: this directory belongs to a group of %d replicas without %q", ts.opts.Name, len(conf.Servers), cfg.LocalID)
	}
	return fsutil.WriteFileSync(marker, []byte(cfg.LocalID))
}

// latestConfiguration finds the group's configuration as Raft does at start: the newest
// snapshot's, replaced by any configuration entry in the log after it; and the index it was
// written at.
func latestConfiguration(logs raft.LogStore, snaps raft.SnapshotStore) (conf raft.Configuration, index uint64, err error) {
	from := uint64(0)
	list, err := snaps.List()
	if err != nil {
		return conf, 0, err
	}
	if len(list) > 0 {
		conf, index, from = list[0].Configuration, list[0].ConfigurationIndex, list[0].Index+1
	}
	first, err := logs.FirstIndex()
	if err != nil {
		return conf, 0, err
	}
	last, err := logs.LastIndex()
	if err != nil {
		return conf, 0, err
	}
	var l raft.Log
	for i := max(first, from); i <= last && i > 0; i++ {
		if err := logs.GetLog(i, &l); err != nil {
			return conf, 0, err
		}
		if l.Type == raft.LogConfiguration {
			conf, index = raft.DecodeConfiguration(l.Data), l.Index
		}
	}
	return conf, index, nil
}

// lastEntry is the index and term of the group's last entry: the log's last, or the newest
// snapshot's when the log holds nothing after it (a restored backup has no log at all).
func lastEntry(logs raft.LogStore, snaps raft.SnapshotStore) (index, term uint64, err error) {
	list, err := snaps.List()
	if err != nil {
		return 0, 0, err
	}
	if len(list) > 0 {
		index, term = list[0].Index, list[0].Term
	}
	last, err := logs.LastIndex()
	if err != nil || last <= index {
		return index, term, err
	}
	var l raft.Log
	if err := logs.GetLog(last, &l); err != nil {
		return 0, 0, err
	}
	return l.Index, l.Term, nil
}

func hasServer(c raft.Configuration, id raft.ServerID) bool {
	for _, s := range c.Servers {
		if s.ID == id {
			return true
		}
	}
	return false
}
