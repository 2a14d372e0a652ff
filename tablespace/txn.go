package tablespace

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/hashicorp/raft"

	"github.com/drovedb/drove/internal/committrace"
	"github.com/drovedb/drove/wal"
)

// Txn is a transaction on the leader: READ COMMITTED reads that also see the transaction's own
// writes, row locks on every row it writes, and a write set that becomes one log entry at
// Commit. A Txn is used by one goroutine at a time.
type Txn struct {
	ts     *Tablespace
	id     uint64
	writes []wal.Mutation
	index  map[string]int // lock id → position in writes
	locks  []string
	arena  []byte // see keep
	done   bool
	// unchecked: the write being recorded was checked as a whole already (Rekey).
	unchecked bool
	// stmtChecks are what the constraint hook left for the end of the statement (a foreign
	// key's actions and NO ACTION checks): StatementEnd runs them, and Commit does for
	// callers that mark no statements (the KV API).
	stmtChecks []func() error
	// Snapshot state (mvcc.go), packed beside done: a Txn per statement is on the hot path.
	repeatable bool   // REPEATABLE READ: the first pin lasts until the transaction ends
	pinned     bool   // a snapshot was pinned (a statement ran)
	lazy       bool   // a READ COMMITTED pin whose snapshot is taken at its first read
	pins       int16  // PinSnapshot calls not yet undone (plus one a repeatable read holds)
	pinSlot    int16  // the registry slot of the pin (fsm.pin); fits beside pins, keeping Txn's size class
	snap       uint64 // the pinned snapshot reads see; latest when none is pinned
	mem        int64  // estimated bytes held by writes, index, arena and locks
	term       uint64 // the leadership term of its first write (replication.go); 0 before
	failed     error  // set when the transaction passed its memory bound: it can only roll back

	lockTimeout time.Duration   // 0: the tablespace's
	readCtx     context.Context // bounds the leadership confirmation of a snapshot (SetContext)
	// deferRead: the leadership confirmation of the transaction's snapshot is made at commit
	// (DeferReadCheck); snapTerm is the leadership term the snapshot was taken in, and
	// readOwed says a snapshot was taken whose confirmation is still due.
	deferRead bool
	readOwed  bool
	snapTerm  uint64
	gates     []enteredGate // tables entered, left at the end
	cursors   *Cursor       // cursors that read pages, linked by nextOpen (cursor.go)
	gateBuf   [2]enteredGate
	// A single-row statement's transaction (the common autocommit write) keeps its write,
	// its lock id and its entry in ts.active here, not in allocations of their own.
	writeBuf [1]wal.Mutation
	lockBuf  [1]string
	act      activeTxn
	sp       *txnSavepoints  // live savepoints and their undo log (savepoint.go); nil without
	view     *stmtView       // the statement-start view reads see (stmtview.go); nil: the latest own writes
	compound bool            // in a compound statement (stmtview.go): the view and the statement-end checks wait for its end
	con      *txnConstraints // own-write indexes of constraint lookups (constraints.go); nil without
	deferral *txnDeferral    // deferred constraint checks (deferred.go); nil without
}

// Begin starts a transaction.
func (ts *Tablespace) Begin() *Txn {
	return &Txn{ts: ts, id: ts.nextTxn.Add(1), snap: latest}
}

// conflict reports ErrSerialization when a repeatable-read transaction writes a row that an
// entry after its snapshot changed.
func (tx *Txn) conflict(t *table, key []byte) error {
	if !tx.repeatable || tx.snap == latest {
		return nil
	}
	t.mu.RLock()
	changed := t.changedSince(string(key), tx.snap)
	t.mu.RUnlock()
	if changed {
		return ErrSerialization
	}
	return nil
}

// lockID names a row for the lock table and the write-set index.
func lockID(table string, key []byte) string {
	b := make([]byte, 0, len(table)+1+len(key))
	b = append(b, table...)
	b = append(b, 0)
	return string(append(b, key...))
}

func (tx *Txn) table(name string) (*table, error) {
	if tx.done {
		return nil, ErrTxnDone
	}
	t := tx.ts.fsm.table(name)
	if t == nil {
		return nil, fmt.Errorf("%w: %q", ErrNoTable, name)
	}
	return t, nil
}

