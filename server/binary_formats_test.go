package server

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// pgx sends parameters and asks for results in binary wherever it can: dates and timestamps
// must survive the trip both ways.
func TestDatesInBinaryFormat(t *testing.T) {
	s := startedServer(t)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, "postgres://drove@"+s.PGAddr().String()+"/drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE TABLE d (id int PRIMARY KEY, day date, at timestamp)"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		day time.Time
		at  time.Time
	}{
		{time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 29, 13, 14, 15, 123456000, time.UTC)},
		{time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC)},
		{time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for i, tc := range cases {
		if _, err := c.Exec(ctx, "INSERT INTO d VALUES ($1, $2, $3)", i, tc.day, tc.at); err != nil {
			t.Fatal(err)
		}
		var day, next, at time.Time
		if err := c.QueryRow(ctx, "SELECT day, day + 1, at FROM d WHERE id = $1", i).Scan(&day, &next, &at); err != nil {
			t.Fatal(err)
		}
		if !day.Equal(tc.day) || !next.Equal(tc.day.AddDate(0, 0, 1)) || !at.Equal(tc.at) {
			t.Errorf("%d: got %v, %v, %v; want %v, %v, %v", i, day, next, at, tc.day, tc.day.AddDate(0, 0, 1), tc.at)
		}
	}
}

// pgx sends and reads PostgreSQL's infinite dates and timestamps in binary (its
// InfinityModifier); they must come back infinite, in binary and in text.
func TestInfinityInBinaryFormat(t *testing.T) {
	s := startedServer(t)
	ctx := context.Background()
	c, err := pgx.Connect(ctx, "postgres://drove@"+s.PGAddr().String()+"/drove?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE TABLE inf (id int PRIMARY KEY, day date, at timestamp)"); err != nil {
		t.Fatal(err)
	}
	for i, m := range []pgtype.InfinityModifier{pgtype.Infinity, pgtype.NegativeInfinity} {
		day := pgtype.Date{InfinityModifier: m, Valid: true}
		at := pgtype.Timestamp{InfinityModifier: m, Valid: true}
		if _, err := c.Exec(ctx, "INSERT INTO inf VALUES ($1, $2, $3)", i, day, at); err != nil {
			t.Fatal(err)
		}
		var gotDay pgtype.Date
		var gotAt pgtype.Timestamp
		var text string
		err := c.QueryRow(ctx, "SELECT day, at, day::text || ' ' || at::text FROM inf WHERE day = $1 AND at = $2", day, at).Scan(&gotDay, &gotAt, &text)
		if err != nil {
			t.Fatalf("%v: %v", m, err)
		}
		if gotDay.InfinityModifier != m || gotAt.InfinityModifier != m || text != m.String()+" "+m.String() {
			t.Errorf("%v: read back %v, %v, %q", m, gotDay.InfinityModifier, gotAt.InfinityModifier, text)
		}
	}
}
