package org.palisade.dsl.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

	/**
	 * Finds the design files among the given files and folders (folders are searched
	 * recursively, in name order) and loads them.
	 *
	 * @throws DesignInputException if a path does not exist or holds no design
	 */
	public DesignSet load(List<Path> paths) throws DesignInputException {
		resourceSet = resourceSetProvider.get();
		linked = false;
		List<Path> files = new ArrayList<>();
		for (Path path : paths) {
			files.addAll(designFiles(path));
		}
		for (Path file : files) {
			URI uri = URI.createFileURI(file.toAbsolutePath().normalize().toString());
			Resource resource = resourceSet.createResource(uri);
			try (var in = Files.newInputStream(file)) {
				resource.load(in, resourceSet.getLoadOptions());
			} catch (IOException e) {
				throw new DesignInputException(file + ": cannot be read: " + e.getMessage(), e);
			}
			inputs.add(resource);
		}
		return this;
	}

	private static List<Path> designFiles(Path path) throws DesignInputException {
		if (!Files.exists(path)) {
			throw new DesignInputException(path + ": no such file or folder");
		}
		if (Files.isRegularFile(path)) {
			return List.of(path);
		}
		try (Stream<Path> walk = Files.walk(path)) {
			List<Path> found = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith("." + EXTENSION))
					.sorted().toList();
			if (found.isEmpty()) {
				throw new DesignInputException(path + ": no ." + EXTENSION + " files in this folder");
			}
			return found;
		} catch (IOException e) {
			throw new DesignInputException(path + ": cannot be listed: " + e.getMessage(), e);
		}
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
		EcoreUtil.resolveAll(resourceSet);
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
		List<DesignDiagnostic> result = new ArrayList<>();
		validateIssues().forEach((resource, issues) -> {
			Path file = Path.of(resource.getURI().toFileString() != null ? resource.getURI().toFileString()
					: resource.getURI().toString());
			for (Issue issue : issues) {
				result.add(toDiagnostic(file, issue));
			}
		});
		Collections.sort(result);
		return result;
	}

	/**
	 * Links the designs (unless {@link #link()} did) and validates every loaded design, as
	 * {@link #validate()} does, keeping Xtext's issues with their offsets: what the Studio's
	 * builder turns into problem markers.
	 *
	 * @return the issues of each validated design, in load order
	 */
	public Map<Resource, List<Issue>> validateIssues() {
		if (!linked) {
			link();
		}
		Map<Resource, List<Issue>> result = new LinkedHashMap<>();
		for (Resource resource : List.copyOf(resourceSet.getResources())) {
			if (SiteGlobalScopeProvider.builtInCatalogs().contains(resource.getURI())) {
				continue;
			}
			if (!(resource instanceof XtextResource)) {
				continue;
			}
			// Everything was resolved by link(): the validator need not walk the references again.
			result.put(resource, validator.validateResolved(resource, CheckMode.ALL, CancelIndicator.NullImpl));
		}
		return result;
	}

	private static DesignDiagnostic toDiagnostic(Path file, Issue issue) {
		Severity severity = switch (issue.getSeverity()) {
		case ERROR -> Severity.ERROR;
		case WARNING -> Severity.WARNING;
		default -> Severity.INFO;
		};
		int line = issue.getLineNumber() == null ? 0 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 0 : issue.getColumn();
		return new DesignDiagnostic(file, line, column, severity, codeOf(issue), oneLine(issue.getMessage()));
	}

	/**
	 * @return the code a user sees for an issue: its rule code, SYNTAX for unreadable text,
	 *         LINK for a name that leads nowhere
	 */
	public static String codeOf(Issue issue) {
		String code = issue.getCode();
		if (issue.isSyntaxError() || code == null || Diagnostic.SYNTAX_DIAGNOSTIC.equals(code)) {
			return "SYNTAX";
		}
		return Diagnostic.LINKING_DIAGNOSTIC.equals(code) ? "LINK" : code;
	}

	private static String oneLine(String message) {
		return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
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
