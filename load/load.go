package load

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/copydata"
)

// Options configure a load.
type Options struct {
	Table   string
	Columns []string         // target columns; empty: the file's header if it has one, else all
	Input   copydata.Options // the file's format (normalized by Load)
	// Mutations reads a delta file instead of rows: a CSV whose header is key,
	// mutation_type, logical_commit_time and then column names, applied last-writer-wins by
	// logical commit time (COPY's MUTATIONS option), so delta files can be loaded in any order.
	Mutations bool
	// BatchRows and BatchBytes bound one batch; the first reached closes it.
	BatchRows  int // default 10000
	BatchBytes int // default 4 MiB
	Workers    int // concurrent connections, default 4
	// MaxErrors is how many bad rows are tolerated; one more stops the load. Negative: no limit.
	MaxErrors int
	// BadRow is called (from any goroutine, one call at a time) for each rejected row.
	BadRow func(BadRow)
	// Progress is called after each committed batch with the input bytes read so far and the
	// rows committed so far, one call at a time.
	Progress func(bytesRead, rowsLoaded int64)
}

// BadRow is one rejected input row.
type BadRow struct {
	Line int // 1-based line of the input where the row starts
	Err  error
}

func (b BadRow) String() string { return fmt.Sprintf("line %d: %v", b.Line, b.Err) }

// Result summarizes a load.
type Result struct {
	Rows    int64 // rows committed
	Bad     int   // rows rejected
	Batches int   // batches committed
}

// ErrTooManyErrors stops a load once more than Options.MaxErrors rows were bad.
var ErrTooManyErrors = errors.New("too many bad rows")

// Connect opens one connection to the server.
type Connect func(ctx context.Context) (*pgconn.PgConn, error)

// Load reads r to its end, or until ctx ends or too many rows were bad, committing batch by
// batch. The Result counts what was committed even when an error is returned.
func Load(ctx context.Context, connect Connect, r io.Reader, opts Options) (Result, error) {
	if opts.BatchRows <= 0 {
		opts.BatchRows = 10000
	}
	if opts.BatchBytes <= 0 {
		opts.BatchBytes = 4 << 20
	}
	if opts.Workers <= 0 {
		opts.Workers = 4
	}
	if err := opts.Input.Normalize(); err != nil {
		return Result{}, err
	}
	counted := &countingReader{r: r}
	in := &records{br: bufio.NewReaderSize(counted, 1<<20), opts: opts.Input}
	cols := opts.Columns
	if opts.Input.Header || opts.Mutations {
		header, err := in.header()
		if err != nil {
			return Result{}, err
		}
		if opts.Mutations {
			if header, err = mutationColumns(header); err != nil {
				return Result{}, err
			}
		}
		if len(cols) == 0 {
			cols = header
		}
	}
	l := &loader{opts: opts, counted: counted, copySQL: copyStatement(opts.Table, cols, opts.Input, opts.Mutations)}

	conns := make([]*pgconn.PgConn, 0, opts.Workers)
	defer func() {
		for _, c := range conns {
			c.Close(context.Background())
		}
	}()
	for range opts.Workers {
		c, err := connect(ctx)
		if err != nil {
			return Result{}, err
		}
		conns = append(conns, c)
	}

	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	l.cancel = cancel
	batches := make(chan *batch, opts.Workers)
	var wg sync.WaitGroup
	for _, c := range conns {
		wg.Go(func() {
			for b := range batches {
				if ctx.Err() != nil {
					continue // stopping: drain without sending
				}
				if err := l.send(ctx, c, b); err != nil {
					cancel(err)
				}
			}
		})
	}
	readErr := l.read(ctx, in, batches)
	close(batches)
	wg.Wait()
	res := Result{Rows: l.rows.Load(), Bad: int(l.bad.Load()), Batches: int(l.batches.Load())}
	if err := context.Cause(ctx); err != nil {
		return res, err
	}
	return res, readErr
}

// mutationFields are the leading fields of every mutation record.
var mutationFields = []string{"key", "mutation_type", "logical_commit_time"}

// mutationColumns checks a mutation file's header and returns the column names after the
// leading fields.
func mutationColumns(header []string) ([]string, error) {
	if len(header) < len(mutationFields) {
		return nil, fmt.Errorf("a mutation file's header starts with %s", strings.Join(mutationFields, ","))
	}
	for i, f := range mutationFields {
		if !strings.EqualFold(strings.TrimSpace(header[i]), f) {
			return nil, fmt.Errorf("a mutation file's header starts with %s, not %s", strings.Join(mutationFields, ","), strings.Join(header[:len(mutationFields)], ","))
		}
	}
	return header[len(mutationFields):], nil
}

