package org.palisade.dsl.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.palisade.dsl.load.DesignDiagnostic.Severity;
import org.palisade.dsl.scoping.SiteGlobalScopeProvider;
import org.palisade.dsl.validation.SiteResourceValidator;
import org.palisade.model.site.Design;
import org.palisade.model.site.Import;
import org.palisade.validation.Messages;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Loads .perimeter files (and what they import) into one resource set, links them and
 * validates them: what the CLI, the tests and the benchmark share.
 */
public class DesignSet {

	/** The file extension of Palisade designs. */
	public static final String EXTENSION = "perimeter";

	@Inject
	private Provider<XtextResourceSet> resourceSetProvider;

	@Inject
	private SiteResourceValidator validator;

	private boolean linked;

	private XtextResourceSet resourceSet;

	private final List<Resource> inputs = new ArrayList<>();

	private final List<InputProblem> problems = new ArrayList<>();

	/** Findings about a file's text made before parsing (line ends). */
	private final List<DesignDiagnostic> textFindings = new ArrayList<>();

	/**
	 * Finds the design files among the given files and folders (see {@link DesignFiles}) and
	 * loads them.
	 *
	 * @throws DesignInputException if a path cannot be used (the first such problem; see
	 *                              {@link #loadReadable(List)} to go on past it)
	 */
	public DesignSet load(List<Path> paths) throws DesignInputException {
		loadReadable(paths);
		if (!problems.isEmpty()) {
			throw new DesignInputException(problems.get(0).format());
		}
		return this;
	}

	/**
	 * Loads every design that can be read under the given paths; why others cannot is in
	 * {@link #problems()}. A gate reports those and still checks the rest.
	 *
	 * @return this
	 */
	public DesignSet loadReadable(List<Path> paths) {
		resourceSet = resourceSetProvider.get();
		resourceSet.getURIConverter().getURIHandlers().add(0, new SizeLimitedFiles(problems));
		linked = false;
		inputs.clear();
		problems.clear();
		textFindings.clear();
		DesignFiles.Found found = DesignFiles.find(paths);
		problems.addAll(found.problems());
		for (Path file : found.files()) {
			loadFile(file);
		}
		return this;
	}

