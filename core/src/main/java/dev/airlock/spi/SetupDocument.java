package dev.airlock.spi;

import dev.airlock.InvalidValueException;

/**
 * A file a backend generates to set up the accounts it uses, such as an AWS policy document or the index
 * that says where each goes.
 *
 * @param fileName the file's name, without directories
 * @param content  its text
 */
public record SetupDocument(String fileName, String content) {
    public SetupDocument {
        InvalidValueException.requireNonNull("fileName", fileName);
        InvalidValueException.requireNonNull("content", content);
        if (fileName.isBlank() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new InvalidValueException("fileName", fileName, "must be a plain file name, without directories");
        }
    }
}
