package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadDatesLikePostgres loads a CSV whose dates and timestamps are written the ways
// PostgreSQL accepts (no seconds, one-digit fields, T and a zone, month names, YYYYMMDD):
// they load, and rows PostgreSQL would refuse are reported with its SQLSTATEs.
func TestLoadDatesLikePostgres(t *testing.T) {
	url := startServer(t)
	if _, _, err := runCLI(t, "", "sql", "--url", url, "-c", "CREATE TABLE ev (id int PRIMARY KEY, day date, at timestamp)"); err != nil {
		t.Fatal(err)
	}
	csv := "id,day,at\n" +
		"1,2024-01-02,2024-01-02 10:00\n" +
		"2,2024-1-2,2024-01-2 10:00:00\n" +
		"3,Jan 3 2024,2024-01-03T10:00:00.5+02\n" +
		"4,20240104,20240104T101500\n" +
		"5,1/5/2024,\"January 5, 2024 10:00 pm\"\n" +
		"6,2024-02-30,2024-01-06 10:00\n" + // no February 30th: 22008
		"7,2024-01-07,2024-01-07 25:00\n" + // hour 25: 22008
		"8,soon,2024-01-08 10:00\n" + // 22007
		"9,0044-03-15 BC,epoch\n"
	path := filepath.Join(t.TempDir(), "ev.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCLI(t, "", "load", "--url", url, "--table", "ev", "--header", "--max-errors", "10", path)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.HasPrefix(out, "loaded 6 rows into ev") || !strings.HasSuffix(out, ", 3 bad\n") {
		t.Fatalf("summary %q\n%s", out, errOut)
	}
	for _, want := range []string{
		`line 7: column day: date/time field value out of range: "2024-02-30" (SQLSTATE 22008)`,
		`line 8: column at: date/time field value out of range: "2024-01-07 25:00" (SQLSTATE 22008)`,
		`line 9: column day: invalid input syntax for type date: "soon" (SQLSTATE 22007)`,
	} {
		if !strings.Contains(errOut, want+"\n") {
			t.Errorf("bad-row report lacks %q:\n%s", want, errOut)
		}
	}
	got, _, err := runCLI(t, "", "sql", "--url", url, "--format", "tsv", "-c", "SELECT id, day, at FROM ev ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	want := "1\t2024-01-02\t2024-01-02 10:00:00\n" +
		"2\t2024-01-02\t2024-01-02 10:00:00\n" +
		"3\t2024-01-03\t2024-01-03 10:00:00.5\n" +
		"4\t2024-01-04\t2024-01-04 10:15:00\n" +
		"5\t2024-01-05\t2024-01-05 22:00:00\n" +
		"9\t0044-03-15 BC\t1970-01-01 00:00:00\n"
	if !strings.HasSuffix(got, want) {
		t.Fatalf("table holds\n%s\nwant\n%s", got, want)
	}
}
