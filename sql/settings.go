package sql

import (
	"fmt"
	"maps"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // TimeZone names must resolve in a FROM scratch image too

	"github.com/drovedb/drove/types"
)

// Session settings follow PostgreSQL's GUCs: the names, defaults and canonical spellings its
// SHOW prints, and its transactional behaviour (a SET inside a transaction that rolls back is
// undone; SET LOCAL lasts until the transaction ends). Known are the settings drove honours,
// those that describe something true of it (server_version, integer_datetimes), and
// PostgreSQL's planner and resource settings, which steer plans, never answers
// (settings_gucs.go); any other name is refused as PostgreSQL refuses a misspelt one, except
// the dotted names of extensions, which PostgreSQL keeps as placeholders and so does drove.

// ServerVersion is the PostgreSQL version drove speaks and reports.
const ServerVersion = "15.0"

// Setting is one setting and its value, as ParameterStatus carries it.
type Setting struct {
	Name, Value string
}

// SettingReporter is implemented by outputs that tell the client when a reported setting
// changes (pgwire sends ParameterStatus).
type SettingReporter interface {
	ReportSetting(name, value string) error
}

// Startup describes the connection a session serves.
type Startup struct {
	User, Database string
	// Params are the startup message's other parameters: settings, and "options" with
	// -c name=value (or --name=value) in it.
	Params     map[string]string
	BackendPID uint32
	// CancelBackend cancels the statement the session with this process id runs, for
	// pg_cancel_backend; false when no such session is here. nil: none can be cancelled.
	CancelBackend func(pid uint32) (bool, error)
}

type settingDef struct {
	name     string // as PostgreSQL spells it in SHOW ALL and ParameterStatus
	def      string
	report   bool // PostgreSQL's GUC_REPORT: changes are sent to the client
	readOnly bool
	list     bool // PostgreSQL's GUC_LIST_INPUT: SET takes several values
	// listQuote: PostgreSQL's GUC_LIST_QUOTE, SET's string values are quoted as identifiers
	listQuote bool
	hidden    bool // PostgreSQL's GUC_NO_SHOW_ALL: SHOW ALL leaves it out
	desc      string
	// check validates a value and returns it in canonical form; nil accepts any value.
	check func(v string) (string, error)
}

