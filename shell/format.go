package shell

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Result is one statement's rows as text, as the server sent them.
type Result struct {
	Columns []string
	Numeric []bool     // right-align the column, as psql does for numbers
	Rows    [][]string // NULL is printed as an empty cell, as psql does
	// Title is printed centered above the table, Footers below it in place of the row
	// count when NoCount is set (psql's \d of one relation), after it otherwise.
	Title   string
	Footers []string
	NoCount bool
}

// Format names an output format.
type Format string

// Output formats.
const (
	Aligned Format = "aligned"
	CSV     Format = "csv"
	TSV     Format = "tsv"
)

// Write prints r in format f.
func (r *Result) Write(w io.Writer, f Format) error {
	switch f {
	case CSV, TSV:
		cw := csv.NewWriter(w)
		if f == TSV {
			cw.Comma = '\t'
		}
		cw.Write(r.Columns)
		for _, row := range r.Rows {
			cw.Write(row)
		}
		cw.Flush()
		return cw.Error()
	case Aligned, "":
		return r.writeAligned(w)
	}
	return fmt.Errorf("unknown format %q (aligned, csv, tsv)", f)
}

// writeAligned prints psql's default table: centered headers, a dashed rule, cells padded
// by one space, numbers right-aligned, then the row count.
func (r *Result) writeAligned(w io.Writer) error {
	widths := make([]int, len(r.Columns))
	for i, c := range r.Columns {
		widths[i] = utf8.RuneCountInString(c)
	}
	for _, row := range r.Rows {
		for i, v := range row {
			widths[i] = max(widths[i], utf8.RuneCountInString(v))
		}
	}
	var b strings.Builder
	if r.Title != "" {
		b.WriteString(centered(r.Title, widths))
	}
	for i, c := range r.Columns {
		if i > 0 {
			b.WriteString("|")
		}
		pad := widths[i] - utf8.RuneCountInString(c)
		b.WriteString(" " + strings.Repeat(" ", pad/2) + c + strings.Repeat(" ", pad-pad/2) + " ")
	}
	b.WriteString("\n")
	for i := range r.Columns {
		if i > 0 {
			b.WriteString("+")
		}
		b.WriteString(strings.Repeat("-", widths[i]+2))
	}
	b.WriteString("\n")
	for _, row := range r.Rows {
		for i, v := range row {
			if i > 0 {
				b.WriteString("|")
			}
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(v))
			last := i == len(row)-1 // psql leaves no trailing blanks after the last cell
			switch {
			case r.Numeric[i] && last:
				b.WriteString(" " + pad + v)
			case r.Numeric[i]:
				b.WriteString(" " + pad + v + " ")
			case last:
				b.WriteString(" " + v)
			default:
				b.WriteString(" " + v + pad + " ")
			}
		}
		b.WriteString("\n")
	}
	switch {
	case r.NoCount:
	case len(r.Rows) == 1:
		b.WriteString("(1 row)\n")
	default:
		fmt.Fprintf(&b, "(%d rows)\n", len(r.Rows))
	}
	for _, f := range r.Footers {
		b.WriteString(f + "\n")
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// centered is psql's title line: centered over the table's width (the columns and their
// " | " separators), or as it is when that is narrower.
func centered(title string, widths []int) string {
	total := 3*len(widths) - 1
	for _, w := range widths {
		total += w
	}
	n := utf8.RuneCountInString(title)
	if n >= total {
		return title + "\n"
	}
	return strings.Repeat(" ", (total-n)/2) + title + "\n"
}
