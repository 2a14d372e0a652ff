package pgwire

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/sql"
	"github.com/drovedb/drove/types"
)

// Backend opens SQL sessions; package server implements it.
type Backend interface {
	// Authenticate says how user must prove who they are: nil credentials mean trust; an
	// error (a *sql.Error) refuses the connection. With password users configured, an
	// unknown user gets ErrUnknownUser, and pgwire runs a decoy exchange that fails like a
	// wrong password would.
	Authenticate(user string) (*scram.StoredCredentials, error)
	// Open starts a session for user on database (the database name selects the tablespace).
	// A *sql.Error refuses the connection with its SQLSTATE.
	Open(ctx context.Context, user, database string) (sql.Executor, error)
}

// ErrUnknownUser is what Backend.Authenticate returns for a user who has no password when
// passwords are required.
var ErrUnknownUser = errors.New("pgwire: unknown user")

// Config configures a Server.
type Config struct {
	Backend        Backend
	Logger         *slog.Logger
	MaxMessageSize int // default 64 MiB; a larger message is a protocol violation
	// MaxConnections bounds the authenticated sessions (default 100); one more is refused
	// with 53300 after its StartupMessage, as PostgreSQL does.
	MaxConnections int
	// MaxStartupConnections bounds the connections still in startup or authentication
	// (0: the larger of 1000 and twice MaxConnections); one more is sent 53300 at once
	// and closed, unread.
	MaxStartupConnections int
	// AuthenticationTimeout bounds startup, TLS and authentication (0: 60s, as
	// PostgreSQL's authentication_timeout); a client still in it then is closed.
	AuthenticationTimeout time.Duration
	// TLS, when set, answers SSLRequest with 'S' and runs the session over TLS; without it
	// clients are told 'N' and go on in the clear.
	TLS *tls.Config
}

// Server accepts PostgreSQL connections.
type Server struct {
	cfg Config
	log *slog.Logger

	mu       sync.Mutex
	listener net.Listener
	conns    map[net.Conn]struct{}
	starting int              // connections in conns still in startup or authentication
	sessions int              // authenticated connections, at most MaxConnections
	keys     map[uint32]*conn // by BackendKeyData process id, for CancelRequest
	closed   bool
	// watchOnce starts watchClients for Serve or ServeForwarded, whichever comes first; it
	// runs until Close closes unwatch.
	watchOnce sync.Once
	unwatch   chan struct{}
	stopping  atomic.Bool // Close has begun ending the sessions (cancel.go)
	wg        sync.WaitGroup
}

// NewServer returns a server; call Serve to accept connections.
func NewServer(cfg Config) *Server {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxMessageSize == 0 {
		cfg.MaxMessageSize = 64 << 20
	}
	if cfg.MaxConnections == 0 {
		cfg.MaxConnections = 100
	}
	if cfg.MaxStartupConnections <= 0 {
		cfg.MaxStartupConnections = max(1000, 2*cfg.MaxConnections)
	}
	if cfg.AuthenticationTimeout <= 0 {
		cfg.AuthenticationTimeout = defaultAuthenticationTimeout
	}
	return &Server{cfg: cfg, log: cfg.Logger, conns: make(map[net.Conn]struct{}), keys: make(map[uint32]*conn),
		unwatch: make(chan struct{})}
}

// Serve accepts connections on l until Close; it returns nil after Close.
func (s *Server) Serve(l net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return l.Close()
	}
	s.listener = l
	s.mu.Unlock()
	s.watch()
	for {
		c, err := l.Accept()
		if err != nil {
			s.mu.Lock()
			closed := s.closed
			s.mu.Unlock()
			if closed {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return err
		}
		if e := s.admit(c); e != nil {
			refuse(c, e)
			continue
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.serve(context.Background(), c)
		}()
	}
}

// Close stops accepting and ends every session (see terminate): running statements are
// cancelled and clients told 57P01. It returns within a bounded time.
func (s *Server) Close() error {
	s.mu.Lock()
	if !s.closed {
		close(s.unwatch)
	}
	s.closed = true
	var err error
	if s.listener != nil {
		err = s.listener.Close()
	}
	s.mu.Unlock()
	s.terminate()
	return err
}

