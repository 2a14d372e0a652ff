package pgwire

import (
	"context"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// fakeBackend opens fakeSessions; database "nope" does not exist. User "alice" has the
// password "wonderland"; with passwordsOnly, every other user is unknown, else trusted.
type fakeBackend struct {
	passwordsOnly bool
	ended         chan error    // "sleep" sends the cause that ended it, when set
	release       chan struct{} // "stuck" waits for it to close, ignoring its context
}

func (b fakeBackend) Authenticate(user string) (*scram.StoredCredentials, error) {
	if user == "alice" {
		c, err := scram.SHA256.NewClient("", "wonderland", "")
		if err != nil {
			return nil, err
		}
		creds, err := c.GetStoredCredentialsWithError(scram.KeyFactors{Salt: "pepper", Iters: 4096})
		return &creds, err
	}
	if b.passwordsOnly {
		return nil, ErrUnknownUser
	}
	return nil, nil
}

func (b fakeBackend) Open(_ context.Context, user, db string) (sql.Executor, error) {
	if db == "nope" {
		return nil, sql.Errorf("3D000", "database %q does not exist", db)
	}
	return &fakeSession{ended: b.ended, release: b.release}, nil
}

// fakeSession answers a few canned statements, enough to exercise every message the
// protocol layer writes.
type fakeSession struct {
	status  byte
	ended   chan error
	release chan struct{}
	// extra, when set, is offered each statement first (forward_test.go's nodes).
	extra    func(s *fakeSession, ctx context.Context, stmt string, out sql.Output) (handled bool, err error)
	settings map[string]string
	cancel   func(pid uint32) (bool, error) // Startup.CancelBackend: "cancel <pid>" calls it
}

func (s *fakeSession) IdleInTransactionTimeout() time.Duration { return 0 }

func (s *fakeSession) TxStatus() byte {
	if s.status == 0 {
		return sql.TxIdle
	}
	return s.status
}
func (s *fakeSession) Close() {}

func (s *fakeSession) Abort() {
	if s.status == sql.TxActive {
		s.status = sql.TxFailed
	}
}

func (s *fakeSession) Start(st sql.Startup) ([]sql.Setting, error) {
	s.cancel = st.CancelBackend
	if st.Params["application_name"] == "refuse" {
		return nil, sql.Errorf("22023", "bad application_name")
	}
	return []sql.Setting{{Name: "server_version", Value: sql.ServerVersion},
		{Name: "application_name", Value: st.Params["application_name"]}}, nil
}

func (s *fakeSession) Exec(ctx context.Context, q string, out sql.Output) error {
	for _, stmt := range strings.Split(q, ";") {
		if s.extra != nil {
			if handled, err := s.extra(s, ctx, strings.TrimSpace(stmt), out); handled {
				if err != nil {
					return err
				}
				continue
			}
		}
		if pid, ok := strings.CutPrefix(strings.TrimSpace(stmt), "cancel "); ok {
			n, _ := strconv.ParseUint(pid, 10, 32)
			ok, err := s.cancel(uint32(n))
			if err != nil {
				return err
			}
			out.Columns([]sql.Column{{Name: "pg_cancel_backend", Type: types.Bool}})
			out.Row([]types.Value{types.NewBool(ok)})
			out.Complete("SELECT 1")
			continue
		}
		switch strings.TrimSpace(stmt) {
		case "":
		case "rows":
			out.Columns([]sql.Column{{Name: "id", Type: types.Int32}, {Name: "name", Type: types.Text},
				{Name: "ok", Type: types.Bool}})
			out.Row([]types.Value{types.NewInt(types.Int32, 1), types.NewText("a"), types.NewBool(true)})
			out.Row([]types.Value{types.NewInt(types.Int32, 2), types.NewText(""), types.NullValue})
			out.Complete("SELECT 2")
		case "many":
			out.Columns([]sql.Column{{Name: "n", Type: types.Int64}})
			for i := 0; i < 5000; i++ {
				if err := out.Row([]types.Value{types.NewInt(types.Int64, int64(i))}); err != nil {
					return err // as sql's sessions do
				}
			}
			out.Complete("SELECT 5000")
		case "insert":
			out.Complete("INSERT 0 1")
		case "begin":
			s.status = sql.TxActive
			out.Complete("BEGIN")
		case "fail":
			if s.status == sql.TxActive {
				s.status = sql.TxFailed
			}
			return sql.Errorf("42P01", `relation "x" does not exist`)
		case "rollback":
			s.status = sql.TxIdle
			out.Complete("ROLLBACK")
		case "stuck":
			<-s.release
			return sql.Errorf("57014", "canceling statement due to user request")
		case "internal":
			return context.DeadlineExceeded
		case "gone":
			return sql.Errorf("57P01", "terminating connection: tablespace %q %s", "x", sql.GoneMessage)
		case "panic":
			panic("boom")
		case "unknown": // a commit whose outcome the interruption leaves unknown
			<-ctx.Done()
			return sql.Errorf("08007", "transaction resolution unknown")
		case "sleep":
			<-ctx.Done()
			if s.ended != nil {
				s.ended <- context.Cause(ctx)
			}
			return sql.Errorf("57014", "canceling statement due to user request")
		default:
			return sql.Errorf("42601", "syntax error at or near %q", stmt)
		}
	}
	return nil
}

type fakeStmt struct {
	query  string
	params []types.Type
	cols   []sql.Column
}

func (f *fakeStmt) ParamTypes() []types.Type { return f.params }
func (f *fakeStmt) Columns() []sql.Column    { return f.cols }

// Prepare knows "rows", "many", "insert", "fail", "commit", "sleep", "echo $1" (returns
// its parameter) and "insert $1" ("insert", then returns its parameter, as INSERT ...
// RETURNING would).
func (s *fakeSession) Prepare(_ context.Context, q string, declared []types.Type) (sql.PreparedStatement, error) {
	st := &fakeStmt{query: q}
	switch q {
	case "rows":
		st.cols = []sql.Column{{Name: "id", Type: types.Int32}, {Name: "name", Type: types.Text}, {Name: "ok", Type: types.Bool}}
	case "many":
		st.cols = []sql.Column{{Name: "n", Type: types.Int64}}
	case "echo $1", "insert $1":
		st.params = []types.Type{types.Int64}
		if len(declared) == 1 && declared[0] != types.Null {
			st.params = declared
		}
		st.cols = []sql.Column{{Name: "v", Type: st.params[0]}}
	case "insert", "fail", "commit", "sleep", "gone":
	default:
		return nil, sql.Errorf("42601", "syntax error at or near %q", q)
	}
	return st, nil
}

func (s *fakeSession) ExecPrepared(ctx context.Context, ps sql.PreparedStatement, args []types.Value, out sql.Output) error {
	st := ps.(*fakeStmt)
	if st.query == "echo $1" {
		out.Row(args)
		return out.Complete("SELECT 1")
	}
	if st.query == "insert $1" {
		if err := s.Exec(ctx, "insert", noComplete{out}); err != nil {
			return err
		}
		out.Row(args)
		return out.Complete("INSERT 0 1")
	}
	return s.Exec(ctx, st.query, noColumns{out})
}

// noColumns drops Columns calls: the extended protocol describes results separately.
type noColumns struct{ sql.Output }

func (noColumns) Columns([]sql.Column) error { return nil }

// noComplete drops Complete calls: the statement completes after its returned row.
type noComplete struct{ sql.Output }

func (noComplete) Complete(string) error { return nil }

// startServer serves a fakeBackend on a loopback port.
func startServer(t testing.TB, mut ...func(*Config)) (*Server, string) {
	t.Helper()
	cfg := Config{Backend: fakeBackend{}}
	for _, m := range mut {
		m(&cfg)
	}
	s := NewServer(cfg)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(l)
	t.Cleanup(func() { s.Close() })
	return s, "postgres://drove@" + l.Addr().String() + "/drove?sslmode=disable"
}
