package dev.camelkling.component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelkling.simulator.SimulatorTiming;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The KlingWorker threads read Kling's answers and continue the exchanges they answer: each on the thread that read
 * its answer, once that is done, one exchange per answer, never one left behind a route that may block. (That the pool
 * stays live whatever the routes' steps block on: SynchronousKlingCallsTest.)
 */
class KlingWorkerPoolTest extends KlingTestSupport {

    @Test
    void stoppingTheContextEndsEveryWaitInFlightWithAnError() throws Exception {
        SimulatorTiming usual = simulator().timing();
        simulator().timing(SimulatorTiming.of(Duration.ofMinutes(30), Duration.ofMinutes(30)));
        try {
            List<CompletableFuture<Object>> waits = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                waits.add(template.asyncRequestBody("kling:text2video?waitForCompletion=true", "A long night, take " + i));
            }
            await().until(() -> simulator().createdTaskCount() == 5);

            context.stop();

            assertThat(waits).allSatisfy(wait -> assertThatThrownBy(() -> wait.get(10, TimeUnit.SECONDS))
                    .as("the exchange ends, failed").isInstanceOf(ExecutionException.class));
        } finally {
            simulator().timing(usual);
        }
    }

    @Test
    void theFirstExchangeAnAnswerCompletesContinuesOnItsThreadOnceTheAnswerIsReadAndTheOthersElsewhere() throws Exception {
        withPoolOfTwo(pool -> {
            AtomicReference<Thread> readerThread = new AtomicReference<>();
            AtomicReference<Thread> firstThread = new AtomicReference<>();
            AtomicReference<Thread> secondThread = new AtomicReference<>();
            AtomicReference<Thread> handedOnThread = new AtomicReference<>();
            AtomicBoolean answerRead = new AtomicBoolean();
            AtomicBoolean firstAfterAnswer = new AtomicBoolean();
            CountDownLatch secondRan = new CountDownLatch(1);
            CountDownLatch handedOnRan = new CountDownLatch(1);
            pool.clientExecutor().execute(() -> {
                readerThread.set(Thread.currentThread());
                pool.continueExchange(() -> {
                    firstThread.set(Thread.currentThread());
                    firstAfterAnswer.set(answerRead.get());
                    pool.continueExchange(() -> {
                        handedOnThread.set(Thread.currentThread());
                        handedOnRan.countDown();
                    });
                    // a route may block on what it handed on: that must not wait for this route to end
                    awaitOrFail(handedOnRan);
                });
                pool.continueExchange(() -> {
                    secondThread.set(Thread.currentThread());
                    secondRan.countDown();
                });
                // the second exchange does not wait for the answer's reading to end: it runs on the other thread
                awaitOrFail(secondRan);
                answerRead.set(true);
            });

            await().until(() -> firstThread.get() != null && handedOnThread.get() != null);
            assertThat(firstThread.get()).isSameAs(readerThread.get());
            assertThat(firstAfterAnswer).as("the exchange continued once the answer was read").isTrue();
            assertThat(secondThread.get()).isNotSameAs(readerThread.get());
            assertThat(handedOnThread.get()).isNotSameAs(readerThread.get());
        });
    }

    @Test
    void anExchangeCompletedWhileARouteRunsIsNotLeftBehindIt() throws Exception {
        withPoolOfTwo(pool -> {
            CountDownLatch continued = new CountDownLatch(1);
            AtomicReference<Thread> routeThread = new AtomicReference<>();
            AtomicReference<Thread> continuedThread = new AtomicReference<>();
            AtomicBoolean routeEnded = new AtomicBoolean();
            pool.execute(() -> {
                routeThread.set(Thread.currentThread());
                pool.continueExchange(() -> {
                    continuedThread.set(Thread.currentThread());
                    continued.countDown();
                });
                awaitOrFail(continued); // the route waits for the exchange it completed, as a nested call would
                routeEnded.set(true);
            });
            await().untilTrue(routeEnded);
            assertThat(continued.getCount()).as("the exchange went on while the route waited").isZero();
            assertThat(continuedThread.get()).isNotSameAs(routeThread.get());

            AtomicReference<Thread> fromOutside = new AtomicReference<>();
            pool.continueExchange(() -> fromOutside.set(Thread.currentThread()));
            await().until(() -> fromOutside.get() != null);
            assertThat(fromOutside.get().getName()).as("work from outside the pool goes to the pool").startsWith("two-");
        });
    }

    private interface PoolUse {
        void accept(KlingWorkerPool pool) throws Exception;
    }

    private void withPoolOfTwo(PoolUse use) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger threads = new AtomicInteger();
        KlingWorkerPool pool = new KlingWorkerPool(context, this,
                Executors.newFixedThreadPool(2, task -> new Thread(task, "two-" + threads.incrementAndGet())), 2, scheduler);
        try {
            use.accept(pool);
        } finally {
            pool.shutdown();
            scheduler.shutdownNow();
        }
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
