package io.infrashare.command.project;

import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequesterResolverTest {

    @Test
    void aReasonIsKeptAsGivenWithTheSpacesTabsAndLineBreaksAtItsEnds() {
        assertThat(RequesterResolver.reason("%20%09why%0Aso%0D%0A")).isEqualTo(" \twhy\nso\r\n");
        assertThat(RequesterResolver.reason("%20")).isEqualTo(" ");
        assertThat(RequesterResolver.reason("%0A%0A")).isEqualTo("\n\n");
        assertThat(RequesterResolver.reason("%E3%80%80")).isEqualTo("\u3000");
    }

    @Test
    void noReasonOrAnEmptyOneRecordsNone() {
        assertThat(RequesterResolver.reason(null)).isNull();
        assertThat(RequesterResolver.reason("")).isNull();
    }

    @Test
    void aReasonThatCannotBeKeptIsRefusedNamingTheHeader() {
        for (String header : new String[]{"%00", "%ED%A0%80", "x%C2%85", "r".repeat(1001)}) {
            assertThatThrownBy(() -> RequesterResolver.reason(header)).as(header)
                    .isInstanceOfSatisfying(ErrorResponseException.class, refused ->
                            assertThat(refused.getBody().getProperties()).isNotNull()
                                    .extractingByKey("errors").asString().contains("X-Reason"));
        }
    }
}
