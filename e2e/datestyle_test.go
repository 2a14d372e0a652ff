package e2e

import "testing"

// TestDateStyleMatchesPostgres compares, on the wire, dates, timestamps and timestamptz
// values in text under each DateStyle (set by SET, SET LOCAL rolled back, and a startup
// option), in two time zones.
func TestDateStyleMatchesPostgres(t *testing.T) {
	u := postgresAsDrove(t)
	n := newNode(t)
	n.start()
	const probe = `SELECT '0044-03-15 BC'::date, '1997-12-17 07:37:16'::timestamp, '1997-12-17 07:37:16.5+00'::timestamptz, '2017-07-01 12:00:00.123+00'::timestamptz, ARRAY['1997-12-17'::date], ARRAY['2017-07-01 12:00+00'::timestamptz]`
	script := []string{probe, "SET TimeZone = 'America/New_York'", probe, "SET DateStyle = 'SQL, MDY'", probe,
		"SET DateStyle = Postgres", probe, "SET TimeZone = 'Europe/Berlin'", probe, "SET DateStyle = 'German, US'", probe,
		"BEGIN", "SET LOCAL DateStyle = ISO", probe, "ROLLBACK", probe, "SHOW DateStyle", "RESET ALL", probe}
	for _, opts := range []string{"", "-c DateStyle=SQL"} {
		want := runTexts(t, u.String(), opts, script)
		got := runTexts(t, n.url(), opts, script)
		for i, q := range script {
			if got[i] != want[i] {
				t.Errorf("options %q, %s: got %q, want %q", opts, q, got[i], want[i])
			}
		}
	}
}
