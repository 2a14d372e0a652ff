package server

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestMetricsAndHealthEndpoints(t *testing.T) {
	cfg := quietConfig(t.TempDir(), "127.0.0.1:0")
	cfg.HTTPAddr = "127.0.0.1:0"
	s, err := Start(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	base := "http://" + s.HTTPAddr().String()
	c := connect(t, s, "drove")
	for _, q := range []string{"CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1)",
		"INSERT INTO t VALUES (2)", "INSERT INTO t VALUES (3)", "CHECKPOINT"} {
		if _, code := exec(t, c, q); code != "" {
			t.Fatalf("%s: %s", q, code)
		}
	}
	status, body := get(t, base+"/metrics")
	if status != http.StatusOK {
		t.Fatalf("/metrics: %d", status)
	}
	for _, want := range []string{
		`drove_commit_duration_seconds_count{tablespace="drove"} 3`,
		`drove_tablespace_leader{tablespace="drove"} 1`,
		`drove_tablespace_tables{tablespace="drove"} 1`,
		`drove_tablespace_disk_full{tablespace="drove"} 0`,
		`drove_tablespace_apply_lag_entries{tablespace="drove"} 0`,
		`drove_tablespace_dirty_bytes{tablespace="drove"} 0`, // the checkpoint flushed them
		`drove_connections 1`,
		`drove_page_cache_hits_total`,
		`drove_checkpoint_last_bytes{tablespace="drove"}`,
		`drove_log_appends_total{tablespace="drove"}`,
		`go_goroutines`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	for _, path := range []string{"/healthz", "/readyz"} {
		if status, body := get(t, base+path); status != http.StatusOK {
			t.Errorf("%s: %d %s", path, status, body)
		}
	}
	s.Close()
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("admin endpoint still answers after Close")
	}
}
