package clusternet

import (
	"bufio"
	"errors"
	"net"
	"reflect"
	"testing"
	"time"

	"github.com/hashicorp/go-msgpack/v2/codec"
	"github.com/hashicorp/raft"
)

// ae builds an AppendEntries of leader "n1" in term after prev (index, term) carrying entries
// of entryTerm numbered from prev+1, with commit index commit.
func ae(term, prevIdx, prevTerm uint64, n int, entryTerm, commit uint64) *raft.AppendEntriesRequest {
	r := &raft.AppendEntriesRequest{
		RPCHeader: raft.RPCHeader{ProtocolVersion: raft.ProtocolVersionMax, ID: []byte("n1"), Addr: []byte("a1")},
		Term:      term, PrevLogEntry: prevIdx, PrevLogTerm: prevTerm, LeaderCommitIndex: commit,
	}
	for i := range n {
		r.Entries = append(r.Entries, &raft.Log{Index: prevIdx + 1 + uint64(i), Term: entryTerm, Data: []byte{byte(i)}})
	}
	return r
}

func heartbeat(term uint64) *raft.AppendEntriesRequest {
	return &raft.AppendEntriesRequest{RPCHeader: raft.RPCHeader{ID: []byte("n1"), Addr: []byte("a1")}, Term: term}
}

