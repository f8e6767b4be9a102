package dev.camelkling.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Endpoints that reach the same account the same way share one client (and its HTTP connections and threads). */
class SharedClientsTest extends KlingTestSupport {

    @Test
    void endpointsOfOneAccountShareAClientAndTheLastOneClosesIt() throws Exception {
        KlingComponent kling = context.getComponent("kling", KlingComponent.class);
        int before = kling.getClients().size();

        var t2v = context.getEndpoint("kling:text2video?waitForCompletion=true");
        var i2v = context.getEndpoint("kling:image2video?prompt=shared");
        var other = context.getEndpoint("kling:text2video?apiKey=" + API_KEY);
        t2v.start();
        i2v.start();
        other.start();

        assertThat(kling.getClients().size()).isEqualTo(before + 2);
        assertThat(((KlingEndpoint) t2v).getClient()).isSameAs(((KlingEndpoint) i2v).getClient());
        assertThat(((KlingEndpoint) other).getClient()).isNotSameAs(((KlingEndpoint) t2v).getClient());

        t2v.stop();
        assertThat(kling.getClients().size()).isEqualTo(before + 2);
        i2v.stop();
        other.stop();
        assertThat(kling.getClients().size()).isEqualTo(before);
    }
}
