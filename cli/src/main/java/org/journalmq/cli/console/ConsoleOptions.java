package org.journalmq.cli.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;

/**
 * How a console listens.
 *
 * @param bind             address to listen on; a loopback address unless a password and a keystore are given
 * @param port             TCP port, 0 for any free one
 * @param samplePeriodMs   time between two reads of the journal's figures
 * @param password         the console password (from --password-file), or null on loopback for none
 * @param keystore         a PKCS#12 keystore with the HTTPS key and certificate, or null for plain HTTP
 * @param keystorePassword its password
 * @param hostNames        extra names browsers may use in the Host header (a DNS name of the bind address)
 */
public record ConsoleOptions(String bind, int port, long samplePeriodMs, String password, Path keystore,
                             String keystorePassword, List<String> hostNames) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8161;
    public static final long DEFAULT_SAMPLE_MS = 5_000;

    public ConsoleOptions {
        hostNames = List.copyOf(hostNames);
        if (samplePeriodMs < 100) {
            throw new IllegalArgumentException("the sampling period must be at least 100 ms, was " + samplePeriodMs);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be 0 to 65535, was " + port);
        }
        if (!loopback(bind) && (password == null || password.isEmpty() || keystore == null)) {
            // anyone on the network could reach it: only behind a password, and only over TLS so
            // that the password and the session cookie never cross the network in clear
            throw new IllegalArgumentException("binding " + bind + " (not a loopback address) needs a console"
                    + " password (--password-file) and HTTPS (--keystore)");
        }
    }

    /** The defaults on another port: 127.0.0.1, no password, plain HTTP, a sample every 5 s. */
    public static ConsoleOptions loopback(int port) {
        return new ConsoleOptions(DEFAULT_BIND, port, DEFAULT_SAMPLE_MS, null, null, null, List.of());
    }

    public ConsoleOptions withSamplePeriod(long ms) {
        return new ConsoleOptions(bind, port, ms, password, keystore, keystorePassword, hostNames);
    }

    public boolean https() {
        return keystore != null;
    }

    static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown bind address " + address);
        }
    }

    @Override
    public String toString() { // never the passwords
        return "ConsoleOptions[bind=" + bind + ", port=" + port + ", samplePeriodMs=" + samplePeriodMs
                + ", password=" + (password == null ? "none" : "set") + ", keystore=" + keystore + "]";
    }
}
