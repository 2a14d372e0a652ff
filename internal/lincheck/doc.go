// Package lincheck checks that a store of integer registers is linearizable, with
// porcupine, under concurrent clients and injected faults. It is test support: the cluster
// tests use it over SQL on several nodes; it knows nothing of drove's internals.
//
// The pieces:
//
//   - Model: the porcupine model of registers keyed by int (Read, Write, CAS), every key
//     absent at first, partitioned by key so each key is checked on its own. It is
//     nondeterministic in one way: an operation whose outcome is unknown may have had no
//     effect, so Check can bound such an operation's interval exactly (see Recorder.Check)
//     instead of leaving it open to the end of the history, which made checks exponential.
//   - Recorder: collects the history from concurrent clients. Invoke before sending an
//     operation, then Return (result known), Unknown (it may or may not have taken effect:
//     08007, a timeout, a connection lost after sending) or Fail (it certainly did nothing:
//     40001, 25006, refused before sending). Unknown writes and CASes stay open to the end
//     of the history with an output every step accepts, which is how porcupine expresses
//     "happened at some point, or never"; unknown reads and failed operations are dropped.
//     Check runs porcupine and, on a violation, writes an HTML visualization to a temp file.
//   - Workload: N clients looping seeded random operations over a few keys against Store
//     implementations, classifying errors with a func(error) Outcome. Written values are
//     unique ((client+1)*1e9 + seq), so a read shows which write it saw. Keys rotate every
//     OpsPerKey operations (Jepsen's independent keys), bounding each key's history.
//   - Nemesis: seeded random fault schedules (partition, kill, pause, leader transfer) over
//     node ids, never affecting more than a minority at once and undoing every fault at the
//     end, run against a Faults implementation and logged with its seed.
//   - Run: the workload, the nemesis alongside, and the check, with one seed; Seeds gives
//     random seeds or the one passed as -lincheck.seed=N to replay a failure.
//   - SQLStore and ClassifySQL: the registers as table lin(k int primary key, v bigint)
//     over database/sql, and the SQLSTATE-based error classifier.
//
// A cluster test looks like:
//
//	for _, seed := range lincheck.Seeds(20) {
//		rep := lincheck.Run(ctx, lincheck.Config{
//			Seed:     seed,
//			Workload: lincheck.Workload{Clients: 6, Keys: 4, Duration: 5 * time.Second},
//			Stores:   storesOnEveryNode,
//			Nemesis:  &lincheck.Nemesis{Nodes: []string{"n1", "n2", "n3"}},
//			Faults:   cluster, // implements lincheck.Faults
//			Logf:     t.Logf,
//		})
//		if err := rep.Err(); err != nil {
//			t.Fatal(err)
//		}
//	}
//
// The self-tests prove the harness can fail: a mutex-guarded store passes, and stores with
// stale reads, lost acknowledged writes, CASes that apply but report failure, or effects of
// failed operations are caught.
package lincheck
