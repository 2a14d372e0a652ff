# char(n), varchar and text compare as PostgreSQL resolves their operators: char(n) against
# char(n), varchar or an untyped literal ignores trailing spaces; against text it is cast to
# text (dropping them) and compared as text.
statement ok
CREATE TABLE ch (id int PRIMARY KEY, c char(4), vc varchar(5), tx text)

statement ok
INSERT INTO ch VALUES (1, 'ab', 'ab', 'ab'), (2, 'ab', 'ab ', 'ab '), (3, 'ab ', 'ab  ', 'ab  '), (4, NULL, NULL, NULL)

statement ok
CREATE TABLE chk (k char(3) PRIMARY KEY, n int)

statement ok
INSERT INTO chk VALUES ('ab', 1), ('x', 2)

query
SELECT id FROM ch WHERE c = 'ab '::text ORDER BY id
----
tag: SELECT 0

query
SELECT id FROM ch WHERE c = tx ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE tx = c ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE c = vc ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE vc = 'ab'::char(4) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE 'ab'::char(4) = vc ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE tx = 'ab'::char(4) ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE c = 'ab   ' ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE vc = 'ab '::text ORDER BY id
----
2
tag: SELECT 1

query
SELECT id FROM ch WHERE vc = 'ab ' ORDER BY id
----
2
tag: SELECT 1

query
SELECT id FROM ch WHERE c <> 'ab '::text ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE c < 'ab '::text ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE c IN ('ab '::text) ORDER BY id
----
tag: SELECT 0

query
SELECT id FROM ch WHERE c IN ('ab '::text, 'x') ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE c IN ('ab   ', 'x') ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE vc IN ('ab'::char(3), 'x'::char(2)) ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE vc IN ('ab'::char(3)) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE tx IN (c, 'zz') ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE c NOT IN ('ab '::text, 'x'::text) ORDER BY id
----
tag: SELECT 0

query
SELECT 'ab'::char(4) IN ('ab '::text), 'ab'::char(4) IN ('ab '::text, 'x'), 'ab '::text IN ('ab'::char(4), 'x'), 'ab'::char(4) IN ('ab '::text, 'x'::char(2))
----
f|t|f|t
tag: SELECT 1

query
SELECT id FROM ch WHERE c IS NOT DISTINCT FROM 'ab '::text ORDER BY id
----
tag: SELECT 0

query
SELECT id FROM ch WHERE c IS DISTINCT FROM vc ORDER BY id
----
tag: SELECT 0

query
SELECT id, CASE c WHEN 'ab '::text THEN 'y' ELSE 'n' END, CASE c WHEN 'ab ' THEN 'y' ELSE 'n' END FROM ch ORDER BY id
----
1|n|y
2|n|y
3|n|y
4|n|n
tag: SELECT 4

query
SELECT id, length(c), length(vc), char_length(c), length('ab  '::char(4)) FROM ch ORDER BY id
----
1|2|2|2|2
2|2|3|2|2
3|2|4|2|2
4|NULL|NULL|NULL|2
tag: SELECT 4

query
SELECT id, c || 'x', c || vc || 'x', 'x' || c, c || 1 FROM ch ORDER BY id
----
1|abx|ababx|xab|ab1
2|abx|abab x|xab|ab1
3|abx|abab  x|xab|ab1
4|NULL|NULL|NULL|NULL
tag: SELECT 4

query
SELECT id, c LIKE 'ab', c LIKE 'ab  ', c LIKE 'ab%', c ILIKE 'AB' FROM ch ORDER BY id
----
1|f|t|t|f
2|f|t|t|f
3|f|t|t|f
4|NULL|NULL|NULL|NULL
tag: SELECT 4

query
SELECT id, '[' || upper(c) || ']', '[' || c::text || ']', '[' || c::varchar || ']', '[' || lower(c) || ']' FROM ch ORDER BY id
----
1|[AB]|[ab]|[ab]|[ab]
2|[AB]|[ab]|[ab]|[ab]
3|[AB]|[ab]|[ab]|[ab]
4|NULL|NULL|NULL|NULL
tag: SELECT 4

query
SELECT id, replace(c, ' ', '_'), position(' ' IN c), substr(c, 1, 3) || '|', trim(c) || '|' FROM ch ORDER BY id
----
1|ab|0|ab||ab|
2|ab|0|ab||ab|
3|ab|0|ab||ab|
4|NULL|NULL|NULL|NULL
tag: SELECT 4

query
SELECT count(DISTINCT c) FROM ch
----
1
tag: SELECT 1

query
SELECT '[' || c || ']', count(*) FROM ch GROUP BY c ORDER BY 1
----
[ab]|3
NULL|1
tag: SELECT 2

query
SELECT id FROM ch ORDER BY c, id
----
1
2
3
4
tag: SELECT 4

query
SELECT a.id, b.id FROM ch a JOIN ch b ON a.c = b.tx ORDER BY 1, 2
----
1|1
2|1
3|1
tag: SELECT 3

query
SELECT a.id, b.id FROM ch a JOIN ch b ON a.c = b.vc ORDER BY 1, 2
----
1|1
1|2
1|3
2|1
2|2
2|3
3|1
3|2
3|3
tag: SELECT 9

