package io.infrashare.command.it;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A principal over its write rate gets a 429 to retry later, and records nothing; other principals go on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.publication.enabled=false",
        "infrashare.rate-limit.writes-per-second=1",
        "infrashare.rate-limit.burst=3"})
@WithPostgres
class RateLimitIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void writesOverTheBurstAreRefusedWithRetryAfterWhileOthersGoOn() {
        Api http = Api.localhost(port);
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(http.as("dev-ops").post("/projects",
                    "{\"name\":\"Project " + i + "\",\"abbreviation\":\"rate" + i + "\",\"ownerTeam\":\"ops\"}"));
        }

        assertThat(answers).extracting(Answer::status).containsExactly(201, 201, 201, 429, 429);
        assertThat(answers.get(3).text("type")).isEqualTo("/problems/rate-limited");
        assertThat(answers.get(3).text("detail")).contains("olivia").contains("retry after");
        assertThat(http.as("dev-ops").post("/projects",
                "{\"name\":\"Project 3\",\"abbreviation\":\"rate3\",\"ownerTeam\":\"ops\"}").status())
                .as("the refused write was not recorded: creating it is not a 409").isIn(201, 429);
        assertThat(http.as("dev-ecomm").post("/projects",
                "{\"name\":\"Shop\",\"abbreviation\":\"shop\",\"ownerTeam\":\"ecommerce\"}").status())
                .as("another principal has a bucket of its own").isEqualTo(201);
    }
}
