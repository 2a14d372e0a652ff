package drove_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/drovedb/drove"
	drovesql "github.com/drovedb/drove/sql"
)

// modelNode is the system under test of the model tests: one embedded node, reached the ways
// a program embedding drove reaches it — database/sql for the default tablespace, the node's
// SQL sessions for the others, the KV API for every one.
type modelNode struct {
	base  string // parent of the data directories
	dir   string // the current data directory
	gen   int    // data directories made so far (a crash moves to a copy)
	db    *drove.DB
	sqldb *sql.DB
}

func openModelNode(base string) (*modelNode, error) {
	n := &modelNode{base: base, dir: filepath.Join(base, "data0")}
	return n, n.open()
}

func (n *modelNode) open() error {
	// No periodic checkpoint: nothing writes in the background, so a copy of the files
	// between two steps is what a kill -9 there leaves, and a seed replays exactly.
	db, err := drove.Open(n.dir, drove.WithCheckpointInterval(-1))
	if err != nil {
		return err
	}
	sqldb, err := sql.Open("drove", n.dir) // shares the engine drove.Open started
	if err != nil {
		db.Close()
		return err
	}
	n.db, n.sqldb = db, sqldb
	return nil
}

func (n *modelNode) close() error {
	if n.db == nil {
		return nil
	}
	err := errors.Join(n.sqldb.Close(), n.db.Close())
	n.db, n.sqldb = nil, nil
	return err
}

// restart closes the node cleanly (final checkpoints) and opens it again.
func (n *modelNode) restart() error {
	if err := n.close(); err != nil {
		return fmt.Errorf("clean close: %w", err)
	}
	return n.open()
}

// crash reopens the node from a copy of its files taken while it runs, as a kill -9 would
// leave them: every acknowledged commit is in the log, nothing was shut down. around runs the
// copy (so it can hold a transaction open across it); then the old process state is closed
// and thrown away with its directory.
func (n *modelNode) crash(around func(snapshot func() error) error) error {
	n.gen++
	next := filepath.Join(n.base, fmt.Sprintf("data%d", n.gen))
	if err := around(func() error { return copyTree(n.dir, next) }); err != nil {
		return err
	}
	if err := n.close(); err != nil {
		return fmt.Errorf("closing the crashed copy: %w", err)
	}
	if err := os.RemoveAll(n.dir); err != nil {
		return err
	}
	n.dir = next
	return n.open()
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, src); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// runner runs SQL with $n arguments (int64, string or nil) on one tablespace.
type runner interface {
	exec(ctx context.Context, q string, args ...any) (affected int64, err error)
	query(ctx context.Context, q string, args ...any) ([][]*string, error)
}

// sqlRunner is database/sql: a *sql.DB or a *sql.Tx.
type sqlRunner struct {
	c interface {
		ExecContext(context.Context, string, ...any) (sql.Result, error)
		QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	}
}

func (r sqlRunner) exec(ctx context.Context, q string, args ...any) (int64, error) {
	res, err := r.c.ExecContext(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (r sqlRunner) query(ctx context.Context, q string, args ...any) ([][]*string, error) {
	rows, err := r.c.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out [][]*string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		row := make([]*string, len(cols))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
			case []byte:
				s := string(v)
				row[i] = &s
			default:
				s := fmt.Sprint(v)
				row[i] = &s
			}
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

// sessionRunner is a node session; arguments are spliced in as literals (the model's values
// are plain words).
type sessionRunner struct{ s *tsSession }

func splice(q string, args []any) string {
	for i := len(args); i >= 1; i-- {
		lit := "NULL"
		switch v := args[i-1].(type) {
		case int64:
			lit = strconv.FormatInt(v, 10)
		case string:
			lit = "'" + strings.ReplaceAll(v, "'", "''") + "'"
		}
		q = strings.ReplaceAll(q, "$"+strconv.Itoa(i), lit)
	}
	return q
}

func (r sessionRunner) exec(ctx context.Context, q string, args ...any) (int64, error) {
	_, tag, err := r.s.exec(ctx, splice(q, args))
	if err != nil {
		return 0, err
	}
	f := strings.Fields(tag)
	n, _ := strconv.ParseInt(f[len(f)-1], 10, 64)
	return n, nil
}

func (r sessionRunner) query(ctx context.Context, q string, args ...any) ([][]*string, error) {
	rows, _, err := r.s.exec(ctx, splice(q, args))
	return rows, err
}

// autocommit runs fn with a runner on tablespace space outside any transaction.
func (n *modelNode) autocommit(space string, fn func(runner) error) error {
	if space == "drove" {
		return fn(sqlRunner{n.sqldb})
	}
	s, err := openSession(n.db, space)
	if err != nil {
		return err
	}
	defer s.close()
	return fn(sessionRunner{s})
}

// transaction runs fn inside BEGIN and then COMMITs (commit) or ROLLBACKs.
func (n *modelNode) transaction(ctx context.Context, space string, commit bool, fn func(runner) error) error {
	if space == "drove" {
		tx, err := n.sqldb.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if err := fn(sqlRunner{tx}); err != nil {
			tx.Rollback()
			return err
		}
		if !commit {
			return tx.Rollback()
		}
		// The driver has no error of its own for a COMMIT that rolled back: it says so in words.
		if err := tx.Commit(); err != nil && sqlState(err) == "" && strings.Contains(err.Error(), "rolled back") {
			return fmt.Errorf("%w (%v)", errRolledBack, err)
		}
		return err
	}
	s, err := openSession(n.db, space)
	if err != nil {
		return err
	}
	defer s.close()
	r := sessionRunner{s}
	if _, err := r.exec(ctx, "BEGIN"); err != nil {
		return err
	}
	if err := fn(r); err != nil {
		r.exec(ctx, "ROLLBACK")
		return err
	}
	if !commit {
		_, err = r.exec(ctx, "ROLLBACK")
		return err
	}
	_, tag, err := s.exec(ctx, "COMMIT")
	if err == nil && tag == "ROLLBACK" {
		return errRolledBack
	}
	return err
}

// errRolledBack is a COMMIT answered ROLLBACK: an earlier error had failed the transaction.
var errRolledBack = errors.New("the transaction was rolled back: an earlier statement failed")

// sqlState is the SQLSTATE of a drove error, "" for others.
func sqlState(err error) string {
	var e *drovesql.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
