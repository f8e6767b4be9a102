package dev.camelkling.examples.flows;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * True while the application runs, false once it stops. The file flow decides a job's outcome only while running: an
 * exchange failing during a stop was cut off (its Kling wait aborted) and is no failure of the job, which must stay in
 * the inbox for the next start to resume.
 */
public class FileFlowRunning implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return !exchange.getContext().isStopping();
    }
}
