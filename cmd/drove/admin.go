package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const defaultURL = "postgres://drove@127.0.0.1:5433/drove"

// addURLFlag gives client commands --url (or DROVE_URL).
func addURLFlag(flags *pflag.FlagSet, url *string) {
	flags.StringVar(url, "url", defaultURL, "server URL (postgres://user@host:port/tablespace)")
}

// connect opens a connection to url, switched to database when it is not "".
func connect(ctx context.Context, url, database string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("--url: %w", err)
	}
	if database != "" {
		cfg.Database = database
	}
	// Admin statements are one-offs: the simple protocol avoids a prepare per statement.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeSimpleProtocol
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		// pgx lists every attempt (TLS, then plain) on its own line; the last says why.
		lines := strings.Split(strings.TrimSpace(err.Error()), "\n")
		return nil, fmt.Errorf("connecting to %s:%d: %s", cfg.Host, cfg.Port, strings.TrimSpace(lines[len(lines)-1]))
	}
	return conn, nil
}

// quoteLiteral quotes s as a SQL string literal.
func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// printRows writes a query's rows as aligned columns under a header.
func printRows(w io.Writer, rows pgx.Rows) error {
	defer rows.Close()
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	var head []string
	for _, f := range rows.FieldDescriptions() {
		head = append(head, strings.ToUpper(f.Name))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return err
		}
		cells := make([]string, len(vals))
		for i, v := range vals {
			switch v := v.(type) {
			case nil:
			case time.Time:
				cells[i] = v.Format("2006-01-02 15:04:05")
			default:
				cells[i] = fmt.Sprint(v)
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return tw.Flush()
}

// connFunc is a client command's work on a connection.
type connFunc func(ctx context.Context, conn *pgx.Conn, args []string, out io.Writer) error

// withConn makes a command's RunE that connects to *url and runs fn.
func withConn(url *string, fn connFunc) func(*cobra.Command, []string) error {
	return func(c *cobra.Command, args []string) error {
		ctx := c.Context()
		conn, err := connect(ctx, *url, "")
		if err != nil {
			return err
		}
		defer conn.Close(ctx)
		return fn(ctx, conn, args, c.OutOrStdout())
	}
}

func tablespaceCmd() *cobra.Command {
	var url string
	cmd := &cobra.Command{
		Use:   "tablespace",
		Short: "Create, alter, list, describe and drop tablespaces",
	}
	addURLFlag(cmd.PersistentFlags(), &url)
	run := func(fn connFunc) func(*cobra.Command, []string) error { return withConn(&url, fn) }
	create, alter := placementCmds(run)
	list := &cobra.Command{
		Use:   "list",
		Short: "List the tablespaces",
		Args:  cobra.NoArgs,
		RunE: run(func(ctx context.Context, conn *pgx.Conn, _ []string, out io.Writer) error {
			rows, err := conn.Query(ctx, "SELECT tablespace_name, leader, replica, expectedreplicacount FROM systablespaces ORDER BY tablespace_name")
			if err != nil {
				return err
			}
			return printRows(out, rows)
		}),
	}
	describe := &cobra.Command{
		Use:   "describe NAME",
		Short: "Show a tablespace's placement, its replicas' progress and its tables",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			conn, err := connect(ctx, url, args[0])
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			out := c.OutOrStdout()
			rows, err := conn.Query(ctx, "SELECT tablespace_name, leader, replica, expectedreplicacount, maxleaderinactivitytime FROM systablespaces WHERE tablespace_name = "+quoteLiteral(args[0]))
			if err != nil {
				return err
			}
			if err := printRows(out, rows); err != nil {
				return err
			}
			fmt.Fprintln(out)
			rows, err = conn.Query(ctx, "SELECT nodeid, mode, appliedindex, lagentries, lagseconds FROM systablespacereplicastate WHERE tablespace_name = "+quoteLiteral(args[0])+" ORDER BY nodeid")
			if err != nil {
				return err
			}
			if err := printRows(out, rows); err != nil {
				return err
			}
			fmt.Fprintln(out)
			rows, err = conn.Query(ctx, "SELECT table_name, column_name, data_type, is_primary_key FROM syscolumns ORDER BY table_name, ordinal_position")
			if err != nil {
				return err
			}
			return printRows(out, rows)
		},
	}
	drop := &cobra.Command{
		Use:   "drop NAME",
		Short: "Drop a tablespace and delete its data",
		Args:  cobra.ExactArgs(1),
		RunE: run(func(ctx context.Context, conn *pgx.Conn, args []string, out io.Writer) error {
			if _, err := conn.Exec(ctx, "DROP TABLESPACE "+quoteLiteral(args[0])); err != nil {
				return err
			}
			_, err := fmt.Fprintf(out, "tablespace %s dropped\n", args[0])
			return err
		}),
	}
	cmd.AddCommand(create, alter, list, describe, drop)
	return cmd
}

func checkpointCmd() *cobra.Command {
	var url, ts string
	cmd := &cobra.Command{
		Use:   "checkpoint",
		Short: "Take a checkpoint of a tablespace now (pages written, log truncated)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx := c.Context()
			conn, err := connect(ctx, url, ts)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			if _, err := conn.Exec(ctx, "CHECKPOINT"); err != nil {
				return err
			}
			_, err = fmt.Fprintf(c.OutOrStdout(), "checkpoint of %s done\n", conn.Config().Database)
			return err
		},
	}
	addURLFlag(cmd.Flags(), &url)
	cmd.Flags().StringVar(&ts, "tablespace", "", "tablespace to checkpoint (default: the URL's database)")
	return cmd
}

func statusCmd() *cobra.Command {
	var url string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Summarize the node and its tablespaces",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx := c.Context()
			conn, err := connect(ctx, url, "")
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			out := c.OutOrStdout()
			rows, err := conn.Query(ctx, "SELECT nodeid, address FROM sysnodes")
			if err != nil {
				return err
			}
			if err := printRows(out, rows); err != nil {
				return err
			}
			fmt.Fprintln(out)
			rows, err = conn.Query(ctx, "SELECT tablespace_name, leader, replica, expectedreplicacount FROM systablespaces ORDER BY tablespace_name")
			if err != nil {
				return err
			}
			return printRows(out, rows)
		},
	}
	addURLFlag(cmd.Flags(), &url)
	return cmd
}
