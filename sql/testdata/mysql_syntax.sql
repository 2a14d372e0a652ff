# MySQL syntax vitess parses but PostgreSQL does not have: refused with PostgreSQL's SQLSTATE,
# never run with a meaning of its own. And user text spelling the dialect pass's internal
# markers ('~using:', '~distinct', '::t', '~regex', '::nulls first') means what it means in
# PostgreSQL.

statement ok
CREATE TABLE a (x int PRIMARY KEY, y int)

statement ok
CREATE TABLE b (x int PRIMARY KEY, y int)

statement ok
INSERT INTO a VALUES (1, 10), (2, 20)

statement ok
INSERT INTO b VALUES (2, 200), (3, 300)

statement error 42601
SELECT * FROM a STRAIGHT_JOIN b ON true

statement error 42601
SELECT * FROM a straight_join b ON '~using:x'

statement error 42883
SELECT 1 <=> 2

statement error 42883
SELECT 1 <=> '~distinct' <=> 2

statement error 42601
SELECT 'a' REGEXP 'A'

statement error 42601
SELECT 'a' RLIKE 'A'

statement error 42601
SELECT 'a' regexp 'a' COLLATE '~regex'

statement error 42601
SELECT x FROM a LIMIT 1, 1

statement error 42601
SELECT 7 DIV 2

statement error 42601
SELECT true XOR false

statement error 42601
SELECT 5 MOD 2

statement error 42601
SELECT :foo

statement error 42601
SELECT 1 := 2

statement error 42883
SELECT !true

statement error 42601
SELECT 0x41

statement error 42601
SELECT 1_000

statement error 42601
SELECT `x` FROM a

statement error 42601
DELETE FROM a LIMIT 1

statement error 42601
UPDATE a SET y = 0 LIMIT 1

statement error 42601
INSERT INTO a SET x = 9

statement error 42601
REPLACE INTO a VALUES (1, 1)

statement error 42601
INSERT IGNORE INTO a VALUES (1, 1)

statement error 42601
INSERT INTO a VALUES (1, 1) ON DUPLICATE KEY UPDATE y = 0

statement error 42601
SELECT * FROM a LOCK IN SHARE MODE

statement error 42601
USE db

statement error 42601
SELECT * FROM a USE INDEX (i)

statement error 42601
SELECT * FROM a FORCE INDEX (i)

statement error 42601
SELECT HIGH_PRIORITY 1

statement error 42601
SELECT SQL_CALC_FOUND_ROWS 1

statement error 42703
SELECT DISTINCTROW x FROM a

statement error 42601
SELECT x FROM a GROUP BY x WITH ROLLUP

statement error 42601
EXPLAIN a

statement error 42601
LOCK TABLES a READ

statement error 42601
RENAME TABLE a TO c

statement error 42601
ALTER TABLE a ADD COLUMN z int AFTER x

statement error 42601
CREATE TABLE c (x int) ENGINE = InnoDB

statement error 42601
CREATE TABLE c (x int COMMENT 'q')

statement error 42601
CREATE TABLE c (x int AUTO_INCREMENT)

statement error 42704
CREATE TABLE c (x tinyint)

statement error 42704
CREATE TABLE c (x double)

statement error 42704
CREATE TABLE c (x datetime)

statement error 42883
SELECT ifnull(1, 2)

statement error 42883
SELECT locate('a', 'ba')

statement error 42883
SELECT group_concat(x) FROM a

statement error 42883
SELECT drove_subscript(x, 1) FROM a

statement error 42883
SELECT "drove_array_of"(1, 2)

statement error 42601
SELECT 'a' COLLATE 'C'

statement error 42704
SELECT 'a' COLLATE "::int"

statement error 42601
SELECT x FROM a ORDER BY x, '::nulls first'

statement error 22P02
SELECT * FROM a JOIN b ON '~using:x'

statement error 22021
SELECT E'\0::int'

statement error 22021
SELECT E'\x00using:x'

# The markers as ordinary strings, identifiers and comments.

query
SELECT '~using:x', '~distinct', '::int', '~regex', '::nulls first', '~regexi'
----
~using:x|~distinct|::int|~regex|::nulls first|~regexi
tag: SELECT 1

query
SELECT 1 AS "~using:x", 2 AS "::int", 3 AS div, 4 AS xor, 5 AS regexp, 6 AS straight_join, 7 AS _utf8
----
1|2|3|4|5|6|7
tag: SELECT 1

query
SELECT x /* collate '::int' */ FROM a -- ON '~using:x'
ORDER BY x
----
1
2
tag: SELECT 2

query
SELECT '1' = '1'::text COLLATE "C", 'a' || '~distinct'
----
t|a~distinct
tag: SELECT 1

statement ok
CREATE TABLE "::int" ("~distinct" int PRIMARY KEY, regexp text)

statement ok
CREATE INDEX ai ON a (y DESC NULLS FIRST, x NULLS LAST)

statement error 42601
CREATE INDEX ai2 ON a (y, '::nulls first')

