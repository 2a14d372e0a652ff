package sql

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse runs arbitrary text through the whole path a client's query text takes before it
// runs: sql/lexer, the dialect pass, vitess's parser and the PostgreSQL checks, and binding
// (against the tables the golden files create). Every input must give statements or an *Error
// with a SQLSTATE other than XX000; a syntax error must carry PostgreSQL's position; no input
// may panic, hang or allocate far more than its size. The seeds are every statement of
// the golden files (testdata/*.sql); regressions are in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil || len(files) == 0 {
		f.Fatalf("no golden files: %v", err)
	}
	setup := NewSession(openTestTablespace(f), nil)
	for _, file := range files {
		for _, b := range parseGolden(f, file) {
			if b.kind == "comment" {
				continue
			}
			f.Add(b.sql)
			if b.kind == "ok" && strings.HasPrefix(strings.ToLower(b.sql), "create table") {
				_ = setup.Exec(context.Background(), b.sql, &textOutput{}) // names taken twice fail
			}
		}
	}
	f.Fuzz(func(t *testing.T, q string) {
		checkParse(t, setup, q)
	})
}

// checkParse parses and binds q's statements on s and fails t on a crash-like outcome.
func checkParse(t *testing.T, s *Session, q string) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	err := parseAndBind(s, q)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	// Constant folding may compute as PostgreSQL's planner does (a power of a numeric of
	// 100,000 digits takes seconds on a loaded machine); far longer is a hang.
	if elapsed > 30*time.Second {
		t.Fatalf("%.60q: parsing took %v", q, elapsed)
	}
	// A statement's ASTs and plans take some hundreds of bytes per byte of text, and constant
	// folding may compute a value as large as PostgreSQL allows one (1 GB: repeat('abc',
	// 300000000)); more than that is a blow-up.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<30+uint64(len(q))<<20 {
		t.Fatalf("%.60q: parsing allocated %d bytes", q, alloc)
	}
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%.60q: error without SQLSTATE: %v", q, err)
	}
	if e.Code == "XX000" || e.Code == "" {
		t.Fatalf("%.60q: internal error: %v", q, err)
	}
	if isPGSyntaxMessage(e.Message) && (e.Position < 1 || e.Position > utf8.RuneCountInString(q)+1) {
		t.Fatalf("%.60q: %s: position %d outside the text", q, e.Message, e.Position)
	}
}

// parseAndBind is Exec without running anything: it parses q and binds each statement.
func parseAndBind(s *Session, q string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	defer s.statementContext(ctx)()
	sts, err := s.statements(q)
	if err != nil {
		return err
	}
	for _, st := range sts {
		if _, err := s.bind(st); err != nil {
			return err
		}
	}
	return nil
}
