package org.netsecweek.launcher;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.netsecweek.infra.Infrastructure;

/**
 * The four services started once for all end-to-end test classes of this JVM (about 15 s), on any free ports,
 * with their own databases and topic prefix, and stopped when the last test class is done.
 */
class RunningSuite implements BeforeAllCallback {

	static final String TOPIC_PREFIX = "e2e-";

	private static Started started;

	@Override
	public void beforeAll(ExtensionContext context) {
		context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningSuite.class,
				key -> start(), Started.class);
	}

	static Suite suite() {
		return started.suite;
	}

	static Infrastructure infrastructure() {
		return started.infrastructure;
	}

	static String adminPassword() {
		return started.adminPassword;
	}

	private static synchronized Started start() {
		try {
			Infrastructure infrastructure = Infrastructure.shared();
			Path home = Files.createTempDirectory("netsec-e2e");
			DemoAdmins admins = DemoAdmins.load(home);
			Map<String, Object> extra = new HashMap<>(admins.properties());
			extra.put("netsec.security.key-directory", home.resolve("keys").toString());
			extra.put("netsec.security.generate-key-if-missing", true);
			// the tests poll much faster than a phone does
			extra.put("netsec.quiz.limits.worker-requests", 100_000);
			extra.put("netsec.quiz.limits.anonymous-requests", 100_000);
			// and answer a paper in well under the 20 s that holds an attempt for review
			extra.put("netsec.scoring.review.hold-fast-papers", false);
			// the staff console's browser test needs the services' addresses before they start
			Map<Service, Integer> ports = freePorts();
			extra.putAll(Suite.consoleProperties(ports));
			Suite suite = Suite.start(infrastructure, ports, "e2e_", TOPIC_PREFIX, extra);
			started = new Started(infrastructure, suite, admins.password());
			return started;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Four distinct free ports: each socket stays open until all are chosen. */
	private static Map<Service, Integer> freePorts() throws java.io.IOException {
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			for (Service service : Service.values()) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
				ports.put(service, socket.getLocalPort());
			}
		}
		finally {
			for (ServerSocket socket : sockets) {
				socket.close();
			}
		}
		return ports;
	}

	/** Closed by JUnit after the last test class, before the JVM's shutdown hooks stop the servers. */
	record Started(Infrastructure infrastructure, Suite suite, String adminPassword)
			implements ExtensionContext.Store.CloseableResource {

		@Override
		public void close() {
			suite.close();
		}
	}
}
