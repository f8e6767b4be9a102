package dev.camelkling.examples;

import dev.camelkling.examples.bench.KlingSoak;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A scaled-down run of the soak harness: 500 creates with 20 % injected faults of every kind. */
class SoakTest {

    @Test
    void noTaskIsBilledTwiceNoExchangeIsLostAndEveryTaskIsDeliveredOnce() throws Exception {
        KlingSoak.Result result = KlingSoak.run(500, 0.2, 7);

        assertNoTaskBilledTwiceNoneLost(result, 500);
    }

    @Test
    void withEveryExchangeWaitingInSharedPollRoundsNoTaskIsBilledTwiceAndNoneIsLost() throws Exception {
        // 32 exchanges wait at once, so their reads are coalesced into list pages, which the faults hit as well
        KlingSoak.Result result = KlingSoak.run(300, 0.2, 11,
                "waitForCompletion=true&pollInterval=100ms&maxPollInterval=400ms&detectionTarget=100ms");

        assertNoTaskBilledTwiceNoneLost(result, 300);
    }

    private static void assertNoTaskBilledTwiceNoneLost(KlingSoak.Result result, int creates) {
        assertThat(result.faults().injected()).as("faults were injected").isGreaterThan(creates / 10);
        assertThat(result.tasksCreated()).as("tasks created for " + creates + " creates").isEqualTo(creates);
        assertThat(result.tasks().maxPerId()).as("tasks per external id").isEqualTo(1);
        assertThat(result.exchangesLost()).as("exchanges lost").isZero();
        assertThat(result.deliveredTwice()).as("tasks delivered twice").isZero();
        assertThat(result.neverDelivered()).as("tasks never delivered").isZero();
        assertThat(result.holds()).isTrue();
    }

    @Test
    void withoutExternalIdsTheSameFaultsBillTasksTwice() throws Exception {
        // the negative control: proves the soak can tell
        KlingSoak.Result result = KlingSoak.run(200, 0.2, 7, "deriveExternalTaskId=false");

        assertThat(result.tasksCreated()).isGreaterThan(200);
        assertThat(result.holds()).isFalse();
    }
}
