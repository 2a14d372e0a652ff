package drove_test

import (
	"reflect"
	"runtime"
	"strconv"
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
