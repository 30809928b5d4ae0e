package dev.promesa.messaging;

/** A failure in one line for a log or an error message: its class and message, and its root cause's if different. */
public final class Failures {

    private Failures() {
    }

    /** {@code RuntimeException: could not insert (cause: PSQLException: duplicate key …)}; null stays null. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = oneLine(failure);
        return root == failure ? text : text + " (cause: " + oneLine(root) + ")";
    }

    private static String oneLine(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
