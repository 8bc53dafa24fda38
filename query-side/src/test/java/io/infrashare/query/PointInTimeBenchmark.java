package io.infrashare.query;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.ResourceId;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.opsSharesTheEuVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Not a test: prints the latency of {@code ?at=} on an environment with 1,000 events in its history, through the
 * whole HTTP stack of the query side (MockMvc, security included). Its name keeps it out of
 * {@code ./mvnw verify}; the README gives the command.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class PointInTimeBenchmark {

    private static final int HISTORY = 1_000;
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 2_000);

    @Autowired
    Projector projector;
    @Autowired
    MockMvc http;

    @Test
    void pointInTimeLatency() throws Exception {
        List<InfrashareEvent> history = new ArrayList<>(opsSharesTheUsVpcWithEcommerce());
        history.addAll(opsSharesTheEuVpcWithEcommerce(7));
        ResourceId current = null;
        for (int second = 10; history.size() < HISTORY; second++) {
            ResourceId next = US_VPC.equals(current) ? EU_VPC : US_VPC;
            history.add(ericSetsTheDefaultVpc(next, current, second));
            current = next;
        }
        for (int i = 0; i < history.size(); i++) {
            projector.apply(new IncomingEvent("at-benchmark-" + i, history.get(i)));
        }
        int lastSecond = 10 + HISTORY - 10;

        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            ask(second(10 + random.nextInt(lastSecond - 10)).toString());
        }
        long[] nanos = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            String at = second(10 + random.nextInt(lastSecond - 10)).plusNanos(random.nextInt(1_000_000) * 1_000L)
                    .toString();
            long start = System.nanoTime();
            ask(at);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("at: %d queries on %s with %d events in its history: p50 %.2f ms, p95 %.2f ms, "
                        + "p99 %.2f ms (MockMvc)%n", QUERIES, ECOMM_STAGING, HISTORY,
                nanos[QUERIES / 2] / 1e6, nanos[QUERIES * 95 / 100] / 1e6, nanos[QUERIES * 99 / 100] / 1e6);
    }

    private void ask(String at) throws Exception {
        http.perform(get("/environments/" + ECOMM_STAGING + "/consumption").param("at", at)
                        .header("Authorization", "Bearer dev-ecomm"))
                .andExpect(status().isOk());
    }
}
