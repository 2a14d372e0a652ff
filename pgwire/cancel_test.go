package pgwire

import (
	"context"
	"errors"
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
