package sql

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/drovedb/drove/sql/ast"
)

// sortKeyText is an ORDER BY term as EXPLAIN's Sort Key shows it: the expression, then
// DESC and a NULLS placement other than the direction's default.
func sortKeyText(o ast.SortBy, projs []projection, pos int) string {
	var text string
	switch {
	case pos < len(projs) && projs[pos].tree != nil:
		text = treeText(projs[pos].tree)
	case pos < len(projs):
		text = projs[pos].col.Name
	default:
		text = treeText(o.Expr)
	}
	if o.Desc {
		text += " DESC"
	}
	switch {
	case o.Nulls == ast.NullsFirst && !o.Desc:
		text += " NULLS FIRST"
	case o.Nulls == ast.NullsLast && o.Desc:
		text += " NULLS LAST"
	}
	return text
}

func sortKeysText(keys []sortKey) string {
	texts := make([]string, 0, len(keys))
	for _, k := range keys {
		if k.text == "" {
			return ""
		}
		texts = append(texts, k.text)
	}
	return strings.Join(texts, ", ")
}

// annotation is what EXPLAIN adds to a node's line: its estimates and counts.
func (ex *explainer) annotation(e *explainEntry) (est *estimate, st *nodeStats) {
	n := e.node
	if n == nil {
		n = e.like
	}
	if n == nil {
		return nil, nil
	}
	if ex.est != nil {
		r := ex.est.of(n)
		est = &r
	}
	if ex.opts.analyze {
		st = statsOf(n)
	}
	return est, st
}

// textLines are the plan as EXPLAIN's TEXT format prints it.
func (ex *explainer) textLines() []string {
	var out []string
	// inner[d] is PostgreSQL's indent level under the last entry of depth d: a node's line is
	// its parent's level, its label (CTE x) first, then "->  " two levels on; its details
	// and inputs are one level further.
	var inner []int
	for _, e := range ex.entries {
		level := 0
		if e.depth > 0 {
			level = inner[e.depth-1]
		}
		if e.label != "" {
			out = append(out, strings.Repeat("  ", level)+e.label)
			level++
		}
		indent := ""
		if level > 0 {
			indent = strings.Repeat("  ", level) + "->  "
			level += 2
		}
		level++
		inner = append(inner[:e.depth], level)
		line := indent + e.text
		est, st := ex.annotation(e)
		if est != nil {
			line += fmt.Sprintf("  (cost=%.2f..%.2f rows=%.0f width=%d)", est.startup, est.total, est.rows, est.width)
		}
		if ex.opts.analyze && (e.node != nil || e.like != nil) && !e.uncounted {
			line += " " + actualText(st, ex.opts.timing)
		}
		out = append(out, line)
		for _, d := range e.details {
			out = append(out, strings.Repeat("  ", level)+d)
		}
	}
	return out
}

