package org.palisade.dsl.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ChunkedResourceDescriptions;
import org.eclipse.xtext.util.TextRegion;
import org.palisade.dsl.ide.refactoring.DesignRename;

import com.google.inject.Inject;

/**
 * The Studio's rename over the protocol: the element under the cursor (its declaration or any
 * use) and every use of it in the workspace's designs, written as the grammar wants it there
 * ({@link DesignRename}). Xtext's default rename goes through the change serializer, which
 * leaves uses of names that are not exported (ports) stale. A name that is already taken, or
 * an element of a built-in catalog, is refused with the Studio's message.
 */
public class SiteRenameService implements IRenameService2 {

	@Inject
	private DesignRename rename;

	@Inject
	private EObjectAtOffsetHelper elements;

	@Inject
	private UriExtensions uris;

	@Override
	public WorkspaceEdit rename(Options options) {
		RenameParams params = options.getRenameParams();
		return options.getLanguageServerAccess().doSyncRead(params.getTextDocument().getUri(), context -> {
			XtextResource resource = (XtextResource) context.getResource();
			EObject element = elementAt(resource, context.getDocument().getOffSet(params.getPosition()));
			if (element == null) {
				throw refused("There is no named element here to rename.");
			}
			if (!element.eResource().getURI().isFile()) {
				throw refused(DesignRename.kind(element) + " '" + DesignRename.nameOf(element) + "' is declared in "
						+ element.eResource().getURI().lastSegment() + ", which is not a file of the workspace.");
			}
			ResourceSet designs = resource.getResourceSet();
			loadWorkspace(designs);
			String problem = rename.problem(element, params.getNewName());
			if (problem != null) {
				throw refused(problem);
			}
			Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
			for (DesignRename.FileEdits file : rename.rename(element, params.getNewName(), designs)) {
				Document document = file.uri().equals(resource.getURI()) ? context.getDocument() : documentOf(designs, file.uri());
				List<TextEdit> edits = new ArrayList<>();
				for (DesignRename.Replacement r : file.replacements()) {
					edits.add(new TextEdit(new Range(document.getPosition(r.offset()), document.getPosition(r.offset() + r.length())), r.text()));
				}
				changes.put(uris.toUriString(file.uri()), edits);
			}
			return new WorkspaceEdit(changes);
		});
	}

	@Override
	public Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior> prepareRename(PrepareRenameOptions options) {
		var params = options.getParams();
		return options.getLanguageServerAccess().doSyncRead(params.getTextDocument().getUri(), context -> {
			XtextResource resource = (XtextResource) context.getResource();
			Document document = context.getDocument();
			int offset = document.getOffSet(params.getPosition());
			EObject element = elementAt(resource, offset);
			if (element == null) {
				return null;
			}
			INode name = elements.getCrossReferenceNode(resource, new TextRegion(offset, 0));
			if (name == null) {
				List<INode> declared = NodeModelUtils.findNodesForFeature(element, DesignRename.nameAttribute(element));
				name = declared.isEmpty() ? null : declared.get(0);
			}
			if (name == null) {
				return null;
			}
			return Either3.forSecond(new PrepareRenameResult(
					new Range(document.getPosition(name.getOffset()), document.getPosition(name.getEndOffset())), DesignRename.nameOf(element)));
		});
	}

	/** @return the named element declared or used at an offset, or null */
	private EObject elementAt(XtextResource resource, int offset) {
		EObject element = elements.resolveElementAt(resource, offset);
		return element == null || element.eIsProxy() || DesignRename.nameOf(element) == null ? null : element;
	}

	/**
	 * Loads every design of the workspace index into the resource set the server read the
	 * design from (open documents as the client holds them), so that uses in files that are
	 * not open are renamed too.
	 */
	private static void loadWorkspace(ResourceSet designs) {
		ChunkedResourceDescriptions index = ChunkedResourceDescriptions.findInEmfObject(designs);
		if (index == null) {
			return;
		}
		for (IResourceDescription description : index.getAllResourceDescriptions()) {
			if (designs.getResource(description.getURI(), false) == null) {
				designs.getResource(description.getURI(), true);
			}
		}
		for (Resource r : List.copyOf(designs.getResources())) {
			org.eclipse.emf.ecore.util.EcoreUtil.resolveAll(r);
		}
	}

	private static Document documentOf(ResourceSet designs, URI uri) {
		Resource r = designs.getResource(uri, false);
		String text = r instanceof XtextResource x && x.getParseResult() != null ? x.getParseResult().getRootNode().getText() : "";
		return new Document(0, text);
	}

	private static ResponseErrorException refused(String message) {
		return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
	}
}
