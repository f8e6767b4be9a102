package dev.camelkling.component;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure a future reports, without the wrappers that chaining futures adds around it. */
final class CompletionCauses {

    private CompletionCauses() {
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
