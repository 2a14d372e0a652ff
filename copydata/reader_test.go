package copydata

import (
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
)

// record renders fields for comparison: NULL as <nil>.
func readAll(t *testing.T, input string, opts Options) ([][]string, []int, error) {
	t.Helper()
	if err := opts.Normalize(); err != nil {
		t.Fatal(err)
	}
	r := NewReader(strings.NewReader(input), opts)
	var recs [][]string
	var lines []int
	for {
		fields, err := r.Read()
		if errors.Is(err, io.EOF) {
			return recs, lines, nil
		}
		if err != nil {
			return recs, lines, err
		}
		var rec []string
		for _, f := range fields {
			if f.Null {
				rec = append(rec, "<nil>")
			} else {
				rec = append(rec, string(f.Value))
			}
		}
		recs = append(recs, rec)
		lines = append(lines, r.Line())
	}
}

func TestRead(t *testing.T) {
	csv := Options{CSV: true}
	tests := []struct {
		name    string
		opts    Options
		input   string
		want    [][]string
		lines   []int
		wantErr string
	}{
		{"text basic", Options{}, "1\tone\n2\ttwo\n", [][]string{{"1", "one"}, {"2", "two"}}, []int{1, 2}, ""},
		{"text no final newline, CRLF", Options{}, "1\ta\r\n2\tb", [][]string{{"1", "a"}, {"2", "b"}}, []int{1, 2}, ""},
		{"text null and empty", Options{}, "\\N\t\t\\\\N\n", [][]string{{"<nil>", "", `\N`}}, nil, ""},
		{"text escapes", Options{}, `a\tb\nc\\d\.\101\x41\x4g\q` + "\n", [][]string{{"a\tb\nc\\d.AA\x04gq"}}, nil, ""},
		{"text escaped delimiter", Options{Delimiter: ','}, `a\,b,c` + "\n", [][]string{{"a,b", "c"}}, nil, ""},
		{"text end marker", Options{}, "1\n\\.\n2\n", [][]string{{"1"}}, nil, ""},
		{"text header", Options{Header: true}, "id\tname\n1\tx\n", [][]string{{"1", "x"}}, []int{2}, ""},
		{"text custom null", func() Options { o := Options{}; o.SetNull("NULL"); return o }(), "NULL\t\\N\n", [][]string{{"<nil>", "N"}}, nil, ""},
		{"text trailing backslash", Options{}, "1\nab\\\n", [][]string{{"1"}}, nil, "line 2: unterminated backslash escape"},
		{"text bad utf8", Options{}, "\xff\n", nil, nil, "invalid byte sequence"},
		{"text escape makes bad utf8", Options{}, `\377` + "\n", nil, nil, "invalid byte sequence"},
		{"empty input", Options{}, "", nil, nil, ""},

		{"csv basic", csv, "1,one\n2,\"t,wo\"\n", [][]string{{"1", "one"}, {"2", "t,wo"}}, []int{1, 2}, ""},
		{"csv null vs quoted empty", csv, "1,,\"\"\n", [][]string{{"1", "<nil>", ""}}, nil, ""},
		{"csv doubled quote", csv, "\"say \"\"hi\"\"\"\n", [][]string{{`say "hi"`}}, nil, ""},
		{"csv multi-line field", csv, "1,\"a\nb\"\n2,c\n", [][]string{{"1", "a\nb"}, {"2", "c"}}, []int{1, 3}, ""},
		{"csv mixed quoting", csv, "ab\"c,d\"e\n", [][]string{{"abc,de"}}, nil, ""},
		{"csv header and crlf", Options{CSV: true, Header: true}, "a,b\r\n1,2\r\n", [][]string{{"1", "2"}}, []int{2}, ""},
		{"csv escape char", Options{CSV: true, Escape: '\\'}, `"a\"b\\c"` + "\n", [][]string{{`a"b\c`}}, nil, ""},
		{"csv delimiter and null", func() Options { o := Options{CSV: true, Delimiter: ';'}; o.SetNull("NULL"); return o }(),
			"NULL;\"NULL\";\n", [][]string{{"<nil>", "NULL", ""}}, nil, ""},
		{"csv end marker", csv, "1\n\\.\n", [][]string{{"1"}}, nil, ""},
		{"csv unterminated quote", csv, "1\n\"abc\n", [][]string{{"1"}}, nil, "line 2: unterminated CSV quoted field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, lines, err := readAll(t, tt.input, tt.opts)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("records %q, want %q", got, tt.want)
			}
			if tt.lines != nil && !reflect.DeepEqual(lines, tt.lines) {
				t.Fatalf("lines %v, want %v", lines, tt.lines)
			}
		})
	}
}

