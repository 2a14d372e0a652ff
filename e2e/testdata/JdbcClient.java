import java.math.BigDecimal;
import java.sql.*;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * pgjdbc against drove: prepared statements (past the server-side prepare threshold), batch
 * inserts, generated keys, transactions, errors. Run by e2e/pgjdbc_test.go with the JDBC URL as
 * the only argument; prints "ok" when every check passed, and throws otherwise.
 */
public class JdbcClient {
    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS orders");
                st.execute("CREATE TABLE orders (id bigserial PRIMARY KEY, customer text NOT NULL, qty int, price float8, placed timestamp)");
            }

            // Generated keys: pgjdbc appends RETURNING to the INSERT.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO orders (customer, qty, price, placed) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, "acme");
                ps.setInt(2, 3);
                ps.setDouble(3, 9.75);
                ps.setTimestamp(4, Timestamp.valueOf("2024-05-06 07:08:09"));
                check(ps.executeUpdate() == 1, "insert count");
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    check(keys.next() && keys.getLong("id") == 1, "generated key");
                }
            }

            // A batch, in a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer, qty, price) VALUES (?, ?, ?)")) {
                for (int i = 0; i < 200; i++) {
                    ps.setString(1, "batch" + i);
                    ps.setInt(2, i);
                    if (i % 10 == 0) ps.setNull(3, Types.DOUBLE); else ps.setDouble(3, i * 0.5);
                    ps.addBatch();
                }
                int[] counts = ps.executeBatch();
                check(counts.length == 200, "batch size");
                for (int n : counts) check(n == 1, "batch row count");
            }
            c.commit();
            c.setAutoCommit(true);

            // A batch in autocommit is one transaction (one Sync), as on PostgreSQL: a
            // failing row keeps none of it.
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE batched (k int PRIMARY KEY)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batched VALUES (?)")) {
                for (int k : new int[] {1, 2, 1}) {
                    ps.setInt(1, k);
                    ps.addBatch();
                }
                boolean failed = false;
                try {
                    ps.executeBatch();
                } catch (BatchUpdateException e) {
                    failed = "23505".equals(e.getSQLState()) || e.getNextException() != null && "23505".equals(e.getNextException().getSQLState());
                }
                check(failed, "autocommit batch with a duplicate fails with 23505");
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM batched")) {
                check(rs.next() && rs.getInt(1) == 0, "a failed autocommit batch keeps nothing");
                st.execute("DROP TABLE batched");
            }
            c.setAutoCommit(false);

            // The same prepared query many times: pgjdbc switches to a named server-side
            // statement and binary results after its prepare threshold.
            try (PreparedStatement ps = c.prepareStatement("SELECT customer, qty, price FROM orders WHERE id = ?")) {
                for (int i = 2; i < 30; i++) {
                    ps.setLong(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        check(rs.next(), "row " + i);
                        check(rs.getString(1).equals("batch" + (i - 2)), "customer of " + i);
                        check(rs.getInt(2) == i - 2, "qty of " + i);
                        double price = rs.getDouble(3);
                        check(((i - 2) % 10 == 0) == rs.wasNull(), "null price of " + i);
                        check(rs.wasNull() || price == (i - 2) * 0.5, "price of " + i);
                        check(!rs.next(), "one row for " + i);
                    }
                }
            }
            c.commit();

            // An error rolls the transaction back; the connection stays usable.
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE orders SET qty = qty + 100 WHERE id = 1");
                try {
                    st.executeQuery("SELECT * FROM no_such_table");
                    check(false, "query on a missing table succeeded");
                } catch (SQLException e) {
                    check("42P01".equals(e.getSQLState()), "SQLSTATE " + e.getSQLState());
                }
                try {
                    st.executeQuery("SELECT 1");
                    check(false, "statement accepted in a failed transaction");
                } catch (SQLException e) {
                    check("25P02".equals(e.getSQLState()), "SQLSTATE " + e.getSQLState());
                }
                c.rollback();
                try (ResultSet rs = st.executeQuery("SELECT qty, placed FROM orders WHERE id = 1")) {
                    check(rs.next() && rs.getInt(1) == 3, "rolled-back update is gone");
                    check(rs.getTimestamp(2).equals(Timestamp.valueOf("2024-05-06 07:08:09")), "timestamp");
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*), sum(qty) FROM orders")) {
                    check(rs.next() && rs.getLong(1) == 201 && rs.getLong(2) == 3 + 199 * 100, "totals");
                }
            }
            c.commit();

            // Savepoints: a failed statement rolled back to one leaves the transaction usable.
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE orders SET qty = 7 WHERE id = 1");
                Savepoint sp = c.setSavepoint();
                st.executeUpdate("UPDATE orders SET qty = 8 WHERE id = 1");
                try {
                    st.executeUpdate("INSERT INTO orders (id, customer) VALUES (1, 'dup')");
                    check(false, "duplicate key accepted");
                } catch (SQLException e) {
                    check("23505".equals(e.getSQLState()), "SQLSTATE " + e.getSQLState());
                }
                c.rollback(sp);
                Savepoint named = c.setSavepoint("named");
                st.executeUpdate("UPDATE orders SET customer = 'acme2' WHERE id = 1");
                c.releaseSavepoint(named);
                c.commit();
                try (ResultSet rs = st.executeQuery("SELECT qty, customer FROM orders WHERE id = 1")) {
                    check(rs.next() && rs.getInt(1) == 7 && rs.getString(2).equals("acme2"), "savepoints");
                }
                st.executeUpdate("UPDATE orders SET qty = 3, customer = 'acme' WHERE id = 1");
                c.commit();
            }

            // DatabaseMetaData: the tables and their columns, read from pg_catalog (pgjdbc calls
            // an integer column whose default is nextval a serial, as it does on PostgreSQL).
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(null, "public", "%", new String[]{"TABLE"})) {
                check(rs.next() && rs.getString("TABLE_NAME").equals("orders") && rs.getString("TABLE_TYPE").equals("TABLE"), "getTables");
                check(!rs.next(), "getTables: one table");
            }
            String[][] want = {{"id", "bigserial", "NO"}, {"customer", "text", "NO"}, {"qty", "int4", "YES"},
                {"price", "float8", "YES"}, {"placed", "timestamp", "YES"}};
            try (ResultSet rs = md.getColumns(null, "public", "orders", "%")) {
                for (String[] w : want) {
                    check(rs.next(), "getColumns: column " + w[0]);
                    check(rs.getString("COLUMN_NAME").equals(w[0]) && rs.getString("TYPE_NAME").equals(w[1])
                        && rs.getString("IS_NULLABLE").equals(w[2]), "getColumns: " + w[0] + " is " + rs.getString("TYPE_NAME"));
                }
                check(!rs.next(), "getColumns: no more columns");
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX orders_customer_qty ON orders (customer, qty)");
            }
            // numeric both ways, past the server-prepare threshold (binary transfer).
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::numeric * 2, 1.50::numeric(5,2)")) {
                for (int i = 0; i < 7; i++) {
                    ps.setBigDecimal(1, new BigDecimal("1.25"));
                    try (ResultSet rs = ps.executeQuery()) {
                        check(rs.next() && rs.getBigDecimal(1).equals(new BigDecimal("2.50"))
                            && rs.getBigDecimal(2).equals(new BigDecimal("1.50")), "numeric: " + i);
                    }
                }
            }
            try (ResultSet rs = md.getPrimaryKeys(null, "public", "orders")) {
                check(rs.next() && rs.getString("COLUMN_NAME").equals("id") && rs.getInt("KEY_SEQ") == 1
                    && rs.getString("PK_NAME").equals("orders_pkey"), "getPrimaryKeys");
                check(!rs.next(), "getPrimaryKeys: one column");
            }
            // Unique indexes first, then by name and column position.
            String[][] wantIx = {{"orders_pkey", "id", "false", "1"}, {"orders_customer_qty", "customer", "true", "1"},
                {"orders_customer_qty", "qty", "true", "2"}};
            try (ResultSet rs = md.getIndexInfo(null, "public", "orders", false, false)) {
                for (String[] w : wantIx) {
                    check(rs.next(), "getIndexInfo: " + w[0] + "." + w[1]);
                    String got = rs.getString("INDEX_NAME") + "." + rs.getString("COLUMN_NAME") + " non-unique " + rs.getBoolean("NON_UNIQUE")
                        + " #" + rs.getInt("ORDINAL_POSITION");
                    check(got.equals(w[0] + "." + w[1] + " non-unique " + w[2] + " #" + w[3]), "getIndexInfo: " + got);
                }
                check(!rs.next(), "getIndexInfo: no more index columns");
            }
            c.commit();

            // uuid as java.util.UUID both ways, json and jsonb parameters as PGobject, past
            // the server-prepare threshold (binary uuid).
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE docs (id uuid PRIMARY KEY, body jsonb, raw json)");
            }
            UUID id = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO docs VALUES (?, ?, ?)")) {
                PGobject body = new PGobject();
                body.setType("jsonb");
                body.setValue("{\"name\": \"a\", \"tags\": [\"x\", \"y\"]}");
                PGobject raw = new PGobject();
                raw.setType("json");
                raw.setValue("[1,  null]");
                ps.setObject(1, id);
                ps.setObject(2, body);
                ps.setObject(3, raw);
                check(ps.executeUpdate() == 1, "insert uuid/json");
            }
            c.commit();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, body, raw, body ->> 'name' FROM docs WHERE id = ?")) {
                for (int i = 0; i < 7; i++) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        check(rs.next(), "uuid row " + i);
                        check(id.equals(rs.getObject(1, UUID.class)) && id.equals(rs.getObject(1)), "uuid: " + rs.getObject(1));
                        // getString: getObject would build a PGobject after looking the type up
                        // in pg_type by typinput, which drove's pg_type lacks.
                        String body = rs.getString(2);
                        check(body.equals("{\"name\": \"a\", \"tags\": [\"x\", \"y\"]}"), "jsonb: " + body);
                        check(rs.getString(3).equals("[1,  null]") && rs.getString(4).equals("a"), "json: " + rs.getString(3));
                    }
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT gen_random_uuid()")) {
                check(rs.next() && rs.getObject(1) instanceof UUID, "gen_random_uuid");
            }
            c.commit();

            // setFetchSize in a transaction: pgjdbc reads a named portal 100 rows at a time
            // (Execute with max rows), which drove streams; another statement in between
            // runs the rest of the portal into a buffer first.
            try (PreparedStatement ps = c.prepareStatement("SELECT g FROM generate_series(1, 100000) g")) {
                ps.setFetchSize(100);
                long sum = 0, n = 0;
                try (ResultSet rs = ps.executeQuery(); Statement other = c.createStatement()) {
                    while (rs.next()) {
                        check(rs.getLong(1) == n + 1, "fetched row " + rs.getLong(1) + " after " + n);
                        sum += rs.getLong(1);
                        n++;
                        if (n == 50000) {
                            try (ResultSet o = other.executeQuery("SELECT count(*) FROM orders")) {
                                check(o.next(), "statement between fetches");
                            }
                        }
                    }
                }
                check(n == 100000 && sum == 5000050000L, "fetched " + n + " rows, sum " + sum);
            }
            c.commit();
        }
        System.out.println("ok");
    }
}