// settingDefs are the known settings by lower-case name.
var settingDefs = func() map[string]*settingDef {
	defs := []*settingDef{
		{name: "application_name", report: true, desc: "Sets the application name to be reported in statistics and logs."},
		{name: "bytea_output", def: "hex", desc: "Sets the output format for bytea.", check: enumOf("bytea_output", "escape", "hex")},
		{name: "client_encoding", def: "UTF8", report: true, desc: "Sets the client's character set encoding.", check: checkEncoding},
		{name: "client_min_messages", def: "notice", desc: "Sets the message levels that are sent to the client.",
			check: oneOf("debug5", "debug4", "debug3", "debug2", "debug1", "debug", "log", "notice", "warning", "error")},
		{name: "DateStyle", def: "ISO, MDY", report: true, list: true, desc: "Sets the display format for date and time values.", check: checkDateStyle},
		{name: "default_transaction_isolation", def: "read committed", desc: "Sets the transaction isolation level of each new transaction.", check: checkIsolation},
		{name: "default_transaction_read_only", def: "off", report: true, desc: "Sets the default read-only status of new transactions.", check: checkBool("default_transaction_read_only")},
		{name: "extra_float_digits", def: "1", desc: "Sets the number of digits displayed for floating-point values.", check: checkFloatDigits},
		{name: "in_hot_standby", def: "off", report: true, readOnly: true, desc: "Shows whether hot standby is currently active."},
		{name: "integer_datetimes", def: "on", report: true, readOnly: true, desc: "Shows whether datetimes are integer based."},
		{name: "IntervalStyle", def: "postgres", report: true, desc: "Sets the display format for interval values.", check: enumOf("intervalstyle", "postgres", "postgres_verbose", "sql_standard", "iso_8601")},
		{name: "is_superuser", def: "on", report: true, readOnly: true, desc: "Shows whether the current user is a superuser."},
		{name: "lock_timeout", def: "0", desc: "Sets the maximum allowed duration of any wait for a lock.", check: checkDuration},
		{name: "max_identifier_length", def: "63", readOnly: true, desc: "Shows the maximum identifier length."},
		{name: "search_path", def: `"$user", public`, list: true, listQuote: true, desc: "Sets the schema search order for names that are not schema-qualified."},
		{name: "server_encoding", def: "UTF8", report: true, readOnly: true, desc: "Shows the server (database) character set encoding."},
		{name: "server_version", def: ServerVersion, report: true, readOnly: true, desc: "Shows the server version."},
		{name: "server_version_num", def: "150000", readOnly: true, desc: "Shows the server version as an integer."},
		{name: "session_authorization", report: true, readOnly: true, desc: "Sets the session user name."},
		{name: "standard_conforming_strings", def: "on", report: true, desc: "Causes '...' strings to treat backslashes literally.", check: oneOf("on")},
		{name: "statement_timeout", def: "0", desc: "Sets the maximum allowed duration of any statement.", check: checkDuration},
		{name: "idle_in_transaction_session_timeout", def: "0", desc: "Sets the maximum allowed idle time between queries, when in a transaction.", check: checkDuration},
		{name: "TimeZone", def: "UTC", report: true, desc: "Sets the time zone for displaying and interpreting time stamps.", check: checkTimeZone},
		{name: "transaction_isolation", def: "read committed", desc: "Sets the current transaction's isolation level.", check: checkIsolation},
		{name: "transaction_read_only", def: "off", desc: "Sets the current transaction's read-only status.", check: checkBool("transaction_read_only")},
	}
	defs = append(defs, gucSettingDefs()...)
	defs = append(defs, dumpSettingDefs()...)
	m := make(map[string]*settingDef, len(defs))
	for _, d := range defs {
		m[strings.ToLower(d.name)] = d
	}
	return m
}()

// settingAliases are the other names PostgreSQL accepts for a setting.
var settingAliases = map[string]string{"time zone": "timezone", "names": "client_encoding"}

func oneOf(allowed ...string) func(string) (string, error) {
	return func(v string) (string, error) {
		l := strings.ToLower(v)
		for _, a := range allowed {
			if l == a {
				return a, nil
			}
		}
		return "", unsupported("the value %q", v)
	}
}

func checkEncoding(v string) (string, error) {
	switch strings.ToUpper(strings.ReplaceAll(v, "-", "")) {
	case "UTF8", "UNICODE":
		return "UTF8", nil
	case "SQL_ASCII":
		// The client asks for no conversion at all, which for a UTF8 server is what it gets.
		return "SQL_ASCII", nil
	}
	return "", Errorf("0A000", "conversion between %s and UTF8 is not supported", v)
}

func checkIsolation(v string) (string, error) {
	switch l := strings.Join(strings.Fields(strings.ToLower(v)), " "); l {
	case "read committed", "default":
		return "read committed", nil
	case "repeatable read", "read uncommitted":
		// READ UNCOMMITTED is READ COMMITTED, as in PostgreSQL, which shows the name asked for.
		return l, nil
	case "serializable":
		return "", &Error{Code: "0A000", Message: "transaction isolation level " + l + " is not supported",
			Hint: "drove runs transactions at READ COMMITTED or REPEATABLE READ."}
	}
	return "", Errorf("22023", "invalid value for parameter \"transaction_isolation\": %q", v)
}

// checkBool checks a Boolean setting's value and returns it as SHOW prints it.
func checkBool(name string) func(string) (string, error) {
	return func(v string) (string, error) {
		b, ok := parseBoolSetting(v)
		switch {
		case !ok:
			return "", Errorf("22023", "parameter %q requires a Boolean value", name)
		case b:
			return "on", nil
		}
		return "off", nil
	}
}

func checkFloatDigits(v string) (string, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	switch {
	case err != nil:
		return "", Errorf("22023", "invalid value for parameter \"extra_float_digits\": %q", v)
	case n < -15 || n > 3:
		return "", Errorf("22023", "%d is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)", n)
	}
	return strconv.Itoa(n), nil
}

