package sql

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
)

// Every line of gucTable is PostgreSQL 15's pg_settings row for the setting (type, unit,
// range, boot value, context, enum values, description), and set_config answers the same
// values and errors (SQLSTATE, message, hint) on drove as on PostgreSQL.
func TestSettingsTableMatchesPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test skipped in -short mode")
	}
	ctx := context.Background()
	pg, err := pgconn.Connect(ctx, pgtest.Start(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close(ctx)
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()

	for _, g := range gucTable {
		t.Run(g.name, func(t *testing.T) {
			rows, code := runOnPostgres(ctx, pg, `SELECT vartype, coalesce(unit, ''), coalesce(min_val, ''),
				coalesce(max_val, ''), boot_val, context, coalesce(array_to_string(enumvals, ','), ''), short_desc
				FROM pg_settings WHERE name = '`+g.name+`'`)
			if code != "" || len(rows) != 2 {
				t.Fatalf("pg_settings: %s %q", code, rows)
			}
			var listed []string
			for _, e := range strings.Split(g.enums, ",") {
				if e != "" && !strings.Contains(e, "=") {
					listed = append(listed, e)
				}
			}
			minv, maxv := "", ""
			switch g.vartype {
			case "integer":
				minv, maxv = strconv.FormatInt(int64(g.min), 10), strconv.FormatInt(int64(g.max), 10)
			case "real":
				minv, maxv = formatG(g.min), formatG(g.max)
			}
			want := strings.Join([]string{g.vartype, strings.TrimPrefix(g.unit, ""), minv, maxv, g.boot, g.context,
				strings.Join(listed, ","), g.desc}, "|")
			if rows[0] != want {
				t.Errorf("gucTable line:\n %s\npg_settings:\n %s", want, rows[0])
			}
			for _, v := range gucProbes(g) {
				if g.name == "synchronous_commit" && strings.EqualFold(v, "remote_apply") {
					continue // refused on purpose (settings_gucs.go)
				}
				q := "SELECT set_config('" + g.name + "', '" + strings.ReplaceAll(v, "'", "''") + "', false)"
				wantRows, wantErr := pgAnswer(ctx, pg, q)
				out := &textOutput{}
				var got string
				if err := s.Exec(ctx, q, out); err != nil {
					got = errText(err)
				} else {
					got = strings.Join(out.lines, "\n")
				}
				if wantErr != "" {
					wantRows = wantErr
				}
				if got != wantRows {
					t.Errorf("%s\n drove:      %s\n PostgreSQL: %s", q, got, wantRows)
				}
			}
			// SHOW after RESET is the default, as PostgreSQL prints its boot value.
			execOK(t, s, "RESET "+g.name)
			pgShow, _ := pgAnswer(ctx, pg, "SELECT set_config('"+g.name+"', '"+g.boot+"', false)")
			pgShow, _, _ = strings.Cut(pgShow, "\n")
			if got := execOK(t, s, "SHOW "+g.name).lines[0]; got != pgShow {
				t.Errorf("SHOW %s after RESET: drove %q, PostgreSQL %q", g.name, got, pgShow)
			}
			if _, err := pg.Exec(ctx, "RESET "+g.name).ReadAll(); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// gucProbes are values to set a setting to: its bounds and just past them, units, and
// malformed values.
func gucProbes(g guc) []string {
	out := []string{g.boot, "x", "", " 1", "1 ", "NaN"}
	switch g.vartype {
	case "bool":
		return append(out, "on", "OFF", "of", "tru", "Y", "no", "1", "0", "2", "maybe", "on ")
	case "enum":
		for _, e := range strings.Split(g.enums, ",") {
			alias, _, _ := strings.Cut(e, "=")
			out = append(out, alias, strings.ToUpper(alias))
		}
		return append(out, "bogus")
	case "integer":
		out = append(out, strconv.FormatInt(int64(g.min), 10), strconv.FormatInt(int64(g.max), 10),
			strconv.FormatInt(int64(g.min)-1, 10), strconv.FormatInt(int64(g.max)+1, 10), "2.5", "3.5", "1e2", "0x10", "010",
			"9999999999", "-9999999999")
	case "real":
		out = append(out, formatG(g.min), formatG(g.min-1), "1.23456789", "1e3", "1e400", "1e-400", "inf", "-inf", "0x10", ".5")
		if g.max < math.MaxFloat64 {
			out = append(out, formatG(g.max), formatG(g.max*2))
		}
	}
	if g.unit != "" {
		out = append(out, "1kB", "1 MB", "1.5MB", "2GB", "3TB", "1024B", "100kb", "10ms", "1MB x", "1MBB", "7 kB  ")
	} else {
		out = append(out, "10ms", "1kB")
	}
	return out
}

// pgAnswer is a query's rows on PostgreSQL, or its error as errText prints drove's.
func pgAnswer(ctx context.Context, pg *pgconn.PgConn, q string) (rows, errs string) {
	res, err := pg.Exec(ctx, q).ReadAll()
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return "", errText(&Error{Code: pe.Code, Message: pe.Message, Hint: pe.Hint})
	} else if err != nil {
		return "", err.Error()
	}
	var lines []string
	for _, r := range res {
		for _, row := range r.Rows {
			lines = append(lines, string(row[0]))
		}
		lines = append(lines, "tag: "+r.CommandTag.String())
	}
	return strings.Join(lines, "\n"), ""
}

func errText(err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return err.Error()
	}
	return e.Code + " " + e.Message + " hint: " + e.Hint
}

// noticeOutput is a textOutput that keeps the notices it is sent.
type noticeOutput struct {
	textOutput
	notices []string
}

func (o *noticeOutput) Notice(n Notice) error {
	o.notices = append(o.notices, n.Severity+" "+n.Code+" "+n.Message)
	return nil
}

// DROP ... IF EXISTS of a name in a schema that does not exist, and SET's errors about names
// and argument counts: the same notices and errors (SQLSTATE, message, hint) as PostgreSQL.
func TestSettingAndDropSchemaMessagesMatchPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("differential test skipped in -short mode")
	}
	ctx := context.Background()
	cfg, err := pgconn.ParseConfig(pgtest.Start(t))
	if err != nil {
		t.Fatal(err)
	}
	var pgNotices []string
	cfg.OnNotice = func(_ *pgconn.PgConn, n *pgconn.Notice) {
		pgNotices = append(pgNotices, n.Severity+" "+n.Code+" "+n.Message)
	}
	pg, err := pgconn.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close(ctx)
	s := NewSession(openTestTablespace(t), nil)
	defer s.Close()
	for _, q := range []string{
		"DROP TABLE IF EXISTS no_such_schema.foo",
		"DROP TABLE IF EXISTS no_such_schema.foo, public.bar",
		"DROP SEQUENCE IF EXISTS no_such_schema.s, public.s",
		"DROP VIEW IF EXISTS no_such_schema.v",
		"DROP MATERIALIZED VIEW IF EXISTS no_such_schema.mv",
		"DROP INDEX IF EXISTS no_such_schema.i",
		"DROP TABLE no_such_schema.foo",
		"DROP SEQUENCE no_such_schema.s",
		"DROP VIEW no_such_schema.v",
		"DROP MATERIALIZED VIEW no_such_schema.mv",
		"DROP INDEX no_such_schema.i",
		"SET work_mem = 1, 2",
		"SET enable_sort = on, off",
		"SET nosuch = 1, 2",
		"SET search_path = public, \"$user\"",
		`SET "foo.b ar" = 1`,
		"SET x1.$y = 2",
		`SET "foo.1x" = 1`,
		"SHOW foo.unset",
		"SET enable_teleport = on",
	} {
		pgNotices = nil
		want, wantErr := pgAnswer(ctx, pg, q)
		out := &noticeOutput{}
		got := ""
		if err := s.Exec(ctx, q, out); err != nil {
			got = errText(err)
		} else {
			got = strings.Join(out.lines, "\n")
		}
		if wantErr != "" {
			want = wantErr
		}
		want += "\n" + strings.Join(pgNotices, "\n")
		got += "\n" + strings.Join(out.notices, "\n")
		if got != want {
			t.Errorf("%s\n drove:      %s\n PostgreSQL: %s", q, got, want)
		}
	}
}
