package dev.airlock.local;

import dev.airlock.AirlockException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file of the local backend could not be read or written: a full disk, missing permissions, an
 * I/O error. The message names the file and the operation. Not retryable: something on the
 * machine has to change first.
 */
public class LocalStorageException extends AirlockException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    public LocalStorageException(String operation, Path path, IOException cause) {
        super("could not " + operation + " " + path + ": " + describe(cause), cause);
        this.path = path;
    }

    /** The file or directory concerned. */
    public Path path() {
        return path;
    }

    private static String describe(IOException cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }
}
