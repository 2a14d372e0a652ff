"""psycopg2 against drove: timestamptz, interval and time values both ways.

Run by e2e/datetime_test.go with the server's DSN as the only argument. Any failed check raises,
and the script prints "ok" at the end.
"""
import datetime
import sys

import psycopg2

conn = psycopg2.connect(sys.argv[1])
conn.autocommit = True
cur = conn.cursor()
cur.execute("SET TIME ZONE 'America/New_York'")
cur.execute("CREATE TABLE moments (id int PRIMARY KEY, at timestamptz, span interval, clock time)")

utc = datetime.timezone.utc
at = datetime.datetime(2024, 7, 1, 23, 30, 15, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
span = datetime.timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=7)
clock = datetime.time(13, 14, 15, 500000)
cur.execute("INSERT INTO moments VALUES (%s, %s, %s, %s)", (1, at, span, clock))

cur.execute("SELECT at, span, clock, at::text FROM moments WHERE id = 1")
got_at, got_span, got_clock, text = cur.fetchone()
assert got_at == at, (got_at, at)
# The session's zone: New York in July is UTC-4.
assert got_at.utcoffset() == datetime.timedelta(hours=-4), got_at
assert text == "2024-07-01 17:30:15.123456-04", text
assert got_span == span, got_span
assert got_clock == clock, got_clock

# Arithmetic and functions come back as the Python types.
cur.execute("SELECT at + interval '1 day', at - timestamptz '2024-07-01 00:00:00+00', "
            "date_trunc('day', at), extract(epoch FROM at) FROM moments")
plus, diff, day, epoch = cur.fetchone()
assert plus == at + datetime.timedelta(days=1), plus
assert diff == datetime.timedelta(hours=21, minutes=30, seconds=15, microseconds=123456), diff
assert day == datetime.datetime(2024, 7, 1, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=-4))), day
assert float(epoch) == at.timestamp(), epoch

# now() is the transaction's start.
conn.autocommit = False
cur.execute("SELECT now()")
n1 = cur.fetchone()[0]
cur.execute("SELECT now(), clock_timestamp()")
n2, clock_now = cur.fetchone()
assert n1 == n2 and clock_now >= n1, (n1, n2, clock_now)
conn.commit()
conn.close()
print("ok")
