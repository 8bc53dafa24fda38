package io.infrashare.testing;

/**
 * The key the tests' command sides sign their organizations' logs with, and the verifier key the tests' query sides
 * and checks trust: one fixed pair, so every module's tests agree on it. Its name is the default origin prefix,
 * {@code infrashare.localhost/log}. A second pair stands for a key retired by a rotation. Test keys, never ones to
 * deploy.
 */
public final class TestLogKey {

    /** The key's name, which is the default origin prefix. */
    public static final String NAME = "infrashare.localhost/log";

    /** The signer key, as {@code INFRASHARE_LOG_SIGNING_KEY} takes it. */
    public static final String PRIVATE_KEY =
            "PRIVATE+KEY+infrashare.localhost/log+7986f81c+AZC4daqs+L+MhbL/y4xqDIalAz5S1RXDJ6dqtIT+Nfb4";

    /** Its verifier key, as {@code INFRASHARE_LOG_VERIFIER_KEYS} and {@code verifier.keys} list it. */
    public static final String VERIFIER_KEY =
            "infrashare.localhost/log+7986f81c+Ad56zpgqzMZPO4zqgNn/fmM4c5gInjhnutmy59Gb+n84";

    /** A key that signed before a rotation. */
    public static final String RETIRED_PRIVATE_KEY =
            "PRIVATE+KEY+infrashare.localhost/log+f29981ef+AZmam5ydnp+goaKjpKWmp6ipqqusra6vsLGys7S1tre4";

    /** The retired key's verifier key. */
    public static final String RETIRED_VERIFIER_KEY =
            "infrashare.localhost/log+f29981ef+Aa62oBdORO4KEIwvU9FggGh+65QS5JwihDsGie2UWH+c";

    private TestLogKey() {
    }
}
