import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.trino.sql.parser.ParsingException;
import io.trino.sql.parser.SqlParser;
import io.trino.sql.tree.DefaultTraversalVisitor;
import io.trino.sql.tree.Statement;
import io.trino.sql.tree.Table;
import io.trino.sql.tree.WithQuery;

/**
 * Parses the saved Athena queries with Trino's SQL parser (Athena engine 3 is Trino) and checks
 * that every table they name as `database.table` is one the same plan catalogs in Glue.
 *
 * Usage: SqlCheck <sql dir>: `<plan label>__<name>.sql` files and, per plan, `<plan label>.tables`
 * (one `database.table` a line). Exits 1 when a query does not parse or names an unknown table.
 */
public final class SqlCheck {
    public static void main(String[] args) throws Exception {
        File[] queries = new File(args[0]).listFiles((d, n) -> n.endsWith(".sql"));
        if (queries == null || queries.length == 0) {
            System.out.println("no saved queries to check");
            System.out.println("sql: 0 passed, 1 failed");
            System.exit(1);
        }
        Arrays.sort(queries);
        SqlParser parser = new SqlParser();
        int passed = 0;
        int failed = 0;
        for (File file : queries) {
            String label = file.getName().substring(0, file.getName().indexOf("__"));
            Path tablesFile = file.toPath().resolveSibling(label + ".tables");
            Set<String> tables = new HashSet<>();
            if (Files.exists(tablesFile)) for (String t : Files.readAllLines(tablesFile)) tables.add(t.trim().toLowerCase(Locale.ROOT));
            List<String> problems = new ArrayList<>();
            try {
                Statement statement = parser.createStatement(Files.readString(file.toPath()));
                Set<String> withNames = new HashSet<>();
                List<String> named = new ArrayList<>();
                new DefaultTraversalVisitor<Void>() {
                    @Override
                    protected Void visitWithQuery(WithQuery node, Void context) {
                        withNames.add(node.getName().getValue().toLowerCase(Locale.ROOT));
                        return super.visitWithQuery(node, context);
                    }

                    @Override
                    protected Void visitTable(Table node, Void context) {
                        named.add(String.join(".", node.getName().getParts()).toLowerCase(Locale.ROOT));
                        return null;
                    }
                }.process(statement, null);
                for (String table : named) {
                    if (!withNames.contains(table) && !tables.contains(table)) problems.add("names table " + table + ", which the plan does not catalog (" + tables + ")");
                }
            } catch (ParsingException e) {
                problems.add("does not parse: " + e.getMessage());
            }
            if (problems.isEmpty()) {
                passed++;
                System.out.println("  ok   " + file.getName());
            } else {
                failed++;
                System.out.println("  FAIL " + file.getName());
                for (String p : problems) System.out.println("         " + p);
            }
        }
        System.out.printf("sql (Trino parser): %d passed, %d failed%n", passed, failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