func checkTimeZone(v string) (string, error) {
	switch strings.ToUpper(v) {
	case "UTC", "GMT", "Z", "ZULU", "UCT":
		return "UTC", nil
	}
	if h, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
		return numericZone(v, h)
	}
	loc, ok := types.LoadZone(v)
	if !ok || v == "" || v == "Local" {
		return "", Errorf("22023", "invalid value for parameter \"TimeZone\": %q", v)
	}
	// pg_tz_acceptable: a zone whose offset is not whole minutes ('+02:00:30') is refused.
	if _, off := time.Date(2000, 1, 1, 0, 0, 0, 0, loc).Zone(); off%60 != 0 {
		return "", &Error{Code: "22023", Message: fmt.Sprintf("time zone %q appears to use leap seconds", v),
			Detail: "PostgreSQL does not support leap seconds."}
	}
	return v, nil
}

// numericZone is SET TIME ZONE's number of hours east (SQL's sign, fractions too), which
// PostgreSQL keeps as a POSIX zone named by the offset: -5 is <-05>+05, -1.5 <-01:30>+01:30;
// the seconds truncate, as check_timezone's cast does, and a week or more is refused.
func numericZone(v string, h float64) (string, error) {
	if math.IsNaN(h) || math.Abs(h) >= 168 {
		return "", &Error{Code: "22023", Message: fmt.Sprintf("invalid value for parameter \"TimeZone\": %q", v),
			Detail: "UTC timezone offset is out of range."}
	}
	east := int64(h * 3600)
	sign, back := "+", "-"
	if east < 0 {
		sign, back, east = "-", "+", -east
	}
	off := fmt.Sprintf("%02d", east/3600)
	switch {
	case east%60 != 0:
		off += fmt.Sprintf(":%02d:%02d", east/60%60, east%60)
	case east%3600 != 0:
		off += fmt.Sprintf(":%02d", east/60%60)
	}
	return "<" + sign + off + ">" + back + off, nil
}

// parseBoolSetting is PostgreSQL's parse_bool: on, of(f), 1, 0, and any prefix of true,
// false, yes and no, in any case, with no surrounding space.
func parseBoolSetting(v string) (value, ok bool) {
	l := strings.ToLower(v)
	switch {
	case l == "on" || l == "1" || l != "" && (strings.HasPrefix("true", l) || strings.HasPrefix("yes", l)):
		return true, true
	case l == "of" || l == "off" || l == "0" || l != "" && (strings.HasPrefix("false", l) || strings.HasPrefix("no", l)):
		return false, true
	}
	return false, false
}

// durationUnits are PostgreSQL's time units for settings measured in milliseconds.
var durationUnits = []struct {
	name string
	ms   int64
}{{"d", 86400000}, {"h", 3600000}, {"min", 60000}, {"s", 1000}, {"ms", 1}}

// checkDuration reads a millisecond setting ("5000", "5s", "1.5 min") and returns it as SHOW
// prints it: in the largest unit that divides it.
func checkDuration(v string) (string, error) {
	ms, err := parseMillis(v)
	if err != nil {
		return "", err
	}
	return formatMillis(ms), nil
}

func parseMillis(v string) (int64, error) {
	s := strings.TrimSpace(v)
	i := len(s)
	for i > 0 && (s[i-1] < '0' || s[i-1] > '9') && s[i-1] != '.' {
		i--
	}
	num, unit := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, Errorf("22023", "invalid value for a time setting: %q", v)
	}
	scale := int64(1)
	if unit != "" {
		scale = 0
		for _, u := range durationUnits {
			if u.name == unit {
				scale = u.ms
			}
		}
		if scale == 0 {
			return 0, &Error{Code: "22023", Message: fmt.Sprintf("invalid value for a time setting: %q", v),
				Hint: `Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".`}
		}
	}
	ms := math.Round(f * float64(scale))
	if ms < 0 || ms > math.MaxInt32 {
		return 0, Errorf("22023", "%s is outside the valid range for a time setting (0 .. 2147483647 ms)", v)
	}
	return int64(ms), nil
}

