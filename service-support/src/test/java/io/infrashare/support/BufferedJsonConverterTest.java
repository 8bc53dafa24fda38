package io.infrashare.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nothing of a JSON answer is sent before all of it was serialized. */
class BufferedJsonConverterTest {

    private final ObjectMapper json = new ObjectMapper();
    private final BufferedJsonConverter converter =
            new BufferedJsonConverter(new MappingJackson2HttpMessageConverter(json));

    /** Jackson writes at most 1,000 levels of nesting: the answer fails after its first 64 KiB. */
    @Test
    void aValueThatFailsHalfWayWritesNothingAtAll() throws Exception {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("first", "x".repeat(64 * 1024));
        answer.put("tooDeep", json.readValue("[".repeat(1000) + "]".repeat(1000), Object.class));
        MockHttpOutputMessage output = new MockHttpOutputMessage();

        assertThatThrownBy(() -> converter.write(answer, Map.class, MediaType.APPLICATION_JSON, output))
                .isInstanceOf(HttpMessageNotWritableException.class);

        assertThat(output.getBodyAsBytes()).isEmpty();
        assertThat(output.getHeaders()).isEmpty();
    }

    @Test
    void aCompleteAnswerIsWrittenWithItsTypeAndLength() throws Exception {
        Map<String, Object> answer = Map.of("id", "si", "names", List.of("Shared Infra", "Ünïcode ✓"));
        MockHttpOutputMessage output = new MockHttpOutputMessage();

        converter.write(answer, Map.class, MediaType.APPLICATION_JSON, output);

        byte[] expected = json.writeValueAsBytes(answer);
        assertThat(output.getBodyAsBytes()).isEqualTo(expected);
        assertThat(output.getHeaders().getContentLength()).isEqualTo(expected.length);
        assertThat(output.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    }

    @Test
    void readingAndWhatCanBeWrittenAreTheJacksonConvertersOwn() throws Exception {
        assertThat(converter.canWrite(Map.class, MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(converter.canWrite(Map.class, MediaType.TEXT_PLAIN)).isFalse();
        assertThat(converter.canRead(Map.class, MediaType.APPLICATION_JSON)).isTrue();
    }
}
