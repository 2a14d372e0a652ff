# Joins: inner, outer, cross, self and multi-way, with ON and USING; hash and nested-loop.
statement ok
CREATE TABLE dept (id int PRIMARY KEY, name text NOT NULL, city text)

statement ok
CREATE TABLE emp (id int PRIMARY KEY, name text NOT NULL, dept_id int, boss int, salary bigint)

statement ok
CREATE TABLE project (code text PRIMARY KEY, dept_id int, budget double precision)

statement ok
INSERT INTO dept VALUES (1, 'eng', 'berlin'), (2, 'sales', 'paris'), (3, 'ops', NULL), (4, 'legal', 'rome')

statement ok
INSERT INTO emp VALUES (1, 'ann', 1, NULL, 300), (2, 'bob', 1, 1, 200), (3, 'cid', 2, 1, 150), (4, 'dan', 2, 3, 120), (5, 'eve', NULL, 1, 90), (6, 'fay', 3, 1, 110)

statement ok
INSERT INTO project VALUES ('p1', 1, 10.5), ('p2', 1, 3), ('p3', 2, 7.25), ('p4', 9, 1)

query
SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.name
----
ann|eng
bob|eng
cid|sales
dan|sales
fay|ops
tag: SELECT 5

query
SELECT e.name, d.name FROM emp e INNER JOIN dept d ON d.id = e.dept_id WHERE d.city = 'paris' ORDER BY 1
----
cid|sales
dan|sales
tag: SELECT 2

query
SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id ORDER BY e.id
----
ann|eng
bob|eng
cid|sales
dan|sales
eve|NULL
fay|ops
tag: SELECT 6

query
SELECT e.name, d.name FROM emp e LEFT OUTER JOIN dept d ON e.dept_id = d.id AND d.city = 'berlin' ORDER BY e.id
----
ann|eng
bob|eng
cid|NULL
dan|NULL
eve|NULL
fay|NULL
tag: SELECT 6

query
SELECT e.name, d.name FROM emp e LEFT JOIN dept d ON e.dept_id = d.id WHERE d.id IS NULL ORDER BY e.id
----
eve|NULL
tag: SELECT 1

query
SELECT d.name, e.name FROM emp e RIGHT JOIN dept d ON e.dept_id = d.id ORDER BY d.id, e.id
----
eng|ann
eng|bob
sales|cid
sales|dan
ops|fay
legal|NULL
tag: SELECT 6

query
SELECT d.name, e.name FROM dept d FULL OUTER JOIN emp e ON e.dept_id = d.id ORDER BY d.id, e.id
----
eng|ann
eng|bob
sales|cid
sales|dan
ops|fay
legal|NULL
NULL|eve
tag: SELECT 7

query
SELECT d.name, e.name FROM dept d FULL JOIN emp e ON e.dept_id = d.id WHERE e.id IS NULL OR d.id IS NULL ORDER BY d.name, e.name
----
legal|NULL
NULL|eve
tag: SELECT 2

query
SELECT count(*) FROM emp CROSS JOIN dept
----
24
tag: SELECT 1

query
SELECT e.name, d.name FROM emp e, dept d WHERE e.dept_id = d.id AND e.salary > 140 ORDER BY e.name
----
ann|eng
bob|eng
cid|sales
tag: SELECT 3

query
SELECT e.name, b.name AS boss FROM emp e JOIN emp b ON e.boss = b.id ORDER BY e.name
----
bob|ann
cid|ann
dan|cid
eve|ann
fay|ann
tag: SELECT 5

query
SELECT e.name, b.name AS boss FROM emp e LEFT JOIN emp b ON e.boss = b.id ORDER BY e.id
----
ann|NULL
bob|ann
cid|ann
dan|cid
eve|ann
fay|ann
tag: SELECT 6

query
SELECT e.name, d.name, p.code FROM emp e JOIN dept d ON e.dept_id = d.id JOIN project p ON p.dept_id = d.id ORDER BY e.name, p.code
----
ann|eng|p1
ann|eng|p2
bob|eng|p1
bob|eng|p2
cid|sales|p3
dan|sales|p3
tag: SELECT 6

query
SELECT d.name, p.code FROM dept d LEFT JOIN project p ON p.dept_id = d.id LEFT JOIN emp e ON e.id = d.id ORDER BY d.name, p.code
----
eng|p1
eng|p2
legal|NULL
ops|NULL
sales|p3
tag: SELECT 5

query
SELECT p.code, d.name FROM project p LEFT JOIN dept d ON p.dept_id = d.id ORDER BY p.code
----
p1|eng
p2|eng
p3|sales
p4|NULL
tag: SELECT 4

query
SELECT e.name, p.code FROM emp e JOIN project p ON e.salary > p.budget * 20 ORDER BY e.name, p.code
----
ann|p1
ann|p2
ann|p3
ann|p4
bob|p2
bob|p3
bob|p4
cid|p2
cid|p3
cid|p4
dan|p2
dan|p4
eve|p2
eve|p4
fay|p2
fay|p4
tag: SELECT 16

query
SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id OR d.id = 4 ORDER BY e.name, d.name
----
ann|eng
ann|legal
bob|eng
bob|legal
cid|legal
cid|sales
dan|legal
dan|sales
eve|legal
fay|legal
fay|ops
tag: SELECT 11