func formatMillis(ms int64) string {
	if ms == 0 {
		return "0"
	}
	for _, u := range durationUnits {
		if ms%u.ms == 0 {
			return strconv.FormatInt(ms/u.ms, 10) + u.name
		}
	}
	return strconv.FormatInt(ms, 10) + "ms"
}

// settings is a session's state of them.
type settings struct {
	base    map[string]string // values from the startup message, by lower-case name
	session map[string]string // SET values
	local   map[string]string // SET LOCAL values, until the transaction ends
	// saved is the session values as they were at the transaction's first SET, which a
	// ROLLBACK restores; nil when the transaction has not changed any.
	saved        map[string]string
	placeholders map[string]bool   // dotted names that were ever set
	reported     map[string]string // what the client was last told of each reported setting
	changed      bool              // something may differ from reported

	user, database string
	pid            uint32

	// The settings the executor reads on every statement, parsed.
	statementTimeout, lockTimeout time.Duration
	idleInTxTimeout               time.Duration // idle_in_transaction_session_timeout
	// readOnly is transaction_read_only: the transaction, or the next autocommitted
	// statement's, refuses writes (Statement.CheckReadOnly).
	readOnly bool
	// textStyle is extra_float_digits' and bytea_output's effect on values' text (textstyle.go).
	textStyle types.TextStyle
}

// lookupSetting finds a setting by any spelling; custom reports a dotted placeholder name.
func lookupSetting(name string) (def *settingDef, key string, err error) {
	key = strings.ToLower(name)
	if alias, ok := settingAliases[key]; ok {
		key = alias
	}
	if def, ok := settingDefs[key]; ok {
		return def, key, nil
	}
	if strings.Contains(key, ".") && !strings.HasPrefix(key, ".") && !strings.HasSuffix(key, ".") {
		return nil, key, nil
	}
	return nil, key, Errorf("42704", "unrecognized configuration parameter %q", name)
}

// validCustomName is PostgreSQL's valid_custom_variable_name: two or more simple
// identifiers separated by dots.
func validCustomName(name string) bool {
	for _, part := range strings.Split(name, ".") {
		if part == "" || part[0] >= '0' && part[0] <= '9' || part[0] == '$' {
			return false
		}
		for _, c := range []byte(part) {
			if c < 0x80 && c != '_' && c != '$' && (c < '0' || c > '9') && (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
				return false
			}
		}
	}
	return true
}

// setting returns the current value of a setting.
func (s *Session) setting(name string) (string, error) {
	def, key, err := lookupSetting(name)
	if err != nil {
		return "", err
	}
	if v, ok := s.set.local[key]; ok {
		return v, nil
	}
	if v, ok := s.set.session[key]; ok {
		return v, nil
	}
	if v, ok := s.set.base[key]; ok {
		return v, nil
	}
	switch {
	case def == nil && s.set.placeholders[key]:
		return "", nil // a placeholder once set stays defined, empty after RESET
	case def == nil:
		return "", Errorf("42704", "unrecognized configuration parameter %q", name)
	case key == "session_authorization":
		return s.set.user, nil
	case key == "is_superuser" && !s.superuser():
		return "off", nil
	case key == "transaction_read_only":
		// A transaction that did not set it (and every autocommitted statement) starts
		// with the default, as in PostgreSQL.
		return s.setting("default_transaction_read_only")
	}
	return def.def, nil
}

// checkSetting validates a new value for a setting and returns its key and canonical value.
func checkSetting(name, value string, reset bool) (key, canonical string, err error) {
	def, key, err := lookupSetting(name)
	if err != nil {
		return "", "", err
	}
	if def == nil && !validCustomName(key) {
		return "", "", &Error{Code: "42602", Message: fmt.Sprintf("invalid configuration parameter name %q", name),
			Detail: "Custom parameter names must be two or more simple identifiers separated by dots."}
	}
	if def != nil {
		if def.readOnly {
			return "", "", Errorf("55P02", "parameter %q cannot be changed", def.name)
		}
		if !reset && def.check != nil {
			if value, err = def.check(value); err != nil {
				return "", "", err
			}
		}
	}
	return key, value, nil
}