// actualText is a node's (actual ...) as PostgreSQL prints it: times and rows averaged over
// the loops.
func actualText(st *nodeStats, timing bool) string {
	if st == nil || st.loops == 0 {
		return "(never executed)"
	}
	loops := float64(st.loops)
	rows := float64(st.rows) / loops
	if !timing {
		return fmt.Sprintf("(actual rows=%.0f loops=%d)", rows, st.loops)
	}
	return fmt.Sprintf("(actual time=%.3f..%.3f rows=%.0f loops=%d)", ms(st.startup)/loops, ms(st.total)/loops, rows, st.loops)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// summaryLines are the lines after the plan: Planning Time and, analyzing, Execution Time.
func (ex *explainer) summaryLines(planning, execution time.Duration) []string {
	if !ex.opts.summary {
		return nil
	}
	out := []string{fmt.Sprintf("Planning Time: %.3f ms", ms(planning))}
	if ex.opts.analyze {
		out = append(out, fmt.Sprintf("Execution Time: %.3f ms", ms(execution)))
	}
	return out
}

// jsonText is the plan as EXPLAIN's JSON format prints it: one document, the plan's nodes
// with PostgreSQL's keys for what drove knows of them.
func (ex *explainer) jsonText(planning, execution time.Duration) string {
	var b strings.Builder
	b.WriteString("[\n  {\n    \"Plan\": ")
	i := 0
	ex.jsonNode(&b, &i, 0, 2)
	if ex.opts.summary {
		fmt.Fprintf(&b, ",\n    \"Planning Time\": %.3f", ms(planning))
		if ex.opts.analyze {
			fmt.Fprintf(&b, ",\n    \"Execution Time\": %.3f", ms(execution))
		}
	}
	b.WriteString("\n  }\n]")
	return b.String()
}

// jsonNode writes entry *i and its inputs (the entries after it one level deeper).
func (ex *explainer) jsonNode(b *strings.Builder, i *int, depth, level int) {
	e := ex.entries[*i]
	*i++
	pad := strings.Repeat("  ", level+1)
	var fields []string
	add := func(k, v string) { fields = append(fields, pad+strconv.Quote(k)+": "+v) }
	for _, kv := range nodeTypeFields(e.text) {
		add(kv[0], strconv.Quote(kv[1]))
	}
	if e.label != "" {
		rel := "InitPlan" // CTE x, InitPlan N: PostgreSQL's initPlan list
		if strings.HasPrefix(e.label, "SubPlan") {
			rel = "SubPlan"
		}
		add("Parent Relationship", strconv.Quote(rel))
		add("Subplan Name", strconv.Quote(e.label))
	}
	est, st := ex.annotation(e)
	if est != nil {
		add("Startup Cost", fmt.Sprintf("%.2f", est.startup))
		add("Total Cost", fmt.Sprintf("%.2f", est.total))
		add("Plan Rows", fmt.Sprintf("%.0f", est.rows))
		add("Plan Width", strconv.Itoa(est.width))
	}
	if ex.opts.analyze && !e.uncounted {
		loops := int64(0)
		if st != nil {
			loops = st.loops
		}
		if loops > 0 && ex.opts.timing {
			add("Actual Startup Time", fmt.Sprintf("%.3f", ms(st.startup)/float64(loops)))
			add("Actual Total Time", fmt.Sprintf("%.3f", ms(st.total)/float64(loops)))
		}
		rows := 0.0
		if loops > 0 {
			rows = float64(st.rows) / float64(loops)
		}
		add("Actual Rows", fmt.Sprintf("%.0f", rows))
		add("Actual Loops", strconv.FormatInt(loops, 10))
	}
	for _, d := range e.details {
		k, v, _ := strings.Cut(d, ": ")
		add(k, strconv.Quote(v))
	}
	var kids []string
	for *i < len(ex.entries) && ex.entries[*i].depth > e.depth {
		var kb strings.Builder
		kb.WriteString(strings.Repeat("  ", level+2))
		ex.jsonNode(&kb, i, depth+1, level+2)
		kids = append(kids, kb.String())
	}
	if len(kids) > 0 {
		fields = append(fields, pad+"\"Plans\": [\n"+strings.Join(kids, ",\n")+"\n"+pad+"]")
	}
	b.WriteString("{\n" + strings.Join(fields, ",\n") + "\n" + strings.Repeat("  ", level) + "}")
}

// nodeTypeFields splits a node's line into PostgreSQL's JSON fields: "Seq Scan on a" is a
// Node Type and a Relation Name, "Index Scan using a_pkey on a" has an Index Name too,
// "Hash Left Join" is a Hash Join of Join Type Left.
func nodeTypeFields(text string) [][2]string {
	var out [][2]string
	name, rel, hasRel := strings.Cut(text, " on ")
	ix, hasIx := "", false
	if n, x, ok := strings.Cut(name, " using "); ok {
		name, ix, hasIx = n, x, true
	}
	for _, j := range []string{"Left", "Right", "Full", "Semi", "Anti"} {
		if base, ok := strings.CutSuffix(name, " "+j+" Join"); ok {
			out = append(out, [2]string{"Node Type", base + " Join"}, [2]string{"Join Type", j})
			name = ""
			break
		}
	}
	if name != "" {
		out = append(out, [2]string{"Node Type", name})
		if strings.HasSuffix(name, "Join") || name == "Nested Loop" {
			out = append(out, [2]string{"Join Type", "Inner"})
		}
	}
	if hasIx {
		out = append(out, [2]string{"Index Name", ix})
	}
	if hasRel {
		r, alias, ok := strings.Cut(rel, " ")
		if !ok {
			alias = r
		}
		switch name {
		case "Values Scan": // on "*VALUES*": an alias, no relation
			out = append(out, [2]string{"Alias", strings.Trim(alias, `"`)})
		case "CTE Scan":
			out = append(out, [2]string{"CTE Name", r}, [2]string{"Alias", alias})
		default:
			out = append(out, [2]string{"Relation Name", r}, [2]string{"Alias", alias})
		}
	}
	return out
}

// distinctKeyTexts is SELECT DISTINCT's Group Key: the select list as EXPLAIN prints it,
// its constants left out as PostgreSQL's planner leaves them out of the grouping.
func distinctKeyTexts(projs []projection) []string {
	var keys []string
	for _, p := range projs {
		switch {
		case p.tree == nil:
			keys = append(keys, p.col.Name)
		case isLiteral(p.tree):
		default:
			keys = append(keys, treeText(p.tree))
		}
	}
	return keys
}

func isLiteral(e ast.Expr) bool {
	_, ok := e.(*ast.Literal)
	return ok
}

// unionKeyTexts is UNION's Group Key: the first branch's columns, qualified by their table as
// PostgreSQL prints the Vars of a plan over several tables. Where the first branch is not a
// plain SELECT from one table its output column names stand in (its constants left out).
func unionKeyTexts(first *ast.Select, cols []Column) []string {
	t, ok := singleTable(first)
	if !ok {
		if first.Op != ast.NoSetOp || first.Values != nil || len(first.From) > 0 || len(first.Targets) != len(cols) {
			return starKeyTexts("", &ast.Select{}, cols)
		}
		var keys []string // a SELECT of no table: its constants are no keys
		for i, tg := range first.Targets {
			if !isLiteral(tg.Expr) {
				keys = append(keys, cols[i].Name)
			}
		}
		return keys
	}
	var keys []string
	for _, tg := range first.Targets {
		if r, ok := tg.Expr.(*ast.ColumnRef); ok && r.Star {
			return starKeyTexts(t, first, cols)
		}
		if isLiteral(tg.Expr) {
			continue
		}
		keys = append(keys, qualifiedText(tg.Expr, t))
	}
	return keys
}

// starKeyTexts is the Group Key of a first branch that selects *: its table's columns,
// qualified (the output names where the list holds more than the star).
func starKeyTexts(table string, first *ast.Select, cols []Column) []string {
	keys := make([]string, len(cols))
	for i, c := range cols {
		keys[i] = c.Name
		if len(first.Targets) == 1 {
			keys[i] = table + "." + c.Name
		}
	}
	return keys
}

// singleTable is the name a plain SELECT's one table goes by, false for anything else.
func singleTable(s *ast.Select) (string, bool) {
	if s == nil || s.Op != ast.NoSetOp || s.Values != nil || len(s.From) != 1 {
		return "", false
	}
	t, ok := s.From[0].(*ast.Table)
	if !ok {
		return "", false
	}
	if t.Alias != nil {
		return t.Alias.Name, true
	}
	return t.Name, true
}

// qualifiedText is x printed with its unqualified columns qualified by table; the tree is
// left as it was.
func qualifiedText(x ast.Expr, table string) string {
	var refs []*ast.ColumnRef
	ast.Walk(x, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SubLink:
			return false
		case *ast.ColumnRef:
			if len(n.Names) == 1 && !n.Star {
				refs = append(refs, n)
				n.Names = []string{table, n.Names[0]}
			}
		}
		return true
	})
	text := treeText(x)
	for _, r := range refs {
		r.Names = r.Names[1:]
	}
	return text
}
