package org.palisade.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandCapabilities;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palisade.deploy.Credential;
import org.palisade.deploy.SecureCredentials;
import org.palisade.deploy.internal.SecureStorageSource;

/**
 * The Studio's "move the password to secure storage" quick fix through the language server,
 * with a real LSP client over loopback and a private secure storage (its master password and
 * the design's passwords made up at run time): the code action carries a server command, not
 * the password; executing it stores user and password where deploy reads them, then the
 * client gets the minimal edit; credentials already stored are not replaced; a storage that
 * fails leaves the design alone; and no message the server sends holds a password. The whole
 * exchange is written to target/lsp-secret-transcript.txt.
 */
class SecretCodeActionTest {

	private static final long T = LspClient.TIMEOUT.toSeconds();
	private static final String REFERENCE = "harbour-depot/north1";
	private static final String TITLE = "Move the password to secure storage as credentials \"" + REFERENCE + "\" (user root)";

	private int version = 1;

	@Test
	void aTypedPasswordMovesToSecureStorageThroughAServerCommand(@TempDir Path root) throws Exception {
		Path storageFile = root.resolve("secure_storage");
		Map<String, Object> options = new HashMap<>();
		options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(UUID.randomUUID().toString().toCharArray()));
		options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
		ISecurePreferences storage = SecurePreferencesFactory.open(storageFile.toUri().toURL(), options);
		SecureCredentials.use(() -> storage);
		String secret = "pw-" + UUID.randomUUID();
		String second = "pw-" + UUID.randomUUID();

		Path examples = Path.of(System.getProperty("palisade.examples", "../../examples")).toAbsolutePath().normalize();
		String original = Files.readString(examples.resolve("harbour-depot/harbour-depot.perimeter"));
		Path depot = root.resolve("harbour-depot.perimeter");
		Files.writeString(depot, original);
		String uri = depot.toUri().toString();
		Files.createDirectories(Path.of("target"));
		Path transcriptFile = Path.of("target/lsp-secret-transcript.txt");
		try (PrintWriter transcript = new PrintWriter(Files.newBufferedWriter(transcriptFile, StandardCharsets.UTF_8), true);
				LspClient client = new LspClient(transcript)) {
			InitializeResult init = client.initialize(root, capabilities -> {
				// As VS Code: it runs server commands, applies workspace edits and checks their version.
				WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
				workspace.setExecuteCommand(new ExecuteCommandCapabilities(false));
				workspace.setApplyEdit(true);
				WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
				edits.setDocumentChanges(true);
				workspace.setWorkspaceEdit(edits);
				capabilities.setWorkspace(workspace);
			});
			assertTrue(init.getCapabilities().getExecuteCommandProvider().getCommands().contains("palisade.moveSecretToSecureStorage"),
					init.getCapabilities().getExecuteCommandProvider().toString());

			// The example's north camera with its password typed into the design.
			String typed = original.replace("credentials \"" + REFERENCE + "\"", "password \"" + secret + "\"");
			assertFalse(typed.equals(original), "the example names credentials \"" + REFERENCE + "\"");
			client.open(uri, typed);
			Command command = secretFix(client, uri);
			assertEquals("palisade.moveSecretToSecureStorage", command.getCommand());
			assertEquals(4, command.getArguments().size(), command.getArguments().toString());
			assertFalse(command.getArguments().toString().contains(secret), "the password is not an argument");

			client.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(command.getCommand(), command.getArguments()))
					.get(T, TimeUnit.SECONDS);
			ApplyWorkspaceEditParams applied = client.await(client.applyEdits, e -> true, "workspace/applyEdit");
			// Stored where and how deploy reads it, before the edit was sent.
			Credential stored = SecureStorageSource.over(storage).find(REFERENCE);
			assertEquals("root", stored.username(), "the Axis administrator by default");
			assertEquals(secret, new String(stored.password()));
			assertTrue(storage.node(SecureCredentials.path(REFERENCE)).isEncrypted("password"), "the password is stored encrypted");
			// The minimal edit, for the version the client has: the text is the example's again.
			TextDocumentEdit edit = applied.getEdit().getDocumentChanges().get(0).getLeft();
			assertEquals(uri, edit.getTextDocument().getUri());
			assertEquals(version, edit.getTextDocument().getVersion());
			assertEquals(original, LspClient.apply(typed, edit.getEdits()));
			assertEquals(1, edit.getEdits().size(), edit.getEdits().toString());
			var only = edit.getEdits().get(0);
			assertEquals("password \"" + secret + "\"", typed.substring(LspClient.offset(typed, only.getRange().getStart()),
					LspClient.offset(typed, only.getRange().getEnd())), "replaces the password and nothing more");
			assertEquals("credentials \"" + REFERENCE + "\"", only.getNewText());
			change(client, uri, original);
			client.awaitDiagnostics(uri, List::isEmpty);
			assertEquals(List.of(), client.messages, "nothing to tell when it worked");