statement ok
INSERT INTO "::int" VALUES (1, '~using:x')

query
SELECT "~distinct", regexp, regexp ILIKE '~USING%' FROM "::int"
----
1|~using:x|t
tag: SELECT 1

query
SELECT 1 IS DISTINCT FROM 2, 1 IS NOT DISTINCT FROM 1, 'a' ~ 'A', 'a' ~* 'A', 'a' ILIKE 'A'
----
t|t|f|t|t
tag: SELECT 1

query
SELECT a.x, b.x FROM a FULL JOIN b USING (x) ORDER BY 1, 2
----
1|NULL
2|2
NULL|3
tag: SELECT 3

query
SELECT 1 << 2 + 1, 7 & 3 + 1, 6 & (3 << 1), (6 & 3) << 1, 1 << 2 & 3, 1 & 2 = 3 << 1
----
8|4|6|4|0|f
tag: SELECT 1

query
SELECT 1-1, 2*-1, 3<-1, 4>=-1, 7 % 3, 1 & 3, 1 << 2
----
0|-2|f|t|1|1|4
tag: SELECT 1

query
SELECT E'\x41\101\u0041\t|', length(E'\\'), E'it\'s'
----
AAA	||1|it's
tag: SELECT 1

statement error 42P01
SELECT 1 FROM dual

statement error 42601
SELECT current_date()

statement error 42883
SELECT now(3)

statement error 42883
SELECT json_extract('{}', '$.a')

statement error 42883
SELECT std(1)

statement error 42601
ALTER TABLE a ADD COLUMN (z int)

statement error 42601
ALTER TABLE a DROP PRIMARY KEY

statement error 42601
ALTER TABLE a RENAME INDEX i TO j

statement error 42601
SELECT $x

query
SELECT $$abc$$, $t$a'b\c$t$, $a$x$$y$a$, 'a' ~ $$^a$$
----
abc|a'b\c|x$$y|t
tag: SELECT 1

# A table named dual is a table; a SELECT without FROM never reads it.

statement ok
CREATE TABLE dual (x int PRIMARY KEY)

statement ok
INSERT INTO dual VALUES (5), (6)

query
SELECT 1, (SELECT 2)
----
1|2
tag: SELECT 1

query
SELECT dual.x FROM "dual" WHERE dual.x = 6
----
6
tag: SELECT 1

# A quoted identifier is never the keyword it spells.

statement error 42601
"truncate" dual

statement error 42601
"checkpoint"

statement ok
CREATE TABLE k ("limit" int PRIMARY KEY, "values" int)

statement ok
INSERT INTO k AS "values" VALUES (1, 2), (3, 4)

query
SELECT "limit" FROM k ORDER BY 1 OFFSET 1
----
3
tag: SELECT 1

query
SELECT count(*) FROM dual
----
2
tag: SELECT 1

# Adjacent string literals join only across a newline.

statement error 42601
SELECT 'a' 'b'

query
SELECT 'a'
'b', 'c' -- comment
  'd'
----
ab|cd
tag: SELECT 1

# JOIN needs ON or USING; CROSS JOIN takes neither.

statement error 42601
SELECT * FROM a JOIN b

statement error 42601
SELECT * FROM a CROSS JOIN b ON true

query
SELECT count(*) FROM a CROSS JOIN b JOIN a c ON c.x = a.x CROSS JOIN b d
----
8
tag: SELECT 1

statement error 42601
INSERT INTO a VALUE (9, 9)

statement error 42601
SELECT char(65)

statement error 42601
SELECT values(x) FROM a

statement error 42601
SELECT default(x) FROM a

statement error 42601
SELECT interval(1, 2, 3)

statement error 42601
DROP TEMPORARY TABLE a

statement error 42601
CREATE TABLE c (x int, PRIMARY KEY (x) USING BTREE)

statement error 42601
SELECT current_user()

statement error 42601
SELECT 'a' FROM a LIMIT 1, 2

query
SELECT count(*) FROM a
----
2
tag: SELECT 1

statement error 42601
SELECT 1 NULLS FIRST

statement error 42601
SELECT x FROM a GROUP BY x NULLS LAST

query
SELECT x FROM a ORDER BY x DESC NULLS LAST
----
2
1
tag: SELECT 2

# Comparisons do not associate; a SET list's = is an assignment.

statement error 42601
SELECT 1 = 1 = true

statement error 42601
SELECT 1 < 2 < 3

statement ok
CREATE TABLE f (x int PRIMARY KEY, y int, ok bool)

statement ok
INSERT INTO f VALUES (1, 2, false)

statement ok
UPDATE f SET ok = x = 1, y = 5 WHERE x = 1 AND y = 2

statement ok
INSERT INTO f VALUES (1, 0, false) ON CONFLICT (x) DO UPDATE SET ok = excluded.x = 1, y = 7

query
SELECT x, y, ok, (x = 1) = ok, ok = (x = 1) FROM f
----
1|7|t|t|t
tag: SELECT 1
