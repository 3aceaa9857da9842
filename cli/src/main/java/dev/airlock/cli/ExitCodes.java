package dev.airlock.cli;

/** The documented exit codes of {@code airlock}; scripts branch on them. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int DENIED = 3;
    public static final int PENDING = 4;
    public static final int CONFLICT = 5;
    /** {@code airlock doctor}: the live accounts differ from the generated documents. */
    public static final int FINDINGS = 6;

    private ExitCodes() {
    }

    /** What an exit code means, in the words {@code -o json} failure documents use. */
    static String meaning(int exitCode) {
        return switch (exitCode) {
            case OK -> "success";
            case INTERNAL_ERROR -> "internal error";
            case BAD_INPUT -> "bad input";
            case DENIED -> "denied";
            case PENDING -> "pending";
            case CONFLICT -> "conflict";
            case FINDINGS -> "findings";
            default -> "unknown";
        };
    }
}
