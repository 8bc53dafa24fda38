package io.infrashare.query.log;

import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.MalformedNoteException;
import io.infrashare.transparency.NoteVerificationException;
import io.infrashare.transparency.SignedNote;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that records fit their organizations' logs before their events are applied: each record must be its log's
 * next entry (else it is forged, replayed out of order, or its predecessor is missing), its entry must hash to the
 * leaf hash it claims (else it was altered), and the checkpoint it carries must be signed by a trusted key and hold
 * the root of the log with it appended (else it did not come from the command side). A record whose event is logged
 * already is a redelivery and is let through: applying it changes nothing.
 * <p>
 * A poll's records of one organization are checked as a run: the checkpoint of the last of them signs a root that
 * covers all of them, so one signature is verified per organization and poll; only if it does not verify are the
 * run's checkpoints verified one by one, to find the first record that does not fit.
 */
@Component
public class LogChain {

    private final OrganizationLogs logs;
    private final KnownKeys keys;
    private final String originPrefix;

    public LogChain(OrganizationLogs logs, KnownKeys keys, LogProperties properties) {
        this.logs = logs;
        this.keys = keys;
        this.originPrefix = properties.originPrefix();
    }

    /** A record to check: its event's id and organization, and its seal. */
    public record Candidate(String eventId, OrganizationId organization, LogSeal seal) {
    }

    /** The first record that does not fit, by its place in the list, and why. */
    public record Misfit(int index, String reason) {
    }

    /** The first of the records that does not fit its log; those before it all fit. */
    public Optional<Misfit> firstMisfit(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Map<OrganizationId, CompactRange> committed = logs.trees(candidates.stream().map(Candidate::organization)
                .distinct().toList());
        Set<String> logged = logs.alreadyLogged(candidates.stream().map(Candidate::eventId).toList());
        Map<OrganizationId, CompactRange> trees = new HashMap<>();
        committed.forEach((organization, tree) -> trees.put(organization, tree.copy()));
        Map<OrganizationId, Integer> lastOfEach = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Misfit misfit = null;
        for (int i = 0; i < candidates.size() && misfit == null; i++) {
            Candidate candidate = candidates.get(i);
            if (logged.contains(candidate.eventId()) || !seen.add(candidate.eventId())) {
                continue;
            }
            CompactRange tree = trees.get(candidate.organization());
            Optional<String> why = placeOf(candidate, tree);
            if (why.isPresent()) {
                misfit = new Misfit(i, why.get());
            } else {
                tree.append(candidate.seal().leafHash());
                lastOfEach.put(candidate.organization(), i);
            }
        }
        int end = misfit == null ? candidates.size() : misfit.index();
        for (Map.Entry<OrganizationId, Integer> last : lastOfEach.entrySet()) {
            CompactRange tree = trees.get(last.getKey());
            if (signatureProblem(candidates.get(last.getValue()), tree.size(), tree.rootHash()).isPresent()) {
                Misfit unsigned = firstUnsigned(candidates, end, last.getKey(), committed.get(last.getKey()), logged);
                if (misfit == null || unsigned.index() < misfit.index()) {
                    misfit = unsigned;
                }
            }
        }
        return Optional.ofNullable(misfit);
    }

    private static Optional<String> placeOf(Candidate candidate, CompactRange tree) {
        LogSeal seal = candidate.seal();
        String log = "the log of " + candidate.organization().value();
        if (seal.index() < tree.size()) {
            return Optional.of("it claims index " + seal.index() + " of " + log + ", which another event holds:"
                    + " forged or replayed out of order");
        }
        if (seal.index() > tree.size()) {
            return Optional.of("it claims index " + seal.index() + " of " + log + ", whose next index is "
                    + tree.size() + ": its predecessors are missing");
        }
        if (!seal.leafHashFits()) {
            return Optional.of("its entry does not hash to the leaf hash it carries: altered");
        }
        return Optional.empty();
    }

    /** The first record of the organization, before {@code end}, whose checkpoint does not verify. */
    private Misfit firstUnsigned(List<Candidate> candidates, int end, OrganizationId organization,
                                 CompactRange committed, Set<String> logged) {
        CompactRange tree = committed.copy();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < end; i++) {
            Candidate candidate = candidates.get(i);
            if (!candidate.organization().equals(organization) || logged.contains(candidate.eventId())
                    || !seen.add(candidate.eventId())) {
                continue;
            }
            tree.append(candidate.seal().leafHash());
            Optional<String> problem = signatureProblem(candidate, tree.size(), tree.rootHash());
            if (problem.isPresent()) {
                return new Misfit(i, problem.get());
            }
        }
        throw new IllegalStateException("the run's last checkpoint failed, but none of its records' did");
    }

    /** Why the record's checkpoint is not a trusted signature of the log of that size and root, if it is not. */
    private Optional<String> signatureProblem(Candidate candidate, long size, byte[] root) {
        String origin = LogSeal.origin(originPrefix, candidate.organization());
        Checkpoint checkpoint;
        try {
            SignedNote note = SignedNote.parse(candidate.seal().checkpoint());
            checkpoint = Checkpoint.open(note.message(), origin, keys.toOpen(note));
        } catch (MalformedNoteException | NoteVerificationException e) {
            return Optional.of("its checkpoint is not one the command side signed: " + e.getMessage());
        }
        if (checkpoint.size() != size || !MessageDigest.isEqual(checkpoint.rootHash(), root)) {
            return Optional.of("its checkpoint signs a log of " + checkpoint.size() + " entries with another root than"
                    + " the log of " + size + " entries it would end");
        }
        return Optional.empty();
    }
}
