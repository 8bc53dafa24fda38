package io.infrashare.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof test data of transparency-dev/merkle ({@code testdata/inclusion} and {@code testdata/consistency}, kept
 * here under {@code merkle/}): each case a proof over the reference tree, the happy paths to accept and every altered
 * proof, index, size or root to refuse.
 */
class ReferenceProofVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("inclusionCases")
    void verifiesInclusionAsTheReferenceTestData(String name, JsonNode vector) {
        boolean verified = MerkleProofs.verifyInclusion(vector.get("leafIdx").asLong(), vector.get("treeSize").asLong(),
                bytes(vector.get("leafHash")), hashes(vector.get("proof")), bytes(vector.get("root")));

        assertThat(verified).as(vector.get("desc").asText()).isEqualTo(!vector.get("wantErr").asBoolean());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("consistencyCases")
    void verifiesConsistencyAsTheReferenceTestData(String name, JsonNode vector) {
        boolean verified = MerkleProofs.verifyConsistency(vector.get("size1").asLong(), vector.get("size2").asLong(),
                bytes(vector.get("root1")), bytes(vector.get("root2")), hashes(vector.get("proof")));

        assertThat(verified).as(vector.get("desc").asText()).isEqualTo(!vector.get("wantErr").asBoolean());
    }

    static Stream<Object[]> inclusionCases() throws IOException, URISyntaxException {
        return cases("inclusion-");
    }

    static Stream<Object[]> consistencyCases() throws IOException, URISyntaxException {
        return cases("consistency-");
    }

    private static Stream<Object[]> cases(String prefix) throws IOException, URISyntaxException {
        Path directory = Path.of(ReferenceProofVectorsTest.class.getClassLoader().getResource("merkle").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> matching = files.filter(file -> file.getFileName().toString().startsWith(prefix)).sorted().toList();
            assertThat(matching).hasSizeGreaterThan(50);
            return matching.stream().map(file -> new Object[] {file.getFileName().toString(), read(file)});
        }
    }

    private static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(JsonNode base64) {
        return base64 == null || base64.isNull() ? new byte[0] : Base64.getDecoder().decode(base64.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        return StreamSupport.stream(array.spliterator(), false).map(ReferenceProofVectorsTest::bytes).toList();
    }
}
