package org.palisade.dsl.lsp;

import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;

/**
 * A client of the design language server that is after its diagnostics only (the latency
 * bench, tests): messages meant for a person are dropped, and a question gets no answer.
 */
public abstract class QuietLanguageClient implements LanguageClient {

	/** @return where an offset of a text is, in the protocol's lines and characters (as the server counts them) */
	public static Position position(String text, int offset) {
		return new Document(1, text).getPosition(offset);
	}

	@Override
	public void telemetryEvent(Object object) {
		// nobody to show it to
	}

	@Override
	public void showMessage(MessageParams message) {
		// nobody to show it to
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams message) {
		// nobody to show it to
	}
}
