package org.journalmq.persistence.dialect;

import java.util.List;

/**
 * Migration 11 on PostgreSQL (issue 13 item 3): the operators' figures per destination at a cost
 * that does not grow with a destination's depth. A SECURITY DEFINER function, as the full count of
 * migration 10 ({@code stats}), because row-level security would hide from a client role the
 * destinations it may not browse, and operators are shown every destination's counts.
 *
 * <p>It walks the destinations by probing the claim index {@code (destination, state,
 * priority_rank, id)} for the next one (a skip scan: one index descent per destination, however many
 * rows each holds), reads at most {@code cap} waiting (state 0) and {@code cap} in-flight rows (states
 * 1-3) of each through that index (ordered as the index is, so that the planner walks it and stops
 * at the cap, as a claim does), and for a part that reaches the cap asks the planner for its row
 * estimate (from the column statistics ANALYZE keeps, scaled to the table's current size).
 */
final class CappedStatsFunction {

    private CappedStatsFunction() {
    }

    static String signature(Tables t) {
        return t.cappedStatsFunction() + "(bigint, bigint)";
    }

    static List<String> migration(Tables t) {
        String d = t.delivery();
        // Columns are always qualified (x.): the OUT parameters share their names. VOLATILE although
        // it writes nothing: PostgreSQL refuses EXPLAIN inside a STABLE function.
        String estimate = "'EXPLAIN (FORMAT JSON) SELECT 1 FROM " + d + " x WHERE x.destination = ' || quote_literal(d)";
        String function = "CREATE OR REPLACE FUNCTION " + signature(t).replace("(bigint, bigint)",
                "(p_now bigint, p_cap bigint)")
                + " RETURNS TABLE (destination varchar, waiting bigint, ready bigint, waiting_oldest bigint,"
                + " in_flight bigint, in_flight_oldest bigint, waiting_estimate bigint, in_flight_estimate bigint,"
                + " table_estimate bigint)"
                + " LANGUAGE plpgsql VOLATILE SECURITY DEFINER AS $$ DECLARE d varchar; est json; analyzed boolean;"
                + " BEGIN"
                // Per-destination estimates need ANALYZE's statistics of the destination column
                // (autovacuum keeps them; without, the planner guesses a fixed fraction): without
                // them the caller shares the table's row estimate among the deep parts instead.
                + " analyzed := EXISTS (SELECT 1 FROM pg_catalog.pg_stats s WHERE s.schemaname = current_schema()"
                + " AND s.tablename = lower('" + d + "') AND s.attname = 'destination');"
                // the table's rows: its statistics scaled to its current size in pages
                + " EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM " + d + " x' INTO est;"
                + " table_estimate := round((est->0->'Plan'->>'Plan Rows')::numeric);"
                + " SELECT x.destination INTO d FROM " + d + " x ORDER BY x.destination LIMIT 1;"
                + " WHILE d IS NOT NULL LOOP"
                + " destination := d;"
                + " SELECT count(*), coalesce(sum(CASE WHEN a.deliver_at <= p_now THEN 1 ELSE 0 END), 0),"
                + " min(a.created_at) INTO waiting, ready, waiting_oldest FROM (SELECT x.deliver_at, x.created_at"
                + " FROM " + d + " x WHERE x.destination = d AND x.state = 0 ORDER BY x.priority_rank, x.id"
                + " LIMIT p_cap) a;"
                // state > 0, not <> 0 (states are 0-3): a range on the index, read up to the cap only
                + " SELECT count(*), min(b.created_at) INTO in_flight, in_flight_oldest FROM (SELECT x.created_at"
                + " FROM " + d + " x WHERE x.destination = d AND x.state > 0 ORDER BY x.state, x.priority_rank, x.id"
                + " LIMIT p_cap) b;"
                + " waiting_estimate := NULL; in_flight_estimate := NULL;"
                + " IF analyzed AND waiting >= p_cap THEN EXECUTE " + estimate + " || ' AND x.state = 0' INTO est;"
                + " waiting_estimate := round((est->0->'Plan'->>'Plan Rows')::numeric); END IF;"
                + " IF analyzed AND in_flight >= p_cap THEN EXECUTE " + estimate + " || ' AND x.state > 0' INTO est;"
                + " in_flight_estimate := round((est->0->'Plan'->>'Plan Rows')::numeric); END IF;"
                + " RETURN NEXT;"
                + " SELECT x.destination INTO d FROM " + d + " x WHERE x.destination > d ORDER BY x.destination LIMIT 1;"
                + " END LOOP; END $$";
        // As for migration 10's functions: a definer function must not resolve names in pg_temp first.
        String searchPath = "DO $$ BEGIN EXECUTE format('ALTER FUNCTION " + signature(t)
                + " SET search_path = %I, pg_temp', current_schema()); END $$";
        // Planned for each destination's value: a generic plan, cached after five calls on a pooled
        // connection, could pick the sequential scan that suits a destination holding most rows
        // (it stops after the cap) for one holding few, and read the whole table to find them.
        String customPlans = "ALTER FUNCTION " + signature(t) + " SET plan_cache_mode = force_custom_plan";
        return List.of(function, searchPath, customPlans);
    }
}
