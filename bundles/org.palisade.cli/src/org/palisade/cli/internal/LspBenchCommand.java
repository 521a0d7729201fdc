package org.palisade.cli.internal;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.palisade.dsl.load.SyntheticSite;
import org.palisade.dsl.lsp.DesignServers;
import org.palisade.dsl.lsp.QuietLanguageClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code palisade bench lsp}: the language server's edit-to-diagnostics time, measured as an
 * editor sees it: a real LSP client on a loopback socket opens a synthetic site, then types the
 * editor bench's edit (a zero added to, then taken from, the length of a wire in the middle of
 * the site: 30 m to 300 m breaks the wire's voltage drop rule, and back) and times each change
 * until the diagnostics that answer it arrive.
 */
@Command(name = "lsp", description = { "The language server timed through a real LSP client on loopback: open to first",
		"diagnostics, and edit to diagnostics (the editor bench's edit) on synthetic sites." })
public class LspBenchCommand extends CliCommand {

	@Option(names = "--sizes", split = ",", paramLabel = "N,N...", description = "cameras per site (default 1000,10000)")
	List<Integer> sizes = List.of(1000, 10000);

	@Option(names = "--edits", paramLabel = "N", description = "edits per size (default ${DEFAULT-VALUE})")
	int edits = 30;

	private static final long TIMEOUT_SECONDS = 300;

	@Override
	int run() throws Exception {
		atLeast("--edits", edits, 2);
		for (int size : sizes) {
			atLeast("--sizes", size, 1);
		}
		out.println("palisade bench lsp: " + Measurements.machine());
		out.println();
		out.println("| cameras | text | open to first diagnostics | edit to diagnostics median / p95 / max |");
		out.println("|---|---|---|---|");
		for (int size : sizes) {
			measure(size);
		}
		return 0;
	}

	private void measure(int cameras) throws Exception {
		Path folder = Files.createTempDirectory("palisade-bench-lsp");
		try {
			String text = SyntheticSite.of(cameras);
			Path file = folder.resolve("bench.perimeter");
			Files.writeString(file, text);
			String uri = file.toUri().toString();
			CompletableFuture<Integer> port = new CompletableFuture<>();
			CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> {
				try {
					return DesignServers.serveOnLoopback(0, port::complete, null);
				} catch (Exception e) {
					port.completeExceptionally(e);
					throw new IllegalStateException(e);
				}
			});
			Client client = new Client();
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
				Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, socket.getInputStream(), socket.getOutputStream());
				launcher.startListening();
				LanguageServer server = launcher.getRemoteProxy();
				InitializeParams init = new InitializeParams();
				init.setRootUri(folder.toUri().toString());
				init.setCapabilities(new ClientCapabilities());
				server.initialize(init).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				server.initialized(new InitializedParams());
				client.await(uri, d -> true, 0); // the workspace build's diagnostics for the file on disk

				long openStart = System.nanoTime();
				int seen = client.count();
				server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "perimeter", 1, text)));
				client.await(uri, d -> true, seen);
				long open = System.nanoTime() - openStart;

				String anchor = " m from pin 2 to Beacon" + cameras / 2 + ".plus";
				int offset = text.indexOf(anchor);
				Position at = QuietLanguageClient.position(text, offset);
				List<Long> latencies = new ArrayList<>();
				for (int i = 0; i < edits; i++) {
					boolean add = i % 2 == 0;
					Range range = add ? new Range(at, at) : new Range(at, new Position(at.getLine(), at.getCharacter() + 1));
					var change = new TextDocumentContentChangeEvent(range, add ? "0" : "");
					seen = client.count();
					long start = System.nanoTime();
					server.getTextDocumentService()
							.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, i + 2), List.of(change)));
					// 300 m of 0.25 mm2 breaks the voltage drop rule; 30 m is clean again.
					client.await(uri, add ? d -> !d.isEmpty() : List::isEmpty, seen);
					latencies.add(System.nanoTime() - start);
					Thread.sleep(150); // a person's pause between two edits, as in the editor bench
				}
				server.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				server.exit();
				served.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				Collections.sort(latencies);
				out.printf("| %,d | %,d kB | %d ms | %d / %d / %d ms |%n", cameras, text.length() / 1024, open / 1_000_000,
						ms(latencies, 50), ms(latencies, 95), latencies.get(latencies.size() - 1) / 1_000_000);
			}
		} finally {
			try (var walk = Files.walk(folder)) {
				walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static long ms(List<Long> sorted, int percentile) {
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
		return sorted.get(Math.max(0, index)) / 1_000_000;
	}

	/** Counts the diagnostics the server publishes and lets the bench wait for the next ones. */
	private static final class Client extends QuietLanguageClient {

		private int published;
		private List<Diagnostic> last = List.of();
		private String lastUri;

		synchronized int count() {
			return published;
		}

		/** Waits for diagnostics of a file, published after the first {@code after} of all, that satisfy a condition. */
		synchronized void await(String uri, Predicate<List<Diagnostic>> wanted, int after) throws InterruptedException {
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
			while (published <= after || !uri.equals(lastUri) || !wanted.test(last)) {
				long left = end - System.nanoTime();
				if (left <= 0) {
					throw new IllegalStateException("no diagnostics for " + uri + " within " + TIMEOUT_SECONDS + " s");
				}
				wait(Math.max(1, left / 1_000_000));
			}
		}

		@Override
		public synchronized void publishDiagnostics(PublishDiagnosticsParams params) {
			published++;
			lastUri = params.getUri();
			last = params.getDiagnostics();
			notifyAll();
		}
	}
}
