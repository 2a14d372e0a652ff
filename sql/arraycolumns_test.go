package sql

import (
	"context"
	"strings"
	"testing"
)

// arrayKinds is one array column of each element type drove has, with a value holding a
// NULL element and one that needs quoting, as PostgreSQL 15 prints it.
var arrayKinds = []struct{ typ, value string }{
	{"smallint[]", "{1,NULL,-3}"},
	{"integer[]", "{1,2}"},
	{"bigint[]", "{9223372036854775807}"},
	{"text[]", `{a,"b c",NULL,"NULL","q\"t","back\\slash"}`},
	{"boolean[]", "{t,f,NULL}"},
	{"real[]", "{1.5,NaN}"},
	{"double precision[]", "{0.1,-Infinity,1e+100}"},
	{"numeric[]", "{1.50,-2,NaN}"},
	{"date[]", "{2024-02-29,infinity}"},
	{"timestamp without time zone[]", `{"2024-01-02 03:04:05.5"}`},
	{"timestamp with time zone[]", `{"2024-01-02 03:04:05+00",NULL}`},
	{"interval[]", `{"1 day 02:00:00","-1 mons"}`},
	{"time without time zone[]", "{12:30:00}"},
	{"time with time zone[]", "{12:30:00+05:30}"},
	{"uuid[]", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}"},
	{"bytea[]", `{"\\x00ff",NULL}`},
	{"jsonb[]", `{"{\"a\": [1, 2]}",NULL}`},
}

// TestArrayColumnsSurviveRestart: array columns of every element type read back the same
// after a restart that replays the log, and after one that loads a checkpoint.
func TestArrayColumnsSurviveRestart(t *testing.T) {
	dir := t.TempDir()
	ts := openTablespaceAt(t, dir)
	s := NewSession(ts, nil)
	var cols, vals []string
	for i, k := range arrayKinds {
		cols = append(cols, "c"+string(rune('a'+i))+" "+k.typ)
		vals = append(vals, "'"+strings.ReplaceAll(k.value, "'", "''")+"'")
	}
	execOK(t, s, "CREATE TABLE arr (id int PRIMARY KEY, "+strings.Join(cols, ", ")+")")
	execOK(t, s, "INSERT INTO arr VALUES (1, "+strings.Join(vals, ", ")+")")
	execOK(t, s, "INSERT INTO arr (id) VALUES (2)")
	acrossRestarts(t, dir, ts, s, func(s *Session, when string) {
		t.Helper()
		for i, k := range arrayKinds {
			c := "c" + string(rune('a'+i))
			got := execOK(t, s, "SELECT "+c+", pg_typeof("+c+") FROM arr ORDER BY id").lines
			want := []string{k.value + "|" + k.typ, "NULL|" + k.typ, "tag: SELECT 2"}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("%s: %s reads %q, want %q", when, k.typ, got, want)
			}
		}
	})
}

// TestArrayColumnsCopy: COPY reads and writes array columns in PostgreSQL's text form, a
// timestamptz[] in the session's TimeZone both ways.
func TestArrayColumnsCopy(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TABLE c (id int PRIMARY KEY, tags text[], nums int[], at timestamptz[])")
	execOK(t, s, "SET TimeZone = 'Europe/Rome'")
	in := "1\t{a,\"b c\",NULL}\t{1,NULL}\t{\"2024-07-01 12:00:00\"}\n2\t\\N\t{}\t\\N\n"
	if err := s.Exec(ctx, "COPY c FROM STDIN", &copyIO{in: strings.NewReader(in)}); err != nil {
		t.Fatal(err)
	}
	out := &copyIO{}
	if err := s.Exec(ctx, "COPY c TO STDOUT", out); err != nil {
		t.Fatal(err)
	}
	want := "1\t{a,\"b c\",NULL}\t{1,NULL}\t{\"2024-07-01 12:00:00+02\"}\n2\t\\N\t{}\t\\N\n"
	if out.out.String() != want {
		t.Errorf("COPY TO wrote %q, want %q", out.out.String(), want)
	}
	execOK(t, s, "SET TimeZone = 'UTC'")
	if got := execOK(t, s, "SELECT at, at[1] FROM c WHERE id = 1").lines; len(got) != 2 || got[0] != `{"2024-07-01 10:00:00+00"}|2024-07-01 10:00:00+00` {
		t.Errorf("timestamptz[] in UTC: %q", got)
	}
	if err := s.Exec(ctx, "COPY c FROM STDIN", &copyIO{in: strings.NewReader("3\t{a\t\\N\t\\N\n")}); sqlState(err) != "22P02" {
		t.Errorf("COPY of a malformed array: %v, want 22P02", err)
	}
}
