package server

import (
	"net"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgproto3"
)

// rawSession completes startup by hand on a real server's port, for the messages a driver
// would never send.
func rawSession(t *testing.T, s *Server) *pgproto3.Frontend {
	t.Helper()
	nc, err := net.Dial("tcp", s.PGAddr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nc.Close() })
	nc.SetDeadline(time.Now().Add(30 * time.Second))
	fe := pgproto3.NewFrontend(nc, nc)
	fe.Send(&pgproto3.StartupMessage{ProtocolVersion: pgproto3.ProtocolVersionNumber,
		Parameters: map[string]string{"user": "drove", "database": "drove"}})
	untilReady(t, fe)
	return fe
}

// reply is what the server answered up to ReadyForQuery: its errors (code and message), its
// data rows' first columns and the transaction status.
type reply struct {
	errors []string
	rows   []string
	status byte
}

// untilReady flushes what was sent and reads up to ReadyForQuery.
func untilReady(t *testing.T, fe *pgproto3.Frontend) reply {
	t.Helper()
	if err := fe.Flush(); err != nil {
		t.Fatal(err)
	}
	var r reply
	for {
		msg, err := fe.Receive()
		if err != nil {
			t.Fatalf("connection lost: %v (so far %+v)", err, r)
		}
		switch m := msg.(type) {
		case *pgproto3.ErrorResponse:
			if m.Severity == "FATAL" {
				t.Fatalf("FATAL %s %s", m.Code, m.Message)
			}
			r.errors = append(r.errors, m.Code+" "+m.Message)
		case *pgproto3.DataRow:
			r.rows = append(r.rows, string(m.Values[0]))
		case *pgproto3.CopyInResponse:
			return reply{status: 'c'}
		case *pgproto3.ReadyForQuery:
			r.status = m.TxStatus
			return r
		}
	}
}

func query(t *testing.T, fe *pgproto3.Frontend, q string) reply {
	t.Helper()
	fe.Send(&pgproto3.Query{String: q})
	return untilReady(t, fe)
}

// A message that is not COPY's during COPY FROM STDIN fails the COPY with PostgreSQL's
// 08P01 error, and the connection goes on: the COPY's rows are not loaded, a transaction
// it ran in is failed, the client's later COPY messages are ignored. (PostgreSQL 15 sends
// the same ERROR and then ends the connection, having not read the message's body; drove
// has read it whole.)
func TestUnexpectedMessageDuringCopyIn(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	query(t, fe, "CREATE TABLE c (a int PRIMARY KEY)")
	for _, tc := range []struct {
		name   string
		begin  bool
		msg    pgproto3.FrontendMessage
		want   string
		status byte
	}{
		{"Query", false, &pgproto3.Query{String: "SELECT 1"}, "08P01 unexpected message type 0x51 during COPY from stdin", 'I'},
		{"Parse", false, &pgproto3.Parse{Query: "SELECT 1"}, "08P01 unexpected message type 0x50 during COPY from stdin", 'I'},
		{"Query in a transaction", true, &pgproto3.Query{String: "SELECT 1"}, "08P01 unexpected message type 0x51 during COPY from stdin", 'E'},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.begin {
				query(t, fe, "BEGIN")
			}
			if r := query(t, fe, "COPY c FROM STDIN"); r.status != 'c' {
				t.Fatalf("no CopyInResponse: %+v", r)
			}
			fe.Send(&pgproto3.CopyData{Data: []byte("1\n2\n")})
			fe.Send(tc.msg)
			r := untilReady(t, fe)
			if len(r.errors) != 1 || r.errors[0] != tc.want || r.status != tc.status {
				t.Fatalf("got %+v, want one error %q and status %c", r, tc.want, tc.status)
			}
			// What the client still sends of its COPY is ignored.
			fe.Send(&pgproto3.CopyData{Data: []byte("3\n")})
			fe.Send(&pgproto3.CopyDone{})
			if tc.begin {
				query(t, fe, "ROLLBACK")
			}
			if r := query(t, fe, "SELECT count(*) FROM c"); len(r.errors) > 0 || len(r.rows) != 1 || r.rows[0] != "0" {
				t.Fatalf("after the failed COPY: %+v, want count 0", r)
			}
		})
	}
}

// A FunctionCall (fastpath) message is answered with an ERROR and ReadyForQuery, as any
// failed statement, never by closing the connection; after an extended-protocol error it is
// skipped to Sync, as PostgreSQL does.
func TestFunctionCallMessage(t *testing.T) {
	s := startedServer(t)
	fe := rawSession(t, s)
	call := &pgproto3.FunctionCall{Function: 1317, Arguments: [][]byte{[]byte("abc")}, ArgFormatCodes: []uint16{0}}
	fe.Send(call)
	if r := untilReady(t, fe); len(r.errors) != 1 || r.errors[0][:5] != "0A000" || r.status != 'I' {
		t.Fatalf("FunctionCall: %+v, want a 0A000 error", r)
	}
	if r := query(t, fe, "SELECT 1"); len(r.rows) != 1 || r.rows[0] != "1" {
		t.Fatalf("after a FunctionCall: %+v", r)
	}
	// In a transaction block it fails the transaction, as any error does.
	query(t, fe, "BEGIN")
	fe.Send(call)
	if r := untilReady(t, fe); len(r.errors) != 1 || r.status != 'E' {
		t.Fatalf("FunctionCall in a transaction: %+v, want an error and status E", r)
	}
	query(t, fe, "ROLLBACK")
	// After an extended-protocol error, skipped: the Sync's ReadyForQuery is the only answer.
	fe.Send(&pgproto3.Parse{Query: "SELEC 1"})
	fe.Send(call)
	fe.Send(&pgproto3.Sync{})
	if r := untilReady(t, fe); len(r.errors) != 1 || r.errors[0][:5] != "42601" || r.status != 'I' {
		t.Fatalf("FunctionCall after an error: %+v, want only the Parse's 42601", r)
	}
	if r := query(t, fe, "SELECT 2"); len(r.rows) != 1 || r.rows[0] != "2" {
		t.Fatalf("then: %+v", r)
	}
}
