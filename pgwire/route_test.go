package pgwire

import (
	"bytes"
	"context"
	"encoding/binary"
	"maps"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgproto3"
	"github.com/xdg-go/scram"

	"github.com/drovedb/drove/sql"
)

func TestForwardHandshakeRoundTrip(t *testing.T) {
	cases := []*forwardHello{
		{kind: forwardSession, params: map[string]string{"user": "u", "database": "d", "application_name": "a", "options": "-c x=1"}},
		{kind: forwardSession, params: map[string]string{"user": "u", "DateStyle": ""}},
		{kind: forwardCancel, pid: 12345, secret: [4]byte{1, 2, 3, 4}},
	}
	for _, h := range cases {
		got, err := readForwardHandshake(bytes.NewReader(h.encode(nil)))
		if err != nil {
			t.Fatalf("%+v: %v", h, err)
		}
		if got.kind != h.kind || got.pid != h.pid || got.secret != h.secret || !maps.Equal(got.params, h.params) {
			t.Fatalf("round trip: got %+v, want %+v", got, h)
		}
	}
	bad := map[string][]byte{
		"no magic":          []byte("XXXXS\x00"),
		"unknown kind":      binary.BigEndian.AppendUint32(nil, forwardMagic),
		"no user":           append(binary.BigEndian.AppendUint32(nil, forwardMagic), "Sdatabase\x00d\x00\x00"...),
		"unterminated":      append(binary.BigEndian.AppendUint32(nil, forwardMagic), "Suser\x00u\x00"...),
		"trailing bytes":    append(binary.BigEndian.AppendUint32(nil, forwardMagic), "Suser\x00u\x00\x00x"...),
		"duplicate":         append(binary.BigEndian.AppendUint32(nil, forwardMagic), "Suser\x00u\x00user\x00v\x00\x00"...),
		"short cancel":      append(binary.BigEndian.AppendUint32(nil, forwardMagic), "C\x00\x00\x00\x01"...),
		"value without \\0": append(binary.BigEndian.AppendUint32(nil, forwardMagic), "Suser"...),
	}
	for name, body := range bad {
		if h, err := parseForwardHandshake(body); err == nil {
			t.Errorf("%s: parsed as %+v", name, h)
		}
	}
	for _, size := range []uint32{0, 8, uint32(maxForwardHandshake) + 1} {
		if _, err := readForwardHandshake(bytes.NewReader(binary.BigEndian.AppendUint32(nil, size))); err == nil {
			t.Errorf("length %d accepted", size)
		}
	}
}

// FuzzForwardHandshake: any bytes either fail to parse or parse to a handshake whose
// encoding parses back to the same handshake; nothing panics.
func FuzzForwardHandshake(f *testing.F) {
	for _, h := range []*forwardHello{
		{kind: forwardSession, params: map[string]string{"user": "u", "database": "d"}},
		{kind: forwardCancel, pid: 7, secret: [4]byte{9, 9, 9, 9}},
	} {
		f.Add(h.encode(nil)[4:])
	}
	f.Add([]byte{})
	f.Add([]byte("DRFWS\x00"))
	f.Fuzz(func(t *testing.T, body []byte) {
		h, err := parseForwardHandshake(body)
		if err != nil {
			return
		}
		again, err := readForwardHandshake(bytes.NewReader(h.encode(nil)))
		if err != nil {
			t.Fatalf("%q parsed to %+v, whose encoding does not parse: %v", body, h, err)
		}
		if again.kind != h.kind || again.pid != h.pid || again.secret != h.secret || !maps.Equal(again.params, h.params) {
			t.Fatalf("%q parsed to %+v, which encodes to %+v", body, h, again)
		}
	})
}