query
SELECT a.name, b.name FROM emp a JOIN emp b ON a.id < b.id AND a.dept_id = b.dept_id ORDER BY 1, 2
----
ann|bob
cid|dan
tag: SELECT 2

statement ok
CREATE TABLE emp_extra (id int PRIMARY KEY, nickname text)

statement ok
INSERT INTO emp_extra VALUES (1, 'annie'), (3, 'cee'), (7, 'ghost')

query
SELECT id, name, nickname FROM emp JOIN emp_extra USING (id) ORDER BY id
----
1|ann|annie
3|cid|cee
tag: SELECT 2

query
SELECT id, name, nickname FROM emp LEFT JOIN emp_extra USING (id) ORDER BY id
----
1|ann|annie
2|bob|NULL
3|cid|cee
4|dan|NULL
5|eve|NULL
6|fay|NULL
tag: SELECT 6

query
SELECT emp.id, emp_extra.id, nickname FROM emp RIGHT JOIN emp_extra USING (id) ORDER BY emp_extra.id
----
1|1|annie
3|3|cee
NULL|7|ghost
tag: SELECT 3

query
SELECT * FROM emp_extra x JOIN emp_extra y ON x.id = y.id ORDER BY x.id
----
1|annie|1|annie
3|cee|3|cee
7|ghost|7|ghost
tag: SELECT 3

query
SELECT x.* FROM emp_extra x JOIN dept ON x.id = dept.id ORDER BY 1
----
1|annie
3|cee
tag: SELECT 2

query
SELECT e.name FROM emp e JOIN (SELECT id FROM dept WHERE city IS NOT NULL) AS d ON e.dept_id = d.id ORDER BY 1
----
ann
bob
cid
dan
tag: SELECT 4

query
SELECT t.n, t.c FROM (SELECT dept_id AS n, count(*) AS c FROM emp GROUP BY dept_id) t WHERE t.n IS NOT NULL ORDER BY t.n
----
1|2
2|2
3|1
tag: SELECT 3

query
SELECT d.name, sum(e.salary) FROM dept d JOIN emp e ON e.dept_id = d.id GROUP BY d.name ORDER BY d.name
----
eng|500
ops|110
sales|270
tag: SELECT 3

query
SELECT d.name, count(e.id) FROM dept d LEFT JOIN emp e ON e.dept_id = d.id GROUP BY d.name ORDER BY 2 DESC, 1
----
eng|2
sales|2
ops|1
legal|0
tag: SELECT 4

query
SELECT e.name FROM emp e JOIN dept d ON e.dept_id = d.id WHERE d.id = 2 ORDER BY 1
----
cid
dan
tag: SELECT 2

query
SELECT e.name, d.name FROM emp e JOIN dept d ON e.dept_id = d.id ORDER BY e.salary DESC LIMIT 2
----
ann|eng
bob|eng
tag: SELECT 2

statement error 42702
SELECT name FROM emp JOIN dept ON emp.dept_id = dept.id

statement error 42703
SELECT e.nosuch FROM emp e JOIN dept d ON e.dept_id = d.id

statement error 42P01
SELECT emp.name FROM emp e

statement error 42703
SELECT * FROM emp JOIN dept USING (nosuch)

statement error 42804
SELECT * FROM emp JOIN dept ON emp.name

statement error 42883
SELECT * FROM emp JOIN dept ON emp.name = dept.id

statement error 42601
SELECT * FROM (SELECT 1)

# NATURAL JOIN: USING every column name the two sides share.

statement ok
CREATE TABLE nat_a (id int PRIMARY KEY, k int, x text)

statement ok
CREATE TABLE nat_b (id int PRIMARY KEY, k int, y text)

statement ok
INSERT INTO nat_a VALUES (1, 10, 'a1'), (2, 20, 'a2'), (3, 30, 'a3')

statement ok
INSERT INTO nat_b VALUES (1, 10, 'b1'), (2, 99, 'b2'), (4, 40, 'b4')

query
SELECT * FROM nat_a NATURAL JOIN nat_b
----
1|10|a1|b1
tag: SELECT 1

query
SELECT id, x, y FROM nat_a NATURAL LEFT JOIN nat_b ORDER BY id
----
1|a1|b1
2|a2|NULL
3|a3|NULL
tag: SELECT 3

query
SELECT id, x, y FROM nat_a NATURAL RIGHT JOIN nat_b ORDER BY id
----
1|a1|b1
2|NULL|b2
4|NULL|b4
tag: SELECT 3

query
SELECT count(*) FROM nat_a NATURAL JOIN (SELECT y FROM nat_b) s
----
9
tag: SELECT 1

# FULL JOIN ... USING: the USING column is whichever side is not NULL.

query
SELECT id, x, y FROM nat_a FULL JOIN nat_b USING (id) ORDER BY id
----
1|a1|b1
2|a2|b2
3|a3|NULL
4|NULL|b4
tag: SELECT 4

query
SELECT id, k, nat_a.k, nat_b.k FROM nat_a FULL JOIN nat_b USING (id, k) ORDER BY 1, 2
----
1|10|10|10
2|20|20|NULL
2|99|NULL|99
3|30|30|NULL
4|40|NULL|40
tag: SELECT 5
