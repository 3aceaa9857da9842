package demo;

/** What the sample build ships. */
public final class Payments {
    private Payments() {
    }
}
