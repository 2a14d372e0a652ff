package pgwire

import (
	"testing"

	"github.com/jackc/pgx/v5/pgproto3"
)

// A Query of two COPY FROM STDINs gets each its own data, as psql sends it: each ends with a
// \. line, then CopyDone. The first COPY stops reading at its \. line; the rest of its data
// (the CopyDone) must not be taken for the second's (PostgreSQL 15's copyselect test).
func TestCopyFromTwiceInOneQuery(t *testing.T) {
	_, fe := rawConn(t, startSessions(t))
	query := func(q string) []pgproto3.BackendMessage {
		t.Helper()
		fe.Send(&pgproto3.Query{String: q})
		if err := fe.Flush(); err != nil {
			t.Fatal(err)
		}
		var got []pgproto3.BackendMessage
		for {
			msg, err := fe.Receive()
			if err != nil {
				t.Fatal(err)
			}
			switch m := msg.(type) {
			case *pgproto3.CopyInResponse:
				data := map[int]string{0: "1\n\\.\n", 1: "2\n\\.\n"}[countCopyIns(got)]
				got = append(got, &pgproto3.CopyInResponse{})
				fe.Send(&pgproto3.CopyData{Data: []byte(data)})
				fe.Send(&pgproto3.CopyDone{})
				if err := fe.Flush(); err != nil {
					t.Fatal(err)
				}
			case *pgproto3.CommandComplete:
				got = append(got, &pgproto3.CommandComplete{CommandTag: append([]byte(nil), m.CommandTag...)})
			case *pgproto3.ErrorResponse:
				t.Fatalf("%s: %s", q, m.Message)
			case *pgproto3.DataRow:
				got = append(got, &pgproto3.DataRow{Values: [][]byte{append([]byte(nil), m.Values[0]...)}})
			case *pgproto3.ReadyForQuery:
				return got
			}
		}
	}
	query("CREATE TABLE test3 (c int)")
	got := query("COPY test3 FROM STDIN; COPY test3 FROM STDIN; SELECT 1")
	var tags []string
	for _, m := range got {
		if c, ok := m.(*pgproto3.CommandComplete); ok {
			tags = append(tags, string(c.CommandTag))
		}
	}
	if len(tags) != 3 || tags[0] != "COPY 1" || tags[1] != "COPY 1" || tags[2] != "SELECT 1" {
		t.Fatalf("tags %q, want COPY 1, COPY 1, SELECT 1", tags)
	}
	var rows []string
	for _, m := range query("SELECT c FROM test3 ORDER BY c") {
		if d, ok := m.(*pgproto3.DataRow); ok {
			rows = append(rows, string(d.Values[0]))
		}
	}
	if len(rows) != 2 || rows[0] != "1" || rows[1] != "2" {
		t.Fatalf("rows %q, want 1 and 2", rows)
	}
}

func countCopyIns(msgs []pgproto3.BackendMessage) int {
	n := 0
	for _, m := range msgs {
		if _, ok := m.(*pgproto3.CopyInResponse); ok {
			n++
		}
	}
	return n
}
