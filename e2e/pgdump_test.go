package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/drovedb/drove/internal/pgtest"
)

// pgDumpSchema is an application's schema as PostgreSQL 15 holds it: serial, bigserial and
// identity columns, foreign keys, checks, unique constraints, a composite key, a table
// without a key, a view with cast columns, an index, and rows with quotes, tabs, newlines,
// NULLs and arrays, and comments.
const pgDumpSchema = `
CREATE TABLE customers (
  id serial PRIMARY KEY,
  email varchar(200) NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  balance numeric(12,2) DEFAULT 0 CHECK (balance >= 0)
);
CREATE TABLE products (
  sku text PRIMARY KEY,
  title varchar(100) NOT NULL,
  price numeric(10,2) NOT NULL CHECK (price > 0),
  tags text[],
  active boolean DEFAULT true
);
CREATE TABLE orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  placed date NOT NULL DEFAULT CURRENT_DATE,
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')),
  note text
);
CREATE TABLE order_items (
  order_id bigint NOT NULL REFERENCES orders(id),
  sku text NOT NULL REFERENCES products(sku),
  qty int NOT NULL CHECK (qty > 0),
  unit_price numeric(10,2) NOT NULL,
  PRIMARY KEY (order_id, sku)
);
CREATE TABLE audit_log (id bigserial, msg text, at timestamp DEFAULT localtimestamp, UNIQUE (msg, at));
CREATE INDEX orders_placed_idx ON orders (placed);
CREATE VIEW order_totals AS
  SELECT o.id, sum(i.qty * i.unit_price)::numeric(14,2) AS total, 'x'::varchar(3) AS tag
  FROM orders o JOIN order_items i ON i.order_id = o.id
  GROUP BY o.id;
CREATE VIEW customer_orders AS
  SELECT o.id, c.email, o.status::varchar(10) AS status FROM orders o JOIN customers c ON c.id = o.customer_id;
INSERT INTO customers (email, name, balance) VALUES
  ('a@x.org', 'Ann', 10), ('b@x.org', 'Bob O''Neil', 0), ('c@x.org', E'C\u00e9\ttab', 5.5);
INSERT INTO products VALUES ('p1', 'Pen', 1.50, '{red,blue}', true), ('p2', 'Paper', 3.00, NULL, false),
  ('p3', 'Ink "black"', 12.25, '{}', NULL);
INSERT INTO orders (customer_id, status, note) VALUES (1, 'paid', 'first'), (1, 'new', NULL), (2, 'shipped', E'multi\nline\\');
INSERT INTO order_items VALUES (1, 'p1', 3, 1.50), (1, 'p2', 1, 3.00), (2, 'p3', 2, 12.25), (3, 'p1', 10, 1.40);
INSERT INTO audit_log (msg) VALUES ('boot'), (NULL);
COMMENT ON TABLE customers IS 'who buys';
COMMENT ON COLUMN orders.status IS 'new, paid or shipped';
COMMENT ON VIEW order_totals IS 'per order';
COMMENT ON INDEX orders_placed_idx IS 'by day';
COMMENT ON CONSTRAINT order_items_qty_check ON order_items IS 'at least one';
`