func TestClassifyStatements(t *testing.T) {
	exits := map[string]byte{"ROLLBACK": 'R', "abort;": 'R', " Commit work ": 'C', "END": 'C',
		"rollback to savepoint a": 0, "commit prepared 'x'": 0, "select 1": 0, "rollback; select 1": 0, "": 0}
	for q, want := range exits {
		if got := txExit(q); got != want {
			t.Errorf("txExit(%q) = %q, want %q", q, got, want)
		}
	}
	settings := []struct {
		q    string
		kind byte
		key  string
	}{
		{"SET search_path TO a", settingSet, "search_path"},
		{"set session DateStyle = 'ISO'", settingSet, "datestyle"},
		{"SET a=1", settingSet, "a"},
		{"SET LOCAL a = 1", 0, ""},
		{"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", 0, ""},
		{"SET SESSION AUTHORIZATION bob", 0, ""},
		{"RESET a", settingReset, "a"},
		{"RESET ALL", settingResetAll, ""},
		{"DISCARD ALL", settingDiscardAll, ""},
		{"DEALLOCATE s1", settingDeallocate, "s1"},
		{"DEALLOCATE PREPARE ALL", settingDeallocate, ""},
		{"SET a = 1; SET b = 2", 0, ""},
		{"select 1", 0, ""},
		{"LISTEN Jobs;", settingSet, "listen jobs"},
		{`listen "Jobs"`, settingSet, `listen "Jobs"`},
		{"UNLISTEN jobs", settingReset, "listen jobs"},
		{"UNLISTEN *", settingUnlistenAll, ""},
		{"LISTEN a; LISTEN b", 0, ""},
	}
	for _, tc := range settings {
		if kind, key := classifySetting(tc.q); kind != tc.kind || key != tc.key {
			t.Errorf("classifySetting(%q) = %q %q, want %q %q", tc.q, kind, key, tc.kind, tc.key)
		}
	}
	var l settingLog
	l.set("a", "set a = 1")
	l.set("b", "set b = 1")
	l.set("a", "set a = 2")
	l.reset("b")
	if got := strings.Join(l.stmts(), ","); got != "set a = 2" {
		t.Fatalf("setting log %q", got)
	}
	// LISTENs are replayed too; RESET ALL keeps them, UNLISTEN * and DISCARD ALL drop them.
	for _, step := range []struct{ q, want string }{
		{"LISTEN x", "set a = 2,LISTEN x"},
		{`LISTEN "X"`, `set a = 2,LISTEN x,LISTEN "X"`},
		{"RESET ALL", `LISTEN x,LISTEN "X"`},
		{"SET b = 1", `LISTEN x,LISTEN "X",SET b = 1`},
		{"UNLISTEN X", `LISTEN "X",SET b = 1`},
		{"UNLISTEN *", "SET b = 1"},
		{"LISTEN y", "SET b = 1,LISTEN y"},
		{"DISCARD ALL", ""},
	} {
		l.apply(step.q)
		if got := strings.Join(l.stmts(), ","); got != step.want {
			t.Fatalf("after %s: log %q, want %q", step.q, got, step.want)
		}
	}
}

// scripted is a Router whose upstream is a function speaking the protocol by hand.
type scripted struct {
	fakeBackend
	serve func(hello *forwardHello, be *pgproto3.Backend)
}

func (s scripted) Authenticate(string) (*scram.StoredCredentials, error) { return nil, nil }

func (s scripted) Route(context.Context, string, string) (Route, error) {
	return Route{Node: "scripted", Dial: func(context.Context) (net.Conn, error) {
		a, b := net.Pipe()
		go func() {
			defer b.Close()
			hello, err := readForwardHandshake(b)
			if err != nil {
				return
			}
			be := pgproto3.NewBackend(b, b)
			be.Send(&pgproto3.AuthenticationOk{})
			be.Send(&pgproto3.ParameterStatus{Name: "application_name", Value: hello.params["application_name"]})
			be.Send(&pgproto3.BackendKeyData{ProcessID: 1, SecretKey: []byte{1, 2, 3, 4}})
			be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
			be.Flush()
			s.serve(hello, be)
		}()
		return a, nil
	}}, nil
}

// TestForwardRelaysAsync: the handshake carries the client's startup parameters, and
// NoticeResponse and ParameterStatus from the upstream reach the client.
func TestForwardRelaysAsync(t *testing.T) {
	hellos := make(chan *forwardHello, 1)
	b := scripted{serve: func(hello *forwardHello, be *pgproto3.Backend) {
		hellos <- hello
		for {
			msg, err := be.Receive()
			if err != nil {
				return
			}
			if _, ok := msg.(*pgproto3.Query); !ok {
				return
			}
			be.Send(&pgproto3.NoticeResponse{Severity: "NOTICE", Code: "00000", Message: "hello from the leader"})
			be.Send(&pgproto3.ParameterStatus{Name: "TimeZone", Value: "Mars/Olympus"})
			be.Send(&pgproto3.CommandComplete{CommandTag: []byte("SET")})
			be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
			be.Flush()
		}
	}}
	_, url := startServer(t, func(c *Config) { c.Backend = b })
	cfg, err := pgconn.ParseConfig(url + "&application_name=relay&DateStyle=ISO")
	if err != nil {
		t.Fatal(err)
	}
	notices := make(chan string, 1)
	cfg.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) { notices <- n.Message }
	ctx := context.Background()
	c, err := pgconn.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	hello := <-hellos
	if hello.params["user"] != "drove" || hello.params["database"] != "drove" || hello.params["application_name"] != "relay" ||
		hello.params["DateStyle"] != "ISO" {
		t.Fatalf("handshake parameters %v", hello.params)
	}
	if c.ParameterStatus("application_name") != "relay" {
		t.Fatalf("startup ParameterStatus not relayed: %q", c.ParameterStatus("application_name"))
	}
	if _, err := c.Exec(ctx, "set timezone = 'Mars/Olympus'").ReadAll(); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-notices:
		if n != "hello from the leader" {
			t.Fatalf("notice %q", n)
		}
	case <-time.After(time.Second):
		t.Fatal("no notice relayed")
	}
	if got := c.ParameterStatus("TimeZone"); got != "Mars/Olympus" {
		t.Fatalf("ParameterStatus TimeZone %q", got)
	}
}

