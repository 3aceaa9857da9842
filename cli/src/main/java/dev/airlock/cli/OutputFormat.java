package dev.airlock.cli;

/** How a command reports: text for people, JSON for scripts. */
public enum OutputFormat {
    text,
    json
}
