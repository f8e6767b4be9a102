package dev.camelkling.examples.flows;

import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The FTP flow's {@code doCatch} predicate: tells the failures that are the image's own from those that are not. The
 * YAML routes declare it as a bean and refer to it with the {@code ref} language.
 * <p>
 * An image is rejected for good when the component refused it before sending ({@link KlingValidationException}:
 * too small, too large, wrong format, ...), when Kling refused the request as invalid (HTTP 400: content the
 * component could not judge locally, such as a file that is not an image at all), or when Kling ran the task and it
 * failed ({@link KlingTaskFailedException}, e.g. content moderation). Trying such an image again cannot help, so
 * the flow parks it in the failure folder with the reason.
 * <p>
 * Everything else (Kling or the network unavailable, a wait that timed out, bad credentials, an FTP upload that
 * failed, a shutdown in the middle) says nothing about the image: the image stays in the inbox and the next poll
 * tries it again, with the same external task id, so Kling resumes the task it already has instead of billing a
 * second one.
 */
public final class FtpFlowFailures implements Predicate {

    /** {@code true} when the failure of this exchange is the image's own. */
    @Override
    public boolean matches(Exchange exchange) {
        Throwable failure = exchange.getException() != null
                ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KlingValidationException || cause instanceof KlingTaskFailedException) {
                return true;
            }
            if (cause instanceof KlingApiException api) {
                return api.httpStatus() == 400;
            }
        }
        return false;
    }
}
