package io.infrashare.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CommandAdmissionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);
    private final CountDownLatch firstIsRunning = new CountDownLatch(1);
    private final AtomicInteger ran = new AtomicInteger();

    @AfterEach
    void letTheFirstFinish() {
        firstMayFinish.countDown();
    }

    @Test
    void aCommandThatFindsEveryTurnTakenForAsLongAsItMayWaitIsA503AndIsNotRun() throws Exception {
        CommandAdmission admission = new CommandAdmission(1, Duration.ZERO, JSON, meters);
        CompletableFuture<MockHttpServletResponse> first = runningFirst(admission);

        MockHttpServletResponse second = send(admission, "POST", "/projects", counting());

        assertThat(second.getStatus()).isEqualTo(503);
        assertThat(second.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = JSON.readTree(second.getContentAsString());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/busy");
        assertThat(problem.path("detail").asText()).contains("nothing was recorded");
        assertThat(ran).as("the refused command never ran").hasValue(0);
        assertThat(meters.counter("infrashare.commands.refused", "type", "busy").count()).isEqualTo(1);

        firstMayFinish.countDown();
        assertThat(first.get(1, TimeUnit.MINUTES).getStatus()).isEqualTo(200);
        assertThat(send(admission, "DELETE", "/environments/ecomm-preview", counting()).getStatus())
                .as("the turn is free again").isEqualTo(200);
        assertThat(ran).hasValue(1);
    }

    @Test
    void aCommandWaitsForItsTurnAndRunsWhenOneIsFree() throws Exception {
        CommandAdmission admission = new CommandAdmission(1, Duration.ofMinutes(1), JSON, meters);
        CompletableFuture<MockHttpServletResponse> first = runningFirst(admission);

        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(
                () -> send(admission, "PUT", "/environments/ecomm-staging/defaults/aws-vpc", counting()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> meters.get("infrashare.commands.waiting").gauge().value() == 1);
        assertThat(second).as("waiting while the first runs").isNotDone();

        firstMayFinish.countDown();
        assertThat(second.get(1, TimeUnit.MINUTES).getStatus()).isEqualTo(200);
        assertThat(first.get(1, TimeUnit.MINUTES).getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(1);
        assertThat(meters.get("infrashare.commands.waiting").gauge().value()).isZero();
    }

    @Test
    void readsAndTheOperatorsOperationsNeverWaitForATurn() throws Exception {
        CommandAdmission admission = new CommandAdmission(1, Duration.ZERO, JSON, meters);
        runningFirst(admission);

        assertThat(send(admission, "GET", "/projects/ecomm", counting()).getStatus()).isEqualTo(200);
        assertThat(send(admission, "POST", "/admin/catalog/rebuild", counting()).getStatus()).isEqualTo(200);
        assertThat(ran).hasValue(2);
    }

    /** A first command, admitted and running until the test lets it finish. */
    private CompletableFuture<MockHttpServletResponse> runningFirst(CommandAdmission admission)
            throws InterruptedException {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(
                () -> send(admission, "POST", "/projects", (request, response) -> {
                    firstIsRunning.countDown();
                    try {
                        firstMayFinish.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(firstIsRunning.await(1, TimeUnit.MINUTES)).isTrue();
        return first;
    }

    private FilterChain counting() {
        return (request, response) -> ran.incrementAndGet();
    }

    private static MockHttpServletResponse send(CommandAdmission admission, String method, String path,
                                                FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            admission.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