// ServeConn runs the protocol on one connection until it ends. It never panics.
func (s *Server) ServeConn(ctx context.Context, c net.Conn) {
	if e := s.admit(c); e != nil {
		refuse(c, e)
		return
	}
	s.serve(ctx, c)
}

// serve runs an admitted client connection.
func (s *Server) serve(ctx context.Context, c net.Conn) {
	s.serveConn(ctx, c, func(cn *conn) bool { return cn.startup(ctx) })
}

// serveConn runs an admitted connection: start brings it to a ready session (false: the
// connection ends), then the message loop runs, or the relay of a forwarded session.
func (s *Server) serveConn(ctx context.Context, c net.Conn, start func(*conn) bool) {
	defer c.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cn := &conn{srv: s, nc: c, be: pgproto3.NewBackend(c, c), log: s.log.With("remote", c.RemoteAddr().String())}
	defer func() { s.leave(c, cn.counted) }()
	cn.beginStartup()
	defer func() {
		if r := recover(); r != nil {
			cn.log.Error("panic in session", "panic", r, "stack", string(debug.Stack()))
			cn.fatal(&sql.Error{Code: "XX000", Message: fmt.Sprintf("internal error: %v", r)})
		}
		if cn.session != nil {
			cn.endPortal()
			cn.session.Close()
		}
		cn.stopNotes()
		if cn.fwd != nil {
			cn.fwd.close()
		}
		s.forgetKey(cn)
	}()
	if !start(cn) || !cn.endStartup() {
		return
	}
	if cn.fwd == nil {
		cn.loop(ctx) // returns with fwd set when the session switched to forwarding
	}
	if cn.fwd != nil {
		cn.fwd.run(ctx)
	}
}

// conn is the state of one client connection.
type conn struct {
	srv        *Server
	nc         net.Conn
	be         *pgproto3.Backend
	log        *slog.Logger
	session    sql.Executor
	out        output
	notes      noteQueue // notifications for the client (notify.go)
	statements map[string]*statement
	portals    map[string]*portal
	live       *portalRun // the portal whose query is suspended mid-run (portal_stream.go)
	tls        bool
	counted    bool   // holds one of MaxConnections
	fwd        *proxy // set when the session is forwarded to another node (forward.go), under runMu
	forwarded  bool   // the session came through ServeForwarded: never forwarded on from here
	// leaderMoved: an error the client got said this node no longer leads the tablespace;
	// the session switches to forwarding once idle (switch.go).
	leaderMoved bool
	// batcher is the session as a sql.Batcher (nil if it is not one): the Executes of an
	// extended batch in autocommit are one implicit transaction, committed at Sync (batch.go).
	batcher sql.Batcher
	// The extended-protocol batch since the last Sync, for a switch of its refused Execute
	// (switch.go): whether it executed anything, and its last Bind (kept only on a Backend
	// that routes); heldPortal is the portal of the Execute whose CommandComplete is held.
	batchExec  bool
	lastBind   boundPortal
	heldPortal string

	// The session's identity and what it changed, for a switch to forwarding (switch.go).
	user, database string
	params         map[string]string
	sets           settingLog
	txSets         []string

	// pid and secret are the BackendKeyData a CancelRequest names this connection by.
	pid    uint32
	secret [4]byte
	// run is the context of the statement running now; a CancelRequest cancels it.
	runMu     sync.Mutex
	busy      bool
	runCtx    context.Context
	runCancel context.CancelCauseFunc
}

// fatal sends a FATAL error; the caller then closes the connection.
func (c *conn) fatal(e *sql.Error) {
	c.be.Send(errorResponse("FATAL", e))
	c.be.Flush()
}

