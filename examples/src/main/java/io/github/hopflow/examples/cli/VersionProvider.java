package io.github.hopflow.examples.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = HopflowCommand.class.getPackage().getImplementationVersion();
        return new String[] {"hopflow " + (v == null ? "(development build)" : v)};
    }
}
