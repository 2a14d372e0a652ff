package pgwire

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

func TestCancelRequest(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	c, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	other, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close(ctx)

	cases := []struct {
		name   string
		cancel func() error
		wantOK bool // the statement must still be running after the request
	}{
		{"the right key cancels", func() error { return c.CancelRequest(ctx) }, false},
		{"another connection's key does not", func() error { return other.CancelRequest(ctx) }, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan error, 1)
			go func() { done <- c.Exec(ctx, "sleep").Close() }()
			time.Sleep(50 * time.Millisecond) // let the statement start
			if err := tc.cancel(); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				if tc.wantOK {
					t.Fatalf("statement ended by a request with the wrong key: %v", err)
				}
				var pgErr *pgconn.PgError
				if !errors.As(err, &pgErr) || pgErr.Code != "57014" {
					t.Fatalf("got %v, want 57014", err)
				}
			case <-time.After(300 * time.Millisecond):
				if !tc.wantOK {
					t.Fatal("the cancel request did not end the statement")
				}
				if err := c.CancelRequest(ctx); err != nil {
					t.Fatal(err)
				}
				<-done
			}
			// The connection stays usable, and an idle one ignores a late cancel.
			if err := c.CancelRequest(ctx); err != nil {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond)
			if _, err := c.Exec(ctx, "rows").ReadAll(); err != nil {
				t.Fatalf("after the cancel: %v", err)
			}
		})
	}
}

// pg_cancel_backend(pid) cancels the statement of the session with that process id, as a
// CancelRequest does, and is false for a process id no session has.
func TestCancelBackend(t *testing.T) {
	_, url := startServer(t)
	ctx := context.Background()
	a, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(ctx)
	b, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close(ctx)
	done := make(chan error, 1)
	go func() { _, err := a.Exec(ctx, "sleep").ReadAll(); done <- err }()
	time.Sleep(100 * time.Millisecond)
	res, err := b.Exec(ctx, fmt.Sprintf("cancel %d", a.PID())).ReadAll()
	if err != nil || string(res[0].Rows[0][0]) != "t" {
		t.Fatalf("pg_cancel_backend: %v %v", res, err)
	}
	select {
	case err := <-done:
		var pe *pgconn.PgError
		if !errors.As(err, &pe) || pe.Code != "57014" {
			t.Fatalf("the cancelled statement: %v, want 57014", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the statement still runs 10s after pg_cancel_backend")
	}
	res, err = b.Exec(ctx, "cancel 12345").ReadAll()
	if err != nil || string(res[0].Rows[0][0]) != "f" {
		t.Fatalf("pg_cancel_backend of no session: %v %v", res, err)
	}
}
