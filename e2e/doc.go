// Package e2e holds end-to-end tests: they build the drove binary, run it as a real process
// and drive it with real clients (psql, pgx), including killing it with SIGKILL.
//
// The cluster tests (cluster_test.go, harness in cluster_harness_test.go) run three
// `drove server` processes on loopback under write load from pgx clients in three modes
// (extended protocol, simple protocol, explicit transactions) and kill -9, SIGSTOP or move
// the leader; every replica is then read while it leads and checked against what the
// clients were told: every acknowledged write present once, nothing that failed present,
// counters within the acknowledged and the unknown (08007) increments. They take about 20-30
// s each and are skipped under -short. E2E_CLUSTER_LOGS=DIR keeps the nodes' debug logs.
// bench/failover.sh measures the failover time with the same setup.
//
// It has no non-test code but this file and the process harness.
package e2e
