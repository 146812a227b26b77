/**
 * The configuration model of JournalMQ (issue 19 item 1): one immutable, validated
 * {@link org.journalmq.jms.config.Settings} record, built by one
 * {@link org.journalmq.jms.config.SettingsBinder} that knows each setting once (its name, type,
 * default, rule and error message). Every entry point binds through it: the connection factory's
 * setters and {@code set(name, value)}, its {@code Properties} constructor and JNDI references, the
 * Java SE JNDI environment, and the resource adapter's config properties. A bad value therefore
 * fails with the same {@link java.lang.IllegalArgumentException} message wherever it was given;
 * each entry point only wraps it in its own exception type (JNDI's ConfigurationException, the
 * adapter's ResourceAdapterInternalException).
 *
 * <p>The package depends on the persistence module (the table prefix rule is the journal's) and on
 * {@link org.journalmq.jms.message.DeserializationFilter}, a leaf class that parses the allow and
 * deny lists, and on nothing else of {@code org.journalmq.jms}: the destination name rule lives
 * here ({@link org.journalmq.jms.config.DestinationNames}) because settings name queues, and
 * {@code JournalDestination} checks names with it.
 */
package org.journalmq.jms.config;
