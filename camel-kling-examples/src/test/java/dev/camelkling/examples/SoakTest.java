package dev.camelkling.examples;

import dev.camelkling.examples.bench.KlingSoak;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A scaled-down run of the soak harness: 500 creates with 20 % injected faults of every kind. */
class SoakTest {

    @Test
    void noTaskIsBilledTwiceNoExchangeIsLostAndEveryTaskIsDeliveredOnce() throws Exception {
        KlingSoak.Result result = KlingSoak.run(500, 0.2, 7);

        assertThat(result.faults().injected()).as("faults were injected").isGreaterThan(50);
        assertThat(result.tasksCreated()).as("tasks created for 500 creates").isEqualTo(500);
        assertThat(result.tasks().maxPerId()).as("tasks per external id").isEqualTo(1);
        assertThat(result.exchangesLost()).as("exchanges lost").isZero();
        assertThat(result.deliveredTwice()).as("tasks delivered twice").isZero();
        assertThat(result.neverDelivered()).as("tasks never delivered").isZero();
        assertThat(result.holds()).isTrue();
    }

    @Test
    void withEveryExchangeWaitingInSharedPollRoundsNoTaskIsBilledTwiceAndNoneIsLost() throws Exception {
        // 32 exchanges wait at once, so their reads are coalesced into list pages, which the faults hit as well
        KlingSoak.Result result = KlingSoak.run(300, 0.2, 11,
                "waitForCompletion=true&pollInterval=100ms&maxPollInterval=400ms&detectionTarget=100ms");

        assertThat(result.faults().injected()).as("faults were injected").isGreaterThan(30);
        assertThat(result.tasksCreated()).as("tasks created for 300 creates").isEqualTo(300);
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