			// Typed again, with another password: the stored credentials are not replaced.
			String again = original.replace("credentials \"" + REFERENCE + "\"", "password \"" + second + "\"");
			change(client, uri, again);
			Command retry = secretFix(client, uri);
			client.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(retry.getCommand(), retry.getArguments()))
					.get(T, TimeUnit.SECONDS);
			MessageParams refused = client.await(client.messages, m -> true, "window/showMessage");
			assertEquals(MessageType.Error, refused.getType());
			assertTrue(refused.getMessage().contains("already holds credentials \"" + REFERENCE + "\""), refused.getMessage());
			assertEquals(secret, new String(SecureStorageSource.over(storage).find(REFERENCE).password()), "not replaced");
			assertEquals(1, client.applyEdits.size(), "no edit");

			// A storage that cannot store (none in the process): an error naming the reference, no edit.
			SecureCredentials.use(() -> null);
			client.server.getWorkspaceService().executeCommand(new ExecuteCommandParams(retry.getCommand(), retry.getArguments()))
					.get(T, TimeUnit.SECONDS);
			MessageParams failed = client.await(client.messages, m -> m != refused, "a second window/showMessage");
			assertEquals(MessageType.Error, failed.getType());
			assertTrue(failed.getMessage().contains("not stored as credentials \"" + REFERENCE + "\""), failed.getMessage());
			assertEquals(1, client.applyEdits.size(), "no edit");
			SecureCredentials.use(() -> storage);
			change(client, uri, original);
			client.awaitDiagnostics(uri, List::isEmpty);

			// No message from the server held either password (the client's own didOpen/didChange do).
			client.server.shutdown().get(T, TimeUnit.SECONDS);
			client.server.exit();
			assertEquals(0, client.serverExit.get(T, TimeUnit.SECONDS));
			String received = client.received();
			assertTrue(received.contains("workspace/applyEdit") && received.contains("publishDiagnostics"), "the capture works");
			assertFalse(received.contains(secret) || received.contains(second), "a password in a message from the server");
			transcript.flush();
			for (String entry : Files.readString(transcriptFile).split("\\[Trace - ")) {
				if (entry.contains("] Sending ")) {
					assertFalse(entry.contains(secret) || entry.contains(second), "a password in what the server sent:\n" + entry);
				}
			}
		} finally {
			SecureCredentials.useDefault();
		}
	}

	/** Waits for the finding, then asks for its code actions: the fix must be a command. */
	private static Command secretFix(LspClient client, String uri) throws Exception {
		List<Diagnostic> found = client.awaitDiagnostics(uri,
				d -> d.stream().anyMatch(x -> "SEC-PLAINTEXT-SECRET".equals(x.getCode().getLeft())));
		Diagnostic secret = found.stream().filter(x -> "SEC-PLAINTEXT-SECRET".equals(x.getCode().getLeft())).findFirst().orElseThrow();
		var params = new CodeActionParams(new TextDocumentIdentifier(uri), secret.getRange(), new CodeActionContext(List.of(secret)));
		List<Either<Command, CodeAction>> actions = client.server.getTextDocumentService().codeAction(params).get(T, TimeUnit.SECONDS);
		CodeAction action = actions.stream().filter(Either::isRight).map(Either::getRight).filter(a -> a.getTitle().equals(TITLE))
				.findFirst().orElseGet(() -> fail("no '" + TITLE + "' in " + actions));
		assertNull(action.getEdit(), "the edit comes once the password is stored");
		return action.getCommand();
	}

	private void change(LspClient client, String uri, String text) {
		client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, ++version),
				List.of(new TextDocumentContentChangeEvent(text))));
	}
}
