package drove_test

import (
	"math"
	"testing"
)

// TestDriverColumnTypeDeclarations: what database/sql's ColumnType reports of a column's
// declaration — varchar(n)/char(n) length, numeric precision and scale, NOT NULL — for the
// plain columns of a table, and "unknown" where the query hides the declaration.
func TestDriverColumnTypeDeclarations(t *testing.T) {
	db, _ := openDriver(t, 0)
	for _, q := range []string{
		`CREATE TABLE d (id bigint PRIMARY KEY, name varchar(20) NOT NULL, code char(3), note text,
			price numeric(10,2) NOT NULL, ratio numeric, f double precision, bin bytea)`,
		`CREATE TABLE e (id bigint PRIMARY KEY, tag varchar(5) NOT NULL)`,
		`INSERT INTO d VALUES (1, 'a', 'abc', 'n', 1.50, 0.5, 1.0, '\x00')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	type col struct {
		length    int64
		lengthOK  bool
		nullable  bool
		nullOK    bool
		prec, sc  int64
		precScale bool
	}
	unknownText := col{length: math.MaxInt64, lengthOK: true}
	for _, tc := range []struct {
		name  string
		query string
		want  []col
	}{
		{"declared columns", "SELECT id, name, code, note, price, ratio, f, bin FROM d", []col{
			{nullOK: true}, // primary key: NOT NULL
			{length: 20, lengthOK: true, nullOK: true},                // varchar(20) NOT NULL
			{length: 3, lengthOK: true, nullable: true, nullOK: true}, // char(3)
			{length: math.MaxInt64, lengthOK: true, nullable: true, nullOK: true},
			{nullOK: true, prec: 10, sc: 2, precScale: true}, // numeric(10,2) NOT NULL
			{nullable: true, nullOK: true},                   // numeric: no precision
			{nullable: true, nullOK: true},
			{length: math.MaxInt64, lengthOK: true, nullable: true, nullOK: true},
		}},
		{"star and alias", "SELECT * FROM e AS x", []col{{nullOK: true}, {length: 5, lengthOK: true, nullOK: true}}},
		{"renamed", "SELECT name AS n, d.price p FROM d", []col{
			{length: 20, lengthOK: true, nullOK: true}, {nullOK: true, prec: 10, sc: 2, precScale: true}}},
		{"expressions are unknown", "SELECT id + 1, name || 'x', price * 2, 'lit' FROM d", []col{
			{}, unknownText, {}, unknownText}},
		{"inner join keeps NOT NULL", "SELECT d.name, e.tag FROM d JOIN e ON d.id = e.id", []col{
			{length: 20, lengthOK: true, nullOK: true}, {length: 5, lengthOK: true, nullOK: true}}},
		{"outer join may be NULL", "SELECT d.name, e.tag FROM d LEFT JOIN e ON d.id = e.id", []col{
			unknownText, unknownText}},
		{"aggregate", "SELECT name, count(*) FROM d GROUP BY name", []col{unknownText, {}}},
		{"derived table", "SELECT name FROM (SELECT name FROM d) s", []col{unknownText}},
		{"union alike", "SELECT name FROM d UNION SELECT name FROM d", []col{{length: 20, lengthOK: true, nullOK: true}}},
		{"union unlike", "SELECT name FROM d UNION SELECT code FROM d", []col{unknownText}},
		{"prepared with arguments", "SELECT name, price FROM d WHERE id = $1", []col{
			{length: 20, lengthOK: true, nullOK: true}, {nullOK: true, prec: 10, sc: 2, precScale: true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var args []any
			if tc.name == "prepared with arguments" {
				args = append(args, 1)
			}
			rows, err := db.Query(tc.query, args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			cts, err := rows.ColumnTypes()
			if err != nil {
				t.Fatal(err)
			}
			if len(cts) != len(tc.want) {
				t.Fatalf("%d columns, want %d", len(cts), len(tc.want))
			}
			for i, ct := range cts {
				var got col
				got.length, got.lengthOK = ct.Length()
				got.nullable, got.nullOK = ct.Nullable()
				got.prec, got.sc, got.precScale = ct.DecimalSize()
				if got != tc.want[i] {
					t.Errorf("column %d (%s): got %+v, want %+v", i, ct.Name(), got, tc.want[i])
				}
			}
		})
	}
}