// Get returns the current image of a row, as this transaction sees it. The returned slice
// must not be modified.
func (tx *Txn) Get(table string, key []byte) ([]byte, bool, error) {
	t, err := tx.table(table)
	if err != nil {
		return nil, false, err
	}
	if i, ok := tx.index[lockID(table, key)]; ok {
		if m := tx.visible(i); m != nil {
			return m.Value, m.Op != wal.OpDelete, nil
		}
	}
	if tx.truncated(table) {
		return nil, false, nil
	}
	snap, err := tx.snapshot()
	if err != nil {
		return nil, false, err
	}
	return tx.ts.fsm.getAt(t, key, snap)
}

// GetForUpdate locks the row (even if it does not exist yet) and then reads it, so the image
// the caller computes its update from cannot change before this transaction ends.
//
// It reads the latest committed image, not the snapshot: under READ COMMITTED an update
// applies to the row as the writer before it left it, as in PostgreSQL. Under REPEATABLE
// READ a row committed after the snapshot is ErrSerialization.
func (tx *Txn) GetForUpdate(ctx context.Context, table string, key []byte) ([]byte, bool, error) {
	return tx.getForUpdate(ctx, table, key, tx.rowTimeout())
}

// GetForUpdateNoWait is GetForUpdate that does not wait: a row another transaction has
// locked is ErrLockNotAvailable (SELECT ... FOR UPDATE NOWAIT and SKIP LOCKED).
func (tx *Txn) GetForUpdateNoWait(ctx context.Context, table string, key []byte) ([]byte, bool, error) {
	return tx.getForUpdate(ctx, table, key, -1)
}

func (tx *Txn) getForUpdate(ctx context.Context, table string, key []byte, timeout time.Duration) ([]byte, bool, error) {
	t, err := tx.table(table)
	if err != nil {
		return nil, false, err
	}
	if err := tx.leading(); err != nil {
		return nil, false, err
	}
	if err := tx.rowLock(ctx, table, RowShare, timeout); err != nil {
		return nil, false, err
	}
	id := lockID(table, key)
	if err := tx.lockWaiting(ctx, id, timeout); err != nil {
		return nil, false, err
	}
	if i, ok := tx.index[id]; ok {
		m := &tx.writes[i]
		return m.Value, m.Op != wal.OpDelete, nil
	}
	if tx.truncated(table) {
		return nil, false, nil
	}
	if err := tx.conflict(t, key); err != nil {
		return nil, false, err
	}
	return tx.ts.fsm.get(t, key)
}

// Scan calls fn for every row of table as this transaction sees it, in storage order (no order
// a caller may rely on).
// fn must not keep key or value past the call.
func (tx *Txn) Scan(table string, fn func(key, value []byte) error) error {
	t, err := tx.table(table)
	if err != nil {
		return err
	}
	mine := tx.own(table)
	if !tx.truncated(table) {
		snap, err := tx.snapshot()
		if err != nil {
			return err
		}
		if err := tx.ts.fsm.scanAt(t, snap, func(k, v []byte) error {
			if _, overridden := mine[string(k)]; overridden {
				return nil
			}
			return fn(k, v)
		}); err != nil {
			return err
		}
	}
	for _, i := range mine {
		if m := tx.visible(i); m.Op.HasValue() {
			if err := fn(m.Key, m.Value); err != nil {
				return err
			}
		}
	}
	return nil
}

// ownWrite is where in writes tx (which may be nil) has its own image of the row; ok is
// false when it has none.
func (tx *Txn) ownWrite(table string, key []byte) (i int, ok bool) {
	if tx == nil || tx.index == nil || tx.entered(table) < 0 { // a writer entered the table first
		return 0, false
	}
	i, ok = tx.index[lockID(table, key)]
	return i, ok
}

// own maps the keys of the rows this transaction wrote to table to their place in writes;
// under a statement view (stmtview.go), only those written before the statement.
func (tx *Txn) own(table string) map[string]int {
	var mine map[string]int
	for i := range tx.writes[:tx.visibleWrites()] {
		if m := &tx.writes[i]; m.Table == table && m.Op != wal.OpTruncate {
			if mine == nil {
				mine = make(map[string]int)
			}
			mine[string(m.Key)] = i
		}
	}
	return mine
}

// timeout bounds the transaction's waits for table gates (and row locks unless
// WaitForRowLocks): those have no deadlock detection, so even a transaction that asked to
// wait for ever waits at most the tablespace's LockTimeout for them, a cycle through a table
// lock ending there.
func (tx *Txn) timeout() time.Duration {
	if tx.lockTimeout == 0 || tx.lockTimeout == WaitForRowLocks {
		return tx.ts.opts.LockTimeout
	}
	return tx.lockTimeout
}

