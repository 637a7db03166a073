package io.collectivepulse.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {
    private static final Instant START = Instant.parse("2027-01-04T08:00:00Z");

    @Test
    void aLimitListedTwiceTakesTwoCallsOfItsWindow() {
        var pace = new Pace();
        Limit tenant = Limit.window("teams:tenant", 50, Duration.ofSeconds(1));
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            slots.add(pace.reserve(List.of(tenant, tenant), START));
        }
        // 25 first private messages (each opens a conversation, then writes) fill the tenant's 50 a second.
        assertThat(slots.subList(0, 25)).containsOnly(START);
        assertThat(slots.get(25)).isAfterOrEqualTo(START.plusSeconds(1));
        Limit other = Limit.window("teams:other", 50, Duration.ofSeconds(1));
        assertThat(pace.reserve(List.of(other), START)).isEqualTo(START);
    }

    @Test
    void aBucketListedTwiceTakesTwoCalls() {
        var pace = new Pace();
        Limit bucket = Limit.bucket("slack:T0:C0:post", 2, 1.0);
        assertThat(pace.reserve(List.of(bucket, bucket), START)).isEqualTo(START);
        assertThat(pace.reserve(List.of(bucket), START)).isAfter(START.plusMillis(900));
    }

    @Test
    void aLateCallLeavesOnlyWhereTheCallsThatReallyLeftAllowIt() {
        var pace = new Pace();
        Limit tenant = Limit.window("teams:tenant", 2, Duration.ofSeconds(1));
        Limit bucket = Limit.bucket("slack:T0:C0:post", 1, 1.0);
        assertThat(pace.depart(List.of(tenant, bucket), START)).isEqualTo(START);
        assertThat(pace.depart(List.of(tenant), START.plusMillis(10))).isEqualTo(START.plusMillis(10));
        // Two calls in flight fill the window: they may arrive at any moment, so a third waits for their answers.
        Instant waiting = pace.depart(List.of(tenant), START.plusMillis(20));
        assertThat(waiting).isAfter(START.plusMillis(20)).isBefore(START.plusMillis(100));
        pace.settle(List.of(tenant, bucket), START, START.plusMillis(5));
        pace.settle(List.of(tenant), START.plusMillis(10), START.plusMillis(15));
        // Answered: counted from their answers, the third leaves once the first has left the window.
        Instant third = pace.depart(List.of(tenant), waiting);
        assertThat(third).isAfter(START.plusSeconds(1)).isBefore(START.plusMillis(1100));
        assertThat(pace.depart(List.of(tenant), third)).isEqualTo(third);
        assertThat(pace.depart(List.of(bucket), START.plusMillis(30))).as("buckets are paced ahead only")
                .isEqualTo(START.plusMillis(30));
    }

    @Test
    void aSlowCallCountsFromItsAnswerSinceItMayHaveArrivedThatLate() {
        var pace = new Pace();
        Limit tenant = Limit.window("teams:tenant", 2, Duration.ofSeconds(1));
        assertThat(pace.depart(List.of(tenant), START)).isEqualTo(START);
        assertThat(pace.depart(List.of(tenant), START.plusMillis(100))).isEqualTo(START.plusMillis(100));
        pace.settle(List.of(tenant), START.plusMillis(100), START.plusMillis(110));
        pace.settle(List.of(tenant), START, START.plusMillis(900));
        // A second after the slow call left, it may have reached the platform only 150 ms ago: its answer counts.
        Instant next = pace.depart(List.of(tenant), START.plusMillis(1050));
        assertThat(next).isAfter(START.plusMillis(1110)).isBefore(START.plusMillis(1150));
        assertThat(pace.depart(List.of(tenant), next)).isEqualTo(next);
        Instant after = pace.depart(List.of(tenant), next.plusMillis(1));
        assertThat(after).isAfter(START.plusMillis(1900));
    }
}
