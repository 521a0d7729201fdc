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
 * A fix that moves a typed password to secure storage is not offered: the server has no
 * secure storage of the user's to put it in, and applying the rest of that fix would drop
 * the password from the design without keeping it anywhere.
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
				continue;
			}
			List<TextEdit> edits = edits(options, resource.getURI(), document, fix);
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

	/** The fix made on a copy of the text the client sees, in a resource set that sees the workspace. */
	private List<TextEdit> edits(Options options, URI uri, Document document, Fix fix) {
		var set = options.getLanguageServerAccess().newLiveScopeResourceSet(uri);
		List<TextEdit> edits = new ArrayList<>();
		for (ITextReplacement r : DesignEdits.edits(set, uri, document.getContents(), fix.modification(), serializers.get())) {
			edits.add(new TextEdit(new Range(document.getPosition(r.getOffset()), document.getPosition(r.getEndOffset())),
					r.getReplacementText()));
		}
		return edits;
	}
}
