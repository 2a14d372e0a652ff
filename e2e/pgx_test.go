package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"
)

// TestPgx drives the server with pgx v5 in each of its query modes: the default caches
// prepared statements and uses binary formats; the others describe, exec, or use the simple
// protocol.
func TestPgx(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	for i, mode := range pgxModes {
		t.Run(mode.String(), func(t *testing.T) {
			c := connectPgxMode(t, n.url(), mode)
			table := fmt.Sprintf("things%d", i)
			if _, err := c.Exec(ctx, "CREATE TABLE "+table+
				" (id bigint PRIMARY KEY, name text, score double precision, small smallint, ok boolean, at timestamp, raw bytea)"); err != nil {
				t.Fatal(err)
			}
			at := time.Date(2024, 5, 6, 7, 8, 9, 123456000, time.UTC)
			for id := int64(1); id <= 3; id++ {
				if _, err := c.Exec(ctx, "INSERT INTO "+table+" VALUES ($1, $2, $3, $4, $5, $6, $7)",
					id, fmt.Sprint("name", id), float64(id)/4, int16(id), id%2 == 0, at, []byte{byte(id), 0}); err != nil {
					t.Fatal(err)
				}
			}
			var (
				name  string
				score float64
				small int16
				ok    bool
				got   time.Time
				raw   []byte
			)
			if err := c.QueryRow(ctx, "SELECT name, score, small, ok, at, raw FROM "+table+" WHERE id = $1", int64(2)).
				Scan(&name, &score, &small, &ok, &got, &raw); err != nil {
				t.Fatal(err)
			}
			if name != "name2" || score != 0.5 || small != 2 || !ok || !got.Equal(at) || string(raw) != "\x02\x00" {
				t.Fatalf("scanned %q %v %v %v %v %v", name, score, small, ok, got, raw)
			}
			tag, err := c.Exec(ctx, "UPDATE "+table+" SET score = score + $1 WHERE id = $2", 1.0, int64(3))
			if err != nil || tag.String() != "UPDATE 1" {
				t.Fatalf("update: %v %v", tag, err)
			}
			_, err = c.Exec(ctx, "INSERT INTO "+table+" (id, name) VALUES ($1, $2)", int64(1), "dup")
			var pgErr *pgconn.PgError
			if !errors.As(err, &pgErr) || pgErr.Code != "23505" {
				t.Fatalf("duplicate: %v, want 23505", err)
			}
			tx, err := c.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Exec(ctx, "DELETE FROM "+table+" WHERE id = $1", int64(1)); err != nil {
				t.Fatal(err)
			}
			if err := tx.Rollback(ctx); err != nil {
				t.Fatal(err)
			}
			rows, _ := c.Query(ctx, "SELECT id FROM "+table+" ORDER BY id")
			ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
			if err != nil || fmt.Sprint(ids) != "[1 2 3]" {
				t.Fatalf("ids %v %v", ids, err)
			}
			// RETURNING describes its columns like a query (pgjdbc's generated keys use it).
			var newID int64
			var newName string
			if err := c.QueryRow(ctx, "INSERT INTO "+table+" (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name RETURNING id, name",
				int64(2), "renamed").Scan(&newID, &newName); err != nil || newID != 2 || newName != "renamed" {
				t.Fatalf("upsert returning: %v %q %v", newID, newName, err)
			}
			var n int64
			var total float64
			if err := c.QueryRow(ctx, "SELECT count(*), sum(a.score) FROM "+table+" a JOIN "+table+" b ON a.id = b.id "+
				"WHERE b.id >= $1 AND EXISTS (SELECT 1 FROM "+table+" c WHERE c.id = a.id AND c.name IS NOT NULL)",
				int64(2)).Scan(&n, &total); err != nil || n != 2 || total != 2.25 {
				t.Fatalf("join, aggregate and subquery: %v %v %v", n, total, err)
			}
			// Arrays both ways: a Go slice as x = ANY ($1), arrays and a NULL element back.
			rows, _ = c.Query(ctx, "SELECT name FROM "+table+" WHERE id = ANY ($1) ORDER BY id", []int64{1, 3, 9})
			names, err := pgx.CollectRows(rows, pgx.RowTo[string])
			if err != nil || fmt.Sprint(names) != "[name1 name3]" {
				t.Fatalf("= ANY ($1): %v %v", names, err)
			}
			var nums []int64
			var texts []*string
			var empty []string
			if err := c.QueryRow(ctx, "SELECT ARRAY[id, 7], ARRAY['x', NULL, name], ARRAY(SELECT name FROM "+table+" WHERE id > $1) FROM "+table+" WHERE id = 1",
				int64(5)).Scan(&nums, &texts, &empty); err != nil || fmt.Sprint(nums) != "[1 7]" || len(texts) != 3 ||
				*texts[0] != "x" || texts[1] != nil || *texts[2] != "name1" || empty == nil || len(empty) != 0 {
				t.Fatalf("arrays: %v %v %v %v", nums, texts, empty, err)
			}
			// numeric: a float parameter, exact results with their scale, in text or binary.
			var product, literal pgtype.Numeric
			var asText string
			if err := c.QueryRow(ctx, "SELECT $1::numeric * 2, 1.50::numeric(5,2), (1 / 3.0)::text", 1.25).
				Scan(&product, &literal, &asText); err != nil {
				t.Fatal(err)
			}
			if got, _ := product.MarshalJSON(); string(got) != "2.50" || product.Exp != -2 {
				t.Errorf("$1::numeric * 2 = %s (exp %d), want 2.50", got, product.Exp)
			}
			if got, _ := literal.MarshalJSON(); string(got) != "1.50" || asText != "0.33333333333333333333" {
				t.Errorf("numeric literals: %s and %s", got, asText)
			}
			testPgxUUIDJSON(ctx, t, c, table)
		})
	}
}

