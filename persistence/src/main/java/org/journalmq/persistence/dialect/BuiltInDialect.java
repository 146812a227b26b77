package org.journalmq.persistence.dialect;

import java.util.List;

/**
 * What every built-in dialect does alike: it is named, accepts the JDBC URLs of one prefix (in any
 * case), and its schema is {@link Migrations}, spelled in its own {@link SchemaWords}.
 */
abstract class BuiltInDialect implements Dialect {

    private final String name;
    private final String urlPrefix;
    private final SchemaWords words;

    BuiltInDialect(String name, String urlPrefix, SchemaWords words) {
        this.name = name;
        this.urlPrefix = urlPrefix;
        this.words = words;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean accepts(String jdbcUrl) {
        return jdbcUrl.regionMatches(true, 0, urlPrefix, 0, urlPrefix.length());
    }

    @Override
    public final String limitParameter() {
        return " LIMIT ?";
    }

    @Override
    public final int latestSchemaVersion() {
        return Migrations.LATEST;
    }

    @Override
    public final List<String> createVersionTable(Tables t) {
        return Migrations.versionTable(t, words);
    }

    @Override
    public final List<String> migration(int version, Tables t) {
        return switch (version) {
            case Migrations.ROW_SECURITY -> rowSecurity(t);
            case Migrations.CAPPED_STATS -> cappedStatsMigration(t);
            default -> Migrations.of(version, t, words);
        };
    }

    /** Migration 11's statements: none, unless the database counts through a definer function. */
    List<String> cappedStatsMigration(Tables t) {
        return List.of();
    }

    /** Migration 10's statements: none, unless the database has row-level security. */
    List<String> rowSecurity(Tables t) {
        return List.of();
    }
}