func (c *conn) startup(ctx context.Context) bool {
	for {
		msg, err := c.receiveStartup() // negotiate.go
		if err != nil {
			c.readFailed(err, "invalid startup packet")
			return false
		}
		switch m := msg.(type) {
		case *pgproto3.SSLRequest:
			if c.tls {
				c.fatal(&sql.Error{Code: "08P01", Message: "SSLRequest on a connection that already uses TLS"})
				return false
			}
			if !c.startTLS(ctx) {
				return false
			}
		case *pgproto3.GSSEncRequest:
			// No GSSAPI encryption: 'N' tells the client to go on without it.
			if _, err := c.nc.Write([]byte{'N'}); err != nil {
				return false
			}
		case *pgproto3.CancelRequest:
			// PostgreSQL answers a cancel request with nothing, whether or not it matched.
			c.srv.cancel(m.ProcessID, m.SecretKey)
			return false
		case *startupMessage:
			c.negotiate(m)
			// A full server says so before authentication, as PostgreSQL does.
			return c.roomFor() && c.open(ctx, &m.StartupMessage)
		default:
			c.fatal(&sql.Error{Code: "08P01", Message: fmt.Sprintf("unexpected startup message %T", m)})
			return false
		}
	}
}

func (c *conn) open(ctx context.Context, m *pgproto3.StartupMessage) bool {
	user := m.Parameters["user"]
	if user == "" {
		c.fatal(&sql.Error{Code: "28000", Message: "no PostgreSQL user name specified in startup packet"})
		return false
	}
	database := m.Parameters["database"]
	if database == "" {
		database = user
	}
	creds, err := c.srv.cfg.Backend.Authenticate(user)
	switch {
	case errors.Is(err, ErrUnknownUser):
		c.authenticate(user, nil)
		return false
	case err != nil:
		c.fatal(toSQLError(err))
		return false
	case creds != nil && !c.authenticate(user, creds):
		return false
	}
	if !c.takeSlot() {
		return false
	}
	if router, ok := c.srv.cfg.Backend.(Router); ok {
		route, err := router.Route(ctx, user, database)
		if err != nil {
			c.fatal(toSQLError(err))
			return false
		}
		if !route.Local() {
			return c.forward(ctx, router, route, user, database, m.Parameters)
		}
	}
	return c.begin(ctx, user, database, m.Parameters)
}

// begin opens the authenticated user's session on database, here, and tells the client it
// is ready; false means the connection must close (the client has been told why).
func (c *conn) begin(ctx context.Context, user, database string, params map[string]string) bool {
	session, err := c.srv.cfg.Backend.Open(ctx, user, database)
	if err != nil {
		c.fatal(toSQLError(err))
		return false
	}
	c.session = session
	c.batcher, _ = session.(sql.Batcher)
	if w, ok := session.(interface{ SetPortalsReading(func(string) bool) }); ok {
		w.SetPortalsReading(c.portalReads)
	}
	c.listenFor(session)
	c.user, c.database, c.params = user, database, params
	c.srv.assignKey(c)
	settings, err := session.Start(sql.Startup{User: user, Database: database, Params: params, BackendPID: c.pid,
		CancelBackend: func(pid uint32) (bool, error) { return c.srv.cancelBackend(c, pid) }})
	if err != nil {
		c.fatal(toSQLError(err))
		return false
	}
	c.be.Send(&pgproto3.AuthenticationOk{})
	for _, p := range settings {
		c.be.Send(&pgproto3.ParameterStatus{Name: p.Name, Value: p.Value})
		c.out.setting(p.Name, p.Value)
	}
	if ts, ok := session.(interface{ TextStyle() types.TextStyle }); ok {
		c.out.SetTextStyle(ts.TextStyle()) // a startup option may have set extra_float_digits
	}
	c.be.Send(&pgproto3.BackendKeyData{ProcessID: c.pid, SecretKey: c.secret[:]})
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: sql.TxIdle})
	return c.be.Flush() == nil
}

