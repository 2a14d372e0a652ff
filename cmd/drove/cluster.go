package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// placement is the tablespace placement flags of create and alter, HerdDB's options.
type placement struct {
	replicas []string
	expected int
	leader   string
	inactive time.Duration
}

func (p *placement) addFlags(flags *pflag.FlagSet, verb string) {
	flags.StringSliceVar(&p.replicas, "replica", nil, "node ids to place the tablespace's replicas on, comma-separated ('replica:...')")
	flags.IntVar(&p.expected, "expected-replicas", 0, "how many replicas the cluster keeps ('expectedreplicacount:N')")
	lead := "node id to lead the tablespace ('leader:...')"
	if verb == "ALTER" {
		lead = "node id to move the leadership to ('leader:...')"
	}
	flags.StringVar(&p.leader, "leader", "", lead)
	flags.DurationVar(&p.inactive, "max-leader-inactivity", 0,
		"how long the catalog may name a leader that stopped leading, 0 = the dead-node timeout ('maxleaderinactivitytime:ms')")
}

// options are the statement's 'key:value' literals for the flags given, in HerdDB's order.
func (p *placement) options(flags *pflag.FlagSet) []string {
	var opts []string
	if flags.Changed("replica") {
		opts = append(opts, quoteLiteral("replica:"+strings.Join(p.replicas, ",")))
	}
	if flags.Changed("expected-replicas") {
		opts = append(opts, quoteLiteral("expectedreplicacount:"+strconv.Itoa(p.expected)))
	}
	if flags.Changed("leader") {
		opts = append(opts, quoteLiteral("leader:"+p.leader))
	}
	if flags.Changed("max-leader-inactivity") {
		opts = append(opts, quoteLiteral("maxleaderinactivitytime:"+strconv.FormatInt(p.inactive.Milliseconds(), 10)))
	}
	return opts
}

// placementCmds are `tablespace create` and `tablespace alter`, which run CREATE and ALTER
// TABLESPACE with the options their flags give.
func placementCmds(run func(connFunc) func(*cobra.Command, []string) error) (create, alter *cobra.Command) {
	cmd := func(verb, use, short, done string) *cobra.Command {
		var p placement
		c := &cobra.Command{Use: use, Short: short, Args: cobra.ExactArgs(1)}
		p.addFlags(c.Flags(), verb)
		c.RunE = run(func(ctx context.Context, conn *pgx.Conn, args []string, out io.Writer) error {
			opts := p.options(c.Flags())
			if verb == "ALTER" && len(opts) == 0 {
				return fmt.Errorf("nothing to alter: give --replica, --expected-replicas or --leader")
			}
			stmt := verb + " TABLESPACE " + strings.Join(append([]string{quoteLiteral(args[0])}, opts...), ", ")
			if _, err := conn.Exec(ctx, stmt); err != nil {
				return err
			}
			_, err := fmt.Fprintf(out, "tablespace %s %s\n", args[0], done)
			return err
		})
		return c
	}
	create = cmd("CREATE", "create NAME", "Create a tablespace (its own Raft group, log and pages)", "created")
	alter = cmd("ALTER", "alter NAME", "Change a tablespace's replicas, expected replica count or leader", "altered")
	return create, alter
}

func nodeCmd() *cobra.Command {
	var url string
	cmd := &cobra.Command{
		Use:   "node",
		Short: "List the cluster's nodes and remove them",
	}
	addURLFlag(cmd.PersistentFlags(), &url)
	list := &cobra.Command{
		Use:   "list",
		Short: "List the nodes, their addresses and whether they are live",
		Args:  cobra.NoArgs,
		RunE: withConn(&url, func(ctx context.Context, conn *pgx.Conn, _ []string, out io.Writer) error {
			rows, err := conn.Query(ctx, "SELECT nodeid, address, clusteraddress, live, lastseen FROM sysnodes ORDER BY nodeid")
			if err != nil {
				return err
			}
			return printRows(out, rows)
		}),
	}
	remove := &cobra.Command{
		Use:   "remove ID",
		Short: "Remove a node from the cluster, moving its replicas to other nodes first",
		Args:  cobra.ExactArgs(1),
		RunE: withConn(&url, func(ctx context.Context, conn *pgx.Conn, args []string, out io.Writer) error {
			if _, err := conn.Exec(ctx, "DROP NODE "+quoteLiteral(args[0])); err != nil {
				return err
			}
			_, err := fmt.Fprintf(out, "node %s removed\n", args[0])
			return err
		}),
	}
	cmd.AddCommand(list, remove)
	return cmd
}
