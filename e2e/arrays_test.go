package e2e

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgtype"
)

// TestPgxArrayColumns round-trips array columns through pgx in each query mode (the default
// binds and reads them in the binary format, array_send's; the simple protocol in text):
// int4[], int8[], text[], float8[], bool[], numeric[], timestamptz[] and uuid[], with NULL
// elements, then COPY in and out in the text format.
func TestPgxArrayColumns(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	at := time.Date(2024, 7, 1, 12, 30, 0, 0, time.UTC)
	id := [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}
	in := []any{
		[]int32{1, -2, 3},
		[]*int64{ptr(int64(1) << 40), nil},
		[]string{"a", "b c", "", "NULL", `q"t\`},
		[]float64{0.1, -2.5e100},
		[]*bool{ptr(true), nil, ptr(false)},
		[]pgtype.Numeric{numeric(t, "1.50"), numeric(t, "-2")},
		[]time.Time{at},
		[]pgtype.UUID{{Bytes: id, Valid: true}}, // [16]byte has no text encoding for pgx's exec modes
	}
	cols := "ints int4[], bigs int8[], tags text[], floats float8[], flags bool[], amounts numeric[], ats timestamptz[], ids uuid[]"
	for i, mode := range pgxModes {
		t.Run(mode.String(), func(t *testing.T) {
			c := connectPgxMode(t, n.url(), mode)
			table := fmt.Sprintf("arrs%d", i)
			if _, err := c.Exec(ctx, "CREATE TABLE "+table+" (id int PRIMARY KEY, "+cols+")"); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Exec(ctx, "INSERT INTO "+table+" VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8)", in...); err != nil {
				t.Fatal(err)
			}
			out := make([]any, len(in))
			dest := make([]any, len(in))
			for k, v := range in {
				p := reflect.New(reflect.TypeOf(v))
				out[k], dest[k] = p, p.Interface()
			}
			if err := c.QueryRow(ctx, "SELECT ints, bigs, tags, floats, flags, amounts, ats, ids FROM "+table+" WHERE $1 = ANY (tags)", "b c").Scan(dest...); err != nil {
				t.Fatal(err)
			}
			for k, v := range in {
				got := out[k].(reflect.Value).Elem().Interface()
				if ts, ok := got.([]time.Time); ok && len(ts) == 1 && ts[0].Equal(at) {
					continue // pgx reads timestamptz in the local zone
				}
				if !reflect.DeepEqual(got, v) {
					t.Errorf("column %d: got %#v, want %#v", k+1, got, v)
				}
			}
		})
	}
	c := connectPgxMode(t, n.url(), pgxModes[0])
	if _, err := c.Exec(ctx, "CREATE TABLE copied (id int PRIMARY KEY, tags text[], nums int[])"); err != nil {
		t.Fatal(err)
	}
	data := "1\t{a,\"b c\",NULL}\t{1,NULL}\n2\t\\N\t{}\n"
	if _, err := c.PgConn().CopyFrom(ctx, strings.NewReader(data), "COPY copied FROM STDIN"); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	if _, err := c.PgConn().CopyTo(ctx, &buf, "COPY copied TO STDOUT"); err != nil {
		t.Fatal(err)
	}
	if buf.String() != data {
		t.Errorf("COPY TO wrote %q, want %q", buf.String(), data)
	}
}

func ptr[T any](v T) *T { return &v }

func numeric(t *testing.T, s string) pgtype.Numeric {
	var n pgtype.Numeric
	if err := n.Scan(s); err != nil {
		t.Fatal(err)
	}
	return n
}
