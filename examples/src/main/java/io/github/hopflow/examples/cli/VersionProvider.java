package io.github.hopflow.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Reports the POM version and the commit the jar was built from (recorded at build time in
 * {@code io/github/hopflow/examples/version.properties}); a build from a copy without Git history
 * names no commit, and one from a working tree with uncommitted changes says so.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"hopflow " + describe()};
    }

    /** "0.1.0-SNAPSHOT (commit 1234abcd56)", or what is known of it. */
    public static String describe() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/github/hopflow/examples/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource leaves the version unknown
        }
        String version = known(p.getProperty("version"));
        String commit = known(p.getProperty("commit"));
        boolean dirty = "true".equals(p.getProperty("dirty"));
        return (version == null ? "(version unknown)" : version)
                + (commit == null ? " (commit unknown)" : " (commit " + commit + (dirty ? ", with uncommitted changes" : "") + ")");
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.contains("${") ? null : value.trim();
    }
}
