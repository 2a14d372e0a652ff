package drove

import (
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// ParseDSN splits a database/sql data source name into the data directory and its options:
//
//	/path/to/dir?checkpoint_interval=30s&page_cache_memory=64MiB&log_level=warn
//
// Options: checkpoint_interval (a Go duration), page_cache_memory, max_dirty_memory and
// max_txn_memory (bytes, or with a unit: 64MiB, 1GiB, 512KB), log_level (debug, info, warn,
// error, or off to silence the engine), pg_addr (also serve the PostgreSQL protocol there).
// Opening a directory the process already has open shares its engine; an option that differs
// from the engine's is refused (see Open).
func ParseDSN(dsn string) (dir string, opts []Option, err error) {
	dir, query, _ := strings.Cut(dsn, "?")
	if dir == "" {
		return "", nil, fmt.Errorf("drove: the data source name %q has no data directory", dsn)
	}
	vals, err := url.ParseQuery(query)
	if err != nil {
		return "", nil, fmt.Errorf("drove: data source name options %q: %w", query, err)
	}
	for key, vs := range vals {
		v := vs[len(vs)-1]
		o, err := dsnOption(key, v)
		if err != nil {
			return "", nil, fmt.Errorf("drove: data source name option %s=%q: %w", key, v, err)
		}
		opts = append(opts, o)
	}
	return dir, opts, nil
}

func dsnOption(key, v string) (Option, error) {
	switch key {
	case "checkpoint_interval":
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			return nil, fmt.Errorf("want a positive duration such as 30s")
		}
		return WithCheckpointInterval(d), nil
	case "page_cache_memory", "max_dirty_memory", "max_txn_memory":
		n, err := ParseSize(v)
		if err != nil {
			return nil, err
		}
		switch key {
		case "page_cache_memory":
			return WithPageCacheMemory(n), nil
		case "max_dirty_memory":
			return WithMaxDirtyMemory(n), nil
		}
		return WithMaxTxnMemory(n), nil
	case "log_level":
		l, err := LogLevelLogger(v)
		if err != nil {
			return nil, err
		}
		return WithLogger(l), nil
	case "pg_addr":
		return WithPGAddr(v), nil
	}
	return nil, fmt.Errorf("unknown option (known: checkpoint_interval, page_cache_memory, max_dirty_memory, max_txn_memory, log_level, pg_addr)")
}

// ParseSize reads a byte count: a number, optionally followed by B, KB, MB, GB, TB (powers of
// 1000) or KiB, MiB, GiB, TiB (powers of 1024).
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '-' })
	num, unit := s, ""
	if i >= 0 {
		num, unit = s[:i], strings.TrimSpace(s[i:])
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("want a size such as 64MiB")
	}
	mult := map[string]int64{"": 1, "B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
		"KiB": 1 << 10, "MiB": 1 << 20, "GiB": 1 << 30, "TiB": 1 << 40}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("unknown unit %q (B, KB, MB, GB, TB, KiB, MiB, GiB, TiB)", unit)
	}
	if n > 0 && n > (1<<63-1)/mult {
		return 0, fmt.Errorf("size too large")
	}
	return n * mult, nil
}

// levelLoggers are the loggers log_level makes, one per level, so that two DSNs with the same
// level ask for the same logger and share an engine.
var levelLoggers = map[string]*slog.Logger{}

// LogLevelLogger is a logger writing to standard error from level up (debug, info, warn,
// error), or one that discards everything (off).
func LogLevelLogger(level string) (*slog.Logger, error) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	level = strings.ToLower(level)
	if l, ok := levelLoggers[level]; ok {
		return l, nil
	}
	var l *slog.Logger
	switch level {
	case "off", "none":
		l = slog.New(slog.DiscardHandler)
	default:
		var lv slog.Level
		if err := lv.UnmarshalText([]byte(level)); err != nil {
			return nil, fmt.Errorf("want debug, info, warn, error or off")
		}
		l = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lv}))
	}
	levelLoggers[level] = l
	return l, nil
}