// changeSetting is SET (local false) or SET LOCAL; reset restores the value the session
// started with.
func (s *Session) changeSetting(name, value string, local, reset bool) error {
	if !reset && strings.EqualFold(name, "DateStyle") {
		// A style or an order given alone keeps the other part of the current value.
		cur, err := s.setting("DateStyle")
		if err != nil {
			return err
		}
		if value, err = parseDateStyle(value, cur); err != nil {
			return err
		}
	}
	key, value, err := checkSetting(name, value, reset)
	if err != nil {
		return err
	}
	if local && s.tx == nil {
		return nil // PostgreSQL warns that SET LOCAL outside a transaction has no effect
	}
	if !local {
		s.saveForRollback()
	}
	target := &s.set.session
	if local {
		target = &s.set.local
	}
	if *target == nil {
		*target = make(map[string]string)
	}
	if settingDefs[key] == nil {
		if s.set.placeholders == nil {
			s.set.placeholders = make(map[string]bool)
		}
		s.set.placeholders[key] = true
	}
	switch {
	case reset && local:
		(*target)[key] = s.resetValue(key) // SET LOCAL x TO DEFAULT: the reset value, for now
	case reset:
		delete(*target, key)
	default:
		(*target)[key] = value
	}
	s.set.changed = true
	return s.refreshSettings()
}

// resetValue is what RESET returns a setting to: its value at connection start.
func (s *Session) resetValue(key string) string {
	if v, ok := s.set.base[key]; ok {
		return v
	}
	if def := settingDefs[key]; def != nil {
		return def.def
	}
	return ""
}

// resetAll is RESET ALL: every setting back to its value at connection start.
func (s *Session) resetAll() error {
	s.saveForRollback()
	clear(s.set.session)
	s.set.changed = true
	return s.refreshSettings()
}

// saveForRollback keeps the session's values at a transaction's first change of them.
func (s *Session) saveForRollback() {
	if s.tx != nil && s.set.saved == nil {
		s.set.saved = maps.Clone(s.set.session)
		if s.set.saved == nil {
			s.set.saved = map[string]string{}
		}
	}
}

// endTxnSettings applies the end of a transaction to the settings: SET LOCAL values go, and
// a rollback undoes the transaction's SETs.
func (s *Session) endTxnSettings(committed bool) {
	if s.set.local == nil && s.set.saved == nil {
		return
	}
	if !committed && s.set.saved != nil {
		s.set.session = s.set.saved
	}
	s.set.saved, s.set.local = nil, nil
	s.set.changed = true
	if err := s.refreshSettings(); err != nil {
		// The values were valid when set; a failure here is a bug, not the client's doing.
		panic(err)
	}
}

// refreshSettings re-reads the settings the executor uses on every statement.
func (s *Session) refreshSettings() error {
	for _, d := range []struct {
		name string
		dst  *time.Duration
	}{{"statement_timeout", &s.set.statementTimeout}, {"lock_timeout", &s.set.lockTimeout},
		{"idle_in_transaction_session_timeout", &s.set.idleInTxTimeout}} {
		v, err := s.setting(d.name)
		if err != nil {
			return err
		}
		ms, err := parseMillis(v)
		if err != nil {
			return err
		}
		*d.dst = time.Duration(ms) * time.Millisecond
	}
	if s.tx != nil {
		s.tx.SetLockTimeout(s.txLockTimeout())
	}
	ro, err := s.setting("transaction_read_only")
	s.set.readOnly = ro == "on"
	if err == nil {
		err = s.refreshTextStyle()
	}
	return err
}

