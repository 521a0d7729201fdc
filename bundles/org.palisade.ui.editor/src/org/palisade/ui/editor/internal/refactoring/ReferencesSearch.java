package org.palisade.ui.editor.internal.refactoring;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.search.ui.ISearchQuery;
import org.eclipse.search.ui.ISearchResult;
import org.eclipse.search.ui.text.AbstractTextSearchResult;
import org.eclipse.search.ui.text.IEditorMatchAdapter;
import org.eclipse.search.ui.text.IFileMatchAdapter;
import org.eclipse.search.ui.text.Match;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.palisade.dsl.ide.refactoring.DesignReferences;
import org.palisade.workspace.ProjectDesigns;

/**
 * Find references (Ctrl+Shift+G): every use of a design element in its project, listed in
 * the Search view one line per use, and marked in open editors.
 */
public final class ReferencesSearch {

	/**
	 * One use, as the Search view lists it.
	 *
	 * @param file the design that uses the element
	 * @param line its line, from 1
	 * @param text that line's text, trimmed
	 */
	public record Use(IFile file, int line, String text) {
	}

	private ReferencesSearch() {
	}

	/** The search: runs in a job, loads the project as the user sees it. */
	public static final class Query implements ISearchQuery {

		private final IFile file;

		private final int offset;

		private final Result result = new Result(this);

		private String label = "References";

		public Query(IFile file, int offset) {
			this.file = file;
			this.offset = offset;
		}

		@Override
		public IStatus run(IProgressMonitor monitor) {
			result.removeAll();
			DesignElement target;
			try {
				target = DesignElement.at(file, offset);
			} catch (CoreException e) {
				return e.getStatus();
			}
			if (target == null) {
				label = "References: the caret in " + file.getName() + " is not on a named element";
				return Status.OK_STATUS;
			}
			List<DesignReferences.Reference> found = DesignReferences.find(target.element(), target.designs().resourceSet());
			List<Match> matches = new ArrayList<>();
			// A file's lines are split once: a schedule used a thousand times is one file read, not a thousand.
			java.util.Map<org.eclipse.emf.common.util.URI, String[]> lines = new java.util.HashMap<>();
			for (DesignReferences.Reference ref : found) {
				IFile in = ProjectDesigns.fileOf(ref.uri());
				if (in != null) {
					String[] text = lines.computeIfAbsent(ref.uri(), u -> linesOf(ref.source()));
					String line = ref.line() - 1 < text.length ? text[ref.line() - 1].strip() : "";
					matches.add(new Match(new Use(in, ref.line(), line), ref.offset(), ref.length()));
				}
			}
			label = "References to " + target.label() + ": " + matches.size() + (matches.size() == 1 ? " use" : " uses") + " in "
					+ file.getProject().getName();
			result.addMatches(matches.toArray(Match[]::new));
			return Status.OK_STATUS;
		}

		private static String[] linesOf(EObject source) {
			ICompositeNode root = NodeModelUtils.getNode(source).getRootNode();
			return root.getText().split("\r?\n", -1);
		}

		@Override
		public String getLabel() {
			return label;
		}

		@Override
		public boolean canRerun() {
			return true;
		}

		@Override
		public boolean canRunInBackground() {
			return true;
		}

		@Override
		public ISearchResult getSearchResult() {
			return result;
		}
	}

	/** The uses found; matches in an open editor are marked there. */
	public static final class Result extends AbstractTextSearchResult implements IEditorMatchAdapter {

		private final Query query;

		Result(Query query) {
			this.query = query;
		}

		@Override
		public String getLabel() {
			return query.getLabel();
		}

		@Override
		public String getTooltip() {
			return query.getLabel();
		}

		@Override
		public ImageDescriptor getImageDescriptor() {
			return null;
		}

		@Override
		public ISearchQuery getQuery() {
			return query;
		}

		@Override
		public IEditorMatchAdapter getEditorMatchAdapter() {
			return this;
		}

		@Override
		public IFileMatchAdapter getFileMatchAdapter() {
			return null;
		}

		@Override
		public boolean isShownInEditor(Match match, IEditorPart editor) {
			return match.getElement() instanceof Use use && editor.getEditorInput() instanceof IFileEditorInput in
					&& use.file().equals(in.getFile());
		}

		@Override
		public Match[] computeContainedMatches(AbstractTextSearchResult result, IEditorPart editor) {
			List<Match> shown = new ArrayList<>();
			for (Object element : getElements()) {
				for (Match match : getMatches(element)) {
					if (isShownInEditor(match, editor)) {
						shown.add(match);
					}
				}
			}
			return shown.toArray(Match[]::new);
		}
	}
}
