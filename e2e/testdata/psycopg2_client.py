"""psycopg2 against drove: parameters, executemany, COPY, transactions, errors.

Run by e2e/psycopg2_test.go with the server's DSN as the only argument. Any failed check raises,
and the script prints "ok" at the end.
"""
import io
import sys
from decimal import Decimal

import psycopg2
import psycopg2.errors

conn = psycopg2.connect(sys.argv[1])
cur = conn.cursor()

# psycopg2 opens a transaction before the first statement: DDL runs inside it.
cur.execute("DROP TABLE IF EXISTS accounts")
cur.execute("CREATE TABLE accounts (id serial PRIMARY KEY, owner text NOT NULL, balance float8, note text)")
conn.commit()

# Parameters are interpolated by the client: quotes, backslashes, NULL, unicode.
cur.execute("INSERT INTO accounts (owner, balance, note) VALUES (%s, %s, %s) RETURNING id",
            ("O'Brien", 10.5, "back\\slash"))
first_id = cur.fetchone()[0]
assert first_id == 1, first_id
cur.execute("INSERT INTO accounts (owner, balance, note) VALUES (%s, %s, %s)", ("Zoë", 0, None))

cur.executemany("INSERT INTO accounts (owner, balance) VALUES (%s, %s)",
                [("user%d" % i, i * 1.25) for i in range(100)])
conn.commit()

cur.execute("SELECT owner, balance, note FROM accounts WHERE id = %s", (first_id,))
assert cur.fetchone() == ("O'Brien", 10.5, "back\\slash")
cur.execute("SELECT note FROM accounts WHERE owner = %s", ("Zoë",))
assert cur.fetchone() == (None,)
cur.execute("SELECT count(*), sum(balance) FROM accounts WHERE owner LIKE %s", ("user%",))
assert cur.fetchone() == (100, sum(i * 1.25 for i in range(100)))
assert [d.name for d in cur.description] == ["count", "sum"]

# COPY in and out.
cur.copy_from(io.StringIO("1000\tcopied\t2.5\t\\N\n1001\tcsv, too\t3\tx\n"), "accounts",
              columns=("id", "owner", "balance", "note"))
conn.commit()
out = io.StringIO()
cur.copy_expert("COPY (SELECT id, owner, note FROM accounts WHERE id >= 1000 ORDER BY id) TO STDOUT WITH CSV HEADER", out)
assert out.getvalue() == 'id,owner,note\n1000,copied,\n1001,"csv, too",x\n', repr(out.getvalue())

# numeric arrives as Decimal with its scale; a Decimal parameter keeps every digit.
cur.execute("SELECT %s::numeric * 2, 1.50::numeric(5,2), 1 / 3.0", (Decimal("1.25"),))
assert cur.fetchone() == (Decimal("2.50"), Decimal("1.50"), Decimal("0.33333333333333333333")), "numeric"

# uuid arrives as uuid.UUID once registered, json and jsonb as Python objects; Json() and
# UUID parameters go in.
import uuid
import psycopg2.extras
psycopg2.extras.register_uuid()
cur.execute("CREATE TABLE docs (id uuid PRIMARY KEY, body jsonb, raw json)")
doc_id = uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
cur.execute("INSERT INTO docs VALUES (%s, %s, %s)",
            (doc_id, psycopg2.extras.Json({"name": "a", "tags": ["x", "y"], "n": 1.5}), psycopg2.extras.Json([1, None])))
cur.execute("SELECT id, body, raw, body ->> 'name', body @> %s FROM docs WHERE id = %s",
            (psycopg2.extras.Json({"tags": ["y"]}), doc_id))
row = cur.fetchone()
assert row == (doc_id, {"name": "a", "tags": ["x", "y"], "n": 1.5}, [1, None], "a", True), row
cur.execute("SELECT gen_random_uuid()")
assert isinstance(cur.fetchone()[0], uuid.UUID)
try:
    cur.execute("SELECT %s::uuid", ("not-a-uuid",))
    raise AssertionError("bad uuid accepted")
