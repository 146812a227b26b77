package org.journalmq.persistence.dialect;

import java.util.List;
import java.util.Optional;

/** Picks the dialect for a JDBC URL. */
public final class Dialects {
    private static final List<Dialect> ALL = List.of(new HsqldbDialect(), new PostgresDialect());

    private Dialects() {
    }

    public static Optional<Dialect> forUrl(String jdbcUrl) {
        return ALL.stream().filter(d -> d.accepts(jdbcUrl)).findFirst();
    }
}