// rowTimeout bounds the transaction's waits for row locks: WaitForRowLocks waits until the
// lock is let go, the wait closes a cycle (ErrDeadlock) or ctx ends.
func (tx *Txn) rowTimeout() time.Duration {
	if tx.lockTimeout == WaitForRowLocks {
		return WaitForRowLocks
	}
	return tx.timeout()
}

// WaitForRowLocks is a lock timeout (SetLockTimeout) that waits for a row lock as long as it
// takes, as PostgreSQL with lock_timeout 0: the lock table detects deadlocks, and the
// statement's context (statement_timeout, a cancel) ends the wait. Table gates still wait
// at most the tablespace's LockTimeout (timeout).
const WaitForRowLocks = time.Duration(math.MaxInt64)

func (tx *Txn) lock(ctx context.Context, id string) error {
	return tx.lockWaiting(ctx, id, tx.rowTimeout())
}

// lockWaiting is lock waiting at most timeout (negative: not at all).
func (tx *Txn) lockWaiting(ctx context.Context, id string, timeout time.Duration) error {
	taken, err := tx.ts.locks.acquire(ctx, tx.id, id, timeout)
	if err != nil {
		return err
	}
	if taken {
		if len(tx.locks) == 0 {
			a := &tx.act
			if a.id != 0 { // stored before (a savepoint released every lock): a reader may hold it
				a = new(activeTxn)
			}
			*a = activeTxn{id: tx.id, started: time.Now()}
			tx.ts.active.Store(tx.id, a)
			if tx.locks == nil {
				tx.locks = tx.lockBuf[:0]
			}
		}
		tx.locks = append(tx.locks, id)
		return tx.reserve(int64(len(id)) + lockOverhead)
	}
	return nil
}

// Estimated heap bytes beyond the row's own bytes: a held lock (its lock-table entry and its
// place in tx.locks), and a write-set entry (a wal.Mutation in a slice that grows by
// doubling, and its index map entry). Measured with BenchmarkTxnInsert's B/op.
const (
	lockOverhead  = 80
	writeOverhead = 160
)

// reserve accounts n more bytes to the transaction, failing it once it passes its bound.
func (tx *Txn) reserve(n int64) error {
	if tx.failed != nil {
		return tx.failed
	}
	limit := tx.ts.opts.MaxTxnMemory
	if limit > 0 && tx.mem+n > limit {
		tx.failed = fmt.Errorf("%w: its writes would hold more than %d bytes", ErrTxnMemory, limit)
		return tx.failed
	}
	tx.mem += n
	return nil
}

// write locks the row, checks that its existence is what op needs, and records the image.
func (tx *Txn) write(ctx context.Context, op wal.Op, table string, key, value []byte) error {
	t, err := tx.table(table)
	if err != nil {
		return err
	}
	if err := tx.leading(); err != nil {
		return err
	}
	if err := tx.admitted(table, t); err != nil {
		return err
	}
	if err := tx.rowLock(ctx, table, RowExclusive, tx.timeout()); err != nil {
		return err
	}
	id := lockID(table, key)
	if err := tx.lock(ctx, id); err != nil {
		return err
	}
	i, mine := tx.index[id]
	var exists bool
	var old []byte
	if mine {
		exists = tx.writes[i].Op != wal.OpDelete
		old = tx.writes[i].Value
	} else if tx.truncated(table) {
		exists = false
	} else if err = tx.conflict(t, key); err != nil {
		return err
	} else if old, exists, err = tx.ts.fsm.get(t, key); err != nil {
		return err
	}
	switch {
	case op == wal.OpInsert && exists:
		return ErrDuplicateKey
	case op != wal.OpInsert && !exists:
		return ErrNoRow
	}
	if !t.constrained() || tx.unchecked {
		return tx.record(op, id, i, mine, table, key, value)
	}
	if err := tx.check(ctx, t, op, table, key, old, value); err != nil {
		return err
	}
	i, mine = tx.index[id] // the check's lookups may have written (a self-referencing table's)
	return tx.record(op, id, i, mine, table, key, value)
}

