package io.infrashare.command.resourcetype;

import io.infrashare.command.project.CommandRefusedException;
import io.infrashare.command.project.Requester;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.Provenance;
import io.infrashare.events.ResourceType;
import io.infrashare.events.ResourceTypeConfigured;
import io.infrashare.support.Caller;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

class ResourceTypesTest {

    private static final OrganizationId ACME = OrganizationId.of("acme");
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    private static final ResourceType SPARK = ResourceType.of("spark-cluster");
    private static final Caller ADA = new Caller(ACME, "ada", Set.of(), Set.of(Caller.ADMIN));
    private static final Caller OLIVIA = new Caller(ACME, "olivia", Set.of("ops"), Set.of());

    private AggregateTestFixture<ResourceTypes> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ResourceTypes.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ConfigureResourceTypeCommand configure(ResourceType type, boolean defaultable, Caller caller) {
        return new ConfigureResourceTypeCommand(ACME, type, defaultable, new Requester(caller, null, "c"));
    }

    private static ResourceTypeConfigured configured(ResourceType type, boolean defaultable) {
        return new ResourceTypeConfigured(ACME, type, defaultable, new Provenance("ada", null, NOW, "c"));
    }

    @Test
    void anAdminMakesATypeDefaultable() {
        fixture.givenNoPriorActivity()
                .when(configure(SPARK, true, ADA))
                .expectEvents(configured(SPARK, true));
    }

    @Test
    void anAdminMakesABuiltInTypeNotDefaultable() {
        fixture.given(configured(SPARK, true))
                .when(configure(ResourceType.of("aws-vpc"), false, ADA))
                .expectEvents(configured(ResourceType.of("aws-vpc"), false));
    }

    @Test
    void configuringATypeAsItAlreadyIsRecordsNothing() {
        fixture.given(configured(SPARK, true))
                .when(configure(SPARK, true, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void onlyAnAdminConfiguresTypes() {
        fixture.givenNoPriorActivity()
                .when(configure(SPARK, true, OLIVIA))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }
}
