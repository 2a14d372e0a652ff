package shell

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// Shell runs statements on one connection and prints their results.
type Shell struct {
	Conn   *pgconn.PgConn
	Out    io.Writer
	ErrOut io.Writer
	Format Format
	Timing bool // print each statement's duration, as psql's \timing does
}

// errQuit ends a session at \q.
var errQuit = errors.New("quit")

// numericOIDs are the PostgreSQL types psql right-aligns.
var numericOIDs = map[uint32]bool{20: true, 21: true, 23: true, 700: true, 701: true, 1700: true, 26: true}

// Exec runs one statement (or a meta command) and prints its results. A server error is
// returned as a *pgconn.PgError after being printed.
func (sh *Shell) Exec(ctx context.Context, stmt string) error {
	if strings.HasPrefix(stmt, `\`) {
		return sh.meta(ctx, stmt)
	}
	start := time.Now()
	rr := sh.Conn.Exec(ctx, stmt)
	for rr.NextResult() {
		res := rr.ResultReader()
		fields := res.FieldDescriptions()
		var r *Result
		if len(fields) > 0 {
			r = &Result{}
			for _, f := range fields {
				r.Columns = append(r.Columns, f.Name)
				r.Numeric = append(r.Numeric, numericOIDs[f.DataTypeOID])
			}
		}
		for res.NextRow() {
			row := make([]string, len(fields))
			for i, v := range res.Values() {
				row[i] = string(v)
			}
			r.Rows = append(r.Rows, row)
		}
		tag, err := res.Close()
		if err != nil {
			break // reported by rr.Close
		}
		if r != nil {
			if err := r.Write(sh.Out, sh.Format); err != nil {
				return err
			}
		} else {
			fmt.Fprintln(sh.Out, tag.String())
		}
	}
	err := rr.Close()
	if sh.Timing {
		fmt.Fprintf(sh.Out, "Time: %.3f ms\n", float64(time.Since(start).Microseconds())/1000)
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		fmt.Fprintf(sh.ErrOut, "ERROR: %s (SQLSTATE %s)\n", pgErr.Message, pgErr.Code)
	} else if err != nil {
		fmt.Fprintf(sh.ErrOut, "ERROR: %v\n", err)
	}
	return err
}

func (sh *Shell) meta(ctx context.Context, cmd string) error {
	fields := strings.Fields(cmd)
	if ok, err := sh.describe(ctx, fields); ok {
		return err
	}
	switch fields[0] {
	case `\q`:
		return errQuit
	case `\timing`:
		switch {
		case len(fields) > 1 && fields[1] == "on":
			sh.Timing = true
		case len(fields) > 1 && fields[1] == "off":
			sh.Timing = false
		default:
			sh.Timing = !sh.Timing
		}
		state := "off"
		if sh.Timing {
			state = "on"
		}
		fmt.Fprintf(sh.Out, "Timing is %s.\n", state)
	case `\?`:
		fmt.Fprint(sh.Out, help)
	default:
		err := fmt.Errorf("invalid command %s; try \\? for help", fields[0])
		fmt.Fprintf(sh.ErrOut, "ERROR: %v\n", err)
		return err
	}
	return nil
}

// RunScript runs every statement of a script from r, stopping at the first error, which it
// returns. Meta commands take a line of their own.
func (sh *Shell) RunScript(ctx context.Context, r io.Reader) error {
	return sh.run(ctx, r, true)
}

// run feeds lines to a Splitter; stopOnError decides whether an error ends the run.
func (sh *Shell) run(ctx context.Context, r io.Reader, stopOnError bool) error {
	var sp Splitter
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		var stmts []string
		if sp.Pending() == "" && strings.HasPrefix(strings.TrimSpace(line), `\`) {
			stmts = []string{strings.TrimSpace(line)}
		} else {
			stmts = sp.Add(line + "\n")
		}
		for _, st := range stmts {
			if err := sh.Exec(ctx, st); errors.Is(err, errQuit) {
				return nil
			} else if err != nil && stopOnError {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if p := sp.Pending(); p != "" {
		if err := sh.Exec(ctx, p); err != nil && !errors.Is(err, errQuit) {
			return err
		}
	}
	return nil
}

// help is \?'s text.
const help = `  \d [NAME]         list tables, views and sequences, or describe NAME
  \dt [PATTERN]     list tables
  \di [PATTERN]     list indexes
  \dv [PATTERN]     list views
  \ds [PATTERN]     list sequences
  \dn [PATTERN]     list schemas
  \l [PATTERN]      list databases (drove's tablespaces)
  \timing [on|off]  print how long each statement takes
  \q                quit
  \?                this help
`
