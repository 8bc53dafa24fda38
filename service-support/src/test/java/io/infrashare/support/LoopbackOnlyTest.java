package io.infrashare.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackOnlyTest {

    @Test
    void theLoopbackIsEveryAddressOfIt() {
        assertThat(LoopbackOnly.loopback("127.0.0.1")).isTrue();
        assertThat(LoopbackOnly.loopback("127.1.2.3")).isTrue();
        assertThat(LoopbackOnly.loopback("::1")).isTrue();
        assertThat(LoopbackOnly.loopback("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void anyOtherAddressANameOrNothingIsNot() {
        assertThat(LoopbackOnly.loopback("192.0.2.2")).isFalse();
        assertThat(LoopbackOnly.loopback("0.0.0.0")).isFalse();
        assertThat(LoopbackOnly.loopback("fd00::2")).isFalse();
        assertThat(LoopbackOnly.loopback("localhost")).isFalse();
        assertThat(LoopbackOnly.loopback("")).isFalse();
        assertThat(LoopbackOnly.loopback(null)).isFalse();
    }
}
