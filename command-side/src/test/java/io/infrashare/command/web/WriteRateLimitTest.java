package io.infrashare.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class WriteRateLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final WriteRateLimit limit = new WriteRateLimit(new RateLimitProperties(1, 3), new ObjectMapper(),
            new SimpleMeterRegistry(), nanos::get);

    @Test
    void aBucketLeftIdleLongerThanItTakesToFillUpIsDroppedAndOneInUseIsKept() {
        IntStream.range(0, 1_000).forEach(i -> limit.take("acme/script-" + i));
        assertThat(limit.keptBuckets()).isEqualTo(1_000);

        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        limit.take("acme/script-7");
        assertThat(limit.keptBuckets()).as("within the idle limit").isEqualTo(1_000);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(limit.keptBuckets()).as("only the bucket used a second ago").isEqualTo(1);
    }

    @Test
    void aPrincipalOverItsBurstIsRefusedWhileItsBucketIsKept() {
        for (int write = 0; write < 3; write++) {
            assertThat(limit.take("acme/olivia").isConsumed()).isTrue();
        }
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());

        assertThat(limit.take("acme/olivia").isConsumed()).isFalse();
    }

    @Test
    void theIdleLimitIsTheTimeToFillUpAndAtLeastAMinute() {
        assertThat(WriteRateLimit.idleLimit(new RateLimitProperties(50, 500))).isEqualTo(Duration.ofMinutes(1));
        assertThat(WriteRateLimit.idleLimit(new RateLimitProperties(1, 1_000))).isEqualTo(Duration.ofSeconds(1_000));
        assertThat(WriteRateLimit.idleLimit(new RateLimitProperties(7, 1_000))).isEqualTo(Duration.ofSeconds(143));
    }
}
