package org.palisade.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol's way out: shutdown, then exit, ends the server with 0; exit alone with 1. */
class ShutdownTest {

	@Test
	void shutdownThenExitEndsTheServerCleanly(@TempDir Path root) throws Exception {
		Files.writeString(root.resolve("empty.perimeter"), "site \"Empty\" {\n}\n");
		try (LspClient client = new LspClient(null)) {
			client.initialize(root);
			client.server.shutdown().get(LspClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			client.server.exit();
			assertEquals(0, client.serverExit.get(LspClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
		}
	}

	@Test
	void exitWithoutShutdownIsAnError(@TempDir Path root) throws Exception {
		try (LspClient client = new LspClient(null)) {
			client.initialize(root);
			client.server.exit();
			assertEquals(1, client.serverExit.get(LspClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS));
		}
	}
}
