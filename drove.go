package drove

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/drovedb/drove/server"
	drovesql "github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// DB is an open drove data directory.
type DB struct {
	srv  *server.Server
	path string
	cfg  server.Config // the options it was opened with (DataDir and the ones given)
	refs int           // guarded by registry.mu
}

// Option configures Open.
type Option func(*server.Config)

// WithPGAddr also serves the PostgreSQL protocol on addr from this process.
func WithPGAddr(addr string) Option { return func(c *server.Config) { c.PGAddr = addr } }

// WithCheckpointInterval sets the time between periodic checkpoints.
func WithCheckpointInterval(d time.Duration) Option {
	return func(c *server.Config) { c.CheckpointInterval = d }
}

// WithPageCacheMemory sets the memory of the cache of data pages read from disk (bytes).
func WithPageCacheMemory(n int64) Option { return func(c *server.Config) { c.PageCacheMemory = n } }

// WithMaxDirtyMemory sets how much memory changed rows may hold before a checkpoint writes
// them out (bytes, per tablespace).
func WithMaxDirtyMemory(n int64) Option { return func(c *server.Config) { c.MaxDirtyMemory = n } }

// WithLogger routes the engine's log to l; slog.New(slog.DiscardHandler) silences it. The
// default is slog.Default().
func WithLogger(l *slog.Logger) Option { return func(c *server.Config) { c.Logger = l } }

// WithMaxTxnMemory bounds the memory one transaction's writes may hold; a write past it fails
// with SQLSTATE 53200 (tablespace.ErrTxnMemory). Negative: no bound.
func WithMaxTxnMemory(n int64) Option { return func(c *server.Config) { c.MaxTxnMemory = n } }

// registry shares one engine per directory within the process.
var registry = struct {
	mu  sync.Mutex
	dbs map[string]*DB
}{dbs: make(map[string]*DB)}

// Open opens (creating if needed) the data directory dir. A directory this process already
// has open shares its engine (and its handle's Close only releases this reference); options
// that differ from the ones the engine runs with are refused rather than ignored. A directory
// another process has open is refused with the process's id.
func Open(dir string, opts ...Option) (*DB, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	var cfg server.Config
	for _, o := range opts {
		o(&cfg)
	}
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if db, ok := registry.dbs[abs]; ok {
		if err := sameOptions(abs, db.cfg, cfg); err != nil {
			return nil, err
		}
		db.refs++
		return db, nil
	}
	cfg.DataDir = abs
	srv, err := server.Start(cfg)
	if err != nil {
		return nil, err
	}
	db := &DB{srv: srv, path: abs, cfg: cfg, refs: 1}
	registry.dbs[abs] = db
	return db, nil
}

// sameOptions refuses a second Open of a directory with an option that differs from the
// first's: every option the second sets must be what the running engine has.
func sameOptions(dir string, running, asked server.Config) error {
	r, a := reflect.ValueOf(running), reflect.ValueOf(asked)
	var diffs []string
	for i := range a.NumField() {
		f := a.Type().Field(i)
		if f.Name == "DataDir" || a.Field(i).IsZero() || a.Field(i).Equal(r.Field(i)) {
			continue
		}
		if a.Field(i).Kind() == reflect.Pointer {
			diffs = append(diffs, fmt.Sprintf("%s (another one than the engine's)", f.Name))
			continue
		}
		diffs = append(diffs, fmt.Sprintf("%s %v (it runs with %v)", f.Name, a.Field(i), r.Field(i)))
	}
	if len(diffs) > 0 {
		return fmt.Errorf("drove: %s is already open in this process with other options: %s; open it with the same options or none",
			dir, strings.Join(diffs, ", "))
	}
	return nil
}

// Close releases this handle; the engine stops (with a final checkpoint) when the last handle
// to its directory is closed.
func (db *DB) Close() error {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	if db.refs == 0 {
		return nil
	}
	db.refs--
	if db.refs > 0 {
		return nil
	}
	delete(registry.dbs, db.path)
	return db.srv.Close()
}

// Server exposes the node, e.g. for its PostgreSQL address.
func (db *DB) Server() *server.Server { return db.srv }

// Exec runs SQL statements on the default tablespace and returns the last statement's rows as
// text (NULL as nil) together with its command tag. It is a convenience for tools and tests;
// programs should use database/sql.
func (db *DB) Exec(ctx context.Context, query string) (rows [][]*string, tag string, err error) {
	s, err := db.srv.Session(server.DefaultTablespace)
	if err != nil {
		return nil, "", err
	}
	defer s.Close()
	var out collector
	err = s.Exec(ctx, query, &out)
	return out.rows, out.tag, err
}

type collector struct {
	rows [][]*string
	tag  string
}

func (c *collector) Columns([]drovesql.Column) error { c.rows = nil; return nil }
func (c *collector) Row(r []types.Value) error {
	out := make([]*string, len(r))
	for i, v := range r {
		if !v.IsNull() {
			s := v.String()
			out[i] = &s
		}
	}
	c.rows = append(c.rows, out)
	return nil
}
func (c *collector) Complete(tag string) error { c.tag = tag; return nil }
