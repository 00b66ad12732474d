package org.interlay.shell;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Interlay.class.getPackage().getImplementationVersion();
        return new String[] {"interlay " + (v == null ? "development" : v)};
    }
}
