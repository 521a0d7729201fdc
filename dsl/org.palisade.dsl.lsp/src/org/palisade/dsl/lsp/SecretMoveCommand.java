package org.palisade.dsl.lsp;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.commands.IExecutableCommandService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.palisade.deploy.SecureCredentials;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes.Fix;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes.SecretMove;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The Studio's "move the password to secure storage" quick fix, as a server command: a code
 * action cannot carry it as a plain edit, since the password must be kept somewhere before the
 * text loses it. The command's arguments are the document, where the finding is, the
 * credentials reference and the user name; never the password. On execution the server reads
 * the password again from its own copy of the document, stores user and password through
 * {@link SecureCredentials} (the layout deploy reads), and only then asks the client to apply
 * the edit (the reference instead of the password, the change serializer's minimal edit).
 * <p>
 * Credentials already stored under the reference are not replaced: the protocol has no
 * question that returns text, and a silent overwrite could lose a device's working password.
 * Every outcome is told with window/showMessage; no message carries the password.
 */
public class SecretMoveCommand implements IExecutableCommandService {

	/** The command's name, advertised in executeCommandProvider. */
	public static final String ID = "palisade.moveSecretToSecureStorage";

	/** The user a password belongs to unless the client asks: the Axis devices' administrator. */
	public static final String DEFAULT_USER = "root";

	private static final String CODE = "SEC-PLAINTEXT-SECRET";

	@Inject
	private Provider<IChangeSerializer> serializers;

	/**
	 * @param uri      the design's URI as the client names it
	 * @param at       where the finding starts
	 * @param fix      the fix with its {@link SecretMove}
	 * @return the command a code action carries: arguments uri, position, reference, user (root)
	 */
	public static Command command(String uri, Position at, Fix fix) {
		return new Command(fix.label() + " (user " + DEFAULT_USER + ")", ID, List.of(uri, at, fix.secret().reference(), DEFAULT_USER));
	}

	@Override
	public List<String> initialize() {
		return List.of(ID);
	}

	@Override
	public Object execute(ExecuteCommandParams params, ILanguageServerAccess access, CancelIndicator cancel) {
		if (!ID.equals(params.getCommand())) {
			return null;
		}
		List<Object> args = params.getArguments();
		if (args == null || args.size() != 4) {
			throw invalid("expects 4 arguments (document URI, position, credentials reference, user name), got "
					+ (args == null ? 0 : args.size()));
		}
		String uri = string(args.get(0), "document URI");
		Position at = position(args.get(1));
		String reference = string(args.get(2), "credentials reference");
		String user = string(args.get(3), "user name").strip();
		LanguageClient client = access.getLanguageClient();
		if (user.isEmpty()) {
			return tell(client, MessageType.Error, "No user name for credentials \"" + reference + "\"; the design is left as it is.");
		}
		Prepared move = access.doSyncRead(uri, context -> prepare(access, context, at, reference));
		if (move.refusal != null) {
			return tell(client, MessageType.Error, move.refusal);
		}
		if (cancel.isCanceled()) {
			// The text changed meanwhile: the edit would land in the wrong place. Nothing stored.
			return tell(client, MessageType.Warning, "The design changed before credentials \"" + reference
					+ "\" were stored; nothing was changed. Pick the fix again.");
		}
		if (SecureCredentials.exists(reference)) {
			return tell(client, MessageType.Error, "Secure storage already holds credentials \"" + reference
					+ "\"; they are not replaced and the design is left as it is. Remove them first (Studio: Preferences > Palisade > Credentials) if the typed password is the right one.");
		}
		try {
			SecureCredentials.store(reference, user, move.secret.password().toCharArray());
		} catch (IOException | RuntimeException e) {
			// The storage's messages name the node and the cause, never the value.
			return tell(client, MessageType.Error, "The password was not stored as credentials \"" + reference
					+ "\", so the design is left as it is: " + e.getMessage());
		}
		String label = "Move the password to secure storage as credentials \"" + reference + "\"";
		client.applyEdit(new ApplyWorkspaceEditParams(edit(access, uri, move), label)).thenAccept(response -> {
			if (response == null || !response.isApplied()) {
				tell(client, MessageType.Warning, "Credentials \"" + reference + "\" are stored (user " + user
						+ "), but the editor did not take the edit" + (response == null || response.getFailureReason() == null ? ""
								: " (" + response.getFailureReason() + ")")
						+ ": replace the password with credentials \"" + reference + "\" by hand.");
			}
		});
		return null;
	}

	/** What the command found in the server's copy of the design: the password and the edit, or why not. */
	private record Prepared(SecretMove secret, List<TextEdit> edits, Integer version, String refusal) {

		static Prepared refused(String why) {
			return new Prepared(null, null, null, why);
		}
	}

	private Prepared prepare(ILanguageServerAccess access, ILanguageServerAccess.Context context, Position at, String reference) {
		if (!(context.getResource() instanceof XtextResource resource) || resource.getParseResult() == null) {
			return Prepared.refused("The design is not loaded; credentials \"" + reference + "\" were not stored.");
		}
		Document document = context.getDocument();
		int offset;
		try {
			offset = document.getOffSet(at);
		} catch (IndexOutOfBoundsException e) {
			return Prepared.refused("Line " + (at.getLine() + 1) + " is not in the design any more; credentials \"" + reference
					+ "\" were not stored.");
		}
		for (Fix fix : SiteQuickFixes.fixes(resource, offset, CODE, null)) {
			if (fix.secret() != null && fix.secret().reference().equals(reference)) {
				List<TextEdit> edits = SiteCodeActions.edits(access, resource.getURI(), document, fix, serializers.get());
				if (edits.isEmpty()) {
					break;
				}
				return new Prepared(fix.secret(), edits, document.getVersion(), null);
			}
		}
		return Prepared.refused("No typed password for credentials \"" + reference + "\" at line " + (at.getLine() + 1)
				+ " any more; nothing was stored.");
	}

	/** The edit, tied to the document's version when the client can check it (a later edit makes it fail, not land astray). */
	private static WorkspaceEdit edit(ILanguageServerAccess access, String uri, Prepared move) {
		var capabilities = access.getInitializeParams() == null ? null : access.getInitializeParams().getCapabilities();
		var workspace = capabilities == null ? null : capabilities.getWorkspace();
		boolean versioned = workspace != null && workspace.getWorkspaceEdit() != null
				&& Boolean.TRUE.equals(workspace.getWorkspaceEdit().getDocumentChanges()) && move.version != null;
		if (versioned) {
			return new WorkspaceEdit(List.of(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, move.version),
					move.edits))));
		}
		return new WorkspaceEdit(Map.of(uri, move.edits));
	}

	private static Object tell(LanguageClient client, MessageType type, String message) {
		client.showMessage(new MessageParams(type, message));
		return null;
	}

	private static String string(Object arg, String what) {
		if (arg instanceof String s) {
			return s;
		}
		if (arg instanceof JsonElement json && json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
			return json.getAsString();
		}
		throw invalid("the " + what + " must be a string");
	}

	private static Position position(Object arg) {
		if (arg instanceof Position p) {
			return p;
		}
		if (arg instanceof JsonObject json && json.has("line") && json.has("character")) {
			try {
				return new Position(json.get("line").getAsInt(), json.get("character").getAsInt());
			} catch (RuntimeException e) {
				// reported below
			}
		}
		throw invalid("the position must be {\"line\": N, \"character\": N}");
	}

	private static ResponseErrorException invalid(String why) {
		return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, ID + ": " + why, null));
	}
}
