import java.sql.*;
import java.util.UUID;

/**
 * An ORM-style flow through pgjdbc against drove, as Hibernate or jOOQ drive it: a transaction
 * with generated keys drawn from a sequence (RETURN_GENERATED_KEYS on a serial column), a
 * savepoint around a write that breaks a foreign key (caught as SQLSTATE 23503 and rolled back
 * to the savepoint), a CHECK violation (23514), a view, a uuid and a jsonb column, then the
 * commit. Run by e2e/orm_test.go with the JDBC URL as the only argument; prints "ok" when every
 * check passed, and throws otherwise.
 */
public class JdbcOrmFlow {
    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    static String state(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException) return ((SQLException) e.getCause()).getSQLState();
            throw e;
        }
        return null;
    }

    interface Sql { void run() throws SQLException; }

    static Runnable sql(Sql s) {
        return () -> {
            try {
                s.run();
            } catch (SQLException e) {
                throw new RuntimeException(e);
            }
        };
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE customers (id serial PRIMARY KEY, ref uuid NOT NULL UNIQUE, name text NOT NULL, prefs jsonb)");
                st.execute("CREATE TABLE orders (id bigserial PRIMARY KEY, customer int NOT NULL REFERENCES customers ON DELETE CASCADE, "
                        + "qty int CHECK (qty > 0), placed timestamptz DEFAULT now())");
                st.execute("CREATE VIEW order_totals AS SELECT c.name, sum(o.qty) AS total FROM customers c JOIN orders o ON o.customer = c.id GROUP BY c.name");
            }
            c.setAutoCommit(false);
            int[] ids = new int[2];
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO customers (ref, name, prefs) VALUES (?, ?, ?::jsonb)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 2; i++) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, "customer " + i);
                    ps.setString(3, "{\"tier\": " + i + "}");
                    check(ps.executeUpdate() == 1, "insert customer " + i);
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        check(keys.next(), "generated key " + i);
                        ids[i] = keys.getInt("id");
                    }
                }
            }
            check(ids[1] == ids[0] + 1, "keys from the sequence: " + ids[0] + ", " + ids[1]);

            Savepoint sp = c.setSavepoint("before_bad_order");
            String fk = state(sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer, qty) VALUES (?, ?)")) {
                    ps.setInt(1, ids[1] + 100);
                    ps.setInt(2, 1);
                    ps.executeUpdate();
                }
            }));
            check("23503".equals(fk), "a foreign-key violation is 23503, got " + fk);
            c.rollback(sp);

            sp = c.setSavepoint("before_bad_qty");
            String chk = state(sql(() -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer, qty) VALUES (?, ?)")) {
                    ps.setInt(1, ids[0]);
                    ps.setInt(2, 0);
                    ps.executeUpdate();
                }
            }));
            check("23514".equals(chk), "a CHECK violation is 23514, got " + chk);
            c.rollback(sp);

            long orderId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO orders (customer, qty) VALUES (?, ?)", new String[] {"id"})) {
                ps.setInt(1, ids[0]);
                ps.setInt(2, 3);
                check(ps.executeUpdate() == 1, "insert order");
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    check(keys.next(), "order key");
                    orderId = keys.getLong(1);
                }
            }
            c.releaseSavepoint(sp);
            c.commit();

            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, total FROM order_totals")) {
                check(rs.next(), "view row");
                check(rs.getString(1).equals("customer 0") && rs.getLong(2) == 3, "view: " + rs.getString(1) + " " + rs.getLong(2));
                check(!rs.next(), "one view row");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT o.id, c.prefs ->> 'tier', o.placed <= now() FROM orders o JOIN customers c ON c.id = o.customer")) {
                try (ResultSet rs = ps.executeQuery()) {
                    check(rs.next() && rs.getLong(1) == orderId && rs.getString(2).equals("0") && rs.getBoolean(3), "joined order");
                    check(!rs.next(), "one order");
                }
            }
            try (Statement st = c.createStatement()) {
                check(st.executeUpdate("DELETE FROM customers WHERE id = " + ids[0]) == 1, "delete customer");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
                    check(rs.next() && rs.getLong(1) == 0, "ON DELETE CASCADE removed the order");
                }
            }
            c.commit();
        }
        System.out.println("ok");
    }
}
