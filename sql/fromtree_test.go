package sql

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// goldenFromTree checks that the golden statements of one family reach sql/parser's tree: each
// block of one statement that re matches, in the files holding one of words, is parsed and
// handed to read, which says whether the tree holds it (counted) or what is wrong (problem). A
// block the parser refuses with the SQLSTATE it expects passes uncounted. It returns the count.
func goldenFromTree(t *testing.T, re *regexp.Regexp, words []string, read func(*Statement) (counted bool, problem string)) int {
	files, err := filepath.Glob("testdata/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	none := func() error { return nil }
	n := 0
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		lower := strings.ToLower(string(text))
		if !slices.ContainsFunc(words, func(w string) bool { return strings.Contains(lower, w) }) {
			continue
		}
		for _, b := range parseGolden(t, file) {
			if (b.kind != "ok" && b.kind != "error") || !re.MatchString(b.sql) || strings.Contains(strings.TrimRight(b.sql, "; \n"), ";") {
				continue
			}
			where := filepath.Base(file) + ":" + strconv.Itoa(b.line) + ": " + b.sql
			sts, err := parseStatements(b.sql, none)
			switch {
			case err != nil && b.kind == "error" && sqlstateOf(err) == b.code:
				continue
			case err != nil:
				t.Errorf("%s: %v", where, err)
				continue
			case len(sts) != 1:
				t.Errorf("%s: %d statements", where, len(sts))
				continue
			}
			counted, problem := read(sts[0])
			if problem != "" {
				t.Errorf("%s: %s", where, problem)
			}
			if counted {
				n++
			}
		}
	}
	return n
}
