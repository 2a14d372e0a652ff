package drove_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/drovedb/drove"
	drovesql "github.com/drovedb/drove/sql"
)

// Go times outside the timestamps' range are refused (22008) by database/sql and the KV
// API alike, instead of being stored wrapped around.
func TestTimeArgumentsOutOfRange(t *testing.T) {
	_, kv := openKV(t)
	ctx := context.Background()
	db, err := sql.Open("drove", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE ev (id int PRIMARY KEY, at timestamp)"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		at      time.Time
		text    string // as database/sql reads it back as text
		wantErr string // SQLSTATE
	}{
		{at: time.Date(2024, 1, 2, 10, 0, 0, 0, time.UTC), text: "2024-01-02 10:00:00"},
		{at: time.Date(-43, 3, 15, 0, 0, 0, 0, time.UTC), text: "0044-03-15 00:00:00 BC"},
		{at: time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC), wantErr: "22008"},
		{at: time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC), wantErr: "22008"},
	}
	for i, tt := range tests {
		checkErr := func(api string, err error) bool {
			t.Helper()
			var se *drovesql.Error
			if tt.wantErr != "" {
				if !errors.As(err, &se) || se.Code != tt.wantErr {
					t.Errorf("%s %v: error %v, want SQLSTATE %s", api, tt.at, err, tt.wantErr)
				}
				return false
			}
			if err != nil {
				t.Errorf("%s %v: %v", api, tt.at, err)
				return false
			}
			return true
		}
		_, err := db.Exec("INSERT INTO ev VALUES ($1, $2)", i, tt.at)
		if checkErr("database/sql", err) {
			var s string
			if err := db.QueryRow("SELECT at::text FROM ev WHERE id = $1", i).Scan(&s); err != nil || s != tt.text {
				t.Errorf("database/sql %v: stored %q, %v; want %s", tt.at, s, err, tt.text)
			}
		}
		err = kv.Put(ctx, "users", drove.Row{int64(i), "u", nil, nil, tt.at, nil, nil})
		if checkErr("KV", err) {
			row, _, err := kv.Get(ctx, "users", int64(i))
			if err != nil || !row[4].(time.Time).Equal(tt.at) {
				t.Errorf("KV %v: stored %v, %v", tt.at, row, err)
			}
		}
	}
}

// Infinite dates and timestamps reach Go as the strings "infinity" and "-infinity" (no
// time.Time is infinite, so scanning one into a time.Time fails), and go in as those
// strings; finite dates are time.Time at midnight UTC.
func TestInfinityInGo(t *testing.T) {
	_, kv := openKV(t)
	ctx := context.Background()
	db, err := sql.Open("drove", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec("CREATE TABLE ev (id int PRIMARY KEY, day date, at timestamp)"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		day, at  string // as inserted
		wantDay  any    // as database/sql returns it
		wantAt   any
		timeScan bool // whether at scans into a time.Time
	}{
		{"infinity", "-infinity", "infinity", "-infinity", false},
		{"-infinity", "infinity", "-infinity", "infinity", false},
		{"2024-01-02", "2024-01-02 10:00", time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC), time.Date(2024, 1, 2, 10, 0, 0, 0, time.UTC), true},
	}
	for i, tt := range tests {
		if _, err := db.Exec("INSERT INTO ev VALUES ($1, '"+tt.day+"', '"+tt.at+"')", i); err != nil {
			t.Fatal(err)
		}
		var day, at any
		if err := db.QueryRow("SELECT day, at FROM ev WHERE id = $1", i).Scan(&day, &at); err != nil {
			t.Fatal(err)
		}
		if day != tt.wantDay || at != tt.wantAt {
			t.Errorf("%d: database/sql read %#v, %#v; want %#v, %#v", i, day, at, tt.wantDay, tt.wantAt)
		}
		var tm time.Time
		if err := db.QueryRow("SELECT at FROM ev WHERE id = $1", i).Scan(&tm); (err == nil) != tt.timeScan {
			t.Errorf("%d: scan into time.Time: %v", i, err)
		}
		if d, ok := tt.wantDay.(time.Time); ok { // a time.Time argument for a date is its day
			var n int
			if err := db.QueryRow("SELECT count(*) FROM ev WHERE day = $1", d.Add(5*time.Hour)).Scan(&n); err != nil || n != 1 {
				t.Errorf("%d: date = time.Time argument: %d rows, %v", i, n, err)
			}
		}
		if err := kv.Put(ctx, "users", drove.Row{int64(i), "u", nil, nil, tt.at, nil, nil}); err != nil {
			t.Fatal(err)
		}
		row, _, err := kv.Get(ctx, "users", int64(i))
		if err != nil || row[4] != tt.wantAt {
			t.Errorf("%d: KV read %#v, %v; want %#v", i, row, err, tt.wantAt)
		}
	}
}

// timestamptz, interval and time through database/sql: a time.Time goes in as its instant
// and comes back in the session's TimeZone; intervals and times read as PostgreSQL's text.
func TestDateTimeTypesInGo(t *testing.T) {
	db, err := sql.Open("drove", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // SET TIME ZONE is the connection's
	if _, err := db.Exec("CREATE TABLE moments (id int PRIMARY KEY, at timestamptz, span interval, clock time)"); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 7, 1, 23, 30, 15, 123456000, time.FixedZone("", 2*3600))
	if _, err := db.Exec("INSERT INTO moments VALUES ($1, $2, $3, $4)", 1, at, "1 day 02:00:00", "13:14:15.5"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("SET TIME ZONE 'America/New_York'"); err != nil {
		t.Fatal(err)
	}
	var (
		got         time.Time
		span, clock string
		text        string
	)
	if err := db.QueryRow("SELECT at, span, clock, at::text FROM moments WHERE id = $1", 1).Scan(&got, &span, &clock, &text); err != nil {
		t.Fatal(err)
	}
	if !got.Equal(at) {
		t.Errorf("timestamptz: got %v, want %v", got, at)
	}
	if _, off := got.Zone(); off != -4*3600 {
		t.Errorf("timestamptz read in zone offset %d, want New York's -4h", off)
	}
	if span != "1 day 02:00:00" || clock != "13:14:15.5" || text != "2024-07-01 17:30:15.123456-04" {
		t.Errorf("got %q, %q, %q", span, clock, text)
	}
	rows, err := db.Query("SELECT at, span, clock FROM moments")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cts, _ := rows.ColumnTypes()
	var names []string
	for _, ct := range cts {
		names = append(names, ct.DatabaseTypeName())
	}
	if fmt.Sprint(names) != "[TIMESTAMPTZ INTERVAL TIME]" {
		t.Errorf("column types %v", names)
	}
}