// record adds a row image to the write set, or replaces the one the transaction already has
// for the row (at i, when mine). A replaced image keeps saying whether the key is new to the
// committed table: the apply path refuses an insert of a key it already has.
func (tx *Txn) record(op wal.Op, id string, i int, mine bool, table string, key, value []byte) error {
	need := int64(len(key) + len(value))
	if !mine {
		need += int64(len(id)) + writeOverhead
	}
	if err := tx.reserve(need); err != nil {
		return err
	}
	m := wal.Mutation{Op: op, Table: table, Key: tx.keep(key)}
	if op != wal.OpDelete {
		m.Value = tx.keep(value)
	}
	if mine {
		if tx.sp != nil {
			tx.saveImage(i)
		}
		if tx.view != nil {
			tx.view.save(i, tx.writes[i])
		}
		if tx.con != nil {
			tx.con.dirty = append(tx.con.dirty, i)
		}
		if op != wal.OpDelete {
			m.Op = wal.OpUpdate
			if tx.writes[i].Op == wal.OpInsert {
				m.Op = wal.OpInsert
			}
		}
		tx.writes[i] = m
		return nil
	}
	if tx.index == nil {
		tx.index = make(map[string]int)
	}
	tx.index[id] = len(tx.writes)
	if tx.writes == nil {
		tx.writes = tx.writeBuf[:0]
	}
	tx.writes = append(tx.writes, m)
	return nil
}

// Load inserts a row without locking it or reading the committed table: bulk loads would
// otherwise pay a lock and a lookup per row and wait on every apply. Whether the key is new
// is decided when the log entry is applied, which refuses the whole transaction with a
// *DuplicateKeyError naming the row; a key repeated within the transaction is
// ErrDuplicateKey at once. A concurrent locked insert of the same key makes one of the two
// fail with a duplicate key, as it would have with the lock.
func (tx *Txn) Load(table string, key, value []byte) error {
	t, err := tx.table(table)
	if err != nil {
		return err
	}
	if err := tx.leading(); err != nil {
		return err
	}
	if err := tx.admitted(table, t); err != nil {
		return err
	}
	if err := tx.rowLock(context.Background(), table, RowExclusive, tx.timeout()); err != nil {
		return err
	}
	id := lockID(table, key)
	i, mine := tx.index[id]
	if mine && tx.writes[i].Op != wal.OpDelete {
		return ErrDuplicateKey
	}
	if t.constrained() {
		if err := tx.check(tx.readCtx, t, wal.OpInsert, table, key, nil, value); err != nil {
			return err // an insert has no after: nothing references a new row
		}
		i, mine = tx.index[id]
	}
	return tx.record(wal.OpInsert, id, i, mine, table, key, value)
}

// arenaChunk is the largest block a transaction copies its row images into: one allocation
// per many rows instead of two per row. Blocks start small and double, so a one-row
// transaction (the common autocommit case) does not allocate and clear a whole chunk.
const arenaChunk = 64 << 10

// keep copies b into the transaction's arena. The copy lives as long as the transaction.
func (tx *Txn) keep(b []byte) []byte {
	if len(b) > arenaChunk/4 {
		return append([]byte(nil), b...)
	}
	if cap(tx.arena)-len(tx.arena) < len(b) {
		size := min(max(2*cap(tx.arena), 256, 2*len(b)), arenaChunk)
		tx.arena = make([]byte, 0, size)
	}
	start := len(tx.arena)
	tx.arena = append(tx.arena, b...)
	return tx.arena[start:len(tx.arena):len(tx.arena)]
}

// Insert adds a row; ErrDuplicateKey if the key exists.
func (tx *Txn) Insert(ctx context.Context, table string, key, value []byte) error {
	return tx.write(ctx, wal.OpInsert, table, key, value)
}

// Update replaces an existing row; ErrNoRow if the key does not exist.
func (tx *Txn) Update(ctx context.Context, table string, key, value []byte) error {
	return tx.write(ctx, wal.OpUpdate, table, key, value)
}

// Delete removes an existing row; ErrNoRow if the key does not exist.
func (tx *Txn) Delete(ctx context.Context, table string, key []byte) error {
	return tx.write(ctx, wal.OpDelete, table, key, nil)
}

// SetLockTimeout bounds this transaction's lock waits; 0 means the tablespace's LockTimeout,
// WaitForRowLocks no bound on row locks.
func (tx *Txn) SetLockTimeout(d time.Duration) { tx.lockTimeout = d }

// Writes is the number of rows written so far.
func (tx *Txn) Writes() int { return len(tx.writes) }

// AtStatementEnd registers a check to run when the current statement ends (StatementEnd),
// or at the latest before the transaction commits.
func (tx *Txn) AtStatementEnd(fn func() error) { tx.stmtChecks = append(tx.stmtChecks, fn) }