func TestCoalesceRules(t *testing.T) {
	otherLeader := ae(3, 12, 3, 1, 3, 10)
	otherLeader.RPCHeader.ID = []byte("n2")
	gapInside := ae(3, 12, 3, 2, 3, 10)
	gapInside.Entries[1].Index++
	for _, c := range []struct {
		name       string
		prev, next *raft.AppendEntriesRequest
		want       bool
	}{
		{"continues", ae(3, 10, 2, 2, 3, 9), ae(3, 12, 3, 1, 3, 10), true},
		{"commit only after entries", ae(3, 10, 2, 2, 3, 9), ae(3, 12, 3, 0, 0, 12), true},
		{"after an empty one", ae(3, 12, 3, 0, 0, 9), ae(3, 12, 3, 2, 3, 10), true},
		{"gap", ae(3, 10, 2, 2, 3, 9), ae(3, 13, 3, 1, 3, 10), false},
		{"overlap", ae(3, 10, 2, 2, 3, 9), ae(3, 11, 3, 1, 3, 10), false},
		{"prev term differs", ae(3, 10, 2, 2, 3, 9), ae(3, 12, 2, 1, 3, 10), false},
		{"term change", ae(3, 10, 2, 2, 3, 9), ae(4, 12, 3, 1, 4, 10), false},
		{"other leader", ae(3, 10, 2, 2, 3, 9), otherLeader, false},
		{"entries not numbered after prev", ae(3, 10, 2, 2, 3, 9), gapInside, false},
		{"heartbeat", ae(3, 10, 2, 2, 3, 9), heartbeat(3), false},
	} {
		got := coalescable(c.prev) && coalescable(c.next) && continues(c.prev, c.next)
		if got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestMergeAppends(t *testing.T) {
	a, b, c := ae(3, 10, 2, 2, 3, 9), ae(3, 12, 3, 0, 0, 11), ae(3, 12, 3, 3, 3, 10)
	m := mergeAppends([]*raft.AppendEntriesRequest{a, b, c})
	if m.PrevLogEntry != 10 || m.PrevLogTerm != 2 || m.Term != 3 || m.LeaderCommitIndex != 11 {
		t.Fatalf("merged header %+v", m)
	}
	var idx []uint64
	for _, e := range m.Entries {
		idx = append(idx, e.Index)
	}
	if !reflect.DeepEqual(idx, []uint64{11, 12, 13, 14, 15}) {
		t.Fatalf("merged entries %v", idx)
	}
	if len(a.Entries) != 2 || a.LeaderCommitIndex != 9 {
		t.Fatal("the first request was modified")
	}
	if mergeAppends([]*raft.AppendEntriesRequest{a}) != a {
		t.Fatal("a single request is not passed as is")
	}
}

// rawPeer writes requests to a group's receiver the way NetworkTransport does (msgpack), or
// the way ObservedPipeline does (binary, on a kindRaftAppends connection), and reads the
// answers.
type rawPeer struct {
	c      net.Conn
	w      *bufio.Writer
	enc    *codec.Encoder
	r      *bufio.Reader
	binary bool
}

func dialRaw(t *testing.T, from, to *Mux, group string, k kind) *rawPeer {
	t.Helper()
	from.Transport(group)
	from.mu.Lock()
	sl := from.groups[group]
	from.mu.Unlock()
	c, err := sl.dialKind(raft.ServerAddress(to.Addr()), 5*time.Second, k)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	w := bufio.NewWriter(c)
	return &rawPeer{c: c, w: w, enc: codec.NewEncoder(w, &codec.MsgpackHandle{}),
		r: bufio.NewReader(c), binary: k == kindRaftAppends}
}

func (p *rawPeer) send(t *testing.T, reqs ...*raft.AppendEntriesRequest) {
	t.Helper()
	for _, r := range reqs {
		if p.binary {
			if _, err := p.w.Write(first(encodeRequestFrame(nil, r))); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := p.w.WriteByte(rpcAppendEntries); err != nil {
			t.Fatal(err)
		}
		if err := p.enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func (p *rawPeer) recv(t *testing.T) (string, raft.AppendEntriesResponse) {
	t.Helper()
	_ = p.c.SetReadDeadline(time.Now().Add(5 * time.Second))
	var errStr string
	var resp raft.AppendEntriesResponse
	if p.binary {
		body, err := readFrame(p.r)
		if err == nil {
			errStr, err = decodeResponse(body, &resp)
		}
		if err != nil {
			t.Fatal(err)
		}
		return errStr, resp
	}
	dec := codec.NewDecoder(p.r, &codec.MsgpackHandle{}) // fresh: a decoder keeps a read error
	if err := dec.Decode(&errStr); err != nil {
		t.Fatal(err)
	}
	if err := dec.Decode(&resp); err != nil {
		t.Fatal(err)
	}
	return errStr, resp
}

// nextRPC is the next AppendEntries the receiver hands Raft.
func nextRPC(t *testing.T, tr *Transport) (raft.RPC, *raft.AppendEntriesRequest) {
	t.Helper()
	select {
	case rpc := <-tr.Consumer():
		return rpc, rpc.Command.(*raft.AppendEntriesRequest)
	case <-time.After(5 * time.Second):
		t.Fatal("no RPC handed to Raft")
	}
	panic("unreachable")
}

// span describes a request Raft got: its previous index, its entries' indexes and commit.
func span(a *raft.AppendEntriesRequest) []uint64 {
	s := []uint64{a.Term, a.PrevLogEntry}
	for _, e := range a.Entries {
		s = append(s, e.Index)
	}
	return append(s, a.LeaderCommitIndex)
}

// TestReceiverCoalesces sends a first AppendEntries, holds Raft's answer until the others
// are on the connection, and checks what Raft is handed next and the answers the
// sender reads: one per request, in order, each the answer of the request it was part of.
// NetworkTransport's own receiver hands Raft every request separately (this fails with it).
// Both encodings: NetworkTransport's msgpack and drove's binary pipeline connection.
func TestReceiverCoalesces(t *testing.T) {
	for _, k := range []kind{kindRaft, kindRaftAppends} {
		t.Run(k.String(), func(t *testing.T) { testReceiverCoalesces(t, k) })
	}
}

func testReceiverCoalesces(t *testing.T, k kind) {
	type handed struct {
		span []uint64 // term, prev index, entry indexes..., commit
		fail bool     // Raft answers it unsuccessful, with an error
	}
	for _, c := range []struct {
		name string
		rest []*raft.AppendEntriesRequest // sent while Raft handles the first
		hbs  int                          // heartbeats among them (fast path)
		raft []handed                     // what Raft is handed after the first
		ok   []bool                       // the answers to rest (heartbeats excluded)
	}{
		{
			name: "contiguous merged, commit is the max",
			rest: []*raft.AppendEntriesRequest{ae(3, 12, 3, 2, 3, 11), ae(3, 14, 3, 1, 3, 12), ae(3, 15, 3, 0, 0, 14)},
			raft: []handed{{span: []uint64{3, 12, 13, 14, 15, 14}}},
			ok:   []bool{true, true, true},
		},
		{
			name: "gap splits",
			rest: []*raft.AppendEntriesRequest{ae(3, 12, 3, 2, 3, 11), ae(3, 15, 3, 1, 3, 12), ae(3, 16, 3, 1, 3, 12)},
			raft: []handed{{span: []uint64{3, 12, 13, 14, 11}}, {span: []uint64{3, 15, 16, 17, 12}}},
			ok:   []bool{true, true, true},
		},
		{
			name: "term change splits",
			rest: []*raft.AppendEntriesRequest{ae(3, 12, 3, 1, 3, 11), ae(4, 13, 3, 1, 4, 11), ae(4, 14, 4, 1, 4, 11)},
			raft: []handed{{span: []uint64{3, 12, 13, 11}}, {span: []uint64{4, 13, 14, 15, 11}}},
			ok:   []bool{true, true, true},
		},
		{
			name: "failure answered to every merged request",
			rest: []*raft.AppendEntriesRequest{ae(3, 12, 3, 1, 3, 11), ae(3, 13, 3, 1, 3, 11), ae(3, 14, 3, 1, 3, 11)},
			raft: []handed{{span: []uint64{3, 12, 13, 14, 15, 11}, fail: true}},
			ok:   []bool{false, false, false},
		},
		{
			name: "heartbeat interleaved is not merged",
			rest: []*raft.AppendEntriesRequest{ae(3, 12, 3, 1, 3, 11), ae(3, 13, 3, 1, 3, 11), heartbeat(3), ae(3, 14, 3, 1, 3, 11), ae(3, 15, 3, 1, 3, 11)},
			hbs:  1,
			raft: []handed{{span: []uint64{3, 12, 13, 14, 11}}, {span: []uint64{3, 14, 15, 16, 11}}},
			ok:   []bool{true, true, true, true},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			ms := newMuxes(t, 2, nil, nil)
			tr := ms[1].Transport("g")
			hbs := make(chan raft.RPC, 8)
			tr.SetHeartbeatHandler(func(rpc raft.RPC) {
				hbs <- rpc
				rpc.Respond(&raft.AppendEntriesResponse{Term: 3, Success: true}, nil)
			})
			p := dialRaw(t, ms[0], ms[1], "g", k)
			p.send(t, ae(3, 10, 2, 2, 3, 10))
			rpc, first := nextRPC(t, tr)
			if got := span(first); !reflect.DeepEqual(got, []uint64{3, 10, 11, 12, 10}) {
				t.Fatalf("first: %v", got)
			}
			p.send(t, c.rest...)
			// The rest are on the connection (loopback: in the receiver's socket buffer once
			// written) before Raft answers the first, so the receiver finds them buffered.
			time.Sleep(20 * time.Millisecond)
			rpc.Respond(&raft.AppendEntriesResponse{Term: 3, Success: true, LastLog: 12}, nil)
			for _, h := range c.raft {
				rpc, got := nextRPC(t, tr)
				if !reflect.DeepEqual(span(got), h.span) {
					t.Fatalf("Raft handed %v, want %v", span(got), h.span)
				}
				if h.fail {
					rpc.Respond(&raft.AppendEntriesResponse{Term: 3, LastLog: 9, NoRetryBackoff: true}, errors.New("boom"))
				} else {
					rpc.Respond(&raft.AppendEntriesResponse{Term: got.Term, Success: true, LastLog: got.PrevLogEntry + uint64(len(got.Entries))}, nil)
				}
			}
			want := append([]bool{true}, c.ok...)
			// one answer per request, in order; the heartbeats' (LastLog 0) in their place
			var got []bool
			hbAnswers := 0
			for range len(c.rest) + 1 {
				errStr, resp := p.recv(t)
				if resp.LastLog == 0 {
					hbAnswers++
					continue
				}
				if resp.Success == (errStr != "") {
					t.Fatalf("answer %+v with error %q", resp, errStr)
				}
				got = append(got, resp.Success)
			}
			if hbAnswers != c.hbs {
				t.Fatalf("%d heartbeat answers, want %d", hbAnswers, c.hbs)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("answers %v, want %v", got, want)
			}
			if len(hbs) != c.hbs {
				t.Fatalf("%d heartbeats on the fast path, want %d", len(hbs), c.hbs)
			}
			select {
			case rpc := <-tr.Consumer():
				t.Fatalf("unexpected RPC %+v", rpc.Command)
			default:
			}
		})
	}
}
