package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/drovedb/drove/load"
)

func loadCmd() *cobra.Command {
	var (
		url, format, delimiter, null, quote, escape string
		header, progress                            bool
		opts                                        load.Options
	)
	cmd := &cobra.Command{
		Use:   "load --table TABLE [FILE|-]",
		Short: "Bulk-load a CSV or COPY text file into a table",
		Long: `Bulk-load a file (or standard input) into a table, in batches: each batch is one COPY
and one transaction, and several batches are in flight at once.

Rows the server refuses (a bad value, a duplicate key) are printed with their line number and
skipped; once more than --max-errors rows were bad the load stops. Batches already loaded
stay loaded; no batch is ever half applied.

--format mutations loads a delta file: a CSV whose header is
  key,mutation_type,logical_commit_time,<column>,...
and whose records are UPDATE (the whole row) or DELETE of the row with that primary key. A
record applies only if its logical commit time is later than the row's (kept in the table's
bigint column logical_commit_time; deletes leave tombstones in <table>__tombstones), so delta
files can be loaded in any order, or again, with the same result.`,
		Example: `  drove load --table users --header users.csv
  zcat big.csv.gz | drove load --table events --max-errors 100 -
  drove load --table prices --format mutations delta-0042.csv`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Table == "" {
				return errors.New("--table is required")
			}
			in := opts.Input
			switch format {
			case "csv":
				in.CSV = true
			case "mutations":
				in.CSV, opts.Mutations = true, true
			case "text":
			default:
				return fmt.Errorf("--format %q: csv, text or mutations", format)
			}
			in.Header = header
			for _, c := range []struct {
				flag, val string
				dst       *byte
			}{{"delimiter", delimiter, &in.Delimiter}, {"quote", quote, &in.Quote}, {"escape", escape, &in.Escape}} {
				if c.val == "" {
					continue
				}
				if len(c.val) != 1 {
					return fmt.Errorf("--%s must be a single one-byte character", c.flag)
				}
				*c.dst = c.val[0]
			}
			if cmd.Flags().Changed("null") {
				in.SetNull(null)
			}
			opts.Input = in

			var r io.Reader = cmd.InOrStdin()
			size := int64(-1)
			name := "stdin"
			if len(args) == 1 && args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return err
				}
				defer f.Close()
				if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
					size = st.Size()
				}
				r, name = f, args[0]
			}
			stderr := cmd.ErrOrStderr()
			bar := newBar(progress, stderr, size, "loading "+name)
			if bar != nil {
				opts.Progress = func(read, _ int64) { bar.Set64(read) }
			}
			opts.BadRow = func(b load.BadRow) {
				if bar != nil {
					bar.Clear()
				}
				fmt.Fprintln(stderr, b)
			}
			ctx := cmd.Context()
			connectOne := func(ctx context.Context) (*pgconn.PgConn, error) {
				c, err := connect(ctx, url, "")
				if err != nil {
					return nil, err
				}
				return c.PgConn(), nil
			}
			start := time.Now()
			res, err := load.Load(ctx, connectOne, r, opts)
			if bar != nil {
				bar.Finish()
			}
			elapsed := time.Since(start)
			fmt.Fprintf(cmd.OutOrStdout(), "loaded %d rows into %s in %s (%.0f rows/s), %d bad\n",
				res.Rows, opts.Table, elapsed.Round(time.Millisecond), float64(res.Rows)/elapsed.Seconds(), res.Bad)
			if err != nil {
				return fmt.Errorf("load stopped: %s", strings.TrimSpace(err.Error()))
			}
			return nil
		},
	}
	f := cmd.Flags()
	addURLFlag(f, &url)
	f.StringVar(&opts.Table, "table", "", "target table (required)")
	f.StringSliceVar(&opts.Columns, "columns", nil, "target columns in file order (default: the header's, else all)")
	f.StringVar(&format, "format", "csv", "input format: csv, text (COPY's text format) or mutations (a CSV delta file)")
	f.BoolVar(&header, "header", false, "the first line is a header naming the columns")
	f.StringVar(&delimiter, "delimiter", "", `field delimiter (default "," for csv, tab for text)`)
	f.StringVar(&null, "null", "", `the string that means NULL (default: empty for csv, \N for text)`)
	f.StringVar(&quote, "quote", "", `csv quote character (default ")`)
	f.StringVar(&escape, "escape", "", "csv escape character (default: the quote character)")
	f.IntVar(&opts.MaxErrors, "max-errors", 0, "bad rows tolerated before the load stops (-1: no limit)")
	f.IntVar(&opts.BatchRows, "batch-rows", 10000, "rows per batch (one COPY, one transaction)")
	f.IntVar(&opts.Workers, "workers", 4, "batches in flight at once")
	f.BoolVar(&progress, "progress", isatty.IsTerminal(os.Stderr.Fd()), "show a progress bar (default: when stderr is a terminal)")
	return cmd
}
