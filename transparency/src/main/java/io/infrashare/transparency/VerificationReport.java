package io.infrashare.transparency;

import java.util.List;

/**
 * What {@link LogVerifier} found: nothing wrong, and then a summary of what was proven ("12 entries of
 * infrashare.localhost/log/acme, root ... at size 12 signed by ..."), or the findings.
 */
public record VerificationReport(List<Finding> findings, String summary) {

    public VerificationReport {
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return findings.isEmpty();
    }
}
