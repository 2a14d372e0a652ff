"""psycopg2's named (server-side) cursors against drove: conn.cursor('name') sends
DECLARE "name" CURSOR WITHOUT HOLD FOR ... and reads it with FETCH FORWARD itersize FROM
"name"; scrollable=True declares SCROLL and scroll() sends MOVE; withhold=True declares WITH
HOLD, which outlives the commit. Prints "ok" when every check passed."""
import sys

import psycopg2
import psycopg2.errors

conn = psycopg2.connect(sys.argv[1])
cur = conn.cursor()
cur.execute("DROP TABLE IF EXISTS items")
cur.execute("CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL)")
cur.execute("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 10000) g")
conn.commit()

# Iterating a named cursor reads 10,000 rows in FETCH FORWARD 2000 batches.
with conn.cursor("all_items") as named:
    named.itersize = 2000
    named.execute("SELECT id, label FROM items ORDER BY id")
    n = 0
    for row in named:
        n += 1
        assert row == (n, "item %d" % n), row
    assert n == 10000, n
    assert [d.name for d in named.description] == ["id", "label"], named.description
conn.commit()

# fetchmany and fetchone; the cursor's rows are those of its DECLARE even after an UPDATE
# in the same transaction.
named = conn.cursor("some_items")
named.execute("SELECT id, label FROM items WHERE id > %s ORDER BY id", (9990,))
assert named.fetchone() == (9991, "item 9991")
cur.execute("UPDATE items SET label = 'changed' WHERE id > 9990")
assert named.fetchmany(3) == [(9992, "item 9992"), (9993, "item 9993"), (9994, "item 9994")]
assert len(named.fetchall()) == 6
assert named.fetchone() is None
named.close()
conn.rollback()

# scrollable=True: SCROLL, and scroll() moves back.
named = conn.cursor("scrolled", scrollable=True)
named.execute("SELECT id FROM items WHERE id <= 10 ORDER BY id")
assert named.fetchmany(5) == [(1,), (2,), (3,), (4,), (5,)]
named.scroll(-3)
assert named.fetchone() == (3,)
named.scroll(0, mode="absolute")
assert named.fetchone() == (1,)
named.close()
conn.rollback()

# Without SCROLL, going back is refused with PostgreSQL's 55000.
named = conn.cursor("forward_only", scrollable=False)
named.execute("SELECT id FROM items ORDER BY id")
named.fetchmany(2)
try:
    named.scroll(-1)
    raise AssertionError("NO SCROLL cursor went back")
except psycopg2.errors.ObjectNotInPrerequisiteState:
    pass
conn.rollback()

# withhold=True: the cursor outlives the commit.
named = conn.cursor("held", withhold=True)
named.execute("SELECT id FROM items WHERE id <= 3 ORDER BY id")
conn.commit()
assert named.fetchall() == [(1,), (2,), (3,)]
named.close()
conn.commit()

# An error of the cursor's query reaches execute().
named = conn.cursor("missing")
try:
    named.execute("SELECT * FROM no_such_table")
    raise AssertionError("cursor over a missing table")
except psycopg2.errors.UndefinedTable:
    pass
conn.rollback()

cur.execute("SELECT count(*) FROM pg_cursors")
assert cur.fetchone() == (0,)
conn.close()
print("ok")
