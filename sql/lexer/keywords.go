package lexer

import "strings"

// common holds the lower-case spellings of frequent keywords, so folding an upper-case
// keyword finds its spelling here instead of allocating one.
var common = func() map[string]string {
	m := map[string]string{}
	for _, w := range strings.Fields(`select from where and or not in is null true false as on join left right
		inner outer full cross using group by order having limit offset union all distinct insert into
		values update set delete returning create table index drop alter add column primary key unique
		default references begin commit rollback transaction start work show reset copy stdin stdout
		with case when then else end between like ilike exists any some cast asc desc nulls first last
		current_timestamp current_date now count sum min max avg int integer bigint smallint text
		varchar char numeric boolean timestamp date serial if vacuum analyze truncate only user role
		password tablespace local session time zone isolation level read write format csv header
		delimiter conflict do nothing over partition window to for lateral except intersect fetch next rows row`) {
		m[w] = w
	}
	return m
}()

// lowerKeyword returns the interned lower-case spelling of w if it is a common keyword.
func lowerKeyword(w string) (string, bool) {
	if len(w) > 20 {
		return "", false
	}
	var buf [20]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	kw, ok := common[string(buf[:len(w)])]
	return kw, ok
}