// testPgxUUIDJSON: uuid as pgtype.UUID and [16]byte, json and jsonb as json.RawMessage and Go
// maps (pgx marshals a map argument and unmarshals into one), in every query mode.
func testPgxUUIDJSON(ctx context.Context, t *testing.T, c *pgx.Conn, table string) {
	t.Helper()
	docs := table + "_docs"
	if _, err := c.Exec(ctx, "CREATE TABLE "+docs+" (id uuid PRIMARY KEY, body jsonb, raw json)"); err != nil {
		t.Fatal(err)
	}
	id := [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}
	// pgtype.UUID: a bare [16]byte has no text encoding for the modes that send untyped text.
	arg := pgtype.UUID{Bytes: id, Valid: true}
	// A map is marshalled by pgx only where the statement was described (it knows the
	// parameter is jsonb); the modes that send untyped text get its JSON.
	var doc, probe any = map[string]any{"name": "a", "tags": []string{"x", "y"}, "n": 1.5}, map[string]any{"tags": []string{"y"}}
	if m := c.Config().DefaultQueryExecMode; m == pgx.QueryExecModeExec || m == pgx.QueryExecModeSimpleProtocol {
		d, _ := json.Marshal(doc)
		p, _ := json.Marshal(probe)
		doc, probe = string(d), string(p)
	}
	if _, err := c.Exec(ctx, "INSERT INTO "+docs+" VALUES ($1, $2, $3)", arg, doc, json.RawMessage(`{"k" :  1}`)); err != nil {
		t.Fatal(err)
	}
	var gotID [16]byte
	var body map[string]any
	var raw json.RawMessage
	var text, name string
	if err := c.QueryRow(ctx, "SELECT id, body, raw, body::text, body ->> 'name' FROM "+docs+" WHERE id = $1 AND body @> $2",
		arg, probe).Scan(&gotID, &body, &raw, &text, &name); err != nil {
		t.Fatal(err)
	}
	if gotID != id || body["name"] != "a" || body["n"] != 1.5 || string(raw) != `{"k" :  1}` || name != "a" ||
		text != `{"n": 1.5, "name": "a", "tags": ["x", "y"]}` {
		t.Fatalf("uuid/json round trip: %x %v %s %s %s", gotID, body, raw, text, name)
	}
	var generated string
	if err := c.QueryRow(ctx, "SELECT gen_random_uuid()::text").Scan(&generated); err != nil || len(generated) != 36 {
		t.Fatalf("gen_random_uuid: %q %v", generated, err)
	}
	_, err := c.Exec(ctx, "INSERT INTO "+docs+" (id) VALUES ($1)", "not-a-uuid")
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "22P02" {
		t.Fatalf("bad uuid: %v, want 22P02", err)
	}
}

// TestPgxPool: 32 pooled connections increment counters concurrently inside transactions with
// row locks; no increment may be lost.
func TestPgxPool(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	cfg, err := pgxpool.ParseConfig(n.url())
	if err != nil {
		t.Fatal(err)
	}
	cfg.MaxConns = 32
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, "CREATE TABLE counters (id int PRIMARY KEY, n bigint NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	if _, err := pool.Exec(ctx, "INSERT INTO counters VALUES (1, 0), (2, 0), (3, 0), (4, 0)"); err != nil {
		t.Fatal(err)
	}
	const workers, each = 32, 20
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				id := int32(1 + (w+i)%4)
				if _, err := pool.Exec(ctx, "UPDATE counters SET n = n + 1 WHERE id = $1", id); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	var total int64
	if err := pool.QueryRow(ctx, "SELECT n FROM counters WHERE id = 1").Scan(&total); err != nil {
		t.Fatal(err)
	}
	sum := int64(0)
	for id := int32(1); id <= 4; id++ {
		var v int64
		if err := pool.QueryRow(ctx, "SELECT n FROM counters WHERE id = $1", id).Scan(&v); err != nil {
			t.Fatal(err)
		}
		sum += v
	}
	if sum != workers*each {
		t.Fatalf("counters sum to %d, want %d: increments were lost", sum, workers*each)
	}
}

// pgxModes are pgx v5's query modes: the default caches prepared statements and uses binary
// formats; the others describe, exec, or use the simple protocol.
var pgxModes = []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe,
	pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol}

// connectPgxMode connects pgx to url in the given query mode, closed when t ends.
func connectPgxMode(t *testing.T, url string, mode pgx.QueryExecMode) *pgx.Conn {
	t.Helper()
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.DefaultQueryExecMode = mode
	c, err := pgx.ConnectConfig(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}
