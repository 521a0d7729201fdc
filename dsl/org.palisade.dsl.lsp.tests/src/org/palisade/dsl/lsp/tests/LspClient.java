package org.palisade.dsl.lsp.tests;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
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
	/** Every byte the server sent, as it came over the socket. */
	private final ByteArrayOutputStream received = new ByteArrayOutputStream();
	/** What the server asked to show, and the edits it asked to apply (all answered "applied"). */
	final List<MessageParams> messages = new ArrayList<>();
	final List<ApplyWorkspaceEditParams> applyEdits = new ArrayList<>();

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
		InputStream fromServer = new FilterInputStream(socket.getInputStream()) {
			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					synchronized (received) {
						received.write(b);
					}
				}
				return b;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int n = super.read(buffer, offset, length);
				if (n > 0) {
					synchronized (received) {
						received.write(buffer, offset, n);
					}
				}
				return n;
			}
		};
		Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(this, fromServer, socket.getOutputStream());
		server = launcher.getRemoteProxy();
		listening = launcher.startListening();
	}

	/** initialize + initialized with a workspace folder, as VS Code does. */
	void initialize(Path root) throws Exception {
		initialize(root, capabilities -> {
		});
	}

	/** initialize + initialized, with capabilities added to the basic ones. */
	InitializeResult initialize(Path root, Consumer<ClientCapabilities> more) throws Exception {
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		params.setRootUri(root.toUri().toString());
		params.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), root.getFileName().toString())));
		ClientCapabilities capabilities = new ClientCapabilities();
		TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
		text.setRename(new RenameCapabilities(true, false));
		capabilities.setTextDocument(text);
		more.accept(capabilities);
		params.setCapabilities(capabilities);
		InitializeResult result = server.initialize(params).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		return result;
	}

	/** @return everything the server has sent so far, as text */
	String received() {
		synchronized (received) {
			return received.toString(java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** @return the first element of a list this client fills that satisfies a condition, waiting for it */
	<T> T await(List<T> list, Predicate<T> wanted, String what) throws InterruptedException {
		long end = System.nanoTime() + TIMEOUT.toNanos();
		synchronized (list) {
			while (true) {
				for (T t : list) {
					if (wanted.test(t)) {
						return t;
					}
				}
				long left = end - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("no " + what + " within " + TIMEOUT + "; got: " + list);
				}
				list.wait(Math.max(1, left / 1_000_000));
			}
		}
	}

	@Override
	public void showMessage(MessageParams message) {
		synchronized (messages) {
			messages.add(message);
			messages.notifyAll();
		}
	}

	@Override
	public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
		synchronized (applyEdits) {
			applyEdits.add(params);
			applyEdits.notifyAll();
		}
		return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(true));
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
