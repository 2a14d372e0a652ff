package lincheck

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver
	"github.com/lib/pq"

	"github.com/drovedb/drove/server"
)

func TestClassifySQL(t *testing.T) {
	pg := func(code string) error { return fmt.Errorf("exec: %w", &pgconn.PgError{Code: code}) }
	cases := []struct {
		err  error
		want Outcome
	}{
		{nil, OK},
		{pg("08007"), Unknown},
		{pg("08006"), Unknown},
		{pg("57014"), Unknown},
		{pg("XX000"), Unknown},
		{pg("40001"), Failed},
		{pg("25006"), Failed},
		{pg("57P01"), Failed},
		{pg("53300"), Failed},
		{pg("08001"), Failed},
		{pg("23505"), Failed}, // a definite error: the statement did nothing
		{&pq.Error{Code: "08007"}, Unknown},
		{&pq.Error{Code: "40001"}, Failed},
		{&pgconn.ConnectError{}, Failed},
		{driver.ErrBadConn, Failed},
		{&net.OpError{Op: "dial", Err: fmt.Errorf("connect: %w", errConnRefused())}, Failed},
		{context.DeadlineExceeded, Unknown},
		{io.ErrUnexpectedEOF, Unknown},
		{errors.New("something else"), Unknown},
	}
	for _, tc := range cases {
		if got := ClassifySQL(tc.err); got != tc.want {
			t.Errorf("%v: got %s, want %s", tc.err, got, tc.want)
		}
	}
}

// errConnRefused returns the error a dial to a closed port gives.
func errConnRefused() error {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := l.Addr().String()
	l.Close()
	_, err = net.Dial("tcp", addr)
	return err
}

// Against a closed port every operation is refused before it is sent: Failed, not Unknown.
func TestSQLStoreRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	db, err := sql.Open("pgx", "postgres://drove@"+addr+"/drove?sslmode=disable&connect_timeout=2")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := NewSQLStore(db)
	ctx := context.Background()
	_, _, rerr := s.Read(ctx, 1)
	werr := s.Write(ctx, 1, 2)
	_, cerr := s.CAS(ctx, 1, 2, 3)
	for _, err := range []error{rerr, werr, cerr} {
		if got := ClassifySQL(err); got != Failed {
			t.Errorf("%v: got %s, want failed", err, got)
		}
	}
}

// SQLStore against one in-process drove node is linearizable.
func TestSQLStoreLinearizable(t *testing.T) {
	srv, err := server.Start(server.Config{DataDir: t.TempDir(), PGAddr: "127.0.0.1:0", CheckpointInterval: -1,
		Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	db, err := sql.Open("pgx", "postgres://drove@"+srv.PGAddr().String()+"/drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	s := NewSQLStore(db)
	if err := s.CreateTable(ctx); err != nil {
		t.Fatal(err)
	}

	// The three statements do what the model says.
	if _, ok, err := s.Read(ctx, 1); ok || err != nil {
		t.Fatalf("read of an absent key: %v %v", ok, err)
	}
	if ok, err := s.CAS(ctx, 1, 0, 5); ok || err != nil {
		t.Fatalf("cas on an absent key: %v %v", ok, err)
	}
	for _, v := range []int{4_000_000_001, 7} { // insert, then update
		if err := s.Write(ctx, 1, v); err != nil {
			t.Fatal(err)
		}
		if got, ok, err := s.Read(ctx, 1); got != v || !ok || err != nil {
			t.Fatalf("read: %d %v %v, want %d", got, ok, err, v)
		}
	}
	if ok, err := s.CAS(ctx, 1, 6, 8); ok || err != nil {
		t.Fatalf("cas on a mismatch: %v %v", ok, err)
	}
	if ok, err := s.CAS(ctx, 1, 7, 8); !ok || err != nil {
		t.Fatalf("cas on a match: %v %v", ok, err)
	}
	if _, err := db.ExecContext(ctx, "DELETE FROM lin"); err != nil {
		t.Fatal(err)
	}

	seed := Seeds(1)[0]
	rep := Run(ctx, Config{
		Seed:     seed,
		Workload: Workload{Clients: 6, Keys: 3, Duration: 2 * time.Second},
		Stores:   []Store{s},
		Logf:     t.Logf,
	})
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	if rep.Result != porcupine.Ok || rep.Stats.OK < 100 || rep.Stats.CASApplied == 0 {
		t.Fatalf("too little done to mean anything: %v", rep)
	}
}
