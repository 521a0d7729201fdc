package org.palisade.ui.editor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.resources.IMarker;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.palisade.dsl.load.DesignSet;
import org.palisade.model.site.Area;
import org.palisade.model.site.Catalog;
import org.palisade.model.site.CatalogEntry;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.Network;
import org.palisade.model.site.PortConfig;
import org.palisade.model.site.Recipient;
import org.palisade.model.site.Rule;
import org.palisade.model.site.Schedule;
import org.palisade.model.site.Section;
import org.palisade.model.site.Site;
import org.palisade.model.site.Wire;
import org.palisade.workspace.PalisadeWorkspace;

/**
 * One pass over a design on the model's worker: the rules' findings (the same validator as
 * {@code palisade validate} and the builder), semantic highlighting and the outline.
 */
final class DesignAnalysis {

	private final ISemanticHighlightingCalculator highlighting;

	DesignAnalysis() {
		highlighting = PalisadeWorkspace.injector().getInstance(ISemanticHighlightingCalculator.class);
	}

	/** The outline of the last pass (worker thread only), to tell whether the tree changed shape. */
	private List<OutlineNode> lastOutline = List.of();

	private long shape;

	/**
	 * Runs the rules, hands their findings to {@code findings} at once, then works out the
	 * colours and the outline.
	 *
	 * @return the colours and outline, or null when the pass was cancelled by a newer change
	 */
	ReconcileResult analyse(DesignModel.Snapshot snapshot, CancelIndicator cancel, long started,
			Consumer<ReconcileResult> findings) {
		XtextResource resource = snapshot.resource();
		if (resource == null) {
			return null;
		}
		long t0 = System.nanoTime();
		IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
		List<Issue> issues = validator.validate(resource, CheckMode.ALL, cancel);
		if (cancel.isCanceled()) {
			return null;
		}
		boolean notes = PalisadeWorkspace.showsNotes();
		List<ReconcileResult.Problem> problems = new ArrayList<>();
		for (Issue issue : issues) {
			if (issue.getSeverity() == Severity.INFO && !notes || issue.getOffset() == null) {
				continue;
			}
			int severity = switch (issue.getSeverity()) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			default -> IMarker.SEVERITY_INFO;
			};
			String message = issue.getMessage() == null ? "" : issue.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
			problems.add(new ReconcileResult.Problem(issue.getOffset(), issue.getLength() == null ? 0 : issue.getLength(),
					severity, DesignSet.codeOf(issue), message));
		}
		long t1 = System.nanoTime();
		findings.accept(new ReconcileResult(snapshot.stamp(), problems, null, null,
				new ReconcileResult.Timings(started, snapshot.replayNanos(), t1 - t0, 0, 0, t1)));

		ReconcileResult.Highlights highlights = new ReconcileResult.Highlights();
		highlighting.provideHighlightingFor(resource, (offset, length, ids) -> highlights.add(offset, length, ids[0]),
				cancel);
		if (cancel.isCanceled()) {
			return null;
		}
		long t2 = System.nanoTime();
		List<OutlineNode> outline = outline(resource);
		if (!sameShape(lastOutline, outline)) {
			shape++;
		}
		lastOutline = outline;
		String text = resource.getParseResult() == null ? "" : resource.getParseResult().getRootNode().getText();
		List<ReconcileResult.Fold> folds = Folds.of(text, outline);
		long t3 = System.nanoTime();
		return new ReconcileResult(snapshot.stamp(), null, highlights, new ReconcileResult.Outline(outline, folds, shape),
				new ReconcileResult.Timings(started, snapshot.replayNanos(), t1 - t0, t2 - t1, t3 - t2, System.nanoTime()));
	}

	/** @return whether two outlines have the same nodes (ids), in the same places */
	static boolean sameShape(List<OutlineNode> a, List<OutlineNode> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!a.get(i).id().equals(b.get(i).id()) || !sameShape(a.get(i).children(), b.get(i).children())) {
				return false;
			}
		}
		return true;
	}

	static List<OutlineNode> outline(XtextResource resource) {
		List<OutlineNode> roots = new ArrayList<>();
		for (EObject root : resource.getContents()) {
			if (root instanceof Design design) {
				for (EObject element : design.getElements()) {
					OutlineNode node = node("", element);
					if (node != null) {
						roots.add(node);
					}
				}
			}
		}
		return roots;
	}

	private static OutlineNode node(String parentId, EObject element) {
		String label = label(element);
		if (label == null) {
			return null;
		}
		ICompositeNode text = NodeModelUtils.getNode(element);
		if (text == null) {
			return null;
		}
		String id = parentId + "/" + label;
		List<OutlineNode> children = new ArrayList<>();
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (EObject child : children(element)) {
			OutlineNode node = node(id, child);
			if (node != null) {
				// Two wires of one colour to one terminal are two nodes, not one.
				int n = 1;
				String unique = node.id();
				while (!ids.add(unique)) {
					unique = node.id() + "#" + ++n;
				}
				children.add(unique.equals(node.id()) ? node
						: new OutlineNode(unique, node.label(), node.kind(), node.offset(), node.length(), node.children()));
			}
		}
		return new OutlineNode(id, label, element.eClass().getName(), text.getOffset(), text.getLength(), List.copyOf(children));
	}

	private static List<? extends EObject> children(EObject element) {
		List<EObject> children = new ArrayList<>();
		if (element instanceof Site site) {
			children.addAll(site.getNetworks());
		}
		if (element instanceof Section section) {
			children.addAll(section.getSchedules());
			children.addAll(section.getRecipients());
			children.addAll(section.getDevices());
		} else if (element instanceof Catalog catalog) {
			children.addAll(catalog.getEntries());
		} else if (element instanceof Device device) {
			children.addAll(device.getPorts());
			children.addAll(device.getWires());
			children.addAll(device.getRules());
		}
		return children;
	}

	private static String label(EObject element) {
		if (element instanceof Site site) {
			return "site \"" + site.getName() + "\"";
		}
		if (element instanceof Area area) {
			return "area " + area.getName();
		}
		if (element instanceof Catalog catalog) {
			return "catalog \"" + catalog.getName() + "\"";
		}
		if (element instanceof Network network) {
			return "network " + network.getName() + " " + network.getSubnet();
		}
		if (element instanceof Schedule schedule) {
			return "schedule " + schedule.getName() + (schedule.getLabel() != null ? " \"" + schedule.getLabel() + "\"" : "");
		}
		if (element instanceof Recipient recipient) {
			return "recipient " + recipient.getName();
		}
		if (element instanceof Device device) {
			String model = device.getType() == null || device.getType().eIsProxy() ? "" : " : " + device.getType().getName();
			return device.getRole().getLiteral() + " " + device.getName() + model;
		}
		if (element instanceof PortConfig port) {
			return "port " + port.getPort() + " " + port.getDirection().getLiteral() + " \"" + port.getName() + "\"";
		}
		if (element instanceof Wire wire) {
			ICompositeNode to = wire.getTo() == null ? null : NodeModelUtils.getNode(wire.getTo());
			return "wire " + wire.getColour() + (to == null ? "" : " to " + NodeModelUtils.getTokenText(to));
		}
		if (element instanceof Rule rule) {
			return "rule \"" + rule.getName() + "\"";
		}
		if (element instanceof CatalogEntry entry) {
			return (element.eClass().getName().equals("DeviceType") ? "model " : "application ") + entry.getName();
		}
		return null;
	}
}
