package sql

import (
	"errors"
	"reflect"
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
		{sql: "COPY public.t TO STDOUT (HEADER false)", table: "t", delim: '\t', null: `\N`},
		{sql: "COPY drove.t TO STDOUT", table: "drove.t", delim: '\t', null: `\N`},
		{sql: "COPY (SELECT a, (b) FROM t WHERE c = 'x)') TO STDOUT CSV", query: "select a, (b) from t where c = 'x)'", csv: true, delim: ',', null: ""},
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
	}
	for _, tt := range tests {
		t.Run(tt.sql, func(t *testing.T) {
			pieces, err := splitAndRewrite(tt.sql)
			if err != nil {
				t.Fatal(err)
			}
			st, err := parseCopy(pieces[0].orig)
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
