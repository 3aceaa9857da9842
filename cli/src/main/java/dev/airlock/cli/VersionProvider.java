package dev.airlock.cli;

import picocli.CommandLine;

/** The version from the jar manifest, so {@code --version} never drifts from the build. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = AirlockCli.class.getPackage().getImplementationVersion();
        return new String[] {"airlock " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version")};
    }
}
