package org.palisade.dsl.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.resource.XtextResource;
import org.palisade.dsl.ide.quickfix.DesignEdits;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes;
import org.palisade.dsl.ide.quickfix.SiteQuickFixes.Fix;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The Studio's quick fixes as code actions: for each finding the client sends back, the fixes
 * {@link SiteQuickFixes} has for its rule code, each with the minimal text edits Xtext's
 * change serializer writes (the same path as the Studio's Ctrl+1).
 * <p>
 * A fix that moves a typed password to secure storage cannot be a plain edit: the password
 * must be stored before the text loses it. It is offered as a {@link SecretMoveCommand}
 * (when the client can execute commands), which stores it and then sends the edit.
 */
public class SiteCodeActions implements ICodeActionService2 {

	@Inject
	private Provider<IChangeSerializer> serializers;

	@Override
	public List<Either<Command, CodeAction>> getCodeActions(Options options) {
		// Xtext hands over the URI only: read the design as the client sees it (open or not).
		return options.getLanguageServerAccess().doSyncRead(options.getURI(), context -> {
			List<Either<Command, CodeAction>> actions = new ArrayList<>();
			if (context.getResource() instanceof XtextResource resource && resource.getParseResult() != null) {
				for (Diagnostic diagnostic : options.getCodeActionParams().getContext().getDiagnostics()) {
					actions.addAll(actions(options, resource, context.getDocument(), diagnostic));
				}
			}
			return actions;
		});
	}

	private List<Either<Command, CodeAction>> actions(Options options, XtextResource resource, Document document, Diagnostic diagnostic) {
		List<Either<Command, CodeAction>> actions = new ArrayList<>();
		String code = diagnostic.getCode() == null ? null : diagnostic.getCode().getLeft();
		if (code == null || !SiteQuickFixes.FIXABLE.contains(code)) {
			return actions;
		}
		int offset = document.getOffSet(diagnostic.getRange().getStart());
		for (Fix fix : SiteQuickFixes.fixes(resource, offset, code, diagnostic.getMessage())) {
			if (options.getCancelIndicator().isCanceled()) {
				break;
			}
			if (fix.secret() != null) {
				if (canExecuteCommands(options)) {
					Command command = SecretMoveCommand.command(options.getURI(), diagnostic.getRange().getStart(), fix);
					CodeAction action = new CodeAction(command.getTitle());
					action.setKind(CodeActionKind.QuickFix);
					action.setDiagnostics(List.of(diagnostic));
					action.setCommand(command);
					actions.add(Either.forRight(action));
				}
				continue;
			}
			List<TextEdit> edits = edits(options.getLanguageServerAccess(), resource.getURI(), document, fix, serializers.get());
			if (edits.isEmpty()) {
				continue;
			}
			CodeAction action = new CodeAction(fix.label());
			action.setKind(CodeActionKind.QuickFix);
			action.setDiagnostics(List.of(diagnostic));
			action.setEdit(new WorkspaceEdit(Map.of(options.getURI(), edits)));
			actions.add(Either.forRight(action));
		}
		return actions;
	}

	private static boolean canExecuteCommands(Options options) {
		var params = options.getLanguageServerAccess().getInitializeParams();
		var workspace = params == null || params.getCapabilities() == null ? null : params.getCapabilities().getWorkspace();
		return workspace != null && workspace.getExecuteCommand() != null;
	}

	/** The fix made on a copy of the text the client sees, in a resource set that sees the workspace. */
	static List<TextEdit> edits(ILanguageServerAccess access, URI uri, Document document, Fix fix, IChangeSerializer serializer) {
		var set = access.newLiveScopeResourceSet(uri);
		String text = document.getContents();
		List<TextEdit> edits = new ArrayList<>();
		for (ITextReplacement r : DesignEdits.edits(set, uri, text, fix.modification(), serializer)) {
			String old = text.substring(r.getOffset(), r.getEndOffset());
			String replacement = r.getReplacementText();
			// The serializer writes a whole element again when the fix picks another alternative of
			// the grammar (password -> credentials): the client gets only the words that change,
			// so that its undo, cursor and folding stay where they were.
			int prefix = 0;
			while (prefix < old.length() && prefix < replacement.length() && old.charAt(prefix) == replacement.charAt(prefix)) {
				prefix++;
			}
			int suffix = 0;
			while (suffix < old.length() - prefix && suffix < replacement.length() - prefix
					&& old.charAt(old.length() - 1 - suffix) == replacement.charAt(replacement.length() - 1 - suffix)) {
				suffix++;
			}
			if (prefix == old.length() && prefix == replacement.length()) {
				continue; // nothing changes here
			}
			while (prefix > 0 && !Character.isWhitespace(old.charAt(prefix - 1))) {
				prefix--;
			}
			while (suffix > 0 && !Character.isWhitespace(old.charAt(old.length() - suffix))) {
				suffix--;
			}
			int start = r.getOffset() + prefix;
			int end = r.getEndOffset() - suffix;
			edits.add(new TextEdit(new Range(document.getPosition(start), document.getPosition(end)),
					replacement.substring(prefix, replacement.length() - suffix)));
		}
		return edits;
	}
}
