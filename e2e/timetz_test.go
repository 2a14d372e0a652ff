package e2e

import (
	"context"
	"encoding/binary"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
)

// TestPgxTimeTZ round-trips time with time zone through pgx in each query mode (pgx has no
// timetz codec, so it sends and reads the text form), then through pgconn in the binary
// format: the time in microseconds and the zone in seconds west, both ways.
func TestPgxTimeTZ(t *testing.T) {
	n := newNode(t)
	n.start()
	ctx := context.Background()
	for i, mode := range pgxModes {
		t.Run(mode.String(), func(t *testing.T) {
			c := connectPgxMode(t, n.url(), mode)
			table := fmt.Sprintf("clocks%d", i)
			if _, err := c.Exec(ctx, "CREATE TABLE "+table+" (id int PRIMARY KEY, at time with time zone)"); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Exec(ctx, "INSERT INTO "+table+" VALUES ($1, $2)", 1, "23:30:15.5-04:30"); err != nil {
				t.Fatal(err)
			}
			var got string
			if err := c.QueryRow(ctx, "SELECT at FROM "+table+" WHERE at = $1", "23:30:15.5-04:30").Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != "23:30:15.5-04:30" {
				t.Errorf("timetz: got %q", got)
			}
		})
	}
	c, err := pgx.Connect(ctx, n.url())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	west := int32(-19800) // +05:30 is 19800 seconds east
	param := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint64(nil, uint64(36000e6+250000)), uint32(west))
	res := c.PgConn().ExecParams(ctx, "SELECT $1::timetz, $1::timetz::text", [][]byte{param}, []uint32{1266}, []int16{1}, []int16{1, 0}).Read()
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(res.Rows) != 1 || string(res.Rows[0][0]) != string(param) || string(res.Rows[0][1]) != "10:00:00.25+05:30" {
		t.Errorf("binary timetz: got %x and %q, want %x and 10:00:00.25+05:30", res.Rows[0][0], res.Rows[0][1], param)
	}
	if oid := res.FieldDescriptions[0].DataTypeOID; oid != 1266 {
		t.Errorf("described as oid %d, want 1266", oid)
	}
}
