# wire16b: queries bound from sql/parser's tree that fell back to the dialect pass
# (sql/DESIGN.md, step 4). COLLATE: default, C and POSIX are how drove compares text.
statement ok
CREATE TABLE w16b (a int PRIMARY KEY, s text, v varchar(5))

statement ok
INSERT INTO w16b VALUES (1, 'b', 'B'), (2, 'a', 'a'), (3, NULL, 'c')

query
SELECT a, s COLLATE "C" FROM w16b WHERE s COLLATE "C" > 'a' ORDER BY s COLLATE "C"
----
1|b
tag: SELECT 1

query
SELECT v COLLATE "POSIX", 'x' COLLATE "default", NULL COLLATE "C", ARRAY['a'] COLLATE "C" FROM w16b ORDER BY 1
----
B|x|NULL|{a}
a|x|NULL|{a}
c|x|NULL|{a}
tag: SELECT 3

query
SELECT 'a' COLLATE pg_catalog."C" COLLATE "POSIX" < 'b'
----
t
tag: SELECT 1

query
SELECT a FROM w16b ORDER BY v COLLATE "C" DESC
----
3
2
1
tag: SELECT 3

statement error 42704
SELECT 'a' COLLATE "c"

statement error 42704
SELECT s COLLATE "posix" FROM w16b

statement error 42704
SELECT 'a' COLLATE "xyz"

statement error 42804
SELECT 1 COLLATE "C"

statement error 42804
SELECT a COLLATE "C" FROM w16b
