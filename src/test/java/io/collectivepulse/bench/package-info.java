/**
 * Benchmarks of the acknowledgement paths (Slack slash commands, Teams activities) and of the Quartz store,
 * each figure with a baseline measured in the same run: a bare Javalin endpoint, a minimal Bolt app, a minimal
 * Bot Framework bot and the peer Bolt app a team would write instead of Collective Pulse, which live here and
 * are no part of the product. {@link io.collectivepulse.bench.BenchMain} runs everything
 * ({@code mvn -B -Pbench verify}) and writes {@code target/bench/BENCHMARKS-latest.md}. No class here is named
 * like a test, so {@code mvn verify} only compiles them.
 */
package io.collectivepulse.bench;
