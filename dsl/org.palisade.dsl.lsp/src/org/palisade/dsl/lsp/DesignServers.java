package org.palisade.dsl.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.ExecutorServiceProvider;
import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.ide.server.semantictokens.SemanticTokensService;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;
import org.palisade.dsl.load.DesignSet;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * Starts Palisade's language server on a pair of streams (stdio, a socket, or pipes in a
 * test). Each connection gets its own server (workspace, index, request queue); all share
 * one language injector, the Studio's modules plus {@link SiteServerModule}.
 * <p>
 * The server writes protocol messages only to the stream it is given; keeping anything
 * else off a process's stdout is the caller's part (see {@code palisade lsp}).
 */
public final class DesignServers {

	private static Injector language;

	private DesignServers() {
	}

	/** @return the language's injector for servers, created once per process (about half a second) */
	public static synchronized Injector languageInjector() {
		if (language == null) {
			language = new SiteServerSetup().createInjectorAndDoEMFRegistration();
		}
		return language;
	}

	/**
	 * Starts serving one client.
	 *
	 * @param trace where every message in and out is written, or null
	 */
	public static Session start(InputStream in, OutputStream out, PrintWriter trace) {
		IResourceServiceProvider.Registry languages = new ResourceServiceProviderRegistryImpl();
		// The server finds languages by extension; Xtext's default looks them up with
		// java.util.ServiceLoader, which sees no bundle's services under OSGi.
		languages.getExtensionToFactoryMap().put(DesignSet.EXTENSION, languageInjector().getInstance(IResourceServiceProvider.class));
		ExitSignal exit = new ExitSignal();
		Injector injector = Guice.createInjector(Modules2.mixin(new ServerModule(), binder -> {
			binder.bind(IResourceServiceProvider.Registry.class).toInstance(languages);
			binder.bind(ILanguageServerShutdownAndExitHandler.class).toInstance(exit);
			binder.bind(SemanticTokensService.class).to(DesignSemanticTokens.class);
		}));
		DesignLanguageServer server = injector.getInstance(DesignLanguageServer.class);
		Launcher.Builder<LanguageClient> builder = new Launcher.Builder<LanguageClient>().setLocalService(server)
				.setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out);
		if (trace != null) {
			builder.traceMessages(trace);
		}
		Launcher<LanguageClient> launcher = builder.create();
		server.connect(launcher.getRemoteProxy());
		return new Session(launcher.startListening(), exit, injector);
	}

	/**
	 * Listens on a loopback port (never another interface: the server reads and changes files)
	 * and serves the first client that connects, until it exits.
	 *
	 * @param port  the port, 0 for any free one
	 * @param bound told the port once it is listening
	 * @return the session's exit code (see {@link Session#await()})
	 */
	public static int serveOnLoopback(int port, IntConsumer bound, PrintWriter trace) throws IOException, InterruptedException {
		try (ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			bound.accept(listener.getLocalPort());
			try (Socket client = listener.accept()) {
				return start(client.getInputStream(), client.getOutputStream(), trace).await();
			}
		}
	}

	/** One client's server, running. */
	public static final class Session {

		private final Future<Void> listening;
		private final ExitSignal exit;
		private final Injector injector;

		Session(Future<Void> listening, ExitSignal exit, Injector injector) {
			this.listening = listening;
			this.exit = exit;
			this.injector = injector;
		}

		/**
		 * Waits until the client sends {@code exit} or closes its end, then stops the server.
		 *
		 * @return 0 when {@code shutdown} came first, 1 otherwise (as the protocol asks)
		 */
		public int await() throws InterruptedException {
			CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
				try {
					listening.get();
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				} catch (ExecutionException | CancellationException e) {
					// the stream broke or was closed: the client is gone either way
				}
			});
			try {
				CompletableFuture.anyOf(exit.exited, closed).get();
			} catch (ExecutionException e) {
				// cannot happen: neither completes exceptionally
			}
			stop();
			return exit.shutdown ? 0 : 1;
		}

		/** Stops reading and ends the server's worker threads. */
		public void stop() {
			listening.cancel(true);
			injector.getInstance(ExecutorServiceProvider.class).dispose();
		}
	}

	/**
	 * What {@code shutdown} and {@code exit} do. Xtext's default ends the process with
	 * System.exit, which would also end a test run or a socket server mid-sentence.
	 */
	static final class ExitSignal implements ILanguageServerShutdownAndExitHandler {

		final CompletableFuture<Void> exited = new CompletableFuture<>();
		volatile boolean shutdown;

		@Override
		public void shutdown() {
			shutdown = true;
		}

		@Override
		public void exit() {
			exited.complete(null);
		}
	}
}