query
SELECT a.id, b.id FROM ch a JOIN ch b ON a.vc = b.tx ORDER BY 1, 2
----
1|1
2|2
3|3
tag: SELECT 3

query
SELECT 'ab'::char(2) = 'ab  '::char(4), 'ab'::char(3) < 'ab'::text, 'ab '::text > 'ab'::char(3), 'a'::char(3) < 'a '::varchar
----
t|f|t|f
tag: SELECT 1

query
SELECT n FROM chk WHERE k = 'ab '::text
----
tag: SELECT 0

query
SELECT n FROM chk WHERE k = 'ab'::text
----
1
tag: SELECT 1

query
SELECT n FROM chk WHERE k = 'ab  '
----
1
tag: SELECT 1

query
SELECT n FROM chk WHERE k = 'ab '::varchar
----
1
tag: SELECT 1

query
SELECT n FROM chk WHERE k IN ('ab '::text)
----
tag: SELECT 0

query
SELECT n FROM chk WHERE k IN ('ab '::text, 'x '::text) ORDER BY n
----
1
2
tag: SELECT 2

query
SELECT n FROM chk WHERE k = ANY (ARRAY['ab '::text]) ORDER BY n
----
tag: SELECT 0

query
SELECT id FROM ch WHERE id IN (1, NULL) ORDER BY id
----
1
tag: SELECT 1

query
SELECT id, id IN (1, NULL), id NOT IN (1, NULL), c IN ('ab', NULL) FROM ch ORDER BY id
----
1|t|f|t
2|NULL|NULL|t
3|NULL|NULL|t
4|NULL|NULL|NULL
tag: SELECT 4

query
SELECT n FROM chk WHERE k = ANY (ARRAY['ab'::text, 'x'])
----
1
2
tag: SELECT 2

query
SELECT n FROM chk WHERE k = ANY (ARRAY['ab'::char(3)])
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE coalesce(c, 'z') = 'ab ' ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id, CASE WHEN id = 1 THEN c ELSE 'ab ' END = 'ab'::text, '[' || coalesce(c, 'z') || ']', greatest(c, 'ab ') = 'ab '::text FROM ch ORDER BY id
----
1|t|[ab]|f
2|t|[ab]|f
3|t|[ab]|f
4|t|[z]|f
tag: SELECT 4

query
SELECT id FROM ch WHERE c IN (SELECT tx FROM ch) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE c IN (SELECT vc FROM ch) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE tx = ANY (SELECT c FROM ch) ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE vc = ANY (SELECT c FROM ch WHERE c IS NOT NULL) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT s.id FROM (SELECT id, c FROM ch) s WHERE s.c = 'ab   ' ORDER BY 1
----
1
2
3
tag: SELECT 3

query
SELECT s.id FROM (SELECT id, c FROM ch) s WHERE s.c = 'ab '::text ORDER BY 1
----
tag: SELECT 0

query
SELECT id FROM ch WHERE c = ANY (ARRAY['ab '::text, 'x']) ORDER BY id
----
tag: SELECT 0

query
SELECT count(*) FROM (SELECT c FROM ch UNION SELECT 'ab ' ) u
----
2
tag: SELECT 1

query
SELECT DISTINCT '[' || c || ']' FROM ch ORDER BY 1
----
[ab]
NULL
tag: SELECT 2

query
SELECT id FROM ch WHERE c LIKE vc ORDER BY id
----
3
tag: SELECT 1

query
SELECT id FROM ch WHERE c IN ('ab', NULL) ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id, c NOT IN ('zz', NULL), c IN ('ab  ', 'q') FROM ch ORDER BY id
----
1|NULL|t
2|NULL|t
3|NULL|t
4|NULL|NULL
tag: SELECT 4

query
SELECT id FROM ch WHERE c IN (tx, 'zz', 'yy') ORDER BY id
----
1
tag: SELECT 1

query
SELECT id FROM ch WHERE vc IN (c, 'zz') ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE c IN ('ab '::varchar, 'x') ORDER BY id
----
1
2
3
tag: SELECT 3

query
SELECT id FROM ch WHERE c > 'ab'::text ORDER BY id
----
tag: SELECT 0

query
SELECT max(c) = 'ab '::text, min(c) || '|' FROM ch
----
f|ab|
tag: SELECT 1

query
SELECT count(*) FROM (SELECT CASE WHEN id = 1 THEN c ELSE 'ab ' END AS k FROM ch GROUP BY 1) s
----
1
tag: SELECT 1

query
SELECT count(DISTINCT CASE WHEN id = 1 THEN c ELSE 'ab ' END), string_agg(c, ',') FROM ch
----
1|ab,ab,ab
tag: SELECT 1

query
SELECT '[' || x || ']' FROM (SELECT c FROM ch WHERE id = 1 UNION ALL SELECT tx FROM ch WHERE id = 3) u(x) ORDER BY 1
----
[ab]
[ab]
tag: SELECT 2

query
SELECT count(*) FROM (SELECT tx FROM ch UNION SELECT c FROM ch) u
----
4
tag: SELECT 1

query
SELECT x, n FROM (SELECT c, 1 FROM ch WHERE id = 1 UNION ALL SELECT 'ab ', 2) u(x, n) ORDER BY x, n DESC
----
ab |2
ab  |1
tag: SELECT 2