// loop reads and answers messages until the client leaves or breaks the protocol.
func (c *conn) loop(ctx context.Context) {
	c.out.be = c.be
	c.statements = make(map[string]*statement)
	c.portals = make(map[string]*portal)
	// After an error in an extended-protocol message, PostgreSQL skips messages until Sync.
	skipToSync := false
	idleArmed := false
	for {
		idleArmed = c.armIdleTimeout(idleArmed)
		if !c.waitIdle() {
			return
		}
		msg, err := c.be.Receive()
		c.busyNotes()
		if err != nil {
			if c.shutDown(nil) {
				return
			}
			if idleTimedOut(idleArmed, err) {
				c.fatal(errIdleInTransaction)
				return
			}
			if handled, alive := c.malformed(err, &skipToSync); handled {
				if !alive {
					return
				}
				continue
			}
			if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, net.ErrClosed) {
				c.fatal(&sql.Error{Code: "08P01", Message: "invalid message: " + err.Error()})
			}
			return
		}
		c.beforeMessage(ctx, msg)
		if c.out.held && !endsBatch(msg) {
			// The batch goes on: the Execute that opened its implicit transaction is shown.
			if err := c.showHeld(ctx); err != nil && !c.extendedError(err, &skipToSync) {
				return
			}
		}
		var extErr error
		switch m := msg.(type) {
		case *pgproto3.Query:
			if !c.query(ctx, m.String) {
				return
			}
		case *pgproto3.Terminate:
			return
		case *pgproto3.Sync:
			skipToSync = false
			if !c.sync(ctx) {
				return
			}
		case *pgproto3.Flush:
		case *pgproto3.FunctionCall:
			if !skipToSync { // as PostgreSQL, which skips it too after an extended-protocol error
				c.functionCall()
			}
		case *pgproto3.CopyData, *pgproto3.CopyDone, *pgproto3.CopyFail:
			// A COPY that failed before it started: the client (pgx, for one) streams its data
			// without waiting for CopyInResponse. PostgreSQL ignores it here too.
			continue
		case *pgproto3.Parse:
			if !skipToSync {
				extErr = c.parse(ctx, m)
			}
		case *pgproto3.Bind:
			if !skipToSync {
				extErr = c.bind(m)
				if extErr == nil {
					c.keepBind(m)
				}
			}
		case *pgproto3.Describe:
			if !skipToSync {
				extErr = c.describe(m)
			}
		case *pgproto3.Execute:
			if !skipToSync {
				var alive bool
				if alive, extErr = c.executeMessage(ctx, m); !alive {
					return
				}
			}
		case *pgproto3.Close:
			if !skipToSync {
				extErr = c.closeObject(m)
			}
		default:
			c.fatal(&sql.Error{Code: "08P01", Message: fmt.Sprintf("unexpected message %T", m)})
			return
		}
		if extErr != nil && !c.extendedError(extErr, &skipToSync) {
			return
		}
		// Pipelined extended messages are answered together at Sync or Flush.
		switch msg.(type) {
		case *pgproto3.Parse, *pgproto3.Bind, *pgproto3.Describe, *pgproto3.Execute, *pgproto3.Close:
			continue
		}
		if err := c.be.Flush(); err != nil {
			return
		}
	}
}

// executeMessage answers an Execute; false means the loop ends: the relay serves the rest of
// the batch, or the connection must close (a COPY's stream broke).
func (c *conn) executeMessage(ctx context.Context, m *pgproto3.Execute) (bool, error) {
	txBefore := c.session.TxStatus()
	switched, err := c.executeOrSwitch(ctx, m)
	if switched {
		return false, err
	}
	c.afterTxn(txBefore, false)
	return c.endCopyIn(), err
}

// extendedError answers an extended-protocol message's error: the transaction fails (an
// extended batch's implicit one rolls back) and the batch skips to Sync. false means the
// connection must close (the session is shutting down or gone).
func (c *conn) extendedError(err error, skipToSync *bool) bool {
	if c.shutDown(err) {
		return false
	}
	e := toSQLError(err)
	if e.Code == sessionGone {
		c.fatal(e)
		return false
	}
	c.session.Abort()
	*skipToSync = true
	c.noteLeaderMoved(err)
	c.be.Send(errorResponse("ERROR", e))
	return true
}

