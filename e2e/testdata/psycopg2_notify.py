"""psycopg2's LISTEN/NOTIFY against drove: an idle listener woken by select() and conn.poll(),
notifications delivered at commit only, deduplicated within a transaction, with payloads.

Run by e2e/notify_test.go with the server's DSN; prints "ok" at the end.
"""
import select
import sys

import psycopg2
import psycopg2.extensions

dsn = sys.argv[1]
listener = psycopg2.connect(dsn)
listener.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
listener.cursor().execute("LISTEN jobs")

notifier = psycopg2.connect(dsn)
ncur = notifier.cursor()
ncur.execute("SELECT pg_backend_pid()")
npid = ncur.fetchone()[0]
notifier.commit()


def received(timeout=5.0):
    """What the idle listener hears, waiting in select() as psycopg2's documentation shows."""
    out = []
    while True:
        if select.select([listener], [], [], timeout) == ([], [], []):
            return out
        listener.poll()
        while listener.notifies:
            n = listener.notifies.pop(0)
            assert n.pid == npid, (n.pid, npid)
            out.append((n.channel, n.payload))
            if n.payload == "marker":
                return out


def marker():
    ncur.execute("NOTIFY jobs, 'marker'")
    notifier.commit()


# psycopg2 opens a transaction: nothing is delivered until the commit.
ncur.execute("NOTIFY jobs, 'first'")
assert received(0.3) == [], "delivered before the commit"
notifier.commit()
got = received()
assert got == [("jobs", "first")], got

# Rollback: never delivered.
ncur.execute("NOTIFY jobs, 'lost'")
notifier.rollback()
marker()
got = received()
assert got == [("jobs", "marker")], got

# Duplicates in one transaction are delivered once, in order; pg_notify is NOTIFY.
ncur.execute("NOTIFY jobs, 'a'")
ncur.execute("SELECT pg_notify(%s, %s)", ("jobs", "b"))
ncur.execute("NOTIFY jobs, 'a'")
notifier.commit()
marker()
got = received()
assert got == [("jobs", "a"), ("jobs", "b"), ("jobs", "marker")], got

# Payloads up to 7999 bytes; 8000 is refused with 22023.
big = "x" * 7999
ncur.execute("SELECT pg_notify('jobs', %s)", (big,))
notifier.commit()
got = received()
assert got == [("jobs", big)], len(got)
try:
    ncur.execute("SELECT pg_notify('jobs', %s)", (big + "x",))
    raise AssertionError("an 8000-byte payload was accepted")
except psycopg2.Error as e:
    assert e.pgcode == "22023", e.pgcode
notifier.rollback()

lcur = listener.cursor()
lcur.execute("SELECT pg_listening_channels()")
assert lcur.fetchall() == [("jobs",)]
lcur.execute("UNLISTEN *")
marker()
assert received(0.3) == []

print("ok")
