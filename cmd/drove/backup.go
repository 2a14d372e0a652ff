package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/drovedb/drove/backup"
)

// newBar is the progress bar of long client commands: bytes against size (-1: unknown), or
// nil when not shown.
func newBar(show bool, w io.Writer, size int64, what string) *progressbar.ProgressBar {
	if !show {
		return nil
	}
	return progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowBytes(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish())
}

// counted adds a progress bar to a reader or writer; a nil bar counts nothing.
type counted struct {
	r   io.Reader
	w   io.Writer
	bar *progressbar.ProgressBar
	n   int64
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.add(n)
	return n, err
}

func (c *counted) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.add(n)
	return n, err
}

func (c *counted) add(n int) {
	c.n += int64(n)
	if c.bar != nil {
		c.bar.Add(n)
	}
}

func backupCmd() *cobra.Command {
	var url, ts, out string
	var progress bool
	cmd := &cobra.Command{
		Use:   "backup --tablespace NAME --out FILE",
		Short: "Take an online, consistent backup of a tablespace",
		Long: `Take a backup of a tablespace while it keeps serving writes: the server takes a checkpoint
and streams it (zstd-compressed, checksummed) to FILE. The backup holds every write
acknowledged before it started. The file appears only once it is complete.`,
		Example: "  drove backup --tablespace sales --out sales.drovebak",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if ts == "" || out == "" {
				return errors.New("--tablespace and --out are required")
			}
			ctx := cmd.Context()
			conn, err := connect(ctx, url, "")
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			var dst io.Writer = cmd.OutOrStdout()
			var f *os.File
			if out != "-" {
				// Written beside the target and renamed at the end: a failed backup leaves no
				// file that looks like a backup.
				if f, err = os.CreateTemp(filepath.Dir(out), filepath.Base(out)+".*.partial"); err != nil {
					return err
				}
				defer os.Remove(f.Name())
				defer f.Close()
				dst = f
			}
			bar := newBar(progress && out != "-", cmd.ErrOrStderr(), -1, "backing up "+ts)
			c := &counted{w: dst, bar: bar}
			start := time.Now()
			if _, err := conn.PgConn().CopyTo(ctx, c, "BACKUP TABLESPACE "+quoteLiteral(ts)+" TO STDOUT"); err != nil {
				return err
			}
			if bar != nil {
				bar.Finish()
			}
			if f != nil {
				if err := f.Sync(); err != nil {
					return err
				}
				if err := f.Close(); err != nil {
					return err
				}
				if err := os.Rename(f.Name(), out); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "backup of %s written to %s: %d bytes in %s\n", ts, out, c.n, time.Since(start).Round(time.Millisecond))
			}
			return nil
		},
	}
	f := cmd.Flags()
	addURLFlag(f, &url)
	f.StringVar(&ts, "tablespace", "", "tablespace to back up (required)")
	f.StringVar(&out, "out", "", "backup file to write, - for standard output (required)")
	f.BoolVar(&progress, "progress", isatty.IsTerminal(os.Stderr.Fd()), "show a progress bar (default: when stderr is a terminal)")
	return cmd
}

func restoreCmd() *cobra.Command {
	var url, ts, in string
	var progress bool
	cmd := &cobra.Command{
		Use:   "restore --in FILE [--tablespace NAME]",
		Short: "Create a tablespace from a backup",
		Long: `Create a tablespace from a backup file, under its original name or the one --tablespace gives.
The tablespace must not exist. The server verifies the whole backup before the tablespace
appears; a damaged or truncated file changes nothing.`,
		Example: "  drove restore --in sales.drovebak --tablespace sales_copy",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if in == "" {
				return errors.New("--in is required")
			}
			var src io.Reader = cmd.InOrStdin()
			size := int64(-1)
			if in != "-" {
				f, err := os.Open(in)
				if err != nil {
					return err
				}
				defer f.Close()
				if ts == "" {
					info, err := backup.ReadInfo(f)
					if err != nil {
						return fmt.Errorf("%s: %w", in, err)
					}
					ts = info.Tablespace
					if _, err := f.Seek(0, io.SeekStart); err != nil {
						return err
					}
				}
				if st, err := f.Stat(); err == nil {
					size = st.Size()
				}
				src = f
			} else if ts == "" {
				return errors.New("--tablespace is required when the backup comes from standard input")
			}
			ctx := cmd.Context()
			conn, err := connect(ctx, url, "")
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			bar := newBar(progress, cmd.ErrOrStderr(), size, "restoring "+ts)
			start := time.Now()
			if _, err := conn.PgConn().CopyFrom(ctx, &counted{r: src, bar: bar}, "RESTORE TABLESPACE "+quoteLiteral(ts)+" FROM STDIN"); err != nil {
				return err
			}
			if bar != nil {
				bar.Finish()
			}
			fmt.Fprintf(cmd.OutOrStdout(), "tablespace %s restored in %s\n", ts, time.Since(start).Round(time.Millisecond))
			return nil
		},
	}
	f := cmd.Flags()
	addURLFlag(f, &url)
	f.StringVar(&in, "in", "", "backup file to read, - for standard input (required)")
	f.StringVar(&ts, "tablespace", "", "name of the new tablespace (default: the backed-up one's)")
	f.BoolVar(&progress, "progress", isatty.IsTerminal(os.Stderr.Fd()), "show a progress bar (default: when stderr is a terminal)")
	return cmd
}
