package org.journalmq.jms;

/**
 * The version of JournalMQ, as {@link jakarta.jms.ConnectionMetaData} reports it (spec 3.5.9:
 * getProviderVersion, getProviderMajorVersion, getProviderMinorVersion), and as the command line and
 * the resource adapter show it.
 *
 * <p>It is read from the {@code Implementation-Version} entry of the manifest of the jar holding
 * this class, which the build writes from the project version, so there is no constant to keep in
 * step with releases. Classes run from a directory (an IDE, a reactor build's {@code target/classes})
 * have no manifest: then the version is {@link #DEVELOPMENT}, which says so rather than guessing.
 *
 * @param text  the version as written in the manifest, e.g. {@code 0.1.0} or {@code 0.2.0-SNAPSHOT}
 * @param major its first number, 0 when it has none
 * @param minor its second number, 0 when it has none
 */
public record ProviderVersion(String text, int major, int minor) {

    /** The version when this class was not loaded from a jar with a manifest version. */
    public static final ProviderVersion DEVELOPMENT =
            new ProviderVersion("development build (no jar manifest)", 0, 0);

    private static final ProviderVersion CURRENT = of(ProviderVersion.class.getPackage().getImplementationVersion());

    /** The version of the JournalMQ classes running here. */
    public static ProviderVersion current() {
        return CURRENT;
    }

    /**
     * The version an {@code Implementation-Version} value stands for; {@link #DEVELOPMENT} when
     * there is none. Major and minor are the leading digits of the first two dot-separated parts
     * ({@code 1.12.0-SNAPSHOT} is 1 and 12); a part without leading digits counts as 0.
     */
    public static ProviderVersion of(String implementationVersion) {
        if (implementationVersion == null || implementationVersion.isBlank()) {
            return DEVELOPMENT;
        }
        String v = implementationVersion.strip();
        String[] parts = v.split("\\.", 3);
        return new ProviderVersion(v, leadingNumber(parts[0]), parts.length > 1 ? leadingNumber(parts[1]) : 0);
    }

    private static int leadingNumber(String part) {
        int end = 0;
        while (end < part.length() && end < 9 && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
    }

    @Override
    public String toString() {
        return text;
    }
}
