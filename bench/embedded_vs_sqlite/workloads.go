package main

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/drovedb/drove"
	bolt "go.etcd.io/bbolt"
)

func (s *stores) workloads() []workload {
	return []workload{
		{name: "durable single-row INSERT, 1 goroutine", goroutines: 1,
			peer: s.insert(s.liteW, "INSERT INTO kv VALUES (?, ?)"), drove: s.insert(s.drove, "INSERT INTO kv VALUES ($1, $2)")},
		{name: "durable single-row INSERT, 16 goroutines", goroutines: 16,
			peer: s.insert(s.liteW, "INSERT INTO kv VALUES (?, ?)"), drove: s.insert(s.drove, "INSERT INTO kv VALUES ($1, $2)")},
		{name: "prepared point SELECT, 1 goroutine", goroutines: 1,
			peer: pointSelect(s.liteR, "SELECT v FROM kv WHERE k = ?"), drove: pointSelect(s.drove, "SELECT v FROM kv WHERE k = $1")},
		{name: "prepared point SELECT, 4 goroutines", goroutines: 4,
			peer: pointSelect(s.liteR, "SELECT v FROM kv WHERE k = ?"), drove: pointSelect(s.drove, "SELECT v FROM kv WHERE k = $1")},
		{name: "KV Get, 1 goroutine (bbolt View+Get vs drove kv.Get)", goroutines: 1, nsMetric: true,
			peer: s.boltGet, drove: s.droveGet},
		{name: "KV Get into a buffer, 1 goroutine (bbolt View+Get+copy vs drove kv.GetInto)", goroutines: 1, nsMetric: true,
			peer: s.boltGetCopy, drove: s.droveGetInto},
		{name: "KV Get into a buffer, 4 goroutines", goroutines: 4,
			peer: s.boltGetCopy, drove: s.droveGetInto},
	}
}

// insert is an autocommitted single-row INSERT of a new key through a prepared statement.
func (s *stores) insert(db *sql.DB, q string) func(int) func(int) error {
	var st *sql.Stmt
	return func(int) func(int) error {
		if st == nil {
			var err error
			st, err = db.Prepare(q)
			must(err)
		}
		return func(int) error {
			_, err := st.Exec(s.next.Add(1), valueStr)
			return err
		}
	}
}

// pointSelect is a prepared SELECT of one row by primary key, scanned into a Go string.
func pointSelect(db *sql.DB, q string) func(int) func(int) error {
	st, err := db.Prepare(q)
	must(err)
	return func(int) func(int) error {
		var v string
		return func(i int) error {
			if err := st.QueryRow(key(i)).Scan(&v); err != nil {
				return err
			}
			if len(v) != len(valueStr) {
				return fmt.Errorf("read %q", v)
			}
			return nil
		}
	}
}

func (s *stores) boltGet(int) func(int) error {
	return func(i int) error {
		return s.bolt.View(func(tx *bolt.Tx) error {
			if v := tx.Bucket([]byte("kv")).Get(boltKey(key(i))); len(v) != len(valueStr) {
				return fmt.Errorf("read %q", v)
			}
			return nil
		})
	}
}

func (s *stores) boltGetCopy(int) func(int) error {
	buf := make([]byte, 0, 128)
	return func(i int) error {
		return s.bolt.View(func(tx *bolt.Tx) error {
			buf = append(buf[:0], tx.Bucket([]byte("kv")).Get(boltKey(key(i)))...)
			if len(buf) != len(valueStr) {
				return fmt.Errorf("read %q", buf)
			}
			return nil
		})
	}
}

func (s *stores) droveGet(int) func(int) error {
	ctx := context.Background()
	return func(i int) error {
		row, ok, err := s.kv.Get(ctx, "kv", key(i))
		if err != nil {
			return err
		}
		if !ok || len(row[1].(string)) != len(valueStr) {
			return fmt.Errorf("read %v %v", ok, row)
		}
		return nil
	}
}

func (s *stores) droveGetInto(int) func(int) error {
	ctx := context.Background()
	var rec drove.Record
	return func(i int) error {
		ok, err := s.kv.GetInto(ctx, &rec, "kv", key(i))
		if err != nil {
			return err
		}
		if !ok || len(rec.Bytes(1)) != len(valueStr) {
			return fmt.Errorf("read %v %q", ok, rec.Bytes(1))
		}
		return nil
	}
}