// pgDumpChecks are the queries whose answers must be the same in PostgreSQL and in drove
// after the restore: every row, the columns as \d shows them, the constraints, the indexes
// and the sequences' positions.
var pgDumpChecks = []string{
	"SELECT * FROM customers ORDER BY id",
	"SELECT * FROM products ORDER BY sku",
	"SELECT * FROM orders ORDER BY id",
	"SELECT * FROM order_items ORDER BY order_id, sku",
	"SELECT id, msg FROM audit_log ORDER BY id",
	"SELECT * FROM order_totals ORDER BY id",
	"SELECT * FROM customer_orders ORDER BY id",
	`SELECT table_name, column_name, data_type, is_nullable, character_maximum_length, numeric_precision,
	   numeric_scale, is_identity, identity_generation, column_default IS NULL
	 FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
	`SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
	 FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
	 WHERE c.relname IN ('customers', 'products', 'orders', 'order_items', 'audit_log', 'order_totals', 'customer_orders')
	   AND a.attnum > 0
	 ORDER BY c.relname, a.attnum`,
	`SELECT c.relname, co.conname, co.contype, pg_get_constraintdef(co.oid)
	 FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid
	 WHERE c.relname IN ('customers', 'products', 'orders', 'order_items', 'audit_log') ORDER BY 1, 2`,
	"SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1",
	`SELECT c.relname, d.objsubid, d.description FROM pg_description d JOIN pg_class c ON c.oid = d.objoid
	 AND d.classoid = 'pg_class'::regclass ORDER BY 1, 2`,
	`SELECT co.conname, obj_description(co.oid, 'pg_constraint') FROM pg_constraint co
	 WHERE obj_description(co.oid, 'pg_constraint') IS NOT NULL ORDER BY 1`,
	"SELECT pg_get_serial_sequence('customers', 'id'), pg_get_serial_sequence('orders', 'id'), pg_get_serial_sequence('audit_log', 'id')",
	"SELECT nextval('customers_id_seq'), nextval('audit_log_id_seq'), nextval('orders_id_seq')",
	"INSERT INTO customers (email, name) VALUES ('d@x.org', 'Dee') RETURNING id, balance",
	"INSERT INTO orders (customer_id) SELECT max(id) FROM customers RETURNING id, customer_id, status, placed = current_date",
}

// TestPgDumpRestore dumps a schema from PostgreSQL 15 with pg_dump (plain, and --inserts),
// restores it into drove with psql -v ON_ERROR_STOP=1, and compares what both answer.
func TestPgDumpRestore(t *testing.T) {
	requireTool(t, "psql")
	pgDump := requireFile(t, filepath.Join(pgtest.Bin, "pg_dump"), "postgresql-15")
	url := pgtest.Start(t)
	ctx := context.Background()
	admin, err := pgconn.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(ctx)
	for _, format := range []string{"plain", "inserts"} {
		t.Run(format, func(t *testing.T) {
			db := "app_" + format
			mustExec(t, admin, "CREATE DATABASE "+db)
			pg, err := pgconn.Connect(ctx, pgtest.Database(url, db))
			if err != nil {
				t.Fatal(err)
			}
			defer pg.Close(ctx)
			if _, err := pg.Exec(ctx, pgDumpSchema).ReadAll(); err != nil {
				t.Fatal(err)
			}
			args := []string{"-d", pgtest.Database(url, db)}
			if format == "inserts" {
				args = append(args, "--inserts")
			}
			dump, err := exec.Command(pgDump, args...).Output()
			if err != nil {
				t.Fatalf("pg_dump: %v", err)
			}
			file := filepath.Join(t.TempDir(), "dump.sql")
			if err := os.WriteFile(file, dump, 0o644); err != nil {
				t.Fatal(err)
			}

			n := newNode(t)
			n.start()
			dc, err := n.connect(ctx)
			if err != nil {
				t.Fatal(err)
			}
			defer dc.Close(ctx)
			// The dump's ALTER ... OWNER TO postgres needs the role; it restores as that user
			// (with a password user, drove asks everyone for one).
			mustExec(t, dc, "CREATE USER postgres WITH PASSWORD 'x'")
			restore := exec.Command(requireTool(t, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
				"-h", "127.0.0.1", "-p", strconv.Itoa(n.port), "-U", "postgres", "-d", "drove", "-f", file)
			restore.Env = append(restore.Environ(), "PGCONNECT_TIMEOUT=10", "PGSSLMODE=prefer", "PGPASSWORD=x")
			if out, err := restore.CombinedOutput(); err != nil {
				t.Fatalf("restoring the %s dump into drove: %v\n%s", format, err, out)
			}
			for _, q := range pgDumpChecks {
				want, err := exec1(ctx, pg, q)
				if err != nil {
					t.Fatalf("PostgreSQL: %s: %v", q, err)
				}
				got, err := exec1(ctx, dc, q)
				if err != nil {
					t.Errorf("drove: %s: %v", q, err)
					continue
				}
				if !slices.EqualFunc(got, want, slices.Equal) {
					t.Errorf("%s\n drove: %q\n    pg: %q", q, got, want)
				}
			}
		})
	}
}
