package sql

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestParseCopy(t *testing.T) {
	tests := []struct {
		sql       string
		table     string
		cols      []string
		query     string
		from      bool
		csv       bool
		header    bool
		delim     byte
		null      string
		mutations bool
		wantCode  string
	}{
		{sql: "COPY t FROM STDIN", table: "t", from: true, delim: '\t', null: `\N`},
		{sql: `COPY "My T" (a, "B") FROM stdin WITH (FORMAT csv, HEADER, DELIMITER ';', NULL 'x')`, table: "My T", cols: []string{"a", "B"}, from: true, csv: true, header: true, delim: ';', null: "x"},
		{sql: "COPY t FROM STDIN WITH CSV HEADER NULL AS ''", table: "t", from: true, csv: true, header: true, delim: ',', null: ""},
		{sql: "COPY public.t TO STDOUT (HEADER false)", table: "public.t", delim: '\t', null: `\N`},
		{sql: "COPY drove.t TO STDOUT", table: "drove.t", delim: '\t', null: `\N`},
		{sql: "COPY (SELECT a, (b) FROM t WHERE c = 'x)') TO STDOUT CSV", query: "SELECT a, (b) FROM t WHERE c = 'x)'", csv: true, delim: ',', null: ""},
		{sql: "COPY t FROM STDIN DELIMITER E'\\t'", table: "t", from: true, delim: '\t', null: `\N`},
		{sql: "COPY t (v) FROM STDIN WITH (FORMAT csv, MUTATIONS)", table: "t", cols: []string{"v"}, from: true, csv: true, delim: ',', null: "", mutations: true},
		{sql: "COPY t FROM STDIN (MUTATIONS false)", table: "t", from: true, delim: '\t', null: `\N`},
		{sql: "COPY t FROM '/etc/passwd'", wantCode: "0A000"},
		{sql: "COPY t TO PROGRAM 'ls'", wantCode: "0A000"},
		{sql: "COPY t FROM STDIN (FORMAT binary)", wantCode: "0A000"},
		{sql: "COPY t FROM STDIN BINARY", wantCode: "0A000"},
		{sql: "COPY t FROM STDIN (FORMAT xml)", wantCode: "22023"},
		{sql: "COPY t FROM STDIN (DELIMITER ',,')", wantCode: "22023"},
		{sql: "COPY t FROM STDIN (QUOTE '\"')", wantCode: "22023"},
		{sql: "COPY t FROM STDIN (BOGUS 1)", wantCode: "42601"},
		{sql: "COPY (SELECT 1) FROM STDIN", wantCode: "42601"},
		{sql: "COPY t (a FROM STDIN", wantCode: "42601"},
		{sql: "COPY t", wantCode: "42601"},
		{sql: "COPY t FROM STDIN extra", wantCode: "42601"},
		{sql: "COPY (SELECT 1 TO STDOUT", wantCode: "42601"},
		{sql: "COPY (SELECT 1 INTO x) TO STDOUT", wantCode: "0A000"},
		{sql: "COPY (INSERT INTO t VALUES (1)) TO STDOUT", wantCode: "0A000"},
		{sql: "COPY (SELECT 1 FROM) TO STDOUT", wantCode: "42601"},
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			st, err := parseCopy(tt.sql)
			if tt.wantCode != "" {
				var e *Error
				if !errors.As(err, &e) || e.Code != tt.wantCode {
					t.Fatalf("got %v, want SQLSTATE %s", err, tt.wantCode)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if st.table != tt.table || !reflect.DeepEqual(st.cols, tt.cols) || st.query != tt.query || st.from != tt.from ||
				st.opts.CSV != tt.csv || st.opts.Header != tt.header || st.opts.Delimiter != tt.delim || st.opts.Null != tt.null || st.mutations != tt.mutations {
				t.Fatalf("got %+v", st)
			}
		})
	}
}

// COPY FROM's errors are PostgreSQL 15's (recorded from it): the relation named as the
// statement named it (a temporary table's hidden name never shows), per column a missing
// field or a bad value in column order, and CONTEXT quoting the line or the value, cut at
// 100 bytes on a character boundary.
func TestCopyFromErrorContext(t *testing.T) {
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	execOK(t, s, "CREATE TEMP TABLE x (a int, b int NOT NULL, c text)")
	long := strings.Repeat("x", 150)
	accents := strings.Repeat("é", 80)
	tests := []struct {
		copy, in, code, msg, where string
	}{
		{"COPY x FROM STDIN", "1\t\\N\tc\n", "23502", `null value in column "b" of relation "x" violates not-null constraint`, `COPY x, line 1: "1	\N	c"`},
		{"COPY x FROM STDIN", "1\t2\n", "22P04", `missing data for column "c"`, `COPY x, line 1: "1	2"`},
		{"COPY x FROM STDIN", "1\tz\t" + long + "\n", "22P02", `invalid input syntax for type integer: "z"`, `COPY x, line 1, column b: "z"`},
		{"COPY x FROM STDIN", "1\t2\t3\t4\n", "22P04", "extra data after last expected column", `COPY x, line 1: "1	2	3	4"`},
		{"COPY x FROM STDIN", "1\t2\t3\n1\t2\t" + long + "\t4\n", "22P04", "extra data after last expected column",
			`COPY x, line 2: "1	2	` + long[:96] + `..."`},
		{"COPY x FROM STDIN", "1\t2\t" + accents + "\t4\n", "22P04", "extra data after last expected column",
			`COPY x, line 1: "1	2	` + accents[:96] + `..."`},
		{"COPY x (c, a) FROM STDIN", "yy\tzz\n", "22P02", `invalid input syntax for type integer: "zz"`, `COPY x, line 1, column a: "zz"`},
		{"COPY x FROM STDIN", "\n", "22P02", `invalid input syntax for type integer: ""`, `COPY x, line 1, column a: ""`},
		{"COPY x (xyz) FROM STDIN", "", "42703", `column "xyz" of relation "x" does not exist`, ""},
	}
	for _, tt := range tests {
		err := s.Exec(ctx, tt.copy, &copyIO{in: strings.NewReader(tt.in)})
		var e *Error
		if !errors.As(err, &e) || e.Code != tt.code || e.Message != tt.msg || e.Where != tt.where {
			t.Errorf("%s of %q: got %#v, want %s %q with CONTEXT %q", tt.copy, tt.in, err, tt.code, tt.msg, tt.where)
		}
	}
	err := s.Exec(ctx, "INSERT INTO x VALUES (1, NULL)", discard{})
	if e := (*Error)(nil); !errors.As(err, &e) || e.Message != `null value in column "b" of relation "x" violates not-null constraint` || e.Table != "x" {
		t.Errorf("INSERT of a NULL b: %#v", err)
	}
	// SQL_ASCII is no conversion, which PostgreSQL accepts.
	if err := s.Exec(ctx, "COPY x FROM STDIN (ENCODING 'sql_ascii')", &copyIO{in: strings.NewReader("1\t2\t3\n")}); err != nil {
		t.Errorf("COPY ... ENCODING 'sql_ascii': %v", err)
	}
}
