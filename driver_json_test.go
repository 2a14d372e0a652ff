package drove_test

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
)

// TestDriverUUIDAndJSON: uuid, json and jsonb through database/sql as pgx's driver maps them:
// a uuid reads as its text and takes a [16]byte or a string argument, json and jsonb read as
// []byte (so json.RawMessage and json.Unmarshal work) and take []byte or string arguments.
func TestDriverUUIDAndJSON(t *testing.T) {
	db, _ := openDriver(t, 0)
	if _, err := db.Exec(`CREATE TABLE docs (id uuid PRIMARY KEY, body jsonb, raw json)`); err != nil {
		t.Fatal(err)
	}
	id := [16]byte{0xa0, 0xee, 0xbc, 0x99, 0x9c, 0x0b, 0x4e, 0xf8, 0xbb, 0x6d, 0x6b, 0xb9, 0xbd, 0x38, 0x0a, 0x11}
	body := json.RawMessage(`{"b": [1, 2.50], "a": {"x": null}}`)
	if _, err := db.Exec(`INSERT INTO docs VALUES ($1, $2, $3)`, id, body, `{"k" :  1}`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO docs VALUES ($1, $2, NULL)`, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A12", []byte(`[true]`)); err != nil {
		t.Fatal(err)
	}
	var gotID string
	var gotBody, gotRaw json.RawMessage
	err := db.QueryRow(`SELECT id, body, raw FROM docs WHERE id = $1`, id).Scan(&gotID, &gotBody, &gotRaw)
	if err != nil {
		t.Fatal(err)
	}
	if gotID != "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11" {
		t.Errorf("uuid read back as %q", gotID)
	}
	if want := `{"a": {"x": null}, "b": [1, 2.50]}`; string(gotBody) != want {
		t.Errorf("jsonb read back as %s, want %s", gotBody, want)
	}
	if !bytes.Equal(gotRaw, []byte(`{"k" :  1}`)) {
		t.Errorf("json read back as %s", gotRaw)
	}
	var m map[string]any
	if err := json.Unmarshal(gotBody, &m); err != nil || !reflect.DeepEqual(m["b"], []any{1.0, 2.5}) {
		t.Errorf("jsonb does not unmarshal into a map: %v %v", m, err)
	}
	var name string
	if err := db.QueryRow(`SELECT body ->> 0 FROM docs WHERE id = $1`, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12").Scan(&name); err != nil || name != "true" {
		t.Errorf("body ->> 0 = %q, %v", name, err)
	}
	// ? is jsonb's key-exists operator, never a placeholder.
	var has, hasAny bool
	if err := db.QueryRow(`SELECT body ? $1, body ?| ARRAY['x', $2] FROM docs WHERE id = $3`, "b", "a", id).Scan(&has, &hasAny); err != nil || !has || !hasAny {
		t.Errorf("body ? 'b' = %v, ?| = %v, %v", has, hasAny, err)
	}
	rows, err := db.Query(`SELECT id, body FROM docs ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	cts, _ := rows.ColumnTypes()
	if cts[0].DatabaseTypeName() != "UUID" || cts[1].DatabaseTypeName() != "JSONB" ||
		cts[1].ScanType() != reflect.TypeOf([]byte(nil)) || cts[0].ScanType() != reflect.TypeOf("") {
		t.Errorf("column types %s %v, %s %v", cts[0].DatabaseTypeName(), cts[0].ScanType(), cts[1].DatabaseTypeName(), cts[1].ScanType())
	}
	n := 0
	for rows.Next() {
		var a any
		var b any
		if err := rows.Scan(&a, &b); err != nil {
			t.Fatal(err)
		}
		if _, ok := a.(string); !ok {
			t.Errorf("uuid scanned into any as %T", a)
		}
		if _, ok := b.([]byte); !ok {
			t.Errorf("jsonb scanned into any as %T", b)
		}
		n++
	}
	if err := rows.Err(); err != nil || n != 2 {
		t.Fatalf("%d rows, %v", n, err)
	}
	if _, err := db.Exec(`INSERT INTO docs VALUES ($1, '{', NULL)`, [16]byte{1}); err == nil {
		t.Error("bad jsonb accepted")
	}
}