// reportSettings tells the client of every reported setting whose value changed.
func (s *Session) reportSettings(out Output) error {
	if !s.set.changed {
		return nil
	}
	s.set.changed = false
	if ts, ok := out.(TextStyler); ok {
		ts.SetTextStyle(s.set.textStyle)
	}
	r, ok := out.(SettingReporter)
	if !ok {
		return nil
	}
	if s.set.reported == nil {
		s.set.reported = make(map[string]string)
	}
	for _, st := range s.reportedSettings() {
		if s.set.reported[st.Name] == st.Value {
			continue
		}
		s.set.reported[st.Name] = st.Value
		if err := r.ReportSetting(st.Name, st.Value); err != nil {
			return err
		}
	}
	return nil
}

// reportedSettings lists the reported settings and their values, sorted by name as
// PostgreSQL sends them at startup.
func (s *Session) reportedSettings() []Setting {
	var out []Setting
	for key, def := range settingDefs {
		if def.report {
			v, _ := s.setting(key)
			out = append(out, Setting{Name: def.name, Value: v})
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// Start applies the connection's startup parameters and returns the reported settings, which
// pgwire sends as ParameterStatus. A bad parameter is an error the connection ends with.
func (s *Session) Start(st Startup) ([]Setting, error) {
	s.set.user, s.set.database, s.set.pid = st.User, st.Database, st.BackendPID
	s.cancelBackend = st.CancelBackend
	s.set.base = make(map[string]string)
	apply := func(name, value string) error {
		if name == "session_authorization" || name == "is_superuser" {
			return nil // the startup message's user decides these
		}
		key, value, err := checkSetting(name, value, false)
		if err == nil {
			s.set.base[key] = value
		}
		return err
	}
	names := make([]string, 0, len(st.Params))
	for name := range st.Params {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		value := st.Params[name]
		switch name {
		case "user", "database", "replication":
			continue
		case "options":
			opts, err := parseStartupOptions(value)
			if err != nil {
				return nil, err
			}
			for _, o := range opts {
				if err := apply(o.Name, o.Value); err != nil {
					return nil, err
				}
			}
			continue
		}
		if err := apply(name, value); err != nil {
			return nil, err
		}
	}
	if err := s.refreshSettings(); err != nil {
		return nil, err
	}
	all := s.reportedSettings()
	s.set.reported = make(map[string]string, len(all))
	for _, r := range all {
		s.set.reported[r.Name] = r.Value
	}
	s.set.changed = false
	return all, nil
}

// parseStartupOptions reads the startup "options" parameter: -c name=value and --name=value,
// separated by spaces, with backslash escaping a space.
func parseStartupOptions(opts string) ([]Setting, error) {
	var args []string
	var cur strings.Builder
	for i := 0; i < len(opts); i++ {
		switch c := opts[i]; {
		case c == '\\' && i+1 < len(opts):
			i++
			cur.WriteByte(opts[i])
		case c == ' ' || c == '\t':
			if cur.Len() > 0 {
				args = append(args, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteByte(c)
		}
	}
	if cur.Len() > 0 {
		args = append(args, cur.String())
	}
	var out []Setting
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-c" && i+1 < len(args):
			i++
			a = args[i]
		case strings.HasPrefix(a, "-c"):
			a = a[2:]
		case strings.HasPrefix(a, "--"):
			a = a[2:]
		default:
			return nil, Errorf("42601", "invalid command-line argument for server process: %s", a)
		}
		name, value, ok := strings.Cut(a, "=")
		if !ok {
			return nil, Errorf("42601", "-c %s requires a value", a)
		}
		out = append(out, Setting{Name: strings.ReplaceAll(name, "-", "_"), Value: value})
	}
	return out, nil
}

// showAll is SHOW ALL's rows.
func (s *Session) showAll(out Output) error {
	if err := out.Columns((&settingStmt{kind: "show all"}).showColumns()); err != nil {
		return err
	}
	keys := make([]string, 0, len(settingDefs))
	for k, def := range settingDefs {
		if !def.hidden {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		v, _ := s.setting(k)
		row := []types.Value{types.NewText(settingDefs[k].name), types.NewText(v), types.NewText(settingDefs[k].desc)}
		if err := out.Row(row); err != nil {
			return err
		}
	}
	return out.Complete("SHOW")
}
