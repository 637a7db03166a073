package io.collectivepulse.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes manifests, parsed (with the YAML reader the JSON schema validator already brings to the tests):
 * liveness and readiness on their own endpoints, a pause before SIGTERM, a grace period longer than the pause plus
 * the service's 30 s stop, and a Service and a disruption budget that select the Deployment's pods.
 */
class KubernetesManifestsTest {
    private static final Path KUBERNETES = Path.of("manifests", "kubernetes");
    /** How long the service takes at most to stop after SIGTERM (Shutdown). */
    private static final int SERVICE_STOP_SECONDS = 30;

    private static JsonNode read(String file) throws IOException {
        return new YAMLMapper().readTree(Files.readString(KUBERNETES.resolve(file)));
    }

    private static JsonNode container() throws IOException {
        JsonNode containers = read("deployment.yaml").path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).isEqualTo(1);
        return containers.get(0);
    }

    private static String probe(JsonNode container, String kind) {
        JsonNode get = container.path(kind).path("httpGet");
        assertThat(get.path("port").asString()).as(kind + " port").isEqualTo("http");
        return get.path("path").asString();
    }

    @Test
    void livenessAndReadinessAskTheirOwnEndpoints() throws IOException {
        JsonNode container = container();
        assertThat(probe(container, "livenessProbe")).isEqualTo("/health/live");
        assertThat(probe(container, "readinessProbe")).isEqualTo("/health/ready");
        assertThat(probe(container, "startupProbe")).isEqualTo("/health/live");
        List<String> ports = StreamSupport.stream(container.path("ports").spliterator(), false)
                .map(port -> port.path("name").asString()).toList();
        assertThat(ports).containsExactly("http");
    }

    @Test
    void theGracePeriodCoversThePauseAndTheServicesStop() throws IOException {
        JsonNode pod = read("deployment.yaml").path("spec").path("template").path("spec");
        int pause = container().path("lifecycle").path("preStop").path("sleep").path("seconds").asInt();
        assertThat(pause).isPositive();
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(pause + SERVICE_STOP_SECONDS);
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectTheDeploymentsPods() throws IOException {
        JsonNode deployment = read("deployment.yaml");
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        assertThat(deployment.path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
        assertThat(read("service.yaml").path("spec").path("selector")).isEqualTo(labels);

        JsonNode budget = read("poddisruptionbudget.yaml");
        assertThat(budget.path("apiVersion").asString()).isEqualTo("policy/v1");
        assertThat(budget.path("kind").asString()).isEqualTo("PodDisruptionBudget");
        assertThat(budget.path("spec").path("selector").path("matchLabels")).isEqualTo(labels);
        assertThat(budget.path("spec").path("maxUnavailable").asInt())
                .as("one pod at a time, and a single replica's node can still be drained").isEqualTo(1);
    }
}
