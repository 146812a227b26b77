package org.journalmq.persistence.dialect;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A database server reached over the network (PostgreSQL, MariaDB): the URL as given, no default
 * credentials, no embedded file, no lock file and nothing to shut down when the journal closes.
 */
abstract class ServerDialect extends BuiltInDialect {

    ServerDialect(String name, String urlPrefix, SchemaWords words) {
        super(name, urlPrefix, words);
    }

    /** The URL as given: the driver needs nothing added. */
    @Override
    public final String prepareUrl(String jdbcUrl) {
        return jdbcUrl;
    }

    /** The claim index's columns after the two equalities (destination, state): the database walks it. */
    @Override
    public final String inDeliveryOrder() {
        return " ORDER BY priority_rank, id LIMIT ?";
    }

    @Override
    public final String defaultUser() {
        return null;
    }

    @Override
    public final String defaultPassword() {
        return null;
    }

    /** The URL without its query string: the properties do not make another database. */
    @Override
    public final String databaseKey(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public final boolean isEmbeddedFile(String jdbcUrl) {
        return false;
    }

    @Override
    public final boolean isLockFileBusy(SQLException e) {
        return false;
    }

    @Override
    public final Optional<String> shutdownSql() {
        return Optional.empty();
    }
}
