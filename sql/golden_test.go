package sql

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/drovedb/drove/tablespace"
	"github.com/drovedb/drove/types"
)

var update = flag.Bool("update", false, "rewrite the expected output of golden files")

// The golden files (testdata/*.sql) are a small sqllogictest-like format. Blocks are separated
// by blank lines; lines starting with # are comments.
//
//	statement ok              the SQL must succeed
//	statement error 23505     the SQL must fail with this SQLSTATE
//	query                     the SQL's rows must equal the lines after ----
//	SELECT ...                (values joined by |, NULL as NULL, then a line "tag: SELECT n")
//	----
//	1|a
//
// Each file runs in a fresh tablespace, in order, on one session.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) { runGolden(t, file) })
	}
}

type goldenBlock struct {
	kind   string // "ok", "error", "query"
	code   string
	sql    string
	expect []string
	line   int
}

func parseGolden(t testing.TB, file string) []goldenBlock {
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var blocks []goldenBlock
	var cur *goldenBlock
	inExpect := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "":
			if cur != nil {
				blocks = append(blocks, *cur)
			}
			cur, inExpect = nil, false
		case cur == nil && strings.HasPrefix(line, "#"):
			blocks = append(blocks, goldenBlock{kind: "comment", sql: line, line: n})
		case cur == nil:
			f := strings.Fields(line)
			b := goldenBlock{line: n}
			switch {
			case len(f) == 2 && f[0] == "statement" && f[1] == "ok":
				b.kind = "ok"
			case len(f) == 3 && f[0] == "statement" && f[1] == "error":
				b.kind, b.code = "error", f[2]
			case len(f) == 1 && f[0] == "query":
				b.kind = "query"
			default:
				t.Fatalf("%s:%d: bad block header %q", file, n, line)
			}
			cur = &b
		case line == "----":
			inExpect = true
		case inExpect:
			cur.expect = append(cur.expect, line)
		default:
			if cur.sql != "" {
				cur.sql += "\n"
			}
			cur.sql += line
		}
	}
	if cur != nil {
		blocks = append(blocks, *cur)
	}
	return blocks
}

// textOutput renders results the way golden files spell them: as the text protocol, a
// timestamptz in the TimeZone the session last reported (zone; nil is UTC).
type textOutput struct {
	lines []string
	zone  **time.Location
	style *types.TextStyle // extra_float_digits and bytea_output, as pgwire applies them
}

func (o *textOutput) SetTextStyle(st types.TextStyle) {
	if o.style != nil {
		*o.style = st
	}
}

func (o *textOutput) ReportSetting(name, value string) error {
	if name == "TimeZone" && o.zone != nil {
		*o.zone, _ = types.LoadZone(value)
	}
	return nil
}

func (o *textOutput) Columns([]Column) error { return nil }
func (o *textOutput) Row(row []types.Value) error {
	parts := make([]string, len(row))
	for i, v := range row {
		if err := CheckTextLen(v); err != nil { // as pgwire's output does
			return err
		}
		var zone *time.Location
		if o.zone != nil {
			zone = *o.zone
		}
		if o.style != nil && !o.style.Plain() && !v.IsNull() { // as pgwire's output does
			parts[i] = string(types.AppendTextStyledIn(nil, v, *o.style, zone))
			continue
		}
		if (v.T == types.Timestamptz || v.T == types.TimestamptzArray) && !v.IsNull() && zone != nil {
			parts[i] = string(types.AppendTextIn(nil, v, zone))
			continue
		}
		parts[i] = v.String()
	}
	o.lines = append(o.lines, strings.Join(parts, "|"))
	return nil
}
func (o *textOutput) Complete(tag string) error {
	o.lines = append(o.lines, "tag: "+tag)
	return nil
}

// columnsOutput is a textOutput that keeps the result's columns (names and types, which the
// golden files do not compare).
type columnsOutput struct {
	textOutput
	cols []Column
}

func (o *columnsOutput) Columns(cols []Column) error {
	o.cols = append(o.cols, cols...)
	return nil
}

func (o *columnsOutput) names() []string {
	out := make([]string, len(o.cols))
	for i, c := range o.cols {
		out[i] = c.Name
	}
	return out
}

func openTestTablespace(t testing.TB) *tablespace.Tablespace {
	t.Helper()
	ts := openTablespaceIn(t, t.TempDir())
	t.Cleanup(func() { ts.Close() })
	return ts
}

// openTablespaceIn opens a test tablespace in dir, which the caller closes: a test that
// opens many (one per round) closes each when done with it rather than at its end.
func openTablespaceIn(t testing.TB, dir string) *tablespace.Tablespace {
	t.Helper()
	ts, err := tablespace.Open(tablespace.Options{Dir: dir, Name: "drove",
		CheckpointInterval: -1, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func runGolden(t *testing.T, file string) {
	blocks := parseGolden(t, file)
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	ctx := context.Background()
	var rewritten strings.Builder
	var zone *time.Location
	var style types.TextStyle
	for _, b := range blocks {
		if b.kind == "comment" {
			rewritten.WriteString(b.sql + "\n")
			continue
		}
		out := textOutput{zone: &zone, style: &style}
		err := s.Exec(ctx, b.sql, &out)
		var code string
		var se *Error
		if errors.As(err, &se) {
			code = se.Code
		} else if err != nil {
			code = "non-SQL error: " + err.Error()
		}
		switch b.kind {
		case "ok":
			if err != nil {
				t.Errorf("%s:%d: %s\nfailed: %s %v", file, b.line, b.sql, code, err)
			}
			rewritten.WriteString("statement ok\n" + b.sql + "\n\n")
		case "error":
			if code != b.code {
				t.Errorf("%s:%d: %s\nwant SQLSTATE %s, got %q (%v)", file, b.line, b.sql, b.code, code, err)
			}
			rewritten.WriteString("statement error " + b.code + "\n" + b.sql + "\n\n")
		case "query":
			got := out.lines
			if err != nil {
				got = []string{"error " + code + ": " + err.Error()}
			}
			if strings.Join(got, "\n") != strings.Join(b.expect, "\n") {
				t.Errorf("%s:%d: %s\ngot:\n%s\nwant:\n%s", file, b.line, b.sql,
					strings.Join(got, "\n"), strings.Join(b.expect, "\n"))
			}
			rewritten.WriteString("query\n" + b.sql + "\n----\n" + strings.Join(got, "\n") + "\n\n")
		}
	}
	if *update {
		if err := os.WriteFile(file, []byte(strings.TrimRight(rewritten.String(), "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
