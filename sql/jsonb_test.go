package sql

import (
	"context"
	"strings"
	"testing"
)

// COPY reads and writes uuid, json and jsonb columns as text and CSV, as PostgreSQL does:
// jsonb printed in its normal form, json as written, a bad value an error naming its line.
func TestUUIDJSONCopy(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TABLE c (id uuid PRIMARY KEY, body jsonb, raw json)")
	in := "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11\t{\"b\":1,\"a\":[1,2]}\t{\"k\" :  \"\\\\t\"}\n" +
		"{a0eebc999c0b4ef8bb6d6bb9bd380a12}\t\\N\t[]\n"
	if err := s.Exec(ctx, "COPY c FROM STDIN", &copyIO{in: strings.NewReader(in)}); err != nil {
		t.Fatal(err)
	}
	out := &copyIO{}
	if err := s.Exec(ctx, "COPY c TO STDOUT", out); err != nil {
		t.Fatal(err)
	}
	want := "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\t{\"a\": [1, 2], \"b\": 1}\t{\"k\" :  \"\\\\t\"}\n" +
		"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12\t\\N\t[]\n"
	if out.out.String() != want {
		t.Errorf("COPY TO wrote %q, want %q", out.out.String(), want)
	}
	out = &copyIO{}
	if err := s.Exec(ctx, "COPY (SELECT body, id FROM c ORDER BY id) TO STDOUT WITH (FORMAT csv)", out); err != nil {
		t.Fatal(err)
	}
	if want := "\"{\"\"a\"\": [1, 2], \"\"b\"\": 1}\",a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\n,a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12\n"; out.out.String() != want {
		t.Errorf("COPY TO csv wrote %q, want %q", out.out.String(), want)
	}
	for _, bad := range []string{"a0eebc99\t{}\t{}\n", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13\t{\t{}\n",
		"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13\t{}\t[1,]\n"} {
		if err := s.Exec(ctx, "COPY c FROM STDIN", &copyIO{in: strings.NewReader(bad)}); sqlState(err) != "22P02" {
			t.Errorf("COPY of %q: %v, want 22P02", bad, err)
		}
	}
}
