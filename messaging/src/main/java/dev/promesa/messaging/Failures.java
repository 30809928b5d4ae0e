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
        Throwable root = root(failure);
        String text = oneLine(failure);
        return root == failure ? text : text + " (cause: " + oneLine(root) + ")";
    }

    /** The innermost cause (the failure itself when it has none). */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** {@code SimpleClassName: message}, or the class name alone. */
    public static String oneLine(Throwable t) {
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
