package dev.camelkling.examples.flows;

import java.util.Map;

import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * A JSON job, once camel-jackson has read it into a Map, is the whole kling:text2video request: {@code prompt} plus any
 * option by its endpoint-option name ({@code aspectRatio}) or Kling field name ({@code aspect_ratio}), all checked by
 * the component. Only the external id is refused here: the flow derives it from the file, and restart safety rests on
 * that.
 */
public class FileFlowJsonJob implements Processor {

    @Override
    public void process(Exchange exchange) {
        Map<?, ?> job = exchange.getMessage().getBody(Map.class);
        for (String owned : new String[] {"externalTaskId", "external_task_id"}) {
            if (job != null && job.containsKey(owned)) {
                throw new KlingValidationException("file job", owned,
                        "is set by the flow from the file name and content, so that a restart resumes the task:"
                        + " leave it out");
            }
        }
    }
}
