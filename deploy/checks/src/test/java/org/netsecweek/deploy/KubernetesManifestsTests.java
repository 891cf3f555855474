package org.netsecweek.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in deploy/k8s parsed into fabric8's typed Kubernetes model, failing on any field the model does not
 * know (a typo such as {@code readinesProbe} would otherwise be dropped silently by the API server's older
 * versions), then the rules the deployment depends on: actuator probes, resources, a Service and a PDB per
 * Deployment, the HPA for quiz-service within the partitions, and no secret value committed.
 */
class KubernetesManifestsTests {

	private static final Path K8S = Repository.file("deploy/k8s");

	/** The kinds the manifests may use, each with its model class for apiVersion/kind. */
	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of("v1/Namespace", Namespace.class,
			"v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class, "apps/v1/Deployment",
			Deployment.class, "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
			"policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

	private static final ObjectMapper mapper = new ObjectMapper()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

	private final List<HasMetadata> resources = parseAll();

	@Test
	void everyManifestParsesIntoTheTypedModelWithNoUnknownField() {
		assertThat(resources).hasSizeGreaterThanOrEqualTo(16);
		// fabric8's classes keep unknown fields in additionalProperties instead of failing: look there too
		for (HasMetadata resource : resources) {
			List<String> unknown = new ArrayList<>();
			unknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown,
					new IdentityHashMap<>());
			assertThat(unknown).as("fields the Kubernetes model does not know").isEmpty();
		}
	}

	@Test
	void everyServiceHasADeploymentWithActuatorProbesResourcesAServiceAndAPdb() {
		for (String name : Repository.SERVICES) {
			Deployment deployment = one(Deployment.class, name);
			Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
			assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
			assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
			assertThat(container.getStartupProbe()).as(name + " startup probe").isNotNull();
			assertThat(container.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
			assertThat(container.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
			String port = port(name);
			assertThat(container.getPorts()).singleElement()
				.satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(Integer.valueOf(port)));
			assertThat(container.getEnv()).anySatisfy(env -> {
				assertThat(env.getName()).isEqualTo("PORT");
				assertThat(env.getValue()).isEqualTo(port);
			});
			assertThat(container.getEnvFrom()).anySatisfy(
					from -> assertThat(from.getConfigMapRef().getName()).isEqualTo("netsec-config"));
			Map<String, String> labels = deployment.getSpec().getSelector().getMatchLabels();
			assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(labels);
			assertThat(one(Service.class, name).getSpec().getSelector()).isEqualTo(labels);
			assertThat(one(PodDisruptionBudget.class, name).getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
		}
	}

	@Test
	void quizServiceScalesWithAnHpaNoFurtherThanThePartitionsAllow() {
		HorizontalPodAutoscaler hpa = one(HorizontalPodAutoscaler.class, "quiz-service");
		assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("quiz-service");
		assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
		int partitions = Integer.parseInt(one(ConfigMap.class, "netsec-config").getData().get("NETSEC_KAFKA_PARTITIONS"));
		assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(partitions);
		assertThat(one(Deployment.class, "quiz-service").getSpec().getReplicas()).as("replicas are the HPA's").isNull();
		assertThat(Repository.read("deploy/k8s/README.md")).contains("| `points-awarded` |")
			.contains(partitions + " partitions allow");
	}

	@Test
	void theConfigMapRunsTheDockerProfileAndSecretsHoldNoValue() {
		assertThat(one(ConfigMap.class, "netsec-config").getData()).containsEntry("SPRING_PROFILES_ACTIVE", "docker")
			.containsKeys("NETSEC_KAFKA_BOOTSTRAP_SERVERS", "NETSEC_DB_HOST");
		List<Secret> secrets = all(Secret.class);
		assertThat(secrets).extracting(s -> s.getMetadata().getName())
			.containsExactlyInAnyOrder("netsec-db", "netsec-keys", "netsec-admin");
		for (Secret secret : secrets) {
			assertThat(secret.getData()).as(secret.getMetadata().getName()).isNullOrEmpty();
			assertThat(secret.getStringData().values()).as(secret.getMetadata().getName()).containsOnly("");
		}
		// what the Deployments read from Secrets exists in them
		for (Deployment deployment : all(Deployment.class)) {
			deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
				.filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
				.forEach(env -> assertThat(one(Secret.class, env.getValueFrom().getSecretKeyRef().getName())
					.getStringData()).containsKey(env.getValueFrom().getSecretKeyRef().getKey()));
		}
	}

	private static void assertProbe(Probe probe, String path) {
		assertThat(probe).isNotNull();
		assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
		assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
	}

	/** The port the service's docker profile defaults to. */
	private static String port(String service) {
		String profile = Repository.read(service + "/src/main/resources/" + service + "-docker.yml");
		return Repository.<Object>at(Repository.yamlText(profile), "server", "port").toString()
			.replaceAll("\\$\\{PORT:(\\d+)}", "$1");
	}

	private <T extends HasMetadata> T one(Class<T> type, String name) {
		List<T> found = all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).toList();
		assertThat(found).as(type.getSimpleName() + " " + name).hasSize(1);
		return found.get(0);
	}

	private <T extends HasMetadata> List<T> all(Class<T> type) {
		return resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	private static List<HasMetadata> parseAll() {
		List<HasMetadata> parsed = new ArrayList<>();
		try (Stream<Path> files = Files.list(K8S)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				for (Map<String, Object> document : Repository.yamlDocuments(file)) {
					String kind = document.get("apiVersion") + "/" + document.get("kind");
					Class<? extends HasMetadata> type = KINDS.get(kind);
					assertThat(type).as(file.getFileName() + ": a kind these checks know: " + kind).isNotNull();
					HasMetadata resource = mapper.convertValue(document, type);
					assertThat(resource.getMetadata().getNamespace()).as(file.getFileName() + " namespace")
						.isIn("netsec-week", null);
					parsed.add(resource);
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return parsed;
	}

	/** Walks the model's getters and collects every non-empty additionalProperties, with its path. */
	private static void unknownFields(Object node, String path, List<String> unknown, Map<Object, Boolean> seen) {
		if (node == null || seen.put(node, Boolean.TRUE) != null) {
			return;
		}
		if (node instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownFields(item, path + "[" + (i++) + "]", unknown, seen);
			}
			return;
		}
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> unknownFields(value, path + "." + key, unknown, seen));
			return;
		}
		if (!node.getClass().getPackageName().startsWith("io.fabric8")) {
			return;
		}
		try {
			for (PropertyDescriptor property : Introspector.getBeanInfo(node.getClass(), Object.class)
				.getPropertyDescriptors()) {
				if (property.getReadMethod() == null) {
					continue;
				}
				Object value = property.getReadMethod().invoke(node);
				if (property.getName().equals("additionalProperties")) {
					if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
						unknown.add(path + ": " + extra.keySet());
					}
				}
				else {
					unknownFields(value, path + "." + property.getName(), unknown, seen);
				}
			}
		}
		catch (java.beans.IntrospectionException | IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + path, ex);
		}
	}
}
