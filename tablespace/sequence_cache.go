package tablespace

import (
	"context"
	"sync"
	"time"
)

// The leader's blocks of sequence values. A nextval that finds no usable block reserves one:
// it commits the block's last value as the sequence's durable state (one log entry), then
// hands the block's values out from memory. A block is PostgreSQL's prefetch of log_cnt:
// CACHE + 32 values, so a sequence costs one log entry per 33 nextvals by default. A block
// used up quickly (a bulk INSERT into a serial table) makes the next one twice as large, up
// to maxSeqBlock, so a load of a million rows commits a few dozen reservations rather than
// 30,000; the price is a larger gap after a crash or failover.
//
// A block belongs to the leadership term it was reserved in: on a new term (this replica
// lost the lead and won it back, another leader may have changed the sequence meanwhile)
// it is dropped and the next nextval reserves above the durable mark again.

const (
	seqPrefetch    = 32      // PostgreSQL's SEQ_LOG_VALS
	maxSeqBlock    = 1 << 16 // the largest block a busy sequence reserves
	seqFastBlock   = 20 * time.Millisecond
	maxSeqBlockGap = 1 << 40 // a CACHE beyond this is taken as this
)

// seqCache is this replica's block of one sequence. mu also serializes every change this
// replica makes to the sequence's row, so a reservation never races an ALTER or setval.
type seqCache struct {
	mu        sync.Mutex
	valid     bool   // next..blockLast are reserved and not yet handed out
	term      uint64 // the leadership term they were reserved in
	inc       int64
	next      int64 // the next value to hand out
	blockLast int64 // the block's last value: the durable mark
	handed    int64 // the last value handed out
	size      int64 // values in the last block reserved
	reserved  time.Time
}

func (ts *Tablespace) seqCache(name string) *seqCache {
	if v, ok := ts.seqs.Load(name); ok {
		return v.(*seqCache)
	}
	v, _ := ts.seqs.LoadOrStore(name, &seqCache{})
	return v.(*seqCache)
}

func (c *seqCache) reset() { c.valid, c.size = false, 0 }

func (c *seqCache) usable(ts *Tablespace) bool {
	return c.valid && c.term != 0 && c.term == ts.leaderTerm()
}

// left is how many values the block still holds.
func (c *seqCache) left() int64 {
	if !c.valid {
		return 0
	}
	if c.inc > 0 {
		return int64((uint64(c.blockLast)-uint64(c.next))/uint64(c.inc)) + 1
	}
	return int64((uint64(c.next)-uint64(c.blockLast))/(-uint64(c.inc))) + 1
}

// take hands out the block's next value.
func (c *seqCache) take() int64 {
	v := c.next
	c.handed = v
	if v == c.blockLast {
		c.valid = false
	} else {
		c.next = v + c.inc // at most blockLast: no overflow
	}
	return v
}

// blockSize is how many values the next block reserves.
func (c *seqCache) blockSize(cache int64) int64 {
	base := min(cache, maxSeqBlockGap) + seqPrefetch
	if c.size >= base && time.Since(c.reserved) < seqFastBlock {
		return max(base, min(c.size*2, maxSeqBlock))
	}
	return base
}

// NextVal returns the sequence's next value (ErrNoSequence, *SequenceLimitError). It is
// never undone and never handed out again, on this replica or any other.
func (ts *Tablespace) NextVal(ctx context.Context, name string) (int64, error) {
	c := ts.seqCache(name)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.usable(ts) {
		return c.take(), nil
	}
	c.valid = false
	term := ts.leaderTerm()
	var first, last int64
	err := ts.updateSequence(ctx, name, func(r *seqRow) error {
		var err error
		if first, err = r.def.following(r.last, r.called); err != nil {
			return err
		}
		last = r.def.blockEnd(first, c.blockSize(r.def.Cache))
		r.last, r.called = last, true
		c.inc = r.def.Increment
		return nil
	})
	if err != nil {
		return 0, err
	}
	if term != ts.leaderTerm() { // reserved, but in a later term than checked: use it once
		return first, nil
	}
	c.valid, c.term, c.next, c.blockLast = true, term, first, last
	c.size = c.left()
	c.reserved = time.Now()
	return c.take(), nil
}

// following is the value nextval returns after a state of (last, called).
func (d *Sequence) following(last int64, called bool) (int64, error) {
	if !called {
		return last, nil
	}
	if d.Increment > 0 {
		if uint64(d.Max)-uint64(last) < uint64(d.Increment) || last > d.Max {
			if !d.Cycle {
				return 0, &SequenceLimitError{Name: d.Name, Max: true, Bound: d.Max}
			}
			return d.Min, nil
		}
		return last + d.Increment, nil
	}
	if uint64(last)-uint64(d.Min) < -uint64(d.Increment) || last < d.Min {
		if !d.Cycle {
			return 0, &SequenceLimitError{Name: d.Name, Bound: d.Min}
		}
		return d.Max, nil
	}
	return last + d.Increment, nil
}

// blockEnd is the last value of a block of at most n values starting at first: fewer if
// the sequence ends sooner. Differences are taken as unsigned, as a bigint sequence's range
// does not fit an int64.
func (d *Sequence) blockEnd(first, n int64) int64 {
	steps := uint64(n - 1)
	if d.Increment > 0 {
		steps = min(steps, (uint64(d.Max)-uint64(first))/uint64(d.Increment))
		return int64(uint64(first) + steps*uint64(d.Increment))
	}
	steps = min(steps, (uint64(first)-uint64(d.Min))/(-uint64(d.Increment)))
	return int64(uint64(first) - steps*(-uint64(d.Increment)))
}

// returnSequenceBlocks gives back, at a clean close, the values of this leader's blocks that
// were never handed out, so a sequence continues after a clean restart where it stopped (as
// PostgreSQL's does); only a crash or a failover leaves a gap. It is one small entry per
// sequence used, and best effort: an error (not leading, a full disk) leaves the gap.
func (ts *Tablespace) returnSequenceBlocks() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	ts.seqs.Range(func(k, v any) bool {
		c := v.(*seqCache)
		c.mu.Lock()
		defer c.mu.Unlock()
		if !c.usable(ts) || c.handed == c.blockLast {
			return ctx.Err() == nil
		}
		handed, mark := c.handed, c.blockLast
		c.reset()
		err := ts.updateSequence(ctx, k.(string), func(r *seqRow) error {
			if r.last == mark {
				r.last, r.called = handed, true
			}
			return nil
		})
		if err != nil {
			ts.log.Warn("could not give back a sequence's unused values; they will be skipped", "sequence", k, "err", err)
		}
		return ctx.Err() == nil
	})
}
