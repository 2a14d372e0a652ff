package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/drovedb/drove/shell"
)

func sqlCmd() *cobra.Command {
	var url, command, file, format string
	cmd := &cobra.Command{
		Use:   "sql",
		Short: "Run SQL: an interactive shell, -c for one command, -f for a file",
		Long: `Run SQL against a drove server (or any PostgreSQL server).

With -c or -f, or with statements on standard input, the first error stops the run and the
command exits non-zero. At a terminal it is an interactive shell with line editing and
history in ~/.drove_history.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx := c.Context()
			conn, err := connect(ctx, url, "")
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			sh := &shell.Shell{Conn: conn.PgConn(), Out: c.OutOrStdout(), ErrOut: c.ErrOrStderr(), Format: shell.Format(format)}
			// The shell already printed the server's error; the exit code is what is left.
			quiet := func(err error) error {
				if err != nil {
					return errSilentFailure
				}
				return nil
			}
			switch {
			case command != "":
				return quiet(sh.RunScript(ctx, strings.NewReader(command)))
			case file != "":
				f, err := os.Open(file)
				if err != nil {
					return err
				}
				defer f.Close()
				return quiet(sh.RunScript(ctx, f))
			case isatty.IsTerminal(os.Stdin.Fd()):
				history := ""
				if home, err := os.UserHomeDir(); err == nil {
					history = filepath.Join(home, ".drove_history")
				}
				return sh.Interactive(ctx, history)
			}
			return quiet(sh.RunScript(ctx, c.InOrStdin()))
		},
	}
	addURLFlag(cmd.Flags(), &url)
	cmd.Flags().StringVarP(&command, "command", "c", "", "run these statements and exit")
	cmd.Flags().StringVarP(&file, "file", "f", "", "run the statements in this file and exit")
	cmd.Flags().StringVar(&format, "format", "aligned", "output format: aligned, csv, tsv")
	return cmd
}

// errSilentFailure makes the command exit 1 without printing an error a second time.
var errSilentFailure = errors.New("failed (error printed above)")
