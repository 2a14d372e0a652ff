package drove_test

import (
	"database/sql"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestDriverValuesStayPut: the values Next hands database/sql are boxed in slabs the
// connection reuses (boxSlab); one scanned into an *any must keep its value and Go type while
// later rows and queries on the connection box theirs.
func TestDriverValuesStayPut(t *testing.T) {
	db, _ := openDriver(t, 0)
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE vs (k bigint PRIMARY KEY, i int, f double precision, s text, n numeric)"); err != nil {
		t.Fatal(err)
	}
	for k := range 300 {
		if _, err := db.Exec("INSERT INTO vs VALUES ($1, $2, $3, $4, $5)", k, k*1000, float64(k)+0.5, "s"+string(rune('a'+k%26)), k); err != nil {
			t.Fatal(err)
		}
	}
	var kept [][]any
	for round := range 3 {
		rows, err := db.Query("SELECT k, i, f, s, n FROM vs ORDER BY k")
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			vals := make([]any, 5)
			ptrs := []any{&vals[0], &vals[1], &vals[2], &vals[3], &vals[4]}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			if round == 0 {
				kept = append(kept, vals)
			}
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
	}
	for k, vals := range kept {
		want := []any{int64(k), int64(k * 1000), float64(k) + 0.5, "s" + string(rune('a'+k%26)), itoa(k)}
		if !reflect.DeepEqual(vals, want) {
			t.Fatalf("row %d scanned into *any reads %#v after later queries, want %#v", k, vals, want)
		}
	}
}

func itoa(k int) string { return strconv.Itoa(k) }

// TestDriverPointQueryRows: a primary-key SELECT is collected whole without the streaming
// coroutine (queryOne), into a buffer the connection reuses; its rows still hold the
// connection until closed, and every lookup reads its own row.
func TestDriverPointQueryRows(t *testing.T) {
	db, _ := openDriver(t, 50)
	st, err := db.Prepare("SELECT id, v FROM t WHERE id = $1")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int{1, 50, 7, 51, 0, 7} {
		var gotID int64
		var v string
		err := st.QueryRow(id).Scan(&gotID, &v)
		switch {
		case id < 1 || id > 50:
			if err != sql.ErrNoRows {
				t.Fatalf("id %d: %v, want no rows", id, err)
			}
		case err != nil:
			t.Fatalf("id %d: %v", id, err)
		case gotID != int64(id):
			t.Fatalf("id %d read row %d", id, gotID)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	first, err := tx.Stmt(st).Query(3)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Query("SELECT v FROM t WHERE id = 4"); err == nil || !strings.Contains(err.Error(), "still reading") {
		t.Fatalf("a second query while the first's rows are open: %v", err)
	}
	var id int64
	var v string
	if !first.Next() {
		t.Fatal(first.Err())
	}
	if err := first.Scan(&id, &v); err != nil || id != 3 {
		t.Fatalf("first rows read %d, %v", id, err)
	}
	if first.Next() {
		t.Fatal("a point lookup returned two rows")
	}
	if err := tx.QueryRow("SELECT id FROM t WHERE id = 4").Scan(&id); err != nil || id != 4 {
		t.Fatalf("after the first rows ended: %d, %v", id, err)
	}
}
