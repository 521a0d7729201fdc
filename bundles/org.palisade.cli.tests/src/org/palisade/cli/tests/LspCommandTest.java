package org.palisade.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.cli.Palisade;
import org.palisade.dsl.lsp.QuietLanguageClient;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code palisade lsp} as the product runs it: over the process's stdin and stdout (here
 * a loopback socket stands in for the pipes an editor opens), and over {@code --socket}.
 */
class LspCommandTest {

	private static final long T = 60;

	@Test
	void stdoutCarriesProtocolMessagesOnlyEvenWhenSomethingPrints(@TempDir Path root) throws Exception {
		Files.copy(Cli.example(), root.resolve("harbour-depot.perimeter"));
		ByteArrayOutputStream recorded = new ByteArrayOutputStream();
		PrintStream stdout = System.out;
		InputStream stdin = System.in;
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		try (ServerSocket pipe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
				Socket editor = new Socket(InetAddress.getLoopbackAddress(), pipe.getLocalPort());
				Socket process = pipe.accept()) {
			OutputStream processOut = process.getOutputStream();
			// The process's stdout: everything written to it is kept, and goes on to the editor.
			System.setOut(new PrintStream(new OutputStream() {
				@Override
				public synchronized void write(int b) throws IOException {
					recorded.write(b);
					processOut.write(b);
				}

				@Override
				public synchronized void write(byte[] b, int off, int len) throws IOException {
					recorded.write(b, off, len);
					processOut.write(b, off, len);
				}

				@Override
				public void flush() throws IOException {
					processOut.flush();
				}
			}, true));
			System.setIn(process.getInputStream());
			CompletableFuture<Integer> code = CompletableFuture.supplyAsync(
					() -> Palisade.run(List.of("lsp"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8)));

			Client client = new Client();
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, editor.getInputStream(), editor.getOutputStream());
			launcher.startListening();
			LanguageServer server = launcher.getRemoteProxy();
			InitializeResult result = server.initialize(initialize(root)).get(T, TimeUnit.SECONDS);
			assertTrue(result.getCapabilities().getCodeActionProvider().getLeft(), "code actions offered");
			server.initialized(new InitializedParams());
			client.diagnostics.get(T, TimeUnit.SECONDS);

			// What a library might do while the server runs: print, log through log4j and JUL.
			System.out.println("a stray line on stdout");
			org.apache.log4j.Logger.getLogger("some.library").error("a library's error");
			java.util.logging.Logger.getLogger("another.library").warning("a library's warning");

			server.shutdown().get(T, TimeUnit.SECONDS);
			server.exit();
			assertEquals(0, code.get(T, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
		} finally {
			System.setOut(stdout);
			System.setIn(stdin);
		}
		String bytes = recorded.toString(StandardCharsets.UTF_8);
		assertFalse(bytes.contains("stray") || bytes.contains("library's"), bytes);
		int messages = parseFrames(recorded.toByteArray());
		assertTrue(messages >= 3, "initialize's answer, diagnostics and shutdown's answer: " + messages);
	}

	@Test
	void socketListensOnLoopbackOnly(@TempDir Path root) throws Exception {
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
		CompletableFuture<Integer> code = CompletableFuture
				.supplyAsync(() -> Palisade.run(List.of("lsp", "--socket", "0"), new PrintStream(new ByteArrayOutputStream()), errStream));
		Matcher listening = Pattern.compile("palisade lsp: listening on 127\\.0\\.0\\.1:(\\d+) for one editor").matcher("");
		for (int i = 0; i < 600 && !listening.reset(err.toString(StandardCharsets.UTF_8)).find(); i++) {
			Thread.sleep(50);
		}
		assertTrue(listening.find(0), err.toString(StandardCharsets.UTF_8));
		int port = Integer.parseInt(listening.group(1));
		// Another address of this machine does not reach it.
		InetAddress outside = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
				.filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst().orElse(null);
		if (outside != null) {
			assertThrows(IOException.class, () -> {
				try (Socket s = new Socket()) {
					s.connect(new InetSocketAddress(outside, port), 2000);
				}
			}, "reached from " + outside);
		}
		try (Socket editor = new Socket(InetAddress.getLoopbackAddress(), port)) {
			Client client = new Client();
			Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, editor.getInputStream(), editor.getOutputStream());
			launcher.startListening();
			LanguageServer server = launcher.getRemoteProxy();
			server.initialize(initialize(root)).get(T, TimeUnit.SECONDS);
			server.shutdown().get(T, TimeUnit.SECONDS);
			server.exit();
			assertEquals(0, code.get(T, TimeUnit.SECONDS));
		}
	}

	@Test
	void aPortOutOfRangeIsAUsageError() {
		Cli.Run r = Cli.run("lsp", "--socket", "70000");
		assertEquals(2, r.code());
		assertTrue(r.err().contains("--socket must be a port from 0 to 65535, got 70000"), r.err());
	}

	private static InitializeParams initialize(Path root) {
		InitializeParams params = new InitializeParams();
		params.setRootUri(root.toUri().toString());
		params.setCapabilities(new ClientCapabilities());
		return params;
	}

	/**
	 * Reads the bytes as LSP frames ({@code Content-Length: N}, a blank line, N bytes of a
	 * JSON-RPC 2.0 message), and fails on any byte that is not part of one.
	 *
	 * @return the number of messages
	 */
	private static int parseFrames(byte[] bytes) {
		int pos = 0;
		int messages = 0;
		while (pos < bytes.length) {
			int headerEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), pos);
			assertTrue(headerEnd > pos, "no header at byte " + pos);
			String header = new String(bytes, pos, headerEnd - pos, StandardCharsets.US_ASCII);
			Matcher length = Pattern.compile("(?m)^Content-Length: (\\d+)$").matcher(header.replace("\r", ""));
			assertTrue(length.find(), "not an LSP header: " + header);
			for (String line : header.split("\r\n")) {
				assertTrue(line.startsWith("Content-Length: ") || line.startsWith("Content-Type: "), "header line: " + line);
			}
			int start = headerEnd + 4;
			int n = Integer.parseInt(length.group(1));
			JsonObject message = JsonParser.parseString(new String(bytes, start, n, StandardCharsets.UTF_8)).getAsJsonObject();
			assertEquals("2.0", message.get("jsonrpc").getAsString());
			pos = start + n;
			messages++;
		}
		return messages;
	}

	private static int indexOf(byte[] bytes, byte[] what, int from) {
		outer: for (int i = from; i <= bytes.length - what.length; i++) {
			for (int j = 0; j < what.length; j++) {
				if (bytes[i + j] != what[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static final class Client extends QuietLanguageClient {
		final CompletableFuture<PublishDiagnosticsParams> diagnostics = new CompletableFuture<>();

		@Override
		public void publishDiagnostics(PublishDiagnosticsParams params) {
			diagnostics.complete(params);
		}
	}
}
