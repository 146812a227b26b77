package org.journalmq.jms.client;

import jakarta.jms.ConnectionMetaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.journalmq.jms.ProviderVersion;

/**
 * What JournalMQ is and which JMSX properties it supports (spec 3.5.9).
 * <p>Internal: for org.journalmq.jms.
 */
public final class JournalMetaData implements ConnectionMetaData {

    /** Internal: for org.journalmq.jms. */
    public static final JournalMetaData INSTANCE = new JournalMetaData();

    /** JMSXDeliveryCount is set by the provider; JMSXGroupID/JMSXGroupSeq are set by clients. */
    static final List<String> JMSX_PROPERTIES = List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");

    private JournalMetaData() {
    }

    @Override
    public String getJMSVersion() {
        return "3.1";
    }

    @Override
    public int getJMSMajorVersion() {
        return 3;
    }

    @Override
    public int getJMSMinorVersion() {
        return 1;
    }

    @Override
    public String getJMSProviderName() {
        return "JournalMQ";
    }

    @Override
    public String getProviderVersion() {
        return ProviderVersion.current().text();
    }

    @Override
    public int getProviderMajorVersion() {
        return ProviderVersion.current().major();
    }

    @Override
    public int getProviderMinorVersion() {
        return ProviderVersion.current().minor();
    }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(JMSX_PROPERTIES);
    }
}