// StatementEnd runs the checks registered since the last statement ended, in order, and
// forgets them: the first error is the statement's. A check may write (a foreign key's
// cascade), and what those writes register runs after it in the same loop, as PostgreSQL
// queues the triggers its RI actions fire behind the ones still to run.
func (tx *Txn) StatementEnd() error {
	if tx.compound {
		return nil // the compound statement's end runs them (EndCompoundStatement)
	}
	for len(tx.stmtChecks) > 0 {
		checks := tx.stmtChecks
		tx.stmtChecks = nil
		for _, fn := range checks {
			if err := fn(); err != nil {
				tx.stmtChecks = nil
				return err
			}
		}
	}
	return nil
}

// Commit appends the write set to the log as one entry and returns once it is applied, which
// on a quorum-replicated, fsynced log means durable. Locks are held until then.
func (tx *Txn) Commit(ctx context.Context) error {
	if tx.done {
		return ErrTxnDone
	}
	if tx.failed != nil {
		tx.finish()
		return tx.failed
	}
	if err := tx.StatementEnd(); err != nil {
		tx.finish()
		return err
	}
	if err := tx.RunDeferred(ctx, nil); err != nil {
		tx.finish()
		return err
	}
	if len(tx.writes) == 0 {
		defer tx.finish()
		return tx.confirmReads(ctx)
	}
	err := tx.commit(ctx)
	if settled := settledLater(err); settled != nil {
		tx.finishAfter(settled) // the entry may still apply: keep its rows locked until it settles
	} else {
		tx.finish()
	}
	return err
}

// commit appends the write set (Commit without the release of the transaction's state).
func (tx *Txn) commit(ctx context.Context) error {
	// Its locks and the state it read were this replica's as leader in tx.term (and its
	// snapshot's, snapTerm): under any other leadership they mean nothing, so the
	// transaction must not reach the log.
	if term := tx.ts.leaderTerm(); term == 0 || term != tx.term || (tx.snapTerm != 0 && tx.snapTerm != term) {
		return tx.ts.notLeader()
	}
	observe := tx.ts.opts.ObserveCommit
	var start time.Time
	if observe != nil {
		start = time.Now()
	}
	e := &wal.Entry{Kind: wal.KindTxn, TxID: tx.id, Mutations: tx.writes}
	var err error
	if size := wal.EncodedSize(e); size > tx.ts.opts.MaxEntryBytes {
		err = tx.commitChunked(ctx)
	} else {
		err = tx.ts.proposeSized(ctx, e, size)
	}
	if err == nil && observe != nil {
		observe(time.Since(start))
	}
	return err
}

// confirmReads makes the deferred leadership confirmation of a transaction that wrote nothing
// (DeferReadCheck): still the leader, in the term its snapshot was taken in.
func (tx *Txn) confirmReads(ctx context.Context) error {
	if !tx.readOwed {
		return nil
	}
	if err := tx.ts.VerifyLeader(ctx); err != nil {
		return err
	}
	if tx.ts.leaderTerm() != tx.snapTerm {
		return tx.ts.notLeader()
	}
	return nil
}

// Rollback discards the write set and releases the locks. It is safe to call after Commit.
func (tx *Txn) Rollback() {
	if !tx.done {
		tx.finish()
	}
}

func (tx *Txn) finish() {
	tx.finishAfter(nil)
}

// finishAfter ends the transaction now and releases its row locks and table gates once
// settled closes (at once if nil).
func (tx *Txn) finishAfter(settled <-chan struct{}) {
	tx.done = true
	if tx.pins > 0 {
		tx.pins = 1
		tx.UnpinSnapshot()
	}
	if tx.cursors != nil {
		tx.closeCursors(true)
	}
	ts, id, locks, gates := tx.ts, tx.id, tx.locks, tx.gates
	tx.gates, tx.sp, tx.con = nil, nil, nil
	tx.writes, tx.index, tx.locks, tx.arena = nil, nil, nil, nil
	if settled == nil {
		ts.releaseTxn(id, locks, gates)
		return
	}
	go func() {
		<-settled
		ts.releaseTxn(id, locks, gates)
	}()
}

// releaseTxn releases a finished transaction's row locks and table gates.
func (ts *Tablespace) releaseTxn(id uint64, locks []string, gates []enteredGate) {
	if len(locks) > 0 {
		ts.active.Delete(id)
	}
	ts.locks.release(id, locks)
	for _, g := range gates {
		if g.modes != 0 {
			g.g.unlockModes(id, g.modes)
		}
		g.g.leave()
		if g.g.holder.Load() == id || g.g.locker.Load() == id { // its TRUNCATE's or LOCK's
			g.g.open()
		}
	}
}

