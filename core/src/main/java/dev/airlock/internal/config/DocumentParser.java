package dev.airlock.internal.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.airlock.config.InvalidConfigurationException;
import dev.airlock.config.Problem;
import dev.airlock.internal.config.Node.Field;
import dev.airlock.internal.config.Node.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Parses YAML or JSON text into {@link Node}s that carry their line and column. */
public final class DocumentParser {
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private DocumentParser() {
    }

    /** Reads a file; {@code .json} files are JSON, everything else YAML (a superset of JSON). */
    public static Node parse(Path file) {
        String text;
        try {
            if (file.toString().isEmpty()) {
                // Path.of("") is the current directory: never a configuration someone meant to name.
                throw fileProblem("''", "is an empty path; name the configuration file");
            }
            if (Files.isDirectory(file)) {
                throw fileProblem(file.toString(), "is a directory, not a configuration file");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw fileProblem(file.toString(), "file not found");
        } catch (CharacterCodingException e) {
            throw fileProblem(file.toString(), "is not UTF-8 text (a binary file?); a configuration is YAML or JSON");
        } catch (IOException e) {
            // A mistaken path (permissions, a device, a special file) is the user's to fix, not an internal error.
            throw fileProblem(file.toString(), "cannot be read: " + reason(e));
        }
        return parse(file.toString(), text, file.toString().endsWith(".json"));
    }

    private static InvalidConfigurationException fileProblem(String file, String message) {
        return new InvalidConfigurationException(List.of(new Problem(file, 0, 0, message)));
    }

    /** Why the file system refused, in its words ("Permission denied", "Input/output error"). */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String reason = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        return reason != null ? reason : e.getClass().getSimpleName();
    }

    /** Parses {@code text}; {@code source} names it in problems. */
    public static Node parse(String source, String text, boolean json) {
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw problem(source, 1, 1, "the document is empty");
            }
            Node root = read(parser, source);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw problem(source, at.getLineNr(), at.getColumnNr(), "unexpected content after the document");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                throw yamlProblem(source, yaml);
            }
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            throw problem(source, line, column, "syntax error: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException("could not parse " + source, e);
        }
    }

    private static Node read(JsonParser parser, String source) throws IOException {
        Location location = locationOf(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Field> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyLocation = locationOf(parser);
                    parser.nextToken();
                    Node value = read(parser, source);
                    if (fields.putIfAbsent(key, new Field(key, keyLocation, value)) != null) {
                        throw problem(source, keyLocation.line(), keyLocation.column(), "duplicate key '" + key + "'");
                    }
                }
                return new Node.MapNode(location, fields);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, source));
                }
                return new Node.ListNode(location, items);
            }
            case VALUE_STRING:
                return new Node.ScalarNode(location, parser.getText(), Node.ScalarNode.Type.TEXT);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(location, parser.getText(), Node.ScalarNode.Type.NUMBER);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.ScalarNode(location, parser.getText(), Node.ScalarNode.Type.BOOLEAN);
            case VALUE_NULL:
                return new Node.ScalarNode(location, null, Node.ScalarNode.Type.NULL);
            default:
                throw problem(source, location.line(), location.column(), "unsupported content: " + token);
        }
    }

    /**
     * Jackson places YAML syntax errors at the last token it read and keeps only SnakeYAML's first
     * line, which is the context ("while parsing a block mapping"); the problem and where it was
     * found are in SnakeYAML's exception.
     */
    private static InvalidConfigurationException yamlProblem(String source, MarkedYAMLException e) {
        Mark at = e.getProblemMark();
        Mark contextAt = e.getContextMark();
        String context = e.getContext() == null ? ""
                : " (" + e.getContext() + (contextAt == null ? ""
                        : " started at line " + (contextAt.getLine() + 1) + ", column " + (contextAt.getColumn() + 1))
                        + ")";
        return problem(source, at.getLine() + 1, at.getColumn() + 1, "syntax error: " + e.getProblem() + context);
    }

    private static Location locationOf(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new Location(at.getLineNr(), at.getColumnNr());
    }

    private static InvalidConfigurationException problem(String source, int line, int column, String message) {
        return new InvalidConfigurationException(List.of(new Problem(source, line, column, message)));
    }
}
