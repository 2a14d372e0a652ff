package load

import (
	"bufio"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/drovedb/drove/copydata"
)

func TestRecords(t *testing.T) {
	csv := copydata.Options{CSV: true}
	tests := []struct {
		name  string
		opts  copydata.Options
		input string
		want  []string
		lines []int // physical lines of each record
	}{
		{"text lines", copydata.Options{}, "1\ta\n2\tb\n", []string{"1\ta\n", "2\tb\n"}, []int{1, 1}},
		{"no final newline", copydata.Options{}, "1\n2", []string{"1\n", "2\n"}, []int{1, 1}},
		{"csv quoted newline", csv, "1,\"a\nb\"\n2,c\n", []string{"1,\"a\nb\"\n", "2,c\n"}, []int{2, 1}},
		{"csv doubled quotes", csv, "\"x\"\"\n\"\"y\"\n3\n", []string{"\"x\"\"\n\"\"y\"\n", "3\n"}, []int{2, 1}},
		{"csv escape hides quote", copydata.Options{CSV: true, Escape: '\\'}, "\"a\\\"\nb\"\n2\n", []string{"\"a\\\"\nb\"\n", "2\n"}, []int{2, 1}},
		{"csv open quote at end", csv, "1\n\"open\nrest", []string{"1\n", "\"open\nrest\n"}, []int{1, 2}},
		{"crlf", csv, "1,a\r\n2,b\r\n", []string{"1,a\r\n", "2,b\r\n"}, []int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			if err := opts.Normalize(); err != nil {
				t.Fatal(err)
			}
			r := &records{br: newReader(tt.input), opts: opts}
			var got []string
			var lines []int
			for {
				rec, n, err := r.next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, string(rec))
				lines = append(lines, n)
			}
			if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(lines, tt.lines) {
				t.Fatalf("got %q %v, want %q %v", got, lines, tt.want, tt.lines)
			}
		})
	}
}

// TestBatchDrop checks that a line the server names maps back to the file's line, also
// after earlier drops split the batch.
func TestBatchDrop(t *testing.T) {
	b := &batch{}
	// File lines 11..: records of 1, 2, 1, 1 lines.
	b.add([]byte("a\n"), 11, 1)
	b.add([]byte("\"b\nb\"\n"), 12, 2)
	b.add([]byte("c\n"), 14, 1)
	b.add([]byte("d\n"), 15, 1)
	steps := []struct {
		batchLine int
		wantFile  int
		wantOK    bool
		wantData  string
		wantRows  int
	}{
		{3, 0, false, "a\n\"b\nb\"\nc\nd\n", 4}, // line 3 is inside record b
		{4, 14, true, "a\n\"b\nb\"\nd\n", 3},
		{2, 12, true, "a\nd\n", 2},
		{2, 15, true, "a\n", 1},
		{1, 11, true, "", 0},
	}
	for _, s := range steps {
		line, ok := b.drop(s.batchLine)
		if ok != s.wantOK || line != s.wantFile {
			t.Fatalf("drop(%d) = %d, %v; want %d, %v", s.batchLine, line, ok, s.wantFile, s.wantOK)
		}
		data, _ := io.ReadAll(b.reader())
		if string(data) != s.wantData {
			t.Fatalf("after drop(%d): %q, want %q", s.batchLine, data, s.wantData)
		}
		if b.rows != s.wantRows {
			t.Fatalf("rows = %d after drop(%d)", b.rows, s.batchLine)
		}
	}
}

func TestCopyStatement(t *testing.T) {
	csv := copydata.Options{CSV: true, Delimiter: ';'}
	csv.SetNull("N'A")
	if err := csv.Normalize(); err != nil {
		t.Fatal(err)
	}
	got := copyStatement(`we"ird`, []string{"id", " name "}, csv, false)
	want := `COPY "we""ird" ("id", "name") FROM STDIN WITH (FORMAT csv, QUOTE '"', ESCAPE '"', DELIMITER ';', NULL 'N''A')`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func newReader(s string) *bufio.Reader { return bufio.NewReaderSize(strings.NewReader(s), 16) }