// query runs a simple Query; false means the connection must close.
func (c *conn) query(ctx context.Context, q string) bool {
	c.out.simple, c.out.copying, c.out.started = true, true, false
	err := error(nil)
	if isBlank(q) {
		c.be.Send(&pgproto3.EmptyQueryResponse{})
	} else {
		txBefore := c.session.TxStatus()
		err = c.session.Exec(c.running(ctx), q, &c.out)
		c.idle()
		c.afterTxn(txBefore, true)
		if err != nil && c.shutDown(err) {
			return false
		}
		if err == nil {
			c.noteSettings(q, txBefore)
		} else if c.mustSwitch(err, txBefore) && c.switchToForward(ctx, q) {
			return false
		}
	}
	c.out.simple, c.out.copying, c.out.copyingOut = false, false, false
	if in := c.out.copyIn; in != nil {
		c.out.copyIn = nil
		if in.broken {
			if err != nil && !errors.Is(err, in.err) {
				c.log.Debug("COPY ended by a broken stream", "err", err)
			}
			if e := toSQLError(in.err); e.Code == "08P01" {
				c.fatal(e)
			}
			return false
		}
		if !in.done {
			// The statement ended before the client's data did (an error, or a \. line):
			// report an error at once, so the client can stop sending, then skip what it
			// already sent, as PostgreSQL does.
			if err != nil {
				c.be.Send(errorResponse("ERROR", toSQLError(err)))
				err = nil
				if c.be.Flush() != nil {
					return false
				}
			}
			in.drain()
			if in.broken {
				return false
			}
			if e, ok := in.err.(*sql.Error); ok && e.Code == "08P01" && err == nil { //nolint:errorlint // set by receive, never wrapped
				err = e // a message that is not COPY's after the statement stopped reading
			}
		}
	}
	if err != nil {
		if e := toSQLError(err); e.Code == sessionGone {
			c.fatal(e)
			return false
		}
		c.noteLeaderMoved(err)
		c.be.Send(errorResponse("ERROR", toSQLError(err)))
	}
	c.sendNotes()
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: c.session.TxStatus()})
	// Switched: the loop returns and the relay serves the connection.
	return !c.switchIfMoved(ctx)
}

// errFunctionCall answers the FunctionCall message (fastpath function call), which
// PostgreSQL serves by function OID and drove does not: an ERROR, as any other statement's,
// and the connection goes on.
var errFunctionCall = &sql.Error{Code: "0A000", Message: "the FunctionCall protocol message (fastpath function call) is not supported",
	Hint: "Call the function in a SELECT."}

// functionCall answers a FunctionCall: like a simple Query, an error ends a transaction
// block's statement and ReadyForQuery follows.
func (c *conn) functionCall() {
	c.session.Abort()
	c.be.Send(errorResponse("ERROR", errFunctionCall))
	c.sendNotes()
	c.be.Send(&pgproto3.ReadyForQuery{TxStatus: c.session.TxStatus()})
}

// sessionGone (admin_shutdown) is what a session answers once its tablespace is closed under
// it: dropped, shut down, or its replica moved off this node. As in PostgreSQL, it ends the
// connection (FATAL): kept open, the session would refuse every statement forever, and a
// relay forwarding it would never route it to the tablespace's new leader.
const sessionGone = "57P01"

func isBlank(q string) bool {
	for i := 0; i < len(q); i++ {
		switch q[i] {
		case ' ', '\t', '\n', '\r', ';':
		default:
			return false
		}
	}
	return true
}

// toSQLError keeps an error's SQLSTATE, or makes it an internal error.
func toSQLError(err error) *sql.Error {
	var se *sql.Error
	if errors.As(err, &se) {
		return se
	}
	var coded interface{ SQLState() string }
	if errors.As(err, &coded) {
		return &sql.Error{Code: coded.SQLState(), Message: err.Error()}
	}
	return &sql.Error{Code: "XX000", Message: err.Error()}
}

func errorResponse(severity string, e *sql.Error) *pgproto3.ErrorResponse {
	return &pgproto3.ErrorResponse{
		Severity:            severity,
		SeverityUnlocalized: severity,
		Code:                e.Code,
		Message:             e.Message,
		Detail:              e.Detail,
		Hint:                e.Hint,
		Where:               e.Where,
		Position:            int32(e.Position),
		SchemaName:          e.Schema,
		TableName:           e.Table,
		ColumnName:          e.Column,
		ConstraintName:      e.Constraint,
	}
}
