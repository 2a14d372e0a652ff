package clusternet

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/raft"
)

// BenchmarkRaftApply: commits through a three-node group over the mux (in-memory log, so this
// measures the transport and Raft, not fsync), with 1 and 16 concurrent appliers.
func BenchmarkRaftApply(b *testing.B) {
	for _, tlsOn := range []bool{false, true} {
		for _, clients := range []int{1, 16} {
			b.Run(fmt.Sprintf("tls=%v/clients=%d", tlsOn, clients), func(b *testing.B) {
				var ms []*Mux
				if tlsOn {
					dir := b.TempDir()
					ca := newCA(b, dir, "ca")
					for _, n := range []string{"n1", "n2", "n3"} {
						ms = append(ms, listenTLS(b, n, ca.issue(b, dir, n)))
					}
				} else {
					ms = newMuxes(b, 3, nil, nil)
				}
				var ns []*node
				for _, m := range ms {
					// Raft's default timeouts: a loaded test machine must not cost the leader.
					ns = append(ns, startRaft(b, m, "bench", servers(ms), func(c *raft.Config) {
						d := raft.DefaultConfig()
						c.HeartbeatTimeout, c.ElectionTimeout, c.LeaderLeaseTimeout = d.HeartbeatTimeout, d.ElectionTimeout, d.LeaderLeaseTimeout
					}))
				}
				apply(b, ns, 1)
				l := leader(b, ns)
				b.ResetTimer()
				var wg sync.WaitGroup
				per := b.N/clients + 1
				for c := 0; c < clients; c++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for i := 0; i < per; i++ {
							if err := l.r.Apply([]byte("x"), 5*time.Second).Error(); err != nil {
								b.Error(err)
								return
							}
						}
					}()
				}
				wg.Wait()
			})
		}
	}
}

// BenchmarkServiceRoundTrip: one small request/response over an open service connection, and
// the cost of a new connection (dial, header, ack) with and without TLS.
func BenchmarkServiceRoundTrip(b *testing.B) {
	ms := newMuxes(b, 2, nil, nil)
	ms[1].Handle("echo", echo)
	c := dialEcho(b, ms[0], ms[1])
	b.Run("open", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := roundTrip(c, "x"); err != nil {
				b.Fatal(err)
			}
		}
	})
	dir := b.TempDir()
	ca := newCA(b, dir, "ca")
	t1, t2 := listenTLS(b, "t1", ca.issue(b, dir, "t1")), listenTLS(b, "t2", ca.issue(b, dir, "t2"))
	for _, p := range []struct {
		name     string
		from, to *Mux
	}{{"dial/plain", ms[0], ms[1]}, {"dial/tls", t1, t2}} {
		b.Run(p.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c, err := p.from.Dial(context.Background(), p.to.Addr(), "echo")
				if err != nil {
					b.Fatal(err)
				}
				c.Close()
			}
		})
	}
}