// TestForwardLostDuringCopy: the upstream breaks in the middle of COPY FROM STDIN: the
// client gets 08007 and, after its CopyDone or CopyFail, ReadyForQuery.
func TestForwardLostDuringCopy(t *testing.T) {
	var conns atomic.Int32
	b := scripted{serve: func(_ *forwardHello, be *pgproto3.Backend) {
		first := conns.Add(1) == 1
		for {
			msg, err := be.Receive()
			if _, ok := msg.(*pgproto3.Query); err != nil || !ok {
				return
			}
			if first {
				be.Send(&pgproto3.CopyInResponse{OverallFormat: 0, ColumnFormatCodes: []uint16{0}})
				be.Flush()
				be.Receive() // one CopyData, then the connection breaks
				return
			}
			be.Send(&pgproto3.EmptyQueryResponse{})
			be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
			be.Flush()
		}
	}}
	_, url := startServer(t, func(c *Config) { c.Backend = b })
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	_, err = c.CopyFrom(ctx, strings.NewReader(strings.Repeat("x\n", 100000)), "copy t from stdin")
	wantCode(t, err, "08007")
	if c.TxStatus() != 'I' {
		t.Fatalf("status %c", c.TxStatus())
	}
	if _, err := c.Exec(ctx, "select 1").ReadAll(); err != nil {
		t.Fatalf("after the lost COPY: %v", err)
	}
}

func TestServeForwardedRefuses(t *testing.T) {
	s := NewServer(Config{Backend: fakeBackend{}})
	defer s.Close()
	cases := map[string]struct {
		hello []byte
		code  string
	}{
		"unknown database": {(&forwardHello{kind: forwardSession, params: map[string]string{"user": "u", "database": "nope"}}).encode(nil), "3D000"},
		"garbage":          {[]byte("\x00\x00\x00\x0cXXXXXXXX"), "08P01"},
	}
	for name, tc := range cases {
		a, b := net.Pipe()
		go s.ServeForwarded(context.Background(), b)
		a.SetDeadline(time.Now().Add(2 * time.Second))
		go a.Write(tc.hello)
		msg, err := pgproto3.NewFrontend(a, a).Receive()
		e, ok := msg.(*pgproto3.ErrorResponse)
		if err != nil || !ok || e.Code != tc.code {
			t.Errorf("%s: got %#v %v, want %s", name, msg, err, tc.code)
		}
		a.Close()
	}
	_ = sql.TxIdle
}

// TestForwardResendsPrepare: a batch that executes nothing (a driver preparing a
// statement) in flight when the upstream is lost goes to a new upstream, and the client
// sees its replies once.
func TestForwardResendsPrepare(t *testing.T) {
	var conns atomic.Int32
	b := scripted{serve: func(_ *forwardHello, be *pgproto3.Backend) {
		first := conns.Add(1) == 1
		for {
			msg, err := be.Receive()
			if err != nil {
				return
			}
			switch m := msg.(type) {
			case *pgproto3.Parse:
				be.Send(&pgproto3.ParseComplete{})
			case *pgproto3.Describe:
				be.Send(&pgproto3.ParameterDescription{ParameterOIDs: []uint32{25}})
				be.Send(&pgproto3.NoData{})
			case *pgproto3.Sync:
				if first {
					be.Flush()
					return // dies before ReadyForQuery
				}
				be.Send(&pgproto3.ReadyForQuery{TxStatus: 'I'})
				be.Flush()
			default:
				t.Errorf("unexpected %T", m)
				return
			}
		}
	}}
	_, url := startServer(t, func(c *Config) { c.Backend = b })
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	sd, err := c.Prepare(ctx, "s1", "insert into t values ($1)", nil)
	if err != nil {
		t.Fatalf("prepare across a lost upstream: %v", err)
	}
	if len(sd.ParamOIDs) != 1 || sd.ParamOIDs[0] != 25 || conns.Load() != 2 {
		t.Fatalf("description %+v after %d connections", sd, conns.Load())
	}
}
