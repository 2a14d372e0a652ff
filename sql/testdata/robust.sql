# A record's text doubles its quotes at each level of nesting: 33 levels of row() would print
# terabytes. PostgreSQL fails at 1 GiB; drove built it until the server ran out of memory.
query
SELECT row(row(row(1))), row(row(row(1)))::text, row('a "b" \c', row(''), NULL)
----
("(""(1)"")")|("(""(1)"")")|("a ""b"" \\c","("""")",)
tag: SELECT 1

statement error 54000
SELECT row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(1)))))))))))))))))))))))))))))))))

statement error 54000
SELECT row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(1)))))))))))))))))))))))))))))))))::text

statement error 54000
SELECT length(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(row(1)))))))))))))))))))))))))))))))))::text)