// propose appends an entry to the log and waits until it is applied, returning the FSM's
// verdict for it.
func (ts *Tablespace) propose(ctx context.Context, e *wal.Entry) error {
	return ts.proposeSized(ctx, e, wal.EncodedSize(e))
}

// proposeSized is propose for a caller that already knows the entry's encoded size.
func (ts *Tablespace) proposeSized(_ context.Context, e *wal.Entry, size int) error {
	if err := ts.writable(); err != nil {
		return err
	}
	if err := ts.logDB.Writable(); err != nil {
		return err // the log is full: fail now rather than queue behind Raft
	}
	return ts.apply(e, size)
}

// proposeRelease is propose for an entry that only releases state (the abort of a chunked
// transaction's held-back chunks): it goes to the log even when writers are refused for a
// full disk, as the log's reserve is there for such entries.
func (ts *Tablespace) proposeRelease(e *wal.Entry) error {
	if ts.closed.Load() {
		return ErrClosed
	}
	return ts.apply(e, wal.EncodedSize(e))
}

// transferPoll is how often a commit refused by a leadership transfer tries again.
const transferPoll = 10 * time.Millisecond

func (ts *Tablespace) apply(e *wal.Entry, size int) error {
	data := wal.AppendEntry(make([]byte, 0, size), e)
	term := ts.leaderTerm() // the caller checked its transaction's term just before
	if committrace.Enabled {
		committrace.Mark(committrace.Apply, committrace.DataID(data), 0)
		defer committrace.Mark(committrace.Answered, committrace.DataID(data), 0)
	}
	if d := ts.direct; d != nil {
		return d.commit(data)
	}
	f := ts.raft.Apply(data, ts.opts.ApplyTimeout)
	// A leadership transfer refuses entries without appending them until it ends: wait it
	// out, so a transfer (a 'leader:' placement, a replica moved off this node) does not fail
	// the commits that arrive meanwhile. If the transfer succeeded the next attempt is refused
	// as not-leader, still never appended; a retry only goes out in the same leadership term,
	// where the transaction's locks still hold. The wait has no deadline of its own: Raft
	// ends every transfer (an election timeout to catch the target up and send it TimeoutNow,
	// whose RPC it cannot abort and waits for — up to the transport's deadline — then up to
	// another election timeout for the target's election), and a bound shorter than that
	// refused commits as not-leader while this replica still led
	// (TestCommitWaitsOutASlowFailedTransfer).
	err := ts.awaitApply(f)
	for errors.Is(err, raft.ErrLeadershipTransferInProgress) && !ts.closed.Load() {
		time.Sleep(transferPoll)
		if ts.leaderTerm() != term {
			return ts.notLeader()
		}
		f = ts.raft.Apply(data, ts.opts.ApplyTimeout)
		err = ts.awaitApply(f)
	}
	if err != nil {
		if settledLater(err) != nil {
			return err
		}
		if lerr := ts.logDB.Writable(); lerr != nil {
			return lerr // Raft stepped down because the append failed; say why
		}
		// The future's index is set when the leader appends the entry to its log (a future
		// refused before that, Raft's errorFuture, has none).
		return ts.applyError(err, f.Index() != 0)
	}
	if err, ok := f.Response().(error); ok && err != nil {
		return err
	}
	return nil
}

// applyError says what a failed raft.Apply means for the transaction; appended tells
// whether the entry had reached the leader's log.
func (ts *Tablespace) applyError(err error, appended bool) error {
	switch {
	case errors.Is(err, raft.ErrLeadershipLost):
		// The entry was in the leader's log: a new leader may or may not commit it.
		return fmt.Errorf("%w: %v", ErrOutcomeUnknown, err)
	case errors.Is(err, raft.ErrNotLeader), errors.Is(err, raft.ErrLeadershipTransferInProgress):
		return fmt.Errorf("%w: %v", ErrNotLeader, err) // never appended
	case errors.Is(err, raft.ErrRaftShutdown) && appended:
		// Raft shut down after appending the entry (it even answers so for entries it had
		// committed but not yet applied): the entry may be in the log a restart replays.
		return fmt.Errorf("%w: %v", ErrOutcomeUnknown, err)
	case errors.Is(err, raft.ErrRaftShutdown):
		return ErrClosed
	}
	return fmt.Errorf("tablespace %s: log append: %w", ts.opts.Name, err)
}
