// Command embedded runs drove inside a Go program: SQL through database/sql, the native
// key-value API for primary-key reads and writes, and, with -pg-addr, the PostgreSQL protocol
// served from the same process so psql can look at the same data.
//
//	go run ./examples/embedded -dir /tmp/embedded-demo -pg-addr 127.0.0.1:5444
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/drovedb/drove"
)

func main() {
	dir := flag.String("dir", "embedded-data", "data directory")
	pgAddr := flag.String("pg-addr", "", "also serve the PostgreSQL protocol here, e.g. 127.0.0.1:5444")
	flag.Parse()
	if err := run(context.Background(), *dir, *pgAddr, os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, dir, pgAddr string, out io.Writer) error {
	var opts []drove.Option
	if pgAddr != "" {
		opts = append(opts, drove.WithPGAddr(pgAddr))
	}
	// drove.Open starts the engine; sql.Open("drove", dir) below shares it.
	engine, err := drove.Open(dir, opts...)
	if err != nil {
		return err
	}
	defer engine.Close()
	if addr := engine.Server().PGAddr(); addr != nil {
		fmt.Fprintf(out, "serving PostgreSQL on %s\n", addr)
	}

	db, err := sql.Open("drove", dir)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS accounts (
		id bigint PRIMARY KEY, owner text NOT NULL, balance bigint NOT NULL)`); err != nil {
		return err
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM accounts").Scan(&n); err != nil {
		return err
	}
	if n == 0 { // a previous run created them otherwise
		for i, owner := range []string{"ada", "grace", "linus"} {
			if _, err := db.ExecContext(ctx, "INSERT INTO accounts VALUES ($1, $2, $3)", i+1, owner, 100); err != nil {
				return err
			}
		}
	}

	// A transfer with the native API: both rows change together or not at all.
	kv, err := engine.KV("")
	if err != nil {
		return err
	}
	err = kv.Update(ctx, func(tx *drove.Tx) error {
		from, _, err := tx.Get("accounts", 1)
		if err != nil {
			return err
		}
		to, _, err := tx.Get("accounts", 2)
		if err != nil {
			return err
		}
		from[2], to[2] = from[2].(int64)-30, to[2].(int64)+30
		if err := tx.Put("accounts", from); err != nil {
			return err
		}
		return tx.Put("accounts", to)
	})
	if err != nil {
		return err
	}

	rows, err := db.QueryContext(ctx, "SELECT id, owner, balance FROM accounts ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, balance int64
		var owner string
		if err := rows.Scan(&id, &owner, &balance); err != nil {
			return err
		}
		fmt.Fprintf(out, "%d %s %d\n", id, owner, balance)
	}
	return rows.Err()
}
