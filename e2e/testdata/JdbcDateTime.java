import java.sql.*;
import java.time.*;

/**
 * pgjdbc against drove: timestamptz as OffsetDateTime, time as LocalTime, interval as text,
 * through server-side prepared statements. Run by e2e/datetime_test.go with the JDBC URL as
 * the only argument; prints "ok" when every check passed, and throws otherwise.
 */
public class JdbcDateTime {
    static void check(boolean ok, String what) {
        if (!ok) throw new AssertionError(what);
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0] + "&prepareThreshold=1")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE moments (id int PRIMARY KEY, at timestamptz, span interval, clock time)");
            }
            OffsetDateTime at = OffsetDateTime.of(2024, 7, 1, 23, 30, 15, 123456000, ZoneOffset.ofHours(2));
            LocalTime clock = LocalTime.of(13, 14, 15, 500000000);
            for (int i = 1; i <= 3; i++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO moments VALUES (?, ?, ?::interval, ?)")) {
                    ps.setInt(1, i);
                    ps.setObject(2, at.plusDays(i));
                    ps.setString(3, i + " days 04:05:06");
                    ps.setObject(4, clock);
                    check(ps.executeUpdate() == 1, "insert " + i);
                }
            }
            for (int i = 1; i <= 3; i++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT at, span, clock, at + span FROM moments WHERE id = ?")) {
                    ps.setInt(1, i);
                    try (ResultSet rs = ps.executeQuery()) {
                        check(rs.next(), "row " + i);
                        OffsetDateTime got = rs.getObject(1, OffsetDateTime.class);
                        check(got.toInstant().equals(at.plusDays(i).toInstant()), "timestamptz " + got);
                        check(rs.getString(2).equals(i + (i == 1 ? " day" : " days") + " 04:05:06"), "interval " + rs.getString(2));
                        check(rs.getObject(3, LocalTime.class).equals(clock), "time " + rs.getObject(3, LocalTime.class));
                        OffsetDateTime sum = rs.getObject(4, OffsetDateTime.class);
                        check(sum.toInstant().equals(at.plusDays(2L * i).plusHours(4).plusMinutes(5).plusSeconds(6).toInstant()),
                                "timestamptz + interval " + sum);
                    }
                }
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_typeof(now())::text, extract(year FROM at) FROM moments WHERE id = 1")) {
                check(rs.next() && rs.getString(1).equals("timestamp with time zone"), "now() type");
                check(rs.getInt(2) == 2024, "extract");
            }
        }
        System.out.println("ok");
    }
}