	private void loadFile(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		} catch (IOException e) {
			problems.add(new InputProblem(file, "cannot be read: " + DesignFiles.cause(e)));
			return;
		} catch (OutOfMemoryError e) {
			problems.add(new InputProblem(file, "out of memory reading it"));
			return;
		}
		int offset = 0;
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
			// The UTF-8 byte-order mark some Windows editors write: not part of the text.
			offset = 3;
		}
		DesignDiagnostic lineEnds = TextChecks.loneCarriageReturn(file, bytes, offset);
		if (lineEnds != null) {
			// The lexer would take the whole file for one line, and a comment for all of it:
			// one clear error instead of the dozens that follow.
			textFindings.add(lineEnds);
			return;
		}
		URI uri = URI.createFileURI(file.toAbsolutePath().normalize().toString());
		Resource resource = resourceSet.createResource(uri);
		try (var in = new ByteArrayInputStream(bytes, offset, bytes.length - offset)) {
			resource.load(in, resourceSet.getLoadOptions());
			inputs.add(resource);
		} catch (IOException | RuntimeException e) {
			resourceSet.getResources().remove(resource);
			problems.add(new InputProblem(file, "cannot be parsed: " + Messages.quote(String.valueOf(e))));
		} catch (OutOfMemoryError e) {
			resourceSet.getResources().remove(resource);
			problems.add(new InputProblem(file, "out of memory parsing it (" + bytes.length / 1024 + " KB)"));
		}
	}

	/** @return why some named paths could not be checked, in the order met */
	public List<InputProblem> problems() {
		return List.copyOf(problems);
	}

	/**
	 * Resolves every reference of the loaded designs, loading what they import. Linking
	 * errors become errors of their resources, reported by {@link #validate()}.
	 *
	 * @return this
	 */
	public DesignSet link() {
		// What a design imports is part of the site even when none of its references leads
		// there (a site file importing its areas): load it, and what that imports, first.
		for (int i = 0; i < resourceSet.getResources().size(); i++) {
			Resource resource = resourceSet.getResources().get(i);
			for (EObject root : List.copyOf(resource.getContents())) {
				if (root instanceof Design design) {
					for (Import imp : design.getImports()) {
						loadImport(resource, imp.getImportURI());
					}
				}
			}
		}
		try {
			EcoreUtil.resolveAll(resourceSet);
		} catch (RuntimeException e) {
			// Never a silent pass: what could not be linked is said, not skipped.
			problems.add(new InputProblem(inputs.isEmpty() ? Path.of("") : fileOf(inputs.get(0)),
					"linking failed: " + Messages.quote(String.valueOf(e))));
		}
		linked = true;
		return this;
	}

	private void loadImport(Resource from, String path) {
		URI uri = ImportUris.resolve(from, path);
		if (uri == null) {
			return; // reported by the validator
		}
		if (resourceSet.getResource(uri, false) == null && resourceSet.getURIConverter().exists(uri, null)) {
			// A missing file is IMPORT-MISSING, from the validator; a broken one is loaded
			// anyway, so that its syntax errors are reported.
			try {
				resourceSet.getResource(uri, true);
			} catch (RuntimeException e) {
				// The resource stays in the set with its errors.
			}
		}
	}

	/**
	 * Links the designs (unless {@link #link()} did) and validates every loaded design (the
	 * inputs and what they import; not the built-in catalogs).
	 *
	 * @return the findings, in file and line order
	 */
	public List<DesignDiagnostic> validate() {
		List<DesignDiagnostic> result = new ArrayList<>(textFindings);
		validateIssues().forEach((resource, issues) -> {
			Path file = fileOf(resource);
			List<DesignDiagnostic> found = new ArrayList<>();
			for (Issue issue : issues) {
				found.add(toDiagnostic(file, issue));
			}
			result.addAll(TextChecks.withoutCascade(found));
		});
		Collections.sort(result);
		return result;
	}

	/**
	 * Links the designs (unless {@link #link()} did) and validates every loaded design, as
	 * {@link #validate()} does, keeping Xtext's issues with their offsets: what the Studio's
	 * builder turns into problem markers. A design whose checks fail is among {@link #problems()}.
	 *
	 * @return the issues of each validated design, in load order
	 */
	public Map<Resource, List<Issue>> validateIssues() {
		if (!linked) {
			link();
		}
		Map<Resource, List<Issue>> result = new LinkedHashMap<>();
		Set<Path> refused = new HashSet<>();
		problems.forEach(p -> refused.add(p.path().toAbsolutePath().normalize()));
		for (Resource resource : List.copyOf(resourceSet.getResources())) {
			if (SiteGlobalScopeProvider.builtInCatalogs().contains(resource.getURI())) {
				continue;
			}
			if (!(resource instanceof XtextResource)) {
				continue;
			}
			Path file = fileOf(resource);
			if (refused.contains(file.toAbsolutePath().normalize())) {
				// An import refused as too large: among the problems, not a syntax error.
				continue;
			}
			try {
				// Everything was resolved by link(): the validator need not walk the references again.
				result.put(resource, validator.validateResolved(resource, CheckMode.ALL, CancelIndicator.NullImpl));
			} catch (RuntimeException e) {
				problems.add(new InputProblem(file, "the checks failed: " + Messages.quote(String.valueOf(e))));
			}
		}
		return result;
	}

	private static Path fileOf(Resource resource) {
		return Path.of(resource.getURI().toFileString() != null ? resource.getURI().toFileString()
				: resource.getURI().toString());
	}

	private static DesignDiagnostic toDiagnostic(Path file, Issue issue) {
		Severity severity = switch (issue.getSeverity()) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		default -> Severity.INFO;
		};
		int line = issue.getLineNumber() == null ? 0 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 0 : issue.getColumn();
		return new DesignDiagnostic(file, line, column, severity, codeOf(issue), TextChecks.oneLine(issue.getMessage()));
	}

	/**
	 * @return the code a user sees for an issue: its rule code, SYNTAX for unreadable text,
	 *         LINK for a name that leads nowhere
	 */
	public static String codeOf(Issue issue) {
		String code = issue.getCode();
		if (issue.isSyntaxError() || code == null || Diagnostic.SYNTAX_DIAGNOSTIC.equals(code)) {
			return issue.isSyntaxError() || code == null ? "SYNTAX" : code;
		}
		return Diagnostic.LINKING_DIAGNOSTIC.equals(code) ? "LINK" : code;
	}

	/** @return the designs loaded from the given paths, in load order */
	public List<Design> designs() {
		List<Design> designs = new ArrayList<>();
		for (Resource r : inputs) {
			if (!r.getContents().isEmpty() && r.getContents().get(0) instanceof Design d) {
				designs.add(d);
			}
		}
		return designs;
	}

	/** @return the resource set holding the designs and everything they import */
	public XtextResourceSet resourceSet() {
		return resourceSet;
	}
}
