package fsutil

import (
	"testing"

	"github.com/drovedb/drove/internal/cputime"
)

// BenchmarkCommitHandoffs bounds what a single voter's commit could gain by leaving
// hashicorp/raft's goroutines (tablespace/DESIGN.md, "single voter's commit path"): the same
// 110-byte append and DataSync, made on the caller's goroutine ("inline") or, as a Raft commit
// is, handed to a goroutine that appends and syncs (Raft's leader loop), then to another
// (the FSM goroutine), which answers the caller ("three-hops"). The difference in ns/op,
// cpu-ns/op and ctxsw/op is the hand-offs' own cost around one fdatasync, without Raft's or
// drove's work; it is an upper bound of that part of the gap to SQLite.
func BenchmarkCommitHandoffs(b *testing.B) {
	for _, hops := range []bool{false, true} {
		name := "inline"
		if hops {
			name = "three-hops"
		}
		b.Run(name, func(b *testing.B) {
			const size, rec = 64 << 20, 110
			f := fallocatedSegment(b, size)
			data := make([]byte, rec)
			off := int64(0)
			commit := func() error {
				if off+rec > size {
					off = 0
				}
				if _, err := f.WriteAt(data, off); err != nil {
					return err
				}
				off += rec
				return DataSync(f)
			}
			type req struct{ done chan error }
			applyCh, fsmCh := make(chan req), make(chan req, 1)
			defer close(applyCh)
			go func() { // the leader loop: store (write and sync), then hand to the FSM
				defer close(fsmCh)
				for r := range applyCh {
					err := commit()
					if err != nil {
						r.done <- err
						continue
					}
					fsmCh <- r
				}
			}()
			go func() { // the FSM goroutine: answer the future
				for r := range fsmCh {
					r.done <- nil
				}
			}()
			cpu, sw := cputime.Now(), cputime.Switches()
			for b.Loop() {
				var err error
				if !hops {
					err = commit()
				} else {
					r := req{done: make(chan error, 1)}
					applyCh <- r
					err = <-r.done
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cputime.Now()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(cputime.Switches()-sw)/float64(b.N), "ctxsw/op")
		})
	}
}
