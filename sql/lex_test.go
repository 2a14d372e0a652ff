package sql

import (
	"reflect"
	"testing"
)

// TestLexedStatements checks statements parsed from sql/lexer's tokens of their PostgreSQL
// text: dollar-quoted values, comments, quoted names, dotted names.
func TestLexedStatements(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want *settingStmt
	}{
		{`SET application_name TO $x$it's$x$ -- comment`, &settingStmt{kind: "set", name: "application_name", value: "it's"}},
		{`SET /* c */ myapp.Setting = -1`, &settingStmt{kind: "set", name: "myapp.setting", value: "-1"}},
		{`SET search_path = "My Schema", public`, &settingStmt{kind: "set", name: "search_path", value: `"My Schema", public`}},
		{`VACUUM ANALYZE "T", s.u`, &settingStmt{kind: "maintenance", tag: "VACUUM", tables: []string{"T", "s.u"}}},
	} {
		pieces, err := splitAndRewrite(c.sql)
		if err != nil || len(pieces) != 1 {
			t.Fatalf("%s: %v %v", c.sql, pieces, err)
		}
		st, err := parse(pieces[0])
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if !reflect.DeepEqual(st.setting, c.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", c.sql, st.setting, c.want)
		}
	}
	for _, c := range []struct{ sql, code string }{
		{`SET application_name = 'x`, "42601"},
		{`SET application_name = 1x`, "42601"},
		{`SET application_name = E'\xff'`, "22021"},
	} {
		_, err := lexSetting(c.sql)
		if e, ok := err.(*Error); !ok || e.Code != c.code {
			t.Errorf("%s: got %v, want %s", c.sql, err, c.code)
		}
	}
}