except psycopg2.errors.InvalidTextRepresentation:
    pass
conn.rollback()

# Lists go in as ARRAY[...] (an empty one as '{}') and array columns come back as lists.
cur.execute("CREATE TABLE tagged (id int PRIMARY KEY, tags text[], nums int[], scores float8[])")
cur.execute("INSERT INTO tagged VALUES (%s, %s, %s, %s)", (1, ["a", "b c", None], [1, 2], []))
cur.execute("SELECT tags, nums, scores FROM tagged WHERE %s = ANY (tags)", ("b c",))
row = cur.fetchone()
assert row == (["a", "b c", None], [1, 2], []), row
conn.commit()

# An error aborts the transaction until rollback; the connection stays usable.
cur.execute("UPDATE accounts SET balance = balance - 5 WHERE id = %s", (first_id,))
try:
    cur.execute("INSERT INTO accounts (id, owner) VALUES (%s, %s)", (first_id, "dup"))
    raise AssertionError("duplicate key accepted")
except psycopg2.errors.UniqueViolation:
    pass
try:
    cur.execute("SELECT 1")
    raise AssertionError("statement accepted in a failed transaction")
except psycopg2.errors.InFailedSqlTransaction:
    pass
conn.rollback()
cur.execute("SELECT balance FROM accounts WHERE id = %s", (first_id,))
assert cur.fetchone() == (10.5,), "the failed transaction's update survived"

# A committed transfer across rows is all or nothing.
with conn:
    with conn.cursor() as c2:
        c2.execute("UPDATE accounts SET balance = balance - 1 WHERE id = %s", (first_id,))
        c2.execute("UPDATE accounts SET balance = balance + 1 WHERE owner = %s", ("Zoë",))
cur.execute("SELECT sum(balance) FROM accounts WHERE id = %s OR owner = %s", (first_id, "Zoë"))
assert cur.fetchone() == (10.5,)
conn.commit()

# Savepoints: a failed statement rolled back to one leaves the transaction usable (what
# SQLAlchemy's begin_nested does); the status goes back from INERROR to INTRANS.
from psycopg2.extensions import TRANSACTION_STATUS_INERROR, TRANSACTION_STATUS_INTRANS
cur.execute("UPDATE accounts SET balance = balance + 100 WHERE id = %s", (first_id,))
cur.execute("SAVEPOINT sp1")
cur.execute("UPDATE accounts SET note = 'gone' WHERE id = %s", (first_id,))
try:
    cur.execute("INSERT INTO accounts (id, owner) VALUES (%s, %s)", (first_id, "dup"))
    raise AssertionError("duplicate key accepted")
except psycopg2.errors.UniqueViolation:
    pass
assert conn.get_transaction_status() == TRANSACTION_STATUS_INERROR
cur.execute("ROLLBACK TO SAVEPOINT sp1")
assert conn.get_transaction_status() == TRANSACTION_STATUS_INTRANS
cur.execute("SAVEPOINT sp2")
cur.execute("UPDATE accounts SET balance = balance + 1 WHERE id = %s", (first_id,))
cur.execute("RELEASE SAVEPOINT sp2")
try:
    cur.execute("ROLLBACK TO SAVEPOINT sp2")
    raise AssertionError("released savepoint still there")
except psycopg2.errors.InvalidSavepointSpecification:
    pass
cur.execute("ROLLBACK TO SAVEPOINT sp1")
conn.commit()
cur.execute("SELECT balance, note FROM accounts WHERE id = %s", (first_id,))
assert cur.fetchone() == (109.5, "back\\slash"), "savepoints"
conn.commit()

conn.autocommit = True
cur.execute("SHOW server_version")
assert cur.fetchone()[0].startswith("15")
assert conn.server_version >= 150000, conn.server_version
conn.close()
print("ok")
