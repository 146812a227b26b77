package org.journalmq.persistence.dialect;

import java.util.List;
import java.util.Optional;

/** Picks the dialect for a JDBC URL. */
public final class Dialects {
    private static final List<Dialect> ALL = List.of(new HsqldbDialect(), new PostgresDialect(), new MariaDbDialect());

    private Dialects() {
    }

    public static Optional<Dialect> forUrl(String jdbcUrl) {
        return ALL.stream().filter(d -> d.accepts(jdbcUrl)).findFirst();
    }

    // ------------------------------------------------------------------ caller-supplied DataSource

    /**
     * The dialect for a database product name as JDBC metadata reports it ("HSQL Database Engine",
     * "PostgreSQL", "MariaDB"), for a DataSource whose connections do not report a URL.
     */
    public static Optional<Dialect> forProductName(String productName) {
        if (productName == null) {
            return Optional.empty();
        }
        String p = productName.toLowerCase(java.util.Locale.ROOT);
        return p.contains("hsql") ? forUrl("jdbc:hsqldb:mem:x")
                : p.contains("postgres") ? forUrl("jdbc:postgresql://localhost/x")
                : p.contains("mariadb") ? forUrl("jdbc:mariadb://localhost/x") : Optional.empty();
    }
}
