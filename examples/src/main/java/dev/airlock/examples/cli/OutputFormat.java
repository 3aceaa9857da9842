package dev.airlock.examples.cli;

/** How a command reports: text for people, JSON for scripts. */
public enum OutputFormat {
    text,
    json
}