func TestNormalizeRejects(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"quote in text", Options{Quote: '\''}, "only in CSV mode"},
		{"newline delimiter", Options{Delimiter: '\n'}, "newline"},
		{"backslash delimiter in text", Options{Delimiter: '\\'}, "backslash"},
		{"delimiter is quote", Options{CSV: true, Delimiter: '"'}, "must be different"},
		{"multi-byte delimiter", Options{Delimiter: 0xc3}, "one-byte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Normalize()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestRoundTrip writes awkward values in every format and reads them back unchanged.
func TestRoundTrip(t *testing.T) {
	values := [][]byte{nil, {}, []byte(`\N`), []byte("tab\there"), []byte("line\nbreak\r\n"), []byte(`back\slash`),
		[]byte(`"quoted", with comma`), []byte(`\.`), []byte("NULL"), []byte("ünïcode"), []byte(";")}
	formats := map[string]Options{
		"text":            {},
		"csv":             {CSV: true},
		"csv semicolon":   {CSV: true, Delimiter: ';'},
		"csv escape":      {CSV: true, Escape: '\\'},
		"text pipe":       {Delimiter: '|'},
		"csv null string": func() Options { o := Options{CSV: true}; o.SetNull("NULL"); return o }(),
	}
	for name, opts := range formats {
		t.Run(name, func(t *testing.T) {
			if err := opts.Normalize(); err != nil {
				t.Fatal(err)
			}
			var data []byte
			for _, v := range values {
				data = opts.AppendRecord(data, [][]byte{v, []byte("x")})
			}
			r := NewReader(strings.NewReader(string(data)), opts)
			for i, v := range values {
				fields, err := r.Read()
				if err != nil {
					t.Fatalf("record %d: %v\n%s", i, err, data)
				}
				if len(fields) != 2 || fields[0].Null != (v == nil) || string(fields[0].Value) != string(v) {
					t.Fatalf("record %d: got %+v, want %q\n%s", i, fields, v, data)
				}
			}
			if _, err := r.Read(); !errors.Is(err, io.EOF) {
				t.Fatalf("after the last record: %v", err)
			}
		})
	}
}

// A field that is not valid UTF-8 or holds a NUL, raw or written as an escape, is refused
// with 22021 as PostgreSQL refuses it (pg_verifymbstr after unescaping); a NUL used to be
// stored in the text column.
func TestReadVerifiesEncoding(t *testing.T) {
	for _, c := range []struct {
		name, input string
		opts        Options
		msg         string
	}{
		{"text raw NUL", "1\ta\x00b\n", Options{}, `invalid byte sequence for encoding "UTF8": 0x00`},
		{"text escaped NUL", `a\000b` + "\n", Options{}, `invalid byte sequence for encoding "UTF8": 0x00`},
		{"text hex NUL", `a\x0` + "\n", Options{}, `invalid byte sequence for encoding "UTF8": 0x00`},
		{"csv quoted NUL", "\"a\x00\",b\n", Options{CSV: true}, `invalid byte sequence for encoding "UTF8": 0x00`},
		{"text bad UTF-8", "\xff\n", Options{}, `invalid byte sequence for encoding "UTF8"`},
		{"csv bad UTF-8", "a,\xc3\n", Options{CSV: true}, `invalid byte sequence for encoding "UTF8"`},
	} {
		_, _, err := readAll(t, c.input, c.opts)
		var fe *FormatError
		if !errors.As(err, &fe) || fe.Code != "22021" || fe.Msg != c.msg || fe.Line != 1 {
			t.Errorf("%s: got %#v, want 22021 %s at line 1", c.name, err, c.msg)
		}
	}
}
