package org.palisade.dsl.lsp.tests;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RenameCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.palisade.dsl.lsp.DesignServers;
import org.palisade.dsl.lsp.QuietLanguageClient;

/**
 * A real LSP client (LSP4J's client launcher) connected to Palisade's server over a loopback
 * socket, as an editor would be. It records the diagnostics the server publishes and lets a
 * test wait for the ones it expects.
 */
final class LspClient extends QuietLanguageClient implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	final LanguageServer server;
	private final Socket socket;
	private final Future<Void> listening;
	final CompletableFuture<Integer> serverExit = new CompletableFuture<>();
	private final Map<String, List<Diagnostic>> diagnostics = new HashMap<>();

	/**
	 * Starts a server on a free loopback port and connects to it.
	 *
	 * @param transcript where the server writes every message in and out
	 */
	LspClient(PrintWriter transcript) throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread serving = new Thread(() -> {
			try {
				serverExit.complete(DesignServers.serveOnLoopback(0, port::complete, transcript));
			} catch (Throwable e) {
				port.completeExceptionally(e);
				serverExit.completeExceptionally(e);
			}
		}, "lsp-server");
		serving.setDaemon(true);
		serving.start();
		socket = new Socket(InetAddress.getLoopbackAddress(), port.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, socket.getInputStream(), socket.getOutputStream());
		server = launcher.getRemoteProxy();
		listening = launcher.startListening();
	}

	/** initialize + initialized with a workspace folder, as VS Code does. */
	void initialize(Path root) throws Exception {
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		params.setRootUri(root.toUri().toString());
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), root.getFileName().toString())));
		ClientCapabilities capabilities = new ClientCapabilities();
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		text.setRename(new RenameCapabilities(true, false));
		capabilities.setTextDocument(text);
		params.setCapabilities(capabilities);
		server.initialize(params).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
	}

	void open(String uri, String text) {
		server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "perimeter", 1, text)));
	}

	/** @return the first diagnostics published for a document that satisfy a condition */
	List<Diagnostic> awaitDiagnostics(String uri, Predicate<List<Diagnostic>> wanted) throws InterruptedException {
		long end = System.nanoTime() + TIMEOUT.toNanos();
		synchronized (diagnostics) {
			while (true) {
				List<Diagnostic> current = diagnostics.get(uri);
				if (current != null && wanted.test(current)) {
					return current;
				}
				long left = end - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("no such diagnostics for " + uri + " within " + TIMEOUT + "; last: " + current);
				}
				diagnostics.wait(Math.max(1, left / 1_000_000));
			}
		}
	}

	/** @return whether the server has published diagnostics for a document (open or not) */
	boolean hasDiagnostics(String uri) {
		synchronized (diagnostics) {
			return diagnostics.containsKey(uri);
		}
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams params) {
		synchronized (diagnostics) {
			diagnostics.put(params.getUri(), new ArrayList<>(params.getDiagnostics()));
			diagnostics.notifyAll();
		}
	}


	/** @return the text with the edits made, as a client applies them */
	static String apply(String text, List<? extends TextEdit> edits) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> Integer.compare(offset(text, b.getRange().getStart()), offset(text, a.getRange().getStart())));
		StringBuilder result = new StringBuilder(text);
		for (TextEdit edit : sorted) {
			result.replace(offset(text, edit.getRange().getStart()), offset(text, edit.getRange().getEnd()), edit.getNewText());
		}
		return result.toString();
	}

	static int offset(String text, Position position) {
		int offset = 0;
		for (int line = 0; line < position.getLine(); line++) {
			offset = text.indexOf('\n', offset) + 1;
		}
		return offset + position.getCharacter();
	}

	/** @return the position of the first occurrence of a string (after another one) */
	static Position positionOf(String text, String what, String after) {
		int from = after == null ? 0 : text.indexOf(after);
		int offset = text.indexOf(what, from);
		if (from < 0 || offset < 0) {
			throw new AssertionError("'" + what + "' not in the text");
		}
		return position(text, offset);
	}

	@Override
	public void close() throws IOException {
		listening.cancel(true);
		socket.close();
	}
}
