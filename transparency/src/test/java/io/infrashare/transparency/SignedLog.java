package io.infrashare.transparency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * An organization's log as the services will serve it, built with the module's own classes: entries as canonical
 * CloudEvents with their {@code logindex}, checkpoints signed at several sizes (the early ones by a retired key,
 * the later ones, re-issued, by the current one) and the key set. Tests tamper with copies of its parts.
 */
final class SignedLog {

    static final String ORGANIZATION = "acme";
    static final String ORIGIN = "infrashare.localhost/log/" + ORGANIZATION;
    static final NoteSigner RETIRED = NoteSigner.generate(ORIGIN);
    static final NoteSigner CURRENT = NoteSigner.generate(ORIGIN);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    final List<byte[]> lines;
    final List<byte[]> leafHashes = new ArrayList<>();
    final TreeSet<Long> checkpointSizes;

    private SignedLog(List<byte[]> lines) {
        this.lines = lines;
        lines.forEach(line -> leafHashes.add(MerkleTree.leafHash(line)));
        this.checkpointSizes = checkpointSizes(lines.size());
    }

    static SignedLog of(int size) {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            lines.add(entry(ORGANIZATION, i, "evt-" + i));
        }
        return new SignedLog(lines);
    }

    /**
     * A CloudEvent of the command side as it is logged: a resource shared, with enough data to weigh about 600
     * bytes, canonical.
     */
    static byte[] entry(String organization, long logIndex, String id) {
        ObjectNode data = JSON.createObjectNode()
                .put("projectId", "shared-infra-" + (logIndex % 17))
                .put("resourceId", "vpc-" + Long.toHexString(logIndex * 2654435761L))
                .put("resourceKind", "NETWORK")
                .put("consumerProjectId", "ecommerce-api-" + (logIndex % 5))
                .put("reason", "the staging and preview environments of the checkout team use the shared VPC")
                .put("sharedBy", "alice@example.com")
                .put("revision", 1);
        ObjectNode event = JSON.createObjectNode()
                .put("specversion", "1.0")
                .put("id", id)
                .put("source", "/infrashare/command-side")
                .put("type", "ResourceShared")
                .put("subject", "projects/shared-infra-" + (logIndex % 17))
                .put("time", START.plusSeconds(logIndex).toString())
                .put("datacontenttype", "application/json")
                .put("dataschema", "https://infrashare.io/schemas/events/ResourceShared/1.json")
                .put("correlationid", "corr-" + logIndex)
                .put("organization", organization)
                .put("logindex", logIndex);
        event.set("data", data);
        return CanonicalJson.canonicalize(event);
    }

    /** Sizes 0, 1, 2, 4, 8, ... and the log's own size, so edits at any index are bracketed. */
    static TreeSet<Long> checkpointSizes(long size) {
        TreeSet<Long> sizes = new TreeSet<>();
        sizes.add(0L);
        for (long s = 1; s < size; s *= 2) {
            sizes.add(s);
        }
        sizes.add(size);
        return sizes;
    }

    byte[] rootAt(long size) {
        return MerkleTree.rootHash(leafHashes.subList(0, (int) size));
    }

    /** Checkpoints at each size, the first half of them by the retired key, the rest by the current one, twice. */
    List<ObjectNode> checkpoints() {
        List<ObjectNode> checkpoints = new ArrayList<>();
        List<Long> sizes = new ArrayList<>(checkpointSizes);
        for (int i = 0; i < sizes.size(); i++) {
            long size = sizes.get(i);
            Checkpoint checkpoint = new Checkpoint(ORIGIN, size, rootAt(size));
            if (i < sizes.size() / 2) {
                checkpoints.add(listed(checkpoint, RETIRED, checkpoints.size()));
            } else {
                checkpoints.add(listed(checkpoint, CURRENT, checkpoints.size()));
                checkpoints.add(listed(checkpoint, CURRENT, checkpoints.size()));
            }
        }
        return checkpoints;
    }

    static ObjectNode listed(Checkpoint checkpoint, NoteSigner signer, int hour) {
        return listed(checkpoint.size(), checkpoint.rootHash(), signer, checkpoint.sign(signer).message(), hour);
    }

    static ObjectNode listed(long size, byte[] root, NoteSigner signer, String note, int hour) {
        return JSON.createObjectNode()
                .put("size", size)
                .put("rootHash", Base64.getEncoder().encodeToString(root))
                .put("time", START.plusSeconds(3600L * hour).toString())
                .put("keyId", NoteKeys.hex(signer.keyId()))
                .put("note", note);
    }

    static byte[] checkpointsJson(List<ObjectNode> checkpoints) {
        ObjectNode file = JSON.createObjectNode();
        ArrayNode list = file.putArray("checkpoints");
        checkpoints.forEach(list::add);
        return bytes(file);
    }

    static byte[] keysJson(NoteSigner... signers) {
        ObjectNode file = JSON.createObjectNode();
        ArrayNode keys = file.putArray("keys");
        for (NoteSigner signer : signers) {
            keys.addObject()
                    .put("kty", "OKP")
                    .put("crv", "Ed25519")
                    .put("kid", NoteKeys.hex(signer.keyId()))
                    .put("x", signer.verifier().jwkX())
                    .put("verifierKey", signer.verifierKey());
        }
        return bytes(file);
    }

    static byte[] export(List<byte[]> lines) {
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            export.writeBytes(line);
            export.write('\n');
        }
        return export.toByteArray();
    }

    static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Verifies these lines against these checkpoints with both keys known, as a whole export. */
    static VerificationReport verify(List<byte[]> lines, List<ObjectNode> checkpoints) {
        return verify(lines, checkpoints, 0);
    }

    static VerificationReport verify(List<byte[]> lines, List<ObjectNode> checkpoints, long from) {
        return verify(lines, checkpoints, from, PublishedKeys.parse(keysJson(RETIRED, CURRENT)));
    }

    static VerificationReport verify(List<byte[]> lines, List<ObjectNode> checkpoints, long from,
                                     List<NoteVerifier> keys) {
        LogVerifier verifier = new LogVerifier(keys, PublishedCheckpoint.parseAll(checkpointsJson(checkpoints)),
                Optional.empty(), from);
        try {
            return verifier.verify(new ByteArrayInputStream(export(lines)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
