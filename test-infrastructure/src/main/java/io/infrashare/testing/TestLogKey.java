package io.infrashare.testing;

/**
 * The key the tests' command sides sign their organizations' logs with, and the verifier key the tests' query sides
 * and checks trust: one fixed pair, so every module's tests agree on it. Its name is the default origin prefix,
 * {@code infrashare.localhost/log}. A test key, never one to deploy.
 */
public final class TestLogKey {

    /** The signer key, as {@code INFRASHARE_LOG_SIGNING_KEY} takes it. */
    public static final String PRIVATE_KEY =
            "PRIVATE+KEY+infrashare.localhost/log+7986f81c+AZC4daqs+L+MhbL/y4xqDIalAz5S1RXDJ6dqtIT+Nfb4";

    /** Its verifier key, as {@code INFRASHARE_LOG_VERIFIER_KEYS} and {@code verifier.keys} list it. */
    public static final String VERIFIER_KEY =
            "infrashare.localhost/log+7986f81c+Ad56zpgqzMZPO4zqgNn/fmM4c5gInjhnutmy59Gb+n84";

    private TestLogKey() {
    }
}
