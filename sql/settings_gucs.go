package sql

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// PostgreSQL's planner and resource settings only steer how PostgreSQL finds an answer (which
// join, whether to sort or hash, how much memory before spilling), never what the answer is;
// scripts and test suites written for PostgreSQL set them freely. drove accepts them with
// PostgreSQL's type, range, units, defaults and messages and keeps them per session like any
// other setting, so SET, SHOW, current_setting and set_config answer as PostgreSQL does; its
// own planner does not read them. Each is one line of gucTable; sql/gucs_test.go checks the
// lines against PostgreSQL's pg_settings.

// guc is one PostgreSQL setting drove accepts without acting on it, as pg_settings shows it.
type guc struct {
	name     string
	vartype  string // bool, integer, real or enum
	boot     string // boot_val: in the base unit for numbers
	min, max float64
	unit     string // the base unit: kB, 8kB, MB, B, ms, s, min, or none
	context  string // who may SET it: user (anyone) is all gucTable holds
	// enums are an enum's values, comma-separated, in pg_settings' order; a hidden alias is
	// alias=value (constraint_exclusion's true=on), accepted but not listed.
	enums string
	desc  string
}

const intMax = math.MaxInt32

// gucTable is every setting drove accepts without acting on it. Adding one is one line.
var gucTable = []guc{
	{"check_function_bodies", "bool", "on", 0, 0, "", "user", "", "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE."},
	{"constraint_exclusion", "enum", "partition", 0, 0, "", "user", "partition,on,off,true=on,false=off,yes=on,no=off,1=on,0=off", "Enables the planner to use constraints to optimize queries."},
	{"cpu_index_tuple_cost", "real", "0.005", 0, math.MaxFloat64, "", "user", "", "Sets the planner's estimate of the cost of processing each index entry during an index scan."},
	{"cpu_operator_cost", "real", "0.0025", 0, math.MaxFloat64, "", "user", "", "Sets the planner's estimate of the cost of processing each operator or function call."},
	{"cpu_tuple_cost", "real", "0.01", 0, math.MaxFloat64, "", "user", "", "Sets the planner's estimate of the cost of processing each tuple (row)."},
	{"cursor_tuple_fraction", "real", "0.1", 0, 1, "", "user", "", "Sets the planner's estimate of the fraction of a cursor's rows that will be retrieved."},
	{"default_statistics_target", "integer", "100", 1, 10000, "", "user", "", "Sets the default statistics target."},
	{"effective_cache_size", "integer", "524288", 1, intMax, "8kB", "user", "", "Sets the planner's assumption about the total size of the data caches."},
	{"effective_io_concurrency", "integer", "1", 0, 1000, "", "user", "", "Number of simultaneous requests that can be handled efficiently by the disk subsystem."},
	{"enable_async_append", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of async append plans."},
	{"enable_bitmapscan", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of bitmap-scan plans."},
	{"enable_gathermerge", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of gather merge plans."},
	{"enable_hashagg", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of hashed aggregation plans."},
	{"enable_hashjoin", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of hash join plans."},
	{"enable_incremental_sort", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of incremental sort steps."},
	{"enable_indexonlyscan", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of index-only-scan plans."},
	{"enable_indexscan", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of index-scan plans."},
	{"enable_material", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of materialization."},
	{"enable_memoize", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of memoization."},
	{"enable_mergejoin", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of merge join plans."},
	{"enable_nestloop", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of nested-loop join plans."},
	{"enable_parallel_append", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of parallel append plans."},
	{"enable_parallel_hash", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of parallel hash plans."},
	{"enable_partition_pruning", "bool", "on", 0, 0, "", "user", "", "Enables plan-time and execution-time partition pruning."},
	{"enable_partitionwise_aggregate", "bool", "off", 0, 0, "", "user", "", "Enables partitionwise aggregation and grouping."},
	{"enable_partitionwise_join", "bool", "off", 0, 0, "", "user", "", "Enables partitionwise join."},
	{"enable_seqscan", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of sequential-scan plans."},
	{"enable_sort", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of explicit sort steps."},
	{"enable_tidscan", "bool", "on", 0, 0, "", "user", "", "Enables the planner's use of TID scan plans."},
	{"from_collapse_limit", "integer", "8", 1, intMax, "", "user", "", "Sets the FROM-list size beyond which subqueries are not collapsed."},
	{"geqo", "bool", "on", 0, 0, "", "user", "", "Enables genetic query optimization."},
	{"geqo_effort", "integer", "5", 1, 10, "", "user", "", "GEQO: effort is used to set the default for other GEQO parameters."},
	{"geqo_generations", "integer", "0", 0, intMax, "", "user", "", "GEQO: number of iterations of the algorithm."},
	{"geqo_pool_size", "integer", "0", 0, intMax, "", "user", "", "GEQO: number of individuals in the population."},
	{"geqo_seed", "real", "0", 0, 1, "", "user", "", "GEQO: seed for random path selection."},
	{"geqo_selection_bias", "real", "2", 1.5, 2, "", "user", "", "GEQO: selective pressure within the population."},
	{"geqo_threshold", "integer", "12", 2, intMax, "", "user", "", "Sets the threshold of FROM items beyond which GEQO is used."},
	{"hash_mem_multiplier", "real", "2", 1, 1000, "", "user", "", "Multiple of work_mem to use for hash tables."},
	{"jit", "bool", "on", 0, 0, "", "user", "", "Allow JIT compilation."},
	{"jit_above_cost", "real", "100000", -1, math.MaxFloat64, "", "user", "", "Perform JIT compilation if query is more expensive."},
	{"jit_inline_above_cost", "real", "500000", -1, math.MaxFloat64, "", "user", "", "Perform JIT inlining if query is more expensive."},
	{"jit_optimize_above_cost", "real", "500000", -1, math.MaxFloat64, "", "user", "", "Optimize JIT-compiled functions if query is more expensive."},
	{"join_collapse_limit", "integer", "8", 1, intMax, "", "user", "", "Sets the FROM-list size beyond which JOIN constructs are not flattened."},
	{"maintenance_io_concurrency", "integer", "10", 0, 1000, "", "user", "", "A variant of effective_io_concurrency that is used for maintenance work."},
	{"maintenance_work_mem", "integer", "65536", 1024, intMax, "kB", "user", "", "Sets the maximum memory to be used for maintenance operations."},
	{"max_parallel_maintenance_workers", "integer", "2", 0, 1024, "", "user", "", "Sets the maximum number of parallel processes per maintenance operation."},
	{"max_parallel_workers", "integer", "8", 0, 1024, "", "user", "", "Sets the maximum number of parallel workers that can be active at one time."},
	{"max_parallel_workers_per_gather", "integer", "2", 0, 1024, "", "user", "", "Sets the maximum number of parallel processes per executor node."},
	{"min_parallel_index_scan_size", "integer", "64", 0, 715827882, "8kB", "user", "", "Sets the minimum amount of index data for a parallel scan."},
	{"min_parallel_table_scan_size", "integer", "1024", 0, 715827882, "8kB", "user", "", "Sets the minimum amount of table data for a parallel scan."},
	{"parallel_leader_participation", "bool", "on", 0, 0, "", "user", "", "Controls whether Gather and Gather Merge also run subplans."},
	{"parallel_setup_cost", "real", "1000", 0, math.MaxFloat64, "", "user", "", "Sets the planner's estimate of the cost of starting up worker processes for parallel query."},
	{"parallel_tuple_cost", "real", "0.1", 0, math.MaxFloat64, "", "user", "", "Sets the planner's estimate of the cost of passing each tuple (row) from worker to leader backend."},
	{"plan_cache_mode", "enum", "auto", 0, 0, "", "user", "auto,force_generic_plan,force_custom_plan", "Controls the planner's selection of custom or generic plan."},
	{"random_page_cost", "real", "4", 0, math.MaxFloat64, "", "user", "", "Sets the planner's estimate of the cost of a nonsequentially fetched disk page."},
	{"recursive_worktable_factor", "real", "10", 0.001, 1e6, "", "user", "", "Sets the planner's estimate of the average size of a recursive query's working table."},
	{"row_security", "bool", "on", 0, 0, "", "user", "", "Enable row security."},
	{"seq_page_cost", "real", "1", 0, math.MaxFloat64, "", "user", "", "Sets the planner's estimate of the cost of a sequentially fetched disk page."},
	{"synchronize_seqscans", "bool", "on", 0, 0, "", "user", "", "Enable synchronized sequential scans."},
	{"synchronous_commit", "enum", "on", 0, 0, "", "user", "local,remote_write,remote_apply,on,off,true=on,false=off,yes=on,no=off,1=on,0=off", "Sets the current transaction's synchronization level."},
	{"work_mem", "integer", "4096", 64, intMax, "kB", "user", "", "Sets the maximum memory to be used for query workspaces."},
	{"xmloption", "enum", "content", 0, 0, "", "user", "content,document", "Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments."},
}

// gucSettingDefs turns gucTable into settingDefs.
func gucSettingDefs() []*settingDef {
	out := make([]*settingDef, 0, len(gucTable))
	for i := range gucTable {
		g := &gucTable[i]
		def, err := g.check(g.boot)
		if err != nil {
			panic(fmt.Sprintf("gucTable: %s's boot value: %v", g.name, err))
		}
		out = append(out, &settingDef{name: g.name, def: def, desc: g.desc, check: g.checkValue})
	}
	return out
}

// checkValue is check, with synchronous_commit's one value drove cannot give refused.
func (g *guc) checkValue(v string) (string, error) {
	c, err := g.check(v)
	if err == nil && g.name == "synchronous_commit" && c == "remote_apply" {
		// remote_apply promises that a read on any replica sees the commit once it returns;
		// a drove session reading on a follower within its staleness bound may not.
		return "", &Error{Code: "0A000", Message: "synchronous_commit remote_apply is not supported",
			Hint: "A drove commit returns once it is durable on a quorum; reads on the leader see it."}
	}
	return c, err
}

// check validates a value as PostgreSQL's set_config_option does and returns it as SHOW
// prints it.
func (g *guc) check(v string) (string, error) {
	invalid := func(hint string) error {
		return &Error{Code: "22023", Message: fmt.Sprintf("invalid value for parameter %q: %q", g.name, v), Hint: hint}
	}
	switch g.vartype {
	case "bool":
		b, ok := parseBoolSetting(v)
		switch {
		case !ok:
			return "", Errorf("22023", "parameter %q requires a Boolean value", g.name)
		case b:
			return "on", nil
		}
		return "off", nil
	case "integer":
		n, hint, ok := parseGUCNumber(v, g.unit, true)
		if !ok {
			return "", invalid(hint)
		}
		if n < g.min || n > g.max {
			return "", Errorf("22023", "%d%s is outside the valid range for parameter %q (%d .. %d)",
				int64(n), unitSuffix(g.unit), g.name, int64(g.min), int64(g.max))
		}
		return formatGUCInt(int64(n), g.unit), nil
	case "real":
		n, hint, ok := parseGUCNumber(v, g.unit, false)
		if !ok {
			return "", invalid(hint)
		}
		if n < g.min || n > g.max {
			return "", Errorf("22023", "%s%s is outside the valid range for parameter %q (%s .. %s)",
				formatG(n), unitSuffix(g.unit), g.name, formatG(g.min), formatG(g.max))
		}
		return formatGUCReal(n, g.unit), nil
	}
	// enum: matched without regard to case, shown by its value's first name.
	var listed []string
	for _, e := range strings.Split(g.enums, ",") {
		alias, value, hidden := strings.Cut(e, "=")
		if !hidden {
			value = alias
			listed = append(listed, alias)
		}
		if strings.EqualFold(alias, v) {
			return value, nil
		}
	}
	return "", invalid("Available values: " + strings.Join(listed, ", ") + ".")
}

func unitSuffix(unit string) string {
	if unit == "" {
		return ""
	}
	return " " + unit
}

// gucUnits are PostgreSQL's units, largest first in each family, with their size in the
// family's smallest unit (bytes, microseconds).
var gucUnits = []struct {
	name   string
	memory bool
	size   float64
}{
	{"TB", true, 1 << 40}, {"GB", true, 1 << 30}, {"MB", true, 1 << 20}, {"kB", true, 1 << 10}, {"B", true, 1},
	{"d", false, 86400e6}, {"h", false, 3600e6}, {"min", false, 60e6}, {"s", false, 1e6}, {"ms", false, 1e3}, {"us", false, 1},
}

// baseUnitSize is the size of a setting's base unit; memory reports its family.
func baseUnitSize(unit string) (size float64, memory bool) {
	if unit == "8kB" {
		return 8192, true
	}
	for _, u := range gucUnits {
		if u.name == unit {
			return u.size, u.memory
		}
	}
	panic("gucTable: unknown unit " + unit)
}

const (
	memoryUnitsHint = `Valid units for this parameter are "B", "kB", "MB", "GB", and "TB".`
	timeUnitsHint   = `Valid units for this parameter are "us", "ms", "s", "min", "h", and "d".`
)

// parseGUCNumber is PostgreSQL's parse_int (integer) or parse_real: a C number (an integer
// in C's bases too), optionally followed by one of the setting's units, in the base unit;
// the hint is PostgreSQL's, when it gives one.
func parseGUCNumber(v, unit string, integer bool) (n float64, hint string, ok bool) {
	rest := ""
	if integer {
		var end int
		if n, end, ok = cStrtol(v); !ok || end < len(v) && strings.ContainsRune(".eE", rune(v[end])) {
			n, end, ok = cStrtod(v)
		}
		rest = v[end:]
	} else {
		var end int
		n, end, ok = cStrtod(v)
		rest = v[end:]
	}
	if !ok || math.IsNaN(n) {
		return 0, "", false
	}
	if rest = strings.TrimLeft(rest, " \t\n\r\f\v"); rest != "" {
		if unit == "" {
			return 0, "", false
		}
		base, memory := baseUnitSize(unit)
		hint = timeUnitsHint
		if memory {
			hint = memoryUnitsHint
		}
		name := strings.TrimRight(rest, " \t\n\r\f\v")
		if len(name) > 3 || strings.ContainsAny(name, " \t\n\r\f\v") {
			return 0, hint, false // convert_to_base_unit reads at most 3 characters
		}
		found := false
		for i, u := range gucUnits {
			if u.name != name || u.memory != memory {
				continue
			}
			n *= u.size / base
			// A fraction of a unit rounds to the next smaller unit, as PostgreSQL's does.
			if i+1 < len(gucUnits) && gucUnits[i+1].memory == memory {
				step := gucUnits[i+1].size / base
				n = math.RoundToEven(n/step) * step
			}
			found = true
		}
		if !found {
			return 0, hint, false
		}
	}
	if integer {
		if n = math.RoundToEven(n); n > math.MaxInt32 || n < math.MinInt32 {
			return 0, "Value exceeds integer range.", false
		}
	}
	return n, "", true
}

// formatGUCInt is how SHOW prints an integer setting: a positive value in the largest unit
// that divides it.
func formatGUCInt(n int64, unit string) string {
	if unit == "" || n <= 0 {
		return strconv.FormatInt(n, 10)
	}
	base, memory := baseUnitSize(unit)
	for _, u := range gucUnits {
		if u.memory != memory {
			continue
		}
		m := u.size / base
		if m <= 1 || n%int64(m) == 0 {
			return strconv.FormatFloat(math.RoundToEven(float64(n)/m), 'f', -1, 64) + u.name
		}
	}
	return strconv.FormatInt(n, 10) + unit
}

// formatGUCReal is how SHOW prints a real setting: %g, in the first unit that gives a whole
// number, else the smallest.
func formatGUCReal(n float64, unit string) string {
	if unit == "" {
		return formatG(n)
	}
	base, memory := baseUnitSize(unit)
	v, name := n, unit
	for _, u := range gucUnits {
		if u.memory != memory {
			continue
		}
		v, name = n/(u.size/base), u.name
		if v > 0 && math.Abs(math.RoundToEven(v)/v-1) <= 1e-8 {
			break
		}
	}
	return formatG(v) + name
}

// formatG is C's %g.
func formatG(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity" // PostgreSQL's own snprintf spells them so
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'g', 6, 64)
}

func isHex(c byte) bool { _, ok := hexDigit(c); return ok }

func isCSpace(c byte) bool { return c == ' ' || c >= '\t' && c <= '\r' }

// cStrtol is C's strtol(s, &end, 0) for a 32-bit-or-wider long: leading space, a sign, and
// decimal, 0x hexadecimal or 0 octal digits; ok is false when nothing was read or it
// overflowed (ERANGE).
func cStrtol(s string) (n float64, end int, ok bool) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base := uint64(10)
	switch {
	case i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && isHex(s[i+2]):
		base, i = 16, i+2
	case i < len(s) && s[i] == '0':
		base = 8
	}
	start := i
	var u uint64
	over := false
	for ; i < len(s); i++ {
		d, ok := hexDigit(s[i])
		if !ok || uint64(d) >= base {
			break
		}
		if u > (math.MaxInt64-uint64(d))/base {
			over = true
		}
		u = u*base + uint64(d)
	}
	if i == start {
		return 0, 0, false
	}
	n = float64(u)
	if neg {
		n = -n
	}
	return n, i, !over
}

// cStrtod is C's strtod for decimal numbers, inf and nan: ok is false when nothing was read
// or the value is out of range.
func cStrtod(s string) (n float64, end int, ok bool) {
	i := 0
	for i < len(s) && isCSpace(s[i]) {
		i++
	}
	start := i
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	l := strings.ToLower(s[i:])
	for _, w := range []string{"infinity", "inf", "nan"} {
		if strings.HasPrefix(l, w) {
			f, _ := strconv.ParseFloat(s[start:i+len(w)], 64)
			return f, i + len(w), true
		}
	}
	if i+2 < len(s) && s[i] == '0' && (s[i+1] == 'x' || s[i+1] == 'X') && (isHex(s[i+2]) || s[i+2] == '.') {
		return cStrtodHex(s, start, i+2)
	}
	digits, nonzero := 0, false
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
		nonzero = nonzero || s[i] != '0'
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
			nonzero = nonzero || s[i] != '0'
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			for i = j; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			}
		}
	}
	f, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil || nonzero && math.Abs(f) < minNormal {
		return 0, 0, false // ERANGE: overflow, or underflow past the normal numbers
	}
	return f, i, true
}

const minNormal = 0x1p-1022

// cStrtodHex is strtod's hexadecimal floats, 0x1.8p3, from the digits at i of s[start:].
func cStrtodHex(s string, start, i int) (n float64, end int, ok bool) {
	digits := 0
	exp := 0
	for ; i < len(s); i++ {
		if s[i] == '.' && exp == 0 {
			exp = 1 // fractional digits follow
			continue
		}
		d, isDigit := hexDigit(s[i])
		if !isDigit {
			break
		}
		n = n*16 + float64(d)
		digits++
		if exp > 0 {
			exp++
		}
	}
	if digits == 0 {
		return 0, 0, false
	}
	if exp > 0 {
		n = math.Ldexp(n, -4*(exp-1))
	}
	if i+1 < len(s) && (s[i] == 'p' || s[i] == 'P') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && s[j] >= '0' && s[j] <= '9' {
			p, k := 0, j
			for ; k < len(s) && s[k] >= '0' && s[k] <= '9'; k++ {
				p = min(p*10+int(s[k]-'0'), 100000)
			}
			if s[i+1] == '-' {
				p = -p
			}
			n, i = math.Ldexp(n, p), k
		}
	}
	if s[start] == '-' {
		n = -n
	}
	if math.IsInf(n, 0) || n != 0 && math.Abs(n) < minNormal {
		return 0, 0, false
	}
	return n, i, true
}