// copyStatement is the COPY each batch is sent with: the file's own format, no header.
func copyStatement(table string, cols []string, in copydata.Options, mutations bool) string {
	var b strings.Builder
	b.WriteString("COPY " + pgx.Identifier{table}.Sanitize())
	if len(cols) > 0 {
		quoted := make([]string, len(cols))
		for i, c := range cols {
			quoted[i] = pgx.Identifier{strings.TrimSpace(c)}.Sanitize()
		}
		b.WriteString(" (" + strings.Join(quoted, ", ") + ")")
	}
	lit := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	b.WriteString(" FROM STDIN WITH (FORMAT ")
	if in.CSV {
		b.WriteString("csv, QUOTE " + lit(string(in.Quote)) + ", ESCAPE " + lit(string(in.Escape)))
	} else {
		b.WriteString("text")
	}
	b.WriteString(", DELIMITER " + lit(string(in.Delimiter)) + ", NULL " + lit(in.Null))
	if mutations {
		b.WriteString(", MUTATIONS")
	}
	return b.String() + ")"
}

type loader struct {
	opts    Options
	counted *countingReader
	cancel  context.CancelCauseFunc
	copySQL string

	mu      sync.Mutex // serializes callbacks
	rows    atomic.Int64
	bad     atomic.Int64
	batches atomic.Int64
}

// read cuts the input into batches until its end, ctx's end, or a read error.
func (l *loader) read(ctx context.Context, in *records, out chan<- *batch) error {
	b := &batch{}
	for ctx.Err() == nil {
		rec, lines, err := in.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		b.add(rec, in.line-lines+1, lines)
		if b.rows >= l.opts.BatchRows || b.size >= l.opts.BatchBytes {
			out <- b
			b = &batch{}
		}
	}
	if b.rows > 0 && ctx.Err() == nil {
		out <- b
	}
	return nil
}

// reject counts and reports a bad row; it returns ErrTooManyErrors once the limit is passed.
func (l *loader) reject(bad BadRow) error {
	n := l.bad.Add(1)
	l.mu.Lock()
	if l.opts.BadRow != nil {
		l.opts.BadRow(bad)
	}
	l.mu.Unlock()
	if l.opts.MaxErrors >= 0 && n > int64(l.opts.MaxErrors) {
		return fmt.Errorf("%w: %d, more than --max-errors %d", ErrTooManyErrors, n, l.opts.MaxErrors)
	}
	return nil
}

// copyLine reads the batch line out of a COPY error's CONTEXT, "COPY t, line N[, column c]"
// and then the quoted input, which may itself hold ", line ": the first match is the one.
var copyLine = regexp.MustCompile(`^COPY .*?, line (\d+)`)

// send commits one batch, dropping the rows the server refuses one at a time.
func (l *loader) send(ctx context.Context, c *pgconn.PgConn, b *batch) error {
	for b.rows > 0 {
		tag, err := c.CopyFrom(ctx, b.reader(), l.copySQL)
		if err == nil {
			if tag.RowsAffected() != int64(b.rows) {
				return fmt.Errorf("server loaded %d rows of a batch of %d", tag.RowsAffected(), b.rows)
			}
			rows := l.rows.Add(int64(b.rows))
			l.batches.Add(1)
			l.mu.Lock()
			if l.opts.Progress != nil {
				l.opts.Progress(l.counted.n.Load(), rows)
			}
			l.mu.Unlock()
			return nil
		}
		var pgErr *pgconn.PgError
		var m []string
		if errors.As(err, &pgErr) {
			m = copyLine.FindStringSubmatch(pgErr.Where)
		}
		if m == nil {
			return err // not about one row: the load cannot go on
		}
		n, _ := strconv.Atoi(m[1])
		line, ok := b.drop(n)
		if !ok {
			return fmt.Errorf("server blamed line %d of a batch it cannot be in: %w", n, err)
		}
		if err := l.reject(BadRow{Line: line, Err: rowError(pgErr)}); err != nil {
			return err
		}
	}
	return nil
}

// rowError is the server's complaint about one row, without the batch's line number.
func rowError(e *pgconn.PgError) error {
	msg := e.Message
	// CONTEXT is "COPY t, line N", then ", column c" for a bad value, then the quoted value
	// or line, which may hold anything.
	rest := e.Where
	if loc := copyLine.FindStringIndex(rest); loc != nil {
		rest = rest[loc[1]:]
	}
	if col, ok := strings.CutPrefix(rest, ", column "); ok {
		col, _, _ = strings.Cut(col, ": ")
		msg = "column " + col + ": " + msg
	}
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return fmt.Errorf("%s (SQLSTATE %s)", msg, e.Code)
}

// countingReader counts the input bytes read, for progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}
