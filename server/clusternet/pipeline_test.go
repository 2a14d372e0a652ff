package clusternet

import (
	"errors"
	"io"
	"net"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/raft"
)

// TestObservedPipeline: answers come back in order through Consumer, each success passed to
// observe before Raft can take it, an answer with an error not observed and failing its
// future, and a closed pipeline refusing to send.
func TestObservedPipeline(t *testing.T) {
	ms := newMuxes(t, 2, nil, nil)
	recv := ms[1].Transport("g")
	send := ms[0].Transport("g")
	var mu sync.Mutex
	var observed []uint64
	p, err := send.ObservedPipeline("n2", raft.ServerAddress(ms[1].Addr()),
		func(args *raft.AppendEntriesRequest, resp *raft.AppendEntriesResponse) {
			mu.Lock()
			observed = append(observed, args.PrevLogEntry)
			mu.Unlock()
		})
	if err != nil {
		t.Fatal(err)
	}
	go func() { // Raft on the receiving node: fails the request after 30, answers the others
		for rpc := range recv.Consumer() {
			a := rpc.Command.(*raft.AppendEntriesRequest)
			var err error
			if a.PrevLogEntry == 30 {
				err = errors.New("refused")
			}
			rpc.Respond(&raft.AppendEntriesResponse{Term: a.Term, Success: err == nil,
				LastLog: a.PrevLogEntry + uint64(len(a.Entries))}, err)
		}
	}()
	// gaps between them, so the receiver never merges them (TestReceiverCoalesces does)
	reqs := []*raft.AppendEntriesRequest{ae(3, 10, 2, 1, 3, 9), ae(3, 20, 3, 1, 3, 10), ae(3, 30, 3, 1, 3, 11), ae(3, 40, 3, 1, 3, 11)}
	go func() {
		for _, r := range reqs {
			if _, err := p.AppendEntries(r, &raft.AppendEntriesResponse{}); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for i, r := range reqs {
		var f raft.AppendFuture
		select {
		case f = <-p.Consumer():
		case <-time.After(5 * time.Second):
			t.Fatalf("no answer %d", i)
		}
		if f.Request() != r {
			t.Fatalf("answer %d is for request %d..., want %d...", i, f.Request().PrevLogEntry, r.PrevLogEntry)
		}
		mu.Lock()
		seen := slices.Contains(observed, r.PrevLogEntry)
		mu.Unlock()
		if failed := r.PrevLogEntry == 30; failed {
			if f.Error() == nil || seen || f.Response().Success {
				t.Fatalf("refused request: error %v, observed %v, %+v", f.Error(), seen, f.Response())
			}
			continue
		}
		if f.Error() != nil || !f.Response().Success || f.Response().LastLog != r.PrevLogEntry+1 || !seen {
			t.Fatalf("answer %d: error %v, %+v, observed before Raft got it: %v", i, f.Error(), f.Response(), seen)
		}
	}
	mu.Lock()
	if len(observed) != 3 {
		t.Fatalf("observed %v", observed)
	}
	mu.Unlock()
	p.Close()
	if _, err := p.AppendEntries(ae(3, 50, 3, 1, 3, 11), &raft.AppendEntriesResponse{}); err == nil {
		t.Fatal("a closed pipeline sent")
	}
}

// TestPipelineToOlderNode: a node that does not know the binary AppendEntries connection
// closes it at its header (as readHeader did before kindRaftAppends). The dial fails saying
// so; the pipeline answers raft.ErrPipelineReplicationNotSupported, so Raft replicates with its
// msgpack RPCs, which every version speaks, and does not dial again (Raft asks for a pipeline
// after every successful AppendEntries) until olderPeerRetry has passed.
func TestPipelineToOlderNode(t *testing.T) {
	ms := newMuxes(t, 1, nil, nil)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	var mu sync.Mutex
	dials := 0
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			var pre [fixedPrefix]byte
			_, _ = io.ReadFull(c, pre[:])
			if pre[5] != byte(kindRaftAppends) {
				t.Errorf("header kind %d, want %d", pre[5], kindRaftAppends)
			}
			mu.Lock()
			dials++
			mu.Unlock()
			c.Close() // an older node: errBadKind closes without an ack
		}
	}()
	tr := ms[0].Transport("g")
	target := raft.ServerAddress(l.Addr().String())
	_, err = tr.sl.dialKind(target, 5*time.Second, kindRaftAppends)
	if !errors.Is(err, errOlderPeer) || !strings.Contains(err.Error(), "a drove older than this one") {
		t.Fatalf("dial: got %v, want it to name an older node", err)
	}
	for range 3 {
		if _, err := tr.AppendEntriesPipeline("old", target); err != raft.ErrPipelineReplicationNotSupported {
			t.Fatalf("got %v, want raft.ErrPipelineReplicationNotSupported", err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if dials != 2 { // the direct dial above and the first pipeline
		t.Fatalf("%d dials, want 2", dials)
	}
}
