package dev.airlock.spi;

import dev.airlock.InvalidValueException;

/**
 * Something a backend's live accounts do differently from what its setup documents expect.
 *
 * @param account  the account it is in
 * @param resource the role, bucket, repository, key or policy attachment concerned
 * @param problem  what is wrong, in a sentence
 * @param fix      what to do about it, in a sentence or a command
 */
public record SetupFinding(String account, String resource, String problem, String fix) {
    public SetupFinding {
        InvalidValueException.requireNonNull("account", account);
        InvalidValueException.requireNonNull("resource", resource);
        InvalidValueException.requireNonNull("problem", problem);
        InvalidValueException.requireNonNull("fix", fix);
    }
}
