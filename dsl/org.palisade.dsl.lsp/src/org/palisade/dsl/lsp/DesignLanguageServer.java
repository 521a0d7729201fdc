package org.palisade.dsl.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.validation.Issue;
import org.palisade.dsl.load.DesignSet;

import com.google.gson.JsonObject;

/**
 * Xtext's language server with Palisade's reading of a finding: the code a diagnostic carries
 * is the rule code {@code palisade validate} prints (ELEC-WIRE-AREA, LINK, SYNTAX), and notes
 * (SCHED-WRAP and the like) are left out unless the client asks for them with the
 * initialization option {@code {"notes": true}}, as {@code validate} leaves them out without
 * {@code --info} and the Studio without its preference.
 */
public class DesignLanguageServer extends LanguageServerImpl {

	private volatile boolean notes;

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		Object options = params.getInitializationOptions();
		if (options instanceof JsonObject json && json.has("notes") && json.get("notes").isJsonPrimitive()) {
			notes = json.get("notes").getAsBoolean();
		} else if (options instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("notes"))) {
			notes = true;
		}
		return super.initialize(params);
	}

	@Override
	protected List<Diagnostic> toDiagnostics(Iterable<? extends Issue> issues) {
		List<Diagnostic> result = new ArrayList<>();
		for (Issue issue : issues) {
			if (issue.getSeverity() != Severity.IGNORE && (notes || issue.getSeverity() != Severity.INFO)) {
				result.add(toDiagnostic(issue));
			}
		}
		return result;
	}

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		diagnostic.setCode(DesignSet.codeOf(issue));
		diagnostic.setSource("palisade");
		return diagnostic;
	}
}
