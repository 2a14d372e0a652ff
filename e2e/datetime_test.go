package e2e

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// TestPgxDateTime round-trips timestamptz, interval and time through pgx in each query mode:
// binary formats (the cached and described modes) and text (exec, simple protocol), with the
// session in a zone other than UTC, which text output must follow.
func TestPgxDateTime(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	modes := []pgx.QueryExecMode{pgx.QueryExecModeCacheStatement, pgx.QueryExecModeCacheDescribe,
		pgx.QueryExecModeDescribeExec, pgx.QueryExecModeExec, pgx.QueryExecModeSimpleProtocol}
	rome, err := time.LoadLocation("Europe/Rome")
	if err != nil {
		t.Fatal(err)
	}
	for i, mode := range modes {
		t.Run(mode.String(), func(t *testing.T) {
			cfg, err := pgx.ParseConfig(n.url())
			if err != nil {
				t.Fatal(err)
			}
			cfg.DefaultQueryExecMode = mode
			c, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			if _, err := c.Exec(ctx, "SET TIME ZONE 'Europe/Rome'"); err != nil {
				t.Fatal(err)
			}
			table := fmt.Sprintf("moments%d", i)
			if _, err := c.Exec(ctx, "CREATE TABLE "+table+" (id int PRIMARY KEY, at timestamptz, span interval, clock time)"); err != nil {
				t.Fatal(err)
			}
			at := time.Date(2024, 7, 1, 23, 30, 15, 123456000, time.FixedZone("", -4*3600))
			span := pgtype.Interval{Months: 14, Days: -3, Microseconds: 3723000004, Valid: true}
			clock := pgtype.Time{Microseconds: (13*3600+14*60+15)*1e6 + 500000, Valid: true}
			if _, err := c.Exec(ctx, "INSERT INTO "+table+" VALUES ($1, $2, $3, $4)", 1, at, span, clock); err != nil {
				t.Fatal(err)
			}
			var (
				gotAt    time.Time
				gotSpan  pgtype.Interval
				gotClock pgtype.Time
				text     string
			)
			if err := c.QueryRow(ctx, "SELECT at, span, clock, at::text FROM "+table+" WHERE id = $1", 1).
				Scan(&gotAt, &gotSpan, &gotClock, &text); err != nil {
				t.Fatal(err)
			}
			if !gotAt.Equal(at) {
				t.Errorf("timestamptz: got %v, want %v", gotAt, at)
			}
			if gotSpan != span {
				t.Errorf("interval: got %+v, want %+v", gotSpan, span)
			}
			if gotClock != clock {
				t.Errorf("time: got %+v, want %+v", gotClock, clock)
			}
			if want := at.In(rome).Format("2006-01-02 15:04:05.999999-07"); text != want {
				t.Errorf("timestamptz text in Europe/Rome: got %q, want %q", text, want)
			}
			// now() is the transaction's start: the same in every statement of one.
			tx, err := c.Begin(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var n1, n2 time.Time
			if err := tx.QueryRow(ctx, "SELECT now()").Scan(&n1); err != nil {
				t.Fatal(err)
			}
			time.Sleep(2 * time.Millisecond)
			if err := tx.QueryRow(ctx, "SELECT now()").Scan(&n2); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			if !n1.Equal(n2) || time.Since(n1) > time.Minute || time.Since(n1) < 0 {
				t.Errorf("now() in one transaction: %v then %v", n1, n2)
			}
		})
	}
}

// TestPsycopg2DateTime runs testdata/psycopg2_datetime.py: timestamptz as aware datetimes,
// interval as timedelta, time as time, in a session zone other than UTC.
func TestPsycopg2DateTime(t *testing.T) {
	python := psycopg2Python(t)
	n := newNode(t)
	n.start()
	dsn := fmt.Sprintf("host=127.0.0.1 port=%d user=drove dbname=drove sslmode=disable", n.port)
	runClient(t, n, exec.Command(python, "testdata/psycopg2_datetime.py", dsn))
}

// TestPgJDBCDateTime runs testdata/JdbcDateTime.java: timestamptz as OffsetDateTime, time as
// LocalTime, interval as text.
func TestPgJDBCDateTime(t *testing.T) {
	javac := requireTool(t, "javac")
	java := requireTool(t, "java")
	jar := requireFile(t, "/usr/share/java/postgresql.jar", "libpostgresql-jdbc-java")
	classes := t.TempDir()
	if out, err := exec.Command(javac, "-d", classes, "testdata/JdbcDateTime.java").CombinedOutput(); err != nil {
		t.Fatalf("javac: %v\n%s", err, out)
	}
	n := newNode(t)
	n.start()
	url := fmt.Sprintf("jdbc:postgresql://127.0.0.1:%d/drove?user=drove&sslmode=disable", n.port)
	runClient(t, n, exec.Command(java, "-cp", classes+string(filepath.ListSeparator)+jar, "JdbcDateTime", url))
}

// TestCopyDateTime loads timestamptz, interval and time columns with COPY FROM (text and csv)
// and reads them back with COPY TO, in the session's TimeZone.
func TestCopyDateTime(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	c, err := pgx.Connect(ctx, n.url())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	pc := c.PgConn()
	for _, q := range []string{"SET TIME ZONE 'Asia/Kolkata'",
		"CREATE TABLE moments (id int PRIMARY KEY, at timestamptz, span interval, clock time)"} {
		if _, err := pc.Exec(ctx, q).ReadAll(); err != nil {
			t.Fatal(err)
		}
	}
	text := "1\t2024-01-01 00:00:00\t1 day 02:00:00\t10:00\n2\t2024-01-01 00:00:00+00\t-3 mons\t\\N\n"
	if _, err := pc.CopyFrom(ctx, strings.NewReader(text), "COPY moments FROM STDIN"); err != nil {
		t.Fatal(err)
	}
	csv := "3,2024-06-01 12:00:00-04,P1Y2M,23:59:59.5\n"
	if _, err := pc.CopyFrom(ctx, strings.NewReader(csv), "COPY moments FROM STDIN (FORMAT csv)"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := pc.CopyTo(ctx, &out, "COPY moments TO STDOUT"); err != nil {
		t.Fatal(err)
	}
	want := "1\t2024-01-01 00:00:00+05:30\t1 day 02:00:00\t10:00:00\n" +
		"2\t2024-01-01 05:30:00+05:30\t-3 mons\t\\N\n" +
		"3\t2024-06-01 21:30:00+05:30\t1 year 2 mons\t23:59:59.5\n"
	if out.String() != want {
		t.Errorf("COPY TO:\n%s\nwant:\n%s", out.String(), want)
	}
}
