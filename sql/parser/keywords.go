package parser

import "strings"

// keywordCategory is PostgreSQL 15's category of a keyword (kwlist.h, pg_get_keywords()):
// reserved words are never names; type-or-function-name words name types and functions
// but not columns or tables; column-name words name columns and tables but not functions
// (most start a special form: CAST, EXTRACT, ROW, ...). Unreserved keywords are names
// everywhere: the parser recognises them by their place, so they are not listed.
type keywordCategory uint8

const (
	unreserved keywordCategory = iota
	reserved
	typeFuncName
	colName
)

var keywordCategories = func() map[string]keywordCategory {
	m := map[string]keywordCategory{}
	for cat, words := range map[keywordCategory]string{
		reserved: `all analyse analyze and any array as asc asymmetric both case cast check collate column
			constraint create current_catalog current_date current_role current_time current_timestamp
			current_user default deferrable desc distinct do else end except false fetch for foreign from grant
			group having in initially intersect into lateral leading limit localtime localtimestamp not null
			offset on only or order placing primary references returning select session_user some symmetric
			table then to trailing true union unique user using variadic when where window with`,
		typeFuncName: `authorization binary collation concurrently cross current_schema freeze full ilike inner is
			isnull join left like natural notnull outer overlaps right similar tablesample verbose`,
		colName: `between bigint bit boolean char character coalesce dec decimal exists extract float greatest
			grouping inout int integer interval least national nchar none normalize nullif numeric out overlay
			position precision real row setof smallint substring time timestamp treat trim values varchar
			xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot
			xmlserialize xmltable`,
	} {
		for _, w := range strings.Fields(words) {
			m[w] = cat
		}
	}
	return m
}()

func category(word string) keywordCategory { return keywordCategories[word] }
